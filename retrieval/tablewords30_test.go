package retrieval

import (
	"slices"
	"testing"

	"yearbookbot/retrieval/extract"
)

// spokenAsksYearbook has tables people ask of in everyday words: a count
// of happenings in 起, kinds of committee with their total, money spent
// by year with its total, streets and their communities, and indicators
// of fairs.
const spokenAsksYearbook = `# 样例区年鉴2025

## 安全

### 出警

表1 样例区出警情况

单位：起

| 年份 | 出警总数 | 火灾 | 救援 |
|---|---:|---:|---:|
| 2023年 | 2210 | 310 | 1200 |
| 2024年 | 2390 | 290 | 1350 |

### 调解

表2 2024年样例区调解组织情况

| 组织类别 | 调解组织（个） | 调解组织（个） | 调解员（人） |
|---|---:|---:|---:|
|  | 2024年 | 2023年 | 2024年 |
| 镇调解委员会 | 10 | 10 | 60 |
| 村调解委员会 | 150 | 152 | 700 |
| 合计 | 160 | 162 | 760 |

## 建设

### 投资

表3 样例区城建投资（2022—2024年）

单位：万元

| 年份 | 道路 | 排水 | 合计 |
|---|---:|---:|---:|
| 2022年 | 5000 | 2000 | 7000 |
| 2023年 | 6000 | 2500 | 8500 |
| 2024年 | 6500 | 3000 | 9500 |

## 民生

### 机构

表5 2024年样例区医疗和养老机构情况

| 机构类别 | 床位（张） |
|---|---:|
| 镇卫生院 | 300 |
| 民办养老机构 | 200 |
| 合计 | 500 |

### 社区

表6 2024年样例区各街道社区

| 街道 | 社区数（个） |
|---|---:|
| 东湖街道 | 12 |
| 西山街道 | 9 |

### 会展

表7 2024年样例区会展指标

| 指标 | 单位 | 2024年 | 2023年 | 比上年增长% |
|---|---|---:|---:|---:|
| 会议场次 | 场 | 120 | 100 | 20.0 |
| 境外客商 | 家 | 60 | 70 | -14.3 |
| 运动会 | 届 | 5 | 4 | 25.0 |
`

// TestSpokenAsks checks the table path reads a cell asked in everyday
// words: a count of times of a column in 起, a row said as a kind (火灾类),
// money said spent or put in, a column named alone over kinds and their
// total, a street's units under it, the rows named counted, a meeting held, a
// change asked as 变动, a table pointed at (那张), and which part of a
// year's money is largest (哪一块).
func TestSpokenAsks(t *testing.T) {
	e := tableEngine(t, spokenAsksYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"2023年救援出了多少次", []string{"2023年（救援）：1200起"}},
		{"火灾类的出警2024年有多少", []string{"2024年（火灾）：290起"}},
		{"2023年道路花了多少", []string{"2023年（道路）：6000万元"}},
		{"2023年道路花多少钱", []string{"2023年（道路）：6000万元"}},
		{"2022年城建一共投了多少", []string{"2022年（合计）：7000万元"}},
		{"2024年城建投资总额超过9000万了吗", []string{"2024年（合计）：9500万元"}},
		{"去年城建投资里哪一块投得最多", []string{"2024年（道路）：6500万元"}},
		{"调解员总共多少人", []string{"合计（调解员，2024年）：760人"}},
		{"床位一共多少张", []string{"合计（床位）：500张"}},
		{"东湖街道下面有几个社区", []string{"东湖街道（社区数）：12个"}},
		{"东湖和西山两个街道社区数分别是多少", []string{"东湖街道（社区数）：12个", "西山街道（社区数）：9个"}},
		{"2023年开了多少场会议", []string{"会议场次（2023年）：100场"}},
		{"运动会办了几届", []string{"运动会（2024年）：5届"}},
		{"那张会展指标表里哪项降得最多", []string{"境外客商：比上年增长-14.3%"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) {
				t.Fatalf("quoted %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSpokenAsksApart checks what those words do not widen, each
// question left to the selector: a word of some rows' labels (养老 of
// 民办养老机构) or of no row (街道 of a table of committees) asks what the
// row of totals is not; a count of things is no count of times; two rows
// asked of one named (最多的两个) are not one; a thing opened (开了几个
// 社区) is not a stock.
func TestSpokenAsksApart(t *testing.T) {
	e := tableEngine(t, spokenAsksYearbook)
	tr := tier{years: []int{2024}}
	for _, q := range []string{"养老床位一共多少张", "街道调解员一共多少人", "2023年救援有多少个", "社区数最多的两个街道", "2024年开了几个社区"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr); ok {
			t.Errorf("%s: quoted %v (refused %v), want no table answer", q, quoted(e, res), res.refused)
		}
	}
}

// TestYearsOfTitle checks that the years a table holds are asked (统计了
// 哪几年) of a title that writes none of them, and listed with it.
func TestYearsOfTitle(t *testing.T) {
	e := tableEngine(t, spokenAsksYearbook)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("出警那张表统计了哪几年")), tier{years: []int{2024}})
	if !ok || len(res.titles) != 1 || res.titles[0] != "表1 样例区出警情况：2023年、2024年" {
		t.Fatalf("got %+v, %v; want the title with its years", res, ok)
	}
	if f := titleFact(res.titles[0], Source{}); len(f.Figures) != 2 {
		t.Errorf("title fact %+v: want both years marked", f)
	}
	res, ok = e.answerTable(extract.Analyze(e.Normalize("出警那张表是哪一年的")), tier{years: []int{2024}})
	if !ok || len(res.titles) != 1 || res.titles[0] != "表1 样例区出警情况" {
		t.Errorf("one year asked: got %+v, %v; want the title alone", res, ok)
	}
}

// TestTitleMeasureBesideColumn checks that a measure the title writes,
// said short beside one of its columns (楼宇餐饮业税收), names the
// measure of the whole table, not the column of its total: the two
// columns share no cell.
func TestTitleMeasureBesideColumn(t *testing.T) {
	e := tableEngine(t, `# 样例区年鉴2025

## 楼宇

### 税收

表1 样例区楼宇税收情况（2023—2024年）

单位：亿元

| 年份 | 税收总额 | 餐饮业 | 物流业 |
|---|---:|---:|---:|
| 2023年 | 50.0 | 20.0 | 12.0 |
| 2024年 | 55.0 | 22.0 | 11.0 |
`)
	// Said beside a joiner the short form asks its own column too: both
	// are quoted, or the question is left to the selector.
	both := []string{"2023年（税收总额）：50.0亿元", "2023年（餐饮业）：20.0亿元"}
	for _, q := range []string{"2023年税收和餐饮业各多少", "2023年餐饮业和税收各多少", "楼宇2023年税收和餐饮业各多少"} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2024}})
		got := quoted(e, res)
		slices.Sort(got)
		if ok && !slices.Equal(got, both) {
			t.Errorf("%s: quoted %v, want both columns or none", q, got)
		}
	}
	for q, want := range map[string]string{
		"楼宇餐饮业税收2023年多少": "2023年（餐饮业）：20.0亿元",
		"物流业税收2023年多少":   "2023年（物流业）：12.0亿元",
		"税收总额2023年多少":    "2023年（税收总额）：50.0亿元",
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2024}})
		if got := quoted(e, res); !ok || res.refused || !slices.Equal(got, []string{want}) {
			t.Errorf("%s: quoted %v (%v), want %s", q, got, ok, want)
		}
	}
}
