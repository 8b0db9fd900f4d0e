package extract

import "unicode/utf8"

// runeSet is a 256-bit summary of the characters of a text. A word with
// a character outside a text's set cannot occur in that text, which tells
// most absent question terms without a substring search (most of a
// question's terms are absent from most clauses and sentences).
type runeSet [4]uint64

// fullRuneSet holds every character: the set of a text that is not valid
// UTF-8, where a byte-wise match need not align with its characters.
var fullRuneSet = runeSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

func runeSetOf(s string) runeSet {
	if !utf8.ValidString(s) {
		return fullRuneSet
	}
	var rs runeSet
	for _, r := range s {
		h := uint32(r) * 2654435761 >> 24 // Fibonacci hashing onto 0–255
		rs[h>>6] |= 1 << (h & 63)
	}
	return rs
}

// mayHold reports whether a text with set rs may contain a word with set
// w: false only when the word has a character the text lacks.
func (rs runeSet) mayHold(w runeSet) bool {
	return w[0]&^rs[0]|w[1]&^rs[1]|w[2]&^rs[2]|w[3]&^rs[3] == 0
}

func (rs runeSet) union(o runeSet) runeSet {
	return runeSet{rs[0] | o[0], rs[1] | o[1], rs[2] | o[2], rs[3] | o[3]}
}

// wordSetOf is the set a word is checked against a text's with: that of
// its characters, or the empty set (which every text may hold) when the
// word is not valid UTF-8.
func wordSetOf(w string) runeSet {
	if !utf8.ValidString(w) {
		return runeSet{}
	}
	return runeSetOf(w)
}

// canonText is canonical text (Canon) with the set of its characters,
// computed once when a passage is prepared and read by every question.
type canonText struct {
	s     string
	runes runeSet
}

func newCanonText(s string) canonText { return canonText{s: s, runes: runeSetOf(s)} }

// joinCanon is a + sep + b with its set, without rescanning a and b.
func joinCanon(a canonText, sep string, b canonText) canonText {
	return canonText{s: a.s + sep + b.s, runes: a.runes.union(b.runes).union(runeSetOf(sep))}
}
