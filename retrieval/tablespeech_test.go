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
	for _, q := range []string{"工业用电量的单位", "工业用电量单位是多少", "全县单位有几家"} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
		if got := quoted(e, res); ok && slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "企业单位数") }) {
			t.Errorf("%s: quoted %v, want no 企业单位数", q, got)
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
