package retrieval

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Which rows leave a figure blank (哪个乡甲面积没有数据, 哪个分馆前年没有
// 数据): of the one table holding the columns named, the rows with no
// cell under them, in the year asked when one is, while other rows have
// one; with no column named, the rows lacking every cell of the year asked.
// The rows are quoted as the table writes them, their blanks shown.

// answerBlankRows answers which rows tq asks the blanks of; ok is false
// when it asks none, no single table answers, or a row blank where asked
// has no passage to quote (a row of one figure): a partial list would
// read as the whole.
func (e *Engine) answerBlankRows(tq tableQuery, t tier) (tableResult, bool) {
	ix := e.tables
	at, ok := blankAsked(tq.rest)
	if !ok || len(tq.years) > 1 {
		return tableResult{}, false
	}
	ti := ix.blankTable(tq, t.docs)
	if ti < 0 {
		return tableResult{}, false
	}
	info := ix.tables[ti]
	rows, cells := ix.blankRows(tq, ti)
	tq.marks = append(tq.marks, at)
	if len(rows) == 0 || len(cells) == 0 || len(rows) > maxTableFacts || !e.onlyTableWords(tq, cells) {
		return tableResult{}, false
	}
	var names []string
	var quote []int
	for _, r := range rows {
		if info.rowPassages[r] < 0 {
			return tableResult{}, false
		}
		quote = append(quote, info.rowPassages[r])
		names = append(names, strings.TrimSpace(info.t.Rows[r].Label)+tableWords.blankMark)
	}
	return tableResult{quote: quote, related: -1, lead: strings.Join(names, "、"),
		why: fmt.Sprintf("table blanks: %s leaves %d rows blank where asked", info.title, len(rows))}, true
}

// blankRows are the rows of table ti, of the kind tq asks (哪个分馆) when
// it asks one, with no cell under the columns and in the year tq names,
// totals aside, and the cells the other rows have there.
func (ix *tableIndex) blankRows(tq tableQuery, ti int) (rows, cells []int) {
	info := ix.tables[ti]
	cols := ix.columnsNamed(tq, ti)
	kind := info.kindSaid(tq.q)
	for r := range info.rowNames {
		if info.totalRowAt(r) || kind != "" && !info.ofKind(r, kind) {
			continue
		}
		have := slices.DeleteFunc(slices.Clone(info.rowCells[r]), func(c int) bool { return !ix.underAsked(ix.cells[c], cols, tq.years) })
		if len(have) == 0 {
			rows = append(rows, r)
		}
		cells = append(cells, have...)
	}
	return rows, cells
}

// blankAsked is where rest asks which rows have no figure (哪个…没有数据),
// ok false when it does not.
func blankAsked(rest string) (span, bool) {
	if !containsAny(rest, tableWords.kindWhich) {
		return span{}, false
	}
	for _, w := range tableWords.blankAsks {
		if i := strings.Index(rest, w); i >= 0 {
			return span{i, i + len(w)}, true
		}
	}
	return span{}, false
}

// blankTable is the table of docs whose columns hold every name tq names,
// or, when it names none but a year, the one its title names or whose
// rows are of the kind it asks; -1 when none or several.
func (ix *tableIndex) blankTable(tq tableQuery, docs []int) int {
	if len(tq.named) == 0 && len(tq.years) != 1 {
		return -1
	}
	found := -1
	for ti, info := range ix.tables {
		if !ix.ofDocs(ti, docs) || tq.table >= 0 && ti != tq.table {
			continue
		}
		if slices.ContainsFunc(slices.Collect(maps.Keys(tq.named)), func(n string) bool { return !slices.Contains(ix.colTables[n], ti) }) {
			continue
		}
		// With no column named, the table is the one its title or the
		// kind of its rows said (哪个分馆) tells.
		if len(tq.named) == 0 && tq.table < 0 && info.kindSaid(tq.q) == "" {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = ti
	}
	return found
}

// columnsNamed are the names tq names that label columns of table ti.
func (ix *tableIndex) columnsNamed(tq tableQuery, ti int) []string {
	var out []string
	for n := range tq.named {
		if slices.Contains(ix.colTables[n], ti) {
			out = append(out, n)
		}
	}
	return out
}

// underAsked reports whether cell stands under every column named and in
// a year asked (any year when none is).
func (ix *tableIndex) underAsked(cell tableCell, cols []string, years []int) bool {
	return !slices.ContainsFunc(cols, func(n string) bool { return !slices.Contains(cell.names, n) }) &&
		(len(years) == 0 || slices.Contains(years, cell.year))
}
