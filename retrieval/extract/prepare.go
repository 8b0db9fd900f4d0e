package extract

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Passage is one retrieved paragraph, best first in the slice given to Select.
type Passage struct {
	Text    string
	Chapter string
	Section string
	// Photo is a caption's photo label (图13), "" for other paragraphs:
	// a question about 图13 is answered by that caption.
	Photo string
}

// Asked is one question part with its terms.
type Asked struct {
	Part
	Terms []Term
	// Areas are the names of the city's districts and county-level
	// cities (平度市, 城阳区): a figure the text gives for one of them
	// does not answer a question about the whole city (全市…).
	Areas []string

	// wholeAsked caches asksWholeArea for the part's windows when
	// wholeChecked is set (walkCandidates); wholeNamed is set when the
	// part asks it only by naming the place (甲市…, not 全市…).
	wholeAsked, wholeChecked, wholeNamed bool
	// noFigure caches noFigureReason when set (walkCandidates).
	noFigure string
}

// noFigureReason is why the no-figure veto removes a window of the part.
func (a Asked) noFigureReason() string {
	if a.noFigure != "" {
		return a.noFigure
	}
	return "no figure of the asked kind (" + joinWants(a.Wants) + ")"
}

// asksWholeArea reports whether the part asks about the whole place, not
// in comparison with it, and names no district: with a word for the whole
// (全市, 整个甲市), or, asking a rank, by naming the place alone in its own
// words (甲市物流成本全省排第几): a district's rank is not the place's.
// Asked of a count or an amount, a place named alone often only locates a
// thing that lies in one district; asked which division or of each one
// (哪个区, 各区市), a district's figure answers.
func (a Asked) asksWholeArea(s Setting) (asked, named bool) {
	if a.wholeChecked {
		return a.wholeAsked, a.wholeNamed
	}
	if containsAny(a.Text, cityComparisons) || containsAny(a.Text+" "+a.Context, a.Areas) {
		return false, false
	}
	if containsAny(a.Text, s.wholeArea()) {
		return true, false
	}
	named = wants(a.Wants, WantRank) && a.namesPlace(s.PlaceWords) && !containsAny(a.Text, lexicon.divisionAsks) &&
		!containsAny(a.Text, distributors)
	return named, named
}

// namesPlace reports whether one of the part's own terms (not one carried
// over from another part) is a word of the place itself (甲市), not a name
// that begins with it (甲市港).
func (a Asked) namesPlace(placeWords []string) bool {
	return slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Place && !t.Context && slices.Contains(placeWords, t.Text) })
}

// areaFigure reports whether the figure at offset at of sentence r is
// given for a district the part does not name while the part asks about
// the whole city (全市固投增长多少 and 平度市固定资产投资增长21.5%).
// A sentence comparing its figures with the whole city's (高于全市, 占全市)
// gives them for something else, unless the part only names the place:
// then a sector's figure (涉海投资增长9%, 高于全市) may well be what it
// asks.
func areaFigure(a Asked, wholeArea []string, text string, r Range, at int) bool {
	if !a.wholeAsked {
		return false
	}
	if !a.wholeNamed && containsAny(text[r.Start:r.End], cityComparisons) {
		return true
	}
	// The district must be the subject of the figure's own clause: a
	// sentence may name districts before it turns to the city (城阳区、
	// 胶州市迈入“地铁时代”，全市地铁运营里程达246千米).
	before := clauseBefore(text, at, 40)
	return containsAny(before, a.Areas) && !containsAny(before, wholeArea)
}

// isArea reports whether t names one of the districts.
func isArea(t Term, areas []string) bool {
	if slices.Contains(areas, t.Text) {
		return true
	}
	for _, a := range t.Alts {
		if slices.Contains(areas, a) {
			return true
		}
	}
	return false
}

// cityComparisons compare a figure with the whole city's.
var cityComparisons = []string{"高于全市", "低于全市", "快于全市", "慢于全市", "超过全市", "比全市", "占全市", "跟全市", "和全市"}

// Fact is a verbatim clause run of a passage that answers a part.
type Fact struct {
	// Passage is the index of the passage in the slice given to Select.
	Passage int
	// Start and End are byte offsets into the passage's Text.
	Start, End int
	Text       string
	// Figures are the figures of the asked kind, relative to Text.
	Figures []Range
	// Parts lists the question parts the fact answers.
	Parts []int
	// sentence is the sentence the fact was cut from, for merging.
	sentence Range
}

// Prepared is a passage split into sentences and clauses, its figures
// found and its text canonicalized: the work that does not depend on the
// question, done once per passage by Prepare and reused by every question
// that reads the passage (Candidates).
type Prepared struct {
	text       string
	canon      canonText // Canon(chapter + section + text), for key coverage
	heading    canonText // Canon(chapter + section)
	rawHeading string
	section    string
	photo      string
	// topic is Canon of the first sentence: later sentences leave out the
	// subject it names (12月，完成校飞工作 after 建成青岛胶东国际机场).
	topic     string
	sentences []sentence
}

type sentence struct {
	r     Range
	canon string
	// prev is Canon of the sentence before when this one continues it
	// (其中平度市完成197.7亿元 after 全年累计完成投资额385.6亿元).
	prev    string
	clauses []clause
	// Question-independent views every question reads: the sentence
	// with the one it continues, that with the headings before it, and
	// the years and event words it writes.
	withPrev, around canonText
	years, events    []string
	qualifiers       []string
	// partOf marks a sentence of parts of the previous one's whole.
	partOf bool
	// list is the sentence read after the first and the previous item
	// before it in a list closed by semicolons: the place or subject an
	// item leaves out may stand in an earlier one. Empty (list.s == "")
	// when the sentence is no later item of such a list.
	list     canonText
	listHead string // Canon of the first item of its list, "" when none
	// outside is the canonical sentence without its quoted and bracketed
	// spans, and spans those spans (nameSpans); both empty when it has none.
	outside string
	spans   []nameSpan
	views   []windowView // its windows' (windowViewsOf)
}

// readViews fills the sentence's question-independent views from its
// raw text: with the one it continues, with the headings before it, and
// the years, event words, qualifiers and quoted names it writes.
func (s *sentence) readViews(raw string, heading canonText) {
	s.withPrev = newCanonText(s.prev + s.canon)
	s.around = joinCanon(heading, "\n", s.withPrev)
	s.years = yearRe.FindAllString(raw, -1)
	s.events = eventsIn(raw)
	s.qualifiers = qualifiersIn(raw)
	if strings.ContainsAny(raw, quoteMarks) {
		s.outside, s.spans = nameSpans(raw)
	}
}

// readFigures finds the figures of a passage's text with what every
// question reads of them: the words before each, its scope and aspect.
func readFigures(text string) []Figure {
	figs := Figures(text)
	for i := range figs {
		figs[i].tail, figs[i].hasTail = tailBefore(text, figs[i].Start), true
		figs[i].scope, figs[i].hasScope = scopeBefore(text, figs[i]), true
		figs[i].aspect = figureAspect(text, figs[i])
		figs[i].subject, figs[i].own = subjectParts(text, figs, i)
		figs[i].measures = figureMeasures(figs[i])
		figs[i].topics = topicsOf(text, figs[i])
		figs[i].bound = boundFigure(text, figs, i)
	}
	inheritAspects(text, figs)
	return figs
}

// boundFigure reports whether figure i of figs, in text, is a threshold
// of the things a count right after it counts: a bound word after it
// (5亿元以上项目20个), or a threshold before it and 的 after (超过5亿元的
// 项目20个). A share so bounded (80%以上的村) is the share itself, and a
// figure ending a list item (30家以上、…) bounds nothing after it.
func boundFigure(text string, figs []Figure, i int) bool {
	f := figs[i]
	after := text[f.End:]
	bounded := hasPrefixAny(after, lexicon.boundsAfter) != "" ||
		strings.HasPrefix(after, lexicon.boundOf) && hasSuffixAny(clauseBefore(text, f.Start, boundRunes), lexicon.thresholds) != ""
	if !bounded || shareUnit(f.Unit) {
		return false
	}
	end := len(text)
	if k := strings.IndexAny(after, itemMarks); k >= 0 {
		end = f.End + k
	}
	for _, g := range figs[i+1:] {
		if g.Start >= end {
			break
		}
		if g.Kind == KindNumber && isCount(g.Unit) {
			return true
		}
	}
	return false
}

// isCount reports whether unit is a counter, after a magnitude or not
// (家, 万家, 万人).
func isCount(unit string) bool {
	for _, m := range magnitudes {
		unit = strings.TrimPrefix(unit, m)
	}
	return slices.Contains(lexicon.counters, unit)
}

// CountsAlike reports whether a count asked with one counter (几家) is
// answered by a figure counted with another (52所): both count things,
// or both count people (人, 名, 位), or both count happenings (次, 起,
// 场); no other counter of events answers (人次, 届). Speech picks its
// counter loosely; a table's unit is the table's own.
func CountsAlike(asked, unit string) bool {
	a, u := trimScales(asked), trimScales(unit)
	if slices.Contains(lexicon.occurrenceCounters, a) && slices.Contains(lexicon.occurrenceCounters, u) {
		return true
	}
	if !slices.Contains(lexicon.counters, a) || !slices.Contains(lexicon.counters, u) ||
		slices.Contains(lexicon.eventCounters, a) || slices.Contains(lexicon.eventCounters, u) {
		return false
	}
	return slices.Contains(lexicon.personCounters, a) == slices.Contains(lexicon.personCounters, u)
}

// LevelStem is term without its level suffix (国家级 → 国家), when what
// is left is words of two characters or more, or a grassroots level (村),
// and no size: a number (三年级, 五星级) or a unit (万吨级, 千伏级) makes a
// class of a thing, not a level of government.
func LevelStem(term string) (string, bool) {
	stem, ok := strings.CutSuffix(term, lexicon.levelSuffix)
	if !ok || stem == "" || hasNumeral(stem) || strings.ContainsFunc(stem, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return "", false
	}
	if utf8.RuneCountInString(stem) == 1 && !strings.Contains(lexicon.grassrootsLevels, stem) {
		return "", false
	}
	if f := Figures("1" + stem); len(f) == 1 && f[0].End == len("1"+stem) && f[0].Unit != "" {
		return "", false
	}
	return stem, true
}

// LevelOf is stem made a level (村 → 村级), when LevelStem would read it
// back.
func LevelOf(stem string) (string, bool) {
	level := stem + lexicon.levelSuffix
	got, ok := LevelStem(level)
	return level, ok && got == stem
}

// boundRunes bounds the words read before a figure for a threshold.
const boundRunes = 4

// asksBound reports whether part p asks a threshold (超过多少亿的,
// 多少亿元以上的): a bound figure then answers it. 规模以上 and the like
// (lexicon.measureMasks) name a kind of thing, not a bound.
func asksBound(p Part) bool {
	text := blankOut(p.Text, lexicon.measureMasks)
	for _, q := range lexicon.countAsks {
		for i := strings.Index(text, q); i >= 0; i = indexFrom(text, q, i+len(q)) {
			after := firstRunes(text[i+len(q):], boundAskRunes)
			if hasSuffixAny(text[:i], lexicon.thresholds) != "" && strings.Contains(after, lexicon.boundOf) || containsAny(after, lexicon.boundsAfter) {
				return true
			}
		}
	}
	return false
}

// boundAskRunes bounds the unit between a question word and the bound
// word after it (多少亿元以上, 超过多少亿的).
const boundAskRunes = 5

// labelled is a caption's label as its clauses are read with it, apart
// from the text so that numbers do not run together (图1 before 3万人).
func labelled(photo string) string {
	if photo == "" {
		return ""
	}
	return photo + "\n"
}

// follow links s to last, the sentence before it, when s continues it:
// it opens with a continuer (其中…), or it is a later item of a list
// closed by semicolons.
func (s *sentence) follow(last *sentence, text string, sr Range, clauses []Range) {
	switch {
	case hasPrefixAny(text[sr.Start:sr.End], continuers) != "":
		s.prev = last.canon
		s.partOf = hasPrefixAny(text[sr.Start:sr.End], partMarkers) != ""
	case endsList(text[:sr.Start]):
		// The first item and the one before: reading every earlier item
		// would grow with the square of a long list.
		s.listHead = last.canon
		before := last.canon
		switch {
		case last.listHead != "":
			s.listHead = last.listHead
			before = last.listHead + last.canon
		case last.prev != "":
			// An item after one continuing a sentence (…;其中东区…;西区…)
			// shares the subject of the sentence continued.
			s.listHead = last.prev
			before = last.prev + last.canon
		}
		s.list = newCanonText(before + s.canon)
		if opensWithDate(text, clauses) {
			// Dated items of a list share the subject the first names
			// (3月,东港码头开工;9月,主体完工;…). An item naming its own
			// (…;客运量5万人次) does not.
			s.prev = s.listHead
		}
	}
}

// datedItem reports whether s is a dated later item of a semicolon list,
// read with the list's first item as its subject (see follow).
func (s *sentence) datedItem() bool { return s.listHead != "" && s.prev == s.listHead }

// endsList reports whether text before a sentence ends with a semicolon.
func endsList(before string) bool {
	before = strings.TrimRight(before, " ")
	return strings.HasSuffix(before, "；") || strings.HasSuffix(before, ";")
}

// opensWithDate reports whether a sentence of text, cut into clauses cs,
// opens with a clause that is only a date (9月, 6月底,).
func opensWithDate(text string, cs []Range) bool {
	if len(cs) < 2 {
		return false
	}
	first := strings.TrimRight(text[cs[0].Start:cs[0].End], clauseEnds)
	figs := Figures(first)
	return len(figs) == 1 && (figs[0].Kind == KindDate || figs[0].Kind == KindYear) &&
		utf8.RuneCountInString(first[figs[0].End:]) <= dateTailRunes && figs[0].Start == 0
}

// dateTailRunes is how much may follow a date in a clause that is only a
// date: 底, 中旬, 以来.
const dateTailRunes = 2

// continuers start a sentence that refers back to the one before.
var continuers = []string{"其中", "其余", "分别", "同时", "此外", "并"}

// partMarkers start a sentence telling parts of the whole the one before
// told (全年完成投资300亿元。其中东区完成120亿元…).
var partMarkers = []string{"其中", "其余"}

type clause struct {
	r     Range
	canon canonText
	// raw is the pair set of the clause's own text, where the question's
	// character pairs are looked for.
	raw pairSet
	// runeStart and runeEnd are r in runes of the passage text.
	runeStart, runeEnd int
	figs               []Figure // offsets into the passage text
}

// Prepare readies a passage for Candidates and Choose.
func Prepare(p Passage) *Prepared {
	text := p.Text
	heading := p.Chapter + "\n" + p.Section
	if p.Photo != "" {
		heading += "\n" + p.Photo
	}
	pp := &Prepared{text: text, canon: newCanonText(Canon(heading + "\n" + text)), heading: newCanonText(Canon(heading)), rawHeading: p.Chapter + "\n" + p.Section, section: p.Section, photo: p.Photo}
	pp.canon.wide, pp.canon.passage = wideSetOf(pp.canon.s), pp
	figs := readFigures(text)
	// Clause bounds come in text order and fall between runes: counting
	// from one to the next counts each rune once.
	at, runes := 0, 0
	runeAt := func(off int) int {
		runes += utf8.RuneCountInString(text[at:off])
		at = off
		return runes
	}
	label := labelled(p.Photo)
	// A heading glued to its paragraph (码头建设2022年,…) is split off by
	// the corpus; a paragraph opening with its section's word (码头泊位…
	// under 码头) is quoted whole.
	for _, sr := range Sentences(text) {
		s := sentence{r: sr, canon: Canon(label + text[sr.Start:sr.End])}
		clauses := Clauses(text, sr)
		if n := len(pp.sentences); n > 0 {
			s.follow(&pp.sentences[n-1], text, sr, clauses)
		}
		s.readViews(text[sr.Start:sr.End], pp.heading)
		for _, cr := range clauses {
			// A caption's label (图13) is read as part of each of its
			// clauses: the corpus keeps it apart from the quoted text,
			// and a question naming the photo names it.
			c := clause{r: cr, canon: newCanonText(Canon(label + text[cr.Start:cr.End])), raw: pairSetOf(text[cr.Start:cr.End])}
			c.runeStart, c.runeEnd = runeAt(cr.Start), runeAt(cr.End)
			for _, f := range figs {
				if f.Start >= cr.Start && f.End <= cr.End {
					c.figs = append(c.figs, f)
				}
			}
			s.clauses = append(s.clauses, c)
		}
		if len(s.clauses) > 0 {
			s.views = windowViewsOf(text, s.clauses)
			pp.sentences = append(pp.sentences, s)
		}
	}
	if len(pp.sentences) > 0 {
		pp.topic = pp.sentences[0].canon
	}
	return pp
}

// runeCount is the length in runes of window w of passage p.
func (p *Prepared) runeCount(w window) int {
	cs := p.sentences[w.sent].clauses
	if w.r != (Range{cs[w.first].r.Start, cs[w.last].r.End}) {
		return utf8.RuneCountInString(p.text[w.r.Start:w.r.End])
	}
	return cs[w.last].runeEnd - cs[w.first].runeStart
}

// wholeOf reads a window starting at start of sentence sent that opens a
// sentence of parts (其中东区完成… after 全年完成投资100亿元): it returns
// where the sentence with the whole they split starts (its last clauses
// when it is long), and that sentence. The parts alone leave out the whole they add up to, which a
// reader needs to make sense of them. ok is false for any other window.
func (p *Prepared) wholeOf(sent Range, start int) (wholeStart int, wholeSent Range, ok bool) {
	for i := 1; i < len(p.sentences); i++ {
		if p.sentences[i].r != sent {
			continue
		}
		if start != sent.Start {
			return 0, Range{}, false
		}
		return p.wholeBefore(i)
	}
	return 0, Range{}, false
}

// wholeBefore is wholeOf for the window opening sentence i.
func (p *Prepared) wholeBefore(i int) (wholeStart int, wholeSent Range, ok bool) {
	if i < 1 || !p.sentences[i].partOf {
		return 0, Range{}, false
	}
	prev := p.sentences[i-1]
	if len(prev.clauses) == 0 {
		return 0, Range{}, false
	}
	// The whole's sentence, or its last clauses when it runs long.
	return prev.clauses[max(0, len(prev.clauses)-maxWindowClauses)].r.Start, prev.r, true
}

// addFact merges f into a fact cut from the same sentence or overlapping
// it (a quote of parts reaches back to their whole), or appends it.
// Figures are passage offsets until finish re-bases them.
func addFact(facts []Fact, f Fact) []Fact {
	i := slices.IndexFunc(facts, func(g Fact) bool { return joins(g, f) })
	if i < 0 {
		return append(facts, f)
	}
	facts[i] = merged(facts[i], f)
	// The merged fact may now reach another one: fold it in, in place.
	for j := 0; j < len(facts); j++ {
		if j == i || !joins(facts[i], facts[j]) {
			continue
		}
		facts[i] = merged(facts[i], facts[j])
		facts = slices.Delete(facts, j, j+1)
		if j < i {
			i--
		}
		j = -1
	}
	return facts
}

// joins reports whether facts g and f are one quote: cut from the same
// sentence, or overlapping.
func joins(g, f Fact) bool {
	return g.Passage == f.Passage && (g.sentence == f.sentence || g.Start < f.End && f.Start < g.End)
}

// merged is the quote spanning g and f, with both's parts and figures; it
// keeps the earlier one's sentence.
func merged(g, f Fact) Fact {
	if f.Start < g.Start {
		g.sentence = f.sentence
	}
	g.Start = min(g.Start, f.Start)
	g.End = max(g.End, f.End)
	g.Parts = append(slices.Clone(g.Parts), f.Parts...)
	g.Figures = slices.Clone(g.Figures)
	for _, r := range f.Figures {
		if !containsRange(g.Figures, r) {
			g.Figures = append(g.Figures, r)
		}
	}
	return g
}

func containsRange(rs []Range, r Range) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// finish sets each fact's text and makes its figure offsets relative to it.
func finish(facts []Fact, pre []*Prepared) []Fact {
	for i := range facts {
		f := &facts[i]
		f.Text = pre[f.Passage].text[f.Start:f.End]
		var rel []Range
		for _, r := range f.Figures {
			if r.Start >= f.Start && r.End <= f.End {
				rel = append(rel, Range{r.Start - f.Start, r.End - f.Start})
			}
		}
		sort.Slice(rel, func(a, b int) bool { return rel[a].Start < rel[b].Start })
		f.Figures = rel
	}
	return facts
}

func enumerates(s string) bool {
	return containsAny(s, []string{"和", "与", "及", "、", "分别", "各自", "以及"})
}

// termWeights favours long, rare terms: a word found in every passage (攻势)
// tells the sentences apart less than one found in a single passage.
func termWeights(ts []Term, pre []*Prepared) []float64 {
	w := make([]float64, len(ts))
	n := float64(len(pre))
	for i, t := range ts {
		df := 0.0
		for _, p := range pre {
			if termIn(t, p.canon) {
				df++
			}
		}
		runes := float64(utf8.RuneCountInString(t.Text))
		base := math.Min(1+0.3*(runes-1), 2.5)
		idf := 1.0
		if n > 1 && df > 0 {
			idf = 0.5 + 0.5*math.Log(1+n/df)/math.Log(1+n)
		}
		switch {
		case t.Context:
			base *= 0.3
		case !t.Key:
			base *= 0.35
		}
		w[i] = base * idf
	}
	return w
}

func wantsFigure(ws []Want) bool {
	for _, w := range ws {
		if w == WantNumber || w == WantDate || w == WantRank {
			return true
		}
	}
	return false
}

// tallies reports whether ordinal f of text counts what part p asks a
// count of, in the unit asked: the thirtieth session (第三十届) says how
// many were held, and the ninth time a thing was chosen (第五次入选) how
// many times it was. The ninth of other things (第9次会议) numbers one of
// them, not those of the year; an ordinal of a batch or a rank says which
// one, not how many.
func tallies(f Figure, text string, p Part) bool {
	if f.Kind != KindOrdinal || f.Unit != p.Unit {
		return false
	}
	return slices.Contains(lexicon.tallyUnits, f.Unit) ||
		slices.Contains(lexicon.tallyTimes, f.Unit) && hasPrefixAny(text[f.End:], lexicon.tallyVerbs) != ""
}

func wants(ws []Want, w Want) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// rankAcceptable reports whether f may answer p's asked rank: a rank, an
// ordinal of the asked measure (or a first), a place in a list of the
// best (二十强) for 排进多少强, or a version number (2.0版) for 第几版 —
// not a count in another ordinal's measure (12个 for 第几个).
func rankAcceptable(f Figure, text string, p Part) bool {
	switch f.Kind {
	case KindRank:
		return true
	case KindOrdinal:
		return p.Ordinal != "" && f.Unit == p.Ordinal || firstOfKind(f, text)
	case KindNumber:
		return f.Unit == "强" && p.Unit == "强" || slices.Contains(lexicon.versionMeasures, p.Ordinal) && f.Unit == p.Ordinal
	}
	return false
}

// acceptable reports whether figure f may answer part p: of an asked
// kind, in the named unit when the unit is a magnitude, money or a share,
// a level unless a change is asked, and not a share when a total is
// asked and no change.
func acceptable(f Figure, text string, p Part) bool {
	ok := false
	for _, w := range p.Wants {
		switch w {
		case WantNumber:
			ok = ok || f.Kind == KindNumber || tallies(f, text, p)
		case WantDate:
			ok = ok || acceptableDate(f, text, p)
		case WantRank:
			ok = ok || rankAcceptable(f, text, p)
		}
	}
	if ok && f.Kind == KindRank && !rankFits(f, text, p) || ok && f.Kind == KindOrdinal && !ordinalFits(f, text, p) {
		return false
	}
	if !ok || f.Kind != KindNumber {
		return ok
	}
	if f.bound && !asksBound(p) || refusesUnit(p.Text, f.Unit) {
		return false
	}
	if (f.Unit == "大") != (p.Unit == "大") {
		// A count of kinds (三大产业) answers 几大 and nothing else.
		return false
	}
	if isDivisionCount(f, text) && !asksCountOf(p.Text, f.Unit) {
		return false
	}
	if lead := leadingNumber(f.Text(text)); lead != "" && contains(p.Given, lead) {
		return false
	}
	isShare := shareUnit(f.Unit)
	if f.Change && !p.Change && !(p.Added && countAdded(text, f, isShare)) {
		return false
	}
	switch p.Unit {
	case UnitYi:
		return strings.Contains(f.Unit, "亿")
	case UnitWan:
		return strings.Contains(f.Unit, "万")
	case UnitMoney:
		return strings.Contains(f.Unit, "元") || isShare && shareOfMeasure(text, f, p.Text)
	case UnitPercent:
		return isShare || f.Unit == "∶" || strings.Contains(f.Unit, "百分点")
	case "个百分点", "百分点":
		return strings.Contains(f.Unit, "百分点")
	case "个点":
		// Points asked of a difference or a growth (asksPoints) are a
		// percentage or percentage points; 几个点 may count sites too.
		return !p.Change || isShare || strings.Contains(f.Unit, "百分点")
	case UnitDuration:
		return unitMatches(f.Unit, UnitDuration)
	}
	if p.Total && isShare && !p.Change {
		return false
	}
	return true
}

// refusesUnit reports whether text rules out figures in unit (要户数，
// 不是人数): a word of lexicon.unitRefusals right before that measure word.
func refusesUnit(text, unit string) bool {
	u := trimScales(unit)
	if u == "" {
		return false
	}
	for _, w := range lexicon.unitRefusals {
		for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
			if hasPrefixAny(text[i+len(w):], countUnits) == u {
				return true
			}
		}
	}
	return false
}

// shareOfMeasure reports whether share figure f is written as what is
// done of a sum the question names (甲路完成总投资额的40% for 甲路完成投资
// 多少): a progress verb (lexicon.progressVerbs) the question says too
// stands right before the sum, and the question asks no money in words.
// Where a project's progress is all that is told, that share is what it
// has done; a question of the sum alone (总投资多少) asks the amount, and a
// share of another thing (补助占总投资的30%) answers neither.
func shareOfMeasure(text string, f Figure, question string) bool {
	before, ok := strings.CutSuffix(text[:f.Start], "的")
	if !ok || containsAny(question, moneyWords) {
		return false
	}
	for _, m := range moneyMeasures {
		if !strings.Contains(question, m) {
			continue
		}
		head, ok := strings.CutSuffix(before, m)
		if !ok {
			head, ok = strings.CutSuffix(before, m+"额")
		}
		verb := hasSuffixAny(strings.TrimSuffix(head, "总"), lexicon.progressVerbs)
		if ok && verb != "" && strings.Contains(question, verb) {
			return true
		}
	}
	return false
}

// shareUnit reports whether a figure in unit u is a share (30%, 3成).
func shareUnit(u string) bool {
	return u == "%" || u == "‰" || u == "/" || u == "成"
}

// firstOfKind reports whether ordinal f is a first of its kind (全国首个,
// 第一批): a leader answers a question about rank, whatever its measure.
func firstOfKind(f Figure, text string) bool {
	t := f.Text(text)
	return strings.HasPrefix(t, "首") || strings.HasPrefix(t, "第一") && f.Unit != ""
}

// asksCountOf reports whether text asks how many of noun there are
// (几个省, 多少市).
func asksCountOf(text, noun string) bool {
	return slices.ContainsFunc(lexicon.countAsks, func(ask string) bool {
		return strings.Contains(text, ask+noun) || strings.Contains(text, ask+lexicon.plainCounter+noun)
	})
}

// acceptableDate reports whether date figure f of text answers p: a
// period such as 单月 only a question how often, and only such a period
// answers one; a clock time (clockTime) only, and alone, a question of the
// time of day; a time named by an event (两会期间) or a bare year only a
// question that does not ask for a month or day; a month alone (10月)
// not one asking the day.
func acceptableDate(f Figure, text string, p Part) bool {
	if p.Base || f.Unit == UnitBase {
		return p.Base && f.Unit == UnitBase
	}
	if p.Freq {
		return f.Kind == KindDate && f.Unit == UnitFreq
	}
	if p.Clock {
		return clockTime(f, text)
	}
	switch {
	case f.Kind == KindDate && f.Unit == UnitFreq:
		return false
	case f.Kind == KindDate && f.Unit == UnitPeriod, f.Kind == KindYear:
		return !strings.ContainsAny(p.Text, "月日号") && !containsAny(p.Text, lexicon.dayAsks)
	case f.Kind == KindDate && asksDay(p.Text):
		return writesDay(f.Text(text))
	}
	return f.Kind == KindDate
}

// asksDay reports whether text asks a day (哪天, 几号开的): 几号 before
// a numbered thing (几号线, 几号楼) asks which one.
func asksDay(text string) bool {
	if containsAny(text, lexicon.dayAsks) {
		return true
	}
	for i := strings.Index(text, lexicon.dayNumber); i >= 0; i = indexFrom(text, lexicon.dayNumber, i+len(lexicon.dayNumber)) {
		if r, _ := utf8.DecodeRuneInString(text[i+len(lexicon.dayNumber):]); !strings.ContainsRune(lexicon.numberedThings, r) {
			return true
		}
	}
	return false
}

// writesDay reports whether date t names a day (6月18日), or a part of a
// month (6月底, 上旬), as near a day as a yearbook writes; a year's end
// (年底) is not one.
func writesDay(t string) bool {
	return hasSuffixAny(t, lexicon.dayUnits) != "" ||
		strings.Contains(t, lexicon.monthUnit) && hasSuffixAny(t, lexicon.monthParts) != ""
}

// clockTime reports whether f is a time of day: a bare number a clock
// unit follows (8点, 19时), or hours and minutes (20:00).
func clockTime(f Figure, text string) bool {
	if f.Kind != KindNumber {
		return false
	}
	if f.Unit == ":" {
		return clockRe.MatchString(f.Text(text))
	}
	return f.Unit == "" && hasPrefixAny(text[f.End:], lexicon.clockUnits) != ""
}

// clockRe is hours and minutes written with a colon (8:30, 20:00).
var clockRe = regexp.MustCompile(`^(?:[01]?[0-9]|2[0-4]):[0-5][0-9]$`)

// scopeRunes is how far before a rank its scope word is looked for
// (全国营商环境百强县”榜单升至第44位).
const scopeRunes = 24

// clauseBefore returns up to n runes of text before byte offset i, cut at
// the clause or sentence punctuation nearest i.
func clauseBefore(text string, i, n int) string {
	s := lastRunes(text[:i], n)
	if k := lastClauseMark(s); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		s = s[k+size:]
	}
	return s
}

// lastClauseMark is strings.LastIndexAny(s, "，,；;。：:") without its
// search of the set for every character, as clauseBefore runs for every
// figure of every window weighed.
func lastClauseMark(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch r {
		case '，', ',', '；', ';', '。', '：', ':':
			return i
		}
	}
	return -1
}

// countAdded reports whether change figure f counts what was added
// (增加认证机构12家, 机构增加12家): the change word nearest before it in its
// clause is an adding one (not 增加值, a level), with no base before it
// (比上年增加 tells a difference) nor a word of an addition (新增会员比上年
// 增加, 全年新挂牌企业增加 tell the change of an addition). A share, percentage points or a
// multiple say how much a level moved; a word of a stock in its clause
// (累计增加) makes it a sum over years.
func countAdded(text string, f Figure, isShare bool) bool {
	if isShare || strings.HasSuffix(f.Unit, "百分点") || f.Unit == "倍" {
		return false
	}
	clause := clauseBefore(text, f.Start, addedRunes)
	if addedOverLastYear(clause) {
		return true // 比上年新增12座: the text's own word of an addition
	}
	w, k := lastChangeWord(clause)
	if !slices.Contains(lexicon.addingChanges, w) || strings.HasPrefix(clause[k+len(w):], lexicon.addedNotBefore) {
		return false
	}
	// An adding word opening its clause tells of the clause before
	// (新增会员12万人，增加1万人); a base may stand alone before it (与上年
	// 相比，医院增加6家).
	told := clause[:k]
	if start := f.Start - len(clause); start > 0 {
		if mark, n := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune(listMarks, mark) {
			prev := clauseBefore(text, start-n, addedRunes)
			if strings.TrimSpace(told) == "" || namesBase(prev) && utf8.RuneCountInString(prev) <= baseClauseRunes {
				told = prev + told
			}
		}
	}
	return !namesBase(told) && lastFlowWord(told) < 0 && yearNewAt(told) < 0 && lastStockWord(clause[:k]) < 0
}

// baseClauseRunes bounds a clause that only names a base (与上年相比).
const baseClauseRunes = 8

// namesBase reports whether s names a base a change is told against: 比
// or 较 (lexicon.baseMarks) before anything but the start of the year
// (比年初: what a stock added since then is the year's addition) or words
// they only begin (比重, 较快: lexicon.notBases), or 同期, 同比.
func namesBase(s string) bool {
	for _, w := range lexicon.baseMarks {
		for k := strings.Index(s, w); k >= 0; k = indexFrom(s, w, k+len(w)) {
			if hasPrefixAny(s[k:], lexicon.notBases) == "" {
				return true
			}
		}
	}
	return false
}

// lastChangeWord is the change word (changeWords) written last in s and
// where it starts; "" and -1 when s writes none.
func lastChangeWord(s string) (string, int) {
	word, at := "", -1
	// changeWords are longest first: at a tie the longer word (增加, not 增) stays.
	for _, w := range changeWords {
		if k := strings.LastIndex(s, w); k > at {
			word, at = w, k
		}
	}
	return word, at
}

// addedRunes bounds how far before a count its adding word is read.
const addedRunes = 24

// figureScore prefers figures in the unit asked for and of the right sort.
func figureScore(text string, figs []Figure, p Part) float64 {
	if len(figs) == 0 {
		return 0
	}
	best := 0.0
	for _, f := range figs {
		s := 1.5
		if p.Unit != "" && unitMatches(f.Unit, p.Unit) {
			s += 1.5
		}
		if p.Change && f.Change {
			s += 0.8
		}
		if f.Kind == KindYear {
			s -= 1
		}
		if f.Unit == UnitPeriod {
			s -= 0.5
		}
		if f.Kind == KindRank && p.Scope != "" {
			if scopeBefore(text, f) == p.Scope {
				s += 1
			}
		}
		best = math.Max(best, s)
	}
	return best
}

func unitMatches(figUnit, asked string) bool {
	// 万 and 亿 scale a count (70万家); 千 and 百 start units (千米).
	bare := trimScales(figUnit)
	switch {
	case asked == "个":
		// A count of divisions in words (五市) counts them as 几个市 does.
		return slices.Contains(lexicon.counters, bare) || isDivisionCounter(bare)
	case asked == lexicon.pieceCounter:
		// 几块 counts pieces of a thing (奖牌27枚), not people or events.
		return CountsAlike(asked, bare)
	case slices.Contains(lexicon.personCounters, asked):
		return slices.Contains(lexicon.personCounters, bare) || bare == "人次"
	case asked == "公里" || asked == "千米":
		return bare == "公里" || bare == "千米"
	case asked == "立方米":
		return bare == "立方米" || bare == "立方" // 12万立方 is written short
	case asked == "点" || asked == "个点":
		// 高出几个点 asks percentage points in speech.
		return strings.HasSuffix(bare, "百分点")
	}
	switch asked {
	case UnitLength:
		return lengthUnit(bare)
	case UnitArea:
		return strings.Contains(figUnit, "平方") || strings.Contains(figUnit, "公顷") || strings.Contains(figUnit, "亩")
	case UnitPercent:
		// A share may be written per cent, per mille, as a fraction or a ratio (1/7, 30∶1).
		return figUnit == "%" || figUnit == "‰" || figUnit == "/" || figUnit == "∶" || figUnit == ":" || figUnit == "成"
	case UnitMoney:
		return strings.Contains(figUnit, "元")
	case UnitDuration:
		return hasSuffixAny(figUnit, durationUnits) != ""
	}
	return strings.HasSuffix(figUnit, asked) || strings.Contains(figUnit, asked)
}

// trimScales is strings.TrimLeft(unit, "万亿") without its rune-set
// search: unitMatches runs for every figure of every window weighed.
func trimScales(unit string) string {
	for {
		switch {
		case strings.HasPrefix(unit, "万"):
			unit = unit[len("万"):]
		case strings.HasPrefix(unit, "亿"):
			unit = unit[len("亿"):]
		default:
			return unit
		}
	}
}

// lengthUnit reports whether a unit measures a length (米, 千米, 公里),
// not an area or a volume (平方米, 立方米).
func lengthUnit(u string) bool {
	return (strings.HasSuffix(u, "米") || strings.HasSuffix(u, "公里")) && !strings.HasPrefix(u, "平方") && !strings.HasPrefix(u, "立方")
}

// durationUnits measure a length of time (3个月, 5年, 48小时).
var durationUnits = []string{"个月", "年", "天", "小时", "周", "日"}

// termIn reports whether term t (or a synonym) occurs in canonical text,
// also as two halves found apart (青岛港 in 青岛市港口).
func termIn(t Term, c canonText) bool { return termMatch(t, c) > 0 }

// termMatch is 1 when t or a synonym occurs in canonical text, 0.5 when
// only its two halves do, else 0. t must be compiled. A form with a
// character the text lacks is not searched for (runeSet).
func termMatch(t Term, c canonText) float64 {
	if c.passage == nil || t.memo == nil {
		return matchIn(t.termForms, &c)
	}
	if v, ok := t.memo.get(c.passage); ok {
		return v
	}
	v := matchIn(t.termForms, &c)
	t.memo.put(c.passage, v)
	return v
}

// matchIn is termMatch without the memo; t and c by pointer, as it runs
// for every term and text the selector reads.
func matchIn(t *termForms, c *canonText) float64 { return matchForms(t, c.s, c) }

// matchForms is matchIn on canonical text s; c, when not nil, holds s's
// character sets, which spare searching for a form s cannot hold. A
// short text (a figure's subject) is searched without them.
func matchForms(t *termForms, s string, c *canonText) float64 {
	if (c == nil || c.mayHold(&t.sets.canon, t.canon)) && wordIn(t.canon, s, t.canonNot) {
		return 1
	}
	best := 0.0
	for i, w := range t.canonAlts {
		if t.altWeight[i] > best && (c == nil || c.mayHold(t.sets.alt(i), w)) && wordIn(w, s, t.canonNot) {
			best = t.altWeight[i]
		}
	}
	if best > 0 {
		return best
	}
	for i, h := range t.halves {
		l, r := t.sets.half(i)
		if (c == nil || c.mayHold(l, h[0]) && c.mayHold(r, h[1])) && indexWord(s, h[0]) >= 0 && indexWord(s, h[1]) >= 0 {
			return 0.5
		}
	}
	return 0
}

// wordIn finds w in text; a w that starts or ends with a digit must not
// sit inside a longer number (6号线 is not in 16号线).
func wordIn(w, text string, not []string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := indexWord(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		okL := !isDigit(w[0]) || i == 0 || !(isDigit(text[i-1]) || text[i-1] == '.')
		okR := !isDigit(w[len(w)-1]) || end == len(text) || !(isDigit(text[end]) || text[end] == '.')
		if okL && okR && !inside(text, i, w, not) {
			return true
		}
		from = i + 1
	}
}

// inside reports whether the occurrence of w at i in text is part of one
// of the longer terms in not.
func inside(text string, i int, w string, not []string) bool {
	for _, l := range not {
		for k := strings.Index(l, w); k >= 0; {
			if start := i - k; start >= 0 && strings.HasPrefix(text[start:], l) {
				return true
			}
			next := strings.Index(l[k+1:], w)
			if next < 0 {
				break
			}
			k += 1 + next
		}
	}
	return false
}

func isHanWord(s string) bool {
	for _, r := range s {
		if r < 0x3400 {
			return false
		}
	}
	return s != ""
}

// hanBigrams lists the distinct pairs of adjoining Chinese characters of s.
func hanBigrams(s string) []string {
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte one U+FFFD, as a pair of runes has it
	}
	var out []string
	// Each pair is cut from s, and found among the few before it
	// without a map: a question has a few dozen.
	prev, prevAt := rune(-1), 0
	for i, r := range s {
		if prev >= 0x3400 && r >= 0x3400 {
			_, size := utf8.DecodeRuneInString(s[i:])
			if b := s[prevAt : i+size]; !slices.Contains(out, b) {
				out = append(out, b)
			}
		}
		prev, prevAt = r, i
	}
	return out
}

// leadingNumber is the digits a figure starts with (1000亿元 → 1000).
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == '.') {
		i++
	}
	return s[:i]
}

// linkWords stand between a measure and its figure (资产总额达2.54万亿元).
var linkWords = []string{"达到", "达", "为", "是", "约", "近", "超过", "突破", "完成", "实现", "共", "累计", "分别", "了", "至", "到", "居", "在", "中", "“", "”", "(", ")"}

// adjacency rewards a figure written right after an asked word (资产总额达
// 2.54万亿元): the figure is then that word's value, not a neighbour's.
func adjacency(text string, figs []Figure, p Part, terms []Term) float64 {
	for _, f := range figs {
		if p.Unit != "" && !unitMatches(f.Unit, p.Unit) {
			continue
		}
		tail := f.tail
		if !f.hasTail {
			tail = tailBefore(text, f.Start)
		}
		for i := range terms {
			t := &terms[i]
			if t.Context {
				continue
			}
			// t is compiled: its canonical forms are at hand.
			if t.canon != "" && strings.HasSuffix(tail, t.canon) {
				return 1
			}
			for _, c := range t.canonAlts {
				if c != "" && strings.HasSuffix(tail, c) {
					return 1
				}
			}
		}
	}
	return 0
}

// tailBefore is Canon of the up to 6 runes before byte offset at of text,
// the link words written right before at left out: where adjacency looks
// for an asked word.
func tailBefore(text string, at int) string {
	return Canon(lastRunes(trimLinks(text[:at]), 6))
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
