package extract

import (
	"slices"
	"testing"
)

// TestSpeedupsKeepResults checks the allocation-saving forms of small
// helpers against the plain forms they replaced.
func TestSpeedupsKeepResults(t *testing.T) {
	plainBigrams := func(s string) []string {
		var out []string
		seen := map[string]bool{}
		rs := []rune(s)
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] < 0x3400 || rs[i+1] < 0x3400 {
				continue
			}
			if b := string(rs[i : i+2]); !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
		return out
	}
	for _, s := range []string{"", "港", "青岛港去年集装箱吞吐量多少", "青岛青岛港青岛", "GDP是多少a港口b港口",
		"港\xff\xfe口", "\xff港", "港\xff", "\uFFFD港口\uFFFD", "2020年全市生产总值"} {
		if got, want := hanBigrams(s), plainBigrams(s); !slices.Equal(got, want) {
			t.Errorf("hanBigrams(%q) = %q, want %q", s, got, want)
		}
	}
	plainWhole := func(s Setting) []string {
		out := slices.Clone(lexicon.wholeArea)
		for _, w := range s.PlaceWords {
			out = append(out, "全"+w, "整个"+w, w+"全市")
		}
		return out
	}
	for _, words := range [][]string{nil, {"青岛"}, {"青岛", "岛城", "a", ""}} {
		s := Setting{PlaceWords: words}
		if got, want := s.wholeArea(), plainWhole(s); !slices.Equal(got, want) {
			t.Errorf("wholeArea(%q) = %q, want %q", words, got, want)
		}
	}
}
