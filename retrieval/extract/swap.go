package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A near miss often writes every word of the question but one, and puts
// another word in that one's place: the count of one kind of school for
// another kind, the first phase's cost for the second's, building 3 for
// building 5. Coverage sees one word missing, as in a paraphrase; what tells
// the two apart is that the text fills the missing word's slot, right
// beside the word it qualifies or is qualified by, with a word of its own.

// termPair is two key terms the question writes side by side, left first.
type termPair struct{ left, right Term }

// adjoiningPairs lists the part's key terms that adjoin in its text. Places
// are left out: the place features judge them.
func adjoiningPairs(a Asked) []termPair {
	text := Canon(a.Text)
	var out []termPair
	for i := 0; i+1 < len(a.Terms); i++ {
		l, r := a.Terms[i], a.Terms[i+1]
		if !slotTerm(l) || !slotTerm(r) {
			continue
		}
		if strings.Contains(text, Canon(l.Text)+Canon(r.Text)) {
			out = append(out, termPair{l, r})
		}
	}
	return out
}

func slotTerm(t Term) bool { return t.Key && !t.Context && !t.Place && !t.Soft }

// swapped reports whether canon holds one term of an adjoining pair but
// not the other, and writes another word where the missing one would
// stand: 职业学校 for 普通学校, 一期投资 for 二期投资, 3号楼 for 5号楼.
func (pi *partInfo) swapped(canon canonText) bool {
	for _, p := range pi.pairs {
		lIn, rIn := termIn(p.left, canon), termIn(p.right, canon)
		switch {
		case lIn && !rIn && wordAfter(canon.s, Canon(p.left.Text)):
			return true
		case rIn && !lIn && wordBefore(canon.s, Canon(p.right.Text)):
			return true
		}
	}
	return false
}

// wordAfter reports whether some occurrence of w in s is followed by a
// word character that is not a linking word (的, 和, 达 …).
func wordAfter(s, w string) bool {
	return filledBeside(s, w, func(at int) rune {
		r, _ := utf8.DecodeRuneInString(s[at+len(w):])
		return r
	})
}

// wordBefore is wordAfter for the character before an occurrence of w.
func wordBefore(s, w string) bool {
	return filledBeside(s, w, func(at int) rune {
		r, _ := utf8.DecodeLastRuneInString(s[:at])
		return r
	})
}

// filledBeside reports whether, at some occurrence of w in s (at its byte
// offset), the character neighbour gives is a slot filler.
func filledBeside(s, w string, neighbour func(at int) rune) bool {
	for from := 0; w != ""; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		if slotFiller(neighbour(from + i)) {
			return true
		}
		from += i + len(w)
	}
	return false
}

// slotFiller reports whether r may start or end a word qualifying another:
// a Chinese character other than a linking one, or a digit (4号线).
func slotFiller(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(lexicon.linkers, r)
}

// properUnseen reports whether the part names a name, place or number that
// no paragraph writes in any form: the documents tell of something else.
// A soft word the segmenter tags as a numeral (一共) names nothing.
func properUnseen(a Asked) bool {
	for _, t := range a.Terms {
		if t.Proper && t.Unseen && !t.Context && !t.Soft {
			return true
		}
	}
	return false
}
