package extract

import "testing"

func TestScopeBefore(t *testing.T) {
	for _, tc := range []struct {
		text, fig, want string
	}{
		{"5家企业入选“全球甲乙企业500强”,居全国第三位", "第三位", ScopeNation},
		{"5家企业入选“全球甲乙企业500强”,居全国第三位", "500强", ""}, // the scope word is part of the name
		{"甲港货物吞吐量居全球第9位", "第9位", ScopeWorld},
		{"“甲乙”品牌销量居全省第2位", "第2位", ScopeProvince}, // a quote closed before the rank
		{"拥有全国科普教育基地12个", "12个", ScopeNation},
	} {
		var got *Figure
		for _, f := range Figures(tc.text) {
			if tc.text[f.Start:f.End] == tc.fig {
				got = &f
			}
		}
		if got == nil {
			t.Fatalf("%q: no figure %q in %v", tc.text, tc.fig, Figures(tc.text))
		}
		if s := scopeBefore(tc.text, *got); s != tc.want {
			t.Errorf("%q: scope of %s = %q, want %q", tc.text, tc.fig, s, tc.want)
		}
	}
}

func TestScopeOfQuestions(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"省级科普基地有几个", ScopeProvinceLevel},
		{"甲县在全省排第几", ScopeProvince},
		{"全省省级示范区有几处", ScopeProvince}, // an area named wins over a level
		{"甲港吞吐量在全国排第几", ScopeNation},
		{"甲港吞吐量多少", ""},
	} {
		if got := Analyze(tc.q).Parts[0].Scope; got != tc.want {
			t.Errorf("scope of %q = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestScopeMeets(t *testing.T) {
	for _, tc := range []struct {
		asked, stated string
		want          float64
	}{
		{ScopeNation, ScopeNation, 1},
		{ScopeNation, ScopeProvince, -1},
		{ScopeNation, "", 0},
		{ScopeProvinceLevel, ScopeProvince, 1},
		{ScopeProvinceLevel, ScopeNation, -1}, // 全国…基地 for 省级基地
		{ScopeProvinceLevel, ScopeWorld, -1},
		{ScopeProvinceLevel, ScopeCity, 0}, // 全市 counts things of any level
	} {
		if got := scopeMeets(tc.asked, tc.stated); got != tc.want {
			t.Errorf("scopeMeets(%s, %s) = %v, want %v", tc.asked, tc.stated, got, tc.want)
		}
	}
}
