package extract

import (
	"slices"
	"testing"
)

func TestNameSpans(t *testing.T) {
	out, spans := nameSpans("举办“厂长杯”大赛,落实“三保”(保工资、保运转)任务。")
	if out != "举办\n大赛,落实\n\n任务。" {
		t.Errorf("outside %q", out)
	}
	want := []nameSpan{"厂长杯", "3保", "保工资、保运转"} // canonical: numerals as digits
	if !slices.Equal(spans, want) {
		t.Errorf("spans %q, want %q", spans, want)
	}
	// A gloss inside a quoted name is a span of its own.
	_, spans = nameSpans("建成“两好(建好、管好)乡村路”300公里。")
	if want := []nameSpan{"2好\n乡村路", "建好、管好"}; !slices.Equal(spans, want) {
		t.Errorf("nested spans %q, want %q", spans, want)
	}
}

func TestNamePart(t *testing.T) {
	nouns := []string{"厂长", "工资", "乡村路", "大赛", "名单", "飞地", "检查", "甲项目"}
	lex := Lexicon{Segment: nounSegmenter(nouns)}
	for _, tc := range []struct {
		q, text string
		want    bool
	}{
		// The word only inside a short name with another head, or inside
		// an item of a bracketed list: the sentence tells of something else.
		{"厂长是谁", "举办“厂长杯”大赛,参赛企业300家。", true},
		{"工资总额多少", "落实“三保”(保工资、保运转)任务,拨付资金2亿元。", true},
		// The name's head asked, the word also outside the name, the
		// whole item asked, or a long name: it tells of what was asked.
		{"厂长杯大赛有多少企业参加", "举办“厂长杯”大赛,参赛企业300家。", false},
		{"厂长是谁", "举办“厂长杯”大赛,厂长王五致辞。", false},
		{"保工资拨了多少钱", "落实“三保”(保工资、保运转)任务,拨付资金2亿元。", false},
		{"乡村路建了多少公里", "建成“两好(建好、管好)乡村路”300公里。", false},
		// An item that is the word with a figure beside it (how often, how
		// many) tells of the word; one with other words does not.
		{"甲项目多久检查一次", "实行“每日巡查、每周检查”制度。", false},
		{"甲项目多久检查一次", "实行“每日巡查、专项检查”制度。", true},
	} {
		p := Analyze(tc.q).Parts[0]
		a := Asked{Part: p, Terms: compiled(Terms(p, lex), 1)}
		pre := Prepare(Passage{Text: tc.text})
		pi := newPartInfo(a, []*Prepared{pre}, Setting{})
		if got := pi.namePart(pre.sentences[0]) > 0; got != tc.want {
			t.Errorf("%s / %s: namePart %v, want %v (terms %v)", tc.q, tc.text, got, tc.want, a.Terms)
		}
	}
}
