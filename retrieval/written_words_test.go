package retrieval

import (
	"strconv"
	"testing"
)

// A remembered answer is the written index's, asked again or not, and no
// more words are remembered than the bound.
func TestWrittenWordsAsIndex(t *testing.T) {
	e := defaultEngine(t)
	for _, w := range []string{"集装箱", "刑事案件", "胶东国际机场", "2201", "人口", "地铁6号线", "总盘子"} {
		want := len(e.writtenOf(0).Lookup([]byte(w), 1)) > 0
		for round := range 2 {
			if got := e.writes(0, w); got != want {
				t.Errorf("round %d: writes(%q) = %v, want %v", round, w, got, want)
			}
		}
	}
	if !e.writes(0, "集装箱") || e.writes(0, "刑事案件") {
		t.Fatal("the yearbook writes 集装箱, not 刑事案件")
	}
	for i := range maxWrittenWords + 10 {
		e.writes(0, "词"+strconv.Itoa(i))
	}
	if n := e.written[0].words.n.Load(); n != maxWrittenWords {
		t.Errorf("%d words remembered, want %d", n, maxWrittenWords)
	}
	if !e.writes(0, "吞吐量") {
		t.Error("a word past the bound: writes(吞吐量) = false")
	}
}

// The bound holds over all documents: each gets a share, never below
// the floor, so a library of many documents remembers little more than
// one.
func TestWrittenShare(t *testing.T) {
	for _, tc := range []struct {
		docs int
		want int32
	}{{0, maxWrittenWords}, {1, maxWrittenWords}, {4, maxWrittenWords / 4}, {1000, minWrittenWords}} {
		if got := writtenShare(tc.docs); got != tc.want {
			t.Errorf("writtenShare(%d) = %d, want %d", tc.docs, got, tc.want)
		}
	}
}
