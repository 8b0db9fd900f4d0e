package evaluate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"yearbookbot/retrieval"
)

// Result is one question's outcome.
type Result struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Question string        `json:"question"`
	Reply    string        `json:"reply"`
	Latency  time.Duration `json:"-"`
	// Rank is the 1-based position in the hits where the gold lines are
	// all found (any one for non-multi questions); 0 = not retrieved or
	// unanswerable.
	Rank int `json:"rank,omitempty"`
	Verdict
}

// TypeScore is the accuracy on one question type.
type TypeScore struct {
	Type     string  `json:"type"`
	Total    int     `json:"total"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// Report sums up a run.
type Report struct {
	Questions int         `json:"questions"`
	Correct   int         `json:"correct"`
	Accuracy  float64     `json:"accuracy"`
	ByType    []TypeScore `json:"by_type"`

	Unanswerable   int     `json:"unanswerable"`
	Refused        int     `json:"refused"`         // unanswerable questions the engine refused
	AbstentionRate float64 `json:"abstention_rate"` // Refused / Unanswerable

	Answerable          int     `json:"answerable"`
	FalseAbstentions    int     `json:"false_abstentions"`
	FalseAbstentionRate float64 `json:"false_abstention_rate"`

	// Retrieval alone, over answerable questions: a gold line in the top k
	// hits (all gold lines for multi questions).
	Top1 float64 `json:"retrieval_top1"`
	Top3 float64 `json:"retrieval_top3"`

	MedianReplyRunes int           `json:"median_reply_runes"`
	LatencyP50       time.Duration `json:"-"`
	LatencyP99       time.Duration `json:"-"`

	Results []Result `json:"results"`
}

// Failures are the questions judged wrong, in question order.
func (r Report) Failures() []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Correct {
			out = append(out, res)
		}
	}
	return out
}

// Run asks every question, renders each answer with render (the text a
// user would read) and judges it. An Ask error counts as a wrong reply; Run
// itself fails only when the question set does not fit the yearbook or ctx
// ends. Each question is asked timedRounds times for its latency.
func Run(ctx context.Context, asker retrieval.Asker, render func(retrieval.Answer) string, j *Judge, qs []Question) (Report, error) {
	return run(ctx, timedRounds, asker, render, j, qs)
}

// RunOnce is Run asking each question once: for tests, which read the
// replies and not the latency, it costs a fifth of Run.
func RunOnce(ctx context.Context, asker retrieval.Asker, render func(retrieval.Answer) string, j *Judge, qs []Question) (Report, error) {
	return run(ctx, 1, asker, render, j, qs)
}

func run(ctx context.Context, rounds int, asker retrieval.Asker, render func(retrieval.Answer) string, j *Judge, qs []Question) (Report, error) {
	if err := j.Check(qs); err != nil {
		return Report{}, err
	}
	results := make([]Result, 0, len(qs))
	for _, q := range qs {
		if err := ctx.Err(); err != nil {
			return Report{}, fmt.Errorf("evaluation stopped after %d of %d questions: %w", len(results), len(qs), err)
		}
		a, lat, err := timedAsk(ctx, rounds, asker, q.Question)
		res := Result{ID: q.ID, Type: q.Type, Question: q.Question, Latency: lat}
		if err != nil {
			if ctx.Err() != nil {
				return Report{}, fmt.Errorf("evaluation stopped at %s: %w", q.ID, ctx.Err())
			}
			res.Why = "ask failed: " + err.Error()
			results = append(results, res)
			continue
		}
		res.Reply = render(a)
		res.Verdict = j.Judge(q, a, res.Reply)
		if q.Answerable() {
			res.Rank = goldRank(q, a.Hits)
		}
		results = append(results, res)
	}
	return summarize(qs, results), nil
}

// timedRounds is how often each question is asked for its latency. With
// one run, the p99 of a 50-question set is its slowest run, decided by a
// cold cache or a GC pause rather than by the question.
const timedRounds = 5

// timedAsk answers q and returns the answer of the first run with the
// median latency of rounds runs; the engine is deterministic, so later
// runs only time it.
func timedAsk(ctx context.Context, rounds int, asker retrieval.Asker, q string) (retrieval.Answer, time.Duration, error) {
	var first retrieval.Answer
	lats := make([]time.Duration, 0, rounds)
	for i := range rounds {
		start := time.Now()
		a, err := asker.Ask(ctx, q)
		lats = append(lats, time.Since(start))
		if err != nil {
			return retrieval.Answer{}, lats[0], err
		}
		if i == 0 {
			first = a
		}
	}
	slices.Sort(lats)
	return first, lats[len(lats)/2], nil
}

// goldRank is the smallest k such that the top k hits hold a gold line
// (all gold lines for a multi question), 0 when they never do.
func goldRank(q Question, hits []retrieval.Hit) int {
	need := 1
	if q.Type == TypeMulti {
		need = len(q.GoldLines)
	}
	found := map[int]bool{}
	for i, h := range hits {
		if slices.Contains(q.GoldLines, h.Line) {
			found[h.Line] = true
		}
		if len(found) >= need {
			return i + 1
		}
	}
	return 0
}

func summarize(qs []Question, results []Result) Report {
	r := Report{Questions: len(results), Results: results}
	byType := map[string]*TypeScore{}
	var lats []time.Duration
	var runes []int
	top1, top3 := 0, 0
	for i, res := range results {
		q := qs[i]
		ts := byType[q.Type]
		if ts == nil {
			ts = &TypeScore{Type: q.Type}
			byType[q.Type] = ts
		}
		ts.Total++
		if res.Correct {
			ts.Correct++
			r.Correct++
		}
		if q.Answerable() {
			r.Answerable++
			if res.Abstained {
				r.FalseAbstentions++
			}
			if res.Rank == 1 {
				top1++
			}
			if res.Rank >= 1 && res.Rank <= 3 {
				top3++
			}
		} else {
			r.Unanswerable++
			if res.Abstained {
				r.Refused++
			}
		}
		lats = append(lats, res.Latency)
		runes = append(runes, utf8.RuneCountInString(res.Reply))
	}
	for _, t := range types {
		if ts := byType[t]; ts != nil {
			ts.Accuracy = ratio(ts.Correct, ts.Total)
			r.ByType = append(r.ByType, *ts)
		}
	}
	r.Accuracy = ratio(r.Correct, r.Questions)
	r.AbstentionRate = ratio(r.Refused, r.Unanswerable)
	r.FalseAbstentionRate = ratio(r.FalseAbstentions, r.Answerable)
	r.Top1 = ratio(top1, r.Answerable)
	r.Top3 = ratio(top3, r.Answerable)
	sort.Ints(runes)
	r.MedianReplyRunes = median(runes)
	slices.Sort(lats)
	r.LatencyP50 = percentile(lats, 0.50)
	r.LatencyP99 = percentile(lats, 0.99)
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func median(sorted []int) int {
	n := len(sorted)
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return sorted[n/2]
	default:
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(float64(len(sorted))*p+0.999999999) - 1
	k = max(0, min(k, len(sorted)-1))
	return sorted[k]
}

// MarshalJSON adds the latencies in milliseconds.
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report
	type result struct {
		Result
		LatencyMS float64 `json:"latency_ms"`
	}
	rs := make([]result, len(r.Results))
	for i, res := range r.Results {
		rs[i] = result{res, ms(res.Latency)}
	}
	return json.Marshal(struct {
		plain
		LatencyP50MS float64  `json:"latency_p50_ms"`
		LatencyP99MS float64  `json:"latency_p99_ms"`
		Results      []result `json:"results"`
	}{plain(r), ms(r.LatencyP50), ms(r.LatencyP99), rs})
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// WriteText writes the report for a terminal: the scores, then each
// failure with its question, reply and reason.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "accuracy %.3f (%d/%d)\n", r.Accuracy, r.Correct, r.Questions)
	for _, t := range r.ByType {
		fmt.Fprintf(&b, "  %-13s %.3f (%d/%d)\n", t.Type, t.Accuracy, t.Correct, t.Total)
	}
	fmt.Fprintf(&b, "abstention on unanswerable %.3f (%d/%d)\n", r.AbstentionRate, r.Refused, r.Unanswerable)
	fmt.Fprintf(&b, "false abstentions %d of %d answerable (%.1f%%)\n", r.FalseAbstentions, r.Answerable, 100*r.FalseAbstentionRate)
	fmt.Fprintf(&b, "retrieval top-1 %.3f, top-3 %.3f\n", r.Top1, r.Top3)
	fmt.Fprintf(&b, "median reply %d characters\n", r.MedianReplyRunes)
	fmt.Fprintf(&b, "latency p50 %s, p99 %s (each question's median of %d runs)\n", r.LatencyP50, r.LatencyP99, timedRounds)
	if f := r.Failures(); len(f) > 0 {
		fmt.Fprintf(&b, "\n%d failures:\n", len(f))
		for _, res := range f {
			fmt.Fprintf(&b, "\n%s [%s] %s\n  why:   %s\n  reply: %s\n", res.ID, res.Type, res.Question, res.Why,
				strings.ReplaceAll(res.Reply, "\n", "\n         "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteComparison prints the headline figures of several runs of one
// question set side by side (the engine and the naive baseline), with the
// accuracy on answerable questions that the baseline is measured by.
func WriteComparison(w io.Writer, names []string, reps []Report) error {
	rows := []struct {
		label string
		value func(Report) string
	}{
		{"accuracy", func(r Report) string { return fmt.Sprintf("%.3f (%d/%d)", r.Accuracy, r.Correct, r.Questions) }},
		{"answerable accuracy", func(r Report) string {
			return fmt.Sprintf("%.3f (%d/%d)", ratio(r.AnswerableCorrect(), r.Answerable), r.AnswerableCorrect(), r.Answerable)
		}},
		{"unanswerable refused", func(r Report) string { return fmt.Sprintf("%d/%d", r.Refused, r.Unanswerable) }},
		{"false abstentions", func(r Report) string { return fmt.Sprintf("%d", r.FalseAbstentions) }},
		{"retrieval top-1", func(r Report) string { return fmt.Sprintf("%.3f", r.Top1) }},
		{"median reply", func(r Report) string { return fmt.Sprintf("%d chars", r.MedianReplyRunes) }},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s", "")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-16s", n)
	}
	b.WriteByte('\n')
	for _, row := range rows {
		fmt.Fprintf(&b, "%-22s", row.label)
		for _, r := range reps {
			fmt.Fprintf(&b, "  %-16s", row.value(r))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// AnswerableCorrect counts the answerable questions judged correct.
func (r Report) AnswerableCorrect() int {
	n := 0
	for _, res := range r.Results {
		if res.Correct && res.Type != TypeUnanswerable {
			n++
		}
	}
	return n
}
