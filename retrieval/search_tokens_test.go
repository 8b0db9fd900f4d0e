package retrieval

import (
	"slices"
	"strconv"
	"testing"
)

// TestQueryTokensAsAnalyzer: a word's kept tokens are the analyzer's,
// the second time as the first, and no more words are kept than the
// bound.
func TestQueryTokensAsAnalyzer(t *testing.T) {
	e := defaultEngine(t)
	a := e.idx.Mapping().AnalyzerNamed(gseAnalyzerName)
	c := &queryTokens{}
	for _, w := range []string{"集装箱吞吐量", "青岛港", "胶东国际机场", "2201万", "GDP", "刑事案件", "地铁6号线"} {
		var want []string
		for _, tok := range a.Analyze([]byte(w)) {
			want = append(want, string(tok.Term))
		}
		first := c.of(a, w)
		again := c.of(a, w)
		if !slices.Equal(first.terms, want) || again != first {
			t.Errorf("of(%q) = %q then %q (same: %v), want %q", w, first.terms, again.terms, again == first, want)
		}
		for i, raw := range first.raw {
			if string(raw) != first.terms[i] {
				t.Errorf("of(%q): raw token %d %q, term %q", w, i, raw, first.terms[i])
			}
		}
	}
	for i := range maxQueryTokenWords + 10 {
		c.of(a, "词"+strconv.Itoa(i))
	}
	if n := c.n.Load(); n != maxQueryTokenWords {
		t.Errorf("%d words kept, want %d", n, maxQueryTokenWords)
	}
	if got := c.of(a, "港口吞吐量"); len(got.terms) == 0 {
		t.Error("a word past the bound gets no tokens")
	}
}
