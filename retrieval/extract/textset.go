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

// canonText is canonical text (Canon) with the sets of its characters
// and character pairs, computed once when a passage is prepared and read
// by every question.
type canonText struct {
	s     string
	runes runeSet
	pairs pairSet
	// wide is set for a passage's whole text (nil: not checked), and
	// passage to the passage, whose matches terms memoize (termMemo).
	wide    *wideSet
	passage *Prepared
}

func newCanonText(s string) canonText {
	return canonText{s: s, runes: runeSetOf(s), pairs: pairSetOf(s)}
}

// joinCanon is a + sep + b with its sets, without rescanning a and b for
// the character set.
func joinCanon(a canonText, sep string, b canonText) canonText {
	s := a.s + sep + b.s
	return canonText{s: s, runes: a.runes.union(b.runes).union(runeSetOf(sep)), pairs: pairSetOf(s)}
}

// wideSet is a 1024-bit set of the characters of a long text (a whole
// passage with its headings), where a runeSet fills up and tells little.
type wideSet [16]uint64

// wideSetOf is nil, which may hold anything, for a text that is not
// valid UTF-8.
func wideSetOf(s string) *wideSet {
	if !utf8.ValidString(s) {
		return nil
	}
	ws := new(wideSet)
	for _, r := range s {
		h := wideHash(r)
		ws[h>>6] |= 1 << (h & 63)
	}
	return ws
}

func wideHash(r rune) uint32 { return uint32(r) * 0x9E3779B1 >> 22 } // onto 0–1023

// mayHoldWord reports whether the text may contain w: false only when w
// has a character the text lacks. A character that may stand for an
// invalid byte (utf8.RuneError) may be held.
func (ws *wideSet) mayHoldWord(w string) bool {
	if ws == nil {
		return true
	}
	for _, r := range w {
		if r == utf8.RuneError {
			return true
		}
		if h := wideHash(r); ws[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// mayHold reports whether c may contain word w with signature ws.
// The wide set is read only for a word of one character: a longer word's
// pairs tell more, and reading it decodes the word again.
func (c *canonText) mayHold(ws *wordSig, w string) bool {
	return c.runes.mayHold(ws.runes) && c.pairs.mayHoldPairs(ws.pairs) && (len(ws.pairs) > 0 || c.wide.mayHoldWord(w))
}

// wordSig is what a word is checked against a text's sets with: its
// character set and the hashes of its adjacent character pairs. The zero
// value, that of a word that is not valid UTF-8, may be held by any text.
type wordSig struct {
	runes runeSet
	pairs []uint32
}

func wordSigOf(w string) wordSig {
	if !utf8.ValidString(w) {
		return wordSig{}
	}
	return wordSig{runes: wordSetOf(w), pairs: appendPairs(nil, w)}
}

// appendPairs appends the hashes of the adjacent character pairs of w,
// which must be valid UTF-8, to dst.
func appendPairs(dst []uint32, w string) []uint32 {
	prev := rune(-1)
	for _, r := range w {
		if prev >= 0 {
			dst = append(dst, pairHash(prev, r))
		}
		prev = r
	}
	return dst
}

// pairSet is a set of the adjacent character pairs of a valid UTF-8 text,
// about 8 bits a pair. A valid word occurs in a valid text only where its
// characters do, one after the other, so each of its pairs is one of the
// text's: in a passage, whose characters fill a runeSet, the pairs still
// tell most absent words without a substring search. nil (a text that
// is not valid UTF-8) may hold anything.
type pairSet []uint64

func pairSetOf(s string) pairSet {
	if !utf8.ValidString(s) {
		return nil
	}
	ps := make(pairSet, max(1, (8*utf8.RuneCountInString(s)+63)/64))
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			b := ps.bit(pairHash(prev, r))
			ps[b>>6] |= 1 << (b & 63)
		}
		prev = r
	}
	return ps
}

// bit is where pair hash h falls in the set (multiply-shift onto its
// bits, which need not be a power of two).
func (ps pairSet) bit(h uint32) uint64 { return uint64(h) * uint64(len(ps)*64) >> 32 }

// pairHash mixes a character pair into 32 bits.
func pairHash(a, b rune) uint32 {
	h := uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA6B
	h ^= h >> 15
	h *= 0xC2B2AE35
	h ^= h >> 13
	return h
}

// mayHoldPairs reports whether a text with set ps may hold a word with
// pair hashes hs: false only when one of them is missing.
func (ps pairSet) mayHoldPairs(hs []uint32) bool {
	if ps == nil {
		return true
	}
	for _, h := range hs {
		if b := ps.bit(h); ps[b>>6]&(1<<(b&63)) == 0 {
			return false
		}
	}
	return true
}

// termMemo remembers a part's term's matches in whole passages, which
// the term weights, the passage's coverage and its missing terms each
// ask for. It lives as long as the part's compiled terms (walkCandidates).
type termMemo struct {
	keys []*Prepared
	vals []float64
}

func (m *termMemo) get(p *Prepared) (float64, bool) {
	for i, k := range m.keys {
		if k == p {
			return m.vals[i], true
		}
	}
	return 0, false
}

func (m *termMemo) put(p *Prepared, v float64) {
	m.keys = append(m.keys, p)
	m.vals = append(m.vals, v)
}
