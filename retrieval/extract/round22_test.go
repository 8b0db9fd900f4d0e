package extract

import (
	"slices"
	"testing"
)

// A question asking which one is the most is not answered by a sentence
// that singles none out.
func TestMostAskedOfNoneSingledOut(t *testing.T) {
	nouns := []string{"展会", "客流", "场馆"}
	checkFeature(t, FUnsingled, []readingCase{
		{"all alike", "哪个场馆展会客流最大", nouns, "全年各场馆举办展会40场,客流均在1万人次以上。", true},
		{"one singled out", "哪个场馆展会客流最大", nouns, "全年各场馆举办展会40场,东馆客流最大,达9万人次。", false},
		{"ranked first", "哪个场馆展会客流最大", nouns, "全年各场馆举办展会40场,东馆客流居第一。", false},
		{"leading", "哪个场馆展会客流最大", nouns, "全年各场馆举办展会40场,东馆客流领跑全市。", false},
		// Words of a first that order things rank none.
		{"first batch", "哪个场馆展会客流最大", nouns, "全年首批场馆举办展会40场,第一批客流均在1万人次以上。", true},
		{"latest", "哪个场馆展会客流最大", nouns, "全年各场馆举办展会40场,最新客流均在1万人次以上。", true},
		// 最后 and 最早 order things in time; a number asks no name.
		{"order in time", "最后一场展会在哪个场馆", nouns, "全年各场馆举办展会40场,客流均在1万人次以上。", false},
		{"no name asked", "展会客流最大多少", nouns, "全年各场馆举办展会40场,客流均在1万人次以上。", false},
	})
}

// A question asking which division is not answered by a sentence naming
// no place; other where questions only weigh it.
func TestNoPlaceVeto(t *testing.T) {
	s := Setting{PlaceWords: []string{"甲市"}, Areas: []string{"东区"}}
	nouns := []string{"灯会", "游客", "峰会", "酒店"}
	for _, tc := range []struct {
		q, text, veto string
	}{
		{"灯会在哪个区办的", "甲市灯会吸引游客20万人次。", "no-place"},
		{"灯会在哪个区办的", "灯会在东区举办,吸引游客20万人次。", ""},
		// A venue no place test knows may answer where: weighed only.
		{"峰会在哪举行", "峰会在乙大酒店举行。", ""},
		{"灯会吸引多少游客", "甲市灯会吸引游客20万人次。", ""},
	} {
		part := Analyze(tc.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns), Setting: s})}
		found := false
		for _, c := range Candidates(0, a, []*Prepared{Prepare(Passage{Text: tc.text})}, inOrder([]float64{1}, 1), s) {
			if tc.text[c.Start:c.End] != tc.text {
				continue
			}
			found = true
			if c.Veto != tc.veto && (tc.veto != "" || c.Veto == "no-place") {
				t.Errorf("%s in %q: veto %q, want %q", tc.q, tc.text, c.Veto, tc.veto)
			}
		}
		if !found {
			t.Errorf("%s: no window of the whole of %q", tc.q, tc.text)
		}
	}
}

// A count that ends its clause counts the noun its clause opens with or
// makes its topic.
func TestCountsGivenOfANounBefore(t *testing.T) {
	counts := givenCounts(Canon("产值超百亿的3家甲企业都是谁"))
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"甲企业中产值超过100亿元的达3家,超过50亿元的达5家", true},
		{"甲企业产值超过100亿元的达3家", true},
		{"乙企业中产值超过100亿元的达3家", false},
		// Another noun the clause tells of is what it counts.
		{"与甲企业合作的高校达3家", false},
		// Named beside the count, they are answered.
		{"甲企业中产值超过100亿元的达3家:东甲、西甲、北甲", false},
		// A count of other things opening the clause after is not of them.
		{"甲企业中产值超过100亿元的达3家项目", false},
	} {
		if got := countsGiven(tc.window, counts, nil); got != tc.want {
			t.Errorf("countsGiven(%q) = %v, want %v (counts %v)", tc.window, got, tc.want, counts)
		}
	}
}

// Numbers joined by + name a scheme; a + before a word bounds a count,
// and one after a word signs a change.
func TestPlusNamesCountNothing(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"“3+N”产业产值增长4.2%", []string{"4.2%"}},
		{"建立“1+2+5”工作体系", nil},
		{"4+4+1格局", nil},
		{"培育10+个产业集群", []string{"10"}},
		{"产值同比+5.2%", []string{"5.2%"}},
	} {
		var got []string
		for _, f := range Figures(tc.text) {
			if f.Kind == KindNumber {
				got = append(got, f.Text(tc.text))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Figures(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// 增加值 names a level: a question asking it asks no change, whatever
// date stands before it (its figures: TestChangeToldEarlierInTheClause).
func TestAddedValueIsALevel(t *testing.T) {
	for _, q := range []string{"甲业增加值多少", "甲业增加值总量是多少", "甲业2020年增加值多少", "甲业12月增加值多少"} {
		if Analyze(q).Parts[0].Change {
			t.Errorf("%s asks a change: 增加值 is a level", q)
		}
	}
	if !Analyze("甲业增加值增长多少").Parts[0].Change {
		t.Error("甲业增加值增长多少 asks no change")
	}
}

// A part marker before a word of saying names a part of the yearbook;
// other loose markers, and a part marker before another verb, stay loose.
func TestLooseLocusBeforeSaying(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"花卉节那部分说接待多少", "花卉节"},
		{"花卉节那部分提到接待多少", "花卉节"},
		{"花卉节那部分企业多少家", "花卉节?"},
		{"财政补贴这部分提高了多少", "财政补贴?"},
		{"企业那边说招了多少人", "企业?"},
		{"花卉攻势那边活动多少项", "花卉攻势?"},
		// 里 marks nothing without a word of saying, and stays loose with one.
		{"新区里说有多少企业", "新区?"},
	} {
		if got := locusOf(tc.text); got != tc.want {
			t.Errorf("locusOf(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Words pointing back (那份) decide nothing; a verb with 出 the
// dictionary lacks (迁出) is what yearbooks count, no colloquial phrase.
func TestPointingWordsAndCountedVerbs(t *testing.T) {
	lex := Lexicon{Segment: func(string) []Token { return tokens("那份/ 报告/n 迁出/ 人口/n") }}
	got := map[string]Term{}
	for _, term := range Terms(Part{Key: "某"}, lex) {
		got[term.Text] = term
	}
	for w, key := range map[string]bool{"那份": false, "报告": true, "迁出": true} {
		term, ok := got[w]
		if !ok {
			t.Errorf("no term %s among %v", w, got)
			continue
		}
		if term.Key != key {
			t.Errorf("%s: key = %v, want %v (%+v)", w, term.Key, key, term)
		}
	}
	if !got["那份"].Soft {
		t.Errorf("那份 is not soft: %+v", got["那份"])
	}
}
