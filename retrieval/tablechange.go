package retrieval

import (
	"slices"
	"strings"
)

// A difference asked (较前年增加几万户, 多出几家) of a table that writes a
// row's levels by year and its growth rate but no difference: a sentence
// stating the change answers first (…常住人口…比上年末增加…万人; the selector is
// asked with the yearbooks' own 比上年 for the user's 比前年). Without one
// the row is quoted: both levels, from which the reader sees the
// difference, and the growth the table writes. Quoting them is more useful
// than a refusal, which would hide figures the table holds, and than the
// growth alone, which answers a rate where an amount was asked; the
// difference itself is never computed, since no one wrote it.

// differenceAsked answers a difference asked with the rows of cands,
// setting what a sentence must write to answer first instead.
func (ix *tableIndex) differenceAsked(tq tableQuery, cands []int) (tableResult, bool) {
	res, ok := ix.rows(cands)
	if ix.yearsOf(cands) > 1 {
		// The levels of the years compared, each quoted apart: a row of
		// a table with years as rows holds every other column too.
		res, ok = ix.oneCellPerRow(tq, cands)
	}
	if !ok {
		return res, false
	}
	for _, s := range tq.named {
		res.stated = append(res.stated, tq.q[s.start:s.end])
	}
	res.why = "table row for a difference no cell writes: " + strings.TrimPrefix(res.why, "table row: ")
	res.search = sinceLastYear(tq.q)
	return res, true
}

// changeUntold refuses a change asked since a year a row of cands does not
// hold (the table lacks it, or the row leaves it blank), unless a sentence
// states it (stated, search as for differenceAsked).
func (ix *tableIndex) changeUntold(tq tableQuery, cands []int) tableResult {
	res := ix.lackingYear(tableQuery{years: tq.since}, cands)
	for _, s := range tq.named {
		res.stated = append(res.stated, tq.q[s.start:s.end])
	}
	res.search = sinceLastYear(tq.q)
	return res
}

// sinceLastYear writes a comparison with a relative year (比前年, 较上一年)
// as the yearbooks write the change over the year before the one they
// cover (比上年): a reader counting back from today names that year so.
// "" when q has none.
func sinceLastYear(q string) string {
	out := q
	for _, s := range tableWords.sinceWords {
		for w := range tableWords.relativeYears {
			out = strings.ReplaceAll(out, s+w, "比上年")
		}
	}
	if out == q {
		return ""
	}
	return out
}

// levelsForChange are the level cells of cands when a change between two
// years is asked (从2020年到去年增加了多少, 比前年多了几家), or a direction
// with no year named of cells of several years (座位是多了还是少了: since
// the latest year before), in no percent, rate or share word and no cell
// of cands writes a rate: the levels of the years compared are what the
// table tells of it. A direction asked (还是) is told by the levels too.
func (ix *tableIndex) levelsForChange(tq tableQuery, cands []int) ([]int, bool) {
	w := &tableWords
	// A direction asked of no year (变多还是变少) is since the year before;
	// an amount asked of none (增长了多少) may be a rate a sentence states.
	twoYears := len(tq.years) > 1 || len(tq.since) > 0 || tq.direction && len(tq.years) == 0 && ix.yearsOf(cands) > 1
	if !tq.rate || tq.row || !twoYears {
		return nil, false
	}
	// The 还是 of a direction asks no percent; 百分之几 beside it does.
	percent := containsAny(strings.ReplaceAll(tq.rest, w.directionOr, ""), w.percentAsks)
	if percent || containsAny(tq.rest, w.rateOnlyAsks) || containsAny(tq.rest, w.shareAsks) {
		return nil, false
	}
	if slices.ContainsFunc(cands, func(c int) bool { return ix.cells[c].rate != "" }) {
		return nil, false
	}
	return cands, len(cands) > 0
}

// yearsOf counts the distinct years of cands' cells.
func (ix *tableIndex) yearsOf(cands []int) int {
	var years []int
	for _, c := range cands {
		years = appendNew(years, ix.cells[c].year)
	}
	return len(years)
}

// yearBefore is the year a direction asked with no year is counted from:
// the latest of cands' years before the one the question would be
// answered for (the covered year); none when cands hold no earlier year.
func (ix *tableIndex) yearBefore(cands, covered []int) []int {
	chosen := ix.defaultYear(cands, covered)
	if len(chosen) == 0 {
		return nil
	}
	asked, before := ix.cells[chosen[0]].year, 0
	for _, c := range cands {
		if y := ix.cells[c].year; y < asked && y > before {
			before = y
		}
	}
	if before == 0 {
		return nil
	}
	return []int{before}
}
