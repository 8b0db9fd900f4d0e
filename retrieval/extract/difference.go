package extract

import (
	"strings"
	"unicode/utf8"
)

// A part may ask how far one thing is from another (比全省快多少, 高出全省
// 几个百分点): only a difference answers it (高于全省3.1个百分点), not
// the thing's own level or growth told beside it (增长9%). A base in time
// (比上年) asks a change instead, which the change features weigh.

// asksDifference reports whether text asks how far something stands from
// another thing: a word comparing two things (高出, 快于) before the word
// asking how much, or 比, a thing and a comparative right before it (比全省
// 快多少). A comparing word after the asking one qualifies what is counted
// (有几个县增速高于全省), and 比 inside a word (比重, 占比) compares nothing.
func asksDifference(text string) bool {
	if changeBase(text) != "" {
		return false
	}
	text = blankOut(text, lexicon.notDiffMarks)
	for _, v := range lexicon.diffVerbs {
		if i := strings.Index(text, v); i >= 0 && hasAsk(text[i+len(v):]) {
			return true
		}
	}
	for i := strings.Index(text, lexicon.diffMark); i >= 0; i = indexFrom(text, lexicon.diffMark, i+len(lexicon.diffMark)) {
		if comparedAsked(firstRunes(text[i+len(lexicon.diffMark):], diffRunes)) {
			return true
		}
	}
	return false
}

// hasAsk reports whether s holds a word asking how much.
func hasAsk(s string) bool { return containsAny(s, lexicon.diffAsks) }

// diffRunes bounds how far after 比 the comparative and the word asking
// how much are looked for (比全省平均快多少).
const diffRunes = 10

// comparedAsked reports whether s holds a comparative right before a word
// asking how much (快多少, 高了几).
func comparedAsked(s string) bool {
	for i, r := range s {
		if i > 0 && strings.ContainsRune(lexicon.comparatives, r) && hasPrefixAny(s[i+utf8.RuneLen(r):], lexicon.diffAsks) != "" {
			return true
		}
	}
	return false
}

// isDifference reports whether figure f of text tells how far something
// stands from another thing: a comparing word, or 比 and no base in time,
// stands earlier in its clause.
func isDifference(text string, f Figure) bool {
	before := clauseBefore(text, f.Start, baseRunes)
	if changeBase(before) != "" {
		return false
	}
	before = blankOut(before, lexicon.notDiffMarks)
	return containsAny(before, lexicon.diffVerbs) || strings.Contains(before, lexicon.diffMark)
}
