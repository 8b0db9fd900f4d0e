package extract

import "testing"

// A sentence telling a whole and its districts' parts names every
// district, so only the words right before a figure say whose it is.
func TestPlaceSubject(t *testing.T) {
	nouns := []string{"东城", "西城", "完成", "投资", "投资额"}
	text := "全年完成投资额80亿元;其中东城完成50亿元,西城完成30亿元。"
	s := Setting{Areas: []string{"东城", "东城区", "西城", "西城区"}}
	features := func(q, quote string) Features {
		t.Helper()
		part := Analyze(q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
		p := Passage{Chapter: "东城西城攻势", Section: "概况", Text: text}
		for _, c := range Candidates(0, a, []*Prepared{Prepare(p)}, inOrder([]float64{1}, 1), s) {
			if text[c.Start:c.End] == quote && c.X != nil {
				return *c.X
			}
		}
		t.Fatalf("%q: no window %q", q, quote)
		return Features{}
	}
	tests := []struct {
		q, quote     string
		agree, clash float64
	}{
		{"东城完成投资多少", "其中东城完成50亿元,", 1, 0},
		// The subject read on from the value before still holds 东城:
		// the district named last owns the figure.
		{"东城完成投资多少", "西城完成30亿元。", 0, 1},
		{"西城完成投资多少", "西城完成30亿元。", 1, 0},
		// The whole's figure names no district: neither.
		{"东城完成投资多少", "全年完成投资额80亿元;", 0, 0},
		// No place asked: the feature says nothing.
		{"完成投资多少", "其中东城完成50亿元,", 0, 0},
	}
	rank := "与西城联合举办的甲展会参展企业数量居全市第1位。"
	part := Analyze("东城甲展会参展企业数量全市排第几").Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter([]string{"东城", "甲展会", "参展", "企业", "数量"})})}
	for _, c := range Candidates(0, a, []*Prepared{Prepare(Passage{Text: rank})}, inOrder([]float64{1}, 1), s) {
		// A rank's clause may name a district it was compared or done
		// with; whose rank it is stands right before it.
		if c.X != nil && (*c.X)[FPlaceClash] != 0 {
			t.Errorf("rank done with another district: place_clash %v in %q", (*c.X)[FPlaceClash], rank[c.Start:c.End])
		}
	}
	for _, tt := range tests {
		x := features(tt.q, tt.quote)
		if x[FPlaceAgree] != tt.agree || x[FPlaceClash] != tt.clash {
			t.Errorf("%s, window %q: place_agree %.0f, place_clash %.0f; want %.0f, %.0f", tt.q, tt.quote, x[FPlaceAgree], x[FPlaceClash], tt.agree, tt.clash)
		}
	}
}

// A query with no question word that ends in a word naming a share or
// rate asks for a number; one naming none, one with the word inside it,
// or a claim to check, does not.
func TestBareQueryNamingAShareAsksANumber(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"东区人才占全区比重", true},
		{"甲项目落地率", true},
		{"甲项目落地率呢", true},
		{"海滩清理 进展", false},
		{"东区留存率过半了吗", false},
		{"率先实施的改革", false},
		{"增速放缓原因", false},
	}
	for _, tt := range tests {
		p := Analyze(tt.q).Parts[0]
		if got := wants(p.Wants, WantNumber); got != tt.want {
			t.Errorf("%s: asks a number = %v (wants %v), want %v", tt.q, got, p.Wants, tt.want)
		}
	}
}

func TestSubjectPlace(t *testing.T) {
	var areas []area
	for _, n := range []string{"东城", "东城区", "西城区", "城区"} {
		areas = append(areas, area{n, Canon(n)})
	}
	tests := []struct {
		subject, place string
		want           float64
	}{
		{"其中东城区完成", "东城", 1},
		{"其中东城区完成西城区完成", "东城", -1}, // read on from the value before
		{"其中西城区完成东城完成", "东城", 1},
		{"全年完成投资额", "东城", 0},
		// 城区 inside the asked 东城区 is no other district.
		{"东城区城市更新投资", "东城区", 1},
		{"城区投资", "东城", -1},
		// The whole's figure told after the district took part is not
		// the district's; a whole compared with is no subject.
		{"东城区开通公交全市线路长度达", "东城", -1},
		{"东城区投资增长高于全市", "东城", 1},
		{"东城区增速列全市", "东城", 1},
		{"东城区完成投资领跑全市", "东城", 1},
		{"东城区全区完成", "东城区", 1}, // the district's own whole
		{"东城区开通公交整个乙市线路长度达", "东城区", -1},
		{"东城区税收达全市", "东城区", 1},
		// 全市 asked of a county-level city is still the documents' whole.
		{"甲市开通公交全市线路长度达", "甲市", -1},
	}
	for _, tt := range tests {
		names := newPlaceNames(tt.place, areas)
		if got := subjectPlace(names.mask(Canon(tt.subject)), names, []string{"全市", "全区", "整个乙市"}); got != tt.want {
			t.Errorf("subjectPlace(%s, %s) = %v, want %v", tt.subject, tt.place, got, tt.want)
		}
	}
}

// A window opening a sentence of parts is quoted with the whole before
// it, so the whole's words count as the window's.
func TestPartsCoverTheirWhole(t *testing.T) {
	nouns := []string{"东区", "西区", "完成", "投资额"}
	q := "东区完成投资额多少"
	quote := "其中东区完成50亿元，"
	named := windowFeatures(t, q, nouns, Passage{Text: "全年完成投资额80亿元。其中东区完成50亿元，西区完成30亿元。"}, quote)
	unnamed := windowFeatures(t, q, nouns, Passage{Text: "全年完成80亿元。其中东区完成50亿元，西区完成30亿元。"}, quote)
	if named[FCoverWindow] <= unnamed[FCoverWindow] {
		t.Errorf("cover_window of the parts' first window: %.3f after a whole naming the measure, %.3f after one that does not; want more", named[FCoverWindow], unnamed[FCoverWindow])
	}
	// A window inside the parts is not quoted with the whole.
	inner := windowFeatures(t, q, nouns, Passage{Text: "全年完成投资额80亿元。其中西区完成30亿元，东区完成50亿元。"}, "东区完成50亿元。")
	if inner[FCoverWindow] >= named[FCoverWindow] {
		t.Errorf("cover_window of a window inside the parts %.3f, want less than the first window's %.3f", inner[FCoverWindow], named[FCoverWindow])
	}
}

// A clause opens with its topic, which carries over to the clauses after
// it that name none and reaches past the words right before a figure; a
// province asked beside a district is where a rank is, not whose.
func TestPlaceSubjectTopic(t *testing.T) {
	toks := map[string]Token{"甲省": {Text: "甲省", Pos: "ns", Freq: 100, Known: true}, "甲镇": {Text: "甲镇", Pos: "ns", Freq: 100, Known: true}}
	for _, w := range []string{"东城", "西城", "营商", "环境", "榜单", "整镇", "打造", "示范区", "工业", "增加值", "增速", "产业园", "企业", "公园", "新建"} {
		toks[w] = Token{Text: w, Pos: "n", Freq: 100, Known: true}
	}
	s := Setting{Areas: []string{"东城", "东城区", "西城", "西城区"}}
	text := "东城在某营商环境榜单升至第9位,居甲省第2位。努力走在前列,全市整镇打造乡村振兴示范区10个。" +
		"东城工业增加值增长12.5%,全市第1。东城与西城签订合作协议,共建产业园3个。2020年,东城在另一榜单升至第7位,居甲省第3位。东城共有企业5000家。" +
		"全市推进合作,东城加快建设,新建开放公园5个。西城与东城共建产业园4个。全市12个区中,西城工业增加值增长8%,增速居第1位。" +
		"东城、西城共建产业园6个。其中西城坚持推进工程建设,新建公园7个。学习借鉴东城经验,新建公园8个。东城会同西城,新建公园9个。"
	tests := []struct {
		q, quote     string
		agree, clash float64
	}{
		{"西城营商环境在甲省排第几", "居甲省第2位。", 0, 1},
		{"东城营商环境在甲省排第几", "居甲省第2位。", 1, 0},
		{"西城整镇打造的示范区有几个", "全市整镇打造乡村振兴示范区10个。", 0, 1},
		// No place asked: the feature says nothing.
		{"整镇打造的示范区有几个", "全市整镇打造乡村振兴示范区10个。", 0, 0},
		// A rank's own clause may open with where it ranks.
		{"东城工业增加值增速全市排第几", "全市第1。", 1, 0},
		// A place named beside the asked one may share the figure.
		{"西城共建产业园几个", "共建产业园3个。", 0, 0},
		// A sentence's topic stands after a clause that only dates it.
		{"西城营商环境在甲省排第几", "居甲省第3位。", 0, 1},
		// Two places asked outside a rank's frame name no one place.
		{"东城甲镇有多少家企业", "东城共有企业5000家。", 0, 0},
		// The nearest clause opening with a place decides, not the
		// sentence's opening.
		{"东城新建公园几个", "全市推进合作,东城加快建设,新建开放公园5个。", 1, 0},
		{"西城工业增加值增速全市排第几", "全市12个区中,西城工业增加值增长8%,增速居第1位。", 1, 0},
		// Two places joined in a subject: either may own the figure.
		{"东城共建产业园几个", "西城与东城共建产业园4个。", 0, 0},
		{"西城共建产业园几个", "西城与东城共建产业园4个。", 0, 0},
		{"东城共建产业园几个", "东城、西城共建产业园6个。", 0, 0},
		// Words before the place that name no other leave it the topic.
		{"西城新建公园几个", "其中西城坚持推进工程建设,新建公园7个。", 1, 0},
		// Other words before it make the place no topic; a place joined
		// with another is either's.
		{"东城新建公园几个", "学习借鉴东城经验,新建公园8个。", 0, 0},
		{"东城新建公园几个", "东城会同西城,新建公园9个。", 0, 0},
	}
	for _, tt := range tests {
		part := Analyze(tt.q).Parts[0]
		a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: dictSegmenter(toks), Setting: s}), Areas: s.Areas}
		found := false
		for _, c := range Candidates(0, a, []*Prepared{Prepare(Passage{Text: text})}, inOrder([]float64{1}, 1), s) {
			if text[c.Start:c.End] != tt.quote || c.X == nil {
				continue
			}
			found = true
			if x := *c.X; x[FPlaceAgree] != tt.agree || x[FPlaceClash] != tt.clash {
				t.Errorf("%s, window %q: place_agree %.0f, place_clash %.0f; want %.0f, %.0f", tt.q, tt.quote, x[FPlaceAgree], x[FPlaceClash], tt.agree, tt.clash)
			}
		}
		if !found {
			t.Errorf("%s: no window %q", tt.q, tt.quote)
		}
	}
}
