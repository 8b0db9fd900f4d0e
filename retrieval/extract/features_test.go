package extract

import (
	"slices"
	"testing"
)

func TestCurrencyMismatch(t *testing.T) {
	yuan := []Figure{{Unit: "亿元"}}
	dollars := []Figure{{Unit: "亿美元"}}
	tests := []struct {
		question string
		figs     []Figure
		want     bool
	}{
		{"实际使用外资折合多少亿美元", yuan, true},
		{"实际使用外资折合多少亿美元", dollars, false},
		{"实际使用外资多少亿元", dollars, true},
		{"实际使用外资多少亿元", yuan, false},
		{"实际使用外资多少人民币", yuan, false},
		{"实际使用外资多少", yuan, false},
		{"出口多少欧元", []Figure{{Unit: "万吨"}}, false},
	}
	for _, tt := range tests {
		if got := currencyMismatch(tt.question, tt.figs); got != tt.want {
			t.Errorf("currencyMismatch(%q, %v) = %v, want %v", tt.question, tt.figs[0].Unit, got, tt.want)
		}
	}
}

func TestDisagreementsCountEachWay(t *testing.T) {
	var x Features
	if got := disagreements(x); got != 0 {
		t.Fatalf("no flags: %v", got)
	}
	x[FYearUnstated], x[FPlaceMiss], x[FEventClash], x[FScopeAgree] = 1, 1, 1, 1
	if got := disagreements(x); got != 3 {
		t.Errorf("year, place and event disagree: got %v, want 3", got)
	}
}

func TestChangeToldEarlierInTheClause(t *testing.T) {
	tests := []struct {
		text, fig string
		want      bool
	}{
		{"莱西市固定资产投资增长30.1%,高于全市26.9个百分点。", "26.9个百分点", true},
		{"增加备案社会招商中介机构97家、引进项目1500余个", "97家", true},
		{"全市新增市场主体35.4万户,总量达179.3万户", "179.3万户", false},
		{"研发投入增长至120亿元", "120亿元", false},
		// 增加 before 值 names a level, not a change.
		{"甲业增加值120亿元,增长5.9%。", "120亿元", false},
		{"甲业增加值120亿元,增长5.9%。", "5.9%", true},
		{"甲业增加值增加了12亿元。", "12亿元", true},
		{"运营里程达246千米", "246千米", false},
	}
	for _, tt := range tests {
		found := false
		for _, f := range Figures(tt.text) {
			if f.Text(tt.text) == tt.fig {
				found = true
				if f.Change != tt.want {
					t.Errorf("%s in %q: change %v, want %v", tt.fig, tt.text, f.Change, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("no figure %s in %q", tt.fig, tt.text)
		}
	}
}

func TestUnitMatches(t *testing.T) {
	tests := []struct {
		fig, asked string
		want       bool
	}{
		{"千米", "公里", true},
		{"人", "个", true},
		{"万家", "个", true},
		{"名", "人", true},
		{"吨", "个", false},
		{"亿元", "个", false},
		{"平方米", UnitLength, false},
		{"千米", UnitLength, true},
		{"条", "条", true},
		{"‰", UnitPercent, true},
		{"∶", UnitPercent, true},
		{"个百分点", "个点", true},
		{"%", "个点", false},
	}
	for _, tt := range tests {
		if got := unitMatches(tt.fig, tt.asked); got != tt.want {
			t.Errorf("unitMatches(%q, %q) = %v, want %v", tt.fig, tt.asked, got, tt.want)
		}
	}
}

func TestComparedNumbersAreNotKeyTerms(t *testing.T) {
	tests := []struct {
		text, lit string
		key       bool
	}{
		{"国企减免房租超过10个亿", "10个", false},
		{"集装箱吞吐量是3000万标准箱", "3000万", false},
		{"青岛有5G基站", "5G", true},
		{"3000万标准箱的港口", "3000万", true},
	}
	for _, tt := range tests {
		found := false
		for _, term := range termsOf(tt.text, Lexicon{}, false) {
			if term.Text == tt.lit {
				found = true
				if term.Key != tt.key {
					t.Errorf("%q in %q: key %v, want %v", tt.lit, tt.text, term.Key, tt.key)
				}
			}
		}
		if !found {
			t.Errorf("no term %q in %q", tt.lit, tt.text)
		}
	}
}

func TestAsksChange(t *testing.T) {
	for key, want := range map[string]bool{
		"普高录取率从 涨到":   false,
		"录取率 增长至":     false,
		"录取率涨了":       true,
		"营收 同比增长":     true,
		"从 提高到  又增长了": true,
		"营业收入":        false,
	} {
		if got := asksChange(key); got != want {
			t.Errorf("asksChange(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestChineseNumeralsMatchDigits(t *testing.T) {
	if got := photoNumber("图十九拍的是哪个镇"); got != "图19" {
		t.Errorf("photoNumber(图十九…) = %q, want 图19", got)
	}
	found := false
	for _, term := range termsOf("一百三十四个涉海重点项目", Lexicon{}, false) {
		found = found || term.Text == "一百三十四个"
	}
	if !found {
		t.Errorf("一百三十四个 is not a literal term of its text")
	}
	for _, term := range termsOf("一个项目", Lexicon{}, false) {
		if term.Text == "一个" {
			t.Errorf("一个 read as a literal number")
		}
	}
}

func TestPerMilleIsAShare(t *testing.T) {
	s := "人口自然增长率为1.65‰。"
	figs := Figures(s)
	if len(figs) != 1 || figs[0].Text(s) != "1.65‰" || figs[0].Unit != "‰" {
		t.Errorf("Figures(%q) = %v", s, figs)
	}
}

func TestSplitAgreements(t *testing.T) {
	var x Features
	x[FEventAgree], x[FQualifierAgree], x[FAspectAgree] = -1, 1, 0
	splitAgreements(&x)
	want := map[Feature]float64{FEventAgree: 0, FEventClash: 1, FQualifierAgree: 1, FQualifierClash: 0, FAspectAgree: 0, FAspectClash: 0}
	for f, v := range want {
		if x[f] != v {
			t.Errorf("%v = %v, want %v", f, x[f], v)
		}
	}
}

func TestMeasuredTerm(t *testing.T) {
	lex := Lexicon{Segment: nounSegmenter([]string{"展会", "煤炭", "人口", "码头", "货运量", "全省", "企业", "产值"})}
	for _, tc := range []struct{ q, want string }{
		{"码头运了多少吨煤炭", "煤炭"}, // the word after the question word and its measure word
		{"码头人口多少", "人口"},    // else the word right before it
		{"码头有几个", "码头"},
		{"码头货运量全省排第几", "货运量"}, // what a rank ranks, not its scope
		{"第几届展会有多少码头", "码头"},  // a number asked before a rank
		{"码头几乎每家企业的产值是多少", "产值"},
	} {
		p := Analyze(tc.q).Parts[0]
		a := Asked{Part: p, Terms: compiled(Terms(p, lex), 1)}
		m := measuredTerm(a)
		if m == nil || m.Text != tc.want {
			t.Errorf("measuredTerm(%s) = %v, want %s", tc.q, m, tc.want)
		}
	}
}

// A word the dictionary lacks, right after the question word, is what is
// counted when the documents write it; one no document writes is not.
func TestMeasuredTermUnlisted(t *testing.T) {
	for _, tc := range []struct {
		seen bool
		want string
	}{
		{true, "甲乙"},
		{false, "改造"},
	} {
		seg := nounSegmenter([]string{"改造", "小区"})
		unlisted := func(s string) []Token { // 甲 and 乙 as gse leaves an unknown word
			toks := seg(s)
			for i := range toks {
				if toks[i].Text == "甲" || toks[i].Text == "乙" {
					toks[i].Pos = ""
				}
			}
			return toks
		}
		lex := Lexicon{Segment: unlisted, Seen: func(w string) bool { return tc.seen || w != "甲乙" }}
		p := Analyze("改造了多少个甲乙小区").Parts[0]
		a := Asked{Part: p, Terms: compiled(Terms(p, lex), 1)}
		if m := measuredTerm(a); m == nil || m.Text != tc.want {
			t.Errorf("seen %v: measuredTerm = %v, want %s", tc.seen, m, tc.want)
		}
	}
}

// A rarer verb after the question word, outside the dictionary, is how
// the things stand, not what is counted.
func TestMeasuredTermSkipsRareVerbs(t *testing.T) {
	seg := dictSegmenter(map[string]Token{
		"充电桩": {Text: "充电桩", Pos: "n", Freq: 100, Known: true},
		"投运":  {Text: "投运", Known: true}, // known to the full vocabulary only
	})
	p := Analyze("有多少投运的充电桩").Parts[0]
	a := Asked{Part: p, Terms: compiled(Terms(p, Lexicon{Segment: seg, Seen: func(string) bool { return true }}), 1)}
	if !slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Text == "投运" && t.Key }) {
		t.Fatalf("投运 is no key term here, so the test says nothing: %+v", a.Terms)
	}
	if m := measuredTerm(a); m != nil && m.Text == "投运" {
		t.Errorf("measuredTerm = 投运, want no verb")
	}
}

// What the year added (新增…几家) is told by a count the nearest adding
// word leads to; not by a rate of change or a multiple, a difference
// from a base (比上年增加, unless written 比上年新增), a change of an
// addition, a fall, or 增加值 (a level); and a level asked takes no
// change.
func TestAddedCountAnswersANewlyQuestion(t *testing.T) {
	const agencies = "增加认证检测机构12家,增长12.5%。"
	for _, tc := range []struct {
		q, text, fig string
		want         bool
	}{
		{"新增认证的检测机构有几家", agencies, "12家", true},
		{"新增认证的检测机构有几家", "认证检测机构增加12家。", "12家", true},
		{"新增认证的检测机构有几家", "全年增加12家认证检测机构。", "12家", true},
		{"新增认证的检测机构有多少", agencies, "12.5%", false},
		{"认证的检测机构一共有几家", agencies, "12家", false},
		{"新增认证的检测机构有几家", "比上年增加认证检测机构3家。", "3家", false},
		// A base with the text's own word of an addition is an addition.
		{"新增认证的检测机构有几家", "认证检测机构达到64家,比上年新增12家。", "12家", true},
		{"新增认证的检测机构有多少", "认证检测机构比上年新增5%。", "5%", false},
		{"新增认证的检测机构有几家", "认证检测机构比2019年新增30家。", "30家", false},
		{"新增认证的检测机构有几家", "五年来认证检测机构累计新增60家。", "60家", false},
		{"新增认证的检测机构有几家", "认证检测机构较“十三五”末新增30家。", "30家", false},
		{"新增认证的检测机构有几家", "认证检测机构增加0.5倍。", "0.5倍", false},
		{"新增会员多少人", "新增会员人数比上年增加2万人。", "2万人", false},
		{"新增会员多少人", "新增会员人数增加2万人。", "2万人", false},
		{"新建住房多少套", "住房建设减少1200套。", "1200套", false},
		{"新增规上企业多少家", "增加规上企业12家、减少亏损企业3家。", "3家", false},
		{"新增规上企业多少家", "增加规上企业12家、减少亏损企业3家。", "12家", true},
		{"新增规上企业多少家", "工业增加值超亿元企业减少12家。", "12家", false},
		// 增加值 names a level: the count after it is no change, and
		// answers a question asking how many there are.
		{"增加值超亿元企业有几家", "增加值超亿元企业12家。", "12家", true},
		{"新增认证的检测机构有几家", "增速放缓的同时认证检测机构增加12家。", "12家", true},
		{"新增认证的检测机构有多少", "认证检测机构增加2个百分点。", "2个百分点", false},
		{"新增认证的检测机构有几家", "比2019年增加认证检测机构3家。", "3家", false},
		{"新增认证的检测机构有几家", "较2019年增加认证检测机构3家。", "3家", false},
		// An adding word opening its clause tells of the clause before.
		{"新增会员多少人", "新增会员12.5万人,增加1.2万人。", "1.2万人", false},
		{"新增认证的检测机构有几家", "与上年相比,增加认证检测机构12家。", "12家", false},
		{"新增认证的检测机构有几家", "认证检测机构总数达到120家,增加12家。", "12家", true},
		{"新增认证的检测机构有几家", "五年来累计增加认证检测机构60家。", "60家", false},
		// An addition told with a year word and 新 before 增加 is told twice.
		{"甲园区去年新挂牌了几家企业", "全年新挂牌企业增加12家。", "12家", false},
		{"全年新增多少家企业", "全年新增加企业12家。", "12家", true},
		{"新增认证的检测机构有几家", "认证检测机构较同期增加12家。", "12家", false},
		{"新增认证的检测机构有几家", "认证检测机构比一年前增加12家。", "12家", false},
		{"新增认证的检测机构有几家", "机构总数达200家。与上年相比,机构数量增加6家。", "6家", false},
		{"新增认证的检测机构有几家", "比年初增加认证检测机构12家。", "12家", true},
		{"检测机构新备案了几家", "增加备案检测机构12家。", "12家", true},
	} {
		p := Analyze(tc.q).Parts[0]
		got := false
		for _, f := range Figures(tc.text) {
			got = got || f.Text(tc.text) == tc.fig && acceptable(f, tc.text, p)
		}
		if got != tc.want {
			t.Errorf("%s: %s of %s acceptable = %v, want %v", tc.q, tc.fig, tc.text, got, tc.want)
		}
	}
}
