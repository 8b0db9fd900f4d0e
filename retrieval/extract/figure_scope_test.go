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
		// A rank inside a rating names no area unless it writes one.
		{"在甲公司服务测评中居首位", "居首", ""},
		{"在甲报告中居全国第10位", "第10位", ScopeNation},
		{"甲市在同类城市中居第3位", "第3位", ""},
		// After a rank verb the country's name is the nation's scope, or
		// a region's when more words follow it.
		{"甲市经济总量居中国第2位", "第2位", ScopeNation},
		{"甲市经济总量居中国沿江城市第2位", "第2位", ScopeRegion},
		// A province's name as the area of a rank is the province's scope;
		// inside another name it is none.
		{"甲县营商环境居浙江省第5位", "第5位", ScopeProvince},
		{"甲县在河南排名第3位", "第3位", ScopeProvince},
		{"引进浙江甲乙集团等企业12家", "12家", ""},
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
		// A rank's scope is read from its last 在 on, unless 在 is a rank
		// verb's or nothing but one follows it.
		{"全球甲百佳榜里东区在沿江城市排第几", ""},
		{"东区在全球城市排第几", ScopeWorld},
		{"甲港吞吐量全国排在第几位", ScopeNation},
		{"甲市在全国排在第几位", ScopeNation},
		{"全球甲百佳榜里东区在沿江城市排在第几位", ""},
		// 在 inside a word opens nothing; a scope word before it is asked.
		{"全国在建跨海大桥中甲桥长度排第几", ScopeNation},
		{"全市在校学生人数东区排第几", ScopeCity},
		{"全国范围内甲港在同类港口中排第几", ScopeNation},
		// A rank asked within a named rating asks no scope, unless an area
		// is named inside or after it.
		{"东区在甲测评中排第几", ""},
		{"东区在全国百强区中排第几", ScopeNation},
		{"东区在甲百强榜全省排第几", ScopeProvince},
		// A count's scope word inside a list's name is the list's; words
		// after the question word, 加强 and 上榜 name no list.
		{"全球甲乙企业500强里东区有几家", ""},
		{"全国科普基地东区有几个", ScopeNation},
		{"全省加强耕地保护后新增耕地多少亩", ScopeProvince},
		{"全国共有多少个县进入百强", ScopeNation},
		{"全市有几家企业上榜", ScopeCity},
		{"全省强村公司有多少家", ScopeProvince},
		{"全省评选出多少个先进集体", ScopeProvince},
		{"全市开展测评的学校有几所", ScopeCity},
		{"全市有几家企业入选全国500强", ScopeNation},
		// A province named as the area asked is the province's scope.
		{"甲市的乙类企业数在河南排第几", ScopeProvince},
		{"甲县信用排名在浙江省县级市里排第几", ScopeProvince},
		{"创新成果在浙江复制推广了几个", ScopeProvince},
		{"浙江甲乙集团投资多少", ""},
		{"浙江路上有几个网点", ""},
		{"甲县GDP在吉林市排第几", ""},
		{"甲区GDP在上海市排第几", ""}, // a municipality is a city
		{"甲市与广东全面合作签约项目有几个", ""},
		{"甲市在浙江工业大学设了几个站", ""},
		{"甲店在江西中路排第几", ""},
		{"甲市位于浙江省哪里", ""},
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
