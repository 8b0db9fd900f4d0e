package retrieval

import (
	"slices"
	"testing"

	"yearbookbot/retrieval/extract"
)

// chapterYearbook is a made-up yearbook with two credited chapters, a
// photo caption and dated and undated figures.
const chapterYearbook = `# 虚构县年鉴2024

## 农业

### 粮食生产

2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。全年粮食产量38.4万吨。

表1 2023年虚构县农业主要指标

| 指标 | 2023年 | 2022年 |
|---|---|---|
| 粮食产量（万吨） | 38.4 | 37.9 |

来源：县农业农村局

## 水利

### 水库

全县有水库126座，总库容9.8亿立方米。

图1 青山水库

### 河道

完成河道治理45公里。

来源：县水利局
`

// chapterCase is a question and the facts answerChapter gives it; nil:
// not a chapter question.
type chapterCase struct {
	q    string
	want []string
}

// checkChapterAnswers asks each case of e's answerChapter.
func checkChapterAnswers(t *testing.T, e *Engine, cases []chapterCase) {
	t.Helper()
	for _, tc := range cases {
		r, ok := e.answerChapter(extract.Analyze(e.Normalize(tc.q)), tier{})
		var got []string
		for _, f := range r.facts {
			got = append(got, f.Text)
		}
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v %v, want %v", tc.q, ok, got, tc.want)
		}
	}
}

func TestAnswerChapter(t *testing.T) {
	checkChapterAnswers(t, tableEngine(t, chapterYearbook), []chapterCase{
		{"水利这块数据出自哪个单位", []string{"数据来源：县水利局"}},
		{"水库这些数据谁发布的", []string{"数据来源：县水利局"}},
		{"农业表的数据出处", []string{"数据来源：县农业农村局"}},
		{"水利那章配的照片拍的是啥", []string{"青山水库"}},
		{"水库那部分配的是什么照片", []string{"青山水库"}},
		// A credit asked without the data it credits is about the subject.
		{"水库由哪个部门管理", nil},
		{"河道那部分配的是什么照片", nil},
		{"这些数据出自哪个单位", nil},
	})
}

// creditYearbook has long chapter titles that users shorten.
const creditYearbook = `# 虚构县年鉴2024

## 跨境电子商务服务中心建设

### 概况

全县跨境电商交易额18.2亿元。

来源：县商务局

## 乡村旅游示范建设

### 概况

接待乡村游客120万人次。

来源：县文旅局
`

func TestAnswerChapterCredit(t *testing.T) {
	checkChapterAnswers(t, tableEngine(t, creditYearbook), []chapterCase{
		{"乡村旅游示范建设那一章作者是谁", []string{"供稿：县文旅局"}},
		{"跨境电商中心那一节是哪个部门供稿的", []string{"供稿：县商务局"}},
		{"乡村旅游那部分是哪些单位写的", []string{"供稿：县文旅局"}},
		{"乡村旅游示范建设那篇是谁写的", []string{"供稿：县文旅局"}},
		{"电子商务服务这部分的材料是哪个部门提供的", []string{"供稿：县商务局"}},
		{"跨境电商中心那一章的数据出自哪个单位", []string{"数据来源：县商务局"}},
		// Asked beside another question, the credit is cited with that
		// part's answer.
		{"乡村旅游示范建设接待了多少游客？那一章是谁写的", nil},
		// A shortened name both chapters share names neither.
		{"建设那一章是哪个部门供稿的", nil},
		// Words of writing with no part of the yearbook named are about
		// the subject.
		{"跨境电子商务服务中心建设的新材料产业由哪个部门负责推进", nil},
		{"乡村旅游示范建设征文获奖作品的作者是谁", nil},
		{"乡村旅游示范建设是哪个部门编写的规划", nil},
		// A credit asked of the figures is their source, whatever else
		// the question says.
		{"乡村旅游示范建设那一章的数据来源写的是哪个单位", []string{"数据来源：县文旅局"}},
		// Two parts, both asking the credit.
		{"乡村旅游示范建设那一章的数据出自哪个单位？是哪个部门供稿的", []string{"数据来源：县文旅局"}},
	})
}

func TestAnswerFigureDate(t *testing.T) {
	e := tableEngine(t, chapterYearbook)
	checkFigureDates(t, e, []figureDateCase{
		{"耕地面积那个52万亩是什么时候的数", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。"},
		{"耕地面积52.6万亩是哪个时间点的", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。"},
		{"耕地52万多亩是截至什么时候的", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。"},
		{"耕地那个5万亩是什么时候的", ""},
		{"耕地那个52.6万是啥时候的数", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。"},
		// A sentence without a date tells no time; a short count is a name's.
		{"那个126座水库是什么时候的数", ""},
		{"那个45公里是什么时候的", ""},
		// A stage the sentence does not state is left to the selector.
		{"耕地52.6万亩什么时候验收", ""},
		{"52.6万亩耕地是什么时候的数", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。"},
		{"粮食产量38.4万吨是什么时候的", "2023年末，全县耕地面积52.6万亩，比上年末减少0.3万亩。全年粮食产量38.4万吨。"},
	})
}

// figureDateCase is a question and the sentence answerFigureDate quotes
// for it, "" when it answers nothing.
type figureDateCase struct{ q, want string }

func checkFigureDates(t *testing.T, e *Engine, cases []figureDateCase) {
	t.Helper()
	for _, tc := range cases {
		r, ok := e.answerFigureDate(extract.Analyze(e.Normalize(tc.q)), tier{})
		got := ""
		if ok {
			got = r.facts[0].Text
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.q, got, tc.want)
		}
	}
}

// The date of a quoted figure asked of a stage (开工, 竣工): the sentence
// writing the figure answers when it states that stage.
func TestAnswerFigureDateAskedStage(t *testing.T) {
	e := tableEngine(t, `# 虚构市年鉴2024

## 交通

### 港口

2023年6月，甲港5万吨级码头开工建设。

### 地铁

2023年末，全市地铁运营里程达126千米。
`)
	checkFigureDates(t, e, []figureDateCase{
		{"甲港5万吨级码头什么时候开工", "2023年6月，甲港5万吨级码头开工建设。"},
		{"5万吨级码头是什么时候竣工的", ""},
		{"什么时候地铁运营里程达到126千米", "2023年末，全市地铁运营里程达126千米。"},
	})
}
