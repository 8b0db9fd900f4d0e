package retrieval

import (
	"testing"
	"time"

	"yearbookbot/retrieval/extract"
)

// BenchmarkSelect times the answer selector alone (extract.Choose over the
// retrieved passages, already prepared) for each dev question in turn:
// the part of BenchmarkAsk that the selector's features cost, without
// search and question analysis. It reports p50-µs and p99-µs.
//
//	go test ./retrieval -run '^$' -bench Select -benchtime 3000x
func BenchmarkSelect(b *testing.B) {
	e := defaultEngine(b)
	var rs []result
	for _, q := range devQuestions(b) {
		r, err := e.answerIn(b.Context(), extract.Analyze(e.Normalize(q)), tier{years: e.syn.years})
		if err != nil {
			b.Fatal(err)
		}
		if r.usable {
			rs = append(rs, r)
		}
	}
	var durs []time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		r := rs[i%len(rs)]
		i++
		t0 := time.Now()
		extract.Choose(r.asked, r.pre, rankings(r.lists, r.hits), r.set, e.model)
		durs = append(durs, time.Since(t0))
	}
	reportPercentiles(b, durs)
}
