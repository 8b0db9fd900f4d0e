package retrieval

import (
	"fmt"
	"slices"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// vetoOtherYearRows refuses the chosen facts quoting a table passage of one
// year (a row of a table of years, or a cell under a year) when their part
// names years and not that one: 去年…多少 is not answered by the row of
// 2020, whatever words it shares. A table's year is the figure's own, as
// no sentence's context year is, so the selector's year features, which
// leave a covered year asked unread, are not relied on here.
func (e *Engine) vetoOtherYearRows(asked []extract.Asked, chosen []extract.Fact, whys []extract.PartWhy, hits []Hit, covered int) ([]extract.Fact, []extract.PartWhy) {
	if e.tables == nil || covered == 0 {
		return chosen, whys
	}
	out := chosen[:0:0]
	for _, f := range chosen {
		year := e.tableYearOf(hits[f.Passage].ParagraphID)
		part := slices.IndexFunc(f.Parts, func(pi int) bool {
			if year == 0 || pi >= len(asked) {
				return false
			}
			q := dict.Fold(asked[pi].Part.Text)
			years := e.tables.questionYears(&tableQuery{q: q, rest: q}, tier{years: []int{covered}})
			return len(years) > 0 && !slices.Contains(years, year)
		})
		if part < 0 {
			out = append(out, f)
			continue
		}
		refuseParts(f, whys, fmt.Sprintf("refused: the table row quoted is of %d, not a year asked", year))
	}
	return out, whys
}

// tableYearOf is the year of the table passage with paragraph id: its
// cell's, or its row label's; 0 for a passage of no table or no year.
func (e *Engine) tableYearOf(id string) int {
	pl, ok := e.tables.byPassage[e.byID[id]]
	if !ok {
		return 0
	}
	if pl.cell >= 0 {
		return e.tables.cells[pl.cell].year
	}
	return labelYear(e.tables.tables[pl.table].t.Rows[pl.row].Label)
}
