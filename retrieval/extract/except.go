package extract

import (
	"strings"
	"unicode/utf8"
)

// A question may set things aside (除了甲、乙，还有哪些): it asks for the
// others. A sentence that lists only those and closes the list with 等
// (甲、乙等5个) tells that there are others without naming them: it
// cannot answer, whatever words it shares.

// exceptedTerms are the key terms of a written between an except lead
// (除了) and the end of what it sets aside (以外, 还, a clause mark), and
// nowhere else in a: a word also written after (除了省级甲区还有哪些省级区)
// names the kind asked, not a thing set aside.
func exceptedTerms(a Asked) []Term {
	at, lead := indexAny(a.Text, lexicon.exceptLeads)
	if r, _ := utf8.DecodeLastRuneInString(a.Text[:max(at, 0)]); at < 0 || strings.ContainsRune(lexicon.notExceptBefore, r) {
		return nil
	}
	from := at + len(lead)
	end := len(a.Text)
	if k := strings.IndexAny(a.Text[from:], listMarks); k >= 0 {
		end = from + k
	}
	for _, w := range lexicon.exceptEnds {
		if k := strings.Index(a.Text[from:end], w); k > 0 {
			end = from + k
		}
	}
	span, rest := a.Text[from:end], a.Text[:at]+" "+a.Text[end:]
	var out []Term
	for _, t := range a.Terms {
		if t.Key && !t.Context && strings.Contains(span, t.Text) && !strings.Contains(rest, t.Text) {
			out = append(out, t)
		}
	}
	return out
}

// indexAny is where the first of words written in s starts and which it
// is, -1 and "" when s writes none.
func indexAny(s string, words []string) (int, string) {
	at, found := -1, ""
	for _, w := range words {
		if k := strings.Index(s, w); k >= 0 && (at < 0 || k < at) {
			at, found = k, w
		}
	}
	return at, found
}

// onlyExcepted reports whether sentence text lists only things set aside
// in a list it closes with 等: a clause whose items, split by 、, each
// name one, the last right before 等.
func onlyExcepted(text string, excepted []Term) bool {
	if len(excepted) == 0 {
		return false
	}
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(listMarks, r) }) {
		items := strings.Split(c, "、")
		if len(items) >= 2 && allNamed(items, excepted) && closedAfter(items[len(items)-1], excepted) {
			return true
		}
	}
	return false
}

// allNamed reports whether every item names a term of ts.
func allNamed(items []string, ts []Term) bool {
	for _, it := range items {
		if !namesAny(it, ts) {
			return false
		}
	}
	return true
}

func namesAny(s string, ts []Term) bool {
	for _, t := range ts {
		if strings.Contains(s, t.Text) {
			return true
		}
	}
	return false
}

// closedAfter reports whether item, a list's last, writes 等 right after
// a term of ts (乙等5个城市).
func closedAfter(item string, ts []Term) bool {
	for _, t := range ts {
		if strings.Contains(item, t.Text+lexicon.listCloser) {
			return true
		}
	}
	return false
}
