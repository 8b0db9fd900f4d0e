package extract

import (
	"strings"
	"unicode/utf8"
)

// conjunctRunes bounds each of two things joined right before a count
// (走访甲和乙企业12家).
const conjunctRunes = 10

// joinRunes is the longest word joining two things (以及).
const joinRunes = 2

// jointAsked reports whether the figure at byte at of text counts two
// things joined right before it (走访甲企业和乙企业12家) where part names
// the first, by a word ending right at the join, and not the second: the
// count is of both together, no answer for the one asked. A thing named
// right before the figure is the figure's own (甲中心和乙中心12个 for
// 乙中心有几个); a first conjunct ending in a figure of its own
// (甲120亿元和乙) makes a list of figures, each its thing's; and the last
// two of a longer list (甲、乙和丙3类项目90个) are a list's, which a
// question names by a few of its items; a figure told apart for each
// (分别, 各) is each one's.
func (pi *partInfo) jointAsked(text string, sen *sentence, at int) bool {
	before := text[clauseBeforeStart(sen, at):at]
	// The join stands right before the second thing, of at most
	// conjunctRunes runes: only the clause's tail needs searching.
	tail := lastRunes(before, conjunctRunes+joinRunes)
	k, join := lastJoin(tail)
	if k < 0 {
		return false
	}
	k += len(before) - len(tail)
	left, right := before[:k], before[k+len(join):]
	if right == "" || utf8.RuneCountInString(right) > conjunctRunes || !isHanWord(right) ||
		strings.Contains(right, "的") || containsAny(right, distributors) || endsInAmount(left) || endsInItem(left) {
		return false
	}
	if n := leadingNumber(text[at:]); n == "2" || strings.HasPrefix(text[at:], "两") {
		// 甲和乙2个 counts the two it joins: it names them.
		return false
	}
	return pi.endsInKey(left) && !pi.namesBefore(right)
}

// lastJoin is where before last writes a word joining two things
// (lexicon.nounJoiners) and the word, -1 when it writes none; of two
// ending together (以及, 及) the longer.
func lastJoin(before string) (int, string) {
	at, word := -1, ""
	for _, j := range lexicon.nounJoiners {
		if k := strings.LastIndex(before, j); k > at {
			at, word = k, j
		}
	}
	if at < 0 {
		return at, word
	}
	end := at + len(word)
	for _, j := range lexicon.nounJoiners {
		if len(j) > len(word) && strings.HasSuffix(before[:end], j) {
			at, word = end-len(j), j
		}
	}
	return at, word
}

// endsInAmount reports whether s ends in a figure with a unit other than
// a list's size (甲500强 is a name).
func endsInAmount(s string) bool {
	for _, f := range readFigures(s) {
		if f.End == len(s) && f.Unit != "" && f.Unit != "强" {
			return true
		}
	}
	return false
}

// endsInKey reports whether s ends in one of the part's own key words:
// not a place, a word carried over from another part or a lone
// character.
func (pi *partInfo) endsInKey(s string) bool {
	c := Canon(s)
	for _, t := range pi.a.Terms {
		if t.Key && !t.Context && !t.Fragment && !t.Place && !t.Frame && endsInForm(c, t) {
			return true
		}
	}
	return false
}

// endsInForm reports whether s ends in t or one of its other forms.
func endsInForm(s string, t Term) bool {
	return strings.HasSuffix(s, t.Text) || hasSuffixAny(s, t.Alts) != ""
}

// namesBefore reports whether s writes a word of the part other than its
// last word: the kind both things are of (甲企业和乙企业) names neither.
func (pi *partInfo) namesBefore(s string) bool {
	c := newCanonText(Canon(s))
	for _, t := range pi.a.Terms {
		if !t.Context && termIn(t, c) && !(endsInForm(c.s, t) && len(t.Text) < len(c.s)) {
			return true
		}
	}
	return false
}

// endsInItem reports whether left, the text before a join, ends in an item
// of a list: a short run after 、.
func endsInItem(left string) bool {
	k := strings.LastIndex(left, itemMark)
	return k >= 0 && utf8.RuneCountInString(left[k+len(itemMark):]) <= listedNameRunes
}
