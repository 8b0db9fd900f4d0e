package retrieval

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// tableCell is one figure of a statistical table as the table answer path
// reads it: what it counts (its row's and columns' naming labels), the
// year it is of and whether it is a rate.
type tableCell struct {
	passage int // index in Engine.passages of its KindCell paragraph
	table   int // index in tableIndex.tables
	row     int // index of its row in the table
	col     int // index of its column in the table
	// names are the labels that name what the cell counts (出生人口; a
	// column's 城镇 under 人均可支配收入), folded.
	names []string
	// year is the year of its column or row label, else the table
	// title's one year; 0 when unknown.
	year int
	// rate is the rate label of its column (增长), "" for a level.
	rate string
	// unit is the unit written after its figure (万人), for the residue.
	unit string
	// part is set when its column is a part of the row's whole (其中：新建).
	part bool
	// value is the number its figure writes (1,265.3 → 1265.3), for
	// comparing figures of one column; valued is false when none reads.
	value  float64
	valued bool
}

// rowLabelEnd ends the label of a table's row or cell paragraph and
// rowSegmentEnd each of a row's figures, as the corpus writes them
// (2020年：甲 410吨；乙 700吨).
const (
	rowLabelEnd   = "："
	rowSegmentEnd = "；"
)

// tableInfo is one loaded table.
type tableInfo struct {
	doc   int
	title string
	// chapter is the heading of the table's chapter, folded: a question
	// saying it names where the table stands (对外开放), not a label.
	chapter string
	t       corpus.Table
	// corner is the label over the row labels (指标, 学校类别), folded:
	// it names the rows, not a cell.
	corner string
	// rowPassages is the index in Engine.passages of each row's KindRow
	// paragraph, -1 for a row of one figure (which has none).
	rowPassages []int
	// rowNames are each row's naming labels (its label without years).
	rowNames [][]string
	// rowAttrs are the labels of a row header's later columns when its
	// first column tells every row apart and no row continues a merged
	// cell above (景区 | 所在乡镇): what the row is said to be beside its
	// name, not needed to name it.
	rowAttrs [][]string
	// rowCells are each row's cells (indexes into tableIndex.cells).
	rowCells [][]int
	// heads are the ends two column labels share, neither whole (游客 of
	// 接待游客 and 过夜游客): what the columns count, which a question may
	// say before a label as it says a title's words (游客人均消费).
	heads []string
	// byLine finds a row by the line (or block) it stands on.
	byLine map[int]int
}

// tableIndex holds every cell of every loaded table. Built once, read-only.
type tableIndex struct {
	tables []tableInfo
	cells  []tableCell
	// variants are each name's forms a question may use: the name and
	// its synonyms (地区生产总值 → GDP), folded.
	variants map[string][]string
	// byPassage finds the cell or row of a table paragraph: the table
	// and row (and the cell index, -1 for a row paragraph).
	byPassage map[int]tablePlace
	// names are the cells' names and the tables' corner labels, each
	// once; nameDocs the documents whose tables have each.
	names    []string
	nameDocs map[string][]int
	// placeRows are the tables' rows that name the documents' sub-areas
	// (placeRowsOf): places, as the gazetteer's are.
	placeRows map[string]bool
	// colTables are the tables whose column labels hold each name.
	colTables map[string][]int
}

type tablePlace struct{ table, row, cell int }

var (
	// leadingYear is a label that is a year (2022年, 2022, 2022年末).
	leadingYear = regexp.MustCompile(`^((?:19|20)[0-9]{2})(?:年|$)`)
	// labelUnit is a unit note at the end of a label: 人口（万人）, 增长%.
	labelUnit = regexp.MustCompile(`\s*(?:[（(][^（）()]{1,8}[）)]|%|％|‰)$`)
	// labelNote is a label with a note in parentheses after its name.
	labelNote = regexp.MustCompile(`^(.+?)\s*[（(]([\p{Han}]{1,8})[）)]$`)
)

// buildTables reads the tables of the yearbooks; passages are the
// engine's, in the order Yearbook.Passages lists them.
func buildTables(ybs []corpus.Yearbook, syn *synonyms) *tableIndex {
	ix := &tableIndex{variants: map[string][]string{}, byPassage: map[int]tablePlace{}}
	pi := 0
	for di, yb := range ybs {
		for _, c := range yb.Chapters {
			for _, s := range c.Sections {
				base := len(ix.tables)
				for _, t := range s.Tables {
					ix.tables = append(ix.tables, newTableInfo(di, t, c.Title, s.Heading))
				}
				for _, p := range s.Paragraphs {
					if p.Table > 0 && p.Table <= len(s.Tables) {
						ix.add(base+p.Table-1, p, pi)
					}
					pi++
				}
			}
		}
	}
	ix.indexNames()
	for _, c := range ix.cells {
		for _, n := range c.names {
			if _, ok := ix.variants[n]; !ok {
				ix.variants[n] = slices.Concat([]string{n}, foldAll(syn.groupWords(n)), syn.partForms(n), indicatorVariants(n), levelVariants(n))
			}
		}
	}
	ix.addCodeForms()
	ix.addNoteForms()
	ix.placeRows = placeRowsOf(ix.tables)
	return ix
}

// rowNote is a row label's name and the other name a note in parentheses
// after it gives (县图书馆（总馆）→ 县图书馆, 总馆), folded; ok is false
// when the label has no note, or its note is a unit (（万人）: a number
// before it reads it as one), a year, qualifies the row (tableWords.
// noteLeads: （含开发区）), or tells its state rather than naming it again:
// a name ends as the row's does (总馆 of 图书馆), a state does not (甲卫生院
// （新建）, 甲小学（民办）).
func rowNote(label string) (name, note string, ok bool) {
	m := labelNote.FindStringSubmatch(strings.TrimSpace(label))
	if m == nil || utf8.RuneCountInString(m[2]) < minNameRunes || hasPrefixAny(m[2], tableWords.noteLeads) {
		return "", "", false
	}
	if f := extract.Figures("1" + m[2]); len(f) != 1 || f[0].End != 1 {
		return "", "", false
	}
	name, note = nameOf(label), dict.Fold(m[2])
	last, _ := utf8.DecodeLastRuneInString(note)
	if name == "" || name == note || !strings.HasSuffix(name, string(last)) {
		return "", "", false
	}
	return name, note, true
}

// addNoteForms adds to each row name the other name its label's note
// gives, when no other label is it or has it as a form, no other row name
// has that note too, and no row of the same name has another note: speech
// names the row by either (总馆 of 县图书馆（总馆）).
func (ix *tableIndex) addNoteForms() {
	notes := map[string]string{}
	names := map[string][]string{} // the row names each note is given to
	rows := map[string]int{}       // the rows of each name with a note
	for _, info := range ix.tables {
		for _, row := range info.t.Rows {
			for _, l := range strings.Fields(row.Label) {
				if labelNote.MatchString(l) {
					rows[nameOf(l)]++
				}
				if name, note, ok := rowNote(l); ok {
					notes[name] = note
					names[note] = append(names[note], name)
				}
			}
		}
	}
	uses := map[string]int{}
	for _, n := range ix.names {
		for _, f := range ix.formsOf(n) {
			uses[f]++
		}
	}
	for name, note := range notes {
		// 甲院（总院）, 甲院（东院区）: the notes tell rows apart, naming neither.
		if _, ok := ix.nameDocs[name]; ok && rows[name] == 1 && uses[note] == 0 && len(names[note]) == 1 {
			ix.variants[name] = append(ix.formsOf(name), note)
		}
	}
}

// placeRowsOf are the names of the rows of tables whose rows are places
// (their corner label is a kind of place: placeCorner),
// each name ending in a kind of sub-area (甲镇, 乙街道): the documents' own
// sub-areas.
func placeRowsOf(tables []tableInfo) map[string]bool {
	out := map[string]bool{}
	for _, ti := range tables {
		if !placeCorner(ti.corner) {
			continue
		}
		for _, names := range ti.rowNames {
			if len(names) > 0 && isSubArea(names[0]) {
				out[names[0]] = true
			}
		}
	}
	return out
}

// placeCorner reports whether a corner label is a kind of place, alone or
// with a word for name after it (乡镇, 村名; not 城乡 or 镇村类型).
func placeCorner(corner string) bool {
	for _, end := range tableWords.cornerNameEnds {
		if kind, ok := strings.CutSuffix(corner, end); ok && slices.Contains(tableWords.placeKinds, kind) {
			return true
		}
	}
	return slices.Contains(tableWords.placeKinds, corner)
}

// namesPlaceRow reports whether w is a place row's name.
func (ix *tableIndex) namesPlaceRow(w string) bool { return ix.placeRows[w] }

// isSubArea reports whether name is a name of its own ending in a kind
// of sub-area (甲镇; not 镇 alone).
func isSubArea(name string) bool {
	own, ok := extract.SubAreaName(name)
	return ok && own != ""
}

func newTableInfo(doc int, t corpus.Table, chapter, heading string) tableInfo {
	ti := tableInfo{doc: doc, title: t.Title, chapter: dict.Fold(chapter), t: t, byLine: map[int]int{}}
	if ti.title == "" {
		ti.title = heading
	}
	if len(t.Header) > 0 && len(t.Header[0]) > 0 {
		ti.corner = nameOf(t.Header[0][0])
	}
	for r, row := range t.Rows {
		ti.byLine[row.Line] = r
		ti.rowPassages = append(ti.rowPassages, -1)
		ti.rowNames = append(ti.rowNames, labelNames(row.Label))
		ti.rowCells = append(ti.rowCells, nil)
	}
	ti.heads = sharedHeads(t.Columns)
	if !slices.ContainsFunc(t.Rows, continuesAbove) {
		ti.rowNames, ti.rowAttrs = splitRowAttrs(ti.rowNames)
	} else {
		ti.rowAttrs = make([][]string, len(ti.rowNames))
	}
	return ti
}

// sharedHeads are the ends of two or more characters that two column
// labels (their top header cells, units left out) share, neither label
// being that end whole. The first column labels the rows.
func sharedHeads(columns [][]string) []string {
	var labels [][]rune
	for j, col := range columns {
		if j == 0 || len(col) == 0 {
			continue
		}
		if n := []rune(nameOf(col[0])); len(n) > 0 && !slices.ContainsFunc(labels, func(l []rune) bool { return slices.Equal(l, n) }) {
			labels = append(labels, n)
		}
	}
	var out []string
	for i, a := range labels {
		for _, b := range labels[i+1:] {
			k := 0
			for k < len(a) && k < len(b) && a[len(a)-1-k] == b[len(b)-1-k] {
				k++
			}
			if head := string(a[len(a)-k:]); k >= 2 && k < len(a) && k < len(b) && !slices.Contains(out, head) {
				out = append(out, head)
			}
		}
	}
	return out
}

// continuesAbove reports whether a row leaves its first header cell blank
// under the one above, as a merged cell is written (甲镇 | 小学, then
// | 初中): its later cells are kinds of that first one, not attributes.
func continuesAbove(r corpus.TableRow) bool {
	return len(r.Cells) > 1 && strings.TrimSpace(r.Cells[0]) == "" && strings.TrimSpace(r.Cells[1]) != ""
}

// splitRowAttrs splits each row's names into the name and its attributes
// when at least two rows have several and their first names all differ: a
// header of a place and its kinds (甲县 男, 甲县 女) repeats its first
// name and keeps every part.
func splitRowAttrs(names [][]string) (keys, attrs [][]string) {
	seen := map[string]bool{}
	several := 0
	for _, ns := range names {
		if len(ns) < 2 {
			continue
		}
		if seen[ns[0]] {
			return names, make([][]string, len(names))
		}
		seen[ns[0]] = true
		several++
	}
	if several < 2 {
		return names, make([][]string, len(names))
	}
	keys, attrs = make([][]string, len(names)), make([][]string, len(names))
	for r, ns := range names {
		keys[r] = ns[:min(len(ns), 1)]
		if len(ns) > 1 {
			attrs[r] = ns[1:]
		}
	}
	return keys, attrs
}

// add records paragraph p (passage pi) of table ti.
func (ix *tableIndex) add(ti int, p corpus.Paragraph, pi int) {
	info := &ix.tables[ti]
	r, ok := info.byLine[p.Line]
	if !ok {
		return
	}
	switch p.Kind {
	case corpus.KindRow:
		info.rowPassages[r] = pi
		ix.byPassage[pi] = tablePlace{ti, r, -1}
	case corpus.KindCell:
		j := p.Part - 1
		if j < 0 || j >= len(info.t.Columns) {
			return
		}
		c := readCell(info, r, j)
		c.passage, c.table, c.row, c.col = pi, ti, r, j
		c.unit = valueUnit(p.Text)
		c.value, c.valued = figureValue(p.Text)
		ix.byPassage[pi] = tablePlace{ti, r, len(ix.cells)}
		info.rowCells[r] = append(info.rowCells[r], len(ix.cells))
		ix.cells = append(ix.cells, c)
	}
}

// readCell classifies the labels of cell (r, j): years, a rate, value
// labels, and the rest naming what it counts.
func readCell(info *tableInfo, r, j int) tableCell {
	var c tableCell
	for _, l := range info.t.Columns[j] {
		c.part = c.part || hasPrefixAny(strings.TrimSpace(l), tableWords.partMarks)
		switch {
		case yearOfLabel(l) > 0:
			c.year = yearOfLabel(l)
		case ownRate(l):
			// A rate of its own (签约率, 覆盖率) is a level measured in
			// percent: named by its label, as any other column.
			c.names = append(c.names, nameOf(l))
		case containsAny(l, tableWords.rateLabels):
			c.rate = dict.Fold(strings.TrimSpace(labelUnit.ReplaceAllString(l, "")))
		case slices.Contains(tableWords.valueLabels, l):
		default:
			if n := nameOf(l); n != "" {
				c.names = append(c.names, n)
			}
		}
	}
	c.names = append(c.names, info.rowNames[r]...)
	if c.year == 0 {
		c.year = labelYear(info.t.Rows[r].Label)
	}
	if c.year == 0 {
		c.year = oneYear(info.title)
	}
	return c
}

// ownRate reports whether label l names a rate of its own (家庭医生签约率
// (%)), not a change (增长率, 比上年增长%).
func ownRate(l string) bool {
	name := nameOf(l)
	return strings.HasSuffix(name, tableWords.ownRateEnd) && !plainGrowth(name) && !containsAny(name, tableWords.rateFamilies[0])
}

// labelNames are the parts of a row label that are not years, folded.
func labelNames(label string) []string {
	var out []string
	for _, l := range strings.Fields(label) {
		if n := nameOf(l); yearOfLabel(l) == 0 && n != "" {
			out = append(out, n)
		}
	}
	return out
}

// labelYear is the year a row label names (rows of years), 0 when none.
func labelYear(label string) int {
	for _, l := range strings.Fields(label) {
		if y := yearOfLabel(l); y > 0 {
			return y
		}
	}
	return 0
}

func yearOfLabel(l string) int {
	m := leadingYear.FindStringSubmatch(strings.TrimSpace(l))
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

// nameOf is a label without its unit note, folded; "" when nothing is left.
func nameOf(l string) string {
	l = strings.TrimSpace(labelUnit.ReplaceAllString(l, ""))
	for _, m := range tableWords.labelMarks {
		l = strings.TrimSpace(strings.TrimPrefix(l, m))
	}
	return dict.Fold(l)
}

// oneYear is the year a title names when it names exactly one.
func oneYear(title string) int {
	var years []string
	for _, m := range yearRe.FindAllStringSubmatch(title, -1) {
		if !slices.Contains(years, m[1]) {
			years = append(years, m[1])
		}
	}
	if len(years) != 1 {
		return 0
	}
	y, _ := strconv.Atoi(years[0])
	return y
}

// valueUnit is the unit after a cell's figure (7.8万人 → 万人).
func valueUnit(text string) string {
	m := figureAtEnd.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// figureValue is the number of the figure text ends with.
func figureValue(text string) (float64, bool) {
	loc := figureAtEnd.FindStringSubmatchIndex(text)
	if loc == nil {
		return 0, false
	}
	num := strings.NewReplacer(",", "", "，", "", "−", "-", "+", "").Replace(text[loc[0]:loc[2]])
	v, err := strconv.ParseFloat(num, 64)
	return v, err == nil
}

// figureAtEnd is the figure a cell or row segment ends with: a number and
// the unit after it (7.8万人, -4.9%, 62154元).
var figureAtEnd = regexp.MustCompile(`[+\-−±]?[0-9][0-9,，]*(?:\.[0-9]+)?([^0-9；]*)$`)

func foldAll(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if f := dict.Fold(w); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func containsAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// groupWords are the other words of term's synonym groups (地区生产总值 →
// GDP 生产总值 …), without 去年 or compounds.
func (s *synonyms) groupWords(term string) []string {
	term = dict.Fold(strings.TrimSpace(term))
	var out []string
	for _, gi := range s.of[term] {
		for _, w := range s.groups[gi] {
			if w != term && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// TableView is a table row under its table's header rows, for showing a
// cell or row paragraph where it stands; Header rows and Row have the
// same columns, merged cells repeated. Title is the table's, else its
// section's heading.
type TableView struct {
	Title  string
	Unit   string
	Header [][]string
	Row    []string
}

// view is the TableView of passage pi, nil when it is not a table's.
func (ix *tableIndex) view(pi int) *TableView {
	if ix == nil {
		return nil
	}
	pl, ok := ix.byPassage[pi]
	if !ok {
		return nil
	}
	info := ix.tables[pl.table]
	t := info.t
	v := &TableView{Title: info.title, Unit: t.Unit, Row: slices.Clone(t.Rows[pl.row].Cells)}
	for _, h := range t.Header {
		v.Header = append(v.Header, slices.Clone(h))
	}
	return v
}
