package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// officeAsked reports whether the part asks who holds an office one
// person holds (院长是谁, 村支书叫什么): a yearbook writing the office
// without a holder (由市领导任指挥长) does not tell who.
func (pi *partInfo) officeAsked() bool {
	return pi.role != nil && hasSuffixAny(pi.role.Text, lexicon.officeEnds) != ""
}

// namesHolder reports whether sentence s names the holder of an office it
// writes: a name right after the office (院长甲某某, 院长：甲某, 院长为甲某),
// or a name or another office before an appointing verb of the office's
// clause (甲某同志任组长, 由副市长任组长).
func namesHolder(s string) bool {
	for _, end := range lexicon.officeEnds {
		for i := 0; ; {
			k := strings.Index(s[i:], end)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(end)
			if startsWithName(trimHolderSep(s[i:])) || appointedBefore(s[:at]) {
				return true
			}
		}
	}
	return false
}

// trimHolderSep drops one of lexicon.holderSeps leading s.
func trimHolderSep(s string) string {
	for _, sep := range lexicon.holderSeps {
		if rest, ok := strings.CutPrefix(s, sep); ok {
			return rest
		}
	}
	return s
}

// appointedBefore reports whether the clause ending before reads a holder
// put in office: an appointing verb with a name or an office before it.
func appointedBefore(before string) bool {
	clause := before[clauseStart(before):]
	for _, v := range lexicon.appointVerbs {
		k := strings.LastIndex(clause, v)
		if k < 0 {
			continue
		}
		who := strings.TrimSuffix(clause[:k], "同志")
		return endsWithName(who) || hasSuffixAny(who, lexicon.officeEnds) != ""
	}
	return false
}

// clauseStart is the byte offset where the last clause of s begins.
func clauseStart(s string) int {
	k := strings.LastIndexFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) && !strings.ContainsRune("“”‘’\"", r)
	})
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[k:])
	return k + n
}

// startsWithName reports whether s opens with a surname and at least one
// more Chinese character.
func startsWithName(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(lexicon.surnames, r) {
		return false
	}
	next, m := utf8.DecodeRuneInString(s[n:])
	return m > 0 && unicode.Is(unicode.Han, next)
}

// endsWithName reports whether s ends with a surname and one or two more
// Chinese characters.
func endsWithName(s string) bool {
	rs := []rune(s)
	for _, k := range []int{2, 3} {
		if len(rs) < k || !strings.ContainsRune(lexicon.surnames, rs[len(rs)-k]) {
			continue
		}
		if allHan(rs[len(rs)-k:]) {
			return true
		}
	}
	return false
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(rs) > 0
}
