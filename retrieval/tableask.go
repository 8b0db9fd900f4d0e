package retrieval

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table questions beyond one cell: a table's title and year, the largest
// or smallest figure of a column or row, and a table named without the
// row asked. Figures are compared, never computed: an extreme is the
// figure of one column (or one row) that is larger than the others, in
// one unit, quoted as written.

// askWords are the word lists a table question may use beside labels,
// years and units (residueEmpty).
func askWords() [][]string {
	w := &tableWords
	var since []string
	for _, s := range w.sinceWords {
		for r := range w.relativeYears {
			since = append(since, s+r)
		}
		for _, r := range w.priorYears {
			since = append(since, s+r) // 较上年
		}
	}
	return [][]string{
		w.rateAsks, w.rowAsks, w.eachYearAsks, w.valueLabels, w.countNouns, w.filler, w.changeAsks, w.amountChanges, w.percentAsks,
		slices.Collect(maps.Keys(w.relativeYears)), since, slices.Collect(maps.Keys(w.extremes)),
		w.whichWords, w.titleAsks, w.tableMarks, w.yesNo, w.unitAsks,
	}
}

// allCells are the cells of the table, in order.
func (info tableInfo) allCells() []int {
	var out []int
	for _, cs := range info.rowCells {
		out = append(out, cs...)
	}
	return out
}

// ofYearRows reports whether the cells stand in rows that are years
// (2019年 | 粮食 | 蔬菜) and the question names their column: the cells
// of the column are asked, not whole rows.
func (ix *tableIndex) ofYearRows(cands []int, tq tableQuery) bool {
	return !slices.ContainsFunc(cands, func(c int) bool {
		cell := ix.cells[c]
		return len(ix.tables[cell.table].rowNames[cell.row]) > 0 || len(cell.names) == 0 ||
			!tq.namesAll(cell.names)
	})
}

// titleAnswer answers what a table is (这个表统计的是哪一年) with its
// title: of the table the question names, else of the only one, else of
// every table when their titles name one and the same year.
func (e *Engine) titleAnswer(tq tableQuery, docs []int) (tableResult, bool) {
	ix := e.tables
	tables := []int{tq.table}
	if tq.table < 0 {
		tables = ix.tablesOf(docs)
	}
	if len(tables) == 0 || len(tables) > maxTableFacts || len(tables) > 1 && !ix.oneTitleYear(tables) {
		return tableResult{}, false
	}
	res := tableResult{related: -1, why: "table title"}
	for _, ti := range tables {
		info := ix.tables[ti]
		cells := info.allCells()
		if len(cells) == 0 {
			return tableResult{}, false
		}
		res.quote = append(res.quote, ix.cells[cells[0]].passage)
		res.titles = append(res.titles, info.title)
	}
	if !e.residueEmpty(tq.q, tq.marks, nil, res.titles) {
		return tableResult{}, false
	}
	if containsAny(tq.rest, tableWords.pluralYears) {
		for i, ti := range tables {
			res.titles[i] = withYearsHeld(res.titles[i], ix.yearsHeld(ti))
		}
	}
	res.why += ": " + strings.Join(res.titles, "; ")
	return res, true
}

// yearsHeld are the years of the table's cells, in order.
func (ix *tableIndex) yearsHeld(ti int) []int {
	var out []int
	for _, c := range ix.tables[ti].allCells() {
		if y := ix.cells[c].year; y > 0 && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	return out
}

// withYearsHeld is a title followed by the years its table holds, when
// they are several: the years asked (哪几年) may be a title's span
// (2020—2024年) or not in it at all.
func withYearsHeld(title string, years []int) string {
	if len(years) < 2 {
		return title
	}
	return title + tableWords.titleYearsMark + yearList(years)
}

// ofNamedTable is tq asking of the one table of docs whose labels it
// names (extremeTable), the labels then asking nothing more; tq as it is
// when they stand in several tables, or none.
func (ix *tableIndex) ofNamedTable(tq tableQuery, docs []int) tableQuery {
	ti := ix.extremeTable(tq, docs)
	if ti < 0 || len(tq.named) == 0 {
		return tq
	}
	for _, s := range tq.named {
		tq.marks = append(tq.marks, s)
	}
	tq.table = ti
	return tq
}

// ofDocs reports whether table ti stands in one of docs (nil: any).
func (ix *tableIndex) ofDocs(ti int, docs []int) bool {
	return docs == nil || slices.Contains(docs, ix.tables[ti].doc)
}

// namedRowCells are the cells of docs' tables in a row tq names that keep
// holds of.
func (ix *tableIndex) namedRowCells(tq tableQuery, docs []int, keep func(tableCell) bool) []int {
	var out []int
	for i, c := range ix.cells {
		if ix.ofDocs(c.table, docs) && ix.rowNamed(tq, c) && keep(c) {
			out = append(out, i)
		}
	}
	return out
}

// tablesOf are the tables of docs that have cells.
func (ix *tableIndex) tablesOf(docs []int) []int {
	var out []int
	for ti, info := range ix.tables {
		if ix.ofDocs(ti, docs) && len(info.allCells()) > 0 {
			out = append(out, ti)
		}
	}
	return out
}

// oneTitleYear reports whether every table's title names a year and all
// name the same one (2021—2023年 names two).
func (ix *tableIndex) oneTitleYear(tables []int) bool {
	var years []string
	for _, ti := range tables {
		ys := anyYear.FindAllString(ix.tables[ti].title, -1)
		if len(ys) == 0 {
			return false // 历年用电量 names none
		}
		for _, y := range ys {
			if y = strings.TrimSuffix(y, "年"); !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	return len(years) == 1
}

// lackingRow refuses a question that names a table (人口表里) and nothing
// of it, saying so; any other question is not the table path's.
func (ix *tableIndex) lackingRow(tq tableQuery) (tableResult, bool) {
	if tq.table < 0 || !tq.marked || tq.titleAsk {
		return tableResult{}, false
	}
	cells := ix.tables[tq.table].allCells()
	if len(cells) == 0 {
		return tableResult{}, false
	}
	info := ix.tables[tq.table]
	related := info.rowPassages[0]
	if related < 0 {
		related = ix.cells[cells[0]].passage
	}
	// No years: a sentence stating the year asked names no row of the
	// table either, and must not stand (refuseTable).
	return tableResult{refused: true, related: related,
		why: fmt.Sprintf("table %s has no row or column the question names", info.title)}, true
}

// answerExtreme answers the largest or smallest figure of one column (or
// one row) of a table: the cells the question's names, years and rate
// word leave must stand in one column or one row and share a unit. A
// comparison among named rows (A和B哪个多) quotes them all, the extreme
// first; which rows fell (哪项是负增长) quotes every growth below zero.
func (e *Engine) answerExtreme(tq tableQuery, t tier) (tableResult, bool) {
	ix := e.tables
	ti := ix.extremeTable(tq, t.docs)
	if ti < 0 {
		return tableResult{}, false
	}
	cands := ix.constrained(tq, ti)
	if s, ok := rowKindAsked(tq.rest); ok && len(cands) > 0 && !ix.ofYearRows(cands, tq) {
		tq.marks = append(tq.marks, s)
	}
	if len(cands) == 0 || !e.onlyTableWords(tq, cands) {
		return tableResult{}, false
	}
	if tq.fallen && len(tq.years) == 2 && !slices.ContainsFunc(cands, func(c int) bool { return ix.cells[c].rate != "" }) {
		return ix.fallenBetween(cands, tq.years, ti)
	}
	cands = byRate(ix, tableQuery{rate: tq.rate, rest: tq.rest}, cands)
	cands = ix.withoutTotals(ix.extremeYears(cands, tq, t.years), tq)
	// 哪年最高 of a table of one year's rows asks what it cannot tell.
	yearAsked := containsAny(tq.rest, tableWords.whichYears) && ix.yearsOf(cands) < 2
	if len(cands) < 2 || yearAsked || !ix.oneLine(cands) || !ix.oneUnit(cands) {
		return tableResult{}, false
	}
	if tq.fallen {
		return ix.fallenCells(cands, ti)
	}
	values := make([]float64, len(cands))
	for i, c := range cands {
		cell := ix.cells[c]
		if !cell.valued {
			return tableResult{}, false
		}
		values[i] = cell.value * float64(tq.extreme)
	}
	top := slices.Max(values)
	var quote, rest []int
	for i, c := range cands {
		if values[i] == top {
			quote = append(quote, ix.cells[c].passage)
		} else {
			rest = append(rest, ix.cells[c].passage)
		}
	}
	lead := ""
	if tq.compare {
		quote = append(quote, rest...)
		lead = ix.comparisonLead(tq, cands, values)
	}
	if len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, lead: lead, why: fmt.Sprintf("table extreme: %d figures of %s compared, not computed", len(cands), ix.tables[ti].title)}, true
}

// withoutTotals drops from the cells compared, when they stand in one
// column, those of the one row of totals among them (合计, 全县) that the
// question does not name, and when they stand in one row, the one column
// of totals: a whole is no rival of its parts. Rows of several wholes
// (全县, 全市, 全省) are rivals of each other: none is dropped.
func (ix *tableIndex) withoutTotals(cands []int, tq tableQuery) []int {
	if len(cands) == 0 {
		return cands
	}
	// In one row, the column of totals (合计 beside 绿茶, 红茶) is the
	// whole of the others as a row of totals is of its column's.
	total := func(cell tableCell) bool { return ix.totalRow(cell) && !ix.rowNamed(tq, cell) }
	switch {
	case ix.sameRow(cands) && !ix.sameColumn(cands):
		total = func(cell tableCell) bool {
			return ix.totalColumn(cell) && (len(cell.names) == 0 || !tq.namesAll(cell.names))
		}
	case !ix.sameColumn(cands):
		return cands
	}
	var totals []int
	for _, c := range cands {
		if total(ix.cells[c]) {
			totals = append(totals, c)
		}
	}
	if len(totals) != 1 {
		return cands
	}
	return slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return c == totals[0] })
}

// sameColumn reports whether cells all stand in one column of one table.
func (ix *tableIndex) sameColumn(cells []int) bool {
	first := ix.cells[cells[0]]
	return !slices.ContainsFunc(cells, func(c int) bool { return ix.cells[c].table != first.table || ix.cells[c].col != first.col })
}

// sameRow reports whether cells all stand in one row of one table.
func (ix *tableIndex) sameRow(cells []int) bool {
	first := ix.cells[cells[0]]
	return !slices.ContainsFunc(cells, func(c int) bool { return ix.cells[c].table != first.table || ix.cells[c].row != first.row })
}

// rowKindAsked is where a question names the kind of its rows after its
// which-word and before its extreme (哪个阶段最多, 哪类作物最少), rest
// having its named labels blanked: that word names no label, and the rows
// compete whatever their kind is called. A kind of place or time (哪个区,
// 哪个月: tableWords.placeKinds) is not read: rows of other things do not
// answer it.
func rowKindAsked(rest string) (span, bool) {
	for _, w := range tableWords.whichWords {
		i := strings.Index(rest, w)
		if i < 0 {
			continue
		}
		start := i + len(w)
		tail := rest[start:]
		if startsExtreme(tail) {
			continue // 哪个最多 names no kind
		}
		end := strings.IndexFunc(tail, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
		if end < 0 {
			end = len(tail)
		}
		run := []rune(tail[:end])
		for n := 1; n <= min(2, len(run)); n++ {
			kind := string(run[:n])
			// A named label may stand between (哪个阶段学生最多), after
			// 的 (哪类的学校最多).
			after := strings.TrimLeft(tail[len(kind):], " ")
			after = strings.TrimLeft(strings.TrimPrefix(after, tableWords.kindLink), " ")
			if startsExtreme(after) {
				if slices.Contains(tableWords.placeKinds, kind) {
					return span{}, false
				}
				return span{start, start + len(kind)}, true
			}
		}
	}
	return span{}, false
}

// startsExtreme reports whether s starts with an extreme (最多) or a
// comparative (多).
func startsExtreme(s string) bool {
	for w := range tableWords.extremes {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := tableWords.comparatives[string(r)]
	return ok
}

// extremeTable is the table an extreme is asked of: the one whose columns
// hold the most of the measures the question names, or, when it names
// only rows, the one table holding them; else the one whose title it
// names; -1 when none or several tie.
func (ix *tableIndex) extremeTable(tq tableQuery, docs []int) int {
	if len(tq.named) == 0 {
		return tq.table
	}
	// A row named in several tables (a town's) is compared in the one
	// whose columns hold the most of the measures named (its schools, not
	// its water); rows alone decide only when one table holds them.
	measured := false
	for n := range tq.named {
		measured = measured || len(ix.colTables[n]) > 0
	}
	held := map[int]map[string]bool{}
	for _, c := range ix.cells {
		if docs != nil && !slices.Contains(docs, ix.tables[c.table].doc) {
			continue
		}
		for _, n := range c.names {
			if _, ok := tq.named[n]; !ok || measured && !slices.Contains(ix.colTables[n], c.table) {
				continue
			}
			if held[c.table] == nil {
				held[c.table] = map[string]bool{}
			}
			held[c.table][n] = true
		}
	}
	if !measured && len(held) > 1 {
		return -1
	}
	found, most := -1, 0
	for t, names := range held {
		switch {
		case len(names) > most:
			found, most = t, len(names)
		case len(names) == most:
			found = -1
		}
	}
	return found
}

// constrained are the cells of table ti that hold every column name the
// question states and whose row it names, when it names rows; of a row
// named with no column, those of the column byStatedUnit chooses.
func (ix *tableIndex) constrained(tq tableQuery, ti int) []int {
	info := ix.tables[ti]
	var colNamed []string
	rowsNamed := false
	for _, c := range info.allCells() {
		for _, n := range ix.cells[c].names {
			if _, ok := tq.named[n]; !ok {
				continue
			}
			if slices.Contains(info.rowNames[ix.cells[c].row], n) {
				rowsNamed = true
			} else if !slices.Contains(colNamed, n) {
				colNamed = append(colNamed, n)
			}
		}
	}
	var out []int
	for _, c := range info.allCells() {
		cell := ix.cells[c]
		rn := info.rowNames[cell.row]
		if rowsNamed && (len(rn) == 0 || !tq.namesAll(rn)) {
			continue
		}
		if slices.ContainsFunc(colNamed, func(n string) bool { return !slices.Contains(cell.names, n) }) {
			continue
		}
		out = append(out, c)
	}
	if rowsNamed && len(colNamed) == 0 {
		// A row compared with itself (甲比前年增加了没有) asks the column its
		// unit or its own things choose, as a row asked alone does.
		if picked := ix.byStatedUnit(tq, out); len(picked) > 0 {
			return picked
		}
	}
	out = info.ofAttrsSaid(tq.q, out, ix.cells)
	if !rowsNamed && len(out) > 0 {
		out = ix.ofKindSaid(tq.q, out)
	}
	return out
}

// ofKindSaid keeps of cands the cells of rows whose names end in the kind
// q says (kindSaid), when two rows or more do and every other row is of a
// sibling kind: of a table of 甲馆（总馆）, 乙分馆 and 丙分馆, 哪个分馆最多
// compares the 分馆; of 甲风景区 and 乙湿地公园, 哪个景区 asks them all.
func (ix *tableIndex) ofKindSaid(q string, cands []int) []int {
	info := ix.tables[ix.cells[cands[0]].table]
	kind := info.kindSaid(q)
	kept := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !info.ofKind(ix.cells[c].row, kind) })
	if kind == "" || len(ix.rowsOf(kept)) < 2 || len(kept) == len(cands) || !info.siblingsOf(kind, cands, ix.cells) {
		return cands
	}
	return kept
}

// kindSaid is the longest end of the table's row names that q says after
// a which-word of rows (tableWords.oneWhich), "" when none: 哪类学校 asks
// kinds whatever their names end in, the kind the corner names (景区 of
// 景区名称) is every row's whatever a few of their names end in, and a
// kind of one character (镇) is said by too many questions to choose rows.
func (info *tableInfo) kindSaid(q string) string {
	said := ""
	for _, names := range info.rowNames {
		for _, n := range names {
			r := []rune(n)
			for k := 2; k < len(r); k++ {
				kind := string(r[len(r)-k:])
				if len(kind) > len(said) && !strings.Contains(info.corner, kind) &&
					slices.ContainsFunc(tableWords.oneWhich, func(w string) bool { return strings.Contains(q, w+kind) }) {
					said = kind
				}
			}
		}
	}
	return said
}

// ofKind reports whether row r's name ends in kind and is more than it.
func (info *tableInfo) ofKind(r int, kind string) bool {
	return kind != "" && slices.ContainsFunc(info.rowNames[r], func(n string) bool { return strings.HasSuffix(n, kind) && n != kind })
}

// siblingsOf reports whether every row of cands not of kind ends, by its
// name or the note in its label's brackets, in kind's last character: a
// kind beside it (总馆 beside 分馆), not another thing (湿地公园 beside 景区).
func (info *tableInfo) siblingsOf(kind string, cands []int, cells []tableCell) bool {
	last, _ := utf8.DecodeLastRuneInString(kind)
	return !slices.ContainsFunc(cands, func(c int) bool {
		r := cells[c].row
		label := strings.TrimRight(info.t.Rows[r].Label, "）) ")
		return !info.ofKind(r, kind) && !strings.HasSuffix(label, string(last))
	})
}

// ofAttrsSaid keeps of cands the cells of rows holding the longest
// attribute q says that some of their rows lack: of a table of sites and
// their kinds (甲 森林公园, 乙 城市公园), 面积最大的城市公园 compares the
// 城市公园, and 森林公园 is said, not 公园. An attribute of one character
// (是, 有) is said by too many questions to choose rows.
func (info *tableInfo) ofAttrsSaid(q string, cands []int, cells []tableCell) []int {
	said := ""
	for _, c := range cands {
		for _, a := range info.rowAttrs[cells[c].row] {
			if utf8.RuneCountInString(a) > 1 && strings.Contains(q, a) && len(a) > len(said) {
				said = a
			}
		}
	}
	kept := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !slices.Contains(info.rowAttrs[cells[c].row], said) })
	if said == "" || len(kept) == 0 {
		return cands
	}
	return kept
}

// extremeYears keeps the years asked; without one, all of them when the
// question asks which year (出生人口哪年最多) or the table has years as
// rows, else the year the documents cover.
func (ix *tableIndex) extremeYears(cands []int, tq tableQuery, covered []int) []int {
	if len(tq.years) > 0 {
		asked := tq.yearsCompared()
		return slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !slices.Contains(asked, ix.cells[c].year) })
	}
	if ix.ofYearRows(cands, tq) || containsAny(tq.rest, tableWords.whichYears) {
		return cands
	}
	return ix.withSince(ix.defaultYear(cands, covered), cands, tq.since)
}

// oneLine reports whether the cells stand in one column or in one row.
func (ix *tableIndex) oneLine(cands []int) bool {
	return ix.sameColumn(cands) || ix.sameRow(cands)
}

func (ix *tableIndex) oneUnit(cands []int) bool {
	u := ix.cells[cands[0]].unit
	return !slices.ContainsFunc(cands, func(c int) bool { return ix.cells[c].unit != u })
}

// fallenBetween answers which labels fell between the two years asked, of
// a table that writes no growth: each label's levels of the two years
// compared (not subtracted), both quoted, the earlier first; ok is false
// when none fell, a label lacks a year, or too many fell.
func (ix *tableIndex) fallenBetween(cands, years []int, ti int) (tableResult, bool) {
	early, late := min(years[0], years[1]), max(years[0], years[1])
	type pair struct{ early, late int }
	byLabel := map[string]*pair{}
	var labels []string
	for _, c := range cands {
		cell := ix.cells[c]
		if cell.year != early && cell.year != late {
			continue
		}
		k := strings.Join(cell.names, "|") + "|" + cell.unit
		if byLabel[k] == nil {
			byLabel[k] = &pair{-1, -1}
			labels = append(labels, k)
		}
		if cell.year == early {
			byLabel[k].early = c
		} else {
			byLabel[k].late = c
		}
	}
	var quote []int
	for _, k := range labels {
		p := byLabel[k]
		if p.early < 0 || p.late < 0 || !ix.cells[p.early].valued || !ix.cells[p.late].valued {
			return tableResult{}, false
		}
		if ix.cells[p.late].value < ix.cells[p.early].value {
			quote = append(quote, ix.cells[p.early].passage, ix.cells[p.late].passage)
		}
	}
	if len(quote) == 0 || len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, why: fmt.Sprintf("table: %d of %d figures of %s lower in %d than in %d, compared, not computed",
		len(quote)/2, len(labels), ix.tables[ti].title, late, early)}, true
}

// fallenCells answers which rows fell with the growth cells below zero,
// as written (甲：比上年增长-2.7%); ok is false when none is, or too many
// to quote, or a column tells a fall itself (比上年下降%: its -1.5 is a
// rise).
func (ix *tableIndex) fallenCells(cands []int, ti int) (tableResult, bool) {
	var quote []int
	for _, c := range cands {
		cell := ix.cells[c]
		if containsAny(cell.rate, tableWords.declines) {
			return tableResult{}, false
		}
		if cell.valued && cell.value < 0 {
			quote = append(quote, cell.passage)
		}
	}
	if len(quote) == 0 || len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, why: fmt.Sprintf("table: %d of %d growth figures of %s below zero, read as written", len(quote), len(cands), ix.tables[ti].title)}, true
}
