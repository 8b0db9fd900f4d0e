package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
)

// cellsYearbook has a table of year columns with a growth column, a table
// with years as rows, and a sentence, in Markdown.
const cellsYearbook = `# 样例年鉴2021

## 经济

### 指标

表1 2020年主要指标

单位：亿元

| 指标 | 2020年 | 2019年 | 增长% |
|---|---|---|---|
| 地区生产总值 | 100.5 | 95.2 | 3.1 |
| 农业增加值 | 10.1 | 9.8 | 2.0 |
| 工业增加值 | 40.2 | 38.0 | 5.6 |
| 其中：规上工业增加值 | 30.0 | 28.1 | 6.8 |
| 从业人员 | 12.5 |  |  |

### 历年用电

表2 历年用电量

| 年份 | 全社会用电量（亿千瓦时） | 工业用电量（亿千瓦时） |
|---|---|---|
| 2018年 | 300.1 | 200.2 |
| 2019年 | 310.4 | 205.5 |
| 2020年 | 320.9 | 210.7 |

### 概况

2020年，全市服务业增加值50.2亿元，比上年增长4.0%。

来源：市统计局
`

// tableEngine is an engine without index or segmenter: what the table
// path reads (tables, synonyms, place words) and nothing else.
func tableEngine(t testing.TB, text string) *Engine {
	t.Helper()
	yb, err := corpus.Parse("样例.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	e, err := newEngineNoSegmenter([]corpus.Yearbook{yb}, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestAnswerTable(t *testing.T) {
	e := tableEngine(t, cellsYearbook)
	tr := tier{years: []int{2020}}
	for _, tc := range []struct {
		q    string
		want []string // texts quoted; nil: not a table question
		// refused is set when the question names a row and a year the
		// table lacks.
		refused bool
	}{
		{q: "2019年地区生产总值多少", want: []string{"地区生产总值（2019年）：95.2亿元"}},
		{q: "GDP增长多少", want: []string{"地区生产总值：增长3.1%"}},
		{q: "地区生产总值多少", want: []string{"地区生产总值（2020年）：100.5亿元"}},
		{q: "去年工业增加值是多少", want: []string{"工业增加值（2020年）：40.2亿元"}},
		{q: "前年工业增加值是多少", want: []string{"工业增加值（2019年）：38.0亿元"}},
		{q: "农业增加值", want: []string{"农业增加值：2020年 10.1亿元；2019年 9.8亿元；增长2.0%"}},
		{q: "工业增加值那一行", want: []string{"工业增加值：2020年 40.2亿元；2019年 38.0亿元；增长5.6%"}},
		{q: "农业增加值各年", want: []string{"农业增加值：2020年 10.1亿元；2019年 9.8亿元；增长2.0%"}},
		{q: "2020年工业增加值和农业增加值各多少", want: []string{"农业增加值（2020年）：10.1亿元", "工业增加值（2020年）：40.2亿元"}},
		{q: "2020年和2019年农业增加值分别是多少", want: []string{"农业增加值（2020年）：10.1亿元", "农业增加值（2019年）：9.8亿元"}},
		{q: "从业人员有多少", want: []string{"从业人员（2020年）：12.5亿元"}},
		{q: "地区生产总值增速是多少", want: []string{"地区生产总值：增长3.1%"}},
		{q: "2019年规上工业增加值多少", want: []string{"其中：规上工业增加值（2019年）：28.1亿元"}},
		// Years as rows.
		{q: "2019年全社会用电量多少", want: []string{"2019年（全社会用电量）：310.4亿千瓦时"}},
		{q: "工业用电量多少", want: []string{"2020年（工业用电量）：210.7亿千瓦时"}},
		{q: "2017年工业增加值多少", refused: true},
		{q: "2016年全社会用电量多少", refused: true},
		// Not questions about these cells.
		{q: "服务业增加值多少"},
		{q: "农村工业增加值多少"},
		{q: "用电量多少"},
		{q: "工业增加值什么时候公布的"},
		{q: "工业增加值排第几"},
		{q: "增加值多少"},
		{q: "这个表统计的是哪一年"}, // 历年用电量 names no year
		{q: "地区生产总值占比多少"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, ok := e.answerTable(extract.Analyze(e.Normalize(tc.q)), tr)
			switch {
			case tc.refused:
				if !ok || !res.refused || res.related < 0 || !strings.Contains(res.why, "2020年") {
					t.Fatalf("got %+v, %v; want a refusal naming the years the table has", res, ok)
				}
				return
			case tc.want == nil:
				if ok {
					t.Fatalf("answered %v (%s), want the selector to decide", quoted(e, res), res.why)
				}
				return
			}
			if !ok || res.refused {
				t.Fatalf("got %+v, %v; want %v", res, ok, tc.want)
			}
			if got := quoted(e, res); !slices.Equal(got, tc.want) {
				t.Fatalf("quoted %v, want %v", got, tc.want)
			}
		})
	}
}

func quoted(e *Engine, res tableResult) []string {
	var out []string
	for _, p := range res.quote {
		out = append(out, e.passages[p].Paragraph.Text)
	}
	return out
}

// TestDropUnnamedTableHits checks that a cell reaches the selector only
// for a question naming its row: whole, by a synonym, or by part of its
// label with nothing else asked.
func TestDropUnnamedTableHits(t *testing.T) {
	e := tableEngine(t, cellsYearbook)
	cellOf := func(text string) Hit {
		for i, p := range e.passages {
			if p.Paragraph.Text == text {
				return e.hit(i, 1)
			}
		}
		t.Fatalf("no paragraph %q", text)
		return Hit{}
	}
	prose := cellOf("2020年，全市服务业增加值50.2亿元，比上年增长4.0%。")
	cell := cellOf("工业增加值（2020年）：40.2亿元")
	for _, tc := range []struct {
		q    string
		keep bool
	}{
		{"工业增加值多少", true},
		{"2020年工业增加值是多少", true},
		{"工业的增加值多少", false},
		{"增加值多少", true},
		{"农村工业增加值多少", false},
		{"工业用电量多少", false},
		{"服务业增加值多少", false},
	} {
		got := e.dropUnnamedTableHits(e.Normalize(tc.q), []Hit{prose, cell})
		if len(got) == 0 || got[0].ParagraphID != prose.ParagraphID {
			t.Fatalf("%s: the sentence was dropped: %v", tc.q, got)
		}
		if kept := len(got) == 2; kept != tc.keep {
			t.Errorf("%s: cell kept %v, want %v", tc.q, kept, tc.keep)
		}
	}
}

func TestFigureSpans(t *testing.T) {
	for text, want := range map[string][]string{
		"出生人口（2022年）：7.8万人":                    {"7.8万人"},
		"地区生产总值（2022年）：增长4.1%":                 {"4.1%"},
		"出生人口：2022年 7.8万人；2021年 8.2万人；增长-4.9%": {"7.8万人", "8.2万人", "-4.9%"},
		"地区生产总值：2022年增长4.1%；2021年 5102.3亿元":    {"4.1%", "5102.3亿元"},
		"无数字": nil,
	} {
		var got []string
		for _, s := range figureSpans(text) {
			got = append(got, text[s.Start:s.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", text, got, want)
		}
	}
}

// FuzzTableAnswer reads an arbitrary Markdown table and answers an
// arbitrary question from it: never a panic, and every quote is one of
// the table's paragraphs with its figures inside it.
func FuzzTableAnswer(f *testing.F) {
	f.Add("| 指标 | 2022年 | 2021年 | 增长% |\n|---|---|---|---|\n| 出生人口 | 7.8 | 8.2 | -4.9 |", "2021年出生人口多少")
	f.Add("| 指标 | 2022年 | 2022年 |\n|---|---|---|\n| | 数值 | 增长 |\n| 出生 | 7.8 | -5.2 |\n| 死亡 | — |", "出生增长多少")
	f.Add("| 年份 | 人口（万人） |\n|---|---|\n| 2018 | 1 |\n| 2019年 | 2 |", "2019年人口各年")
	f.Add("a|b\n-|-\n1|2|3|4\n|\n||", "1那一行")
	f.Add("| 指标 | 2022年 | 增长% |\n|---|---|---|\n| 出生 | 7.8 | -5.2 |\n| 死亡 | 6.1 | 3.4 |", "哪项增长最快")
	f.Add("| 类别 | 数（所） | 数（所） |\n|---|---|---|\n| | 2022年 | 2021年 |\n| 小学 | 40 | 41 |", "表1是哪一年的")
	f.Add("| 年份 | 粮食 |\n|---|---|\n| 2021年 | 1,80.4 |\n| 2022年 | 183.1 |", "粮食超过180了吗")
	base := tableEngine(f, cellsYearbook)
	f.Fuzz(func(t *testing.T, table, q string) {
		yb, err := corpus.Parse("t.md", []byte("# 测试年鉴2023\n\n## 章\n\n### 节\n\n表1 2022年指标\n\n"+table+"\n"))
		if err != nil {
			return
		}
		// The base engine's word lists and synonyms with this table's
		// passages: building an engine per input would take a second.
		e := *base
		e.passages = yb.Passages()
		e.tables = buildTables([]corpus.Yearbook{yb}, e.syn)
		res, ok := e.answerTable(extract.Analyze(e.Normalize(q)), tier{years: []int{2022}})
		if !ok {
			return
		}
		ps := res.quote
		if res.refused {
			ps = []int{res.related}
		}
		for _, p := range ps {
			if _, inTable := e.tables.byPassage[p]; !inTable {
				t.Fatalf("quoted passage %d is not a table's", p)
			}
			text := e.passages[p].Paragraph.Text
			for _, s := range figureSpans(text) {
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
					t.Fatalf("span %v out of %q", s, text)
				}
			}
		}
	})
}

// TestPassageTableView checks that 「原文」 of a cell or a row gets its row
// under the table's header, and other paragraphs none.
func TestPassageTableView(t *testing.T) {
	e := tableEngine(t, cellsYearbook)
	for _, p := range e.passages {
		h, ok := e.Passage(p.Paragraph.ID)
		if !ok {
			t.Fatalf("no passage %s", p.Paragraph.ID)
		}
		isTable := p.Paragraph.Kind == corpus.KindCell || p.Paragraph.Kind == corpus.KindRow
		if (h.Table != nil) != isTable {
			t.Fatalf("%s (%s): table view %v", p.Paragraph.ID, p.Paragraph.Kind, h.Table)
		}
		if p.Paragraph.Text == "工业增加值（2020年）：40.2亿元" {
			v := h.Table
			if v.Title != "表1 2020年主要指标" || v.Unit != "亿元" || !slices.Equal(v.Row, []string{"工业增加值", "40.2", "38.0", "5.6"}) ||
				len(v.Header) != 1 || !slices.Equal(v.Header[0], []string{"指标", "2020年", "2019年", "增长%"}) {
				t.Errorf("view %+v", v)
			}
		}
	}
}

// TestRefuseTable checks the refusal of a year a table lacks: a sentence
// the selector found stands only when it states the year asked.
func TestRefuseTable(t *testing.T) {
	e := tableEngine(t, cellsYearbook)
	qa := extract.Analyze(e.Normalize("2017年工业增加值多少"))
	tr, ok := e.answerTable(qa, tier{years: []int{2020}})
	if !ok || !tr.refused {
		t.Fatalf("got %+v, %v; want a refusal", tr, ok)
	}
	var prose Hit
	for i, p := range e.passages {
		if p.Paragraph.Kind == corpus.KindParagraph {
			prose = e.hit(i, 1)
		}
	}
	for _, tc := range []struct {
		text  string
		stays bool
	}{
		{"2020年，全市服务业增加值50.2亿元", false},
		{"2017年，工业增加值30.1亿元", true},
	} {
		r := result{hits: []Hit{prose}, facts: []Fact{{Text: tc.text, Source: prose.Source}}}
		e.refuseTable(&r, qa, tr)
		if stays := len(r.facts) == 1; stays != tc.stays {
			t.Errorf("%s: stays %v, want %v", tc.text, stays, tc.stays)
		}
		if !tc.stays && (len(r.why) != 1 || r.why[0].Closest == nil || r.hits[0].Text != "工业增加值：2020年 40.2亿元；2019年 38.0亿元；增长5.6%") {
			t.Errorf("%s: refusal %+v, first hit %q", tc.text, r.why, r.hits[0].Text)
		}
	}
}
