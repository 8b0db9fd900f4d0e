package retrieval

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"yearbookbot/corpus"
)

// bigTableRows is the size of the statistical table BenchmarkAskBigTable
// answers from: a yearbook's 统计资料 runs to hundreds of rows.
const bigTableRows = 300

// bigTableYearbook is a yearbook of one prose paragraph and one table of
// bigTableRows rows (station N: rainfall 2022, 2021, growth), read from
// Markdown as a user's file would be.
func bigTableYearbook(tb testing.TB) corpus.Yearbook {
	tb.Helper()
	var b strings.Builder
	b.WriteString("# 示例市年鉴2023\n\n## 气象\n\n### 降水\n\n2022年，全市平均降水量712.4毫米。\n\n")
	b.WriteString("表5 2022年各监测站降水量\n\n单位：毫米\n\n| 监测站 | 2022年 | 2021年 | 增长% |\n|---|---|---|---|\n")
	for i := 1; i <= bigTableRows; i++ {
		fmt.Fprintf(&b, "| 第%d号监测站 | %d.%d | %d.%d | %d.%d |\n", i, 500+i, i%10, 480+i, (i+3)%10, i%9, i%7)
	}
	yb, err := corpus.Parse("big-table.md", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return yb
}

// BenchmarkAskBigTable answers cell questions about a 300-row table:
// each cell is a paragraph, so the index holds over a thousand of them.
// It reports answer p50/p99 and fails if an answer is not the cell asked.
//
//	go test ./retrieval -run '^$' -bench AskBigTable -benchtime 3000x
func BenchmarkAskBigTable(b *testing.B) {
	yb := bigTableYearbook(b)
	e, err := Build(b.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	rows := []int{1, 37, 150, 299}
	for _, i := range rows {
		want := fmt.Sprintf("第%d号监测站（2022年）：%d.%d毫米", i, 500+i, i%10)
		a, err := e.Ask(b.Context(), fmt.Sprintf("2022年第%d号监测站降水量多少", i))
		if err != nil || !a.Answered || !strings.Contains(a.Facts[0].Text, want) {
			b.Fatalf("row %d: %+v, %v; want %s", i, a.Facts, err, want)
		}
	}
	var qs []string
	for i := 1; i <= bigTableRows; i += 7 {
		qs = append(qs, fmt.Sprintf("2022年第%d号监测站降水量多少", i), fmt.Sprintf("第%d号监测站增长多少", i))
	}
	lats := make([]time.Duration, 0, b.N)
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := e.Ask(b.Context(), qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		lats = append(lats, time.Since(start))
		i++
	}
	slices.Sort(lats)
	pct := func(p float64) float64 {
		return float64(lats[int(p*float64(len(lats)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
