package retrieval

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
)

// sitesYearbook has the shapes the round on a county-level city's tables
// taught: a table of sites whose title and corner name what its first
// column counts, labels opening with a Latin code, a chapter heading
// sharing a word with an indicator, and a years table beside a table of
// indicators.
const sitesYearbook = `# 样例县年鉴2024

## 林业经济

### 林业合作社

2023年，样例县林业合作社系统实现销售额19.9亿元。

表1 样例县林业合作社服务站点情况

| 站点类别 | 站点数（个） | 站点数（个） | 销售额（万元） | 销售额（万元） | 从业人员（人） |
|---|---:|---:|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 | 2022年 | 2023年 |
| 基层林业社 | 12 | 11 | 310 | 290 | 86 |
| 苗木繁育合作社 | 30 | 28 | 540 | 500 | 120 |
| 林下种植基地 | 44 | 40 | 260 | 275 | 98 |
| 木材加工连锁店 | 9 | 10 | 880 | 860 | 75 |

### 木材

表2 样例县竹木产品产量（2021—2023年）

单位：万立方米

| 年份 | 木材产量 | 竹材产量 |
|---|---:|---:|
| 2021年 | 5.1 | 2.2 |
| 2022年 | 5.3 | 2.4 |
| 2023年 | 5.6 | 2.5 |

### 环境监测

表3 2023年样例县空气质量监测点主要指标

| 监测点 | PM2.5浓度（微克/立方米） | PM10浓度（微克/立方米） |
|---|---:|---:|
| 县城站 | 25 | 44 |
| 山区站 | 18 | 35 |

## 外经外贸

### 外贸

2023年，全县竹制品出口额3.1亿元，占全县出口总额的12.5%。全县有进出口实绩的企业58家。全县跨境电商园区入驻企业21家。

表4 2023年样例县对外经贸主要指标

| 指标 | 单位 | 2023年 | 2022年 | 比上年增长% |
|---|---|---:|---:|---:|
| 货物进出口总额 | 亿元 | 40.0 | 36.0 | 11.1 |
| 出口总额 | 亿元 | 24.8 | 22.0 | 12.7 |
| 实际使用外资 | 亿美元 | 1.2 | 1.5 | -20.0 |
`

// TestSitesReadings checks each reading on sitesYearbook.
func TestSitesReadings(t *testing.T) {
	e := tableEngine(t, sitesYearbook)
	tr := tier{years: []int{2023}}
	for _, tc := range []struct {
		q    string
		want []string
		lead string
	}{
		// The title's 林业合作社 said short (林业社) is the title's, not
		// the row 基层林业社; 站点, the thing the title and corner name,
		// asks the column counting it.
		{q: "林业社哪类站点最多", want: []string{"林下种植基地（站点数，2023年）：44个"}},
		{q: "苗木繁育合作社的站点较前年变多还是变少", want: []string{"苗木繁育合作社（站点数，2023年）：30个", "苗木繁育合作社（站点数，2022年）：28个"}, lead: "增加"},
		// 卖 is a form of 销售; 多少钱 asks the column in 万元.
		{q: "林业社加工连锁店2023年卖了多少钱", want: []string{"木材加工连锁店（销售额，2023年）：880万元"}},
		{q: "林下种植基地干活的有多少人", want: []string{"林下种植基地（从业人员，2023年）：98人"}},
		{q: "苗木繁育合作社这一块从业人员是多少", want: []string{"苗木繁育合作社（从业人员，2023年）：120人"}},
		{q: "林下种植基地销售额比上年少吗", want: []string{"林下种植基地（销售额，2023年）：260万元", "林下种植基地（销售额，2022年）：275万元"}, lead: "是"},
		// A label's Latin code alone, in any case, and the everyday name
		// of what it measures.
		{q: "山区站的pm2.5是多少", want: []string{"山区站（PM2.5浓度）：18微克/立方米"}},
		{q: "县城站可吸入颗粒物浓度是多少", want: []string{"县城站（PM10浓度）：44微克/立方米"}},
		// The chapter's heading names where the table stands: its 外贸 is
		// no row.
		{q: "外经外贸里面哪一项增长最快", want: []string{"出口总额：比上年增长12.7%"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) || !strings.HasPrefix(res.lead, tc.lead) {
				t.Fatalf("quoted %v lead %q, want %v lead %q (%s)", got, res.lead, tc.want, tc.lead, res.why)
			}
		})
	}
}

// TestSitesLeft checks what the table path leaves to the text: a title's
// word naming one table beside another table's row, and a run that is a
// form of a label the tables hold, which is no other indicator to refuse.
func TestSitesLeft(t *testing.T) {
	e := tableEngine(t, sitesYearbook)
	tr := tier{years: []int{2023}}
	for _, q := range []string{"竹木产品出口额同比增长多少", "竹制品出口在全县出口里占几成"} {
		if res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr); ok {
			t.Errorf("%s: got %v (%s, refused %v), want the text to decide", q, quoted(e, res), res.why, res.refused)
		}
	}
}

// TestSitesByText checks the answers beside the tables: a share the
// table's other indicators do not refuse, an area asked of a table in
// cubic metres (no answer), and cubic metres asked as speech says them.
func TestSitesByText(t *testing.T) {
	e := builtEngine(t, sitesYearbook)
	for q, want := range map[string]string{
		"竹制品出口在全县出口里占几成": "12.5%",
		"竹材去年多少亩":        "",
		"竹材去年产了多少方":      "2.5万立方米",
	} {
		a, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, f := range a.Facts {
			text.WriteString(f.Text)
		}
		if want == "" && a.Answered || want != "" && (!a.Answered || !strings.Contains(text.String(), want)) {
			t.Errorf("%s: answered %v %q, want %q", q, a.Answered, text.String(), want)
		}
	}
}

// TestPriorYear checks 上年 read as the year compared only after a
// comparison word.
func TestPriorYear(t *testing.T) {
	for _, tc := range []struct {
		q     string
		years []int
		want  int
		ok    bool
	}{
		{q: "甲比上年少了吗", want: 2022, ok: true},
		{q: "2021年甲较上年多了吗", years: []int{2021}, want: 2020, ok: true},
		{q: "上年末甲多少", ok: false},
		// Several years asked: which one 上年 is before is not told.
		{q: "2021年和2022年甲分别比上年多了吗", years: []int{2021, 2022}, ok: false},
	} {
		got, ok := priorYear(tc.q, tc.years, 2023)
		if got != tc.want || ok != tc.ok {
			t.Errorf("priorYear(%s) = %d, %v; want %d, %v", tc.q, got, ok, tc.want, tc.ok)
		}
	}
}

// growthYearbook has a title joining a level and its growth (及增长速度);
// codeYearbook a label whose Latin code is another label's form (gdp);
// schoolsYearbook a title of 各类 things and a column of parts under a
// two-row header.
const (
	growthYearbook = `# 样例县年鉴2024

## 经济

### 总量

表1 2022—2023年样例县地区生产总值及增长速度

| 年份 | 地区生产总值（亿元） | 比上年增长（%） |
|---|---:|---:|
| 2022年 | 95.0 | 4.1 |
| 2023年 | 100.0 | 5.3 |
`
	codeYearbook = `# 样例县年鉴2024

## 经济

### 速度

表1 2023年样例县经济指标

| 指标 | 单位 | 2023年 |
|---|---|---:|
| 地区生产总值 | 亿元 | 100.0 |
| GDP增速 | % | 5.3 |
`
	schoolsYearbook = `# 样例县年鉴2024

## 教育

### 学校

表1 2023年样例县各类学校情况

| 学校类别 | 学校数（所） | 其中 |
|---|---:|---:|
|  | 2023年 | 新建（所） |
| 小学 | 40 | 3 |
| 初中 | 12 | 1 |
`
	// partsYearbook has a part counted in another unit than its whole;
	// oneYearYearbook a table of one year only.
	partsYearbook = `# 样例县年鉴2024

## 教育

### 学校

表1 2023年样例县学校

| 学校类别 | 学校数（个） | 其中：民办（所） |
|---|---:|---:|
| 初中 | 12 | 1 |
| 高中 | 5 | 2 |
`
	// nurseryYearbook has a years table with a column of totals beside its
	// parts, and a two-level table with a blank cell.
	nurseryYearbook = `# 样例县年鉴2024

## 林业

### 苗木

表1 样例县苗木产量（2022—2023年）

单位：万株

| 年份 | 合计 | 松树 | 柏树 |
|---|---:|---:|---:|
| 2022年 | 90 | 50 | 40 |
| 2023年 | 100 | 55 | 45 |

### 林场

表2 样例县林场情况

| 林场类别 | 面积（亩） | 面积（亩） | 职工（人） | 职工（人） |
|---|---:|---:|---:|---:|
|  | 2023年 | 2022年 | 2023年 | 2022年 |
| 国有林场 | 800 | 780 | — | — |
| 集体林场 | 500 | 490 | 30 | 28 |
`
	// totalsYearbook has a 合计 column counting institutions, not beds, and
	// one over rows of towns with a row of totals.
	totalsYearbook = `# 样例县年鉴2024

## 民政

### 养老

表1 样例县养老机构及床位（2022—2023年）

单位：个

| 年份 | 合计 | 敬老院 | 养老院 |
|---|---:|---:|---:|
| 2022年 | 12 | 8 | 4 |
| 2023年 | 14 | 9 | 5 |

### 苗木

表2 2023年样例县各乡镇苗木产量

| 乡镇 | 合计（万株） | 松树（万株） |
|---|---:|---:|
| 甲镇 | 60 | 30 |
| 乙镇 | 40 | 20 |
| 全县 | 100 | 50 |
`
	oneYearYearbook = `# 样例县年鉴2024

## 农业

### 蔬菜

表1 2023年样例县蔬菜生产

| 指标 | 单位 | 2023年 |
|---|---|---:|
| 蔬菜产量 | 万吨 | 3.3 |
`
)

// TestBlankCrossingRefused checks that a row and a column crossing at a
// blank cell are refused as blank, not left to a sentence of another
// column of the row.
func TestBlankCrossingRefused(t *testing.T) {
	e := tableEngine(t, nurseryYearbook)
	res, ok := e.answerTable(extract.Analyze(e.Normalize("国有林场职工多少人")), tier{years: []int{2023}})
	if !ok || !res.refused || !strings.Contains(res.why, "empty") {
		t.Errorf("got %v (%s, ok %v, refused %v), want the blank cell refused", quoted(e, res), res.why, ok, res.refused)
	}
}

// TestSitesNotOver checks where the readings stop: a title's growth
// words still ask a growth, which a years table writing it beside no
// label leaves to the text (never the level), a code another label has as a form (gdp)
// names that label alone, a title of 各类 things still lets its things
// choose the column counting them, a part under a two-row header is no
// rival of the whole, even counted in another unit, 比上年 of a table with
// no rate compares two levels (none when the year before is not there),
// 哪年 names no kind of rows, and a title said at length does not choose
// the column counting its things for another measure.
func TestSitesNotOver(t *testing.T) {
	tr := tier{years: []int{2023}}
	sites, growth, code, schools := tableEngine(t, sitesYearbook), tableEngine(t, growthYearbook), tableEngine(t, codeYearbook), tableEngine(t, schoolsYearbook)
	parts, oneYear, nursery := tableEngine(t, partsYearbook), tableEngine(t, oneYearYearbook), tableEngine(t, nurseryYearbook)
	totals := tableEngine(t, totalsYearbook)
	for _, tc := range []struct {
		e    *Engine
		q    string
		want []string // nil: no table answer
	}{
		{growth, "地区生产总值增长速度是多少", nil},
		{growth, "地区生产总值比上年增长多少", nil},
		{code, "gdp是多少", []string{"地区生产总值（2023年）：100.0亿元"}},
		{schools, "哪类学校最多", []string{"小学（学校数，2023年）：40所"}},
		{schools, "初中有几所", []string{"初中（学校数，2023年）：12所"}},
		{parts, "初中有几所", []string{"初中（学校数）：12个"}},
		{oneYear, "蔬菜产量比上年增加多少", nil},
		// A column of totals is no rival of the parts beside it, and is
		// what a total of the table's things asks.
		{nursery, "去年哪种苗木最多", []string{"2023年（松树）：55万株"}},
		{nursery, "2022年苗木总产量多少", []string{"2022年（合计）：90万株"}},
		// The total of another measure (床位) is not the 合计 column's;
		// over rows of towns, the total is the row of totals' alone.
		{totals, "2023年养老床位一共多少", nil},
		{totals, "苗木总产量多少", []string{"全县（合计）：100万株"}},
		{sites, "木材产量较上年增加了多少", []string{"2023年（木材产量）：5.6万立方米", "2022年（木材产量）：5.3万立方米"}},
		{sites, "哪年苗木繁育合作社销售额最高", []string{"苗木繁育合作社（销售额，2023年）：540万元"}},
		{sites, "林业合作社服务站点情况表里哪类收入最高", nil},
	} {
		res, ok := tc.e.answerTable(extract.Analyze(tc.e.Normalize(tc.q)), tr)
		got := quoted(tc.e, res)
		if tc.want == nil && ok && !res.refused || tc.want != nil && (!ok || !slices.Equal(got, tc.want)) {
			t.Errorf("%s: quoted %v (%s, ok %v), want %v", tc.q, got, res.why, ok, tc.want)
		}
	}
	// A title's word widened to the question's end does not panic.
	for _, q := range []string{"林业社服站", "林业社服站点"} {
		sites.answerTable(extract.Analyze(sites.Normalize(q)), tr)
	}
}

// TestOtherIndicatorOfTheTier checks that a form of a label in a document
// the tier does not search cancels no refusal: 出口额 of an edition with
// only 进出口总额 is another indicator, though another edition has 出口总额.
func TestOtherIndicatorOfTheTier(t *testing.T) {
	var ybs []corpus.Yearbook
	for _, text := range []string{
		"# 样例县年鉴2024\n\n## 外贸\n\n### 指标\n\n表1 2023年样例县外贸\n\n| 指标 | 单位 | 2023年 |\n|---|---|---:|\n| 进出口总额 | 亿元 | 40 |\n",
		"# 样例县年鉴2023\n\n## 外贸\n\n### 指标\n\n表1 2022年样例县外贸\n\n| 指标 | 单位 | 2022年 |\n|---|---|---:|\n| 出口总额 | 亿元 | 20 |\n",
	} {
		yb, err := corpus.Parse("样例.md", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		ybs = append(ybs, yb)
	}
	e, err := newEngineNoSegmenter(ybs, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	res, ok := e.answerTable(extract.Analyze(e.Normalize("出口额多少")), tier{years: []int{2023}, docs: []int{0}})
	if !ok || !res.refused {
		t.Errorf("出口额多少 of the 2024 edition: quoted %v (%s, ok %v), want the other indicator refused", quoted(e, res), res.why, ok)
	}
}

// TestTableRowsLeaveRoom checks that a table's cells and rows, sharing
// its words, do not fill every passage the selector reads: the sentence
// stating the growth the table lacks is read too.
func TestTableRowsLeaveRoom(t *testing.T) {
	rows := ""
	for y := 2017; y <= 2023; y++ {
		rows += fmt.Sprintf("| %d年 | %d | %d |\n", y, 900+y%10, 500+y%10)
	}
	text := "# 样例县年鉴2024\n\n## 市场\n\n### 主体\n\n2023年末，全县实有各类市场主体909户，比上年增长1.1%。其中，企业401户；个体工商户508户，增长0.6%。\n\n" +
		"表1 样例县市场主体（2017—2023年）\n\n单位：户\n\n| 年份 | 市场主体总数 | 个体工商户 |\n|---|---:|---:|\n" + rows
	e := builtEngine(t, text)
	a, err := e.Ask(t.Context(), "个体户增长了百分之几")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Facts) == 0 || !strings.Contains(a.Facts[0].Text, "0.6%") {
		t.Errorf("answered %v %+v, want the sentence stating 0.6%%", a.Answered, a.Facts)
	}
}

// serviceYearbook has labels with everyday forms of their words: a case
// (案子 for 案件), a daily capacity (每天处理 for 日处理), a code (COD).
const serviceYearbook = `# 样例县年鉴2025

## 司法

### 法律服务

表1 2024年样例县乡镇法律服务

| 乡镇 | 调解纠纷（件） | 法律援助案件（件） |
|---|---:|---:|
| 甲镇 | 80 | 20 |
| 乙镇 | 60 | 15 |

## 环境

### 污水

表2 2024年样例县污水处理指标

| 指标 | 单位 | 2024年 |
|---|---|---:|
| 污水日处理能力 | 万吨 | 3.2 |
| 化学需氧量削减量 | 吨 | 900 |
`

// TestEverydayForms checks labels named by the everyday forms of their
// words, and a unit asked with 统计, which asks no credit.
func TestEverydayForms(t *testing.T) {
	e := tableEngine(t, serviceYearbook)
	tr := tier{years: []int{2024}}
	for q, want := range map[string]string{
		"污水每天处理能力多大":  "污水日处理能力（2024年）：3.2万吨",
		"甲镇法律援助案子有多少": "甲镇（法律援助案件）：20件",
		"cod削减量多少":    "化学需氧量削减量（2024年）：900吨",
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
		if got := quoted(e, res); !ok || !slices.Equal(got, []string{want}) {
			t.Errorf("%s: quoted %v (%s, ok %v), want %s", q, got, res.why, ok, want)
		}
	}
	if got := chapterAskOf("污水处理能力是按什么单位统计的", false); got != askNoPart {
		t.Errorf("a unit asked with 统计 read as %v, want no part of the yearbook asked", got)
	}
	for _, q := range []string{"环境这章的供稿单位是什么", "这块数据的来源单位是什么"} {
		if got := chapterAskOf(q, true); got != askSource {
			t.Errorf("%s read as %v, want the credit asked", q, got)
		}
	}
}
