// BenchmarkThroughput drives the whole bot (Serve in polling mode: Poller,
// handler, Sender with SendRate 0, i.e. no send limits) through the fake Bot
// API server. Its sub-benchmarks differ in the engine:
//
//   - fake: the fake engine, so that the bot is measured apart from search;
//   - real: retrieval.Build on the embedded yearbook, asked the questions of
//     retrieval/testdata/dev-questions.jsonl in turn: what users get;
//   - real+store: the same with a data folder, so every question is also
//     logged to the bbolt store (target ≥ 1,500 updates/s, p99 ≤ 20 ms).
//
// Run it with:
//
//	go test ./bot/ -run '^$' -bench Throughput -benchtime 2000x
//
// It reports
//   - updates/s: b.N questions from b.N private chats queued at once, until
//     every one is answered (target ≥ 500 on 2 cores);
//   - cpu-µs/update and cores: the CPU time of that burst (the whole
//     process: bot, engine and fake server) per update, and the cores it
//     got on average; on a shared machine updates/s ≈ cores / CPU time;
//   - p50-ms, p99-ms: from an update being queued to its reply being sent,
//     with b.N further questions fed at 500 updates/s (target p99 ≤ 50 ms).
package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram/telegramtest"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

func BenchmarkThroughput(b *testing.B) {
	b.Run("fake", func(b *testing.B) {
		benchThroughput(b, newFakeEngine(), []string{"2020年青岛港货物吞吐量是多少"}, Options{})
	})
	b.Run("real", func(b *testing.B) {
		benchThroughput(b, realEngine(b), devQuestions(b), Options{})
	})
	// With a data folder every answer is also logged (bbolt, batched) and
	// carries feedback buttons.
	b.Run("real+store", func(b *testing.B) {
		benchThroughput(b, realEngine(b), devQuestions(b), Options{DataDir: b.TempDir(), LogRetention: store.DefaultRetention})
	})
}

// BenchmarkExamples is what example questions add to start-up with the
// real engine (target: well under 20 ms).
func BenchmarkExamples(b *testing.B) {
	e := realEngine(b)
	b.ResetTimer()
	for b.Loop() {
		if ex := exampleQuestions(b.Context(), e, numExamples); len(ex) < numExamples {
			b.Fatalf("%d examples", len(ex))
		}
	}
}

func realEngine(b *testing.B) *retrieval.Engine {
	b.Helper()
	yb, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	e, err := retrieval.Build(b.Context(), []corpus.Yearbook{yb}, retrieval.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	return e
}

func devQuestions(b *testing.B) []string {
	b.Helper()
	f, err := os.Open("../retrieval/testdata/dev-questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct{ Question string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			b.Fatalf("dev question %q: %v", sc.Text(), err)
		}
		qs = append(qs, q.Question)
	}
	if err := sc.Err(); err != nil || len(qs) == 0 {
		b.Fatalf("dev questions: %d, %v", len(qs), err)
	}
	return qs
}

func benchThroughput(b *testing.B, e Engine, questions []string, opts Options) {
	var (
		mu      sync.Mutex
		queued  = map[int64]time.Time{} // chat → when its question was queued
		latency []time.Duration
	)
	srv := telegramtest.NewServer(b, telegramtest.WithoutLog(), telegramtest.WithMaxLongPoll(time.Second),
		telegramtest.WithSendHook(func(m telegramtest.Message) {
			mu.Lock()
			defer mu.Unlock()
			if t0, ok := queued[m.ChatID]; ok {
				latency = append(latency, m.Time.Sub(t0))
				delete(queued, m.ChatID)
			}
		}))
	ctx, cancel := context.WithCancel(context.WithoutCancel(b.Context()))
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, func(context.Context) (Engine, error) { return e, nil },
			Options{Token: srv.Token, APIEndpoint: srv.Endpoint(), SendRate: 0, Logger: slog.New(slog.DiscardHandler),
				DataDir: opts.DataDir, LogRetention: opts.LogRetention},
			serveHooks{})
	}()
	wait, waitCancel := context.WithTimeout(b.Context(), 5*time.Minute)
	defer waitCancel()
	// The poller deletes any webhook right before it polls.
	if err := srv.WaitUntil(wait, func() bool { return srv.CallCount("deleteWebhook") > 0 }); err != nil {
		b.Fatalf("bot not polling: %v", err)
	}

	chat := int64(1)
	enqueue := func(n int, record bool) {
		for range n {
			c := telegramtest.Private(chat)
			m := srv.NewMessage(c, questions[int(chat)%len(questions)])
			chat++
			if record {
				mu.Lock()
				queued[c.ID] = time.Now()
				mu.Unlock()
			}
			srv.AddUpdate(tgbotapi.Update{Message: m})
		}
	}
	sentWait := func(n int) {
		if err := srv.WaitUntil(wait, func() bool { return srv.SentCount() >= n }); err != nil {
			b.Fatalf("%d of %d answered: %v", srv.SentCount(), n, err)
		}
	}

	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	enqueue(b.N, false)
	sentWait(b.N)
	burst, cpu := time.Since(start), cpuTime()-cpu0
	b.StopTimer()

	// Paced phase: 5 updates every 10 ms = 500/s.
	tick := time.NewTicker(10 * time.Millisecond)
	for left := b.N; left > 0; left -= 5 {
		<-tick.C
		enqueue(min(5, left), true)
	}
	tick.Stop()
	sentWait(2 * b.N)

	cancel()
	if err := <-done; err != nil {
		b.Fatalf("Serve: %v", err)
	}
	if v := srv.Violations(); len(v) > 0 {
		b.Fatalf("Telegram would refuse %d texts, first: %s", len(v), v[0])
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(latency)
	pct := func(p float64) float64 {
		if len(latency) == 0 {
			return 0
		}
		return float64(latency[min(len(latency)-1, int(p*float64(len(latency))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(float64(b.N)/burst.Seconds(), "updates/s")
	// What the burst cost in CPU (bot, engine and fake server together),
	// and how many cores it got: on a shared machine updates/s follows the
	// cores left to it, the CPU an update costs much less so.
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/update")
	b.ReportMetric(cpu.Seconds()/burst.Seconds(), "cores")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
