package extract

import (
	"strings"
	"unicode/utf8"
)

// contrastOrder is lexicon.contrasts as qualifiersIn reads them: each set's
// qualifiers longest spelling first (byLength), their spellings split. It
// runs for every question part, where sorting and splitting the sets anew
// cost more than looking for them.
var contrastOrder = orderContrasts(lexicon.contrasts)

// eventOrder is lexicon.events read the same way, as one set.
var eventOrder = orderContrasts([][]string{lexicon.events})[0]

// qualifier is one qualifier of a contrast set: its name (first spelling)
// and every spelling.
type qualifier struct {
	name      string
	spellings []string
}

func orderContrasts(sets [][]string) [][]qualifier {
	out := make([][]qualifier, len(sets))
	for i, set := range sets {
		for _, q := range byLength(set) {
			sp := strings.Split(q, "|")
			out[i] = append(out[i], qualifier{name: sp[0], spellings: sp})
		}
	}
	return out
}

// askedCurrencyMismatch is currencyMismatch for a question whose currency
// (askedCurrency) is known: a part's windows share it.
func askedCurrencyMismatch(asked string, figs []Figure) bool {
	if asked == "" {
		return false
	}
	money := false
	for _, f := range figs {
		if !strings.HasSuffix(f.Unit, "元") {
			continue
		}
		money = true
		if currencyOf(f.Unit) == asked {
			return false
		}
	}
	return money
}

// ratePeriod is the index in lexicon.ratePeriods of the period s gives an
// amount per (the one written last), -1 when it names none. Words of
// lexicon.rateMasks (一日游, 一年级) name no period.
func ratePeriod(s string) int {
	s = blankOut(s, lexicon.rateMasks)
	best, at := -1, -1
	for i, ws := range lexicon.ratePeriods {
		if k := lastIndexAny(s, ws); k > at {
			best, at = i, k
		}
	}
	return best
}

// rateMismatch reports whether the figures of figs in the asked unit
// (any, when none is asked) are each given per another period than the
// asked one, in the clause before them: 每日3万吨 for a question per
// year. A figure given per no period may be the yearly total.
func rateMismatch(asked int, unit, text string, figs []Figure) bool {
	if asked < 0 {
		return false
	}
	other := false
	for _, f := range figs {
		if unit != "" && !unitMatches(f.Unit, unit) {
			continue
		}
		switch p := ratePeriod(clauseBefore(text, f.Start, rateRunes)); {
		case p == asked, p < 0:
			return false
		default:
			other = true
		}
	}
	return other
}

// perItemMismatch reports whether the part asks a total (一共) and the
// figures of figs in the asked unit (any, when none is asked) are each
// given per item in the clause before them (每期观看超过100万人次): what
// one item counts is not what all of them do. A total written after the
// lead (为每名新生共计发放校服2万套) counts them all.
func perItemMismatch(total bool, unit, text string, figs []Figure) bool {
	if !total {
		return false
	}
	other := false
	for _, f := range figs {
		if unit != "" && !unitMatches(f.Unit, unit) {
			continue
		}
		before := clauseBefore(text, f.Start, rateRunes)
		k := perItemAt(before)
		if k < 0 || containsAny(before[k:], lexicon.perItemTotals) {
			return false
		}
		other = true
	}
	return other
}

// perItem reports whether s tells of one item of a kind (perItemAt).
func perItem(s string) bool { return perItemAt(s) >= 0 }

// perItemAt is where the words telling of one item of a kind end in s:
// after a lead and its counter (每场, 单期) or a word per head (人均); -1
// when s has none. Periods (每年) are ratePeriod's.
func perItemAt(s string) int {
	s = maskOut(s, lexicon.perItemMasks)
	for _, w := range lexicon.perItemWords {
		if i := strings.Index(s, w); i >= 0 {
			return i + len(w)
		}
	}
	for _, lead := range lexicon.perItemLeads {
		for i := strings.Index(s, lead); i >= 0; i = indexFrom(s, lead, i+len(lead)) {
			rest := s[i+len(lead):]
			if c := hasPrefixAny(rest, lexicon.counters); c != "" && !picksItems(rest[len(c):]) {
				return i + len(lead) + len(c)
			}
		}
	}
	return -1
}

// maskOut is s with every word of ws written over with as many spaces,
// so that offsets in it are offsets in s.
func maskOut(s string, ws []string) string {
	for _, w := range ws {
		s = strings.ReplaceAll(s, w, strings.Repeat(" ", len(w)))
	}
	return s
}

// picksItems reports whether rest, the words after a lead and its counter
// up to a figure, hold a threshold with its own value (单笔超亿元项目32个,
// 单个投资1亿元以上项目): the lead then picks out which items the figure
// counts. A threshold right before the figure (每期观看超过100万) is the
// figure's.
func picksItems(rest string) bool {
	for _, w := range lexicon.perItemThresholds {
		for i := strings.Index(rest, w); i >= 0; i = indexFrom(rest, w, i+len(w)) {
			if startsWithValue(rest[i+len(w):]) {
				return true
			}
		}
	}
	for _, w := range lexicon.perItemAfterValue {
		if i := strings.Index(rest, w); i > 0 && strings.ContainsAny(rest[:i], "0123456789十百千万亿") {
			return true
		}
	}
	return false
}

// startsWithValue reports whether s opens with a number: a digit, a
// Chinese numeral or a magnitude (超亿元, 超过5千万).
func startsWithValue(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || isCnValue(r) || strings.ContainsRune("十百千万亿", r)
}

// rateRunes bounds how far before a figure its period is looked for.
const rateRunes = 12
