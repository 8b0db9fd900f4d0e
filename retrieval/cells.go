package retrieval

import (
	"fmt"
	"maps"
	"regexp"
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
	years []int  // the years it names (2021年, 2021, 去年, 前年)
	rate  bool   // it asks for a rate or share
	row   bool   // it asks for whole rows
	// eachYear is set when it asks the figure of every year (这两年各
	// 多少) rather than the covered year's.
	eachYear bool
	// direction is set when it weighs a rise against a fall (变多还是
	// 变少): the growth cell's sign leads the answer.
	direction bool
	// notCells is set when it asks what no cell states: a rank or an
	// average.
	notCells bool
	// amount is set when it asks a difference (增加了多少 without a percent
	// word): the growth cell answers unless a sentence states the change.
	amount bool
	yesNo  bool // a yes/no question against a number (超过6万了吗)
	// percentBound is set when that number is in percent.
	percentBound bool
	// since are the relative years a change is counted from (比前年).
	since []int
	// prior is the year before the one asked when the question compares
	// with it (比上年), 0 when not: since only of a yes/no comparison of
	// two levels (readLevelsCompared) or of cells with no rate written
	// (answerCells), as 比上年增长 asks the rate where one is written.
	prior int
	// counter is the measure word a count is asked with (几家), "" when
	// none: a column counted with a counter of its kind answers it.
	counter string
	extreme int // +1 the largest, -1 the smallest figure asked
	// compare is set when the extreme is asked among named rows (A和B
	// 哪个多) rather than by 最: all of them are quoted.
	compare bool
	// fallen is set when it asks which rows fell (哪项负增长): the rows
	// whose growth is below zero, all of them.
	fallen bool
	// compareWord is the comparative asked (多, 高), "多" for a
	// comparison asked without one (去年和前年比怎么样).
	compareWord string
	titleAsk    bool // it asks a table's year or title
	unitAsk     bool // it asks the unit a figure is counted in
	// passing is the value it asks the first year past (超过80万吨), ""
	// when it asks none.
	passing string
	// table is the table whose title the question names, -1 when none;
	// marked is set when it says 表 after it (人口表里).
	table  int
	marked bool
	// named are the names the question states, each where it stands;
	// a name inside a longer named one (人口 in 城镇人口) is dropped.
	named map[string]span
	// marks are further spans of q read as table words: bare years, the
	// number of a yes/no question, the table's title words.
	marks []span
	// titled are the marks naming table (its title's words, its chapter):
	// they ask nothing only of that table's cells.
	titled []span
}

// tableResult is the table path's answer: passages to quote (cells or
// rows), or a refusal with its reason and the row to show beside it.
type tableResult struct {
	quote   []int
	why     string
	refused bool
	related int   // passage shown with a refusal, -1 when none
	years   []int // the years a refused question asked
	// titles are set when the answer is tables' titles (their year),
	// each quoted with the passage of quote at its place as its source.
	titles []string
	// stated are the question's words naming the rows, set when a
	// growth cell answers a difference asked: a sentence the selector
	// finds that writes them and no table cell answers first.
	stated []string
	// lead says which of two figures compared is larger (2022年更多), or
	// answers a yes/no comparison (是); "" when none.
	lead string
	// search is the question as the selector searches it for a sentence
	// stating a difference asked (比前年 written as the yearbooks' 比上年);
	// "" for the question itself.
	search string
}

// answerTable answers qa from the tables of tier t; ok is false when the
// question is not one about table cells.
func (e *Engine) answerTable(qa extract.Question, t tier) (tableResult, bool) {
	ix := e.tables
	if ix == nil || len(ix.cells) == 0 {
		return tableResult{}, false
	}
	tq := e.readTableQuery(qa, t)
	if res, ok := ix.otherIndicatorRefusal(tq, t.docs); ok {
		return res, true
	}
	if res, ok := e.otherQualifierRefusal(tq, t.docs); ok {
		return res, true
	}
	if res, ok := e.answerRowsMeeting(tq, t); ok {
		return res, true
	}
	if res, ok := e.answerBlankRows(tq, t); ok {
		return res, true
	}
	switch {
	case tq.extreme != 0 || tq.fallen: // 哪一年…最高 asks no title
		return e.answerExtreme(tq, t)
	case tq.passing != "":
		return e.answerFirstPassing(tq, t)
	case tq.titleAsk && len(tq.named) == 0:
		return e.titleAnswer(tq, t.docs)
	case tq.titleAsk && strings.Contains(tq.rest, tableWords.tableWord):
		// 甲那张表是哪几年的: the table its labels stand in.
		return e.titleAnswer(ix.ofNamedTable(tq, t.docs), t.docs)
	case asksOtherThanFigures(qa) && !tq.unitAsk:
		if res, ok := e.rowPlace(qa, tq, t.docs); ok {
			return res, true
		}
		if res, ok := e.rowStart(qa, tq, t.docs); ok {
			return res, true
		}
		return tableResult{}, false
	}
	cands := ix.namedCells(tq, t.docs)
	if len(cands) == 0 {
		if total, ok := e.totalAsked(tq); ok {
			return ix.answerCells(tq, total, t)
		}
	}
	if len(cands) == 0 && tq.row && tq.table >= 0 && len(tq.years) > 0 {
		cands = ix.tables[tq.table].allCells()
	}
	// A blank crossing is refused before the lack of cells is read: the
	// cell named is there, empty.
	if res, ok := e.blankRefusal(tq, t.docs); ok {
		return res, true
	}
	if len(cands) == 0 {
		return ix.lackingRow(tq)
	}
	if tq.notCells || !e.onlyTableWords(tq, cands) || ix.unjoinedTables(tq, cands) {
		return tableResult{}, false
	}
	return ix.answerCells(tq, cands, t)
}

// rowPlace answers where a row named stands (甲景区在哪个镇) with the row,
// when its header writes the row's place beside its name, under a label of
// places holding the kind asked (所在镇 for 哪个镇), and the question says
// nothing else.
func (e *Engine) rowPlace(qa extract.Question, tq tableQuery, docs []int) (tableResult, bool) {
	ix := e.tables
	if !slices.ContainsFunc(qa.Parts, extract.AsksWhere) {
		return tableResult{}, false
	}
	at, kind := whereSpan(tq.rest)
	cands := ix.namedRowCells(tq, docs, func(c tableCell) bool { return ix.tables[c.table].placeAttr(c.row, kind) })
	tq.marks = append(tq.marks, at)
	if len(ix.rowsOf(cands)) != 1 || !e.onlyTableWords(tq, cands) {
		return tableResult{}, false
	}
	return ix.rows(cands)
}

// placeAttr reports whether row r writes an attribute under a label of
// places (所在镇, 地点) whose kind agrees with kind: one holds the other
// (镇 and 乡镇), or no kind is asked (在哪里).
func (info *tableInfo) placeAttr(r int, kind string) bool {
	for j, cell := range info.t.Rows[r].Cells {
		if j == 0 || j >= len(info.t.Columns) || !slices.Contains(info.rowAttrs[r], nameOf(cell)) {
			continue
		}
		label := nameOf(strings.Join(info.t.Columns[j], ""))
		if slices.Contains(tableWords.placeLabels, label) {
			return kind == ""
		}
		own := strings.TrimPrefix(label, tableWords.placeLabelLead)
		if slices.Contains(tableWords.placeKinds, own) && (kind == "" || strings.Contains(own, kind) || strings.Contains(kind, own)) {
			return true
		}
	}
	return false
}

// whereSpan is where q asks where (在哪里, 在哪个镇): from the word leading
// the which-word to the kind of place after it, and that kind ("" when
// none is said).
func whereSpan(q string) (span, string) {
	i := strings.Index(q, tableWords.whereWhich)
	if i < 0 {
		return span{}, ""
	}
	start, end := i, i+len(tableWords.whereWhich)
	for _, l := range tableWords.whereLeads {
		if strings.HasSuffix(q[:start], l) {
			start -= len(l)
			break
		}
	}
	for _, s := range tableWords.whichEnds {
		if strings.HasPrefix(q[end:], s) {
			end += len(s)
			break
		}
	}
	kind := ""
	for _, k := range tableWords.placeKinds {
		if strings.HasPrefix(q[end:], k) && len(k) > len(kind) {
			kind = k
		}
	}
	return span{start, end + len(kind)}, kind
}

// unjoinedTables reports whether cands stand in several tables that no
// one named label reaches in all (a row in a table of main indicators and
// in a table by year is one thing), while the question joins nothing (甲和
// 乙): names of two tables said in one run (甲险基金支出) ask one thing
// neither table holds.
func (ix *tableIndex) unjoinedTables(tq tableQuery, cands []int) bool {
	tables := map[int]bool{}
	for _, c := range cands {
		tables[ix.cells[c].table] = true
	}
	// A joiner inside a label (住宿和餐饮业) joins nothing asked.
	if len(tables) < 2 || containsAny(blank(tq.q, slices.Collect(maps.Values(tq.named))), tableWords.joiners) {
		return false
	}
	for n := range tq.named {
		reached := map[int]bool{}
		for _, c := range cands {
			if slices.Contains(ix.cells[c].names, n) {
				reached[ix.cells[c].table] = true
			}
		}
		if len(reached) == len(tables) {
			return false
		}
	}
	return true
}

// emptyCrossing refuses a question naming one row of a table and only
// columns whose cells in that row are left blank (甲 › 其中：外贸),
// saying so, with the row as related content; not when the question
// names another table, nor when another table holds the row's cell. It
// gives the row's cells and the spans of the blank columns named.
func (ix *tableIndex) emptyCrossing(tq tableQuery, docs []int) (tableResult, []int, []span, bool) {
	var found []tableResult
	var cells []int
	var spans []span
	for ti, info := range ix.tables {
		if docs != nil && !slices.Contains(docs, info.doc) || tq.table >= 0 && tq.table != ti {
			continue
		}
		row := ix.namedRow(tq, ti)
		if row < 0 {
			continue
		}
		var named, blank []string
		for n := range tq.named {
			if !slices.Contains(ix.colTables[n], ti) {
				continue
			}
			named = append(named, n)
			if !slices.ContainsFunc(info.rowCells[row], func(c int) bool { return slices.Contains(ix.cells[c].names, n) }) {
				blank = append(blank, n)
			}
		}
		switch {
		case len(blank) < len(named):
			return tableResult{}, nil, nil, false // a cell of the row named stands
		case len(named) > 0 && info.rowPassages[row] >= 0:
			slices.Sort(blank)
			found = append(found, tableResult{refused: true, related: info.rowPassages[row],
				why: fmt.Sprintf("table %s leaves %s › %s empty", info.title, strings.Join(info.rowNames[row], " "), strings.Join(blank, "、"))})
			cells = info.rowCells[row]
			for _, n := range blank {
				spans = append(spans, tq.named[n])
			}
		}
	}
	if len(found) != 1 {
		return tableResult{}, nil, nil, false
	}
	return found[0], cells, spans, true
}

// blankRefusal refuses a question naming a row and a column whose cell
// is blank, when it says nothing but the table's words: a word more
// (甲外贸企业) asks something the text may tell.
func (e *Engine) blankRefusal(tq tableQuery, docs []int) (tableResult, bool) {
	res, cells, blanks, ok := e.tables.emptyCrossing(tq, docs)
	if !ok || tq.notCells {
		return tableResult{}, false
	}
	asked := tq
	asked.marks = append(slices.Clone(tq.marks), blanks...)
	return res, e.onlyTableWords(asked, cells)
}

// namedRow is the one row of table ti whose labels the question all
// names, -1 when none or several.
func (ix *tableIndex) namedRow(tq tableQuery, ti int) int {
	row := -1
	for r, names := range ix.tables[ti].rowNames {
		if len(names) > 0 && tq.namesAll(names) {
			if row >= 0 {
				return -1
			}
			row = r
		}
	}
	return row
}

// answerCells answers with the cells of cands the question's kind of
// figure and years leave.
func (ix *tableIndex) answerCells(tq tableQuery, cands []int, t tier) (tableResult, bool) {
	rate := func(c tableCell) bool { return c.rate != "" }
	prior := func(c tableCell) bool { return c.year == tq.prior }
	if len(tq.since) == 0 && tq.prior > 0 && !ix.tablesHold(cands, rate) && ix.tablesHold(cands, prior) {
		// Where no rate is written, 比上年 compares two years' levels.
		tq.since = []int{tq.prior}
	}
	if levels, ok := ix.levelsForChange(tq, cands); ok {
		if len(tq.since) > 0 && !ix.eachRowHolds(tq, levels, tq.since) {
			// A row named holds no level of the year compared (none in
			// the table, or left blank) and no rate: only a sentence
			// stating the change may answer.
			return ix.changeUntold(tq, levels), true
		}
		cands, tq.amount = levels, true
		if len(tq.years) == 0 && len(tq.since) == 0 {
			tq.since = ix.yearBefore(cands, t.years)
		}
	} else {
		cands = byRate(ix, tq, cands)
	}
	if len(tq.years) > 0 {
		if !slices.ContainsFunc(cands, func(c int) bool { return ix.cells[c].year > 0 }) {
			return tableResult{}, false // a table without years cannot tell
		}
		asked := tq.yearsCompared()
		sel := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !slices.Contains(asked, ix.cells[c].year) })
		if len(sel) == 0 {
			return ix.lackingYear(tq, cands), true
		}
		cands = sel
	} else if !tq.row && !tq.eachYear {
		cands = ix.withSince(ix.defaultYear(cands, t.years), cands, tq.since)
	}
	if tq.row && !ix.ofYearRows(cands, tq) {
		return ix.rows(cands)
	}
	var res tableResult
	var ok bool
	if tq.amount {
		res, ok = ix.differenceAsked(tq, cands)
	} else {
		res, ok = ix.oneCellPerRow(tq, cands)
	}
	switch {
	case ok && tq.direction:
		res.lead = ix.directionLead(cands)
	case ok && tq.unitAsk && len(cands) == 1 && ix.cells[cands[0]].unit != "":
		res.lead = tableWords.unitLead + ix.cells[cands[0]].unit
	}
	return res, ok
}

// eachRowHolds reports whether every row of cands the question names has
// a cell among them with a figure of one of years, or, when it names none
// (rows of years), whether any cell has one.
func (ix *tableIndex) eachRowHolds(tq tableQuery, cands []int, years []int) bool {
	holds := func(c int) bool { return ix.cells[c].valued && slices.Contains(years, ix.cells[c].year) }
	named := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !ix.rowNamed(tq, ix.cells[c]) })
	if len(named) == 0 {
		return slices.ContainsFunc(cands, holds)
	}
	for _, r := range ix.rowsOf(named) {
		if !slices.ContainsFunc(named, func(c int) bool {
			return ix.cells[c].table == r[0] && ix.cells[c].row == r[1] && holds(c)
		}) {
			return false
		}
	}
	return true
}

// tablesHold reports whether a table of cands has a cell that holds
// (a rate written, a cell of the year asked).
func (ix *tableIndex) tablesHold(cands []int, holds func(tableCell) bool) bool {
	return slices.ContainsFunc(cands, func(c int) bool {
		return slices.ContainsFunc(ix.tables[ix.cells[c].table].allCells(), func(o int) bool { return holds(ix.cells[o]) })
	})
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
	tq := tableQuery{q: withRateIndicators(dict.Fold(qa.Text)), table: -1}
	var claimed []span
	var at span
	if tq.table, at = e.tables.namedTable(tq.q, t.docs, foldAll(e.setting.PlaceWords)); tq.table >= 0 {
		claimed = []span{at}
		tq.marked = strings.Contains(tq.q[at.start:], "表")
		if ch := e.tables.tables[tq.table].chapter; utf8.RuneCountInString(ch) >= minNameRunes && strings.Contains(tq.q, ch) {
			i := strings.Index(tq.q, ch)
			claimed = append(claimed, span{i, i + len(ch)})
		}
		// A title's word joined to another (税收和甲行业) is an item asked,
		// a label of its own, not the table's name.
		claimed = slices.DeleteFunc(claimed, func(s span) bool { return joined(tq.q, s) })
		tq.marks, tq.titled = append(tq.marks, claimed...), claimed
	}
	// The documents' own place (甲县, 甲) competes as a match of no name,
	// as a title's words do: it is no shortened name of a row that opens
	// with it (甲风景区), which a label named whole still is: a row that is
	// the place (甲县 among a city's counties) is named by its forms whole.
	own := append(slices.Clone(claimed), spansOf(tq.q, foldAll(e.setting.PlaceWords))...)
	tq.named = withoutRestated(tq.q, e.tables.namedIn(tq.q, t.docs, own))
	if n, at, ok := e.tables.countedThing(tq.q, tq.table, tq.named, claimed); ok {
		tq.named[n] = at
	}
	e.tables.dropKinds(tq.q, tq.named, claimed)
	e.tables.dropTitleMeasures(tq.q, tq.named)
	// Rate words inside a named label or the title's words (增加值, 增长率
	// of a row; 降水量 of a title) ask nothing.
	tq.rest = blank(tq.q, append(slices.Collect(maps.Values(tq.named)), claimed...))
	// A year spoken inside a name (城镇居民2022人均收入) is still asked.
	tq.rest = restore(tq.rest, tq.q, yearSpans(tq.q))
	tq.years = e.tables.questionYears(&tq, t)
	tq.readDirection()
	tq.readAsks()
	asks := slices.ContainsFunc(qa.Parts, func(p extract.Part) bool { return len(p.Wants) > 0 })
	tq.row = !tq.yesNo && (containsAny(tq.rest, tableWords.rowAsks) || !asks && len(tq.years) == 0 && !tq.rate)
	tq.readEachYear()
	if tq.rate && len(tq.years) > 1 {
		// A change between two years: the words joining them ask nothing.
		tq.marks = append(tq.marks, spansOf(tq.rest, tableWords.rangeWords)...)
	}
	if tq.rate {
		tq.marks = append(tq.marks, shareBases(tq.q, tq.named)...)
	}
	if len(qa.Parts) == 1 {
		tq.counter = qa.Parts[0].Unit
	}
	if tq.rate && !tq.yesNo && tq.extreme == 0 && levelAndRate(qa) {
		// A level and its change asked in two parts (社零多少，增长多少):
		// the row holds both.
		tq.row, tq.rate, tq.amount = true, false, false
	}
	return tq
}

// shareBases are the labels named as the whole a share is of, with the
// word leading them (占总面积 of 甲占总面积的比重): the share's base, not a
// label asked.
func shareBases(q string, named map[string]span) []span {
	var out []span
	for _, s := range named {
		for _, lead := range tableWords.shareBaseLeads {
			if strings.HasSuffix(q[:s.start], lead) {
				out = append(out, span{s.start - len(lead), s.end})
				break
			}
		}
	}
	return out
}

// spansOf are where s writes each of words.
func spansOf(s string, words []string) []span {
	var out []span
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			out = append(out, span{i + j, i + j + len(w)})
			i += j + len(w)
		}
	}
	return out
}

// levelAndRate reports whether one part of a question asks a rate or a
// change and another a level.
func levelAndRate(qa extract.Question) bool {
	if len(qa.Parts) < 2 {
		return false
	}
	rate, level := false, false
	for _, p := range qa.Parts {
		if asksRate(dict.Fold(p.Text)) {
			rate = true
		} else {
			level = true
		}
	}
	return rate && level
}

func asksRate(q string) bool {
	w := &tableWords
	return containsAny(q, w.rateAsks) || containsAny(q, w.changeAsks) || containsAny(q, w.amountChanges)
}

// readAsks reads what tq.rest asks beside labels and years: a rate, a
// difference, an extreme, a yes or no, a table's title.
func (tq *tableQuery) readAsks() {
	w := &tableWords
	percent := containsAny(tq.rest, w.percentAsks)
	amount := containsAny(tq.rest, w.amountChanges)
	tq.amount = amount && !percent
	// The percent of a threshold (甲率超过30%了吗) is its number's unit: it
	// asks no rate of a level counted in percent, but a figure in percent.
	rateText := tq.rest
	if s, ok := thresholdOf(tq.rest); ok {
		rateText = blank(tq.rest, []span{s})
		tq.percentBound = containsAny(tq.rest[s.start:s.end], tableWords.percentSigns)
	}
	tq.rate = asksRate(rateText)
	tq.notCells = containsAny(tq.rest, w.notCells)
	if p, at, ok := passingAsked(tq.rest); ok {
		// 从哪年起超过: the words around the year asked ask nothing more.
		tq.passing = p
		tq.marks = append(append(tq.marks, at), spansOf(tq.rest, slices.Concat(w.whichYears, w.firstTimes, w.rangeWords))...)
		return
	}
	tq.extreme = extremeAsked(tq.rest)
	tq.marks = append(tq.marks, extremeVerbs(tq.rest)...)
	if tq.extreme == 0 && slices.ContainsFunc(slices.Collect(maps.Keys(tq.named)), startLabel) {
		// 最早设立的 of a column of the years rows began: the least year.
		var at span
		if tq.extreme, at = startExtremeAsked(tq.rest); tq.extreme != 0 {
			tq.marks = append(tq.marks, at)
		}
	}
	if tq.rate && containsAny(tq.rest, w.declines) {
		tq.extreme = -tq.extreme
	}
	if tq.extreme == 0 && containsAny(tq.rest, w.whichWords) && containsAny(tq.rest, w.fallen) && !containsAny(tq.rest, w.negations) {
		// 哪种比上年少了 asks which fell, not which is smaller; 比 and 还
		// before the year compared ask nothing more.
		tq.fallen, tq.rate, tq.amount = true, true, false
		tq.marks = append(tq.marks, spansOf(tq.rest, w.fallWords)...)
	}
	// A direction asked (是升了还是降了) is no comparison of two
	// figures: its 少 names the fall.
	if tq.extreme == 0 && !tq.fallen && !tq.direction {
		var at span
		if tq.extreme, at = comparativeAsked(tq.rest); tq.extreme != 0 {
			tq.compare, tq.compareWord = true, tq.rest[at.start:at.end]
			tq.marks = append(tq.marks, at)
			tq.readLevelsCompared()
		}
	}
	if tq.extreme == 0 && !tq.fallen && !tq.direction {
		tq.readComparison()
	}
	tq.titleAsk = containsAny(tq.rest, w.titleAsks)
	tq.unitAsk = containsAny(tq.rest, w.unitAsks)
	if tq.titleAsk || tq.unitAsk {
		tq.marks = append(tq.marks, spansOf(tq.rest, w.unitAskVerbs)...)
	}
	if s, ok := thresholdOf(tq.rest); ok {
		tq.yesNo = true
		tq.marks = append(tq.marks, s)
		if at, ok := extract.YesNoTail(tq.q); ok {
			tq.marks = append(tq.marks, span{at, len(tq.q)})
		} else if !asksYesNo(tq.q) {
			tq.marks = append(tq.marks, span{s.end, len(tq.q)}) // confirmEnd
		}
	}
}

// extremeAsked is +1 for 最多 and its kind, -1 for 最少, 0 for none.
func extremeAsked(q string) int {
	for w, d := range tableWords.extremes {
		if strings.Contains(q, w) {
			return d
		}
	}
	return 0
}

// extremeVerbs are the spans of q's verbs of one character said with a
// link before an extreme (办得最少: tableWords.extremeLinks): how the
// figures came about, which the column compared names, not a label of
// their own.
func extremeVerbs(q string) []span {
	var out []span
	for w := range tableWords.extremes {
		i := strings.Index(q, w)
		for _, l := range tableWords.extremeLinks {
			before, ok := strings.CutSuffix(q[:max(i, 0)], l)
			if r, n := utf8.DecodeLastRuneInString(before); ok && unicode.Is(unicode.Han, r) {
				out = append(out, span{len(before) - n, i})
			}
		}
	}
	return out
}

// comparativeAsked is the direction of a comparative after a which-word
// (哪个增长快: +1) and where it stands, 0 when none; 多少 is none.
func comparativeAsked(q string) (int, span) {
	q = strings.ReplaceAll(q, "多少", strings.Repeat(" ", len("多少")))
	for _, w := range tableWords.whichWords {
		i := strings.Index(q, w)
		if i < 0 {
			continue
		}
		for j, r := range q[i+len(w):] {
			if d, ok := tableWords.comparatives[string(r)]; ok {
				at := i + len(w) + j
				return d, span{at, at + len(string(r))}
			}
		}
	}
	return 0, span{}
}

// thresholdPattern is a number held up against a cell in a yes/no
// question, with its magnitude and unit (超过400万吨了吗), or a magnitude
// alone (过亿吨: one of it, as extract.Verdict reads it).
// thresholdPattern finds a number up in a yes/no question, in digits or
// in Chinese numerals (两千, 十); thresholdSpan then wants a comparison
// word before it.
var thresholdPattern = regexp.MustCompile(`(?:[0-9][0-9.,]*|[一二两三四五六七八九]*[十百千万亿]+)[^了吗没呢是，。？?\s0-9]{0,4}`)

// asksYesNo reports whether q asks yes or no: a word of tableWords.yesNo
// anywhere, or a particle ending it (extract.YesNoTail).
func asksYesNo(q string) bool {
	_, tail := extract.YesNoTail(q)
	return tail || containsAny(q, tableWords.yesNo) || extract.AsksANotA(q)
}

// thresholdOf is the comparison word and number of a yes/no question,
// or of one seeking a yes with the threshold in its last words (不到10万
// 吨吧, 超过了吧; not one asking things that pass it, 甲…以上的村吧).
func thresholdOf(q string) (span, bool) {
	if asksYesNo(q) {
		return thresholdSpan(q)
	}
	body, ok := strings.CutSuffix(strings.TrimRight(q, tableWords.closingMarks), tableWords.confirmEnd)
	if !ok {
		return span{}, false
	}
	s, ok := thresholdSpan(body)
	return s, ok && !strings.Contains(body[s.start:], tableWords.qualifierMark)
}

// thresholdSpan is where q holds a number up with a comparison word
// (超过400万吨, 过亿吨).
func thresholdSpan(q string) (span, bool) {
	for _, loc := range thresholdPattern.FindAllStringIndex(q, -1) {
		// A number of years (千年以上古树) is an age, not a threshold.
		if strings.HasPrefix(strings.TrimLeft(q[loc[0]:loc[1]], tableWords.numeralRunes), tableWords.yearWord) {
			continue
		}
		before := strings.TrimRight(q[:loc[0]], " ")
		for _, c := range tableWords.comparisons {
			if strings.HasSuffix(before, c) {
				// The whole A-not-A form before the number asks (超没超过).
				if at, ok := extract.ANotAStart(before); ok {
					return span{at, loc[1]}, true
				}
				return span{len(before) - len(c), loc[1]}, true
			}
		}
	}
	return span{}, false
}

// questionYears are the years q names: 2021年, a bare 2021 that is a year
// of the tables, and relative years counted back from the year covered,
// except after a comparison word (比上一年 is a change, not a year).
func (ix *tableIndex) questionYears(tq *tableQuery, t tier) []int {
	var years []int
	for _, m := range yearRe.FindAllStringSubmatch(tq.q, -1) {
		y, _ := strconv.Atoi(m[1])
		years = appendNew(years, y)
	}
	for _, m := range bareYear.FindAllStringSubmatchIndex(tq.rest, -1) {
		y, _ := strconv.Atoi(tq.rest[m[2]:m[3]])
		next, _ := utf8.DecodeRuneInString(tq.rest[m[3]:])
		if strings.ContainsRune(tableWords.figureUnits+"年0123456789", next) || !ix.hasYear(y, t.docs) {
			continue
		}
		years = appendNew(years, y)
		tq.marks = append(tq.marks, span{m[2], m[3]})
	}
	if len(t.years) == 0 {
		return years
	}
	var joined []int
	for _, w := range slices.Sorted(maps.Keys(tableWords.relativeYears)) {
		for i := 0; ; {
			j := strings.Index(tq.q[i:], w)
			if j < 0 {
				break
			}
			y := slices.Max(t.years) - tableWords.relativeYears[w]
			switch before := tq.q[:i+j]; {
			case containsSuffix(before, tableWords.sinceWords):
				tq.since = appendNew(tq.since, y)
			case containsSuffix(before, tableWords.sinceJoiners) && strings.HasPrefix(tq.q[i+j+len(w):], "比"):
				joined = appendNew(joined, y)
			default:
				years = appendNew(years, y)
			}
			i += j + len(w)
		}
	}
	// 跟前年比 compares with the year asked when another is named
	// (去年和前年比: both are asked), else with the year covered.
	for _, y := range joined {
		if len(years) > 0 {
			years = appendNew(years, y)
		} else {
			tq.since = appendNew(tq.since, y)
		}
	}
	if y, ok := priorYear(tq.q, years, slices.Max(t.years)); ok {
		tq.prior = y
	}
	return years
}

// priorYear is the year before the one asked (the latest when none is)
// when q compares with it (比上年); none when several years are asked.
func priorYear(q string, years []int, latest int) (int, bool) {
	if len(years) > 1 {
		return 0, false
	}
	for _, s := range spansOf(q, tableWords.priorYears) {
		if !containsSuffix(q[:s.start], tableWords.sinceWords) {
			continue
		}
		if len(years) == 1 {
			latest = years[0]
		}
		return latest - 1, true
	}
	return 0, false
}

// readLevelsCompared reads a yes/no comparison with the year before
// (甲比上年少吗) as one of two years' levels: its 比上年 and 少 ask
// no change.
func (tq *tableQuery) readLevelsCompared() {
	if !asksYesNo(tq.rest) || len(tq.since) == 0 && tq.prior == 0 {
		return
	}
	if len(tq.since) == 0 {
		tq.since = []int{tq.prior}
	}
	rest := withoutPriorYear(tq.rest)
	tq.rate, tq.amount = containsAny(rest, tableWords.rateAsks) || containsAny(rest, tableWords.changeAsks), false
}

// withoutPriorYear is q without the words comparing with the year
// before (比上年).
func withoutPriorYear(q string) string {
	for _, y := range tableWords.priorYears {
		for _, w := range tableWords.sinceWords {
			q = strings.ReplaceAll(q, w+y, "")
		}
	}
	return q
}

// yearsCompared are the years the question asks, then those it compares
// them with (去年比前年涨了多少: 去年, then 前年): a year compared with
// stays beside the one asked, and is named after it.
func (tq tableQuery) yearsCompared() []int {
	return append(slices.Clone(tq.years), tq.since...)
}

// withSince adds to cands of one year the cells of all the years the
// question compares it with (比前年多了几家), so that both are quoted.
func (ix *tableIndex) withSince(chosen, all []int, since []int) []int {
	if len(since) == 0 {
		return chosen
	}
	out := slices.Clone(chosen)
	for _, c := range all {
		if slices.Contains(since, ix.cells[c].year) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// bareYear is a four-digit year written without 年 (2021水果产量); what
// follows is read apart, so that one character may stand between two
// (2022和2021).
var bareYear = regexp.MustCompile(`(?:^|[^0-9.])((?:19|20)[0-9]{2})`)

func containsSuffix(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(s, w) })
}

// hasYear reports whether a cell of docs' tables is of year y.
func (ix *tableIndex) hasYear(y int, docs []int) bool {
	return slices.ContainsFunc(ix.cells, func(c tableCell) bool {
		return c.year == y && ix.ofDocs(c.table, docs)
	})
}

func appendNew(ys []int, y int) []int {
	if slices.Contains(ys, y) {
		return ys
	}
	return append(ys, y)
}

// namedCells are the cells (indexes into ix.cells) of docs whose every
// name the question states; else, when it names a row and none of its
// table's columns, the row's cells asked for whole (小学那一行) or the one
// column whose unit the question says (小学有多少所).
func (ix *tableIndex) namedCells(tq tableQuery, docs []int) []int {
	var out, ofRow, ofTotals []int
	colNamed := map[int]bool{} // tables with a column label named
	for n := range tq.named {
		for _, t := range ix.colTables[n] {
			colNamed[t] = true
		}
	}
	for i, c := range ix.cells {
		if len(c.names) == 0 || docs != nil && !slices.Contains(docs, ix.tables[c.table].doc) {
			continue
		}
		if tq.namesAll(c.names) {
			out = append(out, i)
		} else if !colNamed[c.table] && ix.rowNamed(tq, c) {
			ofRow = append(ofRow, i)
		} else if colNamed[c.table] && ix.totalRow(c) && tq.namesAll(ix.columnNames(c)) && !ix.someRowsSaid(tq, c.table) {
			ofTotals = append(ofTotals, i)
		}
	}
	switch {
	case tq.row:
		return append(out, ofRow...)
	case len(out) == 0 && len(ofTotals) > 0:
		// A column named alone, over rows of kinds and their total,
		// asks the total (调解员一共多少人 of a table of kinds of
		// committee).
		return ofTotals
	case len(out) > 0:
		// A row named alone is answered by its total column, the one
		// cell the row's name labels whole (乙中心总共多少).
		if growths := ix.firstMeasureGrowths(tq, out); len(growths) > 0 {
			return growths
		}
		return ix.mostNamed(out)
	}
	return ix.byStatedUnit(tq, ofRow)
}

// someRowsSaid reports whether the question says, beside the labels it
// names, a word of some of the table's row labels (养老 of 民办养老机构)
// other than the label over them: it then asks of those rows, not of the
// row of totals.
func (ix *tableIndex) someRowsSaid(tq tableQuery, table int) bool {
	named := slices.Collect(maps.Values(tq.named))
	for _, m := range tq.marks {
		if slices.ContainsFunc(named, func(n span) bool { return n.start <= m.start && m.end <= n.end }) {
			continue
		}
		said := tq.q[m.start:m.end]
		if strings.Contains(ix.tables[table].corner, said) {
			continue // the label over the rows names them all (景区 over 甲景区)
		}
		if slices.ContainsFunc(ix.tables[table].rowNames, func(row []string) bool { return strings.Contains(strings.Join(row, ""), said) }) {
			return true
		}
	}
	return false
}

// onlyUnnamedTotals reports whether every cell stands in a row of totals
// the question does not name.
func (ix *tableIndex) onlyUnnamedTotals(tq tableQuery, cands []int) bool {
	return len(cands) > 0 && !slices.ContainsFunc(cands, func(c int) bool {
		return !ix.totalRow(ix.cells[c]) || ix.rowNamed(tq, ix.cells[c])
	})
}

// namesJoined reports whether two labels named stand joined (甲和乙).
func (tq tableQuery) namesJoined() bool {
	spans := slices.Collect(maps.Values(tq.named))
	for _, a := range spans {
		for _, b := range spans {
			if a.end <= b.start && slices.Contains(tableWords.joiners, tq.q[a.end:b.start]) {
				return true
			}
		}
	}
	return false
}

// namedColumns are the columns of cands that the question names by all
// their labels, each once.
func (ix *tableIndex) namedColumns(tq tableQuery, cands []int) []int {
	var out []int
	for _, c := range cands {
		cell := ix.cells[c]
		if cols := ix.columnNames(cell); len(cols) > 0 && tq.namesAll(cols) && !slices.Contains(out, cell.col) {
			out = append(out, cell.col)
		}
	}
	return out
}

// sharedBrackets are the words every cell's row label writes in brackets
// (总馆 of 甲馆（总馆）), folded; none of a bracket saying what the row
// leaves out or takes in (合计（不含甲）), which asks another thing.
func (ix *tableIndex) sharedBrackets(cands []int) []string {
	var out []string
	for i, c := range cands {
		var own []string
		for _, m := range bracketRe.FindAllStringSubmatch(dict.Fold(ix.tables[ix.cells[c].table].t.Rows[ix.cells[c].row].Label), -1) {
			if !hasPrefixAny(m[1], tableWords.bracketScopes) {
				own = append(own, m[1])
			}
		}
		if i == 0 {
			out = own
		} else {
			out = slices.DeleteFunc(out, func(w string) bool { return !slices.Contains(own, w) })
		}
	}
	return out
}

var bracketRe = regexp.MustCompile(`[（(]([^（）()]+)[）)]`)

// rowsOf are the rows (table and row) the cells stand in, each once.
func (ix *tableIndex) rowsOf(cands []int) [][2]int {
	var out [][2]int
	for _, c := range cands {
		if r := [2]int{ix.cells[c].table, ix.cells[c].row}; !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// columnNames are the names of c that are not its row's.
func (ix *tableIndex) columnNames(c tableCell) []string {
	row := ix.tables[c.table].rowNames[c.row]
	return slices.DeleteFunc(slices.Clone(c.names), func(n string) bool { return slices.Contains(row, n) })
}

// rowLabel is the label of c's row in one run: its names hold no space,
// so a spaced label (合　计) reads as written whole (合计).
func (ix *tableIndex) rowLabel(c tableCell) string {
	return strings.Join(ix.tables[c.table].rowNames[c.row], "")
}

// totalAsked is the cell or cells of totals of the table the question
// names by its title when it names none of its labels and asks a total:
// the column of totals (合计), of the row of totals when the rows are
// kinds (甲镇, 乙镇, 全县), of every year when they are years. The question
// must say nothing but the title's words it states, total words (一共;
// 总 before the title's measure: 总产量 of a table of 干毛茶产量), years,
// ask words and the cells' unit: a total of another measure (床位一共,
// 总投资) is no total of this table.
func (e *Engine) totalAsked(tq tableQuery) ([]int, bool) {
	ix := e.tables
	if tq.table < 0 || len(tq.named) > 0 || tq.row {
		return nil, false
	}
	info := ix.tables[tq.table]
	totals := titleTotals(tq.rest, titleWordsOf(info.title))
	cells := slices.DeleteFunc(info.allCells(), func(c int) bool { return !ix.totalColumn(ix.cells[c]) })
	if len(totals) == 0 || len(cells) == 0 {
		return nil, false
	}
	if slices.ContainsFunc(info.rowNames, func(n []string) bool { return len(n) > 0 }) {
		cells = slices.DeleteFunc(cells, func(c int) bool { return !ix.totalRow(ix.cells[c]) })
		if len(cells) != 1 {
			return nil, false
		}
	}
	var units []string
	for _, c := range cells {
		units = append(units, ix.cells[c].unit, strings.TrimLeft(ix.cells[c].unit, "万亿千百十"))
		units = append(units, extract.SpendingTold(tq.q, ix.cells[c].unit, strings.Join(ix.cells[c].names, ""), info.title)...)
	}
	return cells, e.residueEmpty(tq.q, slices.Concat(tq.marks, totals), units, nil)
}

// titleTotals are the spans of rest asking a total: each total word, with
// 总 only before a measure the title ends a word with (总产量 of 干毛茶产量).
func titleTotals(rest, titleWords string) []span {
	var out []span
	for _, s := range spansOf(rest, tableWords.totalAsks) {
		if rest[s.start:s.end] != tableWords.totalMark {
			out = append(out, s)
			continue
		}
		for _, w := range strings.Split(titleWords, "|") {
			r := []rune(strings.TrimFunc(w, func(r rune) bool { return !unicode.Is(unicode.Han, r) }))
			for n := len(r) - 1; n >= minNameRunes; n-- {
				if tail := string(r[len(r)-n:]); strings.HasPrefix(rest[s.end:], tail) {
					out = append(out, span{s.start, s.end + len(tail)})
					break
				}
			}
		}
	}
	return out
}

// totalColumn reports whether c stands in a column of totals (合计,
// 合计（万株）).
func (ix *tableIndex) totalColumn(c tableCell) bool {
	return slices.ContainsFunc(ix.tables[c.table].t.Columns[c.col], func(l string) bool {
		return slices.Contains(tableWords.totalRows, strings.Join(strings.Fields(labelUnit.ReplaceAllString(l, "")), ""))
	})
}

// totalRow reports whether c stands in a row of totals (合计, 合　计).
func (ix *tableIndex) totalRow(c tableCell) bool {
	return ix.tables[c.table].totalRowAt(c.row)
}

// totalRowAt reports whether row r is the table's row of totals (合计).
func (info *tableInfo) totalRowAt(r int) bool {
	return slices.Contains(tableWords.totalRows, strings.Join(info.rowNames[r], ""))
}

// firstMeasureGrowths are, when a growth is asked of a row's first measure
// (甲 › 产量, before 其中：外贸), the growth cells among cells that name no
// measure of their own (甲 › 比上年增长%): a growth column beside several
// measures tells the first one's, the others being its parts. None when
// no growth is asked or the measure named is another.
func (ix *tableIndex) firstMeasureGrowths(tq tableQuery, cells []int) []int {
	if !tq.rate {
		return nil
	}
	named := ix.mostNamed(cells)
	if slices.ContainsFunc(named, func(c int) bool { return ix.cells[c].rate != "" || !ix.firstMeasure(c) }) {
		return nil
	}
	growths := slices.DeleteFunc(slices.Clone(cells), func(c int) bool {
		cell := ix.cells[c]
		return !plainGrowth(cell.rate) || len(cell.names) != len(ix.tables[cell.table].rowNames[cell.row])
	})
	if len(growths) != 1 {
		return nil
	}
	return growths
}

// plainGrowth reports whether a rate label says a growth and nothing
// else (比上年增长, 增速): 出生率 tells a rate of its own.
func plainGrowth(rate string) bool {
	for _, w := range tableWords.rateLabels {
		rate = strings.ReplaceAll(rate, w, "")
	}
	return strings.TrimSpace(rate) == ""
}

// firstMeasure reports whether cell c stands in the first column of its
// row that is neither a growth nor the row's label.
func (ix *tableIndex) firstMeasure(c int) bool {
	cell := ix.cells[c]
	for _, o := range ix.tables[cell.table].rowCells[cell.row] {
		if oc := ix.cells[o]; oc.rate == "" && oc.col < cell.col {
			return false
		}
	}
	return true
}

// mostNamed keeps the cells with the most labels of those whose every
// label the question names, when they stand in one row: the row's total
// (甲中心 › 合计, named by its row alone) does not answer beside the cell
// of a column named too (省级甲中心). Over several rows the column may be
// said of one of them only (甲中心和省级乙中心), which the words do not
// tell: all are kept, and no one cell a row answers.
func (ix *tableIndex) mostNamed(cells []int) []int {
	if !ix.sameRow(cells) {
		return cells
	}
	most := 0
	for _, c := range cells {
		most = max(most, len(ix.cells[c].names))
	}
	return slices.DeleteFunc(slices.Clone(cells), func(c int) bool { return len(ix.cells[c].names) < most })
}

// columnNamed reports whether the question names a label of c that is not
// its row's (接待游客 of 甲村 › 接待游客).
func (ix *tableIndex) columnNamed(tq tableQuery, c tableCell) bool {
	rowNames := ix.tables[c.table].rowNames[c.row]
	return slices.ContainsFunc(c.names, func(n string) bool {
		_, ok := tq.named[n]
		return ok && !slices.Contains(rowNames, n)
	})
}

// rowNamed reports whether the question names c's row.
func (ix *tableIndex) rowNamed(tq tableQuery, c tableCell) bool {
	rowNames := ix.tables[c.table].rowNames[c.row]
	return len(rowNames) > 0 && tq.namesAll(rowNames)
}

// namesAll reports whether the question names every one of names.
func (tq tableQuery) namesAll(names []string) bool {
	return !slices.ContainsFunc(names, func(n string) bool { _, ok := tq.named[n]; return !ok })
}

// byStatedUnit keeps the cells whose unit the question says, else, for a
// count of organisations, those in the counter of any thing (几所 of a
// column in 个, not of one in 张), else those whose counter counts what
// the one asked counts (几家 of a column in 所), else those in the unit
// asked at another scale (多少钱 of a column in 亿元), when that leaves one
// column a row.
func (ix *tableIndex) byStatedUnit(tq tableQuery, cands []int) []int {
	stated := func(u string) bool { return strings.Contains(tq.rest, dict.Fold(u)) } // the question is folded (4A → 4a)
	alike := func(u string) bool { return tq.counter != "" && extract.CountsAlike(tq.counter, u) }
	generic := func(u string) bool { return alike(u) && extract.GenericCounter(u) && extract.OrgCounter(tq.counter) }
	scaled := func(u string) bool { return extract.SameUnit(tq.counter, u) }
	// A row asked alone asks its whole before a part (其中：新建), even
	// one whose unit fits a later stage only.
	wholes := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return ix.cells[c].part })
	for _, set := range [][]int{wholes, cands} {
		for _, fits := range []func(string) bool{stated, generic, alike, scaled} {
			if out := ix.withUnit(set, fits); len(out) > 0 {
				return out
			}
		}
	}
	// Of several columns counted alike, the one counting the row's own
	// things (甲级单位 › 单位数, beside 开放数) is its count; so it is of a
	// row asked with no unit at all (甲比前年增加了没有).
	return ix.withUnit(ix.ownCounts(cands), func(u string) bool { return tq.counter == "" || alike(u) })
}

// ownCounts keeps the cells whose column label is a word of their row's
// label and a count word (保护单位数 of 省级保护单位; not 本年新增保护单位).
func (ix *tableIndex) ownCounts(cands []int) []int {
	return slices.DeleteFunc(slices.Clone(cands), func(c int) bool {
		cell := ix.cells[c]
		row := ix.rowLabel(cell)
		return !slices.ContainsFunc(cell.names, func(n string) bool { return !strings.Contains(row, n) && countOfWord(n, row) })
	})
}

// countOfWord reports whether label is the longest run of two characters
// or more it shares with row, and a count word after it or nothing.
func countOfWord(label, row string) bool {
	rs := []rune(label)
	for n := len(rs); n >= minNameRunes; n-- {
		for i := 0; i+n <= len(rs); i++ {
			if strings.Contains(row, string(rs[i:i+n])) {
				rest := string(rs[:i]) + string(rs[i+n:])
				return rest == "" || rest == tableWords.countSuffix || slices.Contains(tableWords.countNouns, rest)
			}
		}
	}
	return false
}

// withUnit keeps the level cells whose unit fits, when that leaves one
// column a row.
func (ix *tableIndex) withUnit(cands []int, fits func(unit string) bool) []int {
	out := slices.DeleteFunc(slices.Clone(cands), func(c int) bool {
		u := ix.cells[c].unit
		return u == "" || ix.cells[c].rate != "" || !fits(u)
	})
	cols := map[[2]int]string{}
	for _, c := range out {
		cell := ix.cells[c]
		k := [2]int{cell.table, cell.row}
		name := strings.Join(cell.names, "|")
		if n, ok := cols[k]; ok && n != name {
			return nil
		}
		cols[k] = name
	}
	return out
}

// onlyTableWords reports whether the question says nothing but the cells'
// names, years, rate and row words, their units, their tables' titles and
// filler: a word more asks for something the table does not hold.
func (e *Engine) onlyTableWords(tq tableQuery, cands []int) bool {
	var spans []span
	var words, titles, names []string
	for _, c := range cands {
		cell := e.tables.cells[c]
		for _, n := range cell.names {
			spans = append(spans, tq.named[n])
		}
		names = append(names, cell.names...)
		// A row's attributes said beside its name (甲景区在乙镇) name it again.
		words = append(words, e.tables.tables[cell.table].rowAttrs[cell.row]...)
		words = append(words, e.tables.tables[cell.table].heads...)
		// The kind of its rows (各乡镇 of a corner 乡镇, 案件 of 案件类型)
		// names the table's rows.
		corner := e.tables.tables[cell.table].corner
		words = append(words, corner, trimSuffixOf(corner, tableWords.cornerKindEnds))
		for _, n := range cell.names {
			// Another form of a name said beside it (高校大学) names it again.
			words = append(words, e.tables.formsOf(n)...)
		}
		words = append(words, e.unitWords(tq, cell)...)
		titles = append(titles, e.tables.tables[cell.table].title)
		if e.tables.columnNamed(tq, cell) {
			words = append(words, tableWords.arrivals...)
		}
	}
	// A character of the label of a column chosen by its unit names it as
	// a title's does (几间房 of a column of 房间数; 卖出几亿元 of 销售额, as
	// 卖 is a form of 销售), and so does one of a label named by a shortened
	// form, whose other words the question may say apart (甲收入人均多少 of
	// 甲人均可支配收入); a label named whole covers its own words and no more.
	for _, n := range names {
		if s, ok := tq.named[n]; !ok {
			titles = append(titles, e.tables.formsOf(n)...)
		} else if !slices.Contains(e.tables.formsOf(n), tq.q[s.start:s.end]) {
			titles = append(titles, n)
		}
	}
	if s, ok := clarification(tq.q, names); ok {
		spans = append(spans, s)
	}
	// A row's bracketed name said beside it (甲馆总馆 of 甲馆（总馆）) names
	// the row again, when every row answering writes it: of two rows told
	// apart by their brackets (甲院（总院）, 甲院（东院区）) it would name one.
	words = append(words, e.tables.sharedBrackets(cands)...)
	if len(e.tables.rowsOf(cands)) >= 2 && tq.namesJoined() {
		words = append(words, tableWords.pairWords...)
	}
	if e.tables.onlyUnnamedTotals(tq, cands) {
		// The row of totals answers a column named alone only when the
		// question says nothing else: a word of nothing in the table (中学
		// of a table of 小学 and 初中) asks what the total is not, even when
		// the title happens to hold its characters.
		titles = nil
	}
	marks := tq.marks
	if !slices.ContainsFunc(cands, func(c int) bool { return e.tables.cells[c].table == tq.table }) {
		// 甲产量表 names that table: of another's cells it asks something more.
		marks = slices.DeleteFunc(slices.Clone(marks), func(s span) bool { return slices.Contains(tq.titled, s) })
	}
	return e.residueEmpty(tq.q, append(spans, marks...), words, titles)
}

// unitWords are the words of a question that cell's unit accounts for:
// the unit and its bare counter (户数 of a column in 万户 asks its count),
// its spoken forms, a measure or spending told in it, the question's
// counter when it counts alike (个, the counter of anything, counts people
// and places too: 几个人), and verbs of holding for a unit of capacity.
func (e *Engine) unitWords(tq tableQuery, cell tableCell) []string {
	bare := strings.TrimLeft(cell.unit, "万亿千百十")
	words := append([]string{dict.Fold(cell.unit), bare, strings.TrimSuffix(cell.unit, bare), cell.rate}, extract.SpokenForms(cell.unit)...)
	if bare != "" && extract.CountsAlike(bare, bare) {
		words = append(words, bare+tableWords.countSuffix)
	}
	words = append(words, extract.MeasuresTold(tq.q, cell.unit)...)
	words = append(words, extract.SpendingTold(tq.q, cell.unit, strings.Join(cell.names, ""), e.tables.tables[cell.table].title)...)
	if tq.counter != "" && (extract.CountsAlike(tq.counter, cell.unit) || extract.GenericCounter(tq.counter) && extract.CountsThings(bare)) {
		words = append(words, tq.counter, extract.GenericBefore(tq.counter))
	}
	if slices.Contains(tableWords.holdUnits, bare) {
		words = append(words, tableWords.holdVerbs...)
	}
	return words
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
	lists := append([][]string{words, foldAll(e.setting.PlaceWords), e.setting.OwnWholeWords()}, askWords()...)
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
	if tq.row {
		return cands
	}
	if tq.percentBound && !tq.rate {
		// A threshold in percent is passed by a figure in percent: a level
		// of its own (甲率) or a share (比重), not a growth.
		return slices.DeleteFunc(slices.Clone(cands), func(c int) bool {
			cell := ix.cells[c]
			return !(cell.rate == "" && containsAny(cell.unit, tableWords.percentSigns) || containsAny(cell.rate, shareAsks))
		})
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
	if len(quote) == 0 || len(quote) > maxTableFacts {
		return tableResult{}, false
	}
	return tableResult{quote: quote, related: -1, why: "table row: " + strings.Join(labels, "; ")}, true
}

// oneCellPerRow answers with the cells when each row and year asked has
// exactly one left, or one of each of the columns the question names when
// it names several (甲茶和乙茶 of a row of years); two cells of one row and
// year (数值 and 比重, or a column named and the total beside it) are for
// the selector to weigh.
func (ix *tableIndex) oneCellPerRow(tq tableQuery, cands []int) (tableResult, bool) {
	named := ix.namedColumns(tq, cands)
	seen := map[[4]int]bool{}
	var quote []int
	var labels []string
	for _, c := range cands {
		cell := ix.cells[c]
		k := [4]int{cell.table, cell.row, cell.year, -1}
		if len(named) > 1 && slices.Contains(named, cell.col) {
			k[3] = cell.col
		}
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

// restore puts the bytes of q's spans back into blanked, a copy of q with
// some spans blanked.
func restore(blanked, q string, spans []span) string {
	b := []byte(blanked)
	for _, s := range spans {
		copy(b[s.start:s.end], q[s.start:s.end])
	}
	return string(b)
}
