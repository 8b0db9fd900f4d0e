package retrieval

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// The table answer path: a question that names a table's row label (or
// synonym) and, through years and rate words, one of its columns is
// answered with that cell, quoted as the corpus wrote it with the table as
// its source; a question naming a row only (死亡人口, 出生人口各年, 进出口总额
// 那一行) gets the row; a question naming a row and a year its table lacks
// is refused with that reason, unless a sentence elsewhere states that
// year. Anything else goes to the answer selector as before.

// maxTableFacts bounds how many cells or rows one question is answered
// with; more is not a question about cells.
const maxTableFacts = 6

// span is a byte range of the folded question.
type span struct{ start, end int }

// tableQuery is what a question asks of the tables.
type tableQuery struct {
	q     string // folded question
	rest  string // q with the named labels blanked out
	years []int  // the years it names (2021年, 去年)
	rate  bool   // it asks for a rate or share
	row   bool   // it asks for whole rows
	// named are the names the question states, each where it stands;
	// a name inside a longer named one (人口 in 城镇人口) is dropped.
	named map[string]span
}

// tableResult is the table path's answer: passages to quote (cells or
// rows), or a refusal with its reason and the row to show beside it.
type tableResult struct {
	quote   []int
	why     string
	refused bool
	related int   // passage shown with a refusal, -1 when none
	years   []int // the years a refused question asked
}

// answerTable answers qa from the tables of tier t; ok is false when the
// question is not one about table cells.
func (e *Engine) answerTable(qa extract.Question, t tier) (tableResult, bool) {
	ix := e.tables
	if ix == nil || len(ix.cells) == 0 || asksOtherThanFigures(qa) {
		return tableResult{}, false
	}
	tq := e.readTableQuery(qa, t)
	cands := ix.namedCells(tq, t.docs)
	if len(cands) == 0 || containsAny(tq.rest, tableWords.notCells) || !e.onlyTableWords(tq, cands) {
		return tableResult{}, false
	}
	cands = byRate(ix, tq, cands)
	if len(tq.years) > 0 {
		if !slices.ContainsFunc(cands, func(c int) bool { return ix.cells[c].year > 0 }) {
			return tableResult{}, false // a table without years cannot tell
		}
		sel := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !slices.Contains(tq.years, ix.cells[c].year) })
		if len(sel) == 0 {
			return ix.lackingYear(tq, cands), true
		}
		cands = sel
	} else if !tq.row {
		cands = ix.defaultYear(cands, t.years)
	}
	if tq.row {
		return ix.rows(cands)
	}
	return ix.oneCellPerRow(cands)
}

// asksOtherThanFigures reports whether a part asks for a date, a rank or
// names, which no statistical table answers.
func asksOtherThanFigures(qa extract.Question) bool {
	for _, p := range qa.Parts {
		for _, w := range p.Wants {
			if w == extract.WantDate || w == extract.WantRank || w == extract.WantNames {
				return true
			}
		}
	}
	return false
}

func (e *Engine) readTableQuery(qa extract.Question, t tier) tableQuery {
	tq := tableQuery{q: dict.Fold(qa.Text)}
	for _, m := range yearRe.FindAllStringSubmatch(tq.q, -1) {
		y, _ := strconv.Atoi(m[1])
		tq.years = appendNew(tq.years, y)
	}
	// 去年 is the newest edition's covered year, as in the search.
	for _, w := range slices.Sorted(maps.Keys(extract.RelativeYears)) {
		if strings.Contains(tq.q, w) && len(t.years) > 0 {
			tq.years = appendNew(tq.years, slices.Max(t.years)-extract.RelativeYears[w])
		}
	}
	asks := slices.ContainsFunc(qa.Parts, func(p extract.Part) bool { return len(p.Wants) > 0 })
	tq.named = e.tables.namedIn(tq.q, t.docs)
	// Rate words inside a named label (增加值, 增长率 of a row) ask nothing.
	rest := []byte(tq.q)
	for _, s := range tq.named {
		for i := s.start; i < s.end; i++ {
			rest[i] = ' '
		}
	}
	tq.rest = string(rest)
	tq.rate = containsAny(tq.rest, tableWords.rateAsks)
	tq.row = containsAny(tq.rest, tableWords.rowAsks) || !asks && len(tq.years) == 0 && !tq.rate
	return tq
}

func appendNew(ys []int, y int) []int {
	if slices.Contains(ys, y) {
		return ys
	}
	return append(ys, y)
}

// namedIn finds the names of the tables of docs (nil: all) that q states,
// keeping only the longest where one holds another.
func (ix *tableIndex) namedIn(q string, docs []int) map[string]span {
	found := map[string]span{}
	for _, c := range ix.cells {
		if docs != nil && !slices.Contains(docs, ix.tables[c.table].doc) {
			continue
		}
		for _, n := range c.names {
			if _, done := found[n]; done {
				continue
			}
			for _, v := range ix.variants[n] {
				if i := strings.Index(q, v); i >= 0 && utf8.RuneCountInString(v) >= 2 {
					found[n] = span{i, i + len(v)}
					break
				}
			}
		}
	}
	for n, s := range found {
		for m, o := range found {
			if m != n && o.start <= s.start && s.end <= o.end && o.end-o.start > s.end-s.start {
				delete(found, n)
				break
			}
		}
	}
	return found
}

// namedCells are the cells (indexes into ix.cells) of docs whose every
// name the question states.
func (ix *tableIndex) namedCells(tq tableQuery, docs []int) []int {
	var out []int
	for i, c := range ix.cells {
		if len(c.names) == 0 || docs != nil && !slices.Contains(docs, ix.tables[c.table].doc) {
			continue
		}
		if !slices.ContainsFunc(c.names, func(n string) bool { _, ok := tq.named[n]; return !ok }) {
			out = append(out, i)
		}
	}
	return out
}

// onlyTableWords reports whether the question says nothing but the cells'
// names, years, rate and row words, their units, their tables' titles and
// filler: a word more asks for something the table does not hold.
func (e *Engine) onlyTableWords(tq tableQuery, cands []int) bool {
	var spans []span
	var words, titles []string
	for _, c := range cands {
		cell := e.tables.cells[c]
		for _, n := range cell.names {
			spans = append(spans, tq.named[n])
		}
		words = append(words, cell.unit, cell.rate)
		titles = append(titles, e.tables.tables[cell.table].title)
	}
	return e.residueEmpty(tq.q, spans, words, titles)
}

// residueEmpty reports whether every letter and digit of q is covered by
// spans, by a year or a known word (question words, rate and row words,
// the documents' place names, words), or is a character of a title.
func (e *Engine) residueEmpty(q string, spans []span, words, titles []string) bool {
	covered := make([]bool, len(q))
	mark := func(s, t int) {
		for i := s; i < t; i++ {
			covered[i] = true
		}
	}
	for _, s := range spans {
		mark(s.start, s.end)
	}
	for _, m := range yearRe.FindAllStringSubmatchIndex(q, -1) {
		mark(m[2], m[1])
	}
	lists := [][]string{words, tableWords.rateAsks, tableWords.rowAsks, tableWords.valueLabels, tableWords.filler, foldAll(e.setting.PlaceWords)}
	lists = append(lists, slices.Collect(maps.Keys(extract.RelativeYears)))
	for _, l := range lists {
		for _, w := range l {
			for i := 0; w != "" && i < len(q); {
				j := strings.Index(q[i:], w)
				if j < 0 {
					break
				}
				mark(i+j, i+j+len(w))
				i += j + len(w)
			}
		}
	}
	titleText := dict.Fold(strings.Join(titles, ""))
	for i, r := range q {
		if covered[i] || !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			continue
		}
		if !strings.ContainsRune(titleText, r) {
			return false
		}
	}
	return true
}

// byRate keeps the cells of the kind asked: rates (of the family the
// question names, 增速 for a 增长 column, when it names one) or levels. A
// question for a row keeps both.
func byRate(ix *tableIndex, tq tableQuery, cands []int) []int {
	if tq.row && !tq.rate {
		return cands
	}
	out := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return (ix.cells[c].rate != "") != tq.rate })
	if !tq.rate {
		return out
	}
	for _, fam := range tableWords.rateFamilies {
		if containsAny(tq.rest, fam) {
			out = slices.DeleteFunc(out, func(c int) bool { return !containsAny(ix.cells[c].rate, fam) })
		}
	}
	return out
}

// defaultYear keeps, when the cells are of several years and the question
// names none, those of the year the documents cover (a yearbook's own
// year), else of the latest.
func (ix *tableIndex) defaultYear(cands []int, covered []int) []int {
	var years []int
	for _, c := range cands {
		years = appendNew(years, ix.cells[c].year)
	}
	if len(years) < 2 {
		return cands
	}
	want := slices.Max(years)
	for _, y := range slices.Backward(slices.Sorted(slices.Values(covered))) {
		if slices.Contains(years, y) {
			want = y
			break
		}
	}
	return slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return ix.cells[c].year != want })
}

// lackingYear refuses a question naming a row and a year its table does
// not hold, saying which years it does hold.
func (ix *tableIndex) lackingYear(tq tableQuery, cands []int) tableResult {
	var has []int
	for _, c := range cands {
		if y := ix.cells[c].year; y > 0 {
			has = appendNew(has, y)
		}
	}
	slices.Sort(has)
	c := ix.cells[cands[0]]
	info := ix.tables[c.table]
	related := info.rowPassages[c.row]
	if related < 0 {
		related = c.passage
	}
	return tableResult{
		refused: true,
		related: related,
		years:   tq.years,
		why:     fmt.Sprintf("table %s has %s, not %s", info.title, yearList(has), yearList(tq.years)),
	}
}

func yearList(ys []int) string {
	var out []string
	for _, y := range ys {
		out = append(out, strconv.Itoa(y)+"年")
	}
	return strings.Join(out, "、")
}

// rows answers with the rows of the cells: a row's paragraph, or its
// cells when it has none.
func (ix *tableIndex) rows(cands []int) (tableResult, bool) {
	var quote []int
	var labels []string
	for _, c := range cands {
		cell := ix.cells[c]
		info := ix.tables[cell.table]
		p := info.rowPassages[cell.row]
		if p < 0 {
			p = cell.passage
		}
		if !slices.Contains(quote, p) {
			quote = append(quote, p)
			labels = append(labels, info.title+" › "+info.t.Rows[cell.row].Label)
		}
	}
	if len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, why: "table row: " + strings.Join(labels, "; ")}, true
}

// oneCellPerRow answers with the cells when each row and year asked has
// exactly one left; two cells of one row and year (数值 and 比重, nothing
// telling them apart) are for the selector to weigh.
func (ix *tableIndex) oneCellPerRow(cands []int) (tableResult, bool) {
	seen := map[[3]int]bool{}
	var quote []int
	var labels []string
	for _, c := range cands {
		cell := ix.cells[c]
		k := [3]int{cell.table, cell.row, cell.year}
		if seen[k] {
			return tableResult{}, false
		}
		seen[k] = true
		quote = append(quote, cell.passage)
		info := ix.tables[cell.table]
		labels = append(labels, info.title+" › "+info.t.Rows[cell.row].Label+" › "+strings.Join(info.t.Columns[cell.col], " "))
	}
	if len(quote) == 0 || len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, why: "table cell: " + strings.Join(labels, "; ")}, true
}
