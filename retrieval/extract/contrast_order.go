package extract

import "strings"

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

// rateRunes bounds how far before a figure its period is looked for.
const rateRunes = 12
