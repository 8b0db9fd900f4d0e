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
// (除了, or 除 with 外 after it) and the end of what it sets aside (以外,
// 还, a question word, a clause mark), and nowhere else in a: a word also
// written after (除了省级甲区还有哪些省级区) names the kind asked, not a
// thing set aside. others are the part's other key terms: what is asked.
func exceptedTerms(a Asked) (excepted, others []Term) {
	from, end := exceptSpan(a.Text)
	if from < 0 {
		return nil, nil
	}
	span, rest := a.Text[from:end], a.Text[:from]+" "+a.Text[end:]
	for _, t := range a.Terms {
		switch {
		case !t.Key || t.Context:
		case strings.Contains(span, t.Text) && !strings.Contains(rest, t.Text):
			excepted = append(excepted, t)
		default:
			others = append(others, t)
		}
	}
	return excepted, others
}

// exceptSpan is where what text sets aside starts and ends, -1 when it
// sets nothing aside. A lead inside a verb (扣除了) sets nothing aside;
// the bare lead 除 does only with 外 after it in its clause (除甲、乙外).
func exceptSpan(text string) (from, end int) {
	at, lead := indexAny(text, lexicon.exceptLeads)
	if r, _ := utf8.DecodeLastRuneInString(text[:max(at, 0)]); at < 0 || strings.ContainsRune(lexicon.notExceptBefore, r) {
		return -1, -1
	}
	from = at + len(lead)
	end = len(text)
	if k := strings.IndexAny(text[from:], listMarks); k >= 0 {
		end = from + k
	}
	if lead == lexicon.bareExceptLead && !strings.Contains(text[from:end], lexicon.bareExceptEnd) {
		return -1, -1
	}
	for _, w := range lexicon.exceptEnds {
		if k := strings.Index(text[from:end], w); k > 0 {
			end = from + k
		}
	}
	return from, end
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
// in a list it closes with 等 (a clause whose items, split by 、, each
// name one, the last right before 等), and no other clause of it writes
// a word of others, the part's key terms not set aside: a sentence may
// go on to name the others (甲、乙等馆开放，丙馆也开放).
func onlyExcepted(text string, excepted, others []Term) bool {
	if len(excepted) == 0 {
		return false
	}
	listed := false
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(listMarks, r) }) {
		items := strings.Split(c, itemMark)
		switch {
		case len(items) >= 2 && allNamed(items, excepted) && closedAfter(items[len(items)-1], excepted):
			listed = true
		case namesAny(c, others):
			return false
		}
	}
	return listed
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
