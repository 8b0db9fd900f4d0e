package retrieval

import (
	"testing"

	"yearbookbot/retrieval/extract"
)

func TestUnwrittenQualifier(t *testing.T) {
	key := func(w string, unseen bool) extract.Term {
		return extract.Term{Text: w, Key: true, Unseen: unseen, Listed: true}
	}
	for _, tc := range []struct {
		name, q, text string
		terms         []extract.Term
		want          string
	}{
		{"another kind of the thing", "机场吞吐量多少", "集装箱吞吐量210万标准箱", []extract.Term{key("机场", true), key("吞吐量", false)}, "机场"},
		{"another kind of population", "户籍人口多少万", "全年出生人口7.8万人", []extract.Term{key("户籍", true), key("人口", false)}, "户籍"},
		{"a paraphrase sharing a character", "港口货运吞吐量多少", "港口货物吞吐量5.2亿吨", []extract.Term{key("货运", true), key("吞吐量", false)}, ""},
		{"a word the yearbook writes", "港口吞吐量多少", "集装箱吞吐量210万标准箱", []extract.Term{key("港口", false), key("吞吐量", false)}, ""},
		{"not before a word the sentence writes", "机场在哪", "集装箱吞吐量210万标准箱", []extract.Term{key("机场", true)}, ""},
		{"a user's phrase is no dictionary word", "那份报告是什么时候交的", "报告于3月报送", []extract.Term{{Text: "那份", Key: true, Unseen: true}}, ""},
		{"a question word", "是不是全国第一", "全国第一", []extract.Term{key("是不是", true)}, ""},
	} {
		got, ok := unwrittenQualifier(extract.Asked{Part: extract.Part{Text: tc.q}, Terms: tc.terms}, tc.text)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: %q %v, want %q", tc.name, got, ok, tc.want)
		}
	}
}

func TestShareOfOther(t *testing.T) {
	e := tableEngine(t, chapterYearbook)
	for _, tc := range []struct {
		q, paragraph, want string
	}{
		{"外来务工人员占常住人口的比例是多少", "60岁以上人口215.3万人，占常住人口的20.8%；", "外来务工人员"},
		{"去年外来务工人员占常住人口多少", "60岁以上人口215.3万人，占常住人口的20.8%；", "外来务工人员"},
		{"60岁以上人口占常住人口多少", "60岁以上人口215.3万人，占常住人口的20.8%；", ""},
		{"青岛高端外籍人才数量占全省多少", "高端外籍人才数量占全省46.6%。", ""},
		// No base named, or the paragraph's share is of another base.
		{"老年人口占比多少", "60岁以上人口215.3万人，占常住人口的20.8%；", ""},
		{"税收占财政收入的比例", "60岁以上人口215.3万人，占常住人口的20.8%；", ""},
	} {
		got, ok := e.shareOfOther(extract.Asked{Part: extract.Part{Text: tc.q}}, tc.paragraph)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: %q %v, want %q", tc.q, got, ok, tc.want)
		}
	}
}
