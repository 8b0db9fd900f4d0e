package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The values Prepare computes ahead for every question must be the ones
// computed on demand.

func TestPreparedRuneCountOfEveryWindow(t *testing.T) {
	for _, p := range []Passage{airport, overview, business, {Text: "无效\xff字节，第二句\xfe。"}} {
		pp := Prepare(p)
		for si, s := range pp.sentences {
			for i := range s.clauses {
				for j := i; j < len(s.clauses); j++ {
					w := window{sent: si, first: i, last: j, r: Range{s.clauses[i].r.Start, s.clauses[j].r.End}}
					if got, want := pp.runeCount(w), utf8.RuneCountInString(pp.text[w.r.Start:w.r.End]); got != want {
						t.Errorf("%q: runeCount = %d, want %d", pp.text[w.r.Start:w.r.End], got, want)
					}
				}
			}
		}
	}
}

func TestPreparedTailsMatchAdjacency(t *testing.T) {
	terms := compiled([]Term{{Text: "专项资金"}, {Text: "固定资产投资", Alts: []string{"固投"}}, {Text: "机场"}, {Text: "15个攻势"}}, 0)
	n := 0
	for _, p := range []Passage{airport, overview, business} {
		pp := Prepare(p)
		for _, s := range pp.sentences {
			for _, c := range s.clauses {
				for _, f := range c.figs {
					if !f.hasTail {
						t.Fatalf("figure %q has no tail", f.Text(pp.text))
					}
					bare := f
					bare.tail, bare.hasTail = "", false
					for _, part := range []Part{{}, {Unit: UnitPercent}} {
						got := adjacency(pp.text, []Figure{f}, part, terms)
						if want := adjacency(pp.text, []Figure{bare}, part, terms); got != want {
							t.Errorf("adjacency of %q = %v with its tail, %v without", f.Text(pp.text), got, want)
						}
						n += int(got)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no figure right after a term: the test checks nothing")
	}
}

// TestFastTrimsAgreeWithStrings checks the hand-written forms of
// strings.TrimLeft and strings.LastIndexAny the selector's hot paths use.
func TestFastTrimsAgreeWithStrings(t *testing.T) {
	for _, s := range []string{"", "万", "亿万元", "万亿", "万万亿美元", "元", "亿\xff万", "\xe4\xb8万", "个百分点",
		"全年完成投资385.6亿元，其中", "同比增长4.7%；", "a,b:c", "：", "无标点", "其中：平度市\xff", "。\xe3\x80"} {
		if got, want := trimScales(s), strings.TrimLeft(s, "万亿"); got != want {
			t.Errorf("trimScales(%q) = %q, want %q", s, got, want)
		}
		if got, want := lastClauseMark(s), strings.LastIndexAny(s, "，,；;。：:"); got != want {
			t.Errorf("lastClauseMark(%q) = %d, want %d", s, got, want)
		}
	}
}
