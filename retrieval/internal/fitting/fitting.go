// Package fitting fits the answer selector (extract.Model) on question
// sets: a pairwise logistic ranker over each part's candidate windows, a
// logistic answer model over the winner, and the refusal threshold, with
// leave-one-author-out cross-validation. It is used by the fit command and
// by the tests that judge each question set with its held-out fold.
package fitting

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"yearbookbot/retrieval"
	"yearbookbot/retrieval/evaluate"
	"yearbookbot/retrieval/extract"
)

// Sample is one question's candidates, labelled.
type Sample struct {
	ID, Author string
	Answerable bool
	Parts      []Part
}

// Part is one question part: the candidates that survived the vetoes and
// whether each quotes the answer.
type Part struct {
	X   []extract.Features
	Pos []bool
}

// Collect asks the engine for every question's candidates and labels
// them by the question's gold lines and figures.
func Collect(ctx context.Context, eng *retrieval.Engine, qs []evaluate.Question) ([]Sample, error) {
	out := make([]Sample, 0, len(qs))
	for _, q := range qs {
		parts, err := eng.Candidates(ctx, q.Question)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.ID, err)
		}
		s := Sample{ID: q.ID, Author: q.Author, Answerable: q.Answerable()}
		for _, p := range parts {
			var ps Part
			for _, c := range p.Candidates {
				if c.Veto != "" {
					continue
				}
				h := p.Hits[c.Passage]
				ps.X = append(ps.X, *c.X)
				ps.Pos = append(ps.Pos, positive(q, h.Line, h.Text[c.Start:c.End]))
			}
			s.Parts = append(s.Parts, ps)
		}
		out = append(out, s)
	}
	return out, nil
}

// minKeywordRunes is the judge's rule for keyword questions: a reply
// quoting at least this many characters of a gold line answers.
const minKeywordRunes = 12

// positive reports whether a window of the paragraph at line answers q:
// it stands in a gold line and quotes a gold figure (for a keyword
// question, enough of the line to be judged as quoting it).
func positive(q evaluate.Question, line int, text string) bool {
	if !q.Answerable() || !slices.Contains(q.GoldLines, line) {
		return false
	}
	t := fold(text)
	if len(q.GoldFigures) == 0 {
		return len([]rune(t)) >= minKeywordRunes
	}
	for _, f := range q.GoldFigures {
		if containsFigure(t, fold(f)) {
			return true
		}
	}
	return false
}

// containsFigure finds f in t, not inside a longer number (34个 is not in 134个).
func containsFigure(t, f string) bool {
	for i := 0; ; {
		k := strings.Index(t[i:], f)
		if k < 0 {
			return false
		}
		at := i + k
		if at == 0 || !isNumberByte(t[at-1]) || !isNumberByte(f[0]) {
			return true
		}
		i = at + 1
	}
}

func isNumberByte(b byte) bool { return b >= '0' && b <= '9' || b == '.' }

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// Fit fits a model on the samples.
func Fit(samples []Sample) *extract.Model {
	m := &extract.Model{Rank: fitRanker(samples)}
	// rival_cover is set on a part's winner only (extract.WithRivals), so
	// the ranker never sees it vary; its rank weight stays zero here, not
	// by the accident of a zero gradient, and Choose's score before it is
	// set equals the fit's after.
	m.Rank[extract.FRivalCover] = 0
	fitAccept(m, samples)
	m.Threshold = chooseThreshold(m, samples)
	return m
}

// Outcome is how a model does on samples, judged as the evaluation judges
// (approximately: a quoted window counts when it holds a gold figure).
type Outcome struct {
	Questions, Correct         int
	Answerable, FalseAbstained int
	Unanswerable, Refused      int
	// WorstFalseAbstention is the highest share of answerable questions
	// refused among the held-out authors pooled into the outcome.
	WorstFalseAbstention float64
}

func (o Outcome) Accuracy() float64 { return ratio(o.Correct, o.Questions) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Judge applies m to the samples.
func Judge(m *extract.Model, samples []Sample) Outcome {
	var o Outcome
	for _, s := range samples {
		answered, right := decide(m, s)
		o.Questions++
		switch {
		case s.Answerable:
			o.Answerable++
			if !answered {
				o.FalseAbstained++
			} else if right {
				o.Correct++
			}
		default:
			o.Unanswerable++
			if !answered {
				o.Refused++
				o.Correct++
			}
		}
	}
	return o
}

// decide reports whether m answers the sample and whether every part it
// answers quotes a positive window.
func decide(m *extract.Model, s Sample) (answered, right bool) {
	right = true
	for _, p := range s.Parts {
		i, ok := top(m, p)
		if !ok || m.AcceptProb(extract.WithRivals(p.X[i], extract.BestCover(p.X))) < m.Threshold {
			continue
		}
		answered = true
		right = right && p.Pos[i]
	}
	return answered, right
}

// top is the index of the part's best candidate under m.
func top(m *extract.Model, p Part) (int, bool) {
	best, at := math.Inf(-1), -1
	for i, x := range p.X {
		if s := m.Score(x); s > best {
			best, at = s, i
		}
	}
	return at, at >= 0
}
