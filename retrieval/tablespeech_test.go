package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// speechYearbook has labels people shorten in speech: a level with a
// bracketed alternative, a measure's ending, the long names of kinds of
// power, a label holding 单位.
const speechYearbook = `# 样例县年鉴2024

## 能源

### 能源指标

表1 2023年样例县能源主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---:|---:|---:|
| 发电量 | 亿千瓦时 | 12.1 | 12.6 | -4.0 |
| 其中：火力发电量 | 亿千瓦时 | 8.1 | 9.0 | -10.0 |
| 城乡居民生活用电量 | 亿千瓦时 | 2.2 | 2.0 | 10.0 |
| 工业用电量 | 亿千瓦时 | 5.5 | 6.0 | -8.3 |
| 企业单位数 | 家 | 40 | 38 | 5.3 |

## 文化

### 文化设施

表2 2023年样例县文化设施

| 设施类别 | 从业人员（人） | 从业人员（人） |
|---|---:|---:|
|  | 2023年 | 2022年 |
| 镇（街道）文化站 | 30 | 28 |
| 图书馆 | 12 | 11 |

### 植树

表3 样例县植树情况（2020—2023年）

单位：万株

| 年份 | 植树 | 补植 |
|---|---:|---:|
| 2022年 | 1.1 | 0.2 |
| 2023年 | 1.3 | 0.3 |

## 商贸

### 商贸指标

表4 2023年样例县商贸指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---:|---:|---:|
| 进出口总额 | 亿元 | 30.2 | 28.0 | 7.9 |
| 网络零售额 | 亿元 | 12.4 | 10.1 | 22.8 |
| 柴油销售量 | 万吨 | 3.2 | 3.5 | -8.6 |

### 景区接待

表5 2023年样例县景区接待情况

| 景区 | 接待游客（万人次） | 接待游客（万人次） | 从业人员（人） |
|---|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 |
| 东湖公园 | 40.5 | 36.2 | 120 |
| 西山寺 | 22.1 | 25.3 | 64 |

### 养老设施

表6 2023年样例县各镇养老设施

| 镇 | 养老床位（张） |
|---|---:|
| 东镇 | 300 |
| 西镇 | 220 |
| 合　计 | 520 |

### 绿地

表7 2023年样例县与上级人均公园绿地面积

| 地区 | 人均公园绿地面积（平方米） |
|---|---:|
| 全县 | 15.2 |
| 丁县 | 12.1 |
| 全市 | 13.5 |
| 全省 | 14.0 |

### 卫生

表8 2023年样例县卫生机构

| 项目 | 医院 | 乡镇卫生院 | 村卫生室 |
|---|---:|---:|---:|
| 合计（个） | 14 | 22 | 310 |
| 床位（张） | 1800 | 900 | 40 |

### 人口

表9 样例县人口变动（2022—2023年）

单位：人

| 年份 | 出生人口 | 迁入人口 | 迁出人口 |
|---|---:|---:|---:|
| 2022年 | 410 | 760 | 900 |
| 2023年 | 380 | 800 | 850 |
`

// TestSpokenLabels checks the table path reads the ways speech names a
// label: a level for a bracketed one (镇级), a measure without its ending
// (居民用电), a kind's short name (火电), a staff's everyday name (工作人员),
// a verb of doing (搞了), a fall said as 掉, and a unit asked beside a label
// holding 单位.
func TestSpokenLabels(t *testing.T) {
	e := tableEngine(t, speechYearbook)
	tr := tier{years: []int{2023}}
	for _, tc := range []struct {
		q, want, lead string
	}{
		{q: "镇级文化站去年有多少工作人员", want: "镇（街道）文化站（从业人员，2023年）：30人"},
		{q: "镇文化站前年多少从业人员", want: "镇（街道）文化站（从业人员，2022年）：28人"},
		{q: "居民用电多少", want: "城乡居民生活用电量（2023年）：2.2亿千瓦时"},
		{q: "去年火电发电量是多少", want: "其中：火力发电量（2023年）：8.1亿千瓦时"},
		{q: "工业用电掉了多少", want: "工业用电量：比上年增长-8.3%"},
		{q: "植树搞了多少", want: "2023年（植树）：1.3万株"},
		{q: "工业用电量是按什么单位统计的", want: "工业用电量（2023年）：5.5亿千瓦时", lead: "单位：亿千瓦时"},
		{q: "网上零售额2022年是多少", want: "网络零售额（2022年）：10.1亿元"},
		{q: "柴油卖了多少", want: "柴油销售量（2023年）：3.2万吨"},
		// A row of totals is no rival of its parts (合　计 spaced as
		// tables write it); rows of several wholes are rivals.
		{q: "哪个镇养老床位最多", want: "东镇（养老床位）：300张"},
		// 来了 beside the column it asks (游客 of 接待游客).
		{q: "东湖公园2023年游客来了多少", want: "东湖公园（接待游客，2023年）：40.5万人次"},
		{q: "迁进来的人2023年有多少", want: "2023年（迁入人口）：800人"},
		{q: "迁走的人2022年有多少", want: "2022年（迁出人口）：900人"},
		{q: "孩子哪一年生的最少", want: "2023年（出生人口）：380人"},
		{q: "人均公园绿地面积哪个最大", want: "全县（人均公园绿地面积）：15.2平方米"},
		{q: "商贸这几个指标谁涨幅最大", want: "网络零售额：比上年增长22.8%"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %s", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, []string{tc.want}) || res.lead != tc.lead {
				t.Fatalf("quoted %v lead %q, want %s lead %q", got, res.lead, tc.want, tc.lead)
			}
		})
	}
}

// TestUnspokenLabels checks that a word a label ends with, short of a
// measure's ending, does not name it (单位 of 企业单位数, asked as a unit
// or as a kind of organisation).
func TestUnspokenLabels(t *testing.T) {
	e := tableEngine(t, speechYearbook)
	tr := tier{years: []int{2023}}
	// 来了 with no column named takes none chosen by its unit (从业人员).
	if res, ok := e.answerTable(extract.Analyze(e.Normalize("东湖公园2023年来了多少人")), tr); ok && !res.refused {
		t.Errorf("东湖公园2023年来了多少人: quoted %v, want no column chosen by its unit", quoted(e, res))
	}
	for _, q := range []string{"工业用电量的单位", "工业用电量单位是多少", "全县单位有几家"} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
		if got := quoted(e, res); ok && slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "企业单位数") }) {
			t.Errorf("%s: quoted %v, want no 企业单位数", q, got)
		}
	}
}

// TestWithoutTotals checks which cells of a row of totals are dropped
// from those compared: only in one column, and only the one whole among
// them.
func TestWithoutTotals(t *testing.T) {
	e := tableEngine(t, speechYearbook)
	ix := e.tables
	cellsOf := func(table int, keep func(tableCell) bool) []int {
		var out []int
		for i, c := range ix.cells {
			if c.table == table && keep(c) {
				out = append(out, i)
			}
		}
		return out
	}
	rowOf := func(c int) string { return strings.Join(ix.tables[ix.cells[c].table].rowNames[ix.cells[c].row], "") }
	for _, tc := range []struct {
		name  string
		table int
		keep  func(tableCell) bool
		want  int // cells left
	}{
		{"one column with its total", 5, func(tableCell) bool { return true }, 2},
		{"several wholes", 6, func(tableCell) bool { return true }, 4},
		{"a total beside another row", 7, func(c tableCell) bool { return c.col == 1 || c.row == 1 }, 4},
	} {
		cands := cellsOf(tc.table, tc.keep)
		got := ix.withoutTotals(slices.Clone(cands), tableQuery{})
		if len(got) != tc.want {
			var rows []string
			for _, c := range got {
				rows = append(rows, rowOf(c))
			}
			t.Errorf("%s: %d of %d cells left (%v), want %d", tc.name, len(got), len(cands), rows, tc.want)
		}
	}
}

func TestLevelVariants(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  []string
	}{
		{"村(社区)服务中心", []string{"村服务中心", "村级服务中心"}},
		{"税收(地方级)", nil}, // a bracket closing the label qualifies it
		{"学校(所)数", nil},  // no level opens it
		{"镇(街道)", nil},   // nothing after the bracket
		{"甲(乙", nil},     // unclosed
	} {
		if got := levelVariants(tc.label); !slices.Equal(got, tc.want) {
			t.Errorf("levelVariants(%s) = %v, want %v", tc.label, got, tc.want)
		}
	}
}
