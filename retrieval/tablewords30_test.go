package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
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
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, tc.want) })
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

// shortYearbook has a table whose title speech says short (社保 of
// 社会保险), beside one whose labels write a pair a title holds apart
// (存款 of 存贷款), and output by year.
const shortYearbook = `# 样例县年鉴2025

## 社会保障

### 社会保险

表1 样例县社会保险主要指标（2024年）

| 指标 | 单位 | 2024年 | 2023年 | 比上年增长% |
|---|---|---:|---:|---:|
| 失业保险参保人数 | 人 | 2100 | 2000 | 5.0 |
| 工伤保险参保人数 | 人 | 3000 | 3100 | -3.2 |

## 金融

### 存贷款

表2 存贷款情况（2024年）

| 机构 | 各项存款余额（亿元） | 各项贷款余额（亿元） |
|---|---:|---:|
| 甲银行 | 120 | 90 |
| 乙银行 | 80 | 70 |

## 农业

### 茶叶

表3 样例县茶叶产量（2022—2024年）

单位：吨

| 年份 | 红茶 | 白茶 |
|---|---:|---:|
| 2022年 | 300 | 700 |
| 2023年 | 310 | 890 |
| 2024年 | 320 | 1060 |

## 城市

### 服务

表4 2024年样例县图书馆和垃圾分类

| 单位 | 接待读者（万人次） | 厨余垃圾分出量（吨/日） |
|---|---:|---:|
| 县图书馆（总馆） | 98.7 | 12 |
| 东街道 | 35.6 | 58 |
`

// TestShortTitlesAndThresholds checks a title said short, a pair of a
// title that a label writes whole left to the label, two columns named
// in one row of years each quoted, and thresholds said with 千.
func TestShortTitlesAndThresholds(t *testing.T) {
	e := tableEngine(t, shortYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"社保指标里哪项降得最多", []string{"工伤保险参保人数：比上年增长-3.2%"}},
		{"2023年红茶和白茶各产多少吨", []string{"2023年（红茶）：310吨", "2023年（白茶）：890吨"}},
		{"去年白茶产量破千吨了吗", []string{"2024年（白茶）：1060吨"}},
		{"2023年白茶产量超过两千吨了吗", []string{"2023年（白茶）：890吨"}},
		{"2022年白茶产量超过三百吨了吗", []string{"2022年（白茶）：700吨"}},
		{"县图书馆总馆接待读者多少", []string{"县图书馆（总馆）（接待读者）：98.7万人次"}},
		{"东街道每天厨余垃圾分出量多少", []string{"东街道（厨余垃圾分出量）：58吨/日"}},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, tc.want) })
	}
}

// TestShortFormWrittenByLabel checks that a pair a title holds apart
// (存款 of 存贷款) names no table when a label writes it whole.
func TestShortFormWrittenByLabel(t *testing.T) {
	e := tableEngine(t, shortYearbook)
	if ti, _ := e.tables.namedTable("甲银行存款多少", nil, []string{"样例县"}); ti >= 0 {
		t.Errorf("namedTable = %d (%s), want none: 各项存款余额 writes 存款", ti, e.tables.tables[ti].title)
	}
	if ti, _ := e.tables.namedTable("社保多少", nil, []string{"样例县"}); ti != 0 {
		t.Errorf("namedTable(社保) = %d, want 0", ti)
	}
}

// TestThresholdSpan checks thresholds in Chinese numerals, and that a
// number of years (千年) is none.
func TestThresholdSpan(t *testing.T) {
	for q, want := range map[string]string{
		"超过两千吨了吗":  "超过两千吨",
		"过十株了吗":    "过十株",
		"有千年以上古树吗": "",
		"破千吨了吗":    "破千吨",
	} {
		got := ""
		if s, ok := thresholdSpan(q); ok {
			got = q[s.start:s.end]
		}
		if got != want {
			t.Errorf("thresholdSpan(%s) = %q, want %q", q, got, want)
		}
	}
}

// TestAbbreviationIn checks the short forms of a title's leading compound
// and what is no short form.
func TestAbbreviationIn(t *testing.T) {
	for _, tc := range []struct {
		q, words string
		want     string
	}{
		{"社保指标", "社会保险主要指标", "社保"},
		{"非遗项目", "非物质文化遗产代表性项目", "非遗"},
		{"城建指标", "城市建设管理主要指标", "城建"},
		{"村游客", "乡村旅游重点村", ""},   // from inside a word
		{"社区多少", "社会保险事业区划", ""}, // too far apart
		{"社会多少", "社会保险", ""},     // written whole is no short form
	} {
		s, ok := abbreviationIn(tc.q, tc.words)
		got := ""
		if ok {
			got = tc.q[s.start:s.end]
		}
		if got != tc.want {
			t.Errorf("abbreviationIn(%s, %s) = %q, want %q", tc.q, tc.words, got, tc.want)
		}
	}
}

// TestRowLabelled checks that a piece the selector cuts from a table's
// row is quoted with the row's label, its figure still marked.
func TestRowLabelled(t *testing.T) {
	e := tableEngine(t, shortYearbook)
	const row = "2022年：红茶 300吨；白茶 700吨"
	i := slices.IndexFunc(e.passages, func(p corpus.Passage) bool { return p.Paragraph.Text == row })
	if i < 0 {
		t.Fatalf("no passage %q", row)
	}
	h := e.hit(i, 0)
	start := len("2022年：红茶 300吨；")
	f := extract.Fact{Start: start, End: len(row), Text: row[start:], Figures: []extract.Range{{Start: len("白茶 "), End: len("白茶 700吨")}}}
	got := e.rowLabelled(factOf(f, []Hit{h}), f, h)
	if got.Text != "2022年：白茶 700吨" || got.Text[got.Figures[0].Start:got.Figures[0].End] != "700吨" {
		t.Errorf("got %q figures %v, want the row's label before the piece", got.Text, got.Figures)
	}
	// A piece cut inside its segment gets the segment's start too.
	start = len("2022年：红茶 300吨；白茶 ")
	f = extract.Fact{Start: start, End: len(row), Text: row[start:], Figures: []extract.Range{{Start: 0, End: len("700吨")}}}
	if got := e.rowLabelled(factOf(f, []Hit{h}), f, h); got.Text != "2022年：白茶 700吨" || got.Text[got.Figures[0].Start:got.Figures[0].End] != "700吨" {
		t.Errorf("mid-segment: got %q figures %v", got.Text, got.Figures)
	}
	whole := extract.Fact{Text: row, End: len(row)}
	if got := e.rowLabelled(factOf(whole, []Hit{h}), whole, h); got.Text != row {
		t.Errorf("whole row: got %q", got.Text)
	}
	// A cell's piece is led by the whole cell label, a mark inside it kept.
	const cell = "2023年（红茶）：310吨"
	i = slices.IndexFunc(e.passages, func(p corpus.Passage) bool { return p.Paragraph.Text == cell })
	if i < 0 {
		t.Fatalf("no passage %q", cell)
	}
	h = e.hit(i, 0)
	start = len("2023年（红茶）：")
	f = extract.Fact{Start: start, End: len(cell), Text: cell[start:]}
	if got := e.rowLabelled(factOf(f, []Hit{h}), f, h); got.Text != cell {
		t.Errorf("cell: got %q, want %q", got.Text, cell)
	}
}

// TestBracketedNamesApart checks that a bracket names its own row only:
// two rows told apart by their brackets are not both answered, and a
// bracket leaving a row out (不含甲) does not let that row in.
func TestBracketedNamesApart(t *testing.T) {
	e := tableEngine(t, `# 样例县年鉴2025

## 卫生

### 医院

表1 2024年样例县医院床位

| 医院 | 床位（张） |
|---|---:|
| 县医院（总院） | 800 |
| 县医院（东院区） | 300 |
| 民营医院 | 200 |
| 合计（不含民营） | 1100 |
`)
	tr := tier{years: []int{2024}}
	for q, wrong := range map[string]string{
		"县医院东院区床位多少": "县医院（总院）",
		"县医院总院床位多少":  "县医院（东院区）",
		"合计不含民营床位多少": "民营医院",
	} {
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
		if got := quoted(e, res); ok && slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, wrong) }) {
			t.Errorf("%s: quoted %v, want no %s", q, got, wrong)
		}
	}
}

// wantQuoted checks that the table path answers q by quoting want.
func wantQuoted(t *testing.T, e *Engine, tr tier, q string, want []string) {
	t.Helper()
	res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tr)
	if !ok || res.refused {
		t.Fatalf("got %+v, %v; want %v", res, ok, want)
	}
	if got := quoted(e, res); !slices.Equal(got, want) {
		t.Fatalf("quoted %v, want %v", got, want)
	}
}
