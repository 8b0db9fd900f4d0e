package extract

import "testing"

func TestSwapped(t *testing.T) {
	nouns := []string{"医院", "床位", "养老", "母基金", "二期", "首期", "规模", "海洋", "公园", "牧场", "新增"}
	lex := Lexicon{Segment: nounSegmenter(nouns)}
	for _, tc := range []struct {
		q, text string
		want    bool
	}{
		{"新增医院床位多少张", "新增养老床位1.9万张。", true},
		{"母基金二期规模多大", "母基金首期规模120亿元。", true},
		{"海洋公园有几个", "海洋牧场示范区达16处。", true},
		// Both words written, or the missing one's slot empty or
		// filled by a linking word: nothing swapped.
		{"新增医院床位多少张", "新增医院床位300张。", false},
		{"母基金二期规模多大", "规模的120亿元。", false},
		{"海洋公园有几个", "全市有公园30个。", false},
	} {
		p := Analyze(tc.q).Parts[0]
		a := Asked{Part: p, Terms: compiled(Terms(p, lex), 1)}
		pi := newPartInfo(a, []*Prepared{Prepare(Passage{Text: tc.text})}, Setting{})
		if got := pi.swapped(newCanonText(Canon(tc.text))); got != tc.want {
			t.Errorf("%s / %s: swapped %v, want %v (pairs %v)", tc.q, tc.text, got, tc.want, pi.pairs)
		}
	}
}

func TestProperUnseen(t *testing.T) {
	for _, tc := range []struct {
		terms []Term
		want  bool
	}{
		{[]Term{{Text: "6号线", Key: true, Proper: true, Unseen: true}}, true},
		{[]Term{{Text: "6号线", Key: true, Proper: true}}, false},
		{[]Term{{Text: "安家", Key: true, Unseen: true}}, false},
		{[]Term{{Text: "6号线", Proper: true, Unseen: true, Context: true}}, false},
		{[]Term{{Text: "总共", Proper: true, Unseen: true, Soft: true}}, false}, // a soft word tagged as a numeral
	} {
		if got := properUnseen(Asked{Terms: tc.terms}); got != tc.want {
			t.Errorf("properUnseen(%+v) = %v, want %v", tc.terms, got, tc.want)
		}
	}
}
