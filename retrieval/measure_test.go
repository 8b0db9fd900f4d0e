package retrieval

import (
	"slices"
	"testing"
)

func TestMeasureForms(t *testing.T) {
	e := tableEngine(t, `# 虚构县年鉴2024

## 交通

### 公交

全县公交运营车辆420辆，出租汽车1200辆，公交线路36条。
`)
	for _, tc := range []struct {
		q, term string
		want    []string
	}{
		{"公交车一共几辆", "公交车", []string{"公交运营车辆"}},
		{"出租车有多少辆", "出租车", []string{"出租汽车"}},
		// No figure counted with the measure word asked, none asked, a
		// term the yearbook writes, a term too short to tell.
		{"公交车有几条", "公交车", nil},
		{"公交车多少", "公交车", nil},
		{"公交线路几条", "公交线路", nil},
		{"车辆几辆", "车辆", nil},
	} {
		if got := e.measureForms(tc.q, tc.term, nil); !slices.Equal(got, tc.want) {
			t.Errorf("%s (%s): %v, want %v", tc.q, tc.term, got, tc.want)
		}
	}
}

// A paragraph written with a Kangxi radical (⼈ for 人, as PDF
// extraction leaves it) is read folded, like every paragraph.
func TestMeasureFormsFoldedText(t *testing.T) {
	e := tableEngine(t, "# 虚构县年鉴2024\n\n## 交通\n\n### 出租\n\n全县出租\u2f08力三轮车300辆。\n")
	if got := e.measureForms("人力车有多少辆", "人力车", nil); !slices.Equal(got, []string{"人力三轮车"}) {
		t.Errorf("measureForms = %v, want [人力三轮车]", got)
	}
}

func TestCountedBefore(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"公交运营车辆4210辆,出租车1.5万辆", []string{"公交运营车辆"}}, // 万 stands between
		{"新增车辆3.5辆", []string{"新增车辆"}},
		{"车12辆", nil}, // one character is no word
		{"一二三四五六七八九十甲乙丙公交车5辆", []string{"五六七八九十甲乙丙公交车"}}, // at most twelve
		{"公交车5辆出租车12辆", []string{"公交车", "出租车"}},          // never into the match before
		{"公交车共12辆", []string{"公交车共"}},
	} {
		got := countedBefore(tc.text, '辆')
		if !slices.Equal(got, tc.want) {
			t.Errorf("countedBefore(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFoldsHan(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"全县人口300万人，“增长”1.2%。", false}, // unified ideographs and punctuation fold to themselves
		{"全县\u2f08口300万", true},        // a Kangxi radical (⼈)
		{"\u2ee2辆", true},              // a supplement radical
		{"\uf967", true},               // a compatibility ideograph
		{"\U0002f800", true},           // a supplement compatibility ideograph
		{"\U00020000字", false},         // extension B folds to itself
		{"", false},
	} {
		if got := foldsHan(tc.s); got != tc.want {
			t.Errorf("foldsHan(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestAskedUnit: the measure word is read once per question (answerIn),
// from the question as measureForms reads it: folded.
func TestAskedUnit(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want rune
		ok   bool
	}{
		{"公交车一共几辆", '辆', true},
		{"全市有多少家医院", '家', true},
		{"人力车有多少\u2f08", '人', true}, // ⼈ folds to 人
		{"公交车多少", 0, false},
		{"公交车有多少？", 0, false},
		{"青岛港吞吐量", 0, false},
	} {
		if got, ok := askedUnit(tc.q); got != tc.want || ok != tc.ok {
			t.Errorf("askedUnit(%q) = %q, %v; want %q, %v", tc.q, got, ok, tc.want, tc.ok)
		}
	}
}
