package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// askYearbook is a made-up yearbook covering 2023: indicators with their
// standard names by year columns, a table of years as rows, and a
// two-level header with units in its upper level.
const askYearbook = `# 虚构县年鉴2024

## 经济

### 主要指标

表1 2023年虚构县国民经济主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---|---|---|
| 地区生产总值 | 亿元 | 820.4 | 790.1 | 5.1 |
| 一般公共预算收入 | 亿元 | 61.3 | 58.2 | 5.3 |
| 社会消费品零售总额 | 亿元 | 301.7 | 310.2 | -2.7 |
| 货物进出口总额 | 亿元 | 95.6 | 88.0 | 8.6 |
| 城镇居民人均可支配收入 | 元 | 48210 | 46305 | 4.1 |
| 农村居民人均可支配收入 | 元 | 25133 | 23780 | 5.7 |
| 年末户籍人口 | 万人 | 52.3 | 52.8 | -0.9 |
| 出生人口 | 万人 | 0.41 | 0.45 | -8.9 |

### 水资源

表2 虚构县水资源（2021—2023年）

单位：亿立方米

| 年份 | 降水量 | 供水总量 |
|---|---|---|
| 2021年 | 30.2 | 8.1 |
| 2022年 | 26.8 | 8.4 |
| 2023年 | 33.5 | 8.2 |

## 卫生

### 医疗机构

表3 2023年虚构县医疗卫生机构

| 机构类别 | 机构数（个） | 机构数（个） | 床位数（张） | 床位数（张） |
|---|---|---|---|---|
|  | 2023年 | 2022年 | 2023年 | 2022年 |
| 综合医院 | 14 | 13 | 5120 | 4980 |
| 乡镇卫生院 | 21 | 22 | 1630 | 1655 |
| 社区卫生服务中心 | 9 | 8 | 420 | 400 |

来源：县统计局
`

// TestAnswerTableAsks checks table questions asked the way people ask:
// shortened and everyday names, relative and bare years, change words,
// several cells, whole rows, extremes, a table's title, yes or no, and a
// table named without its row.
func TestAnswerTableAsks(t *testing.T) {
	e := tableEngine(t, askYearbook)
	tr := tier{years: []int{2023}}
	for _, tc := range []struct {
		name, q string
		want    []string // texts quoted, in order; nil: not the table path's
		title   string   // the title answered, or the first of them
		// stated are the row words a sentence must write to answer a
		// difference asked instead of the growth cell.
		stated  []string
		refused bool
	}{
		// 1. Shortened labels and everyday indicator names.
		{name: "everyday name", q: "财政收入多少", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "abbreviation", q: "社零多少", want: []string{"社会消费品零售总额（2023年）：301.7亿元"}},
		{name: "GDP", q: "GDP是多少", want: []string{"地区生产总值（2023年）：820.4亿元"}},
		{name: "front word dropped", q: "进出口总额多少", want: []string{"货物进出口总额（2023年）：95.6亿元"}},
		{name: "foreign trade", q: "外贸多少", want: []string{"货物进出口总额（2023年）：95.6亿元"}},
		{name: "middle words dropped", q: "城镇人均收入多少", want: []string{"城镇居民人均可支配收入（2023年）：48210元"}},
		{name: "characters in order", q: "医院床位多少张", want: []string{"综合医院（床位数，2023年）：5120张"}},
		{name: "short form of a row", q: "卫生院有几个", want: []string{"乡镇卫生院（机构数，2023年）：21个"}},
		{name: "tie refused", q: "人均收入多少"},
		{name: "one shared character pair is no name", q: "卫生多少"},
		// 2. Years.
		{name: "前年", q: "前年财政收入多少", want: []string{"一般公共预算收入（2022年）：58.2亿元"}},
		{name: "现在 is the latest year", q: "财政收入现在多少", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "上一年", q: "上一年GDP多少", want: []string{"地区生产总值（2022年）：790.1亿元"}},
		{name: "bare year", q: "2022降水量多少", want: []string{"2022年（降水量）：26.8亿立方米"}},
		{name: "bare year before the row", q: "GDP 2022是多少", want: []string{"地区生产总值（2022年）：790.1亿元"}},
		{name: "a quantity is no year", q: "GDP超过2022亿元了吗", want: []string{"地区生产总值（2023年）：820.4亿元"}},
		// 3. Change words.
		{name: "涨了百分之几", q: "社零涨了百分之几", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "降了多少%", q: "社会消费品零售总额降了多少%", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "同比", q: "外贸同比多少", want: []string{"货物进出口总额：比上年增长8.6%"}},
		{name: "比上一年少了百分之几", q: "社零比上一年少了百分之几", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "涨了还是跌了", q: "GDP涨了还是跌了", want: []string{"地区生产总值：比上年增长5.1%"}},
		{name: "幅度", q: "财政收入增长幅度", want: []string{"一般公共预算收入：比上年增长5.3%"}},
		// Both levels and the growth, never a difference computed.
		{name: "a difference gets the row", q: "GDP比上年增加了多少", want: []string{"地区生产总值：2023年 820.4亿元；2022年 790.1亿元；比上年增长5.1%"}, stated: []string{"gdp"}},
		{name: "a change weighed", q: "社零是增加还是减少了", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "the 年 of 去年 is no label's", q: "去年人口出生多少", want: []string{"出生人口（2023年）：0.41万人"}},
		// 4. Several cells.
		{name: "two years", q: "GDP去年和前年分别多少", want: []string{"地区生产总值（2023年）：820.4亿元", "地区生产总值（2022年）：790.1亿元"}},
		{name: "two rows", q: "财政收入和社零各多少", want: []string{"一般公共预算收入（2023年）：61.3亿元", "社会消费品零售总额（2023年）：301.7亿元"}},
		{name: "two rows compared", q: "城镇和农村居民人均可支配收入哪个增长快", want: []string{"农村居民人均可支配收入：比上年增长5.7%", "城镇居民人均可支配收入：比上年增长4.1%"}},
		{name: "both years and the growth", q: "外贸两年的数和增速都说一下", want: []string{"货物进出口总额：2023年 95.6亿元；2022年 88.0亿元；比上年增长8.6%"}},
		{name: "a level and its growth in two parts", q: "外贸多少，增长多少", want: []string{"货物进出口总额：2023年 95.6亿元；2022年 88.0亿元；比上年增长8.6%"}},
		{name: "年底 for 年末", q: "前年年底户籍人口多少", want: []string{"年末户籍人口（2022年）：52.8万人"}},
		{name: "几个点 asks the growth", q: "财政收入涨了几个点", want: []string{"一般公共预算收入：比上年增长5.3%"}},
		{name: "a row shown in other words", q: "财政收入那行数据都给我看看", want: []string{"一般公共预算收入：2023年 61.3亿元；2022年 58.2亿元；比上年增长5.3%"}},
		{name: "a verb names the births row", q: "2022年生了多少小孩", want: []string{"出生人口（2022年）：0.45万人"}},
		{name: "增了还是减了", q: "社零是增了还是减了", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "an indicator named by its growth", q: "经济增速多少", want: []string{"地区生产总值：比上年增长5.1%"}},
		{name: "经济 without a growth names no row", q: "前年经济多少"},
		{name: "a clarification restating the row", q: "去年财政收入多少？就是一般预算那个", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "a clarification asking more", q: "去年财政收入多少？就是税收那个"},
		{name: "财政预算收入", q: "财政预算收入多少", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "规模 asks the level", q: "外贸规模多大", want: []string{"货物进出口总额（2023年）：95.6亿元"}},
		{name: "跟 joins rows", q: "财政收入跟社零各多少", want: []string{"一般公共预算收入（2023年）：61.3亿元", "社会消费品零售总额（2023年）：301.7亿元"}},
		// 5. Whole rows.
		{name: "row in everyday words", q: "综合医院那一行的数都列一下", want: []string{"综合医院：机构数2023年 14个；机构数2022年 13个；床位数2023年 5120张；床位数2022年 4980张"}},
		{name: "row of a year", q: "水资源表2022年的数据都列一下", want: []string{"2022年：降水量 26.8亿立方米；供水总量 8.4亿立方米"}},
		{name: "a row as 这一项", q: "外贸这一项所有数据列一下", want: []string{"货物进出口总额：2023年 95.6亿元；2022年 88.0亿元；比上年增长8.6%"}},
		{name: "a row sent whole", q: "财政收入那一整行数据都发我", want: []string{"一般公共预算收入：2023年 61.3亿元；2022年 58.2亿元；比上年增长5.3%"}},
		{name: "a row reported", q: "社零那一行的数字都报一下", want: []string{"社会消费品零售总额：2023年 301.7亿元；2022年 310.2亿元；比上年增长-2.7%"}},
		{name: "column of years", q: "降水量各年", want: []string{"2021年（降水量）：30.2亿立方米", "2022年（降水量）：26.8亿立方米", "2023年（降水量）：33.5亿立方米"}},
		// 6. Extremes.
		{name: "fastest growth of a table", q: "经济指标里哪项增长最快", want: []string{"货物进出口总额：比上年增长8.6%"}},
		{name: "year of the most", q: "哪一年降水量最多", want: []string{"2023年（降水量）：33.5亿立方米"}},
		{name: "an extreme of a title's table is no title question", q: "水资源表里哪一年供水总量最多", want: []string{"2022年（供水总量）：8.4亿立方米"}},
		{name: "row with the fewest", q: "哪类机构床位最少", want: []string{"社区卫生服务中心（床位数，2023年）：420张"}},
		{name: "units differ", q: "国民经济主要指标里哪项最多"},
		{name: "year of the most in a row", q: "出生人口哪年最多", want: []string{"出生人口（2022年）：0.45万人"}},
		{name: "two years compared", q: "GDP哪一年更高", want: []string{"地区生产总值（2023年）：820.4亿元", "地区生产总值（2022年）：790.1亿元"}},
		{name: "two bare years compared", q: "出生人口2023和2022哪年多", want: []string{"出生人口（2022年）：0.45万人", "出生人口（2023年）：0.41万人"}},
		{name: "a year compared with 比", q: "社零23年比22年多了吗，各多少", want: []string{"社会消费品零售总额（2022年）：310.2亿元", "社会消费品零售总额（2023年）：301.7亿元"}},
		{name: "two years compared without a comparative", q: "GDP去年和前年比怎么样", want: []string{"地区生产总值（2023年）：820.4亿元", "地区生产总值（2022年）：790.1亿元"}},
		{name: "降得最厉害", q: "经济指标里哪项降得最厉害", want: []string{"出生人口：比上年增长-8.9%"}},
		{name: "a decline turns the extreme", q: "经济指标里哪项降得最多", want: []string{"出生人口：比上年增长-8.9%"}},
		// Which rows fell: every growth below zero, as written.
		{name: "rows that fell", q: "经济指标里哪些是负增长", want: []string{"社会消费品零售总额：比上年增长-2.7%", "年末户籍人口：比上年增长-0.9%", "出生人口：比上年增长-8.9%"}},
		{name: "rows that fell, 下降", q: "经济指标里哪项下降了", want: []string{"社会消费品零售总额：比上年增长-2.7%", "年末户籍人口：比上年增长-0.9%", "出生人口：比上年增长-8.9%"}},
		{name: "负增长 asked of one row", q: "社零是负增长吗", want: []string{"社会消费品零售总额：比上年增长-2.7%"}},
		{name: "rows that did not fall are no fall", q: "经济指标里哪些没有下降"},
		{name: "a year inside a name is asked", q: "城镇居民2022人均收入多少", want: []string{"城镇居民人均可支配收入（2022年）：46305元"}},
		// 7. Title and year.
		{name: "years of a table, each listed", q: "水资源这个表统计的是哪几年", title: "表2 虚构县水资源（2021—2023年）：2021年、2022年、2023年"},
		{name: "year of a table named by its words", q: "医疗卫生机构表是哪一年的", title: "表3 2023年虚构县医疗卫生机构"},
		// 8. Yes or no.
		{name: "threshold", q: "城镇居民人均可支配收入超过5万了吗", want: []string{"城镇居民人均可支配收入（2023年）：48210元"}},
		// 9. A table named, its row lacking.
		{name: "row lacking", q: "医疗卫生机构表里妇幼保健院有几个", refused: true},
		{name: "row lacking in a numbered table", q: "表3里妇幼保健院有几个", refused: true},
		{name: "row lacking, a year asked", q: "医疗卫生机构表里2023年妇幼保健院有几个", refused: true},
		{name: "a table by its number", q: "表2是哪一年的", title: "表2 虚构县水资源（2021—2023年）"},
		{name: "tables of different years are not one", q: "这个表统计的是哪一年"},
		{name: "question words of a phone", q: "帮我查下财政收入有多少亿", want: []string{"一般公共预算收入（2023年）：61.3亿元"}},
		{name: "prose words are not the table's", q: "全县旅游收入多少"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			switch {
			case tc.refused:
				if !ok || !res.refused || res.related < 0 || !strings.Contains(res.why, "no row") || len(res.years) > 0 {
					t.Fatalf("got %+v, %v; want a refusal naming the table", res, ok)
				}
			case tc.title != "":
				if !ok || len(res.titles) == 0 || res.titles[0] != tc.title {
					t.Fatalf("got %+v, %v; want the title %s", res, ok, tc.title)
				}
			case tc.want == nil:
				if ok {
					t.Fatalf("answered %v (%s), want the selector to decide", quoted(e, res), res.why)
				}
			case !ok || res.refused:
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			default:
				if got := quoted(e, res); !slices.Equal(got, tc.want) || !slices.Equal(res.stated, tc.stated) {
					t.Fatalf("quoted %v (stated %v), want %v (%v) (%s)", got, res.stated, tc.want, tc.stated, res.why)
				}
			}
		})
	}
}

// TestTableYesNo checks that a yes/no question about a cell gets the
// verdict prose answers get, from the quoted cell.
func TestTableYesNo(t *testing.T) {
	e := tableEngine(t, askYearbook)
	for q, want := range map[string]string{
		"城镇居民人均可支配收入超过5万了吗": "否",
		"财政收入超过60亿了吗":       "是",
		"综合医院床位有没有超过5000张":  "是",
	} {
		qa := extract.Analyze(e.Normalize(q))
		res, ok := e.answerTable(qa, tier{years: []int{2023}})
		if !ok || len(res.quote) != 1 {
			t.Fatalf("%s: got %+v, %v; want one cell", q, res, ok)
		}
		facts := []Fact{{Text: e.passages[res.quote[0]].Paragraph.Text}}
		if got := verdict(e.Normalize(q), qa, facts); got != want {
			t.Errorf("%s: verdict %q on %q, want %q", q, got, facts[0].Text, want)
		}
	}
}

func TestInOrderRun(t *testing.T) {
	for _, tc := range []struct {
		q, label string
		want     string // the run; "" when none names the label
	}{
		{"高速里程多少", "高速公路里程", "高速里程"},
		{"普高有几所", "普通高中", "普高"},
		{"快递多少", "快递业务量", "快递"},
		{"吞吐量多少", "机场旅客吞吐量", "吞吐量"},
		{"客运量多少", "机场旅客吞吐量", ""},
		{"人口多少", "年末常住人口", "人口"},
		{"旅客多少", "机场旅客吞吐量", ""},
		{"2023年", "2023年", ""},
		// A question word or a blanked year inside a name does not end
		// its run; one after the name's last character is not taken in.
		{"城镇居民人均能支配多少收入", "城镇居民人均可支配收入", "城镇居民人均能支配多少收入"},
		{"城镇居民    人均收入", "城镇居民人均可支配收入", "城镇居民    人均收入"},
		{"人均收入多少", "城镇居民人均可支配收入", "人均收入"},
		{"多少人均收入", "城镇居民人均可支配收入", "人均收入"},
		// Two of the name's characters must follow a gap.
		{"城镇居民多少人", "城镇居民人均可支配收入", "城镇居民"},
		{"城镇居民多少人均", "城镇居民人均可支配收入", "城镇居民多少人均"},
	} {
		s, _, ok := inOrderRun([]rune(tc.q), []rune(tc.label))
		got := ""
		if ok {
			got = tc.q[s.start:s.end]
		}
		if got != tc.want {
			t.Errorf("%s in %s: %q, want %q", tc.q, tc.label, got, tc.want)
		}
	}
}

func TestIndicatorVariants(t *testing.T) {
	got := indicatorVariants("城镇居民人均可支配收入")
	for _, w := range []string{"城镇居民人均收入", "城市居民人均可支配收入"} {
		if !slices.Contains(got, w) {
			t.Errorf("variants %v lack %s", got, w)
		}
	}
	if v := indicatorVariants("降水量"); len(v) != 0 {
		t.Errorf("variants of a label without a standard name: %v", v)
	}
}

// TestStatesChange checks when a sentence the selector found, rather than
// a growth cell, answers a difference asked (常住人口增加了多少).
func TestStatesChange(t *testing.T) {
	e := tableEngine(t, cellsYearbook)
	factOf := func(text string) Fact {
		for i, p := range e.passages {
			if p.Paragraph.Text == text {
				return Fact{Text: text, Source: e.hit(i, 1).Source}
			}
		}
		t.Fatalf("no paragraph %q", text)
		return Fact{}
	}
	prose := factOf("2020年，全市服务业增加值50.2亿元，比上年增长4.0%。")
	cell := factOf("工业增加值（2020年）：40.2亿元")
	for _, tc := range []struct {
		name   string
		facts  []Fact
		stated []string
		want   bool
	}{
		{"a sentence writing the row", []Fact{prose}, []string{"服务业增加值"}, true},
		{"a sentence about another row", []Fact{prose}, []string{"工业增加值"}, false},
		{"a table cell", []Fact{cell}, []string{"工业增加值"}, false},
		{"nothing found", nil, []string{"工业增加值"}, false},
	} {
		if got := e.statesChange(tc.facts, tc.stated); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestTitlesOfOneYear checks that a question about "the table" with
// several loaded gets every title when they name one year between them.
func TestTitlesOfOneYear(t *testing.T) {
	e := tableEngine(t, strings.Replace(askYearbook, "表2 虚构县水资源（2021—2023年）", "表2 2023年虚构县水资源", 1))
	res, ok := e.answerTable(extract.Analyze(e.Normalize("这些表是哪一年的")), tier{years: []int{2023}})
	if !ok || len(res.titles) != 3 || len(res.quote) != 3 {
		t.Fatalf("got %+v, %v; want the three titles", res, ok)
	}
	if f := titleFact(res.titles[1], Source{}); f.Text != "2023年虚构县水资源" || len(f.Figures) != 1 {
		t.Errorf("title fact %+v", f)
	}
}

// TestComparisonLead checks that two figures compared are answered with
// which is larger, or with yes or no when the question is one.
func TestComparisonLead(t *testing.T) {
	e := tableEngine(t, askYearbook)
	for q, want := range map[string]string{
		"出生人口2023和2022哪年多": "2022年更多",
		"社零23年比22年多了吗":     "不是",
		"GDP2023年比2022年高吗": "是",
		"财政收入和社零哪个少":       "一般公共预算收入更少",
		"GDP去年和前年比怎么样":     "2023年更多",
		"城镇居民人均可支配收入哪一年更高": "2023年更高",
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2023}})
		if !ok || res.lead != want {
			t.Errorf("%s: lead %q (%v, %s), want %q", q, res.lead, ok, res.why, want)
		}
	}
}

// TestFillerRunNamesNothing checks that a shortened form made of
// question words (的人 of 住在城镇的人) names no row.
func TestFillerRunNamesNothing(t *testing.T) {
	e := tableEngine(t, `# 虚构县年鉴2024

## 人口

表1 2023年虚构县人口

| 指标 | 2023年 | 2022年 |
|---|---|---|
| 城镇人口（万人） | 30.1 | 29.5 |
| 外来务工人员（万人） | 5.2 | 5.6 |
`)
	for q, want := range map[string][]string{
		"外地来打工的人，23年和22年哪年多": {"外来务工人员（万人）（2022年）：5.6", "外来务工人员（万人）（2023年）：5.2"},
		"住在城镇的人有多少":          {"城镇人口（万人）（2023年）：30.1"},
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2023}})
		if got := quoted(e, res); !ok || !slices.Equal(got, want) {
			t.Errorf("%s: %v (%v, %s), want %v", q, got, ok, res.why, want)
		}
	}
}

// TestOtherIndicatorRefused checks that a row named only through another
// indicator's name (出口额 of 货物进出口总额) is refused, the row related.
func TestOtherIndicatorRefused(t *testing.T) {
	e := tableEngine(t, askYearbook)
	for _, tc := range []struct {
		q       string
		refused bool
	}{
		{"去年出口额多少", true},
		{"出口多少", true},
		{"进口额是多少", true},
		{"外贸多少", false},
		{"进出口额多少", false},
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tier{years: []int{2023}})
		if !ok || res.refused != tc.refused || tc.refused && (res.related < 0 || !strings.Contains(res.why, "another indicator") || len(res.years) > 0) {
			t.Errorf("%s: %+v %v, want refused %v", tc.q, res, ok, tc.refused)
		}
	}
}

// TestShareIsNoComparison checks that 比例 of a share asked between two
// rows is no comparison of them.
func TestShareIsNoComparison(t *testing.T) {
	e := tableEngine(t, askYearbook)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("出生人口占年末户籍人口的比例是多少")), tier{years: []int{2023}})
	if ok && !res.refused {
		t.Errorf("answered %v (%s), want the selector to decide", quoted(e, res), res.why)
	}
}

// A column telling a fall itself (比上年下降%) answers no question of
// which rows fell: its negative cells rose.
func TestFallenInADeclineColumn(t *testing.T) {
	e := tableEngine(t, `# 虚构县年鉴2024

## 能源

### 能耗

表1 2023年虚构县能源消耗

| 指标 | 2023年 | 比上年下降% |
|---|---|---|
| 单位生产总值能耗 | 0.41 | 3.2 |
| 单位工业增加值能耗 | 0.88 | -1.5 |
| 单位建筑面积能耗 | 0.12 | 2.1 |
`)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("能源消耗表里哪些下降了")), tier{years: []int{2023}})
	if ok && !res.refused && len(res.quote) > 0 {
		t.Errorf("quoted %v (%s), want no rows read as fallen", quoted(e, res), res.why)
	}
}

// A name that a question word splits names no longer label through one
// character after it (城镇居民多少人 is no income).
func TestGapNeedsTwoCharacters(t *testing.T) {
	e := tableEngine(t, askYearbook)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("城镇居民多少人")), tier{years: []int{2023}})
	if got := quoted(e, res); ok && slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "可支配收入") }) {
		t.Errorf("quoted %v (%s), want no income cell", got, res.why)
	}
}
