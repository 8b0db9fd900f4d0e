package retrieval

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/internal/dict"
)

// Phrasings of a table question that name or restate a row in other
// words than a label's: an indicator named by its growth (经济增速 for
// the GDP row's growth) and a clarification after the question (…多少？
// 就是一般预算那个).

// withRateIndicators writes the standard name for an everyday one that
// names an indicator only before a growth word (经济增速 → 地区生产总值
// 增速); q is folded, and only the table path reads the result (and the
// prose search for a difference the table does not write, differenceAsked,
// whose refusal reasons then quote it so).
func withRateIndicators(q string) string {
	for form, name := range tableWords.rateIndicators {
		for i := 0; ; {
			j := strings.Index(q[i:], form)
			if j < 0 {
				break
			}
			at := i + j + len(form)
			if hasPrefixAny(q[at:], tableWords.changeAsks) {
				q = q[:i+j] + name + q[at:]
				at = i + j + len(name)
			}
			i = at
		}
	}
	return q
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// clarification is the span of q after a clarifier (就是) when every
// letter of it is a character of the cells' names or stands in a filler
// or table word: it restates the row asked and asks nothing more.
func clarification(q string, names []string) (span, bool) {
	if s, ok := parenthetical(q); ok && restates(q[s.start:s.end], names) {
		return s, true
	}
	for _, c := range tableWords.clarifiers {
		i := strings.Index(q, c)
		if i < 0 {
			continue
		}
		if restates(q[i+len(c):], names) {
			return span{i, len(q)}, true
		}
		return span{}, false
	}
	return span{}, false
}

// withoutRestated drops the names found inside a bracketed part that
// restates a name found before it (财政收入（预算收入）): the bracket
// names the same row, not a second one that shares its 收入.
func withoutRestated(q string, named map[string]span) map[string]span {
	s, ok := parenthetical(q)
	if !ok {
		return named
	}
	var outside []string
	for n, at := range named {
		if at.end <= s.start {
			outside = append(outside, n)
		}
	}
	if len(outside) == 0 || !restates(q[s.start:s.end], outside) {
		return named
	}
	maps.DeleteFunc(named, func(_ string, at span) bool { return at.start >= s.start && at.end <= s.end })
	return named
}

// parenthetical is the first bracketed part of q (税收（地方级）),
// brackets included: a qualifier of the row named before it.
func parenthetical(q string) (span, bool) {
	open := strings.IndexAny(q, "（(")
	if open < 0 {
		return span{}, false
	}
	end := strings.IndexAny(q[open:], "）)")
	if end < 0 {
		return span{}, false
	}
	_, n := utf8.DecodeRuneInString(q[open+end:])
	return span{open, open + end + n}, true
}

// restates reports whether every letter of rest is a character of the
// names or stands in a filler or table word.
func restates(rest string, names []string) bool {
	for _, w := range tableWords.tableMarks {
		rest = strings.ReplaceAll(rest, w, "")
	}
	for _, w := range tableWords.filler {
		rest = strings.ReplaceAll(rest, w, "")
	}
	chars := strings.Join(names, "")
	for _, r := range rest {
		if (unicode.IsLetter(r) || unicode.IsNumber(r)) && !strings.ContainsRune(chars, r) {
			return false
		}
	}
	return true
}

// readComparison reads a comparison of two years or two rows asked
// without a which-word: A比B多吗 (a comparative after 比), or 去年和前年比
// 怎么样 (a comparison word); the larger is answered first, a yes/no
// question gets its verdict. A change word then asks nothing (多了吗 is
// the comparison's, not a difference asked) unless it names a rate.
func (tq *tableQuery) readComparison() {
	w := &tableWords
	years := len(tq.years)
	if asksYesNo(tq.rest) {
		// 去年比前年快吗 compares two years; 比前年慢了几个百分点 asks a change.
		compared := len(tq.since)
		if compared == 0 && tq.prior > 0 {
			compared = 1
		}
		years += compared
	}
	if years < 2 && len(tq.named) < 2 {
		return
	}
	found := false
	rest := strings.ReplaceAll(tq.rest, "多少", strings.Repeat(" ", len("多少")))
	if i := strings.Index(rest, "比"); i >= 0 && !hasPrefixAny(rest[i:], w.shareWords) {
		for j, r := range rest[i+len("比"):] {
			if d, ok := w.comparatives[string(r)]; ok {
				at := i + len("比") + j
				tq.extreme, tq.compareWord, found = d, string(r), true
				tq.marks = append(tq.marks, span{at, at + len(string(r))})
				break
			}
		}
	}
	if !found && containsAny(tq.rest, w.compareAsks) {
		tq.extreme, tq.compareWord, found = 1, "多", true
	}
	if !found {
		return
	}
	tq.compare = true
	tq.rate = containsAny(tq.rest, w.rateAsks) || containsAny(tq.rest, w.changeAsks)
	tq.amount = false
	tq.readLevelsCompared()
}

// comparisonLead says which of two cells compared is larger (2022年更多,
// 出生人口更多), or, for a yes/no question, whether the one named first
// is (是/不是); "" for ties and for more than two cells. values are the
// cells' figures times the direction asked.
func (ix *tableIndex) comparisonLead(tq tableQuery, cands []int, values []float64) string {
	if len(cands) != 2 || values[0] == values[1] || tq.compareWord == "" {
		return ""
	}
	win, lose := 0, 1
	if values[1] > values[0] {
		win, lose = 1, 0
	}
	a, b := ix.cells[cands[win]], ix.cells[cands[lose]]
	label := ""
	switch {
	case a.row == b.row && a.year != b.year:
		label = yearList([]int{a.year})
	case a.row != b.row:
		label = ix.tables[a.table].t.Rows[a.row].Label
	default:
		return ""
	}
	if !asksYesNo(tq.rest) {
		return label + "更" + tq.compareWord
	}
	// A比B多吗: A is the year or row the question names first.
	if ix.namedFirst(tq, a, b) {
		return "是"
	}
	return "不是"
}

// namedFirst reports whether the question names cell a's year (or row)
// before b's.
func (ix *tableIndex) namedFirst(tq tableQuery, a, b tableCell) bool {
	if a.year != b.year {
		named := tq.yearsCompared()
		return slices.Index(named, a.year) < slices.Index(named, b.year)
	}
	at := func(c tableCell) int {
		pos := len(tq.q)
		for _, n := range ix.tables[c.table].rowNames[c.row] {
			if s, ok := tq.named[n]; ok && s.start < pos {
				pos = s.start
			}
		}
		return pos
	}
	return at(a) < at(b)
}

// otherIndicator is, for a label named by a shortened form, the form when
// it is itself the name of another standard indicator (出口额 shortens
// 进出口总额 but names exports, not trade): the question asks what the
// table lacks. "" when the form is the label's own or no indicator's.
func (ix *tableIndex) otherIndicator(label, run string, docs []int) string {
	if slices.Contains(ix.formsOf(label), run) || ix.labelForm(run, docs) {
		return ""
	}
	asked, own := indicatorGroup(run, true), indicatorGroup(label, false)
	if asked < 0 || asked == own {
		return ""
	}
	return run
}

// labelForm reports whether run is a form of a cell's label in docs'
// tables (出口 of 出口总额): the indicator it names is there, not another.
func (ix *tableIndex) labelForm(run string, docs []int) bool {
	return slices.ContainsFunc(ix.namesOf(docs), func(n string) bool {
		return !ix.corner(n) && slices.Contains(ix.formsOf(n), run)
	})
}

// corner reports whether n is a table's corner label, which names no cell.
func (ix *tableIndex) corner(n string) bool {
	return slices.ContainsFunc(ix.tables, func(info tableInfo) bool { return info.corner == n })
}

// indicatorGroup is the index in tableWords.indicators of the group w is
// a member of (whole), or else whose longest member w holds; -1 when none.
func indicatorGroup(w string, whole bool) int {
	best, bestLen := -1, 0
	for gi, g := range tableWords.indicators {
		for _, m := range g {
			m = dict.Fold(m)
			if whole && m == w {
				return gi
			}
			if !whole && strings.Contains(w, m) && len(m) > bestLen {
				best, bestLen = gi, len(m)
			}
		}
	}
	return best
}

// otherIndicatorRefusal refuses a question naming a row only through the
// name of another indicator (去年出口额多少 of a table with 进出口总额),
// saying so, with the row as related content.
func (ix *tableIndex) otherIndicatorRefusal(tq tableQuery, docs []int) (tableResult, bool) {
	for _, n := range slices.Sorted(maps.Keys(tq.named)) {
		s := tq.named[n]
		asked := ix.otherIndicator(n, tq.q[s.start:s.end], docs)
		if asked == "" {
			continue
		}
		for _, c := range ix.cells {
			info := ix.tables[c.table]
			if ix.ofDocs(c.table, docs) && slices.Contains(info.rowNames[c.row], n) {
				related := info.rowPassages[c.row]
				if related < 0 {
					related = c.passage
				}
				return tableResult{refused: true, related: related,
					why: fmt.Sprintf("table %s has %s, not %s (another indicator)", info.title, n, asked)}, true
			}
		}
	}
	return tableResult{}, false
}

// readEachYear reads a row's figure asked for every year (这两年各多少):
// the figures of each year stand apart, not as a row, unless another row
// word asks the whole row (两年的数和增速). A rise weighed against a fall
// (涨了还是跌了) asks the direction of the change.
func (tq *tableQuery) readEachYear() {
	w := &tableWords
	if containsAny(tq.rest, w.eachYearAsks) && len(tq.years) == 0 {
		other := slices.DeleteFunc(slices.Clone(w.rowAsks), func(a string) bool { return strings.Contains(a, "两年") })
		tq.eachYear = !containsAny(tq.rest, other)
		tq.row = tq.row && !tq.eachYear
	}
}

// readDirection reads whether the question weighs a rise against a fall
// (变多还是变少). A title's words (增加值 of 三次产业增加值) may be the
// rise asked.
func (tq *tableQuery) readDirection() {
	w := &tableWords
	asked := blank(tq.q, slices.Collect(maps.Values(tq.named)))
	if i := strings.Index(asked, w.directionOr); i >= 0 {
		before, after := asked[:i], asked[i:]
		tq.direction = containsAny(before, w.ups) && containsAny(after, w.downs) ||
			containsAny(before, w.downs) && containsAny(after, w.ups)
	}
}

// directionLead is 增加 or 减少 for one growth cell, read from the sign its
// figure is written with (−2.2 is a fall; a growth written without a sign
// rises), or for two years' levels of one label, compared as an extreme
// is (the table writes no growth; nothing is subtracted). "" for anything
// else, a zero, or a column of shares.
func (ix *tableIndex) directionLead(cands []int) string {
	if len(cands) == 2 {
		return ix.levelsDirection(ix.cells[cands[0]], ix.cells[cands[1]])
	}
	if len(cands) != 1 {
		return ""
	}
	c := ix.cells[cands[0]]
	if !c.valued || c.value == 0 || !containsAny(c.rate, tableWords.rateFamilies[0]) {
		return ""
	}
	if c.value < 0 {
		return "减少"
	}
	return "增加"
}

// levelsDirection is which way a figure went between two years' levels
// of one label: the later year's against the earlier's, compared, not
// subtracted; "" when they are not such a pair or are equal.
func (ix *tableIndex) levelsDirection(a, b tableCell) string {
	if a.year == b.year || !a.valued || !b.valued || a.unit != b.unit || a.rate != "" || b.rate != "" ||
		!slices.Equal(a.names, b.names) || a.value == b.value {
		return ""
	}
	if a.year < b.year {
		a, b = b, a
	}
	if a.value < b.value {
		return "减少"
	}
	return "增加"
}
