package retrieval

import (
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
