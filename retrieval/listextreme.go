package retrieval

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// An extreme over a list a sentence writes, as a table would (第一产业增加值
// 182.4亿元，增长3.6%；第二产业增加值2016.7亿元，增长5.2%；第三产业…): 三次
// 产业哪个增加值最大 is answered with the clause of the largest level, 哪个
// 涨得最快 with the clause of the largest growth. A list is three clauses
// or more, split by ；, each naming its item before a level in one unit;
// the question must name the items' shared words (产业, 增加值). Figures are
// compared as written, never computed.

// minListItems is the fewest clauses that make a list.
const minListItems = 3

// listItem is one clause of a list: what it names, its level and growth.
type listItem struct {
	text  string
	label string
	unit  string
	level float64
	rate  float64
	rated bool
}

var (
	// listLevel is a clause's item and level: 第一产业增加值182.4亿元.
	listLevel = regexp.MustCompile(`^(\p{Han}{2,12}?)([0-9]+(?:\.[0-9]+)?)(\p{Han}{0,3})$`)
	// listRate is its growth: 增长3.6%, 下降1.2%.
	listRate = regexp.MustCompile(`^(?:比上年)?(增长|增速|提高|下降|回落|减少)(-?[0-9]+(?:\.[0-9]+)?)[%％]$`)
)

// listLeads open a clause without naming its item (其中，第一产业…).
var listLeads = []string{"其中", "分别为", "分别是"}

// parseList reads the list a sentence writes, nil when it writes none.
func parseList(sentence string) []listItem {
	var items []listItem
	for clause := range strings.SplitSeq(strings.TrimRight(sentence, "。"), "；") {
		it, ok := parseListItem(clause)
		if !ok {
			return nil
		}
		if len(items) > 0 && it.unit != items[0].unit {
			return nil
		}
		items = append(items, it)
	}
	if len(items) < minListItems {
		return nil
	}
	return items
}

func parseListItem(clause string) (listItem, bool) {
	var segs []string
	for seg := range strings.SplitSeq(clause, "，") {
		if seg = strings.TrimSpace(seg); seg != "" && !slices.Contains(listLeads, seg) {
			segs = append(segs, seg)
		}
	}
	if len(segs) == 0 {
		return listItem{}, false
	}
	m := listLevel.FindStringSubmatch(segs[0])
	if m == nil {
		return listItem{}, false
	}
	it := listItem{text: strings.Join(segs, "，"), label: m[1], unit: m[3]}
	it.level, _ = strconv.ParseFloat(m[2], 64)
	for _, seg := range segs[1:] {
		if r := listRate.FindStringSubmatch(seg); r != nil {
			it.rate, _ = strconv.ParseFloat(r[2], 64)
			if slices.Contains(tableWords.declines, r[1]) || r[1] == "下降" {
				it.rate = -it.rate
			}
			it.rated = true
		}
	}
	return it, true
}

// sharedWords is the longest run every label ends with (产业增加值).
func sharedWords(items []listItem) string {
	suffix := []rune(items[0].label)
	for _, it := range items[1:] {
		l := []rune(it.label)
		n := 0
		for n < len(l) && n < len(suffix) && l[len(l)-1-n] == suffix[len(suffix)-1-n] {
			n++
		}
		suffix = suffix[len(suffix)-n:]
	}
	return string(suffix)
}

// namesList reports whether q names two characters or more of the words
// the list's items share.
func namesList(q, shared string) bool {
	rs := []rune(shared)
	for i := 0; i+minNameRunes <= len(rs); i++ {
		if strings.Contains(q, string(rs[i:i+minNameRunes])) {
			return true
		}
	}
	return false
}

// answerListExtreme answers an extreme asked over a list a sentence of t
// writes; ok is false when the question asks none or no one list fits.
func (e *Engine) answerListExtreme(qa extract.Question, t tier) (result, bool) {
	q := dict.Fold(qa.Text)
	dir := extremeAsked(q)
	if dir == 0 {
		return e.answerListComparison(qa, t)
	}
	if !containsAny(q, tableWords.whichWords) {
		return result{}, false
	}
	found, at := -1, ""
	for i, p := range e.passages {
		if t.docs != nil && !slices.Contains(t.docs, e.passageDoc[i]) || p.Paragraph.Table > 0 {
			continue
		}
		for s := range strings.SplitAfterSeq(p.Paragraph.Text, "。") {
			items := parseList(s)
			if items == nil || !namesList(q, sharedWords(items)) {
				continue
			}
			// The items' own words (增加值) ask no growth.
			rest := withoutRuns(q, sharedWords(items))
			rate := asksRate(rest) || strings.ContainsAny(rest, "快慢")
			d := dir
			if rate && containsAny(rest, tableWords.declines) {
				d = -d
			}
			best, ok := listTop(items, rate, d)
			if !ok {
				continue
			}
			if found >= 0 {
				return result{}, false // two lists fit: the selector decides
			}
			found, at = i, best
		}
	}
	if found < 0 {
		return result{}, false
	}
	return e.quoteSentence(t, found, at, qa.Text, "list extreme: figures of a sentence's list compared, not computed"), true
}

// listTop is the text of the one item with the largest figure asked
// (times dir); ok is false on a tie or when an item lacks the figure.
func listTop(items []listItem, rate bool, dir int) (string, bool) {
	top, text, tied := 0.0, "", false
	for i, it := range items {
		v := it.level
		if rate {
			if !it.rated {
				return "", false
			}
			v = it.rate
		}
		v *= float64(dir)
		switch {
		case i == 0 || v > top:
			top, text, tied = v, it.text, false
		case v == top:
			tied = true
		}
	}
	return text, !tied
}

// withoutRuns blanks out of q every run of two characters or more of
// words, longest first.
func withoutRuns(q, words string) string {
	rs := []rune(words)
	for n := len(rs); n >= minNameRunes; n-- {
		for i := 0; i+n <= len(rs); i++ {
			w := string(rs[i : i+n])
			q = strings.ReplaceAll(q, w, strings.Repeat(" ", len(w)))
		}
	}
	return q
}
