package extract

import (
	"strings"
	"unicode"
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
	// A name the segmenter splits into words that are no key (乙蜂 as 乙
	// and 蜂) is set aside as written.
	for _, w := range strings.FieldsFunc(span, func(r rune) bool { return strings.ContainsRune(lexicon.exceptSeparators, r) }) {
		if utf8.RuneCountInString(w) >= 2 && !strings.Contains(rest, w) {
			excepted = append(excepted, Term{Text: w})
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
	from += len(text[from:]) - len(strings.TrimLeft(text[from:], " "))
	end = len(text)
	// A question's commas are spaces once normalized: either ends it.
	if k := strings.IndexAny(text[from:], listMarks+" "); k >= 0 {
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
		case len(items) >= 2 && allNamed(items, excepted) && closedAfter(items[len(items)-1], excepted),
			len(items) >= 2 && abbreviated(items, excepted) && strings.Contains(items[len(items)-1], lexicon.listCloser),
			len(items) == 1 && closedByCount(c, excepted):
			listed = true
		case namesAny(c, others):
			return false
		}
	}
	return listed
}

// abbreviated reports whether a name set aside abbreviates the items of
// a list, one character of each in order, each item's name starting with
// it (甲乙丙 for 对标甲市、乙市、丙市: the first item may open with a verb,
// so its name is read at its end). Names shorter than
// lexicon.minAbbreviation are too often names of their own (甲乙 is no
// abbreviation of 甲丙、乙丁).
func abbreviated(items []string, ts []Term) bool {
	for _, t := range ts {
		rs := []rune(t.Text)
		if len(rs) < lexicon.minAbbreviation || len(rs) != len(items) || namesAny(strings.Join(items, itemMark), []Term{t}) {
			continue // a name written whole is no abbreviation
		}
		all := true
		for i, it := range items {
			if i == 0 {
				// The first item's name: at most maxAbbreviated characters
				// at its end.
				it = lastRunes(it, maxAbbreviated)
			}
			r, _ := utf8.DecodeRuneInString(it)
			all = all && (r == rs[i] || i == 0 && strings.ContainsRune(it, rs[i]))
		}
		if all {
			return true
		}
	}
	return false
}

// maxAbbreviated is the longest name an abbreviation's character stands
// for (甲市, 乙自治区).
const maxAbbreviated = 4

// closedByCount reports whether clause c names one thing set aside and
// closes it with 等 and a count (引进乙蜂商贸有限公司等8个项目): it tells
// that there are others, one name alone. Only a firm's tail
// (lexicon.firmTails) may stand between the name and 等: another word may
// be another name (甲市联合乙市等3个).
func closedByCount(c string, ts []Term) bool {
	k := strings.Index(c, lexicon.listCloser)
	if k < 0 || strings.Count(c, lexicon.listCloser) > 1 {
		return false
	}
	after := c[k+len(lexicon.listCloser):]
	if r, _ := utf8.DecodeRuneInString(after); !unicode.IsDigit(r) {
		return false
	}
	for _, t := range ts {
		if j := strings.LastIndex(c[:k], t.Text); j >= 0 && madeOf(c[j+len(t.Text):k], lexicon.firmTails) {
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
