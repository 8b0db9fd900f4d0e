package retrieval

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"yearbookbot/retrieval/extract"
)

// The year a series first passed a value (哪年开始超过80万吨): the cells
// of one label are held up against the value year by year, as a yes/no
// question's figure is (extract.Verdict), and the year that passes right
// after one that does not, every later year passing too, is answered,
// quoted with the year before so that both sides show. Nothing is
// computed; a series past the value from its first year, never past it,
// dipping below it again, with a gap of years before the passing one, or
// with a cell not held up, is left to the selector.

// passingAsked is the value a question asks the first year past (哪年开始
// 超过80万吨 → 超过80万吨), where it stands, and ok false when the question
// asks no first year or holds no value up.
func passingAsked(rest string) (string, span, bool) {
	w := &tableWords
	first := containsAny(rest, w.firstTimes) || containsAny(rest, w.crossings) && !containsAny(rest, w.pluralYears)
	// 哪年没有突破 asks the years short of the value: no first year.
	if !containsAny(rest, w.whichYears) || !first || containsAny(rest, w.negations) {
		return "", span{}, false
	}
	s, ok := thresholdSpan(rest)
	if !ok {
		return "", span{}, false
	}
	return rest[s.start:s.end], s, true
}

// answerFirstPassing answers the first year the one label tq names passed
// tq.passing.
func (e *Engine) answerFirstPassing(tq tableQuery, t tier) (tableResult, bool) {
	ix := e.tables
	cands := ix.namedCells(tq, t.docs)
	if len(cands) < 2 || !ix.oneSeries(cands) || !e.onlyTableWords(tq, cands) {
		return tableResult{}, false
	}
	slices.SortFunc(cands, func(a, b int) int { return ix.cells[a].year - ix.cells[b].year })
	question := tq.passing + tableWords.yesNo[0]
	first := -1
	for i, c := range cands {
		switch extract.Verdict(question, ix.cellFigure(c)) {
		case "是":
			if first < 0 {
				first = i
			}
		case "否":
			if first >= 0 {
				return tableResult{}, false // below the value again
			}
		default:
			return tableResult{}, false // a cell not held up against the value
		}
	}
	if first < 1 || ix.cells[cands[first-1]].year != ix.cells[cands[first]].year-1 {
		return tableResult{}, false // never past it, past it from the start, or a gap
	}
	prev, c := cands[first-1], cands[first]
	year := ix.cells[c].year
	return tableResult{quote: []int{ix.cells[prev].passage, ix.cells[c].passage}, related: -1,
		lead: fmt.Sprintf("%d年", year),
		why:  fmt.Sprintf("table series: %d is the first year of %s past %s", year, ix.tables[ix.cells[c].table].title, tq.passing)}, true
}

// oneSeries reports whether the cells are one label's levels, one a year.
func (ix *tableIndex) oneSeries(cands []int) bool {
	first := ix.cells[cands[0]]
	var years []int
	for _, c := range cands {
		cell := ix.cells[c]
		if cell.table != first.table || cell.rate != "" || !cell.valued || cell.year == 0 ||
			!slices.Equal(cell.names, first.names) || slices.Contains(years, cell.year) {
			return false
		}
		years = append(years, cell.year)
	}
	return true
}

// cellFigure is a cell's figure with its unit (95.2万吨), as a sentence
// would write it.
func (ix *tableIndex) cellFigure(c int) string {
	cell := ix.cells[c]
	return strings.TrimSpace(strconv.FormatFloat(cell.value, 'f', -1, 64) + cell.unit)
}
