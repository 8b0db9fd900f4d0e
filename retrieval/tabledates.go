package retrieval

import (
	"slices"
	"strings"

	"yearbookbot/retrieval/extract"
)

// rowStart answers when a row named began (甲公园哪年建的) with its cell
// under a column of the years rows began (startColumn): the one such cell
// of the rows named, when the question says nothing but the row, the date
// asked and verbs of starting.
func (e *Engine) rowStart(qa extract.Question, tq tableQuery, docs []int) (tableResult, bool) {
	ix := e.tables
	if !tq.titleAsk && !slices.ContainsFunc(qa.Parts, func(p extract.Part) bool { return slices.Contains(p.Wants, extract.WantDate) }) {
		return tableResult{}, false
	}
	cands := ix.namedRowCells(tq, docs, ix.startColumn)
	if len(cands) != 1 {
		return tableResult{}, false
	}
	asked := tq
	said := append(slices.Clone(tableWords.startVerbs), tableWords.whenAsks...)
	asked.marks = append(slices.Clone(tq.marks), spansOf(tq.q, said)...)
	if !e.onlyTableWords(asked, cands) {
		return tableResult{}, false
	}
	return ix.oneCellPerRow(asked, cands)
}

// startColumn reports whether cell c holds a year under a label of dates
// that says a start (startLabel).
func (ix *tableIndex) startColumn(c tableCell) bool {
	label := nameOf(strings.Join(ix.tables[c.table].t.Columns[c.col], ""))
	return c.unit == tableWords.yearWord && c.valued && c.value >= 1000 && startLabel(label)
}

// startLabel reports whether label l names the dates things began (设立
// 年份, 建成时间), not those of a later deed (扩建时间).
func startLabel(l string) bool {
	return endsWithAny(l, tableWords.dateLabelEnds) && containsAny(l, tableWords.startVerbs) && !containsAny(l, tableWords.otherDeeds)
}

// startExtremeAsked is the direction of the first or last start asked
// (tableWords.startExtremes) and where it stands, 0 when none.
func startExtremeAsked(q string) (int, span) {
	for _, x := range tableWords.startExtremes {
		if i := strings.Index(q, x.word); i >= 0 {
			return x.direction, span{i, i + len(x.word)}
		}
	}
	return 0, span{}
}
