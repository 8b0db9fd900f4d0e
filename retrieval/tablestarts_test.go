package retrieval

import (
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// startsYearbook has indicators under a two-level header counted in 起,
// 人 and 场次, and sites of two kinds with the year each was set up.
const startsYearbook = `# 样例县年鉴2025

## 安全

### 指标

表1 2024年样例县安全主要指标

| 指标 | 单位 | 2024年 | 2024年 | 2023年 | 2023年 |
|---|---|---:|---:|---:|---:|
|  |  | 数值 | 增长% | 数值 | 增长% |
| 甲事故 | 起 | 7 | -22.2 | 9 | -10.0 |
| 甲事故死亡 | 人 | 8 | -20.0 | 10 | -9.1 |
| 乙演练 | 场次 | 263 | 12.9 | 233 | — |

## 园林

### 园区

表2 2024年样例县公园和林场情况

| 名称 | 类型 | 面积（公顷） | 年接待游客（万人次） | 设立年份 |
|---|---|---:|---:|---:|
| 东山林场 | 林场 | 6000 | 12.5 | 1958年 |
| 西山林场 | 林场 | 5000 | 8.3 | 1962年 |
| 北湖公园 | 城市公园 | 60 | 64.8 | 1985年 |
| 南湖公园 | 城市公园 | 40 | 47.6 | 2019年 |
`

// TestStartsAndSpokenCounts checks cells asked in speech: 几个人 of a
// column in 人, 出了几起 of happenings, 多少场 of 场次, 来多少 of visitors,
// the year a site began asked with any verb of starting, the first or
// last to begin, and the largest among the sites of the kind said.
func TestStartsAndSpokenCounts(t *testing.T) {
	e := tableEngine(t, startsYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct{ q, want string }{
		{"2023年甲事故死了几个人", "甲事故死亡（2023年）：10人"},
		{"2023年甲事故一共出了几起", "甲事故（2023年）：9起"},
		{"乙演练2023年有多少场", "乙演练（2023年）：233场次"},
		{"北湖公园一年能来多少游客", "北湖公园 城市公园（年接待游客）：64.8万人次"},
		{"北湖公园是哪一年建成的", "北湖公园 城市公园（设立年份）：1985年"},
		{"西山林场啥时候成立", "西山林场 林场（设立年份）：1962年"},
		{"哪个城市公园设立得最早", "北湖公园 城市公园（设立年份）：1985年"},
		{"哪个林场设立最晚", "西山林场 林场（设立年份）：1962年"},
		{"面积最大的城市公园是哪个", "北湖公园 城市公园（面积）：60公顷"},
		{"哪家的年接待游客最多", "北湖公园 城市公园（年接待游客）：64.8万人次"},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, []string{tc.want}) })
	}
}

// TestStartsApart checks that another deed than a start (扩建, 改造) is
// not asked of the column of the years sites began.
func TestStartsApart(t *testing.T) {
	e := tableEngine(t, startsYearbook)
	for _, q := range []string{"北湖公园哪年扩建的", "北湖公园什么时候改造的"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2024}}); ok {
			t.Errorf("%s: quoted %v, want no table answer", q, quoted(e, res))
		}
	}
}

// TestSentenceBesideNamedRows checks that a sentence stating a change or
// a share the table does not hold still competes when the rows and cells
// of that table, each repeating the labels asked, fill the first hits.
func TestSentenceBesideNamedRows(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	e := builtEngine(t, `# 样例县年鉴2025

## 财政

### 收支

2024年，样例县完成甲类收入18.62亿元，比上年增长5.4%，其中乙类收入12.37亿元，比上年增长3.8%，占甲类收入的66.4%。

表1 样例县甲类收入（2017—2024年）

单位：亿元

| 年份 | 甲类收入 | 乙类收入 |
|---|---:|---:|
| 2017年 | 10.10 | 6.10 |
| 2018年 | 11.20 | 6.80 |
| 2019年 | 12.30 | 7.50 |
| 2020年 | 14.08 | 8.90 |
| 2021年 | 15.73 | 9.60 |
| 2022年 | 16.90 | 10.80 |
| 2023年 | 17.67 | 11.92 |
| 2024年 | 18.62 | 12.37 |
`)
	for q, want := range map[string]string{"甲类收入增长了多少": "5.4%", "乙类收入占甲类收入多大比重": "66.4%"} {
		a, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || len(a.Facts) == 0 || !strings.Contains(a.Facts[0].Text, want) {
			t.Errorf("%s: got %+v, want the sentence's %s", q, a, want)
		}
	}
}

// TestPlaceRowNamedWhole checks that a township row is named by its own
// name, with or without its kind, never by a part of it and the kind that
// another township's name shares (甲湾镇 of a table holding 乙湾镇, in a
// county whose name holds 甲).
func TestPlaceRowNamedWhole(t *testing.T) {
	e := tableEngine(t, `# 甲河湾县年鉴2025

## 民政

### 养老

表1 2024年甲河湾县各乡镇养老机构

| 乡镇 | 养老机构（家） |
|---|---:|
| 乙湾镇 | 2 |
| 丙河乡 | 1 |
`)
	tr := tier{years: []int{2024}}
	wantQuoted(t, e, tr, "乙湾养老机构有几家", []string{"乙湾镇（养老机构）：2家"})
	wantQuoted(t, e, tr, "乙湾镇养老机构有几家", []string{"乙湾镇（养老机构）：2家"})
	for _, q := range []string{"甲湾镇养老机构有几家", "丁河乡养老机构有几家"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr); ok && !res.refused {
			t.Errorf("%s: quoted %v, want no township's cell", q, quoted(e, res))
		}
	}
}

// townshipsYearbook has one table of townships and a row of totals.
const townshipsYearbook = `# 样例县年鉴2025

## 民政

### 养老

表1 2024年样例县各乡镇养老机构

| 乡镇 | 养老机构（个） | 床位数（张） |
|---|---:|---:|
| 甲镇 | 2 | 420 |
| 乙镇 | 1 | 300 |
| 丙乡 | 2 | 350 |
| 丁乡 | 1 | 200 |
| 合计 | 6 | 1270 |
`

// TestRowsMeetingAValue checks the rows of one column that meet a value
// said with a comparison (超过), or a count said with 有 alone, matched
// exactly; the total row is no rival, and a question naming a row or
// asking yes or no is not this one's.
func TestRowsMeetingAValue(t *testing.T) {
	e := tableEngine(t, townshipsYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"哪些乡镇床位超过300张", []string{"甲镇（床位数）：420张", "丙乡（床位数）：350张"}},
		{"床位不到300张的乡镇有哪些", []string{"丁乡（床位数）：200张"}},
		{"有2家养老机构的乡镇是哪几个", []string{"甲镇（养老机构）：2个", "丙乡（养老机构）：2个"}},
		{"仅有1家养老机构的是哪些乡镇", []string{"乙镇（养老机构）：1个", "丁乡（养老机构）：1个"}},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, tc.want) })
	}
	// A bound after the count is no count to match, and a change asked is
	// met by no level.
	for _, q := range []string{"甲镇床位超过300张了吗", "哪些乡镇床位超过5000张", "哪些乡镇有2家以上养老机构", "哪些乡镇床位比上年增加超过50张"} {
		if res, ok := e.answerRowsMeeting(e.readTableQuery(extract.Analyze(e.Normalize(q)), tr), tr); ok {
			t.Errorf("%s: quoted %v, want none", q, quoted(e, res))
		}
	}
}

// TestTotalOfRowsSaid checks that the rows' total asked by their kind
// (各乡镇…加起来) is the row of totals.
func TestTotalOfRowsSaid(t *testing.T) {
	e := tableEngine(t, townshipsYearbook)
	tr := tier{years: []int{2024}}
	for _, q := range []string{"各乡镇床位加起来多少张", "各乡镇养老机构合起来有几个"} {
		t.Run(q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
			if got := quoted(e, res); !ok || res.refused || len(got) != 1 || !strings.HasPrefix(got[0], "合计") {
				t.Fatalf("quoted %v (%v), want the row of totals", got, ok)
			}
		})
	}
}
