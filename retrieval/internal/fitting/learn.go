package fitting

import (
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"yearbookbot/retrieval/extract"
)

const (
	// maxNegatives bounds the wrong windows paired with each right one;
	// the highest-covering ones are kept, since they are the hard cases.
	maxNegatives = 40
	// l2 regularizes the ranker. acceptL2 regularizes the answer model:
	// weaker, because its decisive features are rare (a level offered for
	// an addition, a year the paragraph never writes) and a penalty on
	// each weight outweighs the few rows that show it, so such a near miss
	// kept a good chance of being accepted; chosen by the held-out folds.
	l2           = 0.001
	acceptL2     = 0.00005
	epochs       = 1000
	learningRate = 0.5
	// maxFalseAbstention is the share of answerable questions the
	// threshold may refuse on the held-out folds. The target on a fresh
	// set is 3%; fresh sets refused up to 0.4 points more than the pooled
	// folds on their first try, so the folds keep a margin below it.
	maxFalseAbstention = 0.02
	// maxAuthorFalseAbstention bounds it for each held-out author too:
	// a threshold that refuses a tenth of one author's answerable
	// questions fails that author, however well the others do.
	maxAuthorFalseAbstention = 0.09
)

// fitRanker fits w so that w·x is higher for a right window than for the
// wrong ones of the same part (pairwise logistic regression).
func fitRanker(samples []Sample) extract.Features {
	var pairs []extract.Features
	for _, s := range samples {
		for _, p := range s.Parts {
			pairs = append(pairs, partPairs(p)...)
		}
	}
	var w extract.Features
	if len(pairs) == 0 {
		return w
	}
	rows := make([][]float64, len(pairs))
	for i, d := range pairs {
		rows[i] = d[:]
	}
	copy(w[:], logistic(rows, nil, false, extract.FeatureSigns(), l2))
	return w
}

// logistic fits weights by L2-regularized logistic regression with
// AdaGrad steps, which move rarely non-zero features (a place the
// paragraph lacks) as far as common ones. ys nil means every row is a
// positive pair difference (label 1); with bias, the first column is a
// constant that is not regularized. signs, when not nil, holds each
// column's allowed sign (+1, -1, 0 for either; offset by one column with
// bias): a step past zero stops at zero (projected gradient).
func logistic(rows [][]float64, ys []float64, bias bool, signs []float64, lambda float64) []float64 {
	n := len(rows[0])
	w := make([]float64, n)
	hist := make([]float64, n)
	grad := make([]float64, n)
	sparse := sparseRows(rows, ys)
	for range epochs {
		clear(grad)
		for _, z := range sparse {
			g := z.times * (sigmoid(z.dot(w)) - z.y)
			for k, i := range z.idx {
				grad[i] += g * z.val[k]
			}
		}
		for i := range w {
			g := grad[i] / float64(len(rows))
			if !bias || i > 0 {
				g += lambda * w[i]
			}
			hist[i] += g * g
			if hist[i] > 0 {
				w[i] -= learningRate * g / math.Sqrt(hist[i])
			}
			w[i] = withSign(w[i], signAt(signs, i, bias))
		}
	}
	return w
}

// signAt is column i's allowed sign: signs are per feature, and with bias
// the first two columns (the constant and the rank score) are free.
func signAt(signs []float64, i int, bias bool) float64 {
	if bias {
		i -= 2
	}
	if i < 0 || i >= len(signs) {
		return 0
	}
	return signs[i]
}

// withSign clamps w to the sign allowed (0: any).
func withSign(w, sign float64) float64 {
	if sign*w < 0 {
		return 0
	}
	return w
}

// sparseRow keeps a row's non-zero entries: most features of a pair's
// difference are zero (both windows share the flag), so skipping them
// makes each epoch several times cheaper with the same sums. Rows alike
// in every entry and label are kept once and counted (times): half the
// pairs repeat another, and a fit on all authors but one repeats the
// work 70 times over.
type sparseRow struct {
	idx      []int
	val      []float64
	y, times float64
}

// sparseRows makes rows sparse, each distinct one once; ys nil labels
// every row 1.
func sparseRows(rows [][]float64, ys []float64) []sparseRow {
	var out []sparseRow
	seen := map[string]int{}
	var key []byte
	for r, z := range rows {
		row := sparseRow{y: 1, times: 1}
		if ys != nil {
			row.y = ys[r]
		}
		key = binary.LittleEndian.AppendUint64(key[:0], math.Float64bits(row.y))
		for i, v := range z {
			if v != 0 {
				row.idx = append(row.idx, i)
				row.val = append(row.val, v)
				key = binary.LittleEndian.AppendUint32(key, uint32(i))
				key = binary.LittleEndian.AppendUint64(key, math.Float64bits(v))
			}
		}
		if at, ok := seen[string(key)]; ok {
			out[at].times++
			continue
		}
		seen[string(key)] = len(out)
		out = append(out, row)
	}
	return out
}

func (z sparseRow) dot(w []float64) float64 {
	s := 0.0
	for k, i := range z.idx {
		s += w[i] * z.val[k]
	}
	return s
}

// partPairs pairs each right window with the part's hardest wrong ones.
func partPairs(p Part) []extract.Features {
	var pos, neg []extract.Features
	for i, x := range p.X {
		if p.Pos[i] {
			pos = append(pos, x)
		} else {
			neg = append(neg, x)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return nil
	}
	sort.SliceStable(neg, func(i, j int) bool { return hardness(neg[i]) > hardness(neg[j]) })
	neg = neg[:min(len(neg), maxNegatives)]
	var out []extract.Features
	for _, x := range pos {
		for _, y := range neg {
			var d extract.Features
			for i := range d {
				d[i] = x[i] - y[i]
			}
			out = append(out, d)
		}
	}
	return out
}

// hardness orders wrong windows by how much of the question they hold.
func hardness(x extract.Features) float64 {
	return x[extract.FCoverWindow] + x[extract.FCoverSent] + x[extract.FKindOK]
}

// fitAccept fits the answer model on each part's winner: its score and
// features against whether it is right (every part of an unanswerable
// question is wrong).
func fitAccept(m *extract.Model, samples []Sample) {
	type row struct {
		z []float64
		y float64
	}
	var rows []row
	for _, s := range samples {
		for _, p := range s.Parts {
			best := extract.BestCover(p.X)
			for _, i := range leaders(m, p, acceptRows) {
				x := extract.WithRivals(p.X[i], best)
				score := m.Score(x)
				for f := range x {
					if extract.RankOnly(extract.Feature(f)) {
						x[f] = 0 // it ranks, through score; it does not answer
					}
				}
				z := append([]float64{1, score}, x[:]...)
				rows = append(rows, row{z, b2f(s.Answerable && p.Pos[i])})
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	zs := make([][]float64, len(rows))
	ys := make([]float64, len(rows))
	for i, r := range rows {
		zs[i], ys[i] = r.z, r.y
	}
	w := logistic(zs, ys, true, extract.FeatureSigns(), acceptL2)
	m.AcceptBias, m.AcceptScore = w[0], w[1]
	copy(m.Accept[:], w[2:])
}

// acceptRows is how many of each part's best candidates the answer model
// learns from: the winner alone gives too few examples of each way a near
// miss differs from an answer, and the runners-up are near misses too.
const acceptRows = 1

// leaders are the indexes of the part's n best candidates under m.
func leaders(m *extract.Model, p Part, n int) []int {
	idx := make([]int, len(p.X))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return m.Score(p.X[idx[a]]) > m.Score(p.X[idx[b]]) })
	return idx[:min(n, len(idx))]
}

// chooseThreshold picks the refusal threshold with the best balanced
// accuracy on the samples among those refusing at most
// maxFalseAbstention of the answerable questions. FitAll replaces it by
// one chosen on held-out folds.
func chooseThreshold(m *extract.Model, samples []Sample) float64 {
	return bestThreshold(func(t float64) Outcome {
		m.Threshold = t
		return Judge(m, samples)
	})
}

// FitAll fits the model on every sample and one model per held-out
// author, chooses the refusal threshold from the held-out folds (the
// pooled held-out false abstentions stay within maxFalseAbstention), and
// reports each author's held-out score under it.
func FitAll(samples []Sample) (extract.Weights, string) {
	type fold struct {
		author string
		m      *extract.Model
		test   []Sample
	}
	as := authors(samples)
	folds := make([]fold, len(as))
	var final *extract.Model
	// The folds are independent fits: one per core.
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	fit := func(dst **extract.Model, train []Sample) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			*dst = Fit(train)
			<-slots
		}()
	}
	for i, a := range as {
		train, test := split(samples, a)
		folds[i] = fold{author: a, test: test}
		fit(&folds[i].m, train)
	}
	fit(&final, samples)
	wg.Wait()
	pooled := func(t float64) Outcome {
		var all Outcome
		for _, f := range folds {
			f.m.Threshold = t
			o := Judge(f.m, f.test)
			all = add(all, o)
			all.WorstFalseAbstention = max(all.WorstFalseAbstention, ratio(o.FalseAbstained, o.Answerable))
		}
		return all
	}
	threshold := bestThreshold(pooled)
	w := extract.Weights{Folds: map[string]extract.ModelFile{}}
	final.Threshold = threshold
	w.Model = final.File()
	var b strings.Builder
	fmt.Fprintf(&b, "refusal threshold %.2f (chosen on the held-out folds)\n", threshold)
	fmt.Fprintf(&b, "%-10s %9s %9s %13s %9s\n", "held out", "questions", "accuracy", "unans refused", "false abst")
	for _, f := range folds {
		f.m.Threshold = threshold
		w.Folds[f.author] = f.m.File()
		o := Judge(f.m, f.test)
		fmt.Fprintf(&b, "%-10s %9d %9.3f %9d/%-3d %9d\n", f.author, o.Questions, o.Accuracy(), o.Refused, o.Unanswerable, o.FalseAbstained)
	}
	all := pooled(threshold)
	fmt.Fprintf(&b, "%-10s %9d %9.3f %9d/%-3d %9d   (held-out folds, pooled)\n", "all", all.Questions, all.Accuracy(), all.Refused, all.Unanswerable, all.FalseAbstained)
	in := Judge(final, samples)
	fmt.Fprintf(&b, "in-sample  %9d %9.3f (for comparison only)\n", in.Questions, in.Accuracy())
	return w, b.String()
}

// bestThreshold is the threshold with the best balanced accuracy (the
// mean of the answerable questions answered right and the unanswerable
// ones refused) among those whose outcome refuses at most
// maxFalseAbstention of the answerable questions, and at most
// maxAuthorFalseAbstention of any one author's. Plain accuracy would
// weigh an unanswerable question as one of five, as the sets hold them,
// and so settles where a wrong figure is offered for one in six; yet a
// refusal still shows the best sentence as related content, while a
// wrong answer is quoted as the fact.
func bestThreshold(judge func(t float64) Outcome) float64 {
	best, bestScore := 0.0, -1.0
	for t := 0.02; t < 0.9; t += 0.02 {
		o := judge(t)
		if ratio(o.FalseAbstained, o.Answerable) > maxFalseAbstention || o.WorstFalseAbstention > maxAuthorFalseAbstention {
			break
		}
		if score := o.balanced(); score > bestScore {
			best, bestScore = t, score
		}
	}
	return math.Round(best*100) / 100
}

// balanced is the mean of the share of answerable questions answered
// right and the share of unanswerable ones refused.
func (o Outcome) balanced() float64 {
	return (ratio(o.Correct-o.Refused, o.Answerable) + ratio(o.Refused, o.Unanswerable)) / 2
}

func add(a, b Outcome) Outcome {
	return Outcome{a.Questions + b.Questions, a.Correct + b.Correct, a.Answerable + b.Answerable,
		a.FalseAbstained + b.FalseAbstained, a.Unanswerable + b.Unanswerable, a.Refused + b.Refused,
		max(a.WorstFalseAbstention, b.WorstFalseAbstention)}
}

func authors(samples []Sample) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range samples {
		if !seen[s.Author] {
			seen[s.Author] = true
			out = append(out, s.Author)
		}
	}
	sort.Strings(out)
	return out
}

// split separates one author's samples from the rest.
func split(samples []Sample, author string) (train, test []Sample) {
	for _, s := range samples {
		if s.Author == author {
			test = append(test, s)
		} else {
			train = append(train, s)
		}
	}
	return train, test
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
