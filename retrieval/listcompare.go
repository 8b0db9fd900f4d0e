package retrieval

import (
	"slices"
	"strings"
	"unicode"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// Two items of a sentence's list compared (二产跟一产谁快 of 第一产业增加值
// …，增长3.6%；第二产业…，增长5.2%；第三产业…): both clauses are quoted,
// the larger first, and the lead says which is larger, by the figures as
// written, never computed. An item is named by a form of its label (an
// everyday name of the indicators list: 一产 for 第一产业) or by a run of
// the question its label holds in order that keeps a character no other
// item's label has (一 of 第一产业 among 第二产业 and 第三产业).

// answerListComparison answers a which-word comparison (哪个快, 谁多) of
// exactly two items of one list a sentence of t writes.
func (e *Engine) answerListComparison(qa extract.Question, t tier) (result, bool) {
	q := dict.Fold(qa.Text)
	dir, at := comparativeAsked(q)
	if dir == 0 {
		return result{}, false
	}
	word := q[at.start:at.end]
	found, texts, lead := -1, []string(nil), ""
	for i, p := range e.passages {
		if t.docs != nil && !slices.Contains(t.docs, e.passageDoc[i]) || p.Paragraph.Table > 0 {
			continue
		}
		for s := range strings.SplitAfterSeq(p.Paragraph.Text, "。") {
			items := parseList(s)
			pair := namedItems(q, items)
			if len(pair) != 2 {
				continue
			}
			rest := q
			for _, it := range pair {
				rest = withoutRuns(rest, it.label)
			}
			rate := asksRate(rest) || strings.ContainsAny(rest, "快慢")
			decline := rate && containsAny(rest, tableWords.declines)
			d := dir
			if decline {
				d = -d // 哪个降得多: the lower growth
			}
			quote, l, ok := comparePair(pair, rate, d, word, decline)
			if !ok {
				continue
			}
			if found >= 0 {
				return result{}, false // two lists fit: the selector decides
			}
			found, texts, lead = i, quote, l
		}
	}
	if found < 0 {
		return result{}, false
	}
	r := e.quoteSentence(t, found, texts[0], qa.Text, "list comparison: two figures of a sentence's list compared, not computed")
	f := r.facts[0]
	f.Text, f.Figures = texts[1], nil
	for _, fig := range extract.Figures(texts[1]) {
		f.Figures = append(f.Figures, Span{Start: fig.Start, End: fig.End})
	}
	r.facts = append(r.facts, f)
	r.lead = lead
	return r, true
}

// comparePair orders two items by the figure asked (their growth when
// rate, else their level) times dir, and says which is larger: 第一产业
// 增加值更快, or of a decline asked, 第二产业增加值下降更多 when it did fall.
// ok is false on a tie or a figure missing.
func comparePair(pair []listItem, rate bool, dir int, word string, decline bool) ([]string, string, bool) {
	v := func(it listItem) (float64, bool) {
		if rate {
			return it.rate * float64(dir), it.rated
		}
		return it.level * float64(dir), true
	}
	a, okA := v(pair[0])
	b, okB := v(pair[1])
	if !okA || !okB || a == b {
		return nil, "", false
	}
	win, lose := pair[0], pair[1]
	if b > a {
		win, lose = lose, win
	}
	quote := []string{win.text, lose.text}
	switch {
	case !decline:
		return quote, win.label + "更" + word, true
	case win.rate < 0:
		return quote, win.label + "下降更" + word, true
	}
	return quote, "", true // neither fell: the figures say so themselves
}

// namedItems are the items of a list the question names, in the list's
// order; an item named by a run that names another item as well is not.
func namedItems(q string, items []listItem) []listItem {
	var out []listItem
	for i, it := range items {
		if itemNamed(q, it, items, i) {
			out = append(out, it)
		}
	}
	return out
}

// itemNamed reports whether q names item i of items: a form of its label
// whole, or a run of two characters or more its label holds in order
// that keeps a character of its own.
func itemNamed(q string, it listItem, items []listItem, i int) bool {
	forms := append([]string{it.label}, indicatorVariants(it.label)...)
	qr := []rune(q)
	for _, f := range forms {
		if strings.Contains(q, f) {
			return true
		}
		for _, run := range orderedRuns(qr, []rune(f)) {
			if ownChar(run, items, i) {
				return true
			}
		}
	}
	return false
}

// ownChar reports whether run holds a character of item i's label that
// no other item's label holds.
func ownChar(run string, items []listItem, i int) bool {
	for _, r := range run {
		if !strings.ContainsRune(items[i].label, r) {
			continue
		}
		if !slices.ContainsFunc(items, func(o listItem) bool { return o.label != items[i].label && strings.ContainsRune(o.label, r) }) {
			return true
		}
	}
	return false
}

// orderedRuns are the runs of two Chinese characters or more of q that
// label holds in order, each the longest starting where it starts.
func orderedRuns(q, label []rune) []string {
	var out []string
	for i := range q {
		j, k := 0, i
		for ; k < len(q) && unicode.Is(unicode.Han, q[k]); k++ {
			p := slices.Index(label[j:], q[k])
			if p < 0 {
				break
			}
			j += p + 1
		}
		if k-i >= minNameRunes {
			out = append(out, string(q[i:k]))
		}
	}
	return out
}
