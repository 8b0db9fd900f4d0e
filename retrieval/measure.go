package retrieval

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"yearbookbot/retrieval/internal/dict"
)

// A count asked with a measure word (公交车一共几辆) of a noun the
// yearbook writes otherwise (公交运营车辆4210辆): the figure's unit agrees
// with the measure word, and the words counted before it hold the
// question's characters in order, keeping its first. Those words are
// another form of the question's term, so the sentence is found and
// weighed as if it wrote it.

// askedMeasure is a count asked with its measure word (几辆, 多少家).
var askedMeasure = regexp.MustCompile(`(?:几|多少)(\p{Han})`)

// countedBefore is the words counted right before a figure with unit m.
func countedBefore(m string) *regexp.Regexp {
	return regexp.MustCompile(`(\p{Han}{2,12})[0-9]+(?:\.[0-9]+)?` + regexp.QuoteMeta(m))
}

// measureForms are the words the documents count with the measure word q
// asks by, holding term's characters in order; only for a term of three
// characters or more that the documents never write.
func (e *Engine) measureForms(q, term string, docs []int) []string {
	m := askedMeasure.FindStringSubmatch(dict.Fold(q))
	term = dict.Fold(term)
	if m == nil || utf8.RuneCountInString(term) < 3 || !isHan(term) || e.seenIn(term, docs) {
		return nil
	}
	re := countedBefore(m[1])
	t := []rune(term)
	var out []string
	for i, p := range e.passages {
		if docs != nil && !slices.Contains(docs, e.passageDoc[i]) || p.Paragraph.Table > 0 {
			continue
		}
		for _, mm := range re.FindAllStringSubmatch(dict.Fold(p.Paragraph.Text), -1) {
			w := []rune(mm[1])
			// The run starts where the term does (公交… for 公交车).
			if k := slices.Index(w, t[0]); k >= 0 {
				w = w[k:]
			}
			if w[0] == t[0] && holdsInOrder(w, t) && !slices.Contains(out, string(w)) {
				out = append(out, string(w))
			}
		}
	}
	return out
}

// holdsInOrder reports whether w holds every rune of t in order.
func holdsInOrder(w, t []rune) bool {
	j := 0
	for _, r := range w {
		if j < len(t) && r == t[j] {
			j++
		}
	}
	return j == len(t) && !strings.ContainsRune(string(w), '的')
}
