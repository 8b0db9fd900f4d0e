package extract

import (
	"strings"
	"testing"
)

// posSegmenter cuts the words given with their part of speech ("" for a
// word the yearbook dictionary lacks).
func posSegmenter(words map[string]string) func(string) []Token {
	toks := make(map[string]Token, len(words))
	for w, pos := range words {
		toks[w] = Token{Text: w, Pos: pos, Freq: 100, Known: true}
	}
	return dictSegmenter(toks)
}

func TestAnalyzeReadsDurationsAndBases(t *testing.T) {
	for _, tc := range []struct {
		q     string
		check func(p Part) bool
		what  string
	}{
		{"万洋众创城签完约多长时间开的工", func(p Part) bool { return p.Unit == UnitDuration && !p.Freq && !strings.Contains(p.Key, "时间") },
			"多长时间 without 一次 asks a duration, and 时间 is not searched for"},
		{"项目多久能投产", func(p Part) bool { return p.Unit == UnitDuration }, "多久 asks a duration"},
		{"企业家满意总指数是跟啥时候比涨了2.45分", func(p Part) bool { return p.Base && wants(p.Wants, WantDate) },
			"跟啥时候比 asks a comparison base"},
		{"胶东机场啥时候完成的校飞", func(p Part) bool { return !p.Base }, "a plain date question asks no base"},
		{"疫情那阵子口岸给企业降费让利多少", func(p Part) bool { return !strings.Contains(p.Key, "阵") },
			"那阵子 names nothing to search for"},
	} {
		q := Analyze(tc.q)
		if len(q.Parts) != 1 || !tc.check(q.Parts[0]) {
			t.Errorf("Analyze(%q) = %+v: %s", tc.q, q.Parts, tc.what)
		}
	}
}

func TestSelectAnswersRanksDurationsAndBases(t *testing.T) {
	words := map[string]string{
		"万洋众创城": "nz", "签约": "v", "签完": "", "开工": "v",
		"企业家": "n", "满意": "a", "总指数": "n", "指数": "n",
		"深远海": "n", "绿色": "n", "养殖": "vn", "试验区": "n", "全国": "n",
		"海水淡化": "n", "示范城市": "n", "批下来": "", "国家": "n",
		"被选为": "", "集群": "n", "先进": "a", "制造业": "n", "培育": "v", "对象": "n",
	}
	lex := Lexicon{Segment: posSegmenter(words), Seen: func(w string) bool { return words[w] != "" }}
	run := func(q string, p Passage) []Fact { return selectFor(q, lex, nil, p) }
	park := Passage{Chapter: "突破平度莱西攻势", Section: "开展“双招双引”",
		Text: "2020年，平度市引进万洋众创城项目，万洋众创城项目签约后3个月开工建设。"}
	survey := Passage{Chapter: "高效青岛建设攻势", Section: "概况",
		Text: "2020年，全市企业家满意总指数为97.69分，比上半年增加2.45分。"}
	sea := Passage{Chapter: "海洋攻势", Section: "壮大海洋产业",
		Text: "2020年，青岛市获批设立全国首个国家深远海绿色养殖试验区。"}
	desal := Passage{Chapter: "海洋攻势", Section: "创建国家海水淡化示范城市",
		Text: "2020年，青岛市分别于2020年9月、10月向国家发展和改革委员会提交《关于申请创建海水淡化示范城市的请示》，争取国家尽快确定青岛市为海水淡化示范城市。"}
	clusters := Passage{Chapter: "“高端制造业+人工智能”攻势", Section: "促进产业集聚",
		Text: "2020年，智能家电和轨道交通装备2个集群入选国家先进制造业集群培育对象。"}
	for _, tc := range []struct {
		q    string
		p    Passage
		want string // "" for no answer
	}{
		// A duration answers 多长时间; the colloquial 签完 is not required.
		{"万洋众创城签完约多长时间开的工", park, "3个月"},
		// The comparison base answers 跟啥时候比, not the figure named.
		{"企业家满意总指数是跟啥时候比涨了2.45分", survey, "比上半年"},
		// The first of its kind answers 第几个.
		{"深远海绿色养殖试验区青岛是全国第几个", sea, "首个"},
		{"深远海绿色养殖试验区青岛在全国排第几", sea, "首个"},
		// A passive verb phrase (被选为) is the user's wording.
		{"哪两个集群被选为国家先进制造业集群的培育对象", clusters, "智能家电和轨道交通装备"},
		// An application's date does not say when it was approved.
		{"海水淡化示范城市国家是哪天批下来的", desal, ""},
	} {
		fs := run(tc.q, tc.p)
		got := strings.Join(factTexts(fs), " | ")
		errorf := errorfUnlessKnown(t, tc.q)
		switch {
		case tc.want == "" && len(fs) > 0:
			errorf("%s: answered %q, want no answer", tc.q, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			errorf("%s: facts %q lack %q", tc.q, got, tc.want)
		}
	}
}

// TestOwnWholeOutOfUnseen checks that the word for the whole of the
// documents' own place (全县 of a county's yearbook) does not dilute the
// unseen share: a question of it and a word no document writes is all
// unseen, while the word still counts where it is no own whole.
func TestOwnWholeOutOfUnseen(t *testing.T) {
	const text = "全县有养老机构14家。"
	for _, tc := range []struct {
		places []string
		all    bool
	}{
		{[]string{"乙县"}, true},
		{[]string{"丙市"}, false},
	} {
		s := Setting{PlaceWords: tc.places}
		part := Analyze("全县甲馆有几家").Parts[0]
		lex := Lexicon{Segment: nounSegmenter([]string{"全县", "甲馆", "养老机构"}), Seen: func(w string) bool { return w != "甲馆" }, Setting: s}
		a := Asked{Part: part, Terms: Terms(part, lex)}
		cs := Candidates(0, a, []*Prepared{Prepare(Passage{Text: text})}, inOrder([]float64{1}, 1), s)
		if len(cs) == 0 {
			t.Fatalf("%v: no candidate", tc.places)
		}
		if got := cs[0].X[FUnseen] == 1; got != tc.all {
			t.Errorf("places %v: unseen %.2f, want all unseen %v", tc.places, cs[0].X[FUnseen], tc.all)
		}
	}
}
