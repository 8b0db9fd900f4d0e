package retrieval_test

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"yearbookbot/bot/render"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
	"yearbookbot/retrieval/evaluate"
)

func buildDefaultEngine(tb testing.TB) (*retrieval.Engine, corpus.Yearbook) {
	tb.Helper()
	yb, err := corpus.Default()
	if err != nil {
		tb.Fatalf("load the embedded yearbook: %v", err)
	}
	e, err := retrieval.Build(context.Background(), []corpus.Yearbook{yb}, retrieval.Options{})
	if err != nil {
		tb.Fatalf("build the engine: %v", err)
	}
	tb.Cleanup(func() { e.Close() })
	return e, yb
}

func loadQuestions(tb testing.TB, path string) []evaluate.Question {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	qs, err := evaluate.Load(f)
	if err != nil {
		tb.Fatalf("load %s: %v", path, err)
	}
	return qs
}

// TestQuestionSets is the regression gate of issue #3: the dev questions,
// the extra questions written after tuning and the three held-out sets
// written independently, judged by the README's rules on the text the bot
// would send.
func TestQuestionSets(t *testing.T) {
	e, yb := buildDefaultEngine(t)
	j, err := evaluate.NewJudge(yb.Passages())
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		path        string
		minAccuracy float64
	}{
		{"testdata/dev-questions.jsonl", 0.95},
		{"testdata/extra-questions.jsonl", 0.95},
		{"testdata/heldout-questions.jsonl", 0.95},
		{"testdata/heldout2-questions.jsonl", 0.95},
		{"testdata/heldout3-questions.jsonl", 0.95},
		{"testdata/heldout4-questions.jsonl", 0.95},
		{"testdata/heldout5-questions.jsonl", 0.95},
		// Measured blind while the engine was tuned on the others, then
		// kept as a regression gate.
		{"testdata/blind-questions.jsonl", 0.95},
	} {
		t.Run(set.path, func(t *testing.T) {
			qs := loadQuestions(t, set.path)
			rep, err := evaluate.Run(t.Context(), e, func(a retrieval.Answer) string { return render.Answer(a).Text }, j, qs)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rep.Failures() {
				t.Logf("FAIL %s [%s] %s\n  %s\n  reply: %s", r.ID, r.Type, r.Question, r.Why, r.Reply)
			}
			for _, ts := range rep.ByType {
				t.Logf("%-12s %d/%d", ts.Type, ts.Correct, ts.Total)
			}
			t.Logf("accuracy %.3f, false abstentions %d/%d, refused %d/%d, top1 %.2f top3 %.2f, median reply %d runes",
				rep.Accuracy, rep.FalseAbstentions, rep.Answerable, rep.Refused, rep.Unanswerable, rep.Top1, rep.Top3, rep.MedianReplyRunes)
			if os.Getenv("ASK_VERBOSE") != "" {
				for _, r := range rep.Results {
					t.Logf("%s ok=%v %s\n  %s", r.ID, r.Correct, r.Question, r.Reply)
				}
			}
			if rep.Accuracy < set.minAccuracy {
				t.Errorf("accuracy %.3f, want ≥ %.2f", rep.Accuracy, set.minAccuracy)
			}
			if rep.FalseAbstentionRate > 0.03 {
				t.Errorf("false abstention rate %.3f, want ≤ 0.03", rep.FalseAbstentionRate)
			}
			if rep.MedianReplyRunes > 200 {
				t.Errorf("median reply %d runes, want ≤ 200", rep.MedianReplyRunes)
			}
		})
	}
}

// BenchmarkAsk answers every dev question in turn and reports the latency
// percentiles of one answer.
func BenchmarkAsk(b *testing.B) {
	e, _ := buildDefaultEngine(b)
	qs := loadQuestions(b, "testdata/dev-questions.jsonl")
	ctx := context.Background()
	lats := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if _, err := e.Ask(ctx, q.Question); err != nil {
			b.Fatal(err)
		}
		lats = append(lats, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
	pct := func(p float64) float64 {
		return float64(lats[int(p*float64(len(lats)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
