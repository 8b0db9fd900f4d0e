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
	// wide is set for a passage's whole text (nil: not checked), and
	// passage to the passage, whose matches terms memoize (termMemo).
	wide    *wideSet
	passage *Prepared
}

func newCanonText(s string) canonText { return canonText{s: s, runes: runeSetOf(s)} }

// joinCanon is a + sep + b with its set, without rescanning a and b.
func joinCanon(a canonText, sep string, b canonText) canonText {
	return canonText{s: a.s + sep + b.s, runes: a.runes.union(b.runes).union(runeSetOf(sep))}
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

// mayHold reports whether c may contain word w with set ws.
func (c canonText) mayHold(ws runeSet, w string) bool {
	return c.runes.mayHold(ws) && c.wide.mayHoldWord(w)
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
