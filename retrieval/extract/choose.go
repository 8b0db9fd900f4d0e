package extract

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxWindowClauses bounds a quoted clause run; longer runs quote the whole
// sentence instead.
const maxWindowClauses = 3

// Candidate is one quotable window of a retrieved passage with its
// features, its score under a Model and the veto that removed it, if any.
type Candidate struct {
	Part    int
	Passage int
	Start   int // byte offsets into the passage text
	End     int
	X       *Features // nil for a candidate vetoed before its features were computed
	Score   float64
	Veto    string // the veto's name, "" when none applies
	Reason  string // the veto's reason
	figs    []Figure
	sent    Range
	// elsewhere names the district the window's sentence tells of instead
	// of the one asked ("" when none): see placeOf.
	elsewhere string
	// excepted is set when the window's sentence lists only what the
	// part sets aside (onlyExcepted).
	excepted bool
	// holderUnnamed is set when the part asks who holds an office and
	// the window's sentence names no holder of any (namesHolder).
	holderUnnamed bool
	// wholeFor is the whole the window's sentence states instead of the
	// part asked of it (wholeForPart), "" when none.
	wholeFor string
	// changeOfWhole is set when the window's changes are of the whole
	// its sentence splits, not of the part asked (changeOfWhole).
	changeOfWhole bool
}

// readPassages is how many of the retrieved passages the selector reads:
// the answer is nearly always among the first few, and every passage more
// costs time on every question.
const readPassages = 8

// Ranked is a passage one part's own search found: its index in the
// passages prepared and its search score.
type Ranked struct {
	Passage int
	Score   float64
}

// Candidates lists the windows of the passages that may answer part a
// (index part), with features. rank is the part's own search ranking of
// the passages, best first.
func Candidates(part int, a Asked, pre []*Prepared, rank []Ranked, s Setting) []Candidate {
	out := make([]Candidate, 0, 256)
	walkCandidates(part, a, pre, rank, s, func(c *Candidate) {
		k := *c
		if c.X != nil {
			x := *c.X
			k.X = &x
		}
		k.figs = slices.Clone(c.figs)
		out = append(out, k)
	})
	return out
}

// walkCandidates calls visit with each candidate of part a: the passages
// in the part's rank order, each one's sentences and windows in order.
// The candidate, its features and figures are scratch space reused for
// the next one: visit copies what it keeps.
//
// The passages read and their rank and score_ratio features are the
// part's own search's: the parts of a question are searched apart, and
// one part's scores say nothing of another's passages.
func walkCandidates(part int, a Asked, pre []*Prepared, rank []Ranked, s Setting, visit func(*Candidate)) {
	a.Terms = compiled(a.Terms, len(pre))
	a.wholeAsked, a.wholeNamed = a.asksWholeArea(s)
	a.wholeChecked = true
	a.noFigure = a.noFigureReason()
	w := newWalker(a, pre, s)
	best := bestScore(rank)
	for r, rk := range rank[:min(len(rank), readPassages)] {
		pp := pre[rk.Passage]
		para := w.pi.paraFactsOf(pp, r, scoreRatio(rk.Score, best))
		for si := range pp.sentences {
			w.sentence(part, pp, rk.Passage, si, para, visit)
		}
	}
}

// walker holds what the windows of one part share, and the scratch
// space they are computed in, so that a window allocates little.
type walker struct {
	pi  partInfo
	set Setting
	c   Candidate // the window being visited
	x   Features
	// figs are the figures of the asked kind of the current sentence's
	// clauses, in order; clause k's are figs[ends[k-1]:ends[k]], so a
	// clause run's are one slice of it.
	figs    []Figure
	ends    []int
	cfs     []clauseFacts
	matches []float64 // backs the cfs' matches
	terms   []uint64  // the cfs' term sets (termSets)
	scratch []float64
	subject []float64 // withListSubject's, for a dated list item
	// wholeMatch are the term matches of the whole a sentence of parts
	// splits, as quoted before its first clause (wholeOf); nil for any
	// other sentence.
	wholeMatch []float64
	// bigrams are the pair hashes of each of the part's character pairs
	// (nil: may be in any clause).
	bigrams [][]uint32
}

func newWalker(a Asked, pre []*Prepared, s Setting) *walker {
	w := &walker{pi: newPartInfo(a, pre, s), set: s, scratch: make([]float64, len(a.Terms))}
	// The part's character pairs are searched for in every clause read:
	// their hashes are computed once, in one array.
	w.bigrams = make([][]uint32, len(w.pi.bigrams))
	var pairs []uint32
	for i, b := range w.pi.bigrams {
		if utf8.ValidString(b) {
			from := len(pairs)
			pairs = appendPairs(pairs, b)
			w.bigrams[i] = pairs[from:len(pairs):len(pairs)]
		}
	}
	return w
}

// sentence visits the windows of sentence si: the clause runs up to
// maxWindowClauses long, then the whole sentence when it is longer. The
// sentence's and clauses' matches are computed for the first window no
// veto removes on its own: most sentences of a passage hold no figure of
// the asked kind.
func (w *walker) sentence(part int, pp *Prepared, pass, si int, para paraFacts, visit func(*Candidate)) {
	sen := &pp.sentences[si]
	n := len(sen.clauses)
	w.figs, w.ends = w.figs[:0], w.ends[:0]
	for k := range sen.clauses { // by index: a clause is large to copy
		for _, f := range sen.clauses[k].figs {
			if acceptable(f, pp.text, w.pi.a.Part) {
				w.figs = append(w.figs, f)
			}
		}
		w.ends = append(w.ends, len(w.figs))
	}
	var sf sentFacts
	heading := para.headingMatch
	loaded := false
	emit := func(i, j int) {
		win := window{passage: pass, sent: si, first: i, last: j, r: Range{sen.clauses[i].r.Start, sen.clauses[j].r.End}}
		if from, to := w.figsFrom(i), w.ends[j]; to > from {
			win.figs = w.figs[from:to:to]
		}
		c := &w.c
		*c = Candidate{Part: part, Passage: pass, Start: win.r.Start, End: win.r.End, figs: win.figs, sent: sen.r}
		if c.Veto, c.Reason = vetoOf(&w.pi, c, false); c.Veto != "" {
			visit(c)
			return
		}
		if !loaded {
			sf, heading = w.loadSentence(pp, si, para)
			loaded = true
		}
		win.cover, win.bigrams = w.pi.matchOf(win, w.cfs, w.scratch)
		if i == 0 && w.wholeMatch != nil {
			win.cover = w.pi.withWhole(w.scratch, w.wholeMatch)
		}
		w.x = w.pi.featuresOf(pp, win, para, sf)
		w.x[FCoverHeading] = w.pi.coverWithHeading(w.scratch, heading)
		c.X = &w.x
		c.elsewhere, c.excepted, c.holderUnnamed, c.wholeFor = sf.elsewhere, sf.onlyExcepted, sf.holderUnnamed, sf.wholeFor
		c.changeOfWhole = w.pi.changeOfWhole(pp.text, sen.r, win.figs)
		c.Veto, c.Reason = vetoOf(&w.pi, c, true)
		visit(c)
	}
	for i := 0; i < n; i++ {
		for j := i; j < n && j < i+maxWindowClauses; j++ {
			emit(i, j)
		}
	}
	if n > maxWindowClauses {
		emit(0, n-1)
	}
}

// loadSentence computes what every window of sentence sen shares: its
// facts, its clauses' matches (into w.cfs) and the headings' match that
// stands in for the window's words.
func (w *walker) loadSentence(pp *Prepared, si int, para paraFacts) (sentFacts, []float64) {
	sen := &pp.sentences[si]
	sf := w.pi.sentFactsOf(*sen, w.set)
	sf.placeUnnamed = w.pi.placeUnnamed(pp.text[sen.r.Start:sen.r.End], w.set)
	sf.unsingled = w.pi.asksMost && !singlesOut(pp.text[sen.r.Start:sen.r.End])
	sf.onlyExcepted = onlyExcepted(pp.text[sen.r.Start:sen.r.End], w.pi.excepted, w.pi.exceptOthers)
	sf.holderUnnamed = w.pi.officeAsked() && !namesHolder(pp.text[sen.r.Start:sen.r.End], w.pi.role.Text)
	sf.wholeFor = wholeForPart(pp.text[sen.r.Start:sen.r.End], w.pi.partsAsked)
	w.cfs = w.cfs[:0]
	nt := len(w.pi.a.Terms)
	if need := len(sen.clauses) * nt; cap(w.matches) < need {
		w.matches = make([]float64, need)
	}
	for k, cl := range sen.clauses {
		w.cfs = append(w.cfs, w.pi.clauseFactsOf(cl, pp.text, w.matches[k*nt:(k+1)*nt:(k+1)*nt], w.bigrams))
	}
	w.terms = w.pi.termSets(w.cfs, w.terms[:0])
	sf.clauseTerms = w.terms
	w.wholeMatch = w.pi.wholeMatchOf(pp, si, w.wholeMatch)
	heading := para.headingMatch
	if !sf.placeMiss {
		// The asked place is the sentence's by its headings (placeOf):
		// they stand in for its name too.
		heading = para.headingAll
	}
	if sen.datedItem() {
		w.subject = w.pi.withListSubject(heading, sen.withPrev, w.subject[:0])
		heading = w.subject
	}
	return sf, heading
}

// figsFrom is where clause k's figures start in w.figs.
func (w *walker) figsFrom(k int) int {
	if k == 0 {
		return 0
	}
	return w.ends[k-1]
}

// compiled are copies of ts compiled, each with a memo of its matches in
// up to passages whole passages, allocated together.
func compiled(ts []Term, passages int) []Term {
	out := append([]Term(nil), ts...)
	forms := make([]termForms, len(out))
	memos := make([]termMemo, len(out))
	keys := make([]*Prepared, len(out)*passages)
	vals := make([]float64, len(out)*passages)
	for i := range out {
		out[i].compileInto(&forms[i])
		from, to := i*passages, (i+1)*passages
		memos[i] = termMemo{keys: keys[from:from:to], vals: vals[from:from:to]}
		out[i].memo = &memos[i]
	}
	return out
}

func bestScore(rank []Ranked) float64 {
	best := 0.0
	for _, r := range rank {
		best = max(best, r.Score)
	}
	return best
}

func scoreRatio(score, best float64) float64 {
	if best <= 0 {
		return 0
	}
	return score / best
}

// matchOf is the window's weighted term coverage and the question's
// character pairs in it, from its clauses' matches; match is scratch space.
func (pi *partInfo) matchOf(w window, cfs []clauseFacts, match []float64) (cover float64, bigrams uint64) {
	clear(match)
	for k := w.first; k <= w.last; k++ {
		for t, m := range cfs[k].match {
			match[t] = max(match[t], m)
		}
		bigrams |= cfs[k].bigrams
	}
	return pi.weighted(match), bigrams
}

// wholeMatchOf is the term matches of what a window opening sentence si
// is quoted with when si splits the whole before it into parts (其中东区
// 完成… after 全年完成投资100亿元: wholeOf), into buf; nil for any other
// sentence. The parts' own words seldom repeat what they are parts of.
func (pi *partInfo) wholeMatchOf(pp *Prepared, si int, buf []float64) []float64 {
	from, prev, ok := pp.wholeBefore(si)
	if !ok {
		return nil
	}
	whole := newCanonText(Canon(pp.text[from:prev.End]))
	buf = buf[:0]
	for _, t := range pi.a.Terms {
		buf = append(buf, termMatch(t, whole))
	}
	return buf
}

// withWhole adds the whole's matches to match, a window's, and is the
// weighted share of them all: the window is quoted with the whole, so it
// says what the whole's words say (cover_heading, which reads match
// after, counts them too).
func (pi *partInfo) withWhole(match, whole []float64) float64 {
	for i, m := range whole {
		match[i] = max(match[i], m)
	}
	return pi.weighted(match)
}

// PartWhy says why one question part was answered or refused.
type PartWhy struct {
	Part     string             `json:"part"`
	Answered bool               `json:"answered"`
	Reason   string             `json:"reason"`
	Score    float64            `json:"score,omitempty"`
	Accept   float64            `json:"accept,omitempty"` // the answer model's probability
	Features map[string]float64 `json:"features,omitempty"`
	// Vetoed counts the candidates each veto removed.
	Vetoed map[string]int `json:"vetoed,omitempty"`
	// Closest is a refused part's best candidate, quoted: related
	// content, not the answer.
	Closest *Fact `json:"-"`
}

// Choose picks each part's best candidate under model m and quotes it, or
// refuses the part when no candidate survives the vetoes or the best is
// not likely enough to answer. ranks[i] is part i's own search ranking of
// the passages. Two parts whose winners quote one same figure alone ask
// two things, and the less likely one is answered by its best window
// without that figure, when that window is likely enough. Facts come in
// part order, facts from one sentence merged. A refused part's best
// candidate, when there is one, is its Closest: related content to show,
// never as the answer.
func Choose(asked []Asked, pre []*Prepared, ranks [][]Ranked, s Setting, m *Model) ([]Fact, []PartWhy) {
	tops := make([]*Candidate, len(asked))
	whys := make([]PartWhy, len(asked))
	pick := func(i int, skip func(*Candidate) bool) {
		k := picker{m: m, skip: skip}
		walkCandidates(i, asked[i], pre, ranks[i], s, k.add)
		tops[i], whys[i] = k.result()
		whys[i].Part = asked[i].Text
	}
	for i := range asked {
		pick(i, nil)
	}
	for _, sh := range sharingParts(asked, tops, whys) {
		// Two parts ask two things: the one less likely answered by the
		// figure they share takes its best window without it, when that
		// window answers; else both keep the figure.
		top, why := tops[sh.weak], whys[sh.weak]
		other := tops[sh.strong]
		pick(sh.weak, func(c *Candidate) bool { return sharesFigure(c, other) })
		if !whys[sh.weak].Answered {
			tops[sh.weak], whys[sh.weak] = top, why
		}
	}
	var facts []Fact
	for i, top := range tops {
		switch {
		case top != nil && whys[i].Answered:
			facts = addFact(facts, quote(pre, top, i))
		case top != nil:
			closest := finish([]Fact{quote(pre, top, i)}, pre)[0]
			whys[i].Closest = &closest
		}
	}
	return finish(facts, pre), whys
}

// sharing is two answered parts whose winners quote one figure, the
// weaker by its answer probability first.
type sharing struct{ weak, strong int }

// sharingParts lists, in part order, the pairs of answered parts whose
// winners quote one same figure and nothing else. Items of one list (甲和
// 乙各多少) may well share one figure (甲、乙各10个).
func sharingParts(asked []Asked, tops []*Candidate, whys []PartWhy) []sharing {
	var out []sharing
	for j := range tops {
		for i := range j {
			if !whys[i].Answered || !whys[j].Answered || sameList(asked[i], asked[j]) ||
				len(tops[i].figs) != 1 || !sharesFigure(tops[i], tops[j]) {
				continue
			}
			if whys[j].Accept <= whys[i].Accept {
				out = append(out, sharing{weak: j, strong: i})
			} else {
				out = append(out, sharing{weak: i, strong: j})
			}
		}
	}
	return out
}

// sameList reports whether a and b are items of one list distributed.
func sameList(a, b Asked) bool { return a.items != 0 && a.items == b.items }

// sharesFigure reports whether candidate a quotes the one figure b
// quotes, b quoting only it. A window of two figures (5亿吨，增长3%) may
// answer two parts, each by its own.
func sharesFigure(a, b *Candidate) bool {
	if b == nil || a.Passage != b.Passage || len(b.figs) != 1 {
		return false
	}
	g := b.figs[0]
	return slices.ContainsFunc(a.figs, func(f Figure) bool { return f.Start == g.Start && f.End == g.End })
}

// quote is the fact a candidate quotes for part i: its window without
// trailing punctuation, the figures of the asked kind marked.
func quote(pre []*Prepared, c *Candidate, i int) Fact {
	r := trimEnd(pre[c.Passage].text, Range{c.Start, c.End})
	f := Fact{Passage: c.Passage, Start: r.Start, End: r.End, sentence: c.sent, Parts: []int{i}}
	if start, sent, ok := pre[c.Passage].wholeOf(c.sent, r.Start); ok {
		f.Start, f.sentence = start, sent
	}
	for _, g := range c.figs {
		f.Figures = append(f.Figures, Range{g.Start, g.End})
	}
	return f
}

// picker scores the candidates of a part as they are visited and keeps
// the best: the first of the highest score.
type picker struct {
	m   *Model
	why PartWhy
	// skip, when set, passes over the candidates it reports: those
	// quoting the figure another part answers with (Choose).
	skip func(*Candidate) bool
	// vetoed counts the candidates each veto removed, with its last
	// reason, in the order the vetoes first objected (few vetoes: a
	// slice beats a map per candidate).
	vetoed []vetoCount
	seen   int
	// bestCover is the highest FCoverSent of the candidates scored (see
	// WithRivals).
	bestCover float64
	top       *Candidate
	// best, its features and figures are the top candidate's copy: a
	// visited candidate is scratch space.
	best    Candidate
	bestX   Features
	bestFig []Figure
}

type vetoCount struct {
	name, reason string
	n            int
}

func (k *picker) add(c *Candidate) {
	k.seen++
	if c.Veto != "" {
		k.countVeto(c.Veto, c.Reason)
		return
	}
	if k.skip != nil && k.skip(c) {
		return
	}
	c.Score = k.m.score(*c.X)
	k.bestCover = max(k.bestCover, c.X[FCoverSent])
	if k.top == nil || c.Score > k.top.Score {
		k.best, k.bestX = *c, *c.X
		k.bestFig = append(k.bestFig[:0], c.figs...)
		k.best.X, k.best.figs = &k.bestX, k.bestFig
		k.top = &k.best
	}
}

func (k *picker) countVeto(name, reason string) {
	for i := range k.vetoed {
		if v := &k.vetoed[i]; v.name == name {
			v.n++
			v.reason = reason
			return
		}
	}
	k.vetoed = append(k.vetoed, vetoCount{name, reason, 1})
}

// result returns the winner with why it answers or is refused (Answered
// false: below the threshold); nil when every candidate was vetoed.
func (k *picker) result() (*Candidate, PartWhy) {
	m, why, top := k.m, k.why, k.top
	why.Vetoed = make(map[string]int, len(k.vetoed))
	reasons := make(map[string]string, len(k.vetoed))
	for _, v := range k.vetoed {
		why.Vetoed[v.name], reasons[v.name] = v.n, v.reason
	}
	if top == nil {
		why.Reason = "every candidate vetoed: " + vetoReasons(reasons)
		if k.seen == 0 {
			why.Reason = "no passage retrieved"
		}
		return nil, why
	}
	*top.X = WithRivals(*top.X, k.bestCover)
	why.Score, why.Features = round3(top.Score), (*top.X).Map()
	why.Accept = round3(m.accept(top.Score, *top.X))
	if why.Accept < m.Threshold {
		why.Reason = "best candidate below the answer threshold"
		return top, why
	}
	why.Answered, why.Reason = true, "best candidate"
	return top, why
}

// vetoReasons lists the reasons given, in the order of the veto table.
func vetoReasons(reasons map[string]string) string {
	var out []string
	for _, v := range vetoes {
		if r, ok := reasons[v.name]; ok {
			out = append(out, v.name+" ("+r+")")
		}
	}
	return strings.Join(out, "; ")
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
