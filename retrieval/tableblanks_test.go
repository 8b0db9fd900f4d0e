package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// blanksYearbook has a library's main branch named in brackets beside
// branches of one kind, years under a two-level header, a branch with no
// figure of 2023, a township with a blank column, and a series rising past
// a share.
const blanksYearbook = `# 样例县年鉴2025

## 文化

### 图书馆

表1 样例县图书馆服务情况（2023—2024年）

| 馆别 | 藏书量（万册） | 藏书量（万册） | 读者活动（场） | 读者活动（场） |
|---|---:|---:|---:|---:|
|  | 2024年 | 2023年 | 2024年 | 2023年 |
| 县图书馆（总馆） | 30.5 | 28.1 | 200 | 180 |
| 甲镇分馆 | 6.2 | 5.8 | 50 | 44 |
| 乙镇分馆 | 4.1 | 3.9 | 35 | 38 |
| 丙乡分馆 | 1.5 | — | 12 | — |

## 住房

### 开发

表2 2024年样例县各乡镇房地产开发情况

| 乡镇 | 开发投资（亿元） | 新开工面积（万平方米） | 销售面积（万平方米） |
|---|---:|---:|---:|
| 甲镇 | 10.2 | 11.5 | 15.4 |
| 乙镇 | 3.1 | 4.0 | 5.2 |
| 丙乡 | 0.4 | — | 0.8 |
| 合计 | 13.7 | 15.5 | 21.4 |

## 人口

### 指标

表3 样例县人口主要指标（2021—2024年）

| 年份 | 常住人口（万人） | 城镇化率（%） |
|---|---:|---:|
| 2021年 | 40.1 | 49.6 |
| 2022年 | 40.0 | 50.8 |
| 2023年 | 39.8 | 51.7 |
| 2024年 | 39.5 | 52.9 |
`

// TestBranchesAndBlanks checks a row named by the other name its bracket
// gives (总馆), the rows of a kind asked after a which-word (哪个分馆: not
// the main library), an extreme said with a verb (办得最少), the rows a
// column or a year leaves blank, and the first year past a share asked
// with 超过 or 过的.
func TestBranchesAndBlanks(t *testing.T) {
	e := tableEngine(t, blanksYearbook)
	tr := tier{years: []int{2024}}
	checkTableCases(t, e, tr, []tableCase{
		{"bracket name", "总馆去年藏书多少", []string{"县图书馆（总馆）（藏书量，2024年）：30.5万册"}, ""},
		{"bracket name, prior year", "总馆前年办了多少场读者活动", []string{"县图书馆（总馆）（读者活动，2023年）：180场"}, ""},
		{"kind asked", "哪个分馆去年读者活动最多", []string{"甲镇分馆（读者活动，2024年）：50场"}, ""},
		{"kind with a verb said", "哪个分馆去年读者活动办得最少", []string{"丙乡分馆（读者活动，2024年）：12场"}, ""},
		{"no kind: every row", "去年哪个馆读者活动最多", []string{"县图书馆（总馆）（读者活动，2024年）：200场"}, ""},
		{"blank column", "哪个乡新开工面积没有数", []string{"丙乡：开发投资 0.4亿元；销售面积 0.8万平方米"}, "丙乡（表中空缺）"},
		{"blank year", "哪个分馆前年没有数据", []string{"丙乡分馆：藏书量2024年 1.5万册；读者活动2024年 12场"}, "丙乡分馆（表中空缺）"},
		{"first past, 超过", "城镇化率哪年超过50%", []string{"2021年：城镇化率49.6%", "2022年：城镇化率50.8%"}, "2022年"},
		{"first past, 过的", "城镇化率哪年过的51%", []string{"2022年：城镇化率50.8%", "2023年：城镇化率51.7%"}, "2023年"},
		{"every year past", "城镇化率哪些年超过50%", nil, ""},
		{"a noun before 的 is asked", "哪个分馆羊的读者活动最多", nil, ""},
		{"which year, of one year's rows", "新开工面积哪年最高", nil, ""},
	})
}

// TestBlankRowsApart checks the rows a blank question lists: only those
// of the kind asked (not the main library, blank too), the year rows by
// their labels, and none when a blank row has no passage of its own (a
// row of one figure), which would leave the list short; and that a kind
// whose other rows are of no kind beside it (湿地公园 beside 景区) keeps
// every row competing, and a note telling a row's state (（新建）) names
// nothing.
func TestBlankRowsApart(t *testing.T) {
	e := tableEngine(t, `# 样例县年鉴2025

## 文化

### 图书馆

表1 样例县图书馆服务情况（2023—2024年）

| 馆别 | 藏书量（万册） | 藏书量（万册） | 读者活动（场） | 读者活动（场） |
|---|---:|---:|---:|---:|
|  | 2024年 | 2023年 | 2024年 | 2023年 |
| 县图书馆（总馆） | 30.5 | — | 200 | — |
| 甲镇分馆 | 6.2 | 5.8 | 50 | 44 |
| 丙乡分馆 | 1.5 | — | 12 | — |

### 城镇

表2 样例县城镇化情况（2021—2023年）

| 年份 | 常住人口（万人） | 户籍人口（万人） | 城镇化率（%） |
|---|---:|---:|---:|
| 2021年 | 40.1 | 45.2 | — |
| 2022年 | 40.0 | 45.0 | 50.8 |
| 2023年 | 39.8 | 44.9 | 51.7 |

## 住房

### 开发

表3 2024年样例县各乡镇房地产开发情况

| 乡镇 | 开发投资（亿元） | 新开工面积（万平方米） | 销售面积（万平方米） |
|---|---:|---:|---:|
| 甲镇 | 10.2 | 11.5 | 15.4 |
| 丙乡 | 0.4 | — | 0.8 |
| 丁乡 | 0.2 | — | — |

## 旅游

### 景区

表4 2024年样例县主要景区接待情况

| 名称 | 接待游客（万人次） | 床位（张） |
|---|---:|---:|
| 甲山风景区 | 50 | 30 |
| 乙湖湿地公园 | 90 | 20 |
| 丙谷景区 | 30 | 40 |
| 丁镇卫生院（新建） | 5 | 50 |
`)
	tr := tier{years: []int{2024}}
	checkTableCases(t, e, tr, []tableCase{
		{"kind asked", "哪个分馆前年没有数据", []string{"丙乡分馆：藏书量2024年 1.5万册；读者活动2024年 12场"}, "丙乡分馆（表中空缺）"},
		{"a row of one figure", "哪个乡新开工面积没有数", nil, ""},
		{"no sibling kind", "哪个景区接待游客最多", []string{"乙湖湿地公园（接待游客）：90万人次"}, ""},
		{"a state is no name", "新建床位多少张", nil, ""},
	})
	res, ok := e.answerTable(extract.Analyze(e.Normalize("哪个年份城镇化率没有数据")), tr)
	if !ok || res.lead != "2021年（表中空缺）" {
		t.Errorf("year rows: got %+v, %v; want the lead 2021年（表中空缺）", res, ok)
	}
}

// TestRowNotes checks which notes in a row label's brackets give another
// name of the row: not a unit, a year or a note qualifying the row.
func TestRowNotes(t *testing.T) {
	for _, tc := range []struct {
		label, name, note string
		ok                bool
	}{
		{"县图书馆（总馆）", "县图书馆", "总馆", true},
		{"甲医院(东院)", "甲医院", "东院", true},
		{"甲卫生院（新建）", "", "", false},
		{"甲小学（民办）", "", "", false},
		{"常住人口（万人）", "", "", false},
		{"用电量（亿千瓦时）", "", "", false},
		{"甲镇（含开发区）", "", "", false},
		{"甲区（2023年）", "", "", false},
		{"甲镇（东）", "", "", false},
		{"甲镇", "", "", false},
	} {
		name, note, ok := rowNote(tc.label)
		if name != tc.name || note != tc.note || ok != tc.ok {
			t.Errorf("rowNote(%q) = %q, %q, %v; want %q, %q, %v", tc.label, name, note, ok, tc.name, tc.note, tc.ok)
		}
	}
}

// TestOtherQualifierRefused checks that a column named by its end under a
// qualifier of the question's own (中型 of 小型水库) is refused with the
// row named as related content, while a shortened form of the label's
// own qualifier (小水库) is answered.
func TestOtherQualifierRefused(t *testing.T) {
	e := builtEngine(t, `# 样例县年鉴2025

## 水利

### 水库

表1 2024年样例县各乡镇水利情况

| 乡镇 | 有效灌溉面积（万亩） | 小型水库（座） |
|---|---:|---:|
| 甲镇 | 6.4 | 5 |
| 乙镇 | 5.9 | 6 |
| 合计 | 12.3 | 11 |
`)
	tr := tier{years: []int{2024}}
	res, ok := e.answerTable(extract.Analyze(e.Normalize("甲镇有几座中型水库")), tr)
	if !ok || !res.refused || !strings.Contains(res.why, "中型水库") || e.passages[res.related].Paragraph.Text != "甲镇：有效灌溉面积 6.4万亩；小型水库 5座" {
		t.Errorf("中型水库: got %+v, %v; want refused with 甲镇's row", res, ok)
	}
	for _, q := range []string{"全县有几座中型水库", "中型水库有多少座"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr); !ok || !res.refused {
			t.Errorf("%s: got %+v, %v; want refused, no row named", q, res, ok)
		}
	}
	checkTableCases(t, e, tr, []tableCase{
		{"own qualifier shortened", "甲镇有几座小水库", []string{"甲镇（小型水库）：5座"}, ""},
	})
}

// TestOwnPlaceNamesNoRow checks that the documents' own place (甲乙县,
// 甲乙) is no shortened name of a row opening with it (甲乙风景区), which
// its own name still asks.
func TestOwnPlaceNamesNoRow(t *testing.T) {
	e := builtEngine(t, `# 甲乙县年鉴2025

## 旅游

### 景区

表1 甲乙县主要景区接待情况（2024年）

| 景区 | 接待游客（万人次） | 门票收入（万元） |
|---|---:|---:|
| 甲乙风景区 | 168.4 | 5860 |
| 丙丁公园 | 86.2 | 2140 |
`)
	if !slices.Contains(e.setting.PlaceWords, "甲乙县") {
		t.Fatalf("place words %v lack 甲乙县", e.setting.PlaceWords)
	}
	tr := tier{years: []int{2024}}
	checkTableCases(t, e, tr, []tableCase{
		{"own place", "去年甲乙县接待游客多少", nil, ""},
		{"the row", "甲乙风景区去年接待游客多少", []string{"甲乙风景区（接待游客）：168.4万人次"}, ""},
	})
}

// TestOwnPlaceAmongRows checks that the documents' own place names its
// row in a table of places (甲乙县 among the counties), by its short name
// too.
func TestOwnPlaceAmongRows(t *testing.T) {
	e := builtEngine(t, `---
place: 甲乙县
aliases: 甲乙
---
# 甲乙县年鉴2025

## 综合

### 比较

表1 2024年全市各县主要经济指标

| 县 | 地区生产总值（亿元） | 常住人口（万人） |
|---|---:|---:|
| 甲乙县 | 250 | 40 |
| 丙丁县 | 180 | 45 |
| 戊己县 | 120 | 30 |
`)
	if !slices.Contains(e.setting.PlaceWords, "甲乙") {
		t.Fatalf("place words %v lack the short name", e.setting.PlaceWords)
	}
	checkTableCases(t, e, tier{years: []int{2024}}, []tableCase{
		{"short name", "甲乙地区生产总值多少", []string{"甲乙县（地区生产总值）：250亿元"}, ""},
	})
}

// TestTallyLabelTie checks that a label counting what its opening names
// (游客人次) is named by those words before one qualifying them (过夜游客).
func TestTallyLabelTie(t *testing.T) {
	e := tableEngine(t, `# 样例县年鉴2025

## 旅游

### 游客

表1 样例县旅游主要指标（2022—2024年）

| 年份 | 游客人次（万人次） | 过夜游客（万人次） |
|---|---:|---:|
| 2022年 | 776.5 | 231.2 |
| 2023年 | 1126.5 | 358.7 |
| 2024年 | 1286.4 | 412.6 |
`)
	checkTableCases(t, e, tier{years: []int{2024}}, []tableCase{
		{"opening words", "哪年游客最少", []string{"2022年（游客人次）：776.5万人次"}, ""},
		{"qualified", "哪年过夜游客最少", []string{"2022年（过夜游客）：231.2万人次"}, ""},
	})
}
