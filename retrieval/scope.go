package retrieval

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"yearbookbot/corpus"
)

// ErrUnknownScope is returned (wrapped) for a scope that names no loaded
// document, title, file or place.
var ErrUnknownScope = errors.New("names no loaded yearbook title, file or place")

// scope is what a question is answered from: documents, then the
// paragraphs naming its place in documents of many places.
type scope struct {
	// docs are indexes into Engine.yearbooks; empty when no document is
	// of the place.
	docs []int
	// place is the division code whose paragraphs answer after docs; ""
	// for a scope of documents only (a title or a file).
	place string
	// excludeDocs are documents whose paragraphs never answer even when
	// they name place: those of places under it (a city yearbook naming
	// 全国 still speaks of the city).
	excludeDocs []int
	// otherDocs are documents of other places: their paragraphs naming
	// place answer last (a Qingdao yearbook's paragraph on 浙江).
	otherDocs []int
}

func docTerm(i int) string { return "d" + strconv.Itoa(i) }

// placeTerms are the codes of the places a paragraph names, with the city
// of each county: a paragraph naming 胶州 speaks of 青岛 too.
func (e *Engine) placeTerms(names []string) []string {
	var out []string
	add := func(c string) {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for _, n := range names {
		for _, c := range e.gaz.Codes(n) {
			add(c)
			if d, _ := e.gaz.Division(c); d.Level() == 3 {
				if p := e.gaz.Parent(c); len(p) == 4 {
					add(p)
				}
			}
		}
	}
	return out
}

// docCodes are the division codes of a document's place.
func (e *Engine) docCodes(di int) []string {
	name := e.yearbooks[di].Meta.Place.Name
	if name == "" {
		return nil
	}
	return e.gaz.Codes(name)
}

// resolveScope reads a scope setting: a document title, a file name (or
// path), else a place name (青岛, 胶州市, 岛城).
func (e *Engine) resolveScope(s string) (*scope, error) {
	s = strings.TrimSpace(s)
	var docs []int
	for di, yb := range e.yearbooks {
		if yb.Title == s || yb.File == s || yb.File == filepath.Base(s) {
			docs = append(docs, di)
		}
	}
	if len(docs) > 0 {
		return &scope{docs: docs}, nil
	}
	codes := e.gaz.Codes(s)
	if len(codes) == 0 {
		return nil, fmt.Errorf("%q %w", s, ErrUnknownScope)
	}
	return e.placeScope(e.preferLoaded(codes)), nil
}

// preferLoaded picks among the divisions an ambiguous name may name the
// first one a loaded document is of.
func (e *Engine) preferLoaded(codes []string) string {
	for _, c := range codes {
		for di := range e.yearbooks {
			if slices.Contains(e.docCodes(di), c) {
				return c
			}
		}
	}
	return codes[0]
}

// placeScope is a place's scope: the documents of that place (of its city,
// for a county: the city's yearbook covers its districts), then, unless
// one of them is a yearbook or a report, the paragraphs naming it in
// documents of many places (a file of all provinces' reports), then those
// naming it in documents of other places. Documents of places under it
// never answer: a city yearbook's paragraph naming 全国 still speaks of
// the city.
func (e *Engine) placeScope(code string) *scope {
	sc := &scope{place: code}
	city := ""
	if d, _ := e.gaz.Division(code); d.Level() == 3 {
		city = e.gaz.Parent(code)
	}
	for di := range e.yearbooks {
		codes := e.docCodes(di)
		switch {
		case slices.Contains(codes, code) || city != "" && slices.Contains(codes, city):
			sc.docs = append(sc.docs, di)
		case slices.ContainsFunc(codes, func(c string) bool { return e.gaz.Within(c, code) }):
			sc.excludeDocs = append(sc.excludeDocs, di)
		case len(codes) > 0:
			sc.otherDocs = append(sc.otherDocs, di)
		}
	}
	for _, di := range sc.docs {
		if k := e.yearbooks[di].Meta.Kind; k == corpus.DocYearbook || k == corpus.DocReport {
			// The place's own yearbook or report is the authority on it:
			// a question it cannot answer is refused, not answered from
			// another document's passing mention.
			sc.place = ""
			break
		}
	}
	return sc
}

// Words around a country or province that make it a comparison base or
// part of a name rather than the subject (全国排第几, 占全省, 全省率先,
// 山东港口集团).
var (
	baseBefore = []string{"在", "占", "居", "列", "比", "于", "入选", "进入", "跻身", "获评", "评为", "成为", "首批"}
	// goneTo before a country or province make it where someone went
	// (去浙江培训, 赴上海考察), not the place whose figures are asked.
	goneTo = []string{"去", "赴", "前往", "到"}
	// baseRight after the place; baseNear within a few characters.
	baseRight = regexp.MustCompile(`^(排|第|前|首|头一|头号|头名|里|中|内|之|同类|领先|率先|平均|范围|层面|级)`)
	baseNear  = regexp.MustCompile(`^.{0,6}?(排名|排第|排老|排位|第[一二三四五六七八九十几\d]|[一二三几\d]等奖|百强|十强|二十强|五十强|集团|公司|大学|学院|研究院|研究所|研究会|实验室|学会|协会|医院|银行|试点|示范|典型|港口|基地|称号)`)
	// standingRight after the place asks where something stands in it
	// (算全国什么样的节会, 处于全省什么水平): the place is the base.
	standingRight = regexp.MustCompile(`^(什么样|什么水平|什么地位|什么档次|哪种|哪类|哪一类|怎样的)`)
	// rankAsked before a place followed by followUpRight asks the rank
	// again within it (北方城市里排第几，全国呢): the place is the base.
	rankAsked     = regexp.MustCompile(`排(名|第|在|老|几)|第几|名次|位次`)
	followUpRight = regexp.MustCompile(`^(的)?呢`)
)

// questionPlace is the division a question asks about: the most specific
// place it names, and of two equally specific ones the one with documents
// of its own (济青高速潍坊到青岛段 beside the Qingdao yearbook). A country or
// province it names counts only when the question names nothing more
// specific and not as a comparison base or a part of a name; a name inside
// a word (范县 in 示范县) or ending inside one (和县 in 和县级以上) is
// no mention. ok is false when the question names no place.
func (e *Engine) questionPlace(q string) (string, bool) {
	best, level, bestOwn := "", -1, false
	// The question is segmented only once a name is found in it: most
	// questions name none.
	var words wordSpans
	segmented := false
	for _, m := range e.gaz.Mentions(q) {
		codes := e.gaz.Codes(m.Name)
		if len(codes) == 0 {
			continue
		}
		if !segmented {
			words, segmented = e.wordSpans(q), true
		}
		if words != nil && !words.bound(m.Start, m.Start+len(m.Name)) {
			continue
		}
		c := e.preferLoaded(codes)
		d, _ := e.gaz.Division(c)
		l := d.Level()
		if strings.HasPrefix(c, "x:") {
			l = 3
		}
		if l <= 1 && (isBase(q, m) || endsWithAny(q[:m.Start], goneTo) || e.namePhrase(q, m)) {
			continue
		}
		own := e.hasDocs(c)
		if l > level || l == level && own && !bestOwn {
			best, level, bestOwn = c, l, own
		}
	}
	return best, best != ""
}

// wordSpans are the byte ranges of gse's words of q; nil when folding
// changed q's length, so offsets in q cannot be told.
func (e *Engine) wordSpans(q string) wordSpans {
	folded := dict.Fold(q)
	if len(folded) != len(q) {
		return nil
	}
	var out wordSpans
	for _, sg := range e.seg.top(folded) {
		out = append(out, [2]int{sg.Start(), sg.End()})
	}
	return out
}

// wordSpans are a text's words as byte ranges, in order.
type wordSpans [][2]int

// bound reports whether [start, end) starts a word and no word starting
// inside it runs past its end: a name may begin a longer word (青岛港)
// but not end in the middle of one (和县 before 县级).
func (ws wordSpans) bound(start, end int) bool {
	starts := false
	for _, w := range ws {
		starts = starts || w[0] == start
		if w[0] > start && w[0] < end && w[1] > end {
			return false
		}
	}
	return starts
}

// hasDocs reports whether a loaded document is of the division code.
func (e *Engine) hasDocs(code string) bool {
	for di := range e.yearbooks {
		if slices.Contains(e.docCodes(di), code) {
			return true
		}
	}
	return false
}

// phraseRunes is how many characters after a country or province a
// document must quote with it for the question's words to be a name.
const phraseRunes = 2

// namePhrase reports whether a country or province stands in the question
// as the start of a name that a loaded document of a place under it
// quotes (a city's yearbook telling of the province's “甲乙卡” card): the
// question then asks about that thing, not about the province. Only a
// quoted name counts: a document writing 全国风电装机规模 still speaks of
// the country there.
func (e *Engine) namePhrase(q string, m corpus.Mention) bool {
	after := []rune(q[m.Start+len(m.Name):])
	if len(after) < phraseRunes || !isHanRunes(after[:phraseRunes]) {
		return false
	}
	phrase := m.Name + string(after[:phraseRunes])
	codes := e.gaz.Codes(m.Name)
	for di := range e.yearbooks {
		under := slices.ContainsFunc(e.docCodes(di), func(c string) bool {
			return slices.ContainsFunc(codes, func(code string) bool { return c != code && e.gaz.Within(c, code) })
		})
		if under && e.quotes(di, phrase) {
			return true
		}
	}
	return false
}

// quoteMarks open the quoted names namePhrase looks for.
var quoteMarks = []string{"“", "「", "《", "\"", "‘"}

// openingRunes is how much of a quoted name quotedOpenings keeps: enough
// for a province's name and phraseRunes after it.
const openingRunes = 10

// quotedOpenings are the first openingRunes characters of every name the
// passages quote, sorted and without repeats.
func quotedOpenings(ps []corpus.Passage) []string {
	var out []string
	for _, p := range ps {
		text := p.Paragraph.Text
		for _, mark := range quoteMarks {
			for rest := text; ; {
				k := strings.Index(rest, mark)
				if k < 0 {
					break
				}
				rest = rest[k+len(mark):]
				out = append(out, capRunes(rest, openingRunes))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// quotes reports whether document di quotes a name that starts with phrase.
func (e *Engine) quotes(di int, phrase string) bool {
	w := &e.written[di]
	w.quotedOnce.Do(func() { w.quoted = quotedOpenings(e.docPassagesOf(di)) })
	q := w.quoted
	i, _ := slices.BinarySearch(q, phrase)
	return i < len(q) && strings.HasPrefix(q[i], phrase)
}

func isHanRunes(rs []rune) bool {
	return !slices.ContainsFunc(rs, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
}

// endsWithAny reports whether s ends with one of ws.
func endsWithAny(s string, ws []string) bool { return suffixOf(s, ws) != "" }

// suffixOf is the first of ws that s ends with, "" when none.
func suffixOf(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

func isBase(q string, m corpus.Mention) bool {
	before, after := q[:m.Start], q[m.Start+len(m.Name):]
	if endsWithAny(before, baseBefore) {
		return true
	}
	return baseRight.MatchString(after) || baseNear.MatchString(after) || standingRight.MatchString(after) ||
		followUpRight.MatchString(after) && rankAsked.MatchString(before)
}

// explicitYear is the year a question names (2021年, 2021年度), 0 when none.
var yearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})年`)

func explicitYear(q string) int {
	m := yearRe.FindStringSubmatch(q)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

// tier is one search restriction tried in turn, and the years 去年 means
// within it.
type tier struct {
	filter query.Query // nil: every passage
	years  []int
	// docs are the documents the tier searches (nil: any), for Seen.
	docs []int
	// place is set for a tier of paragraphs naming a place in files of
	// many documents: there 全省 in a province's report is that province.
	place string
}

// tiers orders what a scoped question is answered from: the editions of
// the scope's documents, newest first (or the one covering the year
// asked), then the paragraphs naming the scope's place in documents of
// many places. 去年 is the newest edition's covered year throughout.
func (e *Engine) tiers(sc *scope, q string) []tier {
	var out []tier
	years := e.years(sc.docs)
	for _, docs := range e.editions(sc.docs, q, years) {
		var f query.Query
		if len(docs) < len(e.yearbooks) {
			f = e.docFilter(docs)
		}
		out = append(out, tier{filter: f, years: years, docs: docs})
	}
	if sc.place == "" {
		return out
	}
	var many []int
	for di := range e.yearbooks {
		if e.yearbooks[di].Meta.Place.Name == "" {
			many = append(many, di)
		}
	}
	for _, docs := range [][]int{many, sc.otherDocs} {
		if len(docs) > 0 {
			b := bleve.NewBooleanQuery()
			b.AddMust(termQuery(fieldPlace, sc.place), e.docFilter(docs))
			out = append(out, tier{filter: b, years: years, docs: docs, place: sc.place})
		}
	}
	return out
}

// editions groups documents into the order they are tried: a question
// naming a year (2021年, or 去年/前年 counted back from newest) first asks
// the documents covering it; a question without one the newest edition,
// then older ones. Documents without a year go with the newest.
func (e *Engine) editions(docs []int, q string, newest []int) [][]int {
	if len(docs) == 0 {
		return nil
	}
	var years []int
	for _, di := range docs {
		if y := e.yearbooks[di].Year; y > 0 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	if len(years) < 2 {
		return [][]int{docs}
	}
	slices.Sort(years)
	slices.Reverse(years)
	asked := explicitYear(q)
	if back, ok := extract.RelativeYear(q); ok && asked == 0 && len(newest) == 1 {
		asked = newest[0] - back
	}
	if asked > 0 && slices.Contains(years, asked) {
		// The edition covering the year, then the others (a later
		// edition may repeat the figure as last year's).
		years = append([]int{asked}, slices.DeleteFunc(years, func(v int) bool { return v == asked })...)
	}
	var out [][]int
	for i, y := range years {
		var group []int
		for _, di := range docs {
			if dy := e.yearbooks[di].Year; dy == y || dy == 0 && i == 0 {
				group = append(group, di)
			}
		}
		out = append(out, group)
	}
	return out
}

// years are the covered years 去年 may mean within docs: the newest
// edition's (nil docs: every loaded document's).
func (e *Engine) years(docs []int) []int {
	if docs == nil {
		return e.syn.years
	}
	newest := 0
	for _, di := range docs {
		newest = max(newest, e.yearbooks[di].Year)
	}
	if newest == 0 {
		return e.syn.years
	}
	return []int{newest}
}

func (e *Engine) docFilter(docs []int) query.Query {
	qs := make([]query.Query, 0, len(docs))
	for _, di := range docs {
		qs = append(qs, termQuery(fieldDoc, docTerm(di)))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// filterBoost weighs a filter's own score so little that the ranking is
// the text's alone.
const filterBoost = 1e-9

func termQuery(field, term string) query.Query {
	t := bleve.NewTermQuery(term)
	t.SetField(field)
	t.SetBoost(filterBoost)
	return t
}

// placeKey groups answers by place for a question answered from every
// document: a document's place, else the first place its paragraph names.
func (e *Engine) placeKey(i int) string {
	di := e.passageDoc[i]
	if p := e.yearbooks[di].Meta.Place.Name; p != "" {
		return p
	}
	if ps := e.passages[i].Paragraph.Places; len(ps) > 0 {
		return ps[0]
	}
	return "#" + strconv.Itoa(di)
}

// maxPlaces is how many places' answers a question answered from every
// document shows.
const maxPlaces = 3

// wholeWord is what a document of a division calls all of it: 全 and the
// last character of its name, the kind of division it is (山东省 → 全省,
// 内蒙古自治区 → 全区, 中国 → 全国, 延边朝鲜族自治州 → 全州); "" when the
// code names no division.
func (e *Engine) wholeWord(code string) string {
	d, ok := e.gaz.Division(code)
	if !ok {
		return ""
	}
	r, size := utf8.DecodeLastRuneInString(d.Name)
	if size == 0 || !unicode.Is(unicode.Han, r) {
		return ""
	}
	return "全" + string(r)
}

// names reports whether term names the division code (山东, 山东省).
func (e *Engine) names(term, code string) bool {
	return slices.Contains(e.gaz.Codes(term), code)
}

// isPlace reports whether a word is, or starts with, a place name the
// gazetteer reads in text (a division of China, or a place or alias of the
// loaded documents; not a county's short name that is also a common word,
// such as 新建): 烟台 and 烟台港 name a place, 涉海 does not. The country
// is a scope (全国), which the scope features compare. A row of the loaded
// tables of townships (甲镇) is a place too, named whole.
func (e *Engine) isPlace(word string) bool {
	if e.tables != nil && e.tables.namesPlaceRow(dict.Fold(word)) {
		return true
	}
	ms := e.gaz.Mentions(word)
	if len(ms) == 0 || ms[0].Start != 0 {
		return false
	}
	return !e.isCountry(ms[0].Name)
}

// encloses returns whether a place word names the province holding one
// of the places named by own (the documents' own places) without being
// it: the province of a city's yearbook, never the city itself, nor the
// city of a district's (the text says 全省 for the one and no scope word
// for the other). An own name that several divisions share names none.
func (e *Engine) encloses(own []string) func(word string) bool {
	var codes []string
	for _, w := range own {
		if cs := e.gaz.Codes(w); len(cs) == 1 {
			codes = append(codes, cs[0])
		}
	}
	return func(word string) bool {
		// The whole word names the division: 甲省博物馆 is a place in it.
		ms := e.gaz.Mentions(word)
		if len(ms) == 0 || ms[0].Start != 0 || len(ms[0].Name) != len(word) {
			return false
		}
		for _, c := range e.gaz.Codes(ms[0].Name) {
			if d, _ := e.gaz.Division(c); d.Level() != 1 {
				continue
			}
			for _, o := range codes {
				if o != c && e.gaz.Within(o, c) {
					return true
				}
			}
		}
		return false
	}
}

// placesIn lists the divisions text names, a country excepted (a where
// question is not answered by 全国).
func (e *Engine) placesIn(text string) []string {
	var out []string
	for _, m := range e.gaz.Mentions(text) {
		if !e.isCountry(m.Name) {
			out = append(out, m.Name)
		}
	}
	return out
}

// isCountry reports whether a gazetteer name is a country's.
func (e *Engine) isCountry(name string) bool {
	return slices.ContainsFunc(e.gaz.Codes(name), func(c string) bool {
		d, _ := e.gaz.Division(c)
		return d.Level() == 0
	})
}
