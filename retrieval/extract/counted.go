package extract

import (
	"strings"
	"unicode/utf8"
)

// countedRunes bounds how far before a count the measured word is looked
// for (依托甲企业新建乙中心20家).
const countedRunes = 24

// countReadings reads the counts of figs that could answer, in one pass
// over them, for two features:
//
//   - another: every such count measures something else than the measured
//     word: what a verb of making or adding made after it
//     (依托甲企业新建乙中心20家 counts centres, not firms: countedAfterVerb),
//     or a kind of it set apart by a clause the question does not name
//     (投向3个甲项目的资金达5亿元 for 资金多少: countedKind ending in 的);
//   - qualified: every such count is of a kind of the measured thing the
//     part does not name (3万个中小企业 for 多少企业: qualifiedAfter), or is
//     told of such a kind (8项乙类任务中7项 for 任务多少项: countedKind).
//     Such a count answers when no count of all of them is written, so it
//     only ranks (RankOnly).
//
// Both read the measured word in a figure's clause, so a window that does
// not write it needs no reading.
func (pi *partInfo) countReadings(text string, r Range, figs []Figure) (another, qualified bool) {
	if pi.measure == nil || !writesForm(text[r.Start:r.End], *pi.measure) {
		return false, false
	}
	m := *pi.measure
	fit := pi.fitOf(figs)
	found := false
	another, qualified = pi.measureNear, true
	for _, f := range figs {
		if !fit.ok(f) || f.Kind != KindNumber {
			continue
		}
		found = true
		before := clauseBefore(text, f.Start, countedRunes)
		kind := pi.countedKind(m, before)
		kindApart := kind != "" && pi.qualifies(kind)
		another = another && (pi.countedAfterVerb(m, before) || kindApart && strings.HasSuffix(kind, "的"))
		qualified = qualified && (kindApart || pi.qualifiedAfter(m, text[f.End:]))
		if !another && !qualified {
			break
		}
	}
	return found && another, found && qualified
}

// countedAfterVerb reports whether before, the clause up to a count,
// writes the measured word m, then a verb of making or adding
// (lexicon.flowWords), then a thing the part does not name — not a word
// of the count itself (总数达, lexicon.countObjectsNot).
func (pi *partInfo) countedAfterVerb(m Term, before string) bool {
	_, at := lastFormAt(before, m)
	if at < 0 {
		return false
	}
	gap := before[at:]
	k := lastFlowWord(gap)
	if k < 0 {
		return false
	}
	object := gap[k+len(hasPrefixAny(gap[k:], lexicon.flowWords)):]
	return utf8.RuneCountInString(object) >= 2 && isHanWord(object) &&
		hasPrefixAny(object, lexicon.countObjectsNot) == "" && !pi.namesAny(object)
}

// countedKind is what before, the clause up to a figure, writes between
// a count and the measured word m written last (18项乙类任务 → 乙类), when
// only words qualifying it stand there; "" when it does not write m right
// after a count. A kind set apart there is what the figure is told of; a
// clause ending in 的 (投向3个甲项目的资金) restricts what it qualifies,
// where a word of a compound (乙类任务) may only describe it.
func (pi *partInfo) countedKind(m Term, before string) string {
	start, _ := lastFormAt(before, m)
	if start < 0 {
		return ""
	}
	i := start
	for n := 0; i > 0 && n < qualifierRunes; n++ {
		r, size := utf8.DecodeLastRuneInString(before[:i])
		if r < 0x3400 {
			return ""
		}
		i -= size
		if afterCount(before[:i]) {
			return before[i:start]
		}
	}
	return ""
}

// qualifiedAfter reports whether after, the text right after a count,
// writes words qualifying the measured word m that set a kind apart the
// part does not name, then the word (8项乙类任务).
func (pi *partInfo) qualifiedAfter(m Term, after string) bool {
	i := 0
	for n := 0; i < len(after) && n < qualifierRunes; n++ {
		r, size := utf8.DecodeRuneInString(after[i:])
		if r < 0x3400 {
			return false
		}
		i += size
		if formAt(after[i:], m) {
			return pi.qualifies(after[:i])
		}
	}
	return false
}

// qualifies reports whether words standing between a count and the
// measured word set a kind of it apart: after the part's own words right
// before the measured one are taken off (试点 of 试点任务), some are left
// and they name nothing the part asks.
func (pi *partInfo) qualifies(words string) bool {
	for {
		w := pi.endingTerm(words)
		if w == "" {
			break
		}
		words = words[:len(words)-len(w)]
	}
	return words != "" && !pi.namesAny(words)
}

// endingTerm is the part's word that words ends with, "" when none.
func (pi *partInfo) endingTerm(words string) string {
	for _, t := range pi.a.Terms {
		if !t.Context && t.Text != "" && strings.HasSuffix(words, t.Text) {
			return t.Text
		}
	}
	return ""
}

// writesForm reports whether window writes t or one of its other forms:
// the readings above look for the measured word in the clause of a figure
// of the window, so a window without it needs no reading.
func writesForm(window string, t Term) bool {
	return strings.Contains(window, t.Text) || containsAny(window, t.Alts)
}

// formAt reports whether s opens with t or one of its other forms.
func formAt(s string, t Term) bool {
	return strings.HasPrefix(s, t.Text) || hasPrefixAny(s, t.Alts) != ""
}

// lastFormAt is where s last writes t or one of its other forms, and
// where that ends; -1, -1 when it writes none.
func lastFormAt(s string, t Term) (start, end int) {
	start, end = -1, -1
	consider := func(w string) {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			start, end = i, i+len(w)
		}
	}
	consider(t.Text)
	for _, w := range t.Alts {
		consider(w)
	}
	return start, end
}
