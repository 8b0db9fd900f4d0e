package extract

import (
	"slices"
	"testing"
)

// TestSpokenUnits checks units as questions say them: 亩 and 万亩 asked,
// 方 for 立方米 only beside what it measures, 块 counting pieces of a
// thing but not yuan, and a text's 空方 read as a unit.
func TestSpokenUnits(t *testing.T) {
	for q, want := range map[string]string{
		"甲乡果园多少亩":      "亩",
		"甲乡果园有多少万亩":    "万亩",
		"甲水库一天供多少方水":   "立方米",
		"甲乡有多少方面的困难":   "",
		"甲项目由几方共同投资":   "",
		"签约的有多少方":      "",
		"水利项目由几方共同投资":  "",
		"甲河清淤多少方":      "立方米",
		"甲工地用了几方土":     "立方米",
		"甲队拿了几块牌匾":     "块",
		"猪肉多少块一斤":      UnitMoney,
		"花了多少块买的":      UnitMoney,
		"工资多少块左右":      UnitMoney,
		"甲镇新建了几块花坛":    "块",
		"甲河道清淤了多少方":    "立方米",
		"混凝土浇筑了多少方":    "立方米",
		"甲工程完成土石方多少方":  "立方米",
		"甲项目有几方参与水利建设": "",
		"甲水库由几方共同投资":   "",
		"甲水厂与几方签约":     "",
		"甲镇建了几块多功能运动场": "块",
	} {
		if got := Analyze(q).Parts[0].Unit; got != want {
			t.Errorf("%s: unit %q, want %q", q, got, want)
		}
	}
	if got := SpokenForms("万立方米"); !slices.Equal(got, []string{"方"}) {
		t.Errorf("SpokenForms(万立方米) = %v, want [方]", got)
	}
	if got := SpokenForms("万平方米"); !slices.Contains(got, "平方") || !slices.Contains(got, "平米") {
		t.Errorf("SpokenForms(万平方米) = %v, want 平方 and 平米", got)
	}
	if got := SpokenForms("吨/日"); !slices.Contains(got, "每天") || !slices.Contains(got, "日均") {
		t.Errorf("SpokenForms(吨/日) = %v, want 每天 and 日均", got)
	}
	if got := SpokenForms("元/人"); len(got) > 0 {
		t.Errorf("SpokenForms(元/人) = %v, want none: 人 is no period", got)
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
	for unit, want := range map[string]bool{"枚": true, "个": true, "人": false, "人次": false} {
		if got := unitMatches(unit, "块"); got != want {
			t.Errorf("unitMatches(%s, 块) = %v, want %v", unit, got, want)
		}
	}
}

// TestAskedRole checks the role a question for a holder's name asks:
// the term before the words ending it, none when 是谁 is followed by what
// was done.
func TestAskedRole(t *testing.T) {
	role := Term{Text: "会长", Key: true}
	for _, tc := range []struct {
		text string
		want string
	}{
		{"甲学会会长是谁？", "会长"},
		{"甲学会会长是谁呢", "会长"},
		{"甲学会的会长叫什么名字", "会长"},
		{"甲学会会长是谁定的", ""},
		{"甲学会有几个会长", ""},
	} {
		got := ""
		if r := askedRole(Asked{Part: Part{Text: tc.text}, Terms: []Term{role}}); r != nil {
			got = r.Text
		}
		if got != tc.want {
			t.Errorf("askedRole(%s) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPersonRole checks that only a person's role is looked for in the
// sentence: a kind of organisation asked (合办单位是谁) is not.
func TestPersonRole(t *testing.T) {
	for text, want := range map[string]bool{"甲学会会长是谁": true, "和甲学会合办的单位是谁": false} {
		terms := []Term{{Text: "会长", Key: true}, {Text: "单位", Key: true}}
		pi := partInfo{role: askedRole(Asked{Part: Part{Text: text}, Terms: terms})}
		if got := pi.personRole(); got != want {
			t.Errorf("%s: personRole %v, want %v", text, got, want)
		}
	}
}
