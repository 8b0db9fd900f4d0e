package extract

import (
	"slices"
	"testing"
)

// TestSpokenUnits checks units as questions say them: 亩 and 万亩 asked,
// 方 for 立方米 (but not inside 方面), and a text's 空方 read as a unit.
func TestSpokenUnits(t *testing.T) {
	for q, want := range map[string]string{
		"甲乡果园多少亩":    "亩",
		"甲乡果园有多少万亩":  "万亩",
		"甲水库一天供多少方水": "立方米",
		"甲乡有多少方面的困难": "",
		"甲项目由几方共同投资": "",
		"签约的有多少方":    "",
		"甲河清淤多少方":    "立方米",
	} {
		if got := Analyze(q).Parts[0].Unit; got != want {
			t.Errorf("%s: unit %q, want %q", q, got, want)
		}
	}
	if got := SpokenForms("万立方米"); !slices.Equal(got, []string{"方"}) {
		t.Errorf("SpokenForms(万立方米) = %v, want [方]", got)
	}
	if got := SpokenForms("万吨"); len(got) > 0 {
		t.Errorf("SpokenForms(万吨) = %v, want none", got)
	}
	text := "全年投放生态礁体3.5万空方。"
	if figs := Figures(text); len(figs) != 1 || figs[0].Unit != "万空方" {
		t.Errorf("Figures(%s) = %+v, want 3.5万空方", text, figs)
	}
	for _, tc := range []struct {
		asked, unit string
		want        bool
	}{{"元", "亿元", true}, {"吨", "万吨", true}, {"元", "亿美元", false}, {"", "亿元", false}} {
		if got := SameUnit(tc.asked, tc.unit); got != tc.want {
			t.Errorf("SameUnit(%s, %s) = %v, want %v", tc.asked, tc.unit, got, tc.want)
		}
	}
}
