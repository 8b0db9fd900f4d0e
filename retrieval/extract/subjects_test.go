package extract

import (
	"reflect"
	"testing"
)

func TestFiguresReadYearSpansWhole(t *testing.T) {
	s := "青岛市入选2019—2020年度“中国十大美好生活城市”，2019-2020年累计增长"
	if got, want := figureTexts(s, KindYear), []string{"2019—2020年度", "2019-2020年"}; !reflect.DeepEqual(got, want) {
		t.Errorf("year figures = %q, want %q", got, want)
	}
}

// portProjects names the airport only in a later sentence: the 总投资 of
// its first sentence is another project's.
var portProjects = Passage{Chapter: "交通基础设施建设攻势", Section: "胶东经济圈建设",
	Text: "2020年，青岛市推进胶东经济圈交通一体化。加强与山东省港口集团合作，加快建设总投资额210亿元的山东省港口集团首批重点项目。启动研究五市到达青岛胶东国际机场的市域(郊)列车开行方案。"}

func TestSelectKeepsEachSubjectAndEvent(t *testing.T) {
	nouns := []string{"胶东机场", "程序", "校飞", "竣工", "验收", "投资", "公共", "艺术", "展览", "活动", "这类", "十大", "美好生活", "城市", "榜单"}
	expand := func(w string) []string {
		if w == "胶东机场" {
			return []string{"青岛胶东国际机场"}
		}
		return nil
	}
	lex := Lexicon{Segment: nounSegmenter(nouns), Expand: expand}
	run := func(q string, ps ...Passage) []Fact { return selectFor(q, lex, nil, ps...) }
	for _, tc := range []struct {
		q    string
		ps   []Passage
		want []string // substrings the facts must hold; nil: no answer
	}{
		// Each event joined by 和 gets its own date, though the events
		// are verbs rather than key terms.
		{"胶东机场飞行程序获批和校飞分别是几月份", []Passage{airport}, []string{"11月", "12月"}},
		{"胶东机场竣工验收和校飞分别在几月", []Passage{airport}, []string{"6月底", "12月"}},
		// A 年度 span answers 哪个年度; the list (榜单) the date is of
		// need not be written beside it.
		{"青岛入选十大美好生活城市，是哪个年度的榜单", []Passage{{Chapter: "城市品质改善提升攻势", Section: "概况",
			Text: "2020年，青岛市入选2019—2020年度“中国十大美好生活城市”和“2020年中国最具幸福感城市”。"}}, []string{"2019—2020年度"}},
		// A demonstrative (这类) is not a word the text must hold.
		{"公共艺术展览这类活动去年办了几次", []Passage{{Chapter: "城市品质改善提升攻势", Section: "增强城市景观艺术气质",
			Text: "2020年，青岛市举办“中国·青岛公共艺术大展”等艺术展览活动7次。"}}, []string{"7次"}},
		// The airport is named only beside another subject's figure …
		{"胶东机场总投资是多少", []Passage{portProjects}, nil},
		// … but its own sentence answers.
		{"胶东机场总投资是多少", []Passage{{Chapter: "交通基础设施建设攻势", Section: "机场建设",
			Text: "2020年，青岛市推进机场建设。青岛胶东国际机场总投资额400亿元。"}}, []string{"400亿元"}},
	} {
		checkFacts(t, tc.q, run(tc.q, tc.ps...), tc.want, nil)
	}
}
