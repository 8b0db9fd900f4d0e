package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Table is a statistical table of a section. Its cells are also indexed as
// paragraphs (KindCell, KindRow) that point back to it, so a question about
// one cell is answered like one about a sentence.
type Table struct {
	// Title is the table's caption or the title line before it, without
	// its unit; "" when it has none (its section's heading stands for it).
	Title string `json:"title"`
	// Unit applies to bare numbers (单位：万人), "" when none is given.
	Unit string `json:"unit,omitempty"`
	// Header holds the header rows, merged cells repeated in every column
	// they span.
	Header [][]string `json:"header"`
	// Columns is each column's label, its header cells top-down.
	Columns [][]string `json:"columns"`
	// RowHeaders is how many leading columns label the rows.
	RowHeaders int        `json:"row_headers"`
	Rows       []TableRow `json:"rows"`
}

// TableRow is one body row: the line (or block ordinal) it stands on, its
// label and its cells as written, merged cells repeated.
type TableRow struct {
	Line  int      `json:"line"`
	Label string   `json:"label"`
	Cells []string `json:"cells"`
}

// rawTable is a table as a reader found it, before headers and labels are
// told apart. Every reader expands merged cells before handing it over.
type rawTable struct {
	caption string
	rows    [][]string
	lines   []int // line (or block ordinal) of each row
	// header is how many leading rows the format marks as header rows
	// (<th>, tblHeader, the Markdown delimiter row); 0 when it says nothing.
	header int
}

const (
	// maxColumns bounds a table's width: merged-cell spans come from the
	// file and a colspan of a million must not allocate a million cells.
	maxColumns = 64
	// maxRowCells is how many cells a row paragraph quotes.
	maxRowCells = 6
	// maxTitleRunes is the longest line read as a table's title.
	maxTitleRunes = 40
	// maxRowHeaders bounds the leading label columns.
	maxRowHeaders = 2
)

// Words of table headers and cells, in one place.
var (
	// unitHeaders name a column that gives each row's unit.
	unitHeaders = []string{"单位", "计量单位"}
	// rateWords name columns of rates and shares: the table's unit never
	// applies to them (增长 -5.2 is not -5.2万人).
	rateWords = []string{"增长", "增速", "增幅", "比重", "占比", "比上年", "同比", "%", "％", "率", "指数"}
	// amountChanges name columns of changes counted in the table's unit
	// (比上年末增减 under 单位：万人), unless percentWords say they are rates.
	amountChanges = []string{"增减", "增加", "减少", "增量"}
	percentWords  = []string{"%", "％", "率", "增速", "增幅", "百分点"}
	// valueLabels are column labels that name no dimension, only "the
	// figure" (数值 beside 增长%).
	valueLabels = []string{"数值", "绝对值", "绝对数", "总量", "实际值"}
	// periods are what a unit may be per (吨/日, 次/年); other words with a
	// date's character after a slash (本期/上年) make a remark.
	periods = []string{"年", "月", "日", "天", "季", "季度", "年度", "周", "小时"}
	// emptyCells mean "no figure".
	emptyCells = []string{"", "-", "—", "——", "－", "…", "...", "……", "/", "／", "×", "无"}
)

var (
	bareNumber = regexp.MustCompile(`^[+\-−±]?(\d+([,，]\d{3})*(\.\d+)?|\.\d+)$`)
	// unitNote is a unit given in a title or a line of its own: 单位：万人,
	// (单位:亿元).
	unitNote = regexp.MustCompile(`[（(]?\s*单位\s*[：:]\s*([^）)\s，,；;]+)\s*[）)]?`)
	// titleNumbers are the numbers a table title may hold: its own number
	// and years (表1 2018—2022年…).
	titleNumbers = regexp.MustCompile(`^表\s*\d+|\d{4}\s*[-—–～~至到]\s*\d{4}|\d{4}`)
	// yearLabel is a year or a period used as a label (2022, 2022年, 1—6月).
	// A four-digit number is a year only in the centuries a yearbook
	// covers: a column of counts such as 3126 holds figures, not labels.
	yearLabel = regexp.MustCompile(`^(1[89]|2[01])\d\d(年.*)?$|^\d{1,2}(—|-|～|~)?\d{0,2}月.*$|^(1[89]|2[01])\d\d[-—～~](1[89]|2[01])\d\d年?$`)
)

// tableParagraphs reads a raw table into a Table and its fact paragraphs:
// one KindCell per figure and one KindRow per row of two or more figures.
// title and unit come from the text around the table; the table's own
// rows may refine them (a merged first row that is the title).
func tableParagraphs(rt rawTable, title, unit string) (Table, []Paragraph) {
	rows, lines := tidyRows(rt)
	if rt.caption != "" {
		title = rt.caption
	}
	// A first row of one merged cell is the title or the unit line.
	for len(rows) > 2 && singleValue(rows[0]) {
		v := firstNonEmpty(rows[0])
		if u, rest, ok := cutUnit(v); ok {
			unit = u
			if rest != "" && title == "" {
				title = rest
			}
		} else if title == "" {
			title = v
		} else {
			break
		}
		rows, lines = rows[1:], lines[1:]
	}
	if u, rest, ok := cutUnit(title); ok {
		title = rest
		if unit == "" {
			unit = u
		}
	}
	t := Table{Title: title, Unit: unit, Header: [][]string{}, Columns: [][]string{}, Rows: []TableRow{}}
	if len(rows) == 0 {
		return t, nil
	}
	h := headerRows(rows, rt.header)
	t.Header = continueHeader(rows[:h])
	if u, ok := cornerUnit(t.Header); ok && t.Unit == "" {
		t.Unit, unit = u, u
	}
	body := rows[h:]
	unitCol := unitColumn(t.Header)
	t.RowHeaders = rowHeaderColumns(body, len(rows[0]), unitCol)
	for j := range rows[0] {
		t.Columns = append(t.Columns, columnLabel(t.Header, j))
	}
	var out []Paragraph
	for i, cells := range body {
		row := TableRow{Line: lines[h+i], Label: rowLabel(cells, t.RowHeaders), Cells: cells}
		t.Rows = append(t.Rows, row)
		var facts []cellFact
		var cellParas []Paragraph
		for j := t.RowHeaders; j < len(cells); j++ {
			if j == unitCol || isEmptyCell(cells[j]) {
				continue
			}
			label, colUnit := splitColumnUnit(t.Columns[j])
			rowUnit := ""
			if unitCol >= 0 {
				rowUnit = cells[unitCol]
			}
			v := withUnit(cells[j], colUnit, rowUnit, unit, label)
			facts = append(facts, cellFact{col: j, label: label, value: v})
			cellParas = append(cellParas, Paragraph{Line: row.Line, Kind: KindCell, Part: j + 1, Text: cellText(row.Label, label, v)})
		}
		if len(facts) >= 2 {
			out = append(out, Paragraph{Line: row.Line, Kind: KindRow, Text: rowText(row.Label, facts)})
		}
		out = append(out, cellParas...)
	}
	return t, out
}

type cellFact struct {
	col   int
	label []string
	value string
}

// tidyRows trims the cells, drops empty rows and pads ragged rows to the
// widest one (at most maxColumns), so every row has the same columns.
func tidyRows(rt rawTable) ([][]string, []int) {
	width := 0
	for _, r := range rt.rows {
		width = max(width, min(len(r), maxColumns))
	}
	var rows [][]string
	var lines []int
	for i, r := range rt.rows {
		cells := make([]string, width)
		empty := true
		for j := range min(len(r), width) {
			cells[j] = cleanCell(r[j])
			empty = empty && cells[j] == ""
		}
		if empty {
			continue
		}
		line := 0
		if i < len(rt.lines) {
			line = rt.lines[i]
		}
		rows = append(rows, cells)
		lines = append(lines, line)
	}
	return rows, lines
}

// cleanCell joins a cell's lines and drops invisible characters; the text
// is otherwise kept as written.
func cleanCell(s string) string {
	return joinLines(strings.FieldsFunc(cleanLine(strings.ReplaceAll(s, "\n", "\u2028")), func(r rune) bool { return r == '\u2028' }))
}

func singleValue(row []string) bool {
	v := firstNonEmpty(row)
	for _, c := range row {
		if c != "" && c != v {
			return false
		}
	}
	return v != ""
}

func firstNonEmpty(row []string) string {
	for _, c := range row {
		if c != "" {
			return c
		}
	}
	return ""
}

// cutUnit finds a unit note in s and returns the unit and s without it.
func cutUnit(s string) (unit, rest string, ok bool) {
	m := unitNote.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s, false
	}
	unit = s[m[2]:m[3]]
	rest = strings.TrimSpace(s[:m[0]] + s[m[1]:])
	return unit, rest, true
}

// headerRows counts the header rows: those the format marks (at least
// one), and a first body row that holds only labels under a header with a
// blank or merged corner (the second level of a two-level header), when
// figures follow it.
func headerRows(rows [][]string, marked int) int {
	h := max(1, marked)
	if h >= len(rows) {
		return len(rows)
	}
	if marked <= 1 && h+1 < len(rows) && labelsOnly(rows[h]) && secondLevel(rows[0], rows[h]) && hasFigures(rows[h+1:]) {
		h++
	}
	return h
}

// cornerUnit takes a unit note out of the header's corner (指标（单位：万人）),
// where many tables state the unit of all their figures.
func cornerUnit(header [][]string) (string, bool) {
	found := ""
	for _, row := range header {
		if u, rest, ok := cutUnit(row[0]); ok {
			row[0], found = rest, u
		}
	}
	return found, found != ""
}

// continueHeader reads blanks in a multi-row header as merged cells: a
// blank right of an upper label over labelled columns is that label merged
// across (| 2022年 | | over | 数值 | 增长 |), and a blank under a label is
// that label merged down (指标 over a blank), however the format wrote it.
func continueHeader(header [][]string) [][]string {
	for i := 0; i+1 < len(header); i++ {
		for j := 1; j < len(header[i]); j++ {
			if header[i][j] == "" && header[i+1][j] != "" {
				header[i][j] = header[i][j-1]
			}
		}
	}
	for i := 1; i < len(header); i++ {
		for j, c := range header[i] {
			if c == "" {
				header[i][j] = header[i-1][j]
			}
		}
	}
	return header
}

func labelsOnly(row []string) bool {
	for j, c := range row {
		if j > 0 && isFigure(c) {
			return false
		}
	}
	return true
}

// secondLevel reports whether row continues header as its second level:
// its corner is blank or repeats the header's (a merged cell), or the
// header has merged cells for it to subdivide.
func secondLevel(header, row []string) bool {
	if row[0] == "" || row[0] == header[0] {
		return true
	}
	for j := 1; j < len(header); j++ {
		if header[j] != "" && header[j] == header[j-1] {
			return true
		}
	}
	return false
}

func hasFigures(rows [][]string) bool {
	for _, r := range rows {
		if !labelsOnly(r) {
			return true
		}
	}
	return false
}

// isFigure reports whether a cell holds a figure rather than a label: it
// starts with a number that is not a year or month label (2022年, 1—6月).
func isFigure(c string) bool {
	c = strings.TrimSpace(c)
	if c == "" || yearLabel.MatchString(c) {
		return false
	}
	r, n := utf8.DecodeRuneInString(c)
	if strings.ContainsRune("+-−±", r) {
		r, _ = utf8.DecodeRuneInString(c[n:])
	}
	return r >= '0' && r <= '9' || r == '.'
}

// rowHeaderColumns counts the leading columns that label the rows: the
// first always, and the next when it holds words and no figure and is not
// a unit column. Beside rows labelled by years, a bare number is a figure
// even where it could be a year (2105 call-outs beside 2021年); beside
// rows of indicators a column of years (| 指标 | 年份 |) labels them.
func rowHeaderColumns(body [][]string, width, unitCol int) int {
	byYear := !slices.ContainsFunc(body, func(r []string) bool { return !yearLabel.MatchString(strings.TrimSpace(r[0])) })
	n := 1
	for n < min(maxRowHeaders, width-1) && n != unitCol {
		words := false
		for _, r := range body {
			if isFigure(r[n]) || byYear && bareNumber.MatchString(strings.TrimSpace(r[n])) {
				return n
			}
			words = words || !isEmptyCell(r[n])
		}
		if !words {
			return n
		}
		n++
	}
	return n
}

func unitColumn(header [][]string) int {
	for j := range header[len(header)-1] {
		for _, h := range header {
			for _, u := range unitHeaders {
				if strings.TrimSpace(h[j]) == u {
					return j
				}
			}
		}
	}
	return -1
}

// columnLabel is column j's header cells top-down, a merged cell counted
// once and blank cells skipped.
func columnLabel(header [][]string, j int) []string {
	var out []string
	for _, h := range header {
		c := h[j]
		if c == "" || len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return out
}

// splitColumnUnit takes a unit off a column's labels, the lowest level
// that has one first: 增长（%）, 增长%, 人口（万人）, and 学校数（所） over 2023年
// in a two-level header.
func splitColumnUnit(label []string) ([]string, string) {
	out := append([]string(nil), label...)
	for i := len(out) - 1; i >= 0; i-- {
		if rest, u := splitLabelUnit(out[i]); u != "" {
			out[i] = rest
			return out, u
		}
	}
	return out, ""
}

// splitLabelUnit is one label without its unit note, and the unit; "" when
// it has none.
func splitLabelUnit(l string) (string, string) {
	if u, rest, ok := cutUnit(l); ok && rest != "" {
		return rest, u
	}
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if i := strings.LastIndex(l, p[0]); i > 0 && strings.HasSuffix(l, p[1]) {
			inner := l[i+len(p[0]) : len(l)-len(p[1])]
			if unitLike(inner) {
				return strings.TrimSpace(l[:i]), inner
			}
		}
	}
	for _, pct := range []string{"%", "％", "‰"} {
		if rest, ok := strings.CutSuffix(l, pct); ok && rest != "" {
			return strings.TrimSpace(rest), pct
		}
	}
	return l, ""
}

// unitLike tells a unit in parentheses (万人, %, 元/人) from a remark such
// as （2022年）. A unit per period (吨/日, 万元/年) writes its period after
// the slash, not as a date.
func unitLike(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 6 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	unit, per, ok := strings.Cut(strings.ReplaceAll(s, "／", "/"), "/")
	if ok {
		return unit != "" && !strings.ContainsAny(unit, "年月日季") && (slices.Contains(periods, per) || per != "" && !strings.ContainsAny(per, "年月日季"))
	}
	return !strings.ContainsAny(s, "年月日季")
}

// withUnit appends a unit to a bare number: the column's, else the row's
// (a 单位 column), else the table's unless the column is a rate.
func withUnit(v, colUnit, rowUnit, tableUnit string, label []string) string {
	if !bareNumber.MatchString(v) {
		return v
	}
	switch {
	case colUnit != "":
		return v + colUnit
	case rowUnit != "" && !isEmptyCell(rowUnit):
		return v + rowUnit
	case tableUnit != "" && (!isRate(label) || isAmountChange(label)):
		return v + tableUnit
	}
	return v
}

func isRate(label []string) bool {
	for _, l := range label {
		for _, w := range rateWords {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}

// isAmountChange reports whether a column's lowest label names a change
// in the table's unit (增减, 增加), not a rate (增加率, 增减%).
func isAmountChange(label []string) bool {
	if len(label) == 0 {
		return false
	}
	l := label[len(label)-1]
	return slices.ContainsFunc(amountChanges, func(w string) bool { return strings.Contains(l, w) }) &&
		!slices.ContainsFunc(percentWords, func(w string) bool { return strings.Contains(l, w) })
}

func isEmptyCell(c string) bool {
	for _, e := range emptyCells {
		if c == e {
			return true
		}
	}
	return false
}

func rowLabel(cells []string, n int) string {
	var parts []string
	for _, c := range cells[:n] {
		if c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

// cellText is a cell as a sentence: 出生人口（2022年）：7.8万人. A rate
// column's label stays next to its figure, as a yearbook writes it:
// 地区生产总值（2022年）：增长4.1%.
func cellText(row string, col []string, value string) string {
	col = meaningfulLabels(col)
	rate := ""
	if n := len(col); n > 0 && isRate(col[n-1:]) {
		col, rate = col[:n-1], col[n-1]
	}
	var b strings.Builder
	b.WriteString(row)
	if len(col) > 0 {
		if row == "" {
			b.WriteString(strings.Join(col, "，"))
		} else {
			b.WriteString("（" + strings.Join(col, "，") + "）")
		}
	}
	if b.Len() > 0 {
		b.WriteString("：")
	}
	b.WriteString(rate)
	b.WriteString(value)
	return b.String()
}

// meaningfulLabels drops the column labels that only say "the figure"
// (数值, 绝对值): 地区生产总值（2022年，数值） reads 地区生产总值（2022年）.
func meaningfulLabels(col []string) []string {
	var out []string
	for _, c := range col {
		if !slices.Contains(valueLabels, c) {
			out = append(out, c)
		}
	}
	return out
}

// rowText is a row as one short line: 出生人口：2022年 7.8万人；增长-5.2%.
func rowText(row string, facts []cellFact) string {
	var b strings.Builder
	if row != "" {
		b.WriteString(row)
		b.WriteString("：")
	}
	for i, f := range facts[:min(len(facts), maxRowCells)] {
		if i > 0 {
			b.WriteString("；")
		}
		label := meaningfulLabels(f.label)
		if len(label) > 0 {
			b.WriteString(strings.Join(label, ""))
			if !isRate(label[len(label)-1:]) {
				b.WriteString(" ")
			}
		}
		b.WriteString(f.value)
	}
	return b.String()
}

// headingOf is the section a paragraph is cited under: a table's cells
// and rows under the table's title, everything else under the heading.
func (s Section) headingOf(p Paragraph) string {
	if p.Table > 0 && p.Table <= len(s.Tables) && s.Tables[p.Table-1].Title != "" {
		return s.Tables[p.Table-1].Title
	}
	return s.Heading
}

// paragraphID is "<prefix>-<line>" for a paragraph or a table row and
// "<prefix>-<line>.<column>" for a table cell: a row has a line of its own,
// so no two ids collide, and the longest stays far below Telegram's 64
// bytes of callback data.
func paragraphID(prefix string, p Paragraph) string {
	id := prefix + "-" + strconv.Itoa(p.Line)
	if p.Kind == KindCell {
		id += "." + strconv.Itoa(p.Part)
	}
	return id
}

// tableTitle reports whether a paragraph can be the title of the table
// right after it: a short line without sentence punctuation once its unit
// note is taken off (表1 2022年人口主要指标（单位：万人）).
func tableTitle(text string) bool {
	_, rest, _ := cutUnit(text)
	if rest == "" || utf8.RuneCountInString(rest) > maxTitleRunes {
		return false
	}
	// A title names years and its number (表1), never a figure.
	if strings.ContainsAny(titleNumbers.ReplaceAllString(rest, ""), "0123456789") {
		return false
	}
	return !strings.ContainsAny(rest, "。；;！!？?，,：:")
}

// unitLine reports whether a paragraph is only a unit note (单位：万人).
func unitLine(text string) (string, bool) {
	u, rest, ok := cutUnit(text)
	return u, ok && rest == ""
}
