package retrieval

import "testing"

// questionPlace reads place names only where a word starts (范县 inside
// 示范县 is none) and, of two cities, prefers the one with documents.
func TestQuestionPlace(t *testing.T) {
	e := defaultEngine(t)
	code := func(name string) string { return e.preferLoaded(e.gaz.Codes(name)) }
	for q, want := range map[string]string{
		"入选齐鲁样板示范县的是哪两个区市":       "",
		"省部共建的齐鲁样板示范县 青岛进了几个区市？": code("青岛"),
		"济青高速中线潍坊到青岛这段几月开工的":     code("青岛"),
		"潍坊港集装箱吞吐量多少":            code("潍坊"),
		"在莒县新建了几个项目":             code("莒县"),
		"烟台人口多少":                 code("烟台"),
		"粪污利用率和县级以上文明村镇比例各多少":    "",
		"全国海洋科普基地有几个":            "",
		// A country or province before an institution's name is part of
		// the name, not the place asked about.
		"中国沙漠治理研究院是跟谁一起建的": "",
		"山东果树研究所在哪":        "",
		"山东常住人口多少":         code("山东"),
		// Where people went is not the place asked about.
		"多少名干部去浙江学习了": "",
		"赴上海考察的企业有几家": "",
		// A country standing for a prize's or a list's level, not the
		// place whose figures are asked.
		"乙赛事获全国三等奖的有几个": "",
		// Nor does one a standing is asked within (算全国什么样的…).
		"甲节算全国什么样的节庆活动":  "",
		"甲县经济处于全省什么水平":   "",
		"全国常住人口多少":       code("中国"),
		"全国级的园区有几个":      "",
		"入选首批全国名录的企业有几家": "",
		"甲节是不是全国头一个办的节会": "",
		// Nor one a first is set within (全省率先).
		"山东省率先建成的是个什么中心": "",
		"全国率先出台的是哪项办法":   "",
		// A rank asked again within a country or province (…排第几，全国呢)
		// is asked within it.
		"甲企业数在北方城市排第几,全国呢": "",
		"甲港吞吐量多少？全国的呢":     code("中国"),
	} {
		got, _ := e.questionPlace(e.Normalize(q))
		if got != want {
			t.Errorf("questionPlace(%s) = %q, want %q", q, got, want)
		}
	}
}

// The selector's where-check reads places with the gazetteer: a division
// counts, the country does not say where.
func TestPlacesIn(t *testing.T) {
	e := defaultEngine(t)
	for text, want := range map[string]int{
		"全国首个甲类展会":  0,
		"中国首个甲类展会":  0,
		"推介会在三亚举办":  1,
		"推介会在杭州市举办": 1,
	} {
		if got := e.placesIn(text); len(got) != want {
			t.Errorf("placesIn(%s) = %v, want %d places", text, got, want)
		}
	}
}

// A division encloses the documents' own place when the place lies
// under it: its province does, the place itself, a sibling or a district
// under it does not.
func TestEncloses(t *testing.T) {
	e := defaultEngine(t)
	encloses := e.encloses([]string{"杭州市"})
	// A district's documents: its city holds it, but only a province
	// counts.
	district := e.encloses([]string{"余杭区"})
	if district("杭州") || !district("浙江") {
		t.Errorf("for a district: encloses(杭州) = %v, encloses(浙江) = %v; want false, true", district("杭州"), district("浙江"))
	}
	for word, want := range map[string]bool{
		"浙江":   true,
		"浙江省":  true,
		"杭州":   false,
		"宁波":   false,
		"江苏":   false,
		"西湖区":  false,
		"浙江大学": false,
		"不是地名": false,
	} {
		if got := encloses(word); got != want {
			t.Errorf("encloses(%s) = %v, want %v", word, got, want)
		}
	}
}
