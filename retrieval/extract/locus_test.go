package extract

import (
	"strings"
	"testing"
)

func TestLocusOf(t *testing.T) {
	tests := []struct{ text, want string }{
		{"游客人数综述里说多少", "游客人数综述? 综述"},  // ? marks a span before a loose marker
		{"花卉节在文旅那一章给的数是多少", "花卉节在文旅"}, // 那一章 always names a part of the yearbook
		{"港口建设这部分是哪个部门写的", "港口建设?"},
		{"地铁运营里程多少", ""},    // 里程 is a word, not 里
		{"线路一共多少公里", ""},    // nor 公里 at the end: 公 alone is too short
		{"新区里有多少企业", "新区?"}, // 里 with a word of saying after it, checked against the headings later
		{"新区里程碑项目有几个", ""},
		{"港口吞吐量多少", ""},
	}
	for _, tt := range tests {
		if got := locusOf(tt.text); got != tt.want {
			t.Errorf("locusOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// The passages under the heading a question names agree with it, the
// others clash; a question naming none leaves both at zero.
func TestLocusAgreement(t *testing.T) {
	nouns := []string{"游客", "花卉", "攻势", "综述", "人次"}
	summary := Passage{Chapter: "综述", Section: "综述", Text: "花卉节吸引游客20余万人次。"}
	chapter := Passage{Chapter: "花卉城建设攻势", Section: "节会活动", Text: "花卉节累计接待游客21.36万人次。"}
	pre := []*Prepared{Prepare(summary), Prepare(chapter)}
	tests := []struct {
		q                string
		summary, chapter float64 // locus_agree - locus_clash of each passage's window
	}{
		{"游客综述里说多少", 1, -1},
		{"花卉攻势那一章说游客多少", -1, 1},
		{"游客多少", 0, 0},
		// A chapter's name shortened (花卉城 for 花卉城建设攻势) before
		// 那章 still names it.
		{"花卉城那章说游客多少", -1, 1},
		// 游客 ends the words before 里 and no heading ends so: the
		// user names a thing, not a part of the yearbook.
		{"花卉节游客里有多少人次", 0, 0},
	}
	for _, tt := range tests {
		part := Analyze(tt.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
		got := map[int]float64{}
		for _, c := range Candidates(0, a, pre, inOrder([]float64{1, 1}, 2), Setting{}) {
			if c.X != nil {
				got[c.Passage] = c.X[FLocusAgree] - c.X[FLocusClash]
			}
		}
		if got[0] != tt.summary || got[1] != tt.chapter {
			t.Errorf("%s: summary %v, chapter %v; want %v, %v", tt.q, got[0], got[1], tt.summary, tt.chapter)
		}
	}
}

// A district named only by the chapter stands in for the sentence's own
// name when the sentence names no other district.
func TestHeadingPlaceCovers(t *testing.T) {
	toks := map[string]Token{
		"东城": {Text: "东城", Pos: "ns", Freq: 100, Known: true},
		"西城": {Text: "西城", Pos: "ns", Freq: 100, Known: true},
		"企业": {Text: "企业", Pos: "n", Freq: 100, Known: true},
		"注册": {Text: "注册", Pos: "n", Freq: 100, Known: true},
	}
	s := Setting{Areas: []string{"东城", "西城"}}
	p := Passage{Chapter: "东城西城攻势", Section: "营商环境",
		Text: "企业注册压缩至0.5天。西城企业注册压缩至1天。"}
	part := Analyze("东城企业注册要几天").Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: dictSegmenter(toks), Setting: s})}
	got := map[string]float64{}
	for _, c := range Candidates(0, a, []*Prepared{Prepare(p)}, inOrder([]float64{1}, 1), s) {
		if c.X != nil {
			got[p.Text[c.Start:c.End]] = c.X[FCoverHeading]
		}
	}
	own, other := got["企业注册压缩至0.5天。"], got["西城企业注册压缩至1天。"]
	// Both sentences write 企业注册; only the first has 东城 by its chapter.
	if own-other < 0.2 {
		t.Errorf("cover_heading: the sentence naming no district %v, the one naming 西城 %v; want the chapter's 东城 to count for the first only", own, other)
	}
}

// A part naming only another part of the yearbook asks what the part
// before it asked.
func TestAsksAgainElsewhere(t *testing.T) {
	tests := []struct {
		q    string
		want []string // the parts' keys
	}{
		// The earlier part's words come without the part it named.
		{"花卉节游客综述里说多少，花卉城那章又说多少", []string{"花卉节游客 综述 里说", "花卉节游客 里说 花卉城那章又说"}},
		{"花卉节游客综述里说多少，文旅那一节给的具体数是多少", []string{"花卉节游客 综述 里说", "花卉节游客 里说 文旅那一节给的具体数是"}},
		// Two parts read from one list carry no context: the first part's
		// own words are the fact.
		{"花卉节游客人数 综述和花卉攻势里分别说的多少", []string{"花卉节游客人数 综述 说", "花卉节游客人数 说 花卉攻势里说"}},
		// Only whole words naming a part are dropped: the words before a
		// marker may hold the fact too.
		{"游客人数概况里说多少，综述里又说多少", []string{"游客人数概况里说", "游客人数概况里说 综述 里又说"}},
		// A third part drops every earlier part's title and keeps each
		// word once.
		{"花卉节游客综述里说多少，总述那章又说多少，文旅那一节又说多少", []string{"花卉节游客 综述 里说", "花卉节游客 里说 总述 那章又说", "花卉节游客 里说 那章又说 文旅那一节又说"}},
		// The second part names its own subject.
		{"花卉节游客综述里说多少，文旅那一节说酒店床位多少", []string{"花卉节游客 综述 里说", "文旅那一节说酒店床位"}},
		// No part of the yearbook named before.
		{"花卉节游客多少，文旅那一节又说多少", []string{"花卉节游客", "文旅那一节又说"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Analyze(tt.q).Parts {
			got = append(got, p.Key)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: keys %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestLocusSpans(t *testing.T) {
	p := Analyze("综述里说游客多少").Parts[0]
	if got := strings.Join(p.LocusSpans(), "|"); got != "综述|综述" {
		t.Errorf("LocusSpans = %q, want the marker cut from each span", got)
	}
}

// A place before 里 names where the fact happened, not a part of the
// yearbook: a chapter titled by the district is no locus of the question.
func TestLocusLeavesPlacesOut(t *testing.T) {
	toks := map[string]Token{
		"东区": {Text: "东区", Pos: "ns", Freq: 100, Known: true},
		"游客": {Text: "游客", Pos: "n", Freq: 100, Known: true},
	}
	pre := []*Prepared{
		Prepare(Passage{Chapter: "东区", Section: "概况", Text: "东区常住人口12万人。"}),
		Prepare(Passage{Chapter: "文化旅游", Section: "游客", Text: "东区接待游客9万人次。"}),
	}
	part := Analyze("东区里有多少游客").Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: dictSegmenter(toks)})}
	for _, c := range Candidates(0, a, pre, inOrder([]float64{1, 1}, 2), Setting{}) {
		if c.Veto == "another-part" || c.X != nil && (c.X[FLocusAgree] != 0 || c.X[FLocusClash] != 0) {
			t.Errorf("passage %d: locus read from a place (veto %q)", c.Passage, c.Veto)
		}
	}
}
