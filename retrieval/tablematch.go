package retrieval

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// How a question names a table's label. People shorten long labels
// (高速里程 for 高速公路里程, 普高 for 普通高中, 在校生 for 在校学生数) and
// use everyday names (财政收入, 社零); a label is named by a form of it
// standing whole in the question, else by a run of the question whose
// characters the label holds in order. A run of two characters or more is
// a match when it covers half the label or holds its first or last
// character (the words people keep); runs of one length matching several
// labels name none of them, since the question does not tell them apart.

// minNameRunes is the shortest run of a question that names a label.
const minNameRunes = 2

// abbreviationGap is the most characters a title's compound said short
// leaves out between the two it keeps (非遗 of 非物质文化遗产 leaves four).
const abbreviationGap = 4

// labelMatch is where a question names one label.
type labelMatch struct {
	name  string
	at    span
	runes int  // characters of the question matched
	exact bool // a form of the label stands whole in the question
	// half is set when a shortened form covers half the label or more:
	// it beats one that only keeps the label's first or last character
	// (普高 is 普通高中 before 普通高等学校).
	half bool
	// tally is set when the match opens the label and what is left of it
	// only counts what it names (游客 of 游客人次, 企业 of 企业数): it beats
	// a tie with a label qualifying the same words (过夜游客).
	tally bool
}

// namedIn finds the names of the tables of docs (nil: all) that q states,
// each where it stands: whole forms first (the longest where one holds
// another), then shortened forms in the rest of the question, outside
// claimed (a table's title words), unless a shortened form fits several
// names equally. A table's corner label (学校类别, 指标) is matched too,
// so that 哪类学校 does not name 学校数, but it names no cell.
func (ix *tableIndex) namedIn(q string, docs []int, claimed []span) map[string]span {
	names := ix.namesOf(docs)
	var exact []labelMatch
	for _, n := range names {
		if m, ok := ix.wholeMatch(q, n); ok {
			exact = append(exact, m)
		}
	}
	found := pickMatches(exact)
	for n, s := range found {
		found[n] = absorb(q, s, n+strings.Join(ix.formsOf(n), ""))
	}
	// A unit asked (按什么单位) names no label (企业单位数).
	spoken := append(yearSpans(q), spansOf(q, tableWords.unitAsks)...)
	rest := []rune(blank(q, append(slices.Collect(maps.Values(found)), spoken...)))
	// Claimed spans compete as matches of no name: 农产品产量 (a title's
	// words) is not 水产品's, but 卫生院 is 乡镇卫生院's, not 医疗卫生机构's.
	var fuzzy []labelMatch
	for _, s := range claimed {
		fuzzy = append(fuzzy, labelMatch{at: s, runes: utf8.RuneCountInString(q[s.start:s.end]), half: true})
	}
	for _, n := range names {
		if _, ok := found[n]; !ok {
			if m, ok := ix.shortMatch(rest, n); ok {
				fuzzy = append(fuzzy, m)
			}
		}
	}
	maps.Copy(found, pickMatches(fuzzy))
	delete(found, "")
	for _, info := range ix.tables {
		delete(found, info.corner)
	}
	return found
}

// namesOf are the names of docs' tables' cells and their corner labels.
func (ix *tableIndex) namesOf(docs []int) []string {
	if docs == nil {
		return ix.names
	}
	var out []string
	for _, n := range ix.names {
		if slices.ContainsFunc(ix.nameDocs[n], func(d int) bool { return slices.Contains(docs, d) }) {
			out = append(out, n)
		}
	}
	return out
}

// indexNames lists every name of the tables' cells and every corner
// label once, with the documents whose tables have it, and the tables
// whose columns each name labels.
func (ix *tableIndex) indexNames() {
	ix.nameDocs = map[string][]int{}
	add := func(n string, doc int) {
		if n == "" {
			return
		}
		if _, ok := ix.nameDocs[n]; !ok {
			ix.names = append(ix.names, n)
		}
		if !slices.Contains(ix.nameDocs[n], doc) {
			ix.nameDocs[n] = append(ix.nameDocs[n], doc)
		}
	}
	ix.colTables = map[string][]int{}
	for _, c := range ix.cells {
		doc := ix.tables[c.table].doc
		for _, n := range c.names {
			add(n, doc)
			if !slices.Contains(ix.tables[c.table].rowNames[c.row], n) && !slices.Contains(ix.colTables[n], c.table) {
				ix.colTables[n] = append(ix.colTables[n], c.table)
			}
		}
		add(ix.tables[c.table].corner, doc)
	}
}

// absorb widens a whole form's span over the characters of the label
// standing right before it: 人口出生 is 出生人口 reordered, not 出生 and a
// shortened 年末常住人口; a 的 between them is spoken, not asked (工业的
// 增加值). Characters after it are left alone: in 增加值增加了多少 they
// ask a change.
func absorb(q string, s span, chars string) span {
	for s.start > 0 {
		r, n := utf8.DecodeLastRuneInString(q[:s.start])
		if r == '的' && !strings.ContainsRune(chars, r) {
			if p, _ := utf8.DecodeLastRuneInString(q[:s.start-n]); unicode.Is(unicode.Han, p) && strings.ContainsRune(chars, p) {
				s.start -= n
				continue
			}
		}
		if !unicode.Is(unicode.Han, r) || !strings.ContainsRune(chars, r) {
			break
		}
		s.start -= n
	}
	return s
}

// yearSpans are the years of q, written (2022年) or relative (去年): the
// 年 of 去年 is no character of 年末常住人口.
func yearSpans(q string) []span {
	var out []span
	for _, m := range anyYear.FindAllStringIndex(q, -1) {
		out = append(out, span{m[0], m[1]})
	}
	return append(out, spansOf(q, slices.Collect(maps.Keys(tableWords.relativeYears)))...)
}

// blank replaces the bytes of spans of q with spaces.
func blank(q string, spans []span) string {
	b := []byte(q)
	for _, s := range spans {
		for i := s.start; i < s.end && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// wholeMatch is the longest form of name standing whole in q.
func (ix *tableIndex) wholeMatch(q, name string) (labelMatch, bool) {
	best := labelMatch{name: name}
	for _, v := range ix.formsOf(name) {
		n := utf8.RuneCountInString(v)
		if i := strings.Index(q, v); i >= 0 && n >= minNameRunes && n > best.runes {
			best = labelMatch{name: name, at: span{i, i + len(v)}, runes: n, exact: true}
		}
	}
	return best, best.exact
}

// shortMatch is the longest shortened form of name in q (runes). A row
// of a place (甲坡镇) is named only by its own name whole (甲坡): part of it
// and its kind (坡镇) are as much another place's (乙坡镇).
func (ix *tableIndex) shortMatch(q []rune, name string) (labelMatch, bool) {
	best := labelMatch{name: name}
	if own, ok := extract.SubAreaName(name); ok && ix.placeRows[name] && !strings.Contains(string(q), own) {
		return best, false
	}
	// Half is of the label, not of an everyday form: 收入 is half of
	// 财政收入 but names no more of 一般公共预算收入 than of 人均收入.
	full := utf8.RuneCountInString(name)
	for _, v := range ix.formsOf(name) {
		if !sharesPair(q, v) {
			continue
		}
		s, n, ok := inOrderRun(q, []rune(v))
		if ok && onlyFiller(string(q)[s.start:s.end]) {
			continue // 的人 of 住在城镇的人 names nothing
		}
		half := 2*n >= full
		if ok && (n > best.runes || n == best.runes && half && !best.half) {
			run := string(q)[s.start:s.end]
			tally := strings.HasPrefix(v, run) && slices.Contains(tableWords.tallyEnds, v[len(run):])
			best = labelMatch{name: name, at: s, runes: n, half: half, tally: tally}
		}
	}
	return best, best.runes > 0
}

// onlyFiller reports whether run is made of question words only.
func onlyFiller(run string) bool {
	for _, w := range tableWords.filler {
		run = strings.ReplaceAll(run, w, "")
	}
	return strings.TrimSpace(run) == ""
}

// formsOf are the forms of a name a question may use.
func (ix *tableIndex) formsOf(name string) []string {
	if vs, ok := ix.variants[name]; ok {
		return vs
	}
	return []string{name}
}

// sharesPair reports whether two neighbouring characters of q both stand
// in v: a cheap test that most labels fail before inOrderRun.
func sharesPair(q []rune, v string) bool {
	prev := false
	for _, r := range q {
		in := r != ' ' && strings.ContainsRune(v, r)
		if in && prev {
			return true
		}
		prev = in
	}
	return false
}

// inOrderRun is the longest run of q whose characters label holds in
// order, as a byte span of q, when it is long enough to name the label;
// n counts the label's characters in it. Speech puts a year or a question
// word inside a name (城里人前年人均能支配多少收入): a blanked span or a
// word of tableWords.labelGaps between two of the label's characters
// does not end the run.
func inOrderRun(q, label []rune) (s span, n int, ok bool) {
	var best span
	bestN := 0
	for i := range q {
		r := runFrom(q, label, i)
		if r.count <= bestN || r.count < minNameRunes {
			continue
		}
		if 2*r.count >= len(label) || r.first == 0 || r.last == len(label)-1 || r.last == lastNaming(label) && r.count > minNameRunes {
			start := len(string(q[:i]))
			best, bestN = span{start, start + len(string(q[i:r.end]))}, r.count
		}
	}
	return best, bestN, bestN > 0
}

// lastNaming is the index of a label's last character that names it:
// speech drops a measure's ending (用电 for 用电量, 从业人员 for 从业人员数),
// though a run of two characters so ended (单位 of 企业单位数) names the
// label no more than any other word would.
func lastNaming(label []rune) int {
	last := len(label) - 1
	if last > 0 && strings.ContainsRune(tableWords.labelEnds, label[last]) {
		return last - 1
	}
	return last
}

// labelRun is a run of a question's runes naming a label: how many of
// the label's characters it holds, the first and last of them (indexes
// into the label) and the rune where it ends.
type labelRun struct {
	count, first, last, end int
}

// runFrom is the run of q from rune i whose characters label holds in
// order. It goes on over a gap (labelGap) only when two of the label's
// characters follow it: 城镇居民多少人 does not name 城镇居民人均可支配收入.
func runFrom(q, label []rune, i int) labelRun {
	r := labelRun{first: -1, last: -1, end: i}
	kept := r // the run before its last gap
	j, sinceGap := 0, 0
	for k := i; k < len(q); {
		p := -1
		if unicode.Is(unicode.Han, q[k]) {
			p = slices.Index(label[j:], q[k])
		}
		if p < 0 {
			g := labelGap(q[k:])
			if g == 0 || r.count == 0 || sinceGap < minNameRunes && kept.count > 0 {
				break
			}
			kept, sinceGap = r, 0
			k += g
			continue
		}
		if r.first < 0 {
			r.first = j + p
		}
		r.last, j = j+p, j+p+1
		r.count, k, r.end = r.count+1, k+1, k+1
		sinceGap++
	}
	if kept.count > 0 && sinceGap < minNameRunes {
		return kept
	}
	return r
}

// labelGap is how many runes at the start of q a name may hold without
// naming anything: blanked spaces or a word of tableWords.labelGaps; 0
// when none.
func labelGap(q []rune) int {
	n := 0
	for n < len(q) && q[n] == ' ' {
		n++
	}
	if n > 0 {
		return n
	}
	// Gap words run on (销售了多少汽车: 了, then 多少).
	for {
		k := slices.IndexFunc(tableWords.labelGaps, func(w string) bool { return runesStartWith(q[n:], w) })
		if k < 0 {
			return n
		}
		n += utf8.RuneCountInString(tableWords.labelGaps[k])
	}
}

// runesStartWith reports whether q starts with w, without copying q.
func runesStartWith(q []rune, w string) bool {
	i := 0
	for _, r := range w {
		if i >= len(q) || q[i] != r {
			return false
		}
		i++
	}
	return true
}

// pickMatches keeps the matches that name a label unambiguously.
func pickMatches(ms []labelMatch) map[string]span {
	slices.SortFunc(ms, func(a, b labelMatch) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		return cmp.Or(b.runes-a.runes, boolOrder(a.half, b.half), boolOrder(a.tally, b.tally), a.at.start-b.at.start, strings.Compare(a.name, b.name))
	})
	found := map[string]span{}
	var taken []span
	for i, m := range ms {
		if m.exact {
			if !slices.ContainsFunc(ms[:i], func(o labelMatch) bool { return o.exact && holds(o.at, m.at) }) {
				found[m.name] = m.at
				taken = append(taken, m.at)
			}
			continue
		}
		tied := m.name != "" && slices.ContainsFunc(ms, func(o labelMatch) bool {
			return !o.exact && o.name != "" && o.name != m.name && o.at == m.at && o.runes == m.runes && o.half == m.half && o.tally == m.tally
		})
		if !tied && !slices.ContainsFunc(taken, func(s span) bool { return overlaps(s, m.at) }) {
			found[m.name] = m.at
		}
		taken = append(taken, m.at)
	}
	return found
}

// boolOrder sorts true first.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// holds reports whether o strictly holds s.
func holds(o, s span) bool {
	return o.start <= s.start && s.end <= o.end && o.end-o.start > s.end-s.start
}

func overlaps(a, b span) bool { return a.start < b.end && b.start < a.end }

// indicatorVariants are the forms of a label with an everyday name put
// for a standard one it holds (tableWords.indicators, and the everyday
// forms of its words: labelWordForms), folded. Each form
// of a group the label holds is put in turn, not only the longest: a
// shorter one inside it (教师 in 专任教师数) keeps the rest of the label,
// which a question may say too (专任老师).
func indicatorVariants(label string) []string {
	var out []string
	for _, g := range slices.Concat(tableWords.indicators, tableWords.labelWordForms) {
		for _, in := range g {
			in = dict.Fold(in)
			if !strings.Contains(label, in) {
				continue
			}
			for _, w := range g {
				w = dict.Fold(w)
				if strings.Contains(w, in) {
					continue // a longer form would only repeat the label's words
				}
				if v := strings.Replace(label, in, w, 1); !slices.Contains(out, v) && !doubled(v) {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// levelVariants are the forms of a label that opens with a level and a
// bracketed alternative (村(社区)服务中心): speech names the level alone
// or as a level (村服务中心, 村级服务中心), never the bracket.
func levelVariants(label string) []string {
	head, after, ok := strings.Cut(label, "(")
	_, rest, closed := strings.Cut(after, ")")
	if !ok || !closed || head == "" || rest == "" {
		return nil
	}
	level, ok := extract.LevelOf(head)
	if !ok || !slices.Contains(tableWords.placeKinds, head) {
		return nil
	}
	return []string{head + rest, level + rest}
}

// addCodeForms adds to each label opening with a Latin code (pm2.5浓度)
// the code alone, when no other label opens with it, is it or has it as
// a form (gdp of 地区生产总值): speech names a measured substance or index
// by its code alone, as the code says it whole.
func (ix *tableIndex) addCodeForms() {
	uses := map[string]int{}
	for _, n := range ix.names {
		for _, f := range ix.formsOf(n) {
			uses[f]++
		}
		if code, ok := labelCode(n); ok {
			uses[code]++
		}
	}
	for _, n := range ix.names {
		if code, ok := labelCode(n); ok && uses[code] == 1 {
			ix.variants[n] = append(ix.formsOf(n), code)
		}
	}
}

// labelCode is the Latin code a folded label opens with, when Han
// characters follow it.
func labelCode(label string) (string, bool) {
	code := leadingCode.FindString(label)
	if utf8.RuneCountInString(code) < minNameRunes || code == label {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(label[len(code):])
	return code, unicode.Is(unicode.Han, r)
}

// leadingCode is a folded label's opening Latin code (pm2.5, gdp, 5g is
// not one: it opens with a digit, as counts do).
var leadingCode = regexp.MustCompile(`^[a-z][a-z0-9.]*[a-z0-9]`)

// doubled reports whether s repeats a run of two characters or more
// right after itself (人均人均收入): a form no one says, made when a
// shorter form inside the label is replaced by one starting with the
// words before it.
func doubled(s string) bool {
	rs := []rune(s)
	for n := 2; 2*n <= len(rs); n++ {
		for i := 0; i+2*n <= len(rs); i++ {
			if string(rs[i:i+n]) == string(rs[i+n:i+2*n]) {
				return true
			}
		}
	}
	return false
}

// numberedTable is the one table of docs whose number (表2) q says, -1
// when none or several.
func (ix *tableIndex) numberedTable(q string, docs []int) (int, span) {
	loc := askedNumber.FindStringIndex(q)
	if loc == nil {
		return -1, span{}
	}
	found := -1
	for ti, info := range ix.tables {
		n := titleNumber.FindString(dict.Fold(info.title))
		if n == "" || strings.TrimSpace(n) != q[loc[0]:loc[1]] || docs != nil && !slices.Contains(docs, info.doc) {
			continue
		}
		if found >= 0 {
			return -1, span{}
		}
		found = ti
	}
	return found, span{loc[0], loc[1]}
}

// askedNumber is a table's number in a question (表2是哪一年的).
var askedNumber = regexp.MustCompile(`表[0-9]+(?:[-—.][0-9]+)?`)

// titleNumber is a table's number before its title (表1, 表 2-3).
var titleNumber = regexp.MustCompile(`^表\s*[0-9０-９]+(?:[-—.][0-9]+)?\s*`)

// titleWordsOf is what of a table's title can name it in a question: the
// title without its number, years and generic words (主要指标), each gap
// a stop so that no run spans it.
func titleWordsOf(title string) string {
	t := dict.Fold(titleNumber.ReplaceAllString(title, ""))
	t = anyYear.ReplaceAllString(t, "|")
	for _, w := range tableWords.genericTitle {
		t = strings.ReplaceAll(t, w, "|")
	}
	return t
}

// anyYear is a year with or without 年, or a span of years.
var anyYear = regexp.MustCompile(`(?:19|20)[0-9]{2}年?`)

// namedTable is the table of docs whose title the question names by its
// longest run of shared words (two characters or more), -1 when none or
// when two tables share it; at is where it stands.
func (ix *tableIndex) namedTable(q string, docs []int, places []string) (int, span) {
	if ti, at := ix.numberedTable(q, docs); ti >= 0 {
		return ti, at
	}
	if ti, at, found := ix.titleRun(q, docs, places, func(words string) (span, bool) { return commonPart(q, words, minNameRunes) }); found {
		return ti, at
	}
	// Only a question naming no title by a run of it says one short, and
	// not by a word its labels write (存款 of 存贷款 is a column's).
	ti, at, _ := ix.titleRun(q, docs, places, func(words string) (span, bool) {
		s, ok := abbreviationIn(q, words)
		return s, ok && !ix.labelsWrite(q[s.start:s.end])
	})
	return ti, at
}

// labelsWrite reports whether a label of some table writes w.
func (ix *tableIndex) labelsWrite(w string) bool {
	for _, info := range ix.tables {
		for _, n := range info.rowNames {
			if strings.Contains(strings.Join(n, ""), w) {
				return true
			}
		}
		for _, c := range info.t.Columns {
			if strings.Contains(dict.Fold(strings.Join(c, "")), w) {
				return true
			}
		}
	}
	return false
}

// titleRun is the table of docs whose title's words hold the longest run
// of q that find reports, -1 when none does or two tables tie; found is
// set when some title holds one.
func (ix *tableIndex) titleRun(q string, docs []int, places []string, find func(words string) (span, bool)) (int, span, bool) {
	best, bestLen, tied := -1, 0, false
	var at span
	for ti, info := range ix.tables {
		if docs != nil && !slices.Contains(docs, info.doc) {
			continue
		}
		words := titleWordsOf(info.title)
		for _, p := range places {
			words = strings.ReplaceAll(words, p, "|")
		}
		s, ok := find(words)
		if !ok {
			continue
		}
		switch n := s.end - s.start; {
		case n > bestLen:
			best, bestLen, at, tied = ti, n, s, false
		case n == bestLen && titleWordsOf(ix.tables[best].title) != words:
			tied = true
		}
	}
	if tied {
		return -1, span{}, true
	}
	if best >= 0 {
		at = widenInOrder(q, at, titleWordsOf(ix.tables[best].title))
	}
	return best, at, best >= 0
}

// abbreviationIn is where q says the compound a word of words opens with
// short, as speech shortens titles (社保 of 社会保险, 城建 of 城市建设, 非遗
// of 非物质文化遗产): the word's first character and one after it, apart
// by one to four others. A pair from inside a word (村游 of 乡村旅游) is
// two words' ends, not a short form.
func abbreviationIn(q, words string) (span, bool) {
	qr := []rune(q)
	for i := 0; i+1 < len(qr); i++ {
		if !unicode.Is(unicode.Han, qr[i]) || !unicode.Is(unicode.Han, qr[i+1]) {
			continue
		}
		for _, w := range strings.Split(words, "|") {
			wr := []rune(w)
			if len(wr) == 0 || wr[0] != qr[i] {
				continue
			}
			for b := 2; b < min(len(wr), abbreviationGap+2); b++ {
				if wr[b] == qr[i+1] {
					start := len(string(qr[:i]))
					return span{start, start + len(string(qr[i:i+2]))}, true
				}
			}
		}
	}
	return span{}, false
}

// countedThing is the column of table ti counting the things its title or
// corner label names (门店数 of a table of 经营门店 by 门店类别), when the
// question says them and names none of its columns: 哪种门店最多 asks that
// count, though 门店 as the title's or corner's word names no label.
func (ix *tableIndex) countedThing(q string, ti int, named map[string]span, claimed []span) (string, span, bool) {
	if ti < 0 {
		return "", span{}, false
	}
	info := ix.tables[ti]
	things := titleWordsOf(info.title) + "|" + info.corner
	var col string
	var at span
	for _, n := range ix.names {
		if !slices.Contains(ix.colTables[n], ti) {
			continue
		}
		if _, ok := named[n]; ok {
			return "", span{}, false
		}
		stem, ok := strings.CutSuffix(n, tableWords.countSuffix)
		if !ok || utf8.RuneCountInString(stem) < minNameRunes || !strings.Contains(things, stem) {
			continue
		}
		s, found := freeRun(q, stem, named, claimed)
		if !found {
			continue
		}
		if col != "" {
			return "", span{}, false
		}
		col, at = n, s
	}
	return col, at, col != ""
}

// freeRun is where w first stands in q outside named spans and outside
// any claimed span said at length around it: a title said at length
// (甲站点情况表) names the table, not the things it counts, but a title
// named by that word alone, or with one character more (各类学校's 类学校),
// is named by them.
func freeRun(q, w string, named map[string]span, claimed []span) (span, bool) {
	atLength := func(c, s span) bool {
		return holds(c, s) && utf8.RuneCountInString(q[c.start:c.end])-utf8.RuneCountInString(w) > 1
	}
	for _, s := range spansOf(q, []string{w}) {
		if !slices.ContainsFunc(slices.Collect(maps.Values(named)), func(o span) bool { return overlaps(o, s) }) &&
			!slices.ContainsFunc(claimed, func(c span) bool { return atLength(c, s) }) {
			return s, true
		}
	}
	return span{}, false
}

// dropKinds drops from named the rows a question names right after its
// which-word by a shortened form, or by a form inside the title's words
// (claimed): 哪类服务机构 and 哪种运动场地 name the kind of rows asked, not
// 民营服务机构 or 运动场.
func (ix *tableIndex) dropKinds(q string, named map[string]span, claimed []span) {
	for n, s := range named {
		if len(ix.colTables[n]) > 0 || !containsSuffix(q[:s.start], tableWords.kindWhich) {
			continue
		}
		whole := slices.Contains(ix.formsOf(n), q[s.start:s.end])
		if !whole || slices.ContainsFunc(claimed, func(c span) bool { return holds(c, s) }) {
			delete(named, n)
		}
	}
}

// dropTitleMeasures takes out of named a column label said only by a
// short form that its table's title writes (税收 of 税收总额, in a table
// of 楼宇税收) when another column no cell shares with it is named too:
// beside that column (甲行业税收) the word names the measure the whole
// table counts, not the column of its total. A form joined to another
// label (税收和甲行业) is asked for itself. Every label is judged against
// all those named before any is dropped, so the outcome does not hang on
// the map's order.
func (ix *tableIndex) dropTitleMeasures(q string, named map[string]span) {
	var drop []string
	for n, s := range named {
		said := q[s.start:s.end]
		if slices.Contains(ix.formsOf(n), said) || joined(q, s) {
			continue
		}
		if slices.ContainsFunc(ix.colTables[n], func(t int) bool {
			return strings.Contains(dict.Fold(ix.tables[t].title), said) && ix.namesApart(named, n, t)
		}) {
			drop = append(drop, n)
		}
	}
	for _, n := range drop {
		delete(named, n)
	}
}

// joined reports whether a joiner (和, 、) stands right before or after s.
func joined(q string, s span) bool {
	return containsSuffix(q[:s.start], tableWords.joiners) || hasPrefixAny(q[s.end:], tableWords.joiners)
}

// namesApart reports whether n and another label named are columns of
// table t that no cell shares: the two cannot be asked together.
func (ix *tableIndex) namesApart(named map[string]span, n string, t int) bool {
	for m := range named {
		if m == n || !slices.Contains(ix.colTables[m], t) {
			continue
		}
		if !slices.ContainsFunc(ix.cells, func(c tableCell) bool { return slices.Contains(c.names, n) && slices.Contains(c.names, m) }) {
			return true
		}
	}
	return false
}

// opensRateAsk reports whether s opens with a word asking a rate or a
// change (增长, 增速): a title's such word asks, even said short.
func opensRateAsk(s string) bool {
	w := &tableWords
	return hasPrefixAny(s, slices.Concat(w.rateAsks, w.changeAsks, w.amountChanges))
}

// widenInOrder extends at, a run of q standing whole in words, over the
// characters of q after it that words holds in order after the run, each
// within two characters of the last: speech shortens a title's compound
// (农机社 of 农机合作社), and the shortened word is the title's, not a
// label's that ends the same way (基层农机社).
func widenInOrder(q string, at span, words string) span {
	i := strings.Index(words, q[at.start:at.end])
	if i < 0 {
		return at
	}
	rest := words[i+at.end-at.start:]
	for _, r := range q[at.end:] {
		p := strings.IndexRune(rest, r)
		if !unicode.Is(unicode.Han, r) || p < 0 || utf8.RuneCountInString(rest[:p]) > 2 || strings.Contains(rest[:p], "|") || opensRateAsk(q[at.end:]) {
			break
		}
		rest = rest[p+utf8.RuneLen(r):]
		at.end += utf8.RuneLen(r)
	}
	return at
}
