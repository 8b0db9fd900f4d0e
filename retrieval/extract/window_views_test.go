package extract

import (
	"math"
	"testing"
	"unicode/utf8"
)

// Every window's view Prepare keeps must be what featuresOf computed on
// demand, and a window it did not read is computed on demand.
func TestPreparedViewOfEveryWindow(t *testing.T) {
	passages := []Passage{airport, overview, business, {Text: "无效\xff字节，第二句\xfe。"},
		{Text: "一是“双招双引”成效明显，二是三十个项目开工，首批五家企业落户，共计一百零八亿元。"}}
	views := 0
	for _, p := range passages {
		pp := Prepare(p)
		for si, s := range pp.sentences {
			for i := range s.clauses {
				for j := i; j < len(s.clauses); j++ {
					w := window{sent: si, first: i, last: j, r: Range{s.clauses[i].r.Start, s.clauses[j].r.End}}
					text := pp.text[w.r.Start:w.r.End]
					if got, want := pp.windowCanon(w), Canon(text); got != want {
						t.Errorf("windowCanon(%q) = %q, want %q", text, got, want)
					}
					if got, want := pp.windowLength(w), math.Log1p(float64(utf8.RuneCountInString(text)))/5; got != want {
						t.Errorf("windowLength(%q) = %v, want %v", text, got, want)
					}
					if _, ok := pp.view(w); ok {
						views++
					}
				}
			}
			// a window not bounded by its clauses
			if r := s.clauses[0].r; r.End-r.Start > 3 {
				w := window{sent: si, r: Range{r.Start + 3, r.End}}
				if _, ok := pp.view(w); ok {
					t.Errorf("view of %q: a window cut inside a clause has no view", pp.text[w.r.Start:w.r.End])
				}
				if got, want := pp.windowCanon(w), Canon(pp.text[w.r.Start:w.r.End]); got != want {
					t.Errorf("windowCanon of a cut window = %q, want %q", got, want)
				}
			}
		}
	}
	if views == 0 {
		t.Fatal("no window had a view")
	}
}
