package retrieval

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
)

// The rows of a column that meet a value (哪些乡镇床位超过300张, 只有1家养老
// 机构的乡镇有哪些): each row's cell of the one column named is held up
// against the value as a yes/no question's figure is (extract.Verdict),
// or, said with 有 alone (有2家), matched exactly; the rows that meet it
// are quoted, nothing computed. A question naming a row, asking a first
// year or an extreme is not this one's.

// answerRowsMeeting answers which rows of one column meet the value tq
// states, when it asks which rows and says nothing else.
func (e *Engine) answerRowsMeeting(tq tableQuery, t tier) (tableResult, bool) {
	ix := e.tables
	which, ok := kindWhichSpan(tq.rest)
	// A change asked (比上年增加超过50张) is held up against no level.
	changes := tq.rate || tq.amount || tq.compare || tq.prior != 0 ||
		containsAny(tq.rest, tableWords.changeAsks) || containsAny(tq.rest, tableWords.amountChanges)
	if !ok || changes || tq.extreme != 0 || tq.fallen || tq.yesNo || tq.passing != "" {
		return tableResult{}, false
	}
	at, ok := thresholdSpan(tq.rest)
	if !ok {
		return tableResult{}, false
	}
	if only := suffixOf(tq.rest[:at.start], tableWords.onlyMarks); only != "" {
		at.start -= len(only)
	}
	cands := ix.withoutTotals(ix.defaultYear(ix.columnCells(tq, t.docs), t.years), tq)
	if len(cands) < 2 || !ix.sameColumn(cands) || slices.ContainsFunc(cands, func(c int) bool { return ix.rowNamed(tq, ix.cells[c]) }) {
		return tableResult{}, false
	}
	asked := tq
	asked.marks = append(slices.Clone(tq.marks), at, which)
	if !e.onlyTableWords(asked, cands) {
		return tableResult{}, false
	}
	meets, ok := meeting(trimPrefixOf(tq.rest[at.start:at.end], tableWords.onlyMarks))
	if !ok {
		return tableResult{}, false
	}
	var quote []int
	for _, c := range cands {
		switch meets(ix.cells[c], ix.cellFigure(c)) {
		case "是":
			quote = append(quote, ix.cells[c].passage)
		case "":
			return tableResult{}, false // a cell not held up against the value
		}
	}
	if len(quote) == 0 || len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	info := ix.tables[ix.cells[cands[0]].table]
	return tableResult{quote: quote, related: -1,
		why: fmt.Sprintf("table rows: %d of %d rows of %s meet %s", len(quote), len(cands), info.title, tq.rest[at.start:at.end])}, true
}

// kindWhichSpan is where rest asks which of a kind (哪些, 哪几个).
func kindWhichSpan(rest string) (span, bool) {
	for _, w := range tableWords.kindWhich {
		if i := strings.Index(rest, w); i >= 0 {
			return span{i, i + len(w)}, true
		}
	}
	return span{}, false
}

// meeting is how a cell meets the value said (超过300张, 有2家): "是", "否",
// or "" when it cannot be held up against it. 有 alone with a count asks
// the count itself, unless a bound follows it (有2家以上: none is read);
// every other comparison is read as a yes/no question's.
func meeting(said string) (func(cell tableCell, figure string) string, bool) {
	if count, ok := strings.CutPrefix(said, tableWords.exactlyHas); ok {
		n, unit, ok := leadingCount(count)
		if !ok || containsAny(count, tableWords.boundsAfter) {
			return nil, false
		}
		return func(cell tableCell, _ string) string {
			switch {
			case !cell.valued || unit != "" && !strings.HasPrefix(cell.unit, unit) && !extract.CountsAlike(unit, cell.unit):
				return ""
			case cell.value == n:
				return "是"
			}
			return "否"
		}, true
	}
	question := said + tableWords.yesNo[0]
	return func(_ tableCell, figure string) string { return extract.Verdict(question, figure) }, true
}

// leadingCount is the number s opens with and the measure word after it
// (2家 → 2, 家).
func leadingCount(s string) (float64, string, bool) {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	n, err := strconv.ParseFloat(s[:end], 64)
	if err != nil {
		return 0, "", false
	}
	r, size := utf8.DecodeRuneInString(s[end:])
	if size == 0 {
		return n, "", true
	}
	return n, string(r), true
}

// trimPrefixOf is s without the word of words it opens with.
func trimPrefixOf(s string, words []string) string {
	for _, w := range words {
		if t, ok := strings.CutPrefix(s, w); ok {
			return t
		}
	}
	return s
}

// trimSuffixOf is s without the word of words it ends with; "" when s is
// that word whole, which leaves no word of its own.
func trimSuffixOf(s string, words []string) string {
	for _, w := range words {
		if t, ok := strings.CutSuffix(s, w); ok {
			return t
		}
	}
	return s
}

// columnCells are the cells, in every row, of the one column label tq
// names (床位数 of 哪些乡镇床位超过300张), none when it names another
// label or several.
func (ix *tableIndex) columnCells(tq tableQuery, docs []int) []int {
	var column string
	for n := range tq.named {
		if len(ix.colTables[n]) == 0 {
			return nil
		}
		if column != "" {
			return nil
		}
		column = n
	}
	var out []int
	for i, c := range ix.cells {
		if slices.Contains(c.names, column) && c.rate == "" && ix.ofDocs(c.table, docs) {
			out = append(out, i)
		}
	}
	return out
}
