// Benchmarks of a library: the embedded yearbook beside the shared
// distractor documents (../shared/corpus/distractors), and the same
// documents loaded 3 and 10 times over under other titles and years.
// Each measurement that reports peak memory runs in a child process of its
// own (the test binary re-executed), so the peak is that step's alone:
//
//	go test ./retrieval -run '^$' -bench 'Library' -benchtime 1x -timeout 30m
package retrieval_test

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

const libraryChildEnv = "YEARBOOKBOT_LIBRARY_CHILD"

// scaledLibrary is the embedded yearbook and every distractor text file
// loaded scale times, each copy under its own file name, title and year,
// parsed in memory so that no folder de-duplication applies.
func scaledLibrary(tb testing.TB, scale int) []corpus.Yearbook {
	tb.Helper()
	if scale == 0 {
		return loadLibrary(tb)
	}
	yb, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	ybs := []corpus.Yearbook{yb}
	files, _ := filepath.Glob(filepath.Join(distractorsDir, "*.txt"))
	if len(files) == 0 {
		abs, _ := filepath.Abs(distractorsDir)
		tb.Fatalf("no distractor documents in %s", abs)
	}
	for c := range scale {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			base := strings.TrimSuffix(filepath.Base(f), ".txt")
			d := corpus.Declared{Title: fmt.Sprintf("%s copy %d", base, c+1), Kind: corpus.DocReport, Edition: 2026 - c}
			y, err := corpus.ParseAs(fmt.Sprintf("%s-copy%d.txt", base, c+1), data, d)
			if err != nil {
				tb.Fatal(err)
			}
			ybs = append(ybs, y)
		}
	}
	return ybs
}

// TestLibraryChild is the child process of the library benchmarks; it does
// nothing in a normal test run. YEARBOOKBOT_LIBRARY_CHILD is
// "index SCALE DIR" (write the index of a library: scale 0 is the shared
// folder as it is) or "serve DIR" (open it, answer a first question, then
// the dev set five times for the latencies).
func TestLibraryChild(t *testing.T) {
	spec := strings.Fields(os.Getenv(libraryChildEnv))
	if len(spec) == 0 {
		t.Skip("child of the library benchmarks")
	}
	ctx := context.Background()
	switch spec[0] {
	case "index":
		scale, _ := strconv.Atoi(spec[1])
		start := time.Now()
		ybs := scaledLibrary(t, scale)
		if err := retrieval.WriteIndex(ctx, ybs, spec[2], retrieval.Options{Default: "青岛"}); err != nil {
			t.Fatal(err)
		}
		text := 0
		for _, yb := range ybs {
			for _, p := range yb.Passages() {
				text += len(p.Paragraph.Text)
			}
		}
		fmt.Printf("LIBRARY index_ms=%d cpu_ms=%d hwm_kb=%d size_kb=%d text_kb=%d\n", time.Since(start).Milliseconds(), cpuTime().Milliseconds(), peakKB(t), dirKB(t, spec[2]), text/1024)
	case "serve":
		start := time.Now()
		e, err := retrieval.Open(ctx, spec[1], retrieval.Options{Default: "青岛"})
		if err != nil {
			t.Fatal(err)
		}
		a, err := e.Ask(ctx, "青島港去年集裝箱吞吐量多少？")
		if err != nil || !a.Answered || !strings.Contains(a.Facts[0].Text, "2201万标准箱") {
			t.Fatalf("first answer: %+v, %v", a, err)
		}
		ready, cpu, hwm := time.Since(start), cpuTime(), peakKB(t)
		qs := loadQuestions(t, "testdata/dev-questions.jsonl")
		var lats []time.Duration
		for range 5 {
			for _, q := range qs {
				t0 := time.Now()
				if _, err := e.Ask(ctx, q.Question); err != nil {
					t.Fatal(err)
				}
				lats = append(lats, time.Since(t0))
			}
		}
		slices.Sort(lats)
		pct := func(p float64) int64 { return lats[int(p*float64(len(lats)-1))].Microseconds() }
		fmt.Printf("LIBRARY ready_ms=%d cpu_ms=%d hwm_kb=%d p50_us=%d p99_us=%d\n", ready.Milliseconds(), cpu.Milliseconds(), hwm, pct(0.5), pct(0.99))
	default:
		t.Fatalf("unknown child %q", spec)
	}
}

// peakKB is this process's peak resident set size.
func peakKB(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for l := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

func dirKB(t *testing.T, dir string) int {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return int(total / 1024)
}

// child runs one child process and returns the numbers it printed.
func child(b *testing.B, spec string) map[string]float64 {
	b.Helper()
	cmd := exec.CommandContext(b.Context(), os.Args[0], "-test.run=^TestLibraryChild$", "-test.count=1", "-test.v", "-test.timeout=0")
	cmd.Env = append(os.Environ(), libraryChildEnv+"="+spec)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child %q: %v\n%s", spec, err, out)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "LIBRARY ")
		if !ok {
			continue
		}
		m := map[string]float64{}
		for _, kv := range strings.Fields(rest) {
			k, v, _ := strings.Cut(kv, "=")
			m[k], _ = strconv.ParseFloat(v, 64)
		}
		return m
	}
	b.Fatalf("child %q printed no result:\n%s", spec, out)
	return nil
}

// benchLibrary indexes a library and serves it, each in a child process,
// and reports index time and peak memory, index size, time from start to
// the first answer and its peak memory, and answer latencies.
func benchLibrary(b *testing.B, scale int) {
	dir := filepath.Join(b.TempDir(), "index")
	for b.Loop() {
		os.RemoveAll(dir)
		ix := child(b, fmt.Sprintf("index %d %s", scale, dir))
		sv := child(b, "serve "+dir)
		b.ReportMetric(ix["index_ms"]/1000, "index-s")
		b.ReportMetric(ix["cpu_ms"]/1000, "index-cpu-s")
		b.ReportMetric(ix["hwm_kb"]/1024, "index-peak-MB")
		b.ReportMetric(ix["size_kb"]/1024, "index-MB")
		b.ReportMetric(ix["text_kb"]/1024, "text-MB")
		b.ReportMetric(sv["ready_ms"]/1000, "ready-s")
		b.ReportMetric(sv["cpu_ms"]/1000, "ready-cpu-s")
		b.ReportMetric(sv["hwm_kb"]/1024, "serve-peak-MB")
		b.ReportMetric(sv["p50_us"]/1000, "p50-ms")
		b.ReportMetric(sv["p99_us"]/1000, "p99-ms")
	}
}

// BenchmarkLibrary is the shared library as a user would load it: the
// embedded yearbook and the distractor folder.
func BenchmarkLibrary(b *testing.B) { benchLibrary(b, 0) }

// BenchmarkLibraryGrowth builds 1×, 3× and 10× libraries.
func BenchmarkLibraryGrowth(b *testing.B) {
	for _, scale := range []int{1, 3, 10} {
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) { benchLibrary(b, scale) })
	}
}
