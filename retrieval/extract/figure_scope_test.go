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
		// A level is the area it stands for.
		{"拥有全国科普教育基地12个", "12个", ScopeNation},
		{"市级直接支持资金达5亿元", "5亿元", ScopeCity},
		{"区(市)级配套资金达2亿元", "2亿元", ScopeDistrict}, // 市级 inside 区(市)级 is not 市级
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

func TestScopeOf(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"甲项目区市级资金投了多少", ScopeDistrict},
		{"省级科普基地有几个", ScopeProvince},
		{"全省国家级示范区有几处", ScopeNation}, // the word nearest the end
		{"甲港吞吐量在全国排第几", ScopeNation},
		{"甲港吞吐量多少", ""},
	} {
		if got := scopeOf(tc.q); got != tc.want {
			t.Errorf("scopeOf(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}
