package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
)

// rowsYearbook has a table of sites whose row header writes each site's
// town beside its name and a text grade, a table of clinics with a rate of
// its own and no earlier year, a table of towns by two years whose town
// names other tables write too, and a table of harvests by year.
const rowsYearbook = `# 样例县年鉴2025

## 旅游

### 景区

表1 2024年样例县主要景区接待情况

| 景区 | 所在镇 | 等级 | 接待游客（万人次） | 门票收入（万元） |
|---|---|---|---:|---:|
| 甲山景区 | 东镇 | 4A | 120.5 | 3100 |
| 乙湖公园 | 西镇 | 3A | 40.2 | 610 |
| 丙村景区 | 南镇 | 2A | 12.8 | — |
| 合计 |  |  | 173.5 | 3710 |

## 卫生

### 卫生院

表2 2024年样例县卫生院服务情况

| 卫生院 | 床位（张） | 卫生技术人员（人） | 住院人数（人） | 家庭医生签约率（%） |
|---|---:|---:|---:|---:|
| 东镇卫生院 | 60 | 86 | 2100 | 68.4 |
| 西镇卫生院 | 90 | 120 | 3300 | 75.1 |
| 合计 | 150 | 206 | 5400 | — |

## 教育

### 学校

表3 样例县各镇学校情况（2023—2024年）

| 镇 | 学校数（所） | 学校数（所） | 在校学生（人） | 在校学生（人） |
|---|---:|---:|---:|---:|
|  | 2024年 | 2023年 | 2024年 | 2023年 |
| 东镇 | 8 | 9 | 6200 | 6500 |
| 西镇 | 7 | 7 | 5300 | 5400 |

### 水利

表4 2024年样例县各镇水利情况

| 镇 | 小型水库（座） | 新修渠道（公里） |
|---|---:|---:|
| 东镇 | 6 | 10.2 |
| 西镇 | 8 | 21.5 |

## 农业

### 产量

表5 样例县主要农产品产量（2020—2024年）

单位：吨

| 年份 | 粮食 | 小麦 |
|---|---:|---:|
| 2020年 | 198620 | 45210 |
| 2023年 | 208680 | 47530 |
| 2024年 | 213700 | 48600 |
`

// TestRowsSaidAsPeopleDo checks the readings of a round of new table
// authors: a row named by its name without the town its header writes
// beside it, where that town is asked, a grade in letters, the label over
// the rows said beside a total, a count in a column's counter (几张床), a
// label said by some of its characters and 个 of a column of people, a
// rate of its own named by its end and compared, a verb and 了 inside a
// label, two years of a town compared in the table that holds the label
// named, A-not-A thresholds, a year in Chinese numerals and the verbs of a
// harvest.
func TestRowsSaidAsPeopleDo(t *testing.T) {
	e := tableEngine(t, rowsYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct {
		q    string
		want []string
		lead string
	}{
		{q: "甲山景区门票收入多少", want: []string{"甲山景区 东镇（门票收入）：3100万元"}},
		{q: "乙湖公园在哪个镇", want: []string{"乙湖公园 西镇：等级 3A；接待游客 40.2万人次；门票收入 610万元"}},
		{q: "乙湖公园在哪个乡镇", want: []string{"乙湖公园 西镇：等级 3A；接待游客 40.2万人次；门票收入 610万元"}},
		{q: "甲山是几A景区", want: []string{"甲山景区 东镇（等级）：4A"}},
		{q: "景区门票收入一共多少", want: []string{"合计（门票收入）：3710万元"}},
		{q: "东镇卫生院有多少张床", want: []string{"东镇卫生院（床位）：60张"}},
		{q: "西镇卫生院卫技人员几个", want: []string{"西镇卫生院（卫生技术人员）：120人"}},
		{q: "东镇卫生院签约率", want: []string{"东镇卫生院：家庭医生签约率68.4%"}},
		{q: "哪个卫生院家庭医生签约率最高", want: []string{"西镇卫生院：家庭医生签约率75.1%"}},
		{q: "乙湖公园接待了多少游客", want: []string{"乙湖公园 西镇（接待游客）：40.2万人次"}},
		{q: "东镇学校数比前年少了吗", want: []string{"东镇（学校数，2024年）：8所", "东镇（学校数，2023年）：9所"}, lead: "是"},
		{q: "去年小麦产量过没过5万吨", want: []string{"2024年（小麦）：48600吨"}},
		{q: "去年小麦产量超没超过4.6万吨", want: []string{"2024年（小麦）：48600吨"}},
		{q: "去年小麦产量达没达到4.6万吨", want: []string{"2024年（小麦）：48600吨"}},
		{q: "二〇二〇年小麦收了多少", want: []string{"2020年（小麦）：45210吨"}},
		{q: "前年全县粮食打了多少吨", want: []string{"2023年（粮食）：208680吨"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) || res.lead != tc.lead {
				t.Fatalf("quoted %q lead %q, want %q lead %q", got, res.lead, tc.want, tc.lead)
			}
		})
	}
}

// TestChangeSinceAYearNotHeld checks that a change asked since a year a
// table lacks, of a table writing no rate, is refused, not answered with
// the row of the one year it holds.
func TestChangeSinceAYearNotHeld(t *testing.T) {
	e := tableEngine(t, rowsYearbook)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("卫生院住院人数比前年增长多少")), tier{years: []int{2024}})
	if !ok || !res.refused || len(res.stated) == 0 {
		t.Fatalf("got %+v, %v; want a refusal a sentence stating the change may override", res, ok)
	}
	// Rows of years name no row: the year compared is another row's.
	res, ok = e.answerTable(extract.Analyze(e.Normalize("小麦去年比前年是多了还是少了")), tier{years: []int{2024}})
	if !ok || res.refused || len(res.quote) != 2 {
		t.Errorf("小麦去年比前年是多了还是少了: %+v, %v; want both years quoted", res, ok)
	}
}

// TestSplitRowAttrs checks that later columns of a row header are read as
// attributes only when the first tells every row apart.
func TestSplitRowAttrs(t *testing.T) {
	for _, tc := range []struct {
		name        string
		names, keys [][]string
	}{
		{"sites and their towns", [][]string{{"甲景区", "东镇"}, {"乙公园", "西镇"}, {"合计"}}, [][]string{{"甲景区"}, {"乙公园"}, {"合计"}}},
		{"a place and its kinds", [][]string{{"甲县", "男"}, {"甲县", "女"}}, [][]string{{"甲县", "男"}, {"甲县", "女"}}},
		{"one row of two names", [][]string{{"甲景区", "东镇"}, {"乙公园"}}, [][]string{{"甲景区", "东镇"}, {"乙公园"}}},
	} {
		keys, _ := splitRowAttrs(tc.names)
		if !slices.EqualFunc(keys, tc.keys, slices.Equal) {
			t.Errorf("%s: keys %q, want %q", tc.name, keys, tc.keys)
		}
	}
}

// lookalikesYearbook has tables whose shapes resemble rowsYearbook's and
// must not be read as it is: a header merged down a first column (the
// later column a kind of the first, not an attribute), firms beside their
// trade (no place), two tables of one measure by towns, one listing more
// towns, a town's earlier year left blank, and a unit in capitals.
const lookalikesYearbook = `# 样例县年鉴2025

## 教育

### 学校

表1 2024年样例县各镇学校

| 镇 | 学段 | 学校数（所） | 在校学生（人） |
|---|---|---:|---:|
| 东镇 | 小学 | 5 | 3000 |
|  | 初中 | 2 | 1500 |
| 西镇 | 小学 | 4 | 2500 |
|  | 初中 | 1 | 1000 |

### 小学

表2 2024年样例县各镇小学

| 镇 | 在校学生（人） |
|---|---:|
| 东镇 | 3000 |
| 西镇 | 2500 |

### 初中

表3 2024年样例县各镇初中

| 镇 | 在校学生（人） |
|---|---:|
| 东镇 | 1500 |
| 西镇 | 1000 |
| 南镇 | 900 |

## 工业

### 企业

表4 2024年样例县重点企业

| 企业 | 所属行业 | 产值（亿元） |
|---|---|---:|
| 甲钢铁公司 | 冶金 | 120.5 |
| 乙化工公司 | 化工 | 80.2 |

### 能源

表5 样例县能源（2023—2024年）

| 镇 | 光伏装机（MW） | 光伏装机（MW） |
|---|---:|---:|
|  | 2024年 | 2023年 |
| 东镇 | 12.5 | 10.1 |
| 西镇 | 8.2 | — |

### 园区

表6 2024年样例县园区

| 园区 | 园区级别 | 企业数（家） |
|---|---|---:|
| 甲园区 | 省级 | 30 |
| 乙园区 | 市级 | 12 |
`

// TestLookalikeRowsNotMisread checks that the readings of TestRowsSaidAsPeopleDo
// stay within the shapes they were taught on.
func TestLookalikeRowsNotMisread(t *testing.T) {
	e := tableEngine(t, lookalikesYearbook)
	tr := tier{years: []int{2024}}
	ask := func(q string) (tableResult, bool) { return e.answerTable(extract.Analyze(e.Normalize(q)), tr) }
	// A kind under a merged first cell is no attribute: the town's first
	// row alone is not the town.
	for _, q := range []string{"东镇在校学生多少人", "西镇有几所学校"} {
		if res, ok := ask(q); ok && !res.refused && len(res.quote) == 1 {
			t.Errorf("%s: quoted %q, want no one row of a kind for the town", q, quoted(e, res))
		}
	}
	// A trade is no place, and a year or a county no kind the header holds.
	for _, q := range []string{"甲钢铁公司在哪里", "乙化工公司位于哪个镇", "甲园区在哪个区", "甲园区在哪里"} {
		if res, ok := ask(q); ok && !res.refused {
			t.Errorf("%s: quoted %q, want no row for a where-question", q, quoted(e, res))
		}
	}
	sites := tableEngine(t, rowsYearbook)
	for _, q := range []string{"甲山景区在哪年", "乙湖公园在哪一年", "乙湖公园在哪个县"} {
		if res, ok := sites.answerTable(extract.Analyze(sites.Normalize(q)), tr); ok && !res.refused {
			t.Errorf("%s: quoted %q, want no row: the header writes a town, not that", q, quoted(sites, res))
		}
	}
	// Two tables hold the measure named: rows alone choose neither.
	tq := e.readTableQuery(extract.Analyze(e.Normalize("东镇、西镇和南镇哪个在校学生多")), tr)
	if got := e.tables.extremeTable(tq, nil); got != -1 {
		t.Errorf("extremeTable = %d, want -1 when two tables hold 在校学生", got)
	}
	// A change since a year the town's row leaves blank.
	for _, q := range []string{"西镇光伏装机比前年增加了多少", "东镇和西镇光伏装机比前年增加了多少"} {
		if res, ok := ask(q); !ok || !res.refused {
			t.Errorf("%s: %+v, %v; want refused", q, res, ok)
		}
	}
	// A unit asked is shown as written.
	if res, ok := ask("东镇光伏装机用什么单位"); !ok || res.lead != "单位：MW" {
		t.Errorf("东镇光伏装机用什么单位: lead %q (%v), want 单位：MW", res.lead, ok)
	}
}

// TestChangeStatedBesideTable checks that a sentence stating the change a
// table cannot tell (it holds no earlier year and no rate) answers it,
// where the table alone refuses.
func TestChangeStatedBesideTable(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	const stated = "### 概况\n\n2024年，全县卫生院住院人数5400人，比上年增长6.3%。\n"
	for _, tc := range []struct {
		name, text string
		answered   bool
	}{
		{"table alone", rowsYearbook, false},
		{"table and a sentence", rowsYearbook + "\n" + stated, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := corpus.Parse("样例.md", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			a, err := e.Ask(t.Context(), "卫生院住院人数比前年增长多少")
			if err != nil {
				t.Fatal(err)
			}
			if a.Answered != tc.answered || tc.answered && !strings.Contains(a.Facts[0].Text, "6.3%") {
				t.Errorf("answered %v facts %+v, want answered %v with the sentence", a.Answered, a.Facts, tc.answered)
			}
		})
	}
}
