package extract

import (
	"math"
	"strings"
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
}

// readPassages is how many of the retrieved passages the selector reads:
// the answer is nearly always among the first few, and every passage more
// costs time on every question.
const readPassages = 8

// Candidates lists the windows of the passages that may answer part a
// (index part), with features. scores are the passages' search scores,
// best first (nil when unknown).
func Candidates(part int, a Asked, pre []*Prepared, scores []float64, s Setting) []Candidate {
	a.Terms = compiled(a.Terms)
	pi := newPartInfo(a, pre, s)
	out := make([]Candidate, 0, 256)
	for p, pp := range pre[:min(len(pre), readPassages)] {
		para := pi.paraFactsOf(pp, p, scoreRatio(scores, p))
		for si, sen := range pp.sentences {
			// The sentence's and clauses' matches are computed for the
			// first window no veto removes on its own: most sentences of
			// a passage hold no figure of the asked kind.
			var (
				sf      sentFacts
				cfs     []clauseFacts
				scratch []float64
			)
			for _, w := range windowsOf(pi, pp, p, si, sen) {
				c := Candidate{Part: part, Passage: p, Start: w.r.Start, End: w.r.End, figs: w.figs, sent: sen.r}
				if c.Veto, c.Reason = vetoOf(pi, &c, false); c.Veto != "" {
					out = append(out, c)
					continue
				}
				if cfs == nil {
					sf = pi.sentFactsOf(sen, s)
					cfs = make([]clauseFacts, len(sen.clauses))
					for ci, cl := range sen.clauses {
						cfs[ci] = pi.clauseFactsOf(cl, pp.text)
					}
					scratch = make([]float64, len(pi.a.Terms))
				}
				w.cover, w.bigrams = pi.matchOf(w, cfs, scratch)
				x := pi.featuresOf(pp, w, para, sf)
				c.X = &x
				c.Veto, c.Reason = vetoOf(pi, &c, true)
				out = append(out, c)
			}
		}
	}
	return out
}

func compiled(ts []Term) []Term {
	out := append([]Term(nil), ts...)
	for i := range out {
		out[i].compile()
	}
	return out
}

func scoreRatio(scores []float64, i int) float64 {
	if i >= len(scores) || scores[0] <= 0 {
		return 0
	}
	return scores[i] / scores[0]
}

// windowsOf lists the clause runs of one sentence, up to
// maxWindowClauses long, and the whole sentence, with their figures of
// the asked kind.
func windowsOf(pi partInfo, p *Prepared, pass, si int, s sentence) []window {
	var out []window
	n := len(s.clauses)
	for i := 0; i < n; i++ {
		for j := i; j < n && j < i+maxWindowClauses; j++ {
			out = append(out, p.window(pi, pass, si, i, j))
		}
	}
	if n > maxWindowClauses {
		out = append(out, p.window(pi, pass, si, 0, n-1))
	}
	return out
}

// window is clauses i to j of sentence si.
func (p *Prepared) window(pi partInfo, pass, si, i, j int) window {
	s := p.sentences[si]
	w := window{passage: pass, sent: si, first: i, last: j, r: Range{s.clauses[i].r.Start, s.clauses[j].r.End}}
	for k := i; k <= j; k++ {
		for _, f := range s.clauses[k].figs {
			if acceptable(f, p.text, pi.a.Part) {
				w.figs = append(w.figs, f)
			}
		}
	}
	return w
}

// matchOf is the window's weighted term coverage and the question's
// character pairs in it, from its clauses' matches; match is scratch space.
func (pi partInfo) matchOf(w window, cfs []clauseFacts, match []float64) (cover float64, bigrams uint64) {
	clear(match)
	for k := w.first; k <= w.last; k++ {
		for t, m := range cfs[k].match {
			match[t] = max(match[t], m)
		}
		bigrams |= cfs[k].bigrams
	}
	return pi.weighted(match), bigrams
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
// not likely enough to answer. Facts come in part order, facts from one
// sentence merged. A refused part's best candidate, when there is one, is
// its Closest: related content to show, never as the answer.
func Choose(asked []Asked, pre []*Prepared, scores []float64, s Setting, m *Model) ([]Fact, []PartWhy) {
	var facts []Fact
	whys := make([]PartWhy, 0, len(asked))
	for i, a := range asked {
		top, why := m.best(Candidates(i, a, pre, scores, s))
		why.Part = a.Text
		switch {
		case top != nil && why.Answered:
			facts = addFact(facts, quote(pre, top, i))
		case top != nil:
			closest := finish([]Fact{quote(pre, top, i)}, pre)[0]
			why.Closest = &closest
		}
		whys = append(whys, why)
	}
	return finish(facts, pre), whys
}

// quote is the fact a candidate quotes for part i: its window without
// trailing punctuation, the figures of the asked kind marked.
func quote(pre []*Prepared, c *Candidate, i int) Fact {
	r := trimEnd(pre[c.Passage].text, Range{c.Start, c.End})
	f := Fact{Passage: c.Passage, Start: r.Start, End: r.End, sentence: c.sent, Parts: []int{i}}
	for _, g := range c.figs {
		f.Figures = append(f.Figures, Range{g.Start, g.End})
	}
	return f
}

// best scores the candidates and returns the winner with why it answers
// or is refused (Answered false: below the threshold); nil when every
// candidate was vetoed.
func (m *Model) best(cs []Candidate) (*Candidate, PartWhy) {
	why := PartWhy{Vetoed: map[string]int{}}
	reasons := map[string]string{}
	var top *Candidate
	for i := range cs {
		c := &cs[i]
		if c.Veto != "" {
			why.Vetoed[c.Veto]++
			reasons[c.Veto] = c.Reason
			continue
		}
		c.Score = m.score(*c.X)
		if top == nil || c.Score > top.Score {
			top = c
		}
	}
	if top == nil {
		why.Reason = "every candidate vetoed: " + vetoReasons(reasons)
		if len(cs) == 0 {
			why.Reason = "no passage retrieved"
		}
		return nil, why
	}
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
