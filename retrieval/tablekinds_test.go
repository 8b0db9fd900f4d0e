package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
)

// kindsYearbook is a made-up county yearbook covering 2023: a sentence
// listing three industries, a table of indicators with two year columns
// and a growth column, and a table whose rows are the three industries.
const kindsYearbook = `# 虚构县年鉴2024

## 经济

### 经济概况

全年三次产业增加值：第一产业增加值61.2亿元，增长2.8%；第二产业增加值302.5亿元，增长6.1%；第三产业增加值455.9亿元，增长4.7%。

全县常住人口52.3万人，比上年末减少0.5万人。

### 主要指标

表1 2023年虚构县国民经济主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---|---|---|
| 地区生产总值 | 亿元 | 820.4 | 790.1 | 5.1 |
| 一般公共预算收入 | 亿元 | 61.3 | 58.2 | 5.3 |
| 社会消费品零售总额 | 亿元 | 301.7 | 310.2 | -2.7 |
| 货物进出口总额 | 亿元 | 95.6 | 88.0 | 8.6 |
| 年末常住人口 | 万人 | 52.3 | 52.8 | -0.9 |
| 农村居民人均可支配收入 | 元 | 25133 | 23780 | 5.7 |

### 产业结构

表2 2023年虚构县三次产业增加值

| 产业 | 增加值（亿元） | 比上年增长% |
|---|---|---|
| 第一产业增加值 | 61.2 | 2.8 |
| 第二产业增加值 | 302.5 | 6.1 |
| 第三产业增加值 | 455.9 | 4.7 |

来源：县统计局
`

// TestTableKinds checks kinds of table questions answered by rule: the
// figure of every year asked (两年各), the direction of a change weighed
// (涨了还是跌了) led by the growth cell's sign, the table named as the
// source (按…表), a whole row asked with more words, a qualifier in
// brackets, and two industries' rows named by their short names compared.
func TestTableKinds(t *testing.T) {
	e := tableEngine(t, kindsYearbook)
	tr := tier{years: []int{2023}}
	checkTableCases(t, e, tr, []tableCase{
		{name: "each year, levels", q: "社零这两年分别是多少",
			want: []string{"社会消费品零售总额（2023年）：301.7亿元", "社会消费品零售总额（2022年）：310.2亿元"}},
		{name: "each year of a row named shortly", q: "货物进出口两年各多少",
			want: []string{"货物进出口总额（2023年）：95.6亿元", "货物进出口总额（2022年）：88.0亿元"}},
		{name: "each year with another row word is the row", q: "社零这两年的情况整行发我",
			want: []string{"社会消费品零售总额：2023年 301.7亿元；2022年 310.2亿元；比上年增长-2.7%"}},
		{name: "a fall weighed", q: "社零是涨了还是跌了", want: []string{"社会消费品零售总额：比上年增长-2.7%"}, lead: "减少"},
		{name: "a rise weighed, then how much", q: "常住人口减了还是增了", want: []string{"年末常住人口：比上年增长-0.9%"}, lead: "减少"},
		{name: "a rise", q: "GDP是增加还是减少", want: []string{"地区生产总值：比上年增长5.1%"}, lead: "增加"},
		{name: "a growth without weighing has no lead", q: "GDP增长多少", want: []string{"地区生产总值：比上年增长5.1%"}},
		{name: "the table named as the source", q: "按国民经济主要指标表，常住人口增长率多少", want: []string{"年末常住人口：比上年增长-0.9%"}},
		{name: "the table named with 根据", q: "根据国民经济表，GDP多少", want: []string{"地区生产总值（2023年）：820.4亿元"}},
		{name: "a whole row, 把 and 所有", q: "把农村居民人均可支配收入这一行所有数字给我",
			want: []string{"农村居民人均可支配收入：2023年 25133元；2022年 23780元；比上年增长5.7%"}},
		{name: "a qualifier in brackets", q: "2022年的财政收入（一般公共预算）是多少钱", want: []string{"一般公共预算收入（2022年）：58.2亿元"}},
		{name: "a qualifier in ASCII brackets", q: "去年财政收入(预算收入)多少", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "brackets asking something else", q: "财政收入（税收部分）多少"},
		{name: "a label's words split by 的", q: "社会消费品的零售额23年和22年哪年多", lead: "2022年更多",
			want: []string{"社会消费品零售总额（2022年）：310.2亿元", "社会消费品零售总额（2023年）：301.7亿元"}},
		{name: "a 的 before another word stays", q: "网上的零售额多少"},
		{name: "industries by their short names", q: "二产跟三产哪个涨得快",
			want: []string{"第二产业增加值：比上年增长6.1%", "第三产业增加值：比上年增长4.7%"}, lead: "第二产业增加值更快"},
		{name: "industries' levels", q: "一产和二产哪个增加值小",
			want: []string{"第一产业增加值（增加值）：61.2亿元", "第二产业增加值（增加值）：302.5亿元"}, lead: "第一产业增加值更小"},
	})
}

// tableCase is a question to the table path with the texts it quotes, in
// order, and its lead; want nil: not the table path's.
type tableCase struct {
	name, q string
	want    []string
	lead    string
}

// checkTableCases asks the table path each case in tier tr.
func checkTableCases(t *testing.T, e *Engine, tr tier, cases []tableCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if tc.want == nil {
				if ok {
					t.Fatalf("answered %v (%s), want the selector to decide", quoted(e, res), res.why)
				}
				return
			}
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) || res.lead != tc.lead {
				t.Fatalf("quoted %v lead %q, want %v lead %q (%s)", got, res.lead, tc.want, tc.lead, res.why)
			}
		})
	}
}

// TestListComparison checks two items of a sentence's list compared by
// their short names: both clauses quoted, the larger first, and the lead
// naming it; a question naming one item or none is not this rule's.
func TestListComparison(t *testing.T) {
	const text = `# 虚构县年鉴2024

## 农业

### 种植业

全年粮食总产38.4万吨。其中，第一季粮食产量15.2万吨，增长2.1%；第二季粮食产量18.9万吨，下降1.5%；第三季粮食产量4.3万吨，增长6.0%。
`
	e := tableEngine(t, text)
	for _, tc := range []struct {
		q, lead string
		want    []string // nil: not answered here
	}{
		{"一季、三季哪个增速快", "第三季粮食产量更快", []string{"第三季粮食产量4.3万吨，增长6.0%", "第一季粮食产量15.2万吨，增长2.1%"}},
		{"第二季和第三季粮食产量谁多", "第二季粮食产量更多", []string{"第二季粮食产量18.9万吨，下降1.5%", "第三季粮食产量4.3万吨，增长6.0%"}},
		{"二季和一季谁增长慢", "第二季粮食产量更慢", []string{"第二季粮食产量18.9万吨，下降1.5%", "第一季粮食产量15.2万吨，增长2.1%"}},
		{"二季和三季哪个降得多", "第二季粮食产量下降更多", []string{"第二季粮食产量18.9万吨，下降1.5%", "第三季粮食产量4.3万吨，增长6.0%"}},
		{"一季和三季哪个降得多", "", []string{"第一季粮食产量15.2万吨，增长2.1%", "第三季粮食产量4.3万吨，增长6.0%"}},
		{"一季粮食产量哪个多", "", nil},   // one item named
		{"粮食哪个增长快", "", nil},     // none named
		{"一季和三季粮食产量多少", "", nil}, // no comparison
	} {
		r, ok := e.answerListExtreme(extract.Analyze(e.Normalize(tc.q)), tier{})
		var got []string
		for _, f := range r.facts {
			got = append(got, f.Text)
		}
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) || r.lead != tc.lead {
			t.Errorf("%s: %v lead %q (%v), want %v lead %q", tc.q, got, r.lead, ok, tc.want, tc.lead)
		}
	}
}

// TestDifferenceAsked checks a difference asked against a relative year:
// a sentence stating the change answers when one does (the comparison
// searched as the yearbooks write it), else the row with both levels.
func TestDifferenceAsked(t *testing.T) {
	e := builtEngine(t, kindsYearbook)
	for _, tc := range []struct{ q, want string }{
		{"常住人口较前年减少了几万人", "全县常住人口52.3万人，比上年末减少0.5万人。"},
		{"GDP比前一年多了多少亿", "地区生产总值：2023年 820.4亿元；2022年 790.1亿元；比上年增长5.1%"},
	} {
		a, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || len(a.Facts) == 0 || a.Facts[0].Text != tc.want {
			t.Errorf("%s: %+v, want %s", tc.q, a.Facts, tc.want)
		}
	}
	for q, want := range map[string]string{"人口比前年多了多少": "人口比上年多了多少", "较上一年少了多少": "比上年少了多少", "比上年多了多少": ""} {
		if got := sinceLastYear(q); got != want {
			t.Errorf("sinceLastYear(%s) = %q, want %q", q, got, want)
		}
	}
}

// TestUnwrittenPlaceRefused checks that a place named with a division
// word that neither the gazetteer nor any document knows is refused, and
// that the documents' own place, pointing words and comparison bases are
// not.
func TestUnwrittenPlaceRefused(t *testing.T) {
	e := builtEngine(t, strings.Replace(kindsYearbook, "全县常住人口", "虚构县常住人口，全县户籍人口，示范区3个", 1))
	for q, refused := range map[string]bool{
		"虚拟省去年GDP多少":   true,
		"请问样板市的财政收入":   true,
		"虚构县去年GDP多少":   false, // the document's own place
		"我们县GDP多少":     false,
		"GDP占虚拟省的比重多少": false, // a comparison base
		"去年GDP多少":      false,
		"全省去年GDP多少":    true,  // a whole the documents never speak of
		"全县GDP多少":      false, // written: 全县常住人口
		"GDP居全省第几":     false,
		"去年县领导调研几次":    false, // a time before the division word
		"两个县GDP多少":     false,
		"示范县有几个":       false, // 示范 is the documents' word, not a place
		"虚构省GDP多少":     true,  // the document's own place at another level
		"虚构市的财政收入":     true,
		// A name the segmenter knows no word of is cut into characters,
		// read back as one stem; 区 and 州 end only such names.
		"甲乙区去年GDP多少":  true,
		"去年的甲乙州GDP多少": true,
		"丙丁区和虚构县GDP":  true,
		"虚拟州人口多少":     false, // after a word the segmenter knows, 州 and 区 end zones more often than places
		"度假区游客多少":     false,
		"示范区有几个":      false, // written by the document
		"各区GDP多少":     false,
		"市和区两级财政收入":   false, // a joiner opens no name
		"市县区三级联动":     false, // levels, not a name
		"经开区GDP多少":    false, // a kind of zone
		"去滁州的高铁":      false, // 滁州 is known: 去 is no part of it
		"全区GDP多少":     false,
	} {
		_, got := e.unwrittenPlace(e.Normalize(q))
		if got != refused {
			t.Errorf("%s: refused %v, want %v", q, got, refused)
		}
	}
	a, err := e.Ask(t.Context(), "虚拟省去年GDP多少")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered || len(a.Facts) > 0 || len(a.Why) == 0 || !strings.Contains(a.Why[0].Reason, "虚拟省") {
		t.Errorf("answered %+v (%+v), want a refusal naming the place", a.Facts, a.Why)
	}
}

// builtEngine is the engine of one made-up yearbook with its segmenter,
// for questions asked whole.
func builtEngine(t *testing.T, text string) *Engine {
	t.Helper()
	yb, err := corpus.Parse("样例.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// TestRowFigureDate checks the date of a row's figure asked by the row's
// name: the sentence writing the covered year's figure answers; an
// extreme or another word asked is not this rule's.
func TestRowFigureDate(t *testing.T) {
	e := tableEngine(t, strings.Replace(kindsYearbook, "全县常住人口52.3万人", "2023年末，全县常住人口52.3万人", 1))
	tr := tier{years: []int{2023}}
	for q, want := range map[string]string{
		"常住人口数字截止什么时候":    "2023年末，全县常住人口52.3万人，比上年末减少0.5万人。",
		"常住人口什么时候最多":      "",
		"常住人口什么时候开始统计农村的": "",
		"常住人口什么时候":        "2023年末，全县常住人口52.3万人，比上年末减少0.5万人。",
	} {
		r, ok := e.answerFigureDate(extract.Analyze(e.Normalize(q)), tr)
		got := ""
		if ok {
			got = r.facts[0].Text
		}
		if got != want {
			t.Errorf("%s: %q, want %q", q, got, want)
		}
	}
}
