package retrieval

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// A label named by its end with another qualifier before that end in the
// question (中型水库 of a column of 小型水库) asks a figure the table does
// not hold: the question's qualifier is a word of its own that the
// shortened match cuts (中型), and shares no character with the label's
// own (小), while the match holds more than half the label. A qualifier
// sharing one shortens the label's (小水库). A word
// standing whole before a shortened label is not read: speech often adds
// one that the label leaves implied (房地产 before 开发投资).

// otherQualifierRefusal refuses a question naming a label of docs' tables
// only by its end under another qualifier, saying so, with a row the label
// stands in (the one named, else the first) as related content; a sentence the
// selector finds writing the qualifier and the end asked answers instead.
func (e *Engine) otherQualifierRefusal(tq tableQuery, docs []int) (tableResult, bool) {
	ix := e.tables
	for _, n := range slices.Sorted(maps.Keys(tq.named)) {
		s := tq.named[n]
		run := tq.q[s.start:s.end]
		k := strings.Index(n, run)
		if k <= 0 || 2*utf8.RuneCountInString(run) <= utf8.RuneCountInString(n) || slices.Contains(ix.formsOf(n), run) {
			continue
		}
		word, cut, ok := e.qualifierBefore(tq, s)
		if !ok || strings.ContainsAny(n[:k], cut) {
			continue
		}
		if c, ok := ix.cellOfLabel(tq, n, docs); ok {
			info := ix.tables[c.table]
			related := info.rowPassages[c.row]
			if related < 0 {
				related = c.passage
			}
			// A sentence writing the question's word (中型) stands.
			return tableResult{refused: true, related: related, stated: []string{word},
				why: fmt.Sprintf("table %s has %s, not %s (another qualifier)", info.title, n, cut+run)}, true
		}
	}
	return tableResult{}, false
}

// cellOfLabel is a cell of docs' tables under label n, in a row tq names
// when there is one, else the first; ok is false when none.
func (ix *tableIndex) cellOfLabel(tq tableQuery, n string, docs []int) (tableCell, bool) {
	var first *tableCell
	for i, c := range ix.cells {
		if !ix.ofDocs(c.table, docs) || !slices.Contains(c.names, n) {
			continue
		}
		if names := ix.tables[c.table].rowNames[c.row]; len(names) > 0 && tq.namesAll(names) && !slices.Contains(names, n) {
			return c, true
		}
		if first == nil {
			first = &ix.cells[i]
		}
	}
	if first == nil {
		return tableCell{}, false
	}
	return *first, true
}

// qualifierBefore is the word the segmenter reads across the start of
// the named span s (中型 before 型水库) and its part before s (中), when no
// label of the tables writes that word (远洋 of 远洋渔业 names that row);
// ok is false when there is none.
func (e *Engine) qualifierBefore(tq tableQuery, s span) (word, cut string, ok bool) {
	if e.seg == nil {
		return "", "", false
	}
	for _, sg := range e.seg.top(tq.q) {
		if start, end := sg.Start(), sg.End(); start < s.start && end > s.start {
			word = tq.q[start:end]
			return word, tq.q[start:s.start], !slices.ContainsFunc(e.tables.names, func(n string) bool { return strings.Contains(n, word) })
		}
	}
	return "", "", false
}
