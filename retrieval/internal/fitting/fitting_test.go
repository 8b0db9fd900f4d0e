package fitting

import (
	"math"
	"slices"
	"testing"

	"yearbookbot/retrieval/evaluate"
	"yearbookbot/retrieval/extract"
)

func TestPositive(t *testing.T) {
	fig := evaluate.Question{Type: "figure", GoldLines: []int{3}, GoldFigures: []string{"34个"}}
	kw := evaluate.Question{Type: "keyword", GoldLines: []int{3}}
	un := evaluate.Question{Type: "unanswerable"}
	for _, tc := range []struct {
		q    evaluate.Question
		line int
		text string
		want bool
	}{
		{fig, 3, "新增项目34个", true},
		{fig, 3, "新增项目134个", false}, // not inside a longer number
		{fig, 4, "新增项目34个", false},  // not a gold line
		{kw, 3, "这一句话有十二个字以上的长度", true},
		{kw, 3, "太短了", false},
		{un, 3, "新增项目34个", false},
	} {
		if got := positive(tc.q, tc.line, tc.text); got != tc.want {
			t.Errorf("positive(%s, %d, %q) = %v, want %v", tc.q.Type, tc.line, tc.text, got, tc.want)
		}
	}
}

// The ranker learns to put the window with the figure asked first when
// that is what separates right from wrong windows.
func TestFitLearnsASeparatingFeature(t *testing.T) {
	var samples []Sample
	for i := range 20 {
		var right, wrong extract.Features
		right[extract.FKindOK] = 1
		right[extract.FCoverWindow] = 0.3
		wrong[extract.FCoverWindow] = 0.6
		s := Sample{ID: "q", Author: []string{"a", "b"}[i%2], Answerable: true,
			Parts: []Part{{X: []extract.Features{wrong, right}, Pos: []bool{false, true}}}}
		samples = append(samples, s)
	}
	m := Fit(samples)
	if m.Rank[extract.FKindOK] <= 0 {
		t.Fatalf("kind_ok weight %v, want > 0", m.Rank[extract.FKindOK])
	}
	if o := Judge(m, samples); o.Correct != len(samples) {
		t.Errorf("fitted model right on %d of %d separable samples", o.Correct, len(samples))
	}
	w, _ := FitAll(samples)
	if len(w.Folds) != 2 {
		t.Errorf("folds %v, want one per author", w.Folds)
	}
}

// A disagreement that happens to mark the right window in the data still
// gets no positive weight: the fit keeps it on its side of zero.
func TestFitKeepsDisagreementsAgainst(t *testing.T) {
	var samples []Sample
	for range 20 {
		var right, wrong extract.Features
		right[extract.FPlaceMiss] = 1
		right[extract.FCoverWindow] = 0.6
		wrong[extract.FCoverWindow] = 0.5
		samples = append(samples, Sample{ID: "q", Author: "a", Answerable: true,
			Parts: []Part{{X: []extract.Features{wrong, right}, Pos: []bool{false, true}}}})
	}
	m := Fit(samples)
	if m.Rank[extract.FPlaceMiss] > 0 {
		t.Errorf("place_miss ranking weight %v, want ≤ 0", m.Rank[extract.FPlaceMiss])
	}
	if m.Rank[extract.FCoverWindow] <= 0 {
		t.Errorf("cover_window ranking weight %v, want > 0 (free features still learn)", m.Rank[extract.FCoverWindow])
	}
	if m.Accept[extract.FPlaceMiss] > 0 {
		t.Errorf("place_miss answer weight %v, want ≤ 0", m.Accept[extract.FPlaceMiss])
	}
}

// The threshold weighs the answerable questions answered and the
// unanswerable ones refused alike, and never refuses more answerable
// questions than the folds may: pooled or for one author.
func TestBestThreshold(t *testing.T) {
	// 100 answerable and 20 unanswerable questions; raising the threshold
	// refuses one more unanswerable question each step up to 0.40, and
	// one more answerable question each step from 0.20.
	outcome := func(t float64) Outcome {
		step := int(math.Round(t / 0.02))
		refused := min(step, 20)
		fa := max(0, step-10)
		return Outcome{Questions: 120, Answerable: 100, Unanswerable: 20, Refused: refused,
			FalseAbstained: fa, Correct: 100 - fa + refused, WorstFalseAbstention: float64(fa) / 100}
	}
	// Accuracy alone is flat from 0.20 on (each unanswerable question
	// refused costs an answerable one) and would keep 0.20; balanced
	// accuracy goes on while false abstentions stay within
	// maxFalseAbstention (2 of 100).
	if got := bestThreshold(outcome); got != 0.24 {
		t.Errorf("bestThreshold = %.2f, want 0.24", got)
	}
	// One author refused too often stops the search earlier.
	worst := func(t float64) Outcome {
		o := outcome(t)
		if t > 0.15 {
			o.WorstFalseAbstention = 0.1
		}
		return o
	}
	if got := bestThreshold(worst); got != 0.14 {
		t.Errorf("bestThreshold with a failed author = %.2f, want 0.14", got)
	}
}

// A rank-only feature orders a part's candidates and is kept out of the
// answer model, though in the data it marks the unanswerable questions.
func TestFitKeepsRankOnlyFeaturesOutOfAccept(t *testing.T) {
	var samples []Sample
	for i := range 40 {
		var right, wrong extract.Features
		right[extract.FCoverWindow], wrong[extract.FCoverWindow] = 0.5, 0.5
		wrong[extract.FQualifiedCount] = 1
		s := Sample{ID: "q", Author: []string{"a", "b"}[i%2], Answerable: i%4 != 0,
			Parts: []Part{{X: []extract.Features{wrong, right}, Pos: []bool{false, true}}}}
		if !s.Answerable {
			right[extract.FQualifiedCount] = 1
			s.Parts[0].X = []extract.Features{right}
			s.Parts[0].Pos = []bool{false}
		}
		samples = append(samples, s)
	}
	m := Fit(samples)
	if m.Rank[extract.FQualifiedCount] >= 0 {
		t.Errorf("qualified_count rank weight %v, want < 0", m.Rank[extract.FQualifiedCount])
	}
	if m.Accept[extract.FQualifiedCount] != 0 {
		t.Errorf("qualified_count accept weight %v, want 0 (rank only)", m.Accept[extract.FQualifiedCount])
	}
}

// Repeated rows are kept once and counted, and the fit over them is the
// fit over every row: the counts weigh each distinct row's gradient.
func TestSparseRowsCountRepeats(t *testing.T) {
	rows := [][]float64{{1, 0, 2}, {0, 0, -1}, {1, 0, 2}, {1, 0, 2}, {0, 0, -1}}
	tests := []struct {
		name  string
		ys    []float64
		times []float64
	}{
		{"pairs (all labelled 1)", nil, []float64{3, 2}},
		{"labels tell rows apart", []float64{1, 0, 0, 1, 0}, []float64{2, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sparseRows(rows, tc.ys)
			var times []float64
			for _, r := range got {
				times = append(times, r.times)
			}
			if !slices.Equal(times, tc.times) {
				t.Fatalf("counts %v, want %v", times, tc.times)
			}
			if !slices.Equal(got[0].idx, []int{0, 2}) || !slices.Equal(got[0].val, []float64{1, 2}) {
				t.Errorf("first row %+v, want entries 0 and 2", got[0])
			}
		})
	}
	once := [][]float64{{1, 0.5}, {-0.2, 1}}
	twice := append(slices.Clone(once), once...)
	a := logistic(once, nil, false, nil, l2)
	b := logistic(twice, nil, false, nil, l2)
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			t.Errorf("weight %d: %v over the rows, %v over them twice", i, a[i], b[i])
		}
	}
}
