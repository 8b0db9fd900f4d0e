// Benchmarks of the engine. Run them with
//
//	go test ./retrieval -run '^$' -bench 'Startup|Search|Ask|Open|Normalize|Segment' -benchtime 20x
//
// (BenchmarkAsk wants -benchtime 3000x for a stable p99). BenchmarkStartup
// reports, besides ns/op for Build in a warm process, process-ms and
// peak-rss-MB of a fresh child process that starts, builds the engine on
// the embedded yearbook (dictionary, OpenCC, index) and answers its first
// question; it fails when the peak resident memory exceeds the 100 MB
// budget. BenchmarkSearch and BenchmarkAsk report p50-µs and p99-µs.
package retrieval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"yearbookbot/corpus"
)

const (
	startupChildEnv = "YEARBOOKBOT_STARTUP_CHILD"
	peakRSSBudgetMB = 100
)

// startup is what a process does up to its first answer: load the
// embedded yearbook, build the engine (dictionary, OpenCC, index) and
// answer a question in Traditional characters, which touches every part.
func startup(t testing.TB) (*Engine, Answer) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Ask(t.Context(), "青島港去年集裝箱吞吐量多少？")
	if err != nil || !a.Answered || len(a.Facts) == 0 || !strings.Contains(a.Facts[0].Text, "2201万标准箱") {
		t.Fatalf("first answer: %+v, %v", a, err)
	}
	return e, a
}

// TestStartupChild is the child process of BenchmarkStartup; it does
// nothing in a normal test run.
func TestStartupChild(t *testing.T) {
	if os.Getenv(startupChildEnv) != "1" {
		t.Skip("child of BenchmarkStartup")
	}
	start := time.Now()
	e, _ := startup(t)
	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	e.Close()
	fmt.Printf("STARTUP elapsed_us=%d hwm_kb=%d heap_sys_kb=%d\n", elapsed.Microseconds(), vmHWM(t), ms.HeapSys/1024)
}

// vmHWM is the peak resident set size of this process in kB.
func vmHWM(t testing.TB) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatalf("parse %q: %v", l, err)
			}
			return n
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		e, _ := startup(b)
		e.Close()
	}
	b.StopTimer()

	// A fresh process for the numbers that matter: time from exec to the
	// first answer and the peak resident memory.
	var procMS, inMS, peakMB []float64
	for range 3 {
		cmd := exec.CommandContext(b.Context(), os.Args[0], "-test.run=^TestStartupChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), startupChildEnv+"=1", "GOMAXPROCS="+strconv.Itoa(runtime.GOMAXPROCS(0)))
		t0 := time.Now()
		out, err := cmd.Output()
		wall := time.Since(t0)
		if err != nil {
			b.Fatalf("startup child: %v\n%s", err, out)
		}
		var us, hwm, heap int
		found := false
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			if _, err := fmt.Sscanf(sc.Text(), "STARTUP elapsed_us=%d hwm_kb=%d heap_sys_kb=%d", &us, &hwm, &heap); err == nil {
				found = true
			}
		}
		if !found {
			b.Fatalf("startup child printed no result:\n%s", out)
		}
		procMS = append(procMS, float64(wall.Microseconds())/1000)
		inMS = append(inMS, float64(us)/1000)
		peakMB = append(peakMB, float64(hwm)/1024)
	}
	b.ReportMetric(slices.Min(procMS), "process-ms")
	b.ReportMetric(slices.Min(inMS), "build-to-answer-ms")
	peak := slices.Max(peakMB)
	b.ReportMetric(peak, "peak-rss-MB")
	if peak > peakRSSBudgetMB {
		b.Errorf("start-up peak resident memory %.1f MB, budget %d MB", peak, peakRSSBudgetMB)
	}
}

// devQuestions returns the questions of the dev set.
func devQuestions(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/dev-questions.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	var qs []string
	for line := range strings.Lines(string(b)) {
		var q struct{ Question string }
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			tb.Fatalf("dev question %q: %v", line, err)
		}
		qs = append(qs, q.Question)
	}
	return qs
}

func BenchmarkSearch(b *testing.B) {
	e := defaultEngine(b)
	var termSets [][]string
	for _, q := range devQuestions(b) {
		termSets = append(termSets, e.Segment(e.Normalize(q)))
	}
	var durs []time.Duration
	i := 0
	for b.Loop() {
		terms := termSets[i%len(termSets)]
		i++
		t0 := time.Now()
		if _, err := e.Search(b.Context(), terms, 5); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(t0))
	}
	reportPercentiles(b, durs)
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	slices.Sort(durs)
	at := func(p float64) float64 {
		return float64(durs[min(len(durs)-1, int(p*float64(len(durs))))].Nanoseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

func BenchmarkSegment(b *testing.B) {
	e := defaultEngine(b)
	qs := devQuestions(b)
	var durs []time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		e.Segment(e.Normalize(qs[i%len(qs)]))
		durs = append(durs, time.Since(t0))
		i++
	}
	reportPercentiles(b, durs)
}

func BenchmarkNormalize100KB(b *testing.B) {
	n, err := newNormalizer()
	if err != nil {
		b.Fatal(err)
	}
	in := strings.Repeat("青島港集裝箱吞吐量", 12000)
	for b.Loop() {
		n.Normalize(in)
	}
}

func BenchmarkOpen(b *testing.B) {
	yb, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir() + "/idx"
	if err := WriteIndex(b.Context(), []corpus.Yearbook{yb}, dir, Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e, err := Open(b.Context(), dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}
