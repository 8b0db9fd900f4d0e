package extract

import (
	"strings"
	"testing"
)

// A sentence of many figures can hold every word asked while no one
// figure is told with all of them: 甲级 belongs to one count, 评定 to
// another.
func TestFigureSplit(t *testing.T) {
	nouns := []string{"甲级", "乙级", "机构", "评定", "入选", "名单", "认定", "全市", "公布"}
	text := "全市各类机构的名单已经公布,3家机构入选甲级名单,5家机构入选乙级名单,8家机构通过评定,2家机构获得认定。"
	tests := []struct {
		q, quote string
		split    bool
	}{
		// 甲级 and 入选 stand in the first count's clause.
		{"甲级名单入选几家机构", text[:strings.Index(text, "乙")-len("5家机构入选")], false},
		// 甲级 stands with 3家, 评定 with 8家: no figure has both.
		{"甲级机构评定了几家", text, true},
		// One figure (3家) has every word asked: the best figure counts,
		// not the others of the window.
		{"甲级名单入选几家机构", text, false},
	}
	for _, tt := range tests {
		x := windowFeatures(t, tt.q, nouns, Passage{Text: text}, tt.quote)
		if got := x[FFigureSplit] > 0; got != tt.split {
			t.Errorf("%s, window %q: figure_split %.3f, want split %v", tt.q, tt.quote, x[FFigureSplit], tt.split)
		}
	}
}

// A name the sentence writes only away from every figure that could
// answer (a member named after the whole's figure) is proper_split.
func TestProperSplit(t *testing.T) {
	nouns := []string{"改制", "项目", "社会资本", "甲集团", "乙集团", "引进", "东区", "企业", "新增", "研发", "投入"}
	tests := []struct {
		q, text string
		split   bool
	}{
		{"甲集团改制引进了多少社会资本", "本市深化改制,改制项目达30个,引进社会资本50亿元,甲集团、乙集团完成改制。", true},
		// The name beside the figure: no split.
		{"甲集团改制引进了多少社会资本", "本市深化改制,改制项目达30个,甲集团引进社会资本50亿元,乙集团完成改制。", false},
		// A long opening naming the place asked is the topic, after a
		// clause that only dates the sentence too.
		{"东区新增企业多少家", "东区深入实施某项发展战略和配套计划,研发投入增长15%,新增企业120家。", false},
		{"东区新增企业多少家", "2020年1—12月,东区坚持某项发展战略,统筹推进某项计划,新增企业120家。", false},
		// A count opening its clause is told of the name before it, and
		// a name opening any clause before is the topic.
		{"东区新增企业多少家", "全市推进某项计划和配套措施,东区加快建设进度,120家企业新增入驻。", false},
		{"东区新增企业多少家", "全市深化某项改革和配套措施,东区坚持创新驱动,加快项目建设,新增企业120家。", false},
		// No name asked: figure_split may say the words are split, a
		// name does not.
		{"改制引进了多少社会资本", "本市深化改制,改制项目达30个,引进社会资本50亿元,甲集团、乙集团完成改制。", false},
	}
	for _, tt := range tests {
		toks := map[string]Token{}
		for _, w := range nouns {
			pos := "n"
			if strings.HasSuffix(w, "集团") || w == "东区" {
				pos = "nt"
			}
			toks[w] = Token{Text: w, Pos: pos, Freq: 100, Known: true}
		}
		part := Analyze(tt.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: dictSegmenter(toks)})}
		found := false
		for _, c := range Candidates(0, a, []*Prepared{Prepare(Passage{Text: tt.text})}, inOrder([]float64{1}, 1), Setting{}) {
			if tt.text[c.Start:c.End] != tt.text || c.X == nil {
				continue
			}
			found = true
			if got := (*c.X)[FProperSplit] == 1; got != tt.split {
				t.Errorf("%s / %s: proper_split %v, want %v", tt.q, tt.text, got, tt.split)
			}
		}
		if !found {
			t.Errorf("%s: no window of the whole sentence", tt.q)
		}
	}
}

// The clauses read with a figure: its own, the sentence's opening (and
// the next when the opening only dates it), and the one before unless the
// figure opens its own clause.
func TestNearClauses(t *testing.T) {
	tests := []struct {
		text, fig string
		want      uint64 // bit k for clause k
	}{
		{"甲区完成投资5亿元,增长4%,居全省第2位。", "4%", 0b011},
		{"截至年底,甲区建成馆舍8个,乙区建成6个,丙区建成3个。", "3个", 0b1111},
		{"甲区完成投资5亿元,乙区完成3亿元,6家企业入选名单。", "6家", 0b101},
		// A long opening without a figure tells of an act of its own.
		{"建立甲类人才住房补助制度和配套办法,出台乙办法,助力200名硕士在本市落户。", "200名", 0b110},
		{"深化甲类改革,出台乙办法,助力200名硕士在本市落户。", "200名", 0b111},
		// A first clause of dates only dates the sentence; one with years
		// inside many words of its own does not.
		{"2020年1—12月,东区坚持某项发展战略,统筹推进某项计划,新增企业120家。", "120家", 0b1111},
		{"东区深入实施2021—2025年发展战略和配套计划,出台乙办法,推进丙计划,新增企业120家。", "120家", 0b1101},
	}
	for _, tt := range tests {
		p := Prepare(Passage{Text: tt.text})
		sen := &p.sentences[0]
		var f Figure
		ci := -1
		for i, c := range sen.clauses {
			for _, g := range c.figs {
				if p.text[g.Start:g.End] == tt.fig {
					f, ci = g, i
				}
			}
		}
		if ci < 0 {
			t.Fatalf("%s: no figure %s", tt.text, tt.fig)
		}
		if got := nearClauses(p.text, sen.clauses, ci, f); got != tt.want {
			t.Errorf("%s, %s: near clauses %b, want %b", tt.text, tt.fig, got, tt.want)
		}
	}
}

// A figure told after a list of places is the group's: asked of one
// place of the list it is a near miss; asked of all, or of a list whose
// items have figures of their own, it is not.
func TestGroupFigure(t *testing.T) {
	nouns := []string{"东区", "西区", "南区", "里程", "运营", "地铁", "全市", "投资", "完成", "上市", "企业", "耕地", "保有量"}
	s := Setting{Areas: []string{"东区", "西区", "南区"}}
	tests := []struct {
		text, q string
		quote   string // the window, the whole text when ""
		group   bool
	}{
		{"东区、西区迈入地铁时代,全市地铁运营里程达120千米。", "东区地铁运营里程多少千米", "", true},
		{"东区、西区迈入地铁时代,全市地铁运营里程达120千米。", "全市地铁运营里程多少千米", "", false},
		{"东区、西区迈入地铁时代,全市地铁运营里程达120千米。", "东区和西区地铁运营里程多少千米", "", false},
		// Each item has its own figure.
		{"东区完成投资5亿元、西区完成投资3亿元,全市完成投资12亿元。", "东区完成投资多少亿元", "全市完成投资12亿元。", false},
		// Told apart for each item.
		{"东区、西区、南区分别完成投资5亿元、3亿元、4亿元。", "东区完成投资多少亿元", "", false},
		// Named again before its own figure.
		{"东区、西区获评示范区,其中东区完成投资5亿元。", "东区完成投资多少亿元", "", false},
		// A group of places as one subject: its figure is the group's,
		// unless the question asks the group, the figure is told apart
		// for each, or an asked place is named before it.
		{"两区完成投资8亿元。", "东区完成投资多少亿元", "", true},
		{"甲项目开工,2个区(市)完成投资8亿元。", "东区完成投资多少亿元", "", true},
		{"两区完成投资8亿元。", "东区西区两区一共完成投资多少亿元", "", false},
		{"两区完成投资8亿元。", "东区和西区完成投资多少亿元", "", false},
		{"两区分别完成投资5亿元、3亿元。", "东区完成投资多少亿元", "", false},
		{"两区签约项目20个,东区完成投资5亿元。", "东区完成投资多少亿元", "东区完成投资5亿元。", false},
		// Counts of other things: a level, a region, a market.
		{"东区新增两个市级创新平台,完成投资5亿元。", "东区完成投资多少亿元", "", false},
		{"东区打造两个区域中心,完成投资5亿元。", "东区完成投资多少亿元", "", false},
		{"东区在沪深两市上市企业8家。", "东区上市企业多少家", "", false},
		// A name of counts, the whole area after the group, a group
		// clauses before the figure.
		{"甲年,三区三线划定成果获批,全区耕地保有量52万亩。", "东区耕地保有量多少万亩", "", false},
		{"两区建设扎实推进,全区完成投资8亿元。", "东区完成投资多少亿元", "", false},
		{"两区签约项目20个,新建厂房5座,完成投资8亿元。", "东区完成投资多少亿元", "完成投资8亿元。", false},
	}
	for _, tt := range tests {
		quote := tt.quote
		if quote == "" {
			quote = tt.text
		}
		x := featuresIn(t, s, tt.q, nouns, Passage{Text: tt.text}, quote)
		if got := x[FGroupFigure] == 1; got != tt.group {
			t.Errorf("%s, asked %s: group_figure %.0f, want %v", tt.text, tt.q, x[FGroupFigure], tt.group)
		}
	}
}

// The figures read for a part: the ranks of a rank question, and of
// those the ones in its unit; a kind no figure has is passed over.
func TestFigureFit(t *testing.T) {
	number := Figure{Kind: KindNumber, Unit: "亿元"}
	share := Figure{Kind: KindNumber, Unit: "%"}
	rank := Figure{Kind: KindRank}
	tests := []struct {
		q    string
		figs []Figure
		ok   []bool
	}{
		{"甲项目规模在全省排第几", []Figure{number, rank}, []bool{false, true}},
		{"甲项目规模在全省排第几", []Figure{number}, []bool{true}},
		{"甲项目投资多少亿元", []Figure{share, number}, []bool{false, true}},
		{"甲项目投资多少亿元", []Figure{share}, []bool{true}},
	}
	for _, tt := range tests {
		pi := partInfo{a: Asked{Part: Analyze(tt.q).Parts[0]}}
		fit := pi.fitOf(tt.figs)
		for i, f := range tt.figs {
			if got := fit.ok(f); got != tt.ok[i] {
				t.Errorf("%s: figure %d of %v read %v, want %v", tt.q, i, tt.figs, got, tt.ok[i])
			}
		}
	}
}

// A figure told of a counted group of one kind (12个专项) is the group's:
// asked of one member by name it is a near miss; asked of the group, of
// every member, of a kind within it or of the group's owner, or after a
// count of one, an ordinal or a count that only says what was done, it is
// not.
func TestMemberOfCountedGroup(t *testing.T) {
	nouns := []string{"海洋", "大华", "专项", "资金", "甲国", "乙国", "展馆", "签约", "项目", "创意", "落地率", "落地", "国家级", "东区", "面积", "总面积"}
	tests := []struct {
		text, q string
		group   bool
	}{
		{"全年投向12个专项的资金达24亿元。", "海洋专项分到的资金有多少亿元", true},
		{"全年投向12个专项的资金达24亿元。", "12个专项的资金有多少亿元", false},
		{"全年投向12个专项的资金达24亿元。", "各专项资金有多少亿元", false},
		{"全年投向12个专项的资金达24亿元。", "国家级专项的资金有多少亿元", false}, // a kind of 专项
		{"全年12个专项资金24亿元。", "海洋专项资金有多少亿元", true},        // the kind runs on to the figure
		{"全年12个专项资金24亿元。", "大华专项资金有多少亿元", true},        // a name with 大 in it
		{"建成甲国、乙国等五大展馆和会客厅,签约项目30个。", "甲国展馆签约项目多少个", true},
		{"建成甲国、乙国等五大展馆和会客厅,签约项目30个。", "五大展馆签约项目多少个", false},
		// Told apart for each, or the member named after the group.
		{"全年投向12个专项的资金分别达2亿元、3亿元。", "海洋专项分到的资金有多少亿元", false},
		{"全年投向12个专项的资金达24亿元,其中海洋专项3亿元。", "海洋专项分到的资金有多少亿元", false}, // read up to 3亿元
		// The name as the group's subject: the group is its.
		{"东区建成5大展馆和3个会客厅,展馆总面积20万平方米。", "东区展馆总面积多少", false},
		// One thing, or a place in order, is no group.
		{"新建1个展馆的面积达2万平方米。", "海洋展馆面积多少", false},
		{"建成第三个展馆的面积达2万平方米。", "海洋展馆面积多少", false},
		// 8个落地 says what the count did: no kind of things.
		{"12个创意项目中8个落地,落地率60%。", "创意项目落地率多少", false},
	}
	for _, tt := range tests {
		part := Analyze(tt.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
		figs := Figures(tt.text)
		// Read up to the last figure that could answer.
		var at int
		for _, f := range figs {
			if acceptable(f, tt.text, part) {
				at = f.Start
			}
		}
		if got := memberAsked(a, tt.text[:at]); got != tt.group {
			t.Errorf("%s, asked %s: memberAsked = %v, want %v", tt.text, tt.q, got, tt.group)
		}
	}
}
