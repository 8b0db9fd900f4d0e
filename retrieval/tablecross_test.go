package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// crossYearbook has the shapes whose reading the round on two more table
// authors taught: short names of label words, a title sharing a label's
// words, a growth column beside a measure and its part, a blank cell, a
// row of totals, two columns counted alike, a series crossing a value.
const crossYearbook = `# 样例区年鉴2024

## 城市建设

### 主要指标

表1 2023年样例区城市更新主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---:|---:|---:|
| 城市更新完成投资 | 亿元 | 90.0 | 80.0 | 12.5 |
| 棚户区改造新开工 | 套 | 1500 | 1800 | -16.7 |
| 危旧房改造涉及居民 | 万户 | 1.2 | 1.5 | -20.0 |
| 新增街心花园 | 处 | 12 | 10 | 20.0 |
| 财政支出 | 亿元 | 30.5 | 28.1 | 8.5 |

### 电子商务

表2 样例区电子商务（2020—2023年）

单位：亿元

| 年份 | 电子商务交易额 |
|---|---:|
| 2020年 | 400 |
| 2021年 | 480 |
| 2022年 | 520 |
| 2023年 | 560 |

### 文物

表3 样例区各级文物保护单位

| 级别 | 保护单位数（处） | 保护单位数（处） | 对外开放数（处） | 本年新增保护单位（处） |
|---|---:|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 | 2023年 |
| 省级文物保护单位 | 12 | 11 | 9 | 1 |
| 县级文物保护单位 | 20 | 18 | 15 | 2 |
| 合计 | 32 | 29 | 24 | 3 |

### 港口

表4 2023年样例港分货类吞吐量

| 货类 | 吞吐量（万吨） | 其中：外贸（万吨） | 比上年增长% |
|---|---:|---:|---:|
| 煤炭 | 100 | 40 | -2.0 |
| 粮食 | 50 |  | 3.0 |

### 社保

表5 样例区参保人数（2021—2023年）

单位：万人

| 年份 | 城乡居民基本医疗保险 | 城镇职工基本养老保险 |
|---|---:|---:|
| 2021年 | 40.1 | 6.0 |
| 2022年 | 39.8 | 6.3 |
| 2023年 | 39.5 | 6.6 |

### 财政

表6 样例区财政（2022—2023年）

单位：亿元

| 年份 | 财政支出 |
|---|---:|
| 2022年 | 28.1 |
| 2023年 | 30.5 |

### 教育

表7 2023年样例区在校生

| 学校 | 在校生（人） |
|---|---:|
| 小学 | 3000 |
| 初中 | 2000 |
| 小计 | 5000 |
| 幼儿园 | 1000 |
| 合计 | 6000 |

### 行业

表8 2023年样例区分行业营业额

| 行业 | 营业额（亿元） |
|---|---:|
| 住宿和餐饮业 | 5.2 |
| 批发和零售业 | 20.1 |
`

// TestCrossReadings checks each reading on crossYearbook.
func TestCrossReadings(t *testing.T) {
	e := tableEngine(t, crossYearbook)
	tr := tier{years: []int{2023}}
	for _, tc := range []struct {
		q    string
		want []string
		lead string
	}{
		{q: "去年棚改新开工是涨是跌", want: []string{"棚户区改造新开工：比上年增长-16.7%"}},
		{q: "危旧房改造涉及居民户数多少", want: []string{"危旧房改造涉及居民（2023年）：1.2万户"}},
		{q: "危旧房改造涉及居民同比变化", want: []string{"危旧房改造涉及居民：比上年增长-20.0%"}},
		// A row in a table of main indicators and in one by year is one
		// thing, not two tables joined.
		{q: "财政支出有多少", want: []string{"财政支出（2023年）：30.5亿元", "2023年（财政支出）：30.5亿元"}},
		// A column of the row's own things, not of those added.
		{q: "县级文保单位有几处", want: []string{"县级文物保护单位（保护单位数，2023年）：20处"}},
		{q: "电商交易额是哪年突破500亿", want: []string{"2021年（电子商务交易额）：480亿元", "2022年（电子商务交易额）：520亿元"}, lead: "2022年"},
		{q: "煤炭吞吐量涨幅多少", want: []string{"煤炭：比上年增长-2.0%"}},
		{q: "2021年城乡居民医保有多少人参保", want: []string{"2021年（城乡居民基本医疗保险）：40.1万人"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) || res.lead != tc.lead {
				t.Fatalf("quoted %v lead %q, want %v lead %q (%s)", got, res.lead, tc.want, tc.lead, res.why)
			}
		})
	}
}

// TestCrossRefusals checks what the table path leaves or refuses: a blank
// cell named (refused, saying so), a part's growth the growth column does
// not tell, and names of two tables said in one run.
func TestCrossRefusals(t *testing.T) {
	e := tableEngine(t, crossYearbook)
	tr := tier{years: []int{2023}}
	res, ok := e.answerTable(extract.Analyze(e.Normalize("粮食外贸量是多少")), tr)
	if !ok || !res.refused || !strings.Contains(res.why, "empty") {
		t.Errorf("粮食外贸量是多少: got %+v, %v; want a refusal naming the blank cell", res, ok)
	}
	// A word more than the table's asks what the text may tell.
	if res, ok := e.answerTable(extract.Analyze(e.Normalize("粮食外贸企业有几家")), tr); ok {
		t.Errorf("粮食外贸企业有几家: got %+v, want the selector to decide", res)
	}
	for _, q := range []string{"煤炭外贸涨幅多少", "医保的财政支出", "医保的财政支出？", "住宿和餐饮业财政支出"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr); ok && !res.refused {
			t.Errorf("%s: quoted %v (%s), want no table answer", q, quoted(e, res), res.why)
		}
	}
}

// TestCrossOnlyWhenAll checks what the table path does not do: refuse a
// blank cell beside a column the row fills, take a rate of its own for a
// growth, or read a first year from a question asking every year past a
// value.
func TestCrossOnlyWhenAll(t *testing.T) {
	e := tableEngine(t, crossYearbook)
	tr := tier{years: []int{2023}}
	if res, ok := e.answerTable(extract.Analyze(e.Normalize("粮食吞吐量和外贸量多少")), tr); ok && res.refused && strings.Contains(res.why, "empty") {
		t.Errorf("refused %s, want the filled column not refused", res.why)
	}
	for rate, plain := range map[string]bool{"比上年增长": true, "增速": true, "出生率": false} {
		if got := plainGrowth(rate); got != plain {
			t.Errorf("plainGrowth(%s) = %v, want %v", rate, got, plain)
		}
	}
	for q, first := range map[string]bool{"甲额哪年突破500亿": true, "甲额哪些年突破500亿": false, "甲额哪年没有突破500亿": false} {
		if _, _, ok := passingAsked(q); ok != first {
			t.Errorf("passingAsked(%s) = %v, want %v", q, ok, first)
		}
	}
}
