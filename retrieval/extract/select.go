package extract

import (
	"math"
	"math/bits"
	"sort"
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
}

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

// Limits on what is read and quoted.
const (
	maxPassages = 15
	// maxFactRunes: a clause run longer than this is cut around its figure.
	maxFactRunes = 140
)

// Prepared is a passage split into sentences and clauses, its figures
// found and its text canonicalized: the work that does not depend on the
// question, done once per passage by Prepare and reused by SelectPrepared.
type Prepared struct {
	text       string
	canon      string // Canon(chapter + section + text), for key coverage
	heading    string // Canon(chapter + section)
	rawHeading string
	sentences  []sentence
}

type sentence struct {
	r       Range
	canon   string
	clauses []clause
}

type clause struct {
	r     Range
	canon string
	figs  []Figure // offsets into the passage text
}

// Prepare readies a passage for SelectPrepared.
func Prepare(p Passage) *Prepared {
	text := p.Text
	pp := &Prepared{text: text, canon: Canon(p.Chapter + "\n" + p.Section + "\n" + text), heading: Canon(p.Chapter + "\n" + p.Section), rawHeading: p.Chapter + "\n" + p.Section}
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
}

// selectPart returns one fact, or two when the part names two things that
// one passage does not both hold; nil when the part cannot be answered.
func selectPart(a Asked, pre []*Prepared, chosen []Fact) []Fact {
	keys := keyTerms(a.Terms)
	weights := termWeights(a.Terms, pre)
	bigrams := termBigrams(a.Key, a.Terms)
	enumerating := enumerates(a.Text)
	var cands []candidate
	for pi, p := range pre {
		passCov := map[int]bool{}
		for _, ti := range keys {
			if termIn(a.Terms[ti], p.canon) {
				passCov[ti] = true
			}
		}
		// Only a passage holding every key term may answer alone; others
		// serve a part that names two things (see below).
		if len(passCov) < len(keys) && !enumerating {
			continue
		}
		headTerms := make([]bool, len(a.Terms))
		for ti, t := range a.Terms {
			headTerms[ti] = termIn(t, p.heading)
		}
		headBigrams := bigramMask(bigrams, p.rawHeading)
		for _, s := range p.sentences {
			if c, ok := bestWindow(a, weights, bigrams, p, pi, s, passCov, headTerms, headBigrams, chosen); ok {
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
		if len(c.covered) == len(keys) {
			return []Fact{toFact(pre, c, a)}
		}
	}
	// A part naming two things (平度和莱西分别…) may take them from two
	// passages; any other part with an uncovered key term is not answered.
	if !enumerates(a.Text) {
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
func bestWindow(a Asked, weights []float64, bigrams []string, p *Prepared, pi int, s sentence, passCov map[int]bool, headTerms []bool, headBigrams uint64, chosen []Fact) (candidate, bool) {
	wantsFigure := wantsFigure(a.Wants)
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
	for ci, c := range s.clauses {
		for ti, t := range a.Terms {
			if m := termMatch(t, c.canon); m > 0 {
				clauseTerms[ci*nt+ti] = m
				any = true
			}
		}
		for _, f := range c.figs {
			if acceptable(f, p.text, a.Part) {
				clauseFigs[ci] = append(clauseFigs[ci], f)
			}
		}
		clauseBigrams[ci] = bigramMask(bigrams, p.text[c.r.Start:c.r.End])
		clauseAdj[ci] = adjacency(p.text, clauseFigs[ci], a.Part, a.Terms)
	}
	// A sentence where no asked term appears does not answer.
	if !any {
		return candidate{}, false
	}
	inSentence := make([]bool, nt)
	for ti := range a.Terms {
		if passCov[ti] {
			inSentence[ti] = termIn(a.Terms[ti], s.canon)
		}
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
			score := 0.0
			for ti := range nt {
				switch {
				case headTerms[ti]:
					// A word naming the chapter or section (攻势) is
					// answered by the source line wherever the clause is.
					score += weights[ti]
				case inWin[ti] > 0:
					score += inWin[ti] * weights[ti]
				case inSentence[ti]:
					score += 0.5 * weights[ti]
				case passCov[ti]:
					score += 0.25 * weights[ti]
				}
			}
			// Words of the question written the same way in the text.
			score += 0.3 * float64(bits.OnesCount64(mask|headBigrams))
			score += figureScore(figs, a.Part)
			score += adj
			score -= 0.012 * float64(runes)
			// Earlier passages were ranked better by the search.
			score += prior
			if score > best.score {
				best = candidate{passage: pi, sentence: s.r, r: Range{s.clauses[i].r.Start, s.clauses[j].r.End},
					score: score, figs: append([]Figure(nil), figs...), covered: passCov}
				found = true
			}
		}
	}
	return best, found
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
			ok = ok || f.Kind == KindDate || (f.Kind == KindYear && !strings.Contains(p.Text, "月"))
		case WantRank:
			ok = ok || f.Kind == KindRank
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
	}
	if p.Total && isShare {
		return false
	}
	return true
}

// figureScore prefers figures in the unit asked for and of the right sort.
func figureScore(figs []Figure, p Part) float64 {
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
	}
	return strings.HasSuffix(figUnit, asked) || strings.Contains(figUnit, asked)
}

// termIn reports whether term t (or a synonym) occurs in canonical text,
// also as two halves found apart (青岛港 in 青岛市港口).
func termIn(t Term, canonText string) bool { return termMatch(t, canonText) > 0 }

// termMatch is 1 when t or a synonym occurs in canonical text, 0.5 when
// only its two halves do, else 0. t must be compiled.
func termMatch(t Term, canonText string) float64 {
	if wordIn(t.canon, canonText) {
		return 1
	}
	best := 0.0
	for i, w := range t.canonAlts {
		if t.altWeight[i] > best && wordIn(w, canonText) {
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
func wordIn(w, text string) bool {
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
		if okL && okR {
			return true
		}
		from = i + 1
	}
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
	r := trimEnd(text, c.r)
	f := Fact{Passage: c.passage, Start: r.Start, End: r.End, sentence: c.sentence}
	for _, g := range c.figs {
		f.Figures = append(f.Figures, Range{g.Start, g.End})
	}
	return f
}

// termBigrams are the character pairs of the part's own words, leaving out
// the city and year every paragraph names: pairs reward a clause that
// writes the question's words the same way, even where the segmenter cut
// them differently.
func termBigrams(key string, ts []Term) []string {
	for _, t := range ts {
		if !t.Context && softWords[t.Text] {
			key = strings.ReplaceAll(key, t.Text, " ")
		}
	}
	return hanBigrams(key)
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

func bigramHits(bigrams []string, text string) int {
	n := 0
	for _, b := range bigrams {
		if strings.Contains(text, b) {
			n++
		}
	}
	return n
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
