package extract

import (
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Passage is one retrieved paragraph, best first in the slice given to Select.
type Passage struct {
	Text    string
	Chapter string
	Section string
}

// Asked is one question part with its terms.
type Asked struct {
	Part
	Terms []Term
	// Areas are the names of the city's districts and county-level
	// cities (平度市, 城阳区): a figure the text gives for one of them
	// does not answer a question about the whole city (全市…).
	Areas []string
}

// wholeCity are the words that ask about the whole city.
var wholeCity = []string{"全市", "全青岛", "整个青岛", "青岛全市", "全岛城"}

// areaFigure reports whether the figure at offset at of sentence r is
// given for a district the part does not name while the part asks about
// the whole city (全市固投增长多少 and 平度市固定资产投资增长21.5%).
// A sentence comparing its figures with the whole city's (高于全市, 占全市)
// gives them for something else.
func areaFigure(a Asked, text string, r Range, at int) bool {
	if !containsAny(a.Text, wholeCity) || containsAny(a.Text, cityComparisons) || containsAny(a.Text+" "+a.Context, a.Areas) {
		return false
	}
	if containsAny(text[r.Start:r.End], cityComparisons) {
		return true
	}
	// The district must be the subject of the figure's own clause: a
	// sentence may name districts before it turns to the city (城阳区、
	// 胶州市迈入“地铁时代”，全市地铁运营里程达246千米).
	before := clauseBefore(text, at, 40)
	return containsAny(before, a.Areas) && !containsAny(before, wholeCity)
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

// maxPassages is how many retrieved passages are read.
const maxPassages = 15

// Prepared is a passage split into sentences and clauses, its figures
// found and its text canonicalized: the work that does not depend on the
// question, done once per passage by Prepare and reused by SelectPrepared.
type Prepared struct {
	text       string
	canon      string // Canon(chapter + section + text), for key coverage
	heading    string // Canon(chapter + section)
	rawHeading string
	section    string
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
}

// continuers start a sentence that refers back to the one before.
var continuers = []string{"其中", "其余", "分别", "同时", "此外", "并"}

type clause struct {
	r     Range
	canon string
	figs  []Figure // offsets into the passage text
}

// Prepare readies a passage for SelectPrepared.
func Prepare(p Passage) *Prepared {
	text := p.Text
	pp := &Prepared{text: text, canon: Canon(p.Chapter + "\n" + p.Section + "\n" + text), heading: Canon(p.Chapter + "\n" + p.Section), rawHeading: p.Chapter + "\n" + p.Section, section: p.Section}
	start := 0
	if p.Section != "" && strings.HasPrefix(text, p.Section) {
		start = len(p.Section) // a heading glued to its paragraph is not quoted
	}
	figs := Figures(text)
	for _, sr := range Sentences(text) {
		if sr.End <= start {
			continue
		}
		if sr.Start < start {
			sr.Start = start
		}
		s := sentence{r: sr, canon: Canon(text[sr.Start:sr.End])}
		if n := len(pp.sentences); n > 0 && hasPrefixAny(text[sr.Start:sr.End], continuers) != "" {
			s.prev = pp.sentences[n-1].canon
		}
		for _, cr := range Clauses(text, sr) {
			c := clause{r: cr, canon: Canon(text[cr.Start:cr.End])}
			for _, f := range figs {
				if f.Start >= cr.Start && f.End <= cr.End {
					c.figs = append(c.figs, f)
				}
			}
			s.clauses = append(s.clauses, c)
		}
		if len(s.clauses) > 0 {
			pp.sentences = append(pp.sentences, s)
		}
	}
	if len(pp.sentences) > 0 {
		pp.topic = pp.sentences[0].canon
	}
	return pp
}

// Select picks, for each part, the clause run that answers it from the
// passages (best first), and returns the facts in part order, facts from
// the same sentence merged. A part gets no fact when its key terms are not
// all found in one passage (two for a part that names two things), or
// when no sentence there holds a figure of the asked kind and unit: an
// empty result means the yearbook does not hold the answer.
func Select(asked []Asked, passages []Passage) []Fact {
	if len(passages) > maxPassages {
		passages = passages[:maxPassages]
	}
	pre := make([]*Prepared, len(passages))
	for i, p := range passages {
		pre[i] = Prepare(p)
	}
	return SelectPrepared(asked, pre)
}

// SelectPrepared is Select over passages prepared beforehand.
func SelectPrepared(asked []Asked, pre []*Prepared) []Fact {
	if len(pre) > maxPassages {
		pre = pre[:maxPassages]
	}
	var facts []Fact
	for pi, a := range asked {
		a.Terms = append([]Term(nil), a.Terms...)
		for i := range a.Terms {
			a.Terms[i].compile()
		}
		for _, f := range selectPart(a, pre, facts) {
			f.Parts = []int{pi}
			facts = addFact(facts, f)
		}
	}
	return finish(facts, pre)
}

// addFact merges f into a fact cut from the same sentence, or appends it.
// Figures are passage offsets until finish re-bases them.
func addFact(facts []Fact, f Fact) []Fact {
	for i := range facts {
		g := &facts[i]
		if g.Passage == f.Passage && g.sentence == f.sentence {
			g.Start = min(g.Start, f.Start)
			g.End = max(g.End, f.End)
			g.Parts = append(g.Parts, f.Parts...)
			for _, r := range f.Figures {
				if !containsRange(g.Figures, r) {
					g.Figures = append(g.Figures, r)
				}
			}
			return facts
		}
	}
	return append(facts, f)
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

// candidate is a scored clause run.
type candidate struct {
	passage  int
	sentence Range
	r        Range
	score    float64
	figs     []Figure
	covered  map[int]bool // key terms found in the passage
	inWin    uint64       // terms (index < 64) found in the clause run
	// missing is the key term the passage lacks when it may answer
	// without it (see mayLack), else -1.
	missing int
}

// selectPart returns one fact, or two when the part names two things that
// one passage does not both hold; nil when the part cannot be answered.
func selectPart(a Asked, pre []*Prepared, chosen []Fact) []Fact {
	keys, spare := spareKeys(a.Terms, keyTerms(a.Terms))
	weights := termWeights(a.Terms, pre)
	bigrams := termBigrams(a.Key, a.Terms)
	enumerating := enumerates(a.Text)
	var par map[int]bool
	if !containsAny(a.Text, sumWords) || containsAny(a.Text, []string{"分别", "各自", "各"}) {
		// Each event a date is asked of (获批和校飞) has its own date, and
		// events are often verbs, not key terms.
		par = parallelTerms(a.Key, a.Terms, wants(a.Wants, WantDate))
	}
	var cands []candidate
	for pi, p := range pre {
		passCov := map[int]bool{}
		missing := -1
		for _, ti := range keys {
			if termIn(a.Terms[ti], p.canon) {
				passCov[ti] = true
			} else {
				missing = ti
			}
		}
		// Only a passage holding every key term may answer alone; others
		// serve a part that names two things (see below), or one that
		// may lack a word (see mayLack).
		lacking := len(keys)-len(passCov) == 1 && mayLack(a, keys, missing)
		if len(passCov) < len(keys) && !enumerating && !lacking {
			continue
		}
		if !lacking {
			missing = -1
		}
		headTerms := make([]float64, len(a.Terms))
		for ti, t := range a.Terms {
			// Parallel terms (平度和莱西) each need their own figure, so
			// the heading or topic naming them all does not answer them.
			switch {
			case par[ti], isArea(t, a.Areas):
				// A district named in a heading (突破平度莱西攻势) does not
				// make every figure of the passage its own.
			case termIn(t, p.heading):
				headTerms[ti] = 1
			case termIn(t, p.topic):
				// A later sentence may have a subject of its own.
				headTerms[ti] = topicCredit
			}
		}
		headBigrams := bigramMask(bigrams, p.rawHeading)
		for _, s := range p.sentences {
			if c, ok := bestWindow(a, weights, bigrams, p, pi, s, passCov, headTerms, headBigrams, chosen); ok {
				c.missing = missing
				cands = append(cands, c)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	// The best candidate whose passage holds every key term answers alone.
	for _, c := range cands {
		if len(c.covered) == len(keys) && spareOK(a, keys, spare, c, pre) && namedNear(a, keys, c, pre[c.passage]) {
			return completeParallel(pre, cands, c, par, a)
		}
	}
	for _, c := range cands {
		if c.missing >= 0 && lackOK(a, keys, c, pre) && spareOK(a, keys, spare, c, pre) {
			return []Fact{toFact(pre, c, a)}
		}
	}
	// A part naming two things (平度和莱西分别…) may take them from two
	// passages; any other part with an uncovered key term is not answered.
	if !enumerates(a.Text) || len(spare) > 0 {
		return nil
	}
	first := cands[0]
	for _, c := range cands[1:] {
		union := len(first.covered)
		for ti := range c.covered {
			if !first.covered[ti] {
				union++
			}
		}
		if union == len(keys) && c.passage != first.passage {
			return []Fact{toFact(pre, first, a), toFact(pre, c, a)}
		}
	}
	return nil
}

// namedNear reports whether every named key term of the part (胶东国际机场:
// a word with synonyms, or a place name) is in the sentence of candidate c, the
// one it continues, the heading or the topic sentence: a paragraph naming
// it elsewhere gives the figure of c for another subject (总投资额210亿元的
// 山东省港口集团首批重点项目 does not tell what the airport cost).
func namedNear(a Asked, keys []int, c candidate, p *Prepared) bool {
	var s *sentence
	for i := range p.sentences {
		if p.sentences[i].r == c.sentence {
			s = &p.sentences[i]
		}
	}
	if s == nil {
		return true
	}
	for _, ti := range keys {
		t := a.Terms[ti]
		if len(t.Alts) == 0 && !(t.Proper && placeLike(t)) || isArea(t, a.Areas) {
			continue
		}
		if !termIn(t, s.canon) && !termIn(t, s.prev) && !termIn(t, p.heading) && !termIn(t, p.topic) && !coordinatedIn(t, s.canon) {
			return false
		}
	}
	return true
}

// coordinatedIn reports whether t or a synonym is written with its head
// shared by a coordination (民营企业 in 民营和中小企业): the text names the
// thing, though never as one word.
func coordinatedIn(t Term, canonText string) bool {
	for _, w := range append([]string{t.canon}, t.canonAlts...) {
		rs := []rune(w)
		if len(rs) < 4 {
			continue
		}
		for cut := 2; cut <= len(rs)-2; cut++ {
			mod, head := string(rs[:cut]), string(rs[cut:])
			for from := 0; ; {
				i := strings.Index(canonText[from:], mod)
				if i < 0 {
					break
				}
				i += from + len(mod)
				from = i
				if j := hasPrefixAny(canonText[i:], joiners); j != "" {
					rest := []rune(canonText[i+len(j):])
					if strings.Contains(string(rest[:min(len(rest), coordinatedSpan)]), head) {
						return true
					}
				}
			}
		}
	}
	return false
}

// coordinatedSpan bounds, in runes, the second modifier and shared head
// of a coordination (和中小企业).
const coordinatedSpan = 6

// spareKeys splits off the key terms no passage can hold (Unseen) that
// are likely the user's own words for what the text writes otherwise (总盘子,
// 对应, 安家, 翻倍): common words, or two-character words of the full
// vocabulary; never names, numbers or longer compounds (烟台港, 刑事案件,
// 常住人口), which name what the yearbook lacks. Words are spared only when
// at least two other key terms per spared word are left to find the answer
// by; kept are the key terms a passage must hold.
func spareKeys(ts []Term, keys []int) (kept, spare []int) {
	for _, ti := range keys {
		t := ts[ti]
		if t.Unseen && !t.Proper && !t.Head && isHanWord(t.Text) && (t.Listed || utf8.RuneCountInString(t.Text) == 2) {
			spare = append(spare, ti)
		} else {
			kept = append(kept, ti)
		}
	}
	if len(spare) == 0 || len(kept) < 2*len(spare) {
		return keys, nil
	}
	return kept, spare
}

// spareOK reports whether candidate c may answer although the part's
// spared words are nowhere in the text: a paraphrase is trusted only where
// the rest of the question is met closely. The clause run must hold at
// least two of the other key terms, and with the heading all of them but
// one, and a figure in the unit asked if one is; a spared word outside the segmentation dictionary must
// share a character with the clause run (翻倍 and 倍增, 上榜 and 榜单).
func spareOK(a Asked, keys, spare []int, c candidate, pre []*Prepared) bool {
	if len(spare) == 0 {
		return true
	}
	p := pre[c.passage]
	in, headed := 0, 0
	for _, ti := range keys {
		switch {
		case ti < 64 && c.inWin&(1<<ti) != 0:
			in++
		case termIn(a.Terms[ti], p.heading):
			headed++
		}
	}
	if in < 2 || in+headed < len(keys)-1 {
		return false
	}
	if a.Unit != "" && !hasUnit(c.figs, a.Unit) {
		// The measure asked (多少吨) is what pins a paraphrase down.
		return false
	}
	if measured(a, c) {
		return true
	}
	win := Canon(p.text[c.r.Start:c.r.End])
	for _, ti := range spare {
		if t := a.Terms[ti]; !t.Listed && !strings.ContainsAny(win, t.canon) {
			return false
		}
	}
	return true
}

// measured reports whether the part names a measure of its own (多少栋)
// and the clause run of c gives a figure in it: the measure then says what
// is counted, whatever the user called it (楼体 for 建筑).
func measured(a Asked, c candidate) bool {
	switch a.Unit {
	case "", "个", "项", "次", "人", "家", UnitYi, UnitWan, UnitMoney, UnitPercent, UnitLength, UnitArea, UnitDuration:
		return false
	}
	return hasUnit(c.figs, a.Unit)
}

// hasUnit reports whether one of figs is in the unit asked.
func hasUnit(figs []Figure, unit string) bool {
	for _, f := range figs {
		if f.Unit != "" && unitMatches(f.Unit, unit) {
			return true
		}
	}
	return false
}

// countHeads are nouns a count is of: a count written after one of them
// that the question does not name (…技术创新中心202家) counts that.
var countHeads = []string{"中心", "企业", "公司", "平台", "基地", "项目", "园区", "机构", "学校", "医院", "基金",
	"产品", "联盟", "集群", "城市", "单位", "工程", "车间", "工厂", "街区", "社区", "景区", "站", "馆", "村", "镇"}

// countLinks are the words between a counted noun and its count (达 7家).
var countLinks = []string{"达到", "超过", "达", "共", "为", "有", "约", "近", "的", "了"}

// countsElse reports whether count figure f, in the measure the part asks
// (多少家), counts another noun than the asked one: an asked key term
// comes before it in its clause, but a counted noun the question does not
// name stands between (依托国家高新技术企业新建市级技术创新中心202家 does
// not say how many 高新技术企业 there are).
func countsElse(a Asked, text string, f Figure) bool {
	switch a.Unit {
	case "", UnitYi, UnitWan, UnitMoney, UnitPercent, UnitLength, UnitArea, UnitDuration:
		return false
	}
	if f.Kind != KindNumber || !unitMatches(f.Unit, a.Unit) {
		return false
	}
	before := clauseBefore(text, f.Start, 40)
	at := -1
	for _, t := range a.Terms {
		if !t.Key || t.Context {
			continue
		}
		for _, w := range append([]string{t.Text}, t.Alts...) {
			if i := strings.LastIndex(before, w); i >= 0 && i+len(w) > at {
				at = i + len(w)
			}
		}
	}
	if at < 0 {
		return false
	}
	gap := before[at:]
	for {
		g := gap
		for _, w := range countLinks {
			g = strings.TrimSuffix(g, w)
		}
		if g == gap {
			break
		}
		gap = g
	}
	h := hasSuffixAny(gap, countHeads)
	return h != "" && utf8.RuneCountInString(gap) > utf8.RuneCountInString(h) && !strings.Contains(a.Text, h)
}

// maxContextScore bounds what the context terms of a part add to a score.
// (ownContextScore when the part has key terms of its own).
const (
	maxContextScore = 1.0
	ownContextScore = 0.4
)

// topicCredit is how much a term of a passage's first sentence counts in
// the sentences after it that do not repeat it.
const topicCredit = 0.6

// completeParallel returns the fact of candidate c and, when the part
// names parallel things (平度莱西…高出几个百分点) that c's clause run does
// not all hold, the best clause run of another sentence that holds the
// ones left, with a figure of its own.
func completeParallel(pre []*Prepared, cands []candidate, c candidate, par map[int]bool, a Asked) []Fact {
	facts := []Fact{toFact(pre, c, a)}
	if len(par) < 2 || len(c.figs) == 0 {
		return facts
	}
	have := c.inWin
	for ti := range par {
		if have&(1<<ti) != 0 {
			continue
		}
		for _, d := range cands {
			if d.inWin&(1<<ti) == 0 || len(d.figs) == 0 || len(d.covered) != len(c.covered) ||
				d.passage == c.passage && d.sentence == c.sentence {
				continue
			}
			if d.passage != c.passage && !sameUnits(c.figs, d.figs) {
				continue
			}
			facts = append(facts, toFact(pre, d, a))
			have |= d.inWin
			break
		}
	}
	return facts
}

// sumWords ask for the things named together summed (平度莱西全年累计).
var sumWords = []string{"累计", "一共", "总共", "合计", "共计", "加起来", "总计"}

func sameUnits(a, b []Figure) bool {
	for _, f := range a {
		for _, g := range b {
			if f.Kind == g.Kind && f.Unit == g.Unit {
				return true
			}
		}
	}
	return false
}

// parallelTerms finds the key terms the part names side by side as
// parallel things: joined by 和 与 及 、 (平度和莱西), or two place names
// written together (平度莱西). Each needs its own figure.
// With events set, the terms need not be key terms.
func parallelTerms(key string, ts []Term, events bool) map[int]bool {
	out := map[int]bool{}
	prev, prevEnd := -1, -1
	from := 0
	for ti, t := range ts {
		if t.Context {
			continue
		}
		i := strings.Index(key[from:], t.Text)
		if i < 0 {
			continue
		}
		i += from
		from = i + len(t.Text)
		if !t.Key && (!events || slices.Contains(joiners, t.Text)) {
			continue
		}
		if prev >= 0 && ti < 64 && prev < 64 {
			between := strings.TrimSpace(key[prevEnd:i])
			joined := slices.Contains(joiners, between)
			if joined || between == "" && placeLike(ts[prev]) && placeLike(t) {
				out[prev], out[ti] = true, true
			}
		}
		prev, prevEnd = ti, from
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// joiners join the parallel things a part names.
var joiners = []string{"和", "与", "及", "、", "跟", "以及"}

// placeLike reports whether t names a place: it or a synonym ends with an
// administrative suffix (平度 → 平度市).
func placeLike(t Term) bool {
	for _, w := range append([]string{t.Text}, t.Alts...) {
		if utf8.RuneCountInString(w) >= 2 && hasSuffixAny(w, []string{"市", "区", "县", "镇", "省", "村"}) != "" {
			return true
		}
	}
	return false
}

// mayLack reports whether a passage lacking key term m may still answer:
// the part names at least two other key terms and a measure of its own
// (多少栋), and m is a common word, not a name or a number (楼体 for 建筑).
// lackOK then asks the clause run to hold the others and a figure in that
// measure.
func mayLack(a Asked, keys []int, m int) bool {
	if m < 0 || len(keys) < 3 || a.Terms[m].Proper {
		return false
	}
	switch a.Unit {
	case "", "个", "项", "次", "人", "家", UnitYi, UnitWan, UnitMoney, UnitLength, UnitArea, UnitDuration:
		return false
	}
	return true
}

func lackOK(a Asked, keys []int, c candidate, pre []*Prepared) bool {
	for _, ti := range keys {
		if ti != c.missing && (ti >= 64 || c.inWin&(1<<ti) == 0) {
			return false
		}
	}
	if a.Unit == UnitPercent {
		// A share says less about what it measures than a measure word
		// (多少栋) does: the word lacking must be the user's paraphrase of
		// one in the clause run, sharing a character with it (近岸海水 for
		// 近岸海域).
		p := pre[c.passage]
		win := Canon(p.text[c.r.Start:c.r.End])
		if !strings.ContainsAny(win, a.Terms[c.missing].canon) && !restMet(a, c, win) {
			return false
		}
	}
	return hasUnit(c.figs, a.Unit)
}

// restMet reports whether the clause run win of c holds every content
// word of the part but the lacking one, the plain words too (公开 质询 for
// 15个攻势搞公开质询，群众满意率有多少): the lacking word then only
// qualifies what the text measures (群众 for 质询满意率).
func restMet(a Asked, c candidate, win string) bool {
	n := 0
	for ti, t := range a.Terms {
		if ti == c.missing || t.Context || t.Unseen || softWords[t.Text] || utf8.RuneCountInString(t.Text) < 2 {
			continue
		}
		if !termIn(t, win) {
			return false
		}
		if !t.Key {
			n++
		}
	}
	return n > 0
}

func enumerates(s string) bool {
	return containsAny(s, []string{"和", "与", "及", "、", "分别", "各自", "以及"})
}

func keyTerms(ts []Term) []int {
	var out []int
	for i, t := range ts {
		if t.Key && !t.Context {
			out = append(out, i)
		}
	}
	if len(out) > 0 {
		return out
	}
	// A part of common words only (新增就业多少人) must still find its
	// content words: a figure next to none of them answers something else.
	// A colloquial phrase the text never writes (签完) cannot be required
	// of it, unless nothing else is left.
	var unseen []int
	for i, t := range ts {
		if !t.Context && !softWords[t.Text] && utf8.RuneCountInString(t.Text) >= 2 {
			if t.Unseen {
				unseen = append(unseen, i)
			} else {
				out = append(out, i)
			}
		}
	}
	if len(out) == 0 {
		return unseen
	}
	return out
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

// bestWindow scores the clause runs of sentence s and returns the best.
func bestWindow(a Asked, weights []float64, bigrams []string, p *Prepared, pi int, s sentence, passCov map[int]bool, headTerms []float64, headBigrams uint64, chosen []Fact) (candidate, bool) {
	wantsFigure := wantsFigure(a.Wants)
	names := !wantsFigure && wants(a.Wants, WantNames)
	nt := len(a.Terms)
	n := len(s.clauses)
	// Per clause: how well each term matches, acceptable figures, the
	// question's character pairs found, and whether a figure follows an
	// asked word.
	clauseTerms := make([]float64, n*nt)
	clauseFigs := make([][]Figure, n)
	clauseBigrams := make([]uint64, n)
	clauseAdj := make([]float64, n)
	any := false
	partAt := -1
	if a.Total {
		partAt = partOfWhole(p.text, s.r, a.Terms)
	}
	for ci, c := range s.clauses {
		for ti, t := range a.Terms {
			if m := termMatch(t, c.canon); m > 0 {
				clauseTerms[ci*nt+ti] = m
				any = true
			}
		}
		for _, f := range c.figs {
			if acceptable(f, p.text, a.Part) && (partAt < 0 || f.Start > partAt) && !areaFigure(a, p.text, s.r, f.Start) && !countsElse(a, p.text, f) {
				clauseFigs[ci] = append(clauseFigs[ci], f)
			}
		}
		clauseBigrams[ci] = bigramMask(bigrams, p.text[c.r.Start:c.r.End])
		clauseAdj[ci] = adjacency(p.text, clauseFigs[ci], a.Part, a.Terms)
	}
	// A sentence where no asked term appears does not answer; nor, when
	// a total is asked, one that breaks the sentence before it down
	// (其中平度市完成197.7亿元 after 全年累计完成投资额385.6亿元).
	if !any || a.Total && s.prev != "" && strings.HasPrefix(p.text[s.r.Start:s.r.End], "其中") {
		return candidate{}, false
	}
	if wants(a.Wants, WantDate) && !eventIn(a.Terms, s) {
		return candidate{}, false
	}
	inSentence := make([]bool, nt)
	keyNear := true
	for ti := range a.Terms {
		if passCov[ti] {
			inSentence[ti] = termIn(a.Terms[ti], s.canon) || s.prev != "" && termIn(a.Terms[ti], s.prev)
			if !a.Terms[ti].Head {
				// The word naming the kind of name asked (公司) is not
				// what the sentence must be about.
				keyNear = false
			}
		}
	}
	for ti := range a.Terms {
		if passCov[ti] && !a.Terms[ti].Head {
			keyNear = keyNear || inSentence[ti] || headTerms[ti] > 0
		}
	}
	// A sentence holding none of the key terms, which neither the
	// heading nor the topic sentence name, is about something else (全市
	// 海洋生产总值增长6.1% for 全市固投增长多少).
	if !keyNear {
		return candidate{}, false
	}
	// A part with a subject of its own needs the others' words less.
	ctxCap := maxContextScore
	if len(passCov) > 0 {
		ctxCap = ownContextScore
	}
	prior := 0.6 / float64(1+pi)
	if sameSentence(chosen, pi, s.r) {
		prior += 1.0
	}
	best := candidate{score: math.Inf(-1)}
	found := false
	inWin := make([]float64, nt)
	for i := 0; i < n; i++ {
		clear(inWin)
		var figs []Figure
		var mask uint64
		adj := 0.0
		runes := 0
		hits := 0
		for j := i; j < n && j < i+4; j++ {
			for ti := range nt {
				if m := clauseTerms[j*nt+ti]; m > inWin[ti] {
					if inWin[ti] == 0 {
						hits++
					}
					inWin[ti] = m
				}
			}
			mask |= clauseBigrams[j]
			adj = math.Max(adj, clauseAdj[j])
			figs = append(figs, clauseFigs[j]...)
			runes += utf8.RuneCountInString(p.text[s.clauses[j].r.Start:s.clauses[j].r.End])
			if wantsFigure && len(figs) == 0 || hits == 0 {
				continue
			}
			score, ctx := 0.0, 0.0
			for ti := range nt {
				// A word naming the chapter or section (攻势) is answered
				// by the source line wherever the clause is; one of the
				// topic sentence, mostly.
				m := headTerms[ti]
				switch {
				case inWin[ti] > 0:
					m = max(m, inWin[ti])
				case inSentence[ti]:
					m = max(m, 0.5)
				case passCov[ti]:
					m = max(m, 0.25)
				}
				if a.Terms[ti].Context {
					ctx += m * weights[ti]
				} else {
					score += m * weights[ti]
				}
			}
			// Words of the other parts tell which passage a part is
			// about, but must not draw it to what another part asks.
			score += min(ctx, ctxCap)
			// Words of the question written the same way in the text.
			score += 0.3 * float64(bits.OnesCount64(mask|headBigrams))
			score += figureScore(p.text, figs, a.Part)
			score += adj
			if names && strings.Contains(p.text[s.clauses[i].r.Start:s.clauses[j].r.End], "、") {
				// Names asked for are usually listed (甲、乙等4家企业).
				score += namesListScore
			}
			score -= 0.012 * float64(runes)
			// Earlier passages were ranked better by the search.
			score += prior
			if score > best.score {
				var win uint64
				for ti := range min(nt, 64) {
					if inWin[ti] > 0 {
						win |= 1 << ti
					}
				}
				best = candidate{passage: pi, sentence: s.r, r: Range{s.clauses[i].r.Start, s.clauses[j].r.End},
					score: score, figs: append([]Figure(nil), figs...), covered: passCov, inWin: win}
				found = true
			}
		}
	}
	return best, found
}

// eventIn reports whether sentence s names the event a date is asked of,
// when the part names it with a colloquial verb (批下来 → 批): the date of
// an application (提交…请示) does not answer when it was approved.
func eventIn(ts []Term, s sentence) bool {
	for _, t := range ts {
		if t.Stem != "" && !t.Context && !strings.Contains(s.canon, t.Stem) && !strings.Contains(s.prev, t.Stem) {
			return false
		}
	}
	return true
}

// namesListScore rewards a clause run listing things when names are asked.
const namesListScore = 1.5

// wholeWords, after 占, say that what comes before is a part of the
// whole that follows (投向15个攻势的专项资金达244亿元，占全部专项资金的70%).
var wholeWords = []string{"占全部", "占全市", "占所有", "占总"}

// partOfWhole returns the offset in text of a 占全部 that names an asked
// key term as the whole, within sentence r: the figures before it are
// parts, which do not answer a question asking the total. -1 when none.
func partOfWhole(text string, r Range, ts []Term) int {
	sent := text[r.Start:r.End]
	for _, w := range wholeWords {
		i := strings.Index(sent, w)
		if i < 0 {
			continue
		}
		after := Canon(firstRunes(sent[i+len(w):], 12))
		for _, t := range ts {
			if t.Key && !t.Context && termIn(t, after) {
				return r.Start + i
			}
		}
	}
	return -1
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// bigramMask marks which of the question's character pairs (at most 64)
// occur in text.
func bigramMask(bigrams []string, text string) uint64 {
	var m uint64
	for i, b := range bigrams {
		if i == 64 {
			break
		}
		if strings.Contains(text, b) {
			m |= 1 << i
		}
	}
	return m
}

func sameSentence(chosen []Fact, pi int, r Range) bool {
	for _, f := range chosen {
		if f.Passage == pi && f.sentence == r {
			return true
		}
	}
	return false
}

func wantsFigure(ws []Want) bool {
	for _, w := range ws {
		if w == WantNumber || w == WantDate || w == WantRank {
			return true
		}
	}
	return false
}

func wants(ws []Want, w Want) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// acceptable reports whether figure f may answer part p: of an asked
// kind, in the named unit when the unit is a magnitude, money or a share,
// a level unless a change is asked, and not a share when a total is.
func acceptable(f Figure, text string, p Part) bool {
	ok := false
	for _, w := range p.Wants {
		switch w {
		case WantNumber:
			ok = ok || f.Kind == KindNumber
		case WantDate:
			ok = ok || acceptableDate(f, p)
		case WantRank:
			// A place in a list of the best (二十强) answers 排进多少强.
			ok = ok || f.Kind == KindRank || f.Kind == KindOrdinal && (p.Ordinal != "" && f.Unit == p.Ordinal || firstOfKind(f, text)) ||
				f.Kind == KindNumber && f.Unit == "强" && p.Unit == "强"
		}
	}
	if ok && f.Kind == KindRank && p.Scope != "" {
		// A rank within another area (全国第44位 for 在全省排第几) does
		// not answer.
		if s := scopeOf(clauseBefore(text, f.Start, scopeRunes)); s != "" && s != p.Scope {
			return false
		}
	}
	if !ok || f.Kind != KindNumber {
		return ok
	}
	if lead := leadingNumber(f.Text(text)); lead != "" && contains(p.Given, lead) {
		return false
	}
	if f.Change && !p.Change {
		return false
	}
	isShare := f.Unit == "%" || f.Unit == "/" || f.Unit == "成"
	switch p.Unit {
	case UnitYi:
		return strings.Contains(f.Unit, "亿")
	case UnitWan:
		return strings.Contains(f.Unit, "万")
	case UnitMoney:
		return strings.Contains(f.Unit, "元")
	case UnitPercent:
		return isShare || f.Unit == "∶" || strings.Contains(f.Unit, "百分点")
	case "个百分点", "百分点":
		return strings.Contains(f.Unit, "百分点")
	case UnitDuration:
		return unitMatches(f.Unit, UnitDuration)
	}
	if p.Total && isShare {
		return false
	}
	return true
}

// firstOfKind reports whether ordinal f is a first of its kind (全国首个,
// 第一批): a leader answers a question about rank, whatever its measure.
func firstOfKind(f Figure, text string) bool {
	t := f.Text(text)
	return strings.HasPrefix(t, "首") || strings.HasPrefix(t, "第一") && f.Unit != ""
}

// acceptableDate reports whether date figure f answers p: a period such
// as 单月 only a question how often, and only such a period answers one;
// a time named by an event (两会期间) or a bare year only a question that
// does not ask for a month or day.
func acceptableDate(f Figure, p Part) bool {
	if p.Base || f.Unit == UnitBase {
		return p.Base && f.Unit == UnitBase
	}
	if p.Freq {
		return f.Kind == KindDate && f.Unit == UnitFreq
	}
	switch {
	case f.Kind == KindDate && f.Unit == UnitFreq:
		return false
	case f.Kind == KindDate && f.Unit == UnitPeriod, f.Kind == KindYear:
		return !strings.ContainsAny(p.Text, "月日号")
	}
	return f.Kind == KindDate
}

// scopeRunes is how far before a rank its scope word is looked for
// (全国营商环境百强县”榜单升至第44位).
const scopeRunes = 24

// clauseBefore returns up to n runes of text before byte offset i, cut at
// the clause or sentence punctuation nearest i.
func clauseBefore(text string, i, n int) string {
	s := lastRunes(text[:i], n)
	if k := strings.LastIndexAny(s, "，,；;。：:"); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		s = s[k+size:]
	}
	return s
}

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
			if scopeOf(clauseBefore(text, f.Start, scopeRunes)) == p.Scope {
				s += 1
			}
		}
		best = math.Max(best, s)
	}
	return best
}

func unitMatches(figUnit, asked string) bool {
	switch asked {
	case UnitLength:
		return strings.HasSuffix(figUnit, "米") || strings.HasSuffix(figUnit, "公里")
	case UnitArea:
		return strings.Contains(figUnit, "平方") || strings.Contains(figUnit, "公顷") || strings.Contains(figUnit, "亩")
	case UnitPercent:
		return figUnit == "%" || figUnit == "/" || figUnit == "成"
	case UnitMoney:
		return strings.Contains(figUnit, "元")
	case UnitDuration:
		return hasSuffixAny(figUnit, durationUnits) != ""
	}
	return strings.HasSuffix(figUnit, asked) || strings.Contains(figUnit, asked)
}

// durationUnits measure a length of time (3个月, 5年, 48小时).
var durationUnits = []string{"个月", "年", "天", "小时", "周", "日"}

// termIn reports whether term t (or a synonym) occurs in canonical text,
// also as two halves found apart (青岛港 in 青岛市港口).
func termIn(t Term, canonText string) bool { return termMatch(t, canonText) > 0 }

// termMatch is 1 when t or a synonym occurs in canonical text, 0.5 when
// only its two halves do, else 0. t must be compiled.
func termMatch(t Term, canonText string) float64 {
	if wordIn(t.canon, canonText, t.canonNot) {
		return 1
	}
	best := 0.0
	for i, w := range t.canonAlts {
		if t.altWeight[i] > best && wordIn(w, canonText, t.canonNot) {
			best = t.altWeight[i]
		}
	}
	if best > 0 {
		return best
	}
	for _, h := range t.halves {
		if strings.Contains(canonText, h[0]) && strings.Contains(canonText, h[1]) {
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
		i := strings.Index(text[from:], w)
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

// toFact cuts the candidate's clause run, trimmed to maxFactRunes around
// its figures, and marks the figures.
func toFact(pre []*Prepared, c candidate, a Asked) Fact {
	text := pre[c.passage].text
	r := c.r
	if !wantsFigure(a.Wants) && wants(a.Wants, WantNames) {
		r = widenForNames(pre[c.passage], c, a.Terms)
	}
	r = trimEnd(text, r)
	f := Fact{Passage: c.passage, Start: r.Start, End: r.End, sentence: c.sentence}
	for _, g := range c.figs {
		f.Figures = append(f.Figures, Range{g.Start, g.End})
	}
	return f
}

// maxNamesRunes bounds the sentence a names answer is widened to.
const maxNamesRunes = 90

// widenForNames returns the candidate's clause run widened to its whole
// sentence, when that is short: a name asked for often sits in the clause
// after the one that repeats the question (…完成专项规划调整方案专家评审，
// 上报交通运输部征求意见).
func widenForNames(p *Prepared, c candidate, ts []Term) Range {
	for si, s := range p.sentences {
		if s.r == c.sentence {
			r := c.r
			if utf8.RuneCountInString(p.text[s.r.Start:s.r.End]) <= maxNamesRunes {
				r = s.r
			} else {
				r = widenToHeads(s, r, ts)
			}
			return listedAfter(p, si, r)
		}
	}
	return c.r
}

// widenToHeads extends r, within a long sentence, over the clauses that
// name the kind of name asked (大学 in 跟哪几个大学合作): the text lists
// such names one clause each (联合清华大学…，推进与中国药科大学…，争取沈阳药科大学…).
func widenToHeads(s sentence, r Range, ts []Term) Range {
	for _, c := range s.clauses {
		for _, t := range ts {
			if t.Head && !t.Context && termIn(t, c.canon) {
				r.Start = min(r.Start, c.r.Start)
				r.End = max(r.End, c.r.End)
				break
			}
		}
	}
	return r
}

// kindsRe is a count of kinds with what is counted (三大集聚区, 4个维度).
var kindsRe = regexp.MustCompile(`([0-9]+|[一二两三四五六七八九十]+)(?:大|个|类|项|种)(\p{Han}{2,4})`)

// maxListed bounds the sentences listingAfter adds.
const maxListed = 5

// listedAfter extends r, a clause run of sentence si that ends it with a
// count of kinds (形成三大集聚区), over the sentences after it that name
// them one by one (其中，…集聚区…；…集聚区…): the names asked are there.
func listedAfter(p *Prepared, si int, r Range) Range {
	s := p.sentences[si]
	if r.End < s.r.End-len("。") || si+1 >= len(p.sentences) {
		return r
	}
	ms := kindsRe.FindAllStringSubmatch(p.text[r.Start:r.End], -1)
	if len(ms) == 0 {
		return r
	}
	m := ms[len(ms)-1]
	n := maxListed
	if v, err := strconv.Atoi(leadingDigits(Canon(m[1]))); err == nil {
		n = min(n, v)
	}
	kind := lastRunes(m[2], 2)
	next := p.sentences[si+1]
	if !strings.HasPrefix(p.text[next.r.Start:next.r.End], "其中") {
		return r
	}
	for k := si + 1; k < len(p.sentences) && k <= si+n; k++ {
		t := p.sentences[k]
		if !strings.Contains(p.text[t.r.Start:t.r.End], kind) {
			break
		}
		r.End = t.r.End
	}
	return r
}

// termBigrams are the character pairs and triples of the part's own words, leaving out
// the city and year every paragraph names: pairs reward a clause that
// writes the question's words the same way, even where the segmenter cut
// them differently.
func termBigrams(key string, ts []Term) []string {
	full := key
	for _, t := range ts {
		if !t.Context && softWords[t.Text] {
			key = strings.ReplaceAll(key, t.Text, " ")
		}
	}
	bi := hanBigrams(key)
	// Triples keep the metric words (人才总量): only the words every
	// paragraph names are left out of them.
	for _, t := range ts {
		if !t.Context && softWords[t.Text] && everywhere[t.Text] {
			full = strings.ReplaceAll(full, t.Text, " ")
		}
	}
	return append(bi, hanTrigrams(full)...)
}

// everywhere are the soft words every paragraph names: the city, the year.
var everywhere = toSet("青岛", "青岛市", "岛城", "琴岛", "全市", "本市", "市里", "去年", "今年", "全年", "当年", "本年", "现在", "目前", "如今", "当前", "2020年")

// hanTrigrams lists the distinct runs of three Chinese characters of s: a
// clause writing three of the question's characters in a row (人才总量)
// holds its phrase, not just its words.
func hanTrigrams(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i+2 < len(rs); i++ {
		if rs[i] < 0x3400 || rs[i+1] < 0x3400 || rs[i+2] < 0x3400 {
			continue
		}
		t := string(rs[i : i+3])
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// hanBigrams lists the distinct pairs of adjoining Chinese characters of s.
func hanBigrams(s string) []string {
	var out []string
	seen := map[string]bool{}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] < 0x3400 || rs[i+1] < 0x3400 {
			continue
		}
		b := string(rs[i : i+2])
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
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

// adjacency rewards a figure written right after an asked word (资产总额达
// 2.54万亿元): the figure is then that word's value, not a neighbour's.
func adjacency(text string, figs []Figure, p Part, terms []Term) float64 {
	for _, f := range figs {
		if p.Unit != "" && !unitMatches(f.Unit, p.Unit) {
			continue
		}
		before := text[:f.Start]
		for {
			t := before
			for _, w := range []string{"达到", "达", "为", "是", "约", "近", "超过", "突破", "完成", "实现", "共", "累计", "分别", "了", "至", "到", "居", "在", "中", "“", "”", "(", ")"} {
				t = strings.TrimSuffix(t, w)
			}
			if t == before {
				break
			}
			before = t
		}
		tail := Canon(lastRunes(before, 6))
		for _, t := range terms {
			if t.Context {
				continue
			}
			for _, w := range append([]string{t.Text}, t.Alts...) {
				if c := Canon(w); c != "" && strings.HasSuffix(tail, c) {
					return 1
				}
			}
		}
	}
	return 0
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
