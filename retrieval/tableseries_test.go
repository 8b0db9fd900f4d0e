package retrieval

import (
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// seriesYearbook is a made-up county yearbook covering 2023: a table with
// a two-level header (counts of institutions beside counts of beds), a
// table of indicators with a unit column, a table with years as rows, and
// a table of levels with a total column.
const seriesYearbook = `# 虚构县年鉴2024

## 民政

### 民政统计

表1 虚构县社会服务机构情况（2022—2023年）

| 机构类别 | 机构数（个） | 机构数（个） | 床位数（张） | 床位数（张） | 年末在院人数（人） |
|---|---:|---:|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 | 2022年 | 2023年 |
| 街道养老机构 | 12 | 14 | 900 | 980 | 530 |
| 救助管理站 | 1 | 1 | 30 | 30 | 9 |

## 工业

### 工业统计

全年新建输电线路20.3公里，完成技改项目18个。

表2 2023年虚构县工业主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---:|---:|---:|
| 水泥 | 万吨 | 120.5 | 131.2 | -8.2 |
| 输电线路 | 公里 | 320.4 | 300.1 | 6.8 |
| 工业总产值 | 亿元 | 80.1 | 75.3 | 6.4 |

## 商贸

### 商贸统计

表3 虚构县零售额（2020—2023年）

单位：亿元

| 年份 | 城区零售额 | 乡村零售额 |
|---|---:|---:|
| 2020年 | 30.2 | 10.1 |
| 2021年 | 33.5 | 9.8 |
| 2022年 | 35.9 | 11.6 |
| 2023年 | 38.4 | 12.3 |

## 人口

### 人口统计

表5 虚构县常住人口（2010—2020年）

单位：万人

| 年份 | 常住人口 |
|---|---:|
| 2010年 | 48.2 |
| 2015年 | 50.6 |
| 2020年 | 52.1 |

## 交通

### 公交

表6 2023年虚构县公交情况

| 公交类别 | 线路（条） | 车辆（辆） | 站点（个） |
|---|---:|---:|---:|
| 城区公交 | 12 | 160 | 300 |

## 科技

### 科技统计

表4 2023年虚构县科技平台情况

单位：个

| 平台类别 | 省级 | 市级 | 合计 |
|---|---:|---:|---:|
| 工程研究中心 | 3 | 9 | 12 |
| 重点实验室 | 1 | 2 | 3 |
`

// TestTableSeries checks table questions answered by rule on tables of
// shapes other authors wrote: a count asked in another counter of things
// (几家 of a column in 个 beside one in 张), a measure said beside a row
// (产量, 总长) told by the cell's unit, the everyday name of a kind of
// institution (养老院), a direction asked of no year, a yes/no comparison
// with the year before, the first year a series passed a value, a cell of
// a column named beside its row's total, the title of a table its labels
// name, the unit a figure is counted in, and the county called 咱县.
func TestTableSeries(t *testing.T) {
	e := tableEngine(t, seriesYearbook)
	tr := tier{years: []int{2023}}
	checkTableCases(t, e, tr, []tableCase{
		{name: "几家 picks the column in 个, not the one in 张", q: "街道养老院有几家", want: []string{"街道养老机构（机构数，2023年）：12个"}},
		{name: "a count of things, not organisations, takes no column in 个", q: "城区公交有几台"},
		{name: "a counter written picks its own column", q: "救助管理站有几张床位", want: []string{"救助管理站（床位数，2023年）：30张"}},
		{name: "a word beside a row in its own label's characters", q: "救助管理站管理人数多少"},
		{name: "the county called 咱县", q: "咱县救助站年底有多少人", want: []string{"救助管理站（年末在院人数，2023年）：9人"}},
		{name: "产量 beside a row in 万吨", q: "前年水泥产量多少", want: []string{"水泥（2022年）：131.2万吨"}},
		{name: "总长 beside a row in 公里", q: "输电线路总长多少", want: []string{"输电线路（2023年）：320.4公里"}},
		{name: "a measure in money names another thing", q: "工业总产值里税收多少"},
		{name: "a direction of no year: the year before", q: "街道养老机构床位是多了还是少了", lead: "减少",
			want: []string{"街道养老机构（床位数，2023年）：900张", "街道养老机构（床位数，2022年）：980张"}},
		{name: "a direction between two named years", q: "2023年街道养老机构床位比2022年是增加了还是减少了", lead: "减少",
			want: []string{"街道养老机构（床位数，2023年）：900张", "街道养老机构（床位数，2022年）：980张"}},
		{name: "a percent asked beside a direction is no level", q: "街道养老机构床位变了百分之几，是多了还是少了"},
		{name: "an amount of no year is the selector's (no cell is quoted empty)", q: "街道养老机构床位减少了多少"},
		{name: "a yes/no comparison with the year before", q: "去年城区零售额比前年高吗", lead: "是",
			want: []string{"2023年（城区零售额）：38.4亿元", "2022年（城区零售额）：35.9亿元"}},
		{name: "a change from the year before is no comparison", q: "去年城区零售额比前年多了百分之几"},
		{name: "the first year past a value", q: "城区零售额从哪年开始超过35亿的", lead: "2022年",
			want: []string{"2021年（城区零售额）：33.5亿元", "2022年（城区零售额）：35.9亿元"}},
		{name: "past the value from the table's first year", q: "乡村零售额哪年开始超过5亿"},
		{name: "past the value after a dip", q: "乡村零售额哪年开始超过11亿", lead: "2022年",
			want: []string{"2021年（乡村零售额）：9.8亿元", "2022年（乡村零售额）：11.6亿元"}},
		{name: "below the value again", q: "乡村零售额哪年开始超过10亿"},
		{name: "years missing before the passing one", q: "常住人口哪年开始超过50万"},
		{name: "never past the value", q: "乡村零售额哪年开始超过50亿"},
		{name: "a column named beside the row", q: "市级工程研究中心多少个", want: []string{"工程研究中心（市级）：9个"}},
		{name: "a column said of one of two rows is the selector's", q: "工程研究中心和市级重点实验室各多少个"},
		{name: "the row's total", q: "工程研究中心总共多少个", want: []string{"工程研究中心（合计）：12个"}},
		{name: "哪几项 fell", q: "工业指标里哪几项是下降的", want: []string{"水泥：比上年增长-8.2%"}},
		{name: "which fell between two years of a table without growth", q: "2021年哪种零售额比20年还少了",
			want: []string{"2020年（乡村零售额）：10.1亿元", "2021年（乡村零售额）：9.8亿元"}},
		{name: "none fell", q: "2022年哪种零售额比2021年减少了"},
		{name: "the unit asked beside a year", q: "水泥用啥单位算的，前年是多少", lead: "单位：万吨", want: []string{"水泥（2022年）：131.2万吨"}},
		{name: "哪个单位 asks who, not the unit", q: "水泥是哪个单位统计的"},
		{name: "the unit asked", q: "水泥是按什么单位统计的", lead: "单位：万吨", want: []string{"水泥（2023年）：120.5万吨"}},
	})
	res, ok := e.answerTable(extract.Analyze(e.Normalize("工程研究中心那张表统计的是哪一年")), tr)
	if !ok || len(res.titles) != 1 || res.titles[0] != "表4 2023年虚构县科技平台情况" {
		t.Errorf("title of the table its labels name: %+v, %v", res, ok)
	}
}

// TestPartsAnsweredByTable checks that a question of two parts, one a
// sentence's and one a cell's, gets both, as does one of two parts each a
// cell's alone: the whole question is no table question, its parts are.
func TestPartsAnsweredByTable(t *testing.T) {
	e := builtEngine(t, seriesYearbook)
	for _, tc := range []struct {
		q    string
		want []string // texts quoted, or the start of a sentence quoted
	}{
		{"去年新建输电线路多少公里？现在输电线路总共多长", []string{"全年新建输电线路20.3公里，", "输电线路（2023年）：320.4公里"}},
		{"救助管理站有几张床位？街道养老院有几家", []string{"救助管理站（床位数，2023年）：30张", "街道养老机构（机构数，2023年）：12个"}},
	} {
		a, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range a.Facts {
			got = append(got, f.Text)
		}
		ok := a.Answered && len(got) == len(tc.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], tc.want[i])
		}
		if !ok {
			t.Errorf("%s: facts %q (answered %v), want %q (why %+v)", tc.q, got, a.Answered, tc.want, a.Why)
		}
	}
}
