package extract

import "testing"

// A question setting things aside is not answered by a sentence listing
// only them; one listing others beside them, or not listing at all, may
// answer.
func TestOnlyExcepted(t *testing.T) {
	nouns := []string{"甲市", "乙市", "丙市", "丁市", "城市", "对标", "客厅", "签约", "项目", "平台", "产业", "入选", "省级", "甲示范区", "乙示范区", "丙示范区", "示范区"}
	tests := []struct {
		q, text string
		want    bool
	}{
		{"对标的5个城市除了甲市乙市还有哪几个", "对标甲市、乙市等5个城市推出新举措。", true},
		{"对标的5个城市除了甲市乙市还有哪几个", "对标甲市、乙市、丙市等5个城市推出新举措。", false},
		{"除了甲市、乙市以外还有哪些客厅", "建成甲市、乙市、丁市等客厅,签约项目20个。", false},
		{"除了甲市还对标了哪些城市", "对标甲市、乙市推出新举措。", false},
		// No list holding what is set aside: nothing to decide.
		{"除了甲市还对标了哪些城市", "甲市和乙市推出新举措。", false},
		// 扣除了 sets nothing aside.
		{"扣除了甲市乙市还剩哪几个城市", "对标甲市、乙市等5个城市推出新举措。", false},
		// 除…外 sets aside as 除了 does; 除 alone does not.
		{"除甲市、乙市外还对标了哪些城市", "对标甲市、乙市等5个城市推出新举措。", true},
		{"除甲市乙市还对标了哪些城市", "对标甲市、乙市等5个城市推出新举措。", false},
		// Another clause names the others.
		{"除了甲市乙市还有哪些城市入选", "甲市、乙市等城市入选,丙市也入选。", false},
		// Nothing set aside.
		{"对标了哪些城市", "对标甲市、乙市推出新举措。", false},
		{"除了抓项目搭平台还从哪几块发力", "从抓项目、搭平台、聚产业等方面发力。", false},
		{"除了抓项目搭平台还从哪几块发力", "从抓项目、搭平台等方面发力。", true},
		// Not closed with 等: the others may be told beside the list.
		{"除了甲市乙市还有哪个城市入选", "甲市、乙市之外,丙市也入选。", false},
		{"除了甲市乙市还有哪个城市入选", "继甲市、乙市后,丙市入选。", false},
		// A word also written after the lead names the kind asked.
		{"除了省级甲示范区还有哪些省级示范区", "新增省级乙示范区、省级丙示范区等3个。", false},
		// One name set aside, closed by 等 and a count; the name as
		// written when its words are no key (乙蜂), and a firm's full name
		// after it.
		{"8个项目除了乙蜂还有哪几个", "引进乙蜂商贸有限公司等8个项目。", true},
		{"除了甲市，省级平台还有哪些", "获批设立甲市等14家省级平台。", true},
		{"除了甲市，省级平台还有哪些", "获批设立甲市、乙市等14家省级平台。", false},
		{"除了甲市还有哪些平台", "设立甲市等平台。", false},
		// Another name may stand between: only a firm's tail may.
		{"除了甲市还有哪些城市入选", "甲市和乙市等3个城市入选。", false},
		{"除了甲市还有哪些城市入选", "甲市联合乙市等3个城市入选。", false},
		// A space after the lead sets aside what follows it.
		{"除了 甲市还有哪些城市", "对标甲市等5个城市推出新举措。", true},
		// A name set aside abbreviating the list's items, one character each.
		{"对标的6个城市除了甲乙丙还有哪几个", "对标甲市、乙市、丙市等6个城市推出新举措。", true},
		{"对标的6个城市除了甲乙还有哪几个", "对标甲市、乙市、丙市等6个城市推出新举措。", false},
		// Two characters are too often a name of their own, and each item
		// must start with its character.
		{"除了甲乙还有哪些城市入选", "甲丙、乙丁等城市入选。", false},
		{"对标的6个城市除了甲乙丙还有哪几个", "对标甲市、丁乙市、丙市等6个城市推出新举措。", false},
	}
	for _, tt := range tests {
		part := Analyze(tt.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
		excepted, others := exceptedTerms(a)
		if got := onlyExcepted(tt.text, excepted, others); got != tt.want {
			t.Errorf("%s, asked %s: onlyExcepted = %v, want %v (set aside %v)", tt.text, tt.q, got, tt.want, excepted)
		}
	}
}

// The veto removes every window of such a sentence, and none of a
// sentence naming another.
func TestOnlyExceptedVetoesWindows(t *testing.T) {
	nouns := []string{"甲市", "乙市", "丙市", "城市", "对标", "举措"}
	q := "对标的5个城市除了甲市乙市还有哪几个"
	part := Analyze(q).Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
	for text, want := range map[string]bool{
		"对标甲市、乙市等5个城市推出新举措。":    true,
		"对标甲市、乙市、丙市等5个城市推出新举措。": false,
	} {
		cs := Candidates(0, a, []*Prepared{Prepare(Passage{Text: text})}, inOrder([]float64{1}, 1), Setting{})
		if len(cs) == 0 {
			t.Fatalf("%s: no candidates", text)
		}
		for _, c := range cs {
			if got := c.Veto == "only-excepted"; got != want {
				t.Errorf("%s: window %q vetoed only-excepted = %v, want %v", text, text[c.Start:c.End], got, want)
			}
		}
	}
}
