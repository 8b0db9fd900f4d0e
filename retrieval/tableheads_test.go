package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
)

// headsYearbook has columns sharing a head word (游客), a table of grades
// with a 合计 row and a column of shares, and one of beds.
const headsYearbook = `# 甲县年鉴2025

## 综合

### 概况

2024年，甲县各项事业平稳发展。

表1 甲县旅游接待情况（2022—2024年）

| 年份 | 接待游客（万人次） | 过夜游客（万人次） | 人均花费（元） |
|---|---:|---:|---:|
| 2022年 | 100.1 | 20.2 | 700 |
| 2023年 | 110.3 | 22.4 | 650 |
| 2024年 | 120.5 | 25.6 | 800 |

表2 2024年甲县道路构成

| 道路等级 | 里程（公里） | 比重（%） |
|---|---:|---:|
| 一级道路 | 50 | 25.0 |
| 二级道路 | 150 | 75.0 |
| 合计 | 200 | 100.0 |

表3 2024年甲县各镇医疗资源

| 镇 | 床位数（张） |
|---|---:|
| 乙镇 | 30 |
| 丙镇 | 40 |
`

func TestTableHeadsSharesAndPartForms(t *testing.T) {
	e := tableEngine(t, headsYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct{ q, want string }{
		// 游客, the end 接待游客 and 过夜游客 share, says what the columns
		// count, as a title's words do.
		{"去年游客人均花费多少", "2024年（人均花费）：800元"},
		{"哪一年游客人均花费最低", "2023年（人均花费）：650元"},
		// 的 may join the kind of rows asked to the measure.
		{"哪个等级的道路里程最短", "一级道路（里程）：50公里"},
		// The whole a share is of is its base, not a label asked.
		{"一级道路占总里程的比重是多少", "一级道路：比重25.0%"},
		// 病床 is a user's word for 床位, inside the label 床位数.
		{"丙镇有多少张病床", "丙镇（床位数）：40张"},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, []string{tc.want}) })
	}
}

func TestSharedHeads(t *testing.T) {
	for _, tc := range []struct {
		columns [][]string
		want    []string
	}{
		{[][]string{{"年份"}, {"接待游客（万人次）"}, {"过夜游客（万人次）"}, {"人均花费（元）"}}, []string{"游客"}},
		// A label whole is no head of another (人口 of 常住人口), and the
		// row labels' column is not a label of what is counted.
		{[][]string{{"人口"}, {"人口"}, {"常住人口"}}, nil},
		{[][]string{{"镇"}, {"床位数（张）", "2024年"}, {"床位数（张）", "2023年"}}, nil},
	} {
		if got := sharedHeads(tc.columns); !slices.Equal(got, tc.want) {
			t.Errorf("sharedHeads(%v) = %v, want %v", tc.columns, got, tc.want)
		}
	}
}

// placesYearbook has a table of townships, one of years of housing in
// 万平方米, and indicators with 销量.
const placesYearbook = `# 乙县年鉴2025

## 综合

### 概况

2024年，乙县森林覆盖率达到24.7%，农村劳动力转移就业15.6万人。

表1 2024年乙县各镇（乡）生态指标

| 镇（乡） | 森林覆盖率（%） | 湿地面积（公顷） |
|---|---:|---:|
| 甲镇 | 21.3 | 1860 |
| 丙乡 | 22.6 | 3760 |
| 合计 | 24.7 | 5620 |

表2 乙县房地产开发（2022—2024年）

单位：万平方米

| 年份 | 新开工面积 | 住宅销售面积 |
|---|---:|---:|
| 2022年 | 63.1 | 57.7 |
| 2023年 | 51.7 | 52.3 |
| 2024年 | 42.5 | 46.8 |

表3 2024年乙县商贸指标

| 指标 | 单位 | 2024年 | 2023年 |
|---|---|---:|---:|
| 新能源汽车销量 | 辆 | 4162 | 3003 |
`

func TestThresholdsSpokenUnitsAndSales(t *testing.T) {
	e := tableEngine(t, placesYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct{ q, want string }{
		// The percent of a threshold is its number's unit: no rate is
		// asked of a level counted in percent.
		{"丙乡森林覆盖率超过25%了吗", "丙乡：森林覆盖率22.6%"},
		// 吧 ends a question seeking a yes.
		{"去年新开工面积不到50万平方米吧", "2024年（新开工面积）：42.5万平方米"},
		// 平方 is 平方米 said short; 卖 is a form of 销售 and of 销量.
		{"2022年住宅卖了多少平方", "2022年（住宅销售面积）：57.7万平方米"},
		{"前年新能源车卖了几辆", "新能源汽车销量（2023年）：3003辆"},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, []string{tc.want}) })
	}
}

// TestPlaceRows checks that the rows of a table of townships name places,
// whole or without their kind, and a row of totals or of another kind of
// table does not.
func TestPlaceRows(t *testing.T) {
	e := tableEngine(t, placesYearbook)
	for word, want := range map[string]bool{"甲镇": true, "甲": true, "丙乡": true, "丙": true, "合计": false, "新能源汽车销量": false, "镇": false} {
		if got := e.tables.namesPlaceRow(word); got != want {
			t.Errorf("namesPlaceRow(%s) = %v, want %v", word, got, want)
		}
	}
}

func TestConfirmEndAsksYesNo(t *testing.T) {
	for q, want := range map[string]bool{"甲不到50万吧": true, "甲不到50万吧？": true, "甲酒吧有几家": false, "甲有几家": false} {
		if got := asksYesNo(q); got != want {
			t.Errorf("asksYesNo(%s) = %v, want %v", q, got, want)
		}
	}
}

// TestTownshipNotAnsweredByTheWhole checks that a figure of the whole
// county does not answer a question about one of the townships its tables
// list, while the township's own cell does.
func TestTownshipNotAnsweredByTheWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	yb, err := corpus.Parse("乙县.md", []byte(placesYearbook))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	a, err := e.Ask(t.Context(), "甲镇农村劳动力转移就业多少人")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("answered %+v, want a refusal: the county's figure is not 甲镇's", a.Facts)
	}
	a, err = e.Ask(t.Context(), "甲镇森林覆盖率多少")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Facts) == 0 || !strings.Contains(a.Facts[0].Text, "21.3%") {
		t.Errorf("got %+v, want 甲镇's 21.3%%", a)
	}
}
