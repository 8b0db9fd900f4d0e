package extract

import (
	"slices"
	"testing"
)

// A question asking which one is the most is not answered by a sentence
// that singles none out.
func TestMostAskedOfNoneSingledOut(t *testing.T) {
	nouns := []string{"攻势", "质询", "满意率"}
	checkFeature(t, FUnsingled, []readingCase{
		{"all alike", "哪个攻势质询满意率最高", nouns, "开展15个攻势公开质询,质询满意率均在90%以上。", true},
		{"one singled out", "哪个攻势质询满意率最高", nouns, "开展15个攻势公开质询,甲攻势满意率最高,达99%。", false},
		{"ranked first", "哪个攻势质询满意率最高", nouns, "开展15个攻势公开质询,甲攻势满意率居第一。", false},
		// 最后 and 最早 order things in time; a count asks no name.
		{"order in time", "最后一个质询的是哪个攻势", nouns, "开展15个攻势公开质询,质询满意率均在90%以上。", false},
		{"no name asked", "质询满意率最高多少", nouns, "开展15个攻势公开质询,质询满意率均在90%以上。", false},
	})
}

// A where question is not answered by a sentence naming no place.
func TestNoPlaceVeto(t *testing.T) {
	var v *veto
	for i := range vetoes {
		if vetoes[i].name == "no-place" {
			v = &vetoes[i]
		}
	}
	if v == nil {
		t.Fatal("no veto no-place")
	}
	pi := partInfo{}
	if v.why(&pi, &Candidate{X: &Features{FPlaceUnnamed: 1}}) == "" {
		t.Error("a where question's candidate naming no place was kept")
	}
	if v.why(&pi, &Candidate{X: &Features{FCoverPara: 1}}) != "" {
		t.Error("a candidate naming a place was vetoed")
	}
	// Through the walk: the window is vetoed, not weighed.
	part := Analyze("灯会在哪个区办的").Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter([]string{"灯会", "游客"})})}
	text := "灯会吸引游客20万人次。"
	for _, c := range Candidates(0, a, []*Prepared{Prepare(Passage{Text: text})}, []float64{1}, Setting{}) {
		if c.Veto != "no-place" {
			t.Errorf("window %q: veto %q, want no-place", text[c.Start:c.End], c.Veto)
		}
	}
}

// A count that ends its clause counts the noun written before it.
func TestCountsGivenOfANounBefore(t *testing.T) {
	counts := givenCounts(Canon("资产超百亿的3家甲企业都是谁"))
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"甲企业中资产超过100亿元的达3家,超过50亿元的达5家", true},
		{"乙企业中资产超过100亿元的达3家", false},
		// Named beside the count, they are answered.
		{"甲企业中资产超过100亿元的达3家:东甲、西甲、北甲", false},
		// A count of other things opening the clause after is not of them.
		{"甲企业中资产超过100亿元的达3家项目", false},
	} {
		if got := countsGiven(tc.window, counts); got != tc.want {
			t.Errorf("countsGiven(%q) = %v, want %v (counts %v)", tc.window, got, tc.want, counts)
		}
	}
}

// Numbers joined by + name a scheme; a + before a word bounds a count.
func TestPlusNamesCountNothing(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"“7+N”产业增加值增长5.9%", []string{"5.9%"}},
		{"建立“1+1+7”指挥体系", nil},
		{"4+4+1格局", nil},
		{"培育10+个产业集群", []string{"10"}},
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

// 增加值 names a level: a question asking it asks no change.
func TestAddedValueIsALevel(t *testing.T) {
	for _, q := range []string{"甲业增加值多少", "甲业增加值总量是多少"} {
		if Analyze(q).Parts[0].Change {
			t.Errorf("%s asks a change: 增加值 is a level", q)
		}
	}
	if !Analyze("甲业增加值增长多少").Parts[0].Change {
		t.Error("甲业增加值增长多少 asks no change")
	}
}

// A loose marker before a word of saying names a part of the yearbook.
func TestLooseLocusBeforeSaying(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"甲城那部分说接待多少", "甲城"},
		{"甲城那部分企业多少家", "甲城?"},
		{"甲城攻势那边活动多少项", "甲城攻势?"},
		// 里 marks nothing without a word of saying, and stays loose with one.
		{"新区里说有多少企业", "新区?"},
	} {
		if got := locusOf(tc.text); got != tc.want {
			t.Errorf("locusOf(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Words pointing back (那份) and a level said in speech (省里) are read
// as what they stand for.
func TestPointingAndSpokenLevels(t *testing.T) {
	lex := Lexicon{Segment: func(string) []Token { return tokens("那份/r 报告/n") }}
	for _, term := range Terms(Part{Key: "某"}, lex) {
		if term.Text == "那份" && (term.Key || !term.Soft) {
			t.Errorf("那份 decides: %+v", term)
		}
	}
	if got := qualifiersIn("省里给了多少钱"); !slices.Equal(got, []string{"省级"}) {
		t.Errorf("qualifiersIn(省里给了多少钱) = %q, want [省级]", got)
	}
}

// A colloquial verb and its complement no document writes is found by
// its verb.
func TestUnseenVerbMatchesItsStem(t *testing.T) {
	seen := func(w string) bool { return w == "搜" || w == "信息" }
	lex := Lexicon{Segment: func(string) []Token { return tokens("搜出/ 信息/n") }, Seen: seen}
	for _, term := range Terms(Part{Key: "某"}, lex) {
		if term.Text == "搜出" && (term.Unseen || !slices.Contains(term.Alts, "搜")) {
			t.Errorf("搜出 is not found by 搜: %+v", term)
		}
	}
}
