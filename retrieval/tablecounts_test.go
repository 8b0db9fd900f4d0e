package retrieval

import (
	"slices"
	"testing"
)

// countsYearbook is a made-up county yearbook covering 2023: a sentence of
// totals, a table of schools with two year columns of one count and two
// columns of people, and a table with years as rows.
const countsYearbook = `# 虚构县年鉴2024

## 教育

### 教育概况

2023年末，全县共有各级各类学校215所，在校学生9.6万人，专任教师0.71万人。

### 教育统计

表1 2023年虚构县各级各类学校基本情况

| 学校类别 | 学校数（所） | 学校数（所） | 在校学生数（万人） | 专任教师数（万人） |
|---|---:|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 | 2023年 |
| 普通高等学校 | 2 | 2 | 1.1 | 0.09 |
| 中等职业学校 | 5 | 6 | 0.8 | 0.06 |
| 特殊教育学校 | 1 | 1 | 0.1 | 0.02 |
| 普通高中 | 9 | 8 | 1.5 | 0.12 |
| 初中 | 31 | 33 | 2.6 | 0.21 |
| 幼儿园 | 140 | 152 | 1.9 | 0.15 |

## 农业

### 主要农产品产量

表2 虚构县主要农产品产量（2021—2023年）

单位：万吨

| 年份 | 稻谷 | 禽类 | 水产品 |
|---|---:|---:|---:|
| 2021年 | 40.2 | 3.1 | 6.0 |
| 2022年 | 41.5 | 2.8 | 6.3 |
| 2023年 | 42.9 | 3.3 | 6.1 |
`

// TestTableCountsAndChanges checks table questions answered by rule: a
// count asked with another counter of its kind (多少家 of a column in 所),
// a change from a year compared (比前年, 跟前年比) quoted as both years'
// levels when no cell writes it, an extreme over the years of a years-as-
// rows table, the kind of rows named before an extreme (哪个学段), a name
// said in two of its forms, and a yes/no question ending with 没.
func TestTableCountsAndChanges(t *testing.T) {
	e := tableEngine(t, countsYearbook)
	tr := tier{years: []int{2023}}
	checkTableCases(t, e, tr, []tableCase{
		{name: "a counter of the column's kind", q: "2022年幼儿园有几家", want: []string{"幼儿园（学校数，2022年）：152所"}},
		{name: "a counter of people fits two columns", q: "初中有多少人"},
		{name: "a count without a counter fits every column", q: "初中有多少"},
		{name: "an event counter counts no schools", q: "幼儿园有多少次"},
		{name: "a rise from the year before, no cell writes it", q: "普通高中比前年多了几所",
			want: []string{"普通高中（学校数，2023年）：9所", "普通高中（学校数，2022年）：8所"}},
		{name: "two forms of one name", q: "中职职校比前年少了几所",
			want: []string{"中等职业学校（学校数，2023年）：5所", "中等职业学校（学校数，2022年）：6所"}},
		{name: "compared with a year joined by 跟", q: "初中学校数跟前年比哪年多", lead: "2022年更多",
			want: []string{"初中（学校数，2022年）：33所", "初中（学校数，2023年）：31所"}},
		{name: "two years named, the first compared", q: "去年和前年比初中学校数怎么样", lead: "2022年更多",
			want: []string{"初中（学校数，2022年）：33所", "初中（学校数，2023年）：31所"}},
		{name: "a change between two years of rows", q: "从2021年到去年稻谷产量涨了多少",
			want: []string{"2021年（稻谷）：40.2万吨", "2023年（稻谷）：42.9万吨"}},
		{name: "a year asked and the one compared with", q: "去年稻谷产量比前年涨了多少",
			want: []string{"2022年（稻谷）：41.5万吨", "2023年（稻谷）：42.9万吨"}},
		{name: "a year compared with itself is one year", q: "2022年稻谷产量跟前年比涨了多少"},
		{name: "a range of levels asks every year in it", q: "2021年至2023年稻谷产量各是多少"},
		{name: "a change with no year compared", q: "稻谷产量增长了多少"},
		{name: "a rate is not two levels", q: "稻谷产量比前年增速多少"},
		{name: "the lowest year of these years", q: "这几年禽类产量哪年最低", want: []string{"2022年（禽类）：2.8万吨"}},
		{name: "the kind of rows named", q: "在校学生数哪个阶段最多", want: []string{"初中（在校学生数，2023年）：2.6万人"}},
		{name: "the kind named before the label", q: "哪个学段专任老师最少", want: []string{"特殊教育学校（专任教师数，2023年）：0.02万人"}},
		{name: "a kind of place is not the rows' kind", q: "在校学生数哪个区最多"},
		{name: "a township is a kind of place", q: "在校学生数哪个乡镇最多"},
		{name: "a month is no kind of row", q: "在校学生数哪个月最多"},
		{name: "a yes/no ending with 没", q: "去年稻谷产量过50万吨没", want: []string{"2023年（稻谷）：42.9万吨"}},
		{name: "a threshold of a magnitude alone", q: "去年稻谷产量过亿吨了吗", want: []string{"2023年（稻谷）：42.9万吨"}},
	})
}

// TestProseBelowUnnamedRows checks that a paragraph ranked below every
// row of a table the question does not name still answers it: the rows
// repeat the column's words, and the first search held nothing else.
func TestProseBelowUnnamedRows(t *testing.T) {
	e := builtEngine(t, countsYearbook)
	a, err := e.Ask(t.Context(), "学校有多少所")
	if err != nil {
		t.Fatal(err)
	}
	want := "全县共有各级各类学校215所，在校学生9.6万人，专任教师0.71万人。"
	if !a.Answered || len(a.Facts) == 0 || a.Facts[0].Text != want {
		t.Fatalf("got %+v (%+v), want %s", a.Facts, a.Why, want)
	}
}

func TestIndicatorVariantsInsideALabel(t *testing.T) {
	got := indicatorVariants("专任教师数")
	for _, w := range []string{"专任老师数", "老师数", "教师数"} {
		if !slices.Contains(got, w) {
			t.Errorf("variants %v lack %s", got, w)
		}
	}
	if slices.Contains(got, "专任专任教师数") {
		t.Errorf("variants %v repeat the label's words", got)
	}
	for _, v := range indicatorVariants("城镇居民人均可支配收入") {
		if doubled(v) {
			t.Errorf("variant %s repeats a run of the label", v)
		}
	}
}
