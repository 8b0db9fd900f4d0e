package retrieval

import (
	"testing"

	"yearbookbot/retrieval/extract"
)

const listYearbook = `# 虚构县年鉴2024

## 农业

### 粮食生产

全年粮食总产38.4万吨。其中，小麦产量15.2万吨，增长2.1%；玉米产量18.9万吨，下降1.5%；大豆产量4.3万吨，增长6.0%。

全县有水库126座，总库容9.8亿立方米；河道45条，长度320公里；泵站12座，装机1.2万千瓦。
`

func TestAnswerListExtreme(t *testing.T) {
	e := tableEngine(t, listYearbook)
	for _, tc := range []struct {
		q, want string // "": not answered here
	}{
		{"哪种作物产量最高", "玉米产量18.9万吨，下降1.5%"},
		{"粮食里哪种产量增长最快", "大豆产量4.3万吨，增长6.0%"},
		{"哪种产量降得最多", "玉米产量18.9万吨，下降1.5%"},
		{"哪种产量掉得最多", "玉米产量18.9万吨，下降1.5%"},
		// 掉 of 去掉 is no fall.
		{"去掉价格因素哪种产量增长最快", "大豆产量4.3万吨，增长6.0%"},
		{"哪种产量最少", "大豆产量4.3万吨，增长6.0%"},
		// The list's shared words unnamed, units differing, no which-word.
		{"哪个增长最快", ""},
		{"哪类设施数量最多", ""},
		{"产量最高是多少", ""},
	} {
		r, ok := e.answerListExtreme(extract.Analyze(e.Normalize(tc.q)), tier{})
		got := ""
		if ok {
			got = r.facts[0].Text
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestParseList(t *testing.T) {
	if items := parseList("其中，第一产业增加值182.4亿元，增长3.6%；第二产业增加值2016.7亿元，增长5.2%；第三产业增加值3121.5亿元，增长3.4%。"); len(items) != 3 || items[2].level != 3121.5 || !items[1].rated || items[1].rate != 5.2 || sharedWords(items) != "产业增加值" {
		t.Errorf("items %+v", items)
	}
	for _, s := range []string{
		"小麦产量15.2万吨；玉米产量18.9万吨。",           // two items are no list
		"小麦产量15.2万吨；玉米产量18.9亿元；大豆产量4.3万吨。", // units differ
		"全年新开通国际集装箱航线12条，航线总数达到185条。",      // no clauses
	} {
		if items := parseList(s); items != nil {
			t.Errorf("%s: %+v, want no list", s, items)
		}
	}
}
