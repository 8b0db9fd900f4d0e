package extract

import (
	"slices"
	"testing"
)

// An amount in Chinese numerals after a comparison word is held up
// against the text, like one in digits: no term to look for. A fraction
// and one numeral alone stay words.
func TestComparedAmountInWords(t *testing.T) {
	for _, tc := range []struct {
		text, lit string
		literal   bool
	}{
		{"甲会游客超过两百万了没", "两百万", true},
		{"甲会游客有三千多吗", "三千", true},
		{"甲会游客超过十分之一了吗", "十", false},
		{"甲会有两个分会场吗", "两", false},
		// One numeral, or a run with no magnitude, starts or is a word.
		{"甲市有百货大楼吗", "百", false},
		{"到十四五末能建成吗", "十四五", false},
	} {
		var found *Term
		terms := termsOf(tc.text, Lexicon{}, false)
		for i := range terms {
			if terms[i].Text == tc.lit {
				found = &terms[i]
			}
		}
		switch {
		case tc.literal && (found == nil || found.Key):
			t.Errorf("%q: want %q a compared amount, not a key term (%v)", tc.text, tc.lit, found)
		case !tc.literal && found != nil:
			t.Errorf("%q: %q read as an amount", tc.text, tc.lit)
		}
	}
}

// A count whose clause goes on to say where it holds (其中5项在甲省推广)
// has that scope when nothing before it names one.
func TestScopeAfterACount(t *testing.T) {
	for _, tc := range []struct{ text, fig, want string }{
		{"形成成果68项,其中13项在浙江省复制推广", "13项", ScopeProvince},
		{"形成成果68项,其中13项在全国复制推广", "13项", ScopeNation},
		{"形成成果68项,其中13项已复制推广", "13项", ""},
		// A scope before the figure wins.
		{"全省推广13项在全国首创", "13项", ScopeProvince},
	} {
		found := false
		for _, f := range Figures(tc.text) {
			if f.Text(tc.text) != tc.fig {
				continue
			}
			found = true
			if got := scopeBefore(tc.text, f); got != tc.want {
				t.Errorf("scope of %s in %q = %q, want %q", tc.fig, tc.text, got, tc.want)
			}
		}
		if !found {
			t.Errorf("no figure %s in %q", tc.fig, tc.text)
		}
	}
}

// A question naming the documents' own place alone asks about the whole
// of it: a district's figure does not answer it, while a sector's figure
// compared with the whole place's may.
func TestPlaceNamedAloneAsksTheWhole(t *testing.T) {
	s := Setting{PlaceWords: []string{"甲市"}, Areas: []string{"东区", "西区"}, IsPlace: placeIn("甲市", "东区", "西区")}
	nouns := []string{"甲市", "营商", "环境", "涉海", "投资", "增速", "游客", "乙园区", "企业"}
	for _, tc := range []struct {
		name, q, text string
		want          bool
	}{
		{"district's rank", "甲市营商环境全国排第几", "东区营商环境居全国第44位。", true},
		{"whole's rank", "甲市营商环境全国排第几", "甲市营商环境居全国第4位。", false},
		{"district named", "东区营商环境全国排第几", "东区营商环境居全国第44位。", false},
		{"which district", "甲市哪个区营商环境全国排第几", "东区营商环境居全国第44位。", false},
		{"sector beside the whole", "甲市涉海投资增速多少", "涉海投资增速达9.3%,高于全市6.1个百分点。", false},
		// Asked of a count, the place named alone may only locate a
		// thing lying in one district.
		{"count of a thing in a district", "甲市乙园区有多少家企业", "东区乙园区入驻企业300家。", false},
		// A word for the whole keeps reading the comparison as another's.
		{"whole word, sector", "全市投资增速多少", "涉海投资增速达9.3%,高于全市6.1个百分点。", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := featuresIn(t, s, tc.q, nouns, Passage{Text: tc.text}, tc.text)
			if got := x[FAreaMismatch] > 0; got != tc.want {
				t.Errorf("area_mismatch of %q for %q = %v, want %v", tc.text, tc.q, got, tc.want)
			}
		})
	}
}

// The documents' own place is what their 全市 means.
func TestOwnPlaceMatchesItsWhole(t *testing.T) {
	s := Setting{PlaceWords: []string{"甲市", "甲城"}, IsPlace: placeIn("甲市", "甲城")}
	if got := s.OwnWholeWords(); !slices.Equal(got, []string{"全市", "本市", "我市", "咱市", "市里"}) {
		t.Errorf("OwnWholeWords = %v, want 全市 本市 我市 咱市 市里", got)
	}
	if got := (Setting{PlaceWords: []string{"甲城"}}).OwnWholeWords(); got != nil {
		t.Errorf("OwnWholeWords of a place with no level = %v, want none", got)
	}
	nouns := []string{"甲市", "人才", "总量"}
	lex := Lexicon{Segment: nounSegmenter(nouns), Setting: s}
	p := Analyze("甲市人才总量多少").Parts[0]
	a := Asked{Part: p, Terms: compiled(Terms(p, lex), 1)}
	i := slices.IndexFunc(a.Terms, func(term Term) bool { return term.Text == "甲市" })
	if i < 0 {
		t.Fatalf("no term 甲市 in %v", a.Terms)
	}
	if termMatch(a.Terms[i], newCanonText(Canon("全市人才总量突破230万人"))) != 1 {
		t.Errorf("甲市 does not match the text's 全市: alts %v", a.Terms[i].Alts)
	}
	// The whole a figure is compared with is another's figure's base.
	if termMatch(a.Terms[i], newCanonText(Canon("涉海人才总量增长9%,高于全市3个百分点"))) != 0 {
		t.Errorf("甲市 matches the 全市 a figure is compared with")
	}
}

// A names question stating how many (那5家…是哪些企业) is not answered
// by a count of the asked thing that names none of them.
func TestCountOfTheAskedHead(t *testing.T) {
	nouns := []string{"企业", "榜单", "独角兽"}
	checkFeature(t, FCountedHead, []readingCase{
		{"count of the head", "那5家全球独角兽榜单是哪些企业", nouns, "5家企业入选“全球独角兽榜单”。", true},
		{"names told", "那5家全球独角兽榜单是哪些企业", nouns, "甲公司、乙公司等5家企业入选“全球独角兽榜单”。", false},
	})
}

// Divisions counted in words (沿江五省) are a count that only a question
// counting them takes.
func TestDivisionCountInWords(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
	}{
		{"联合沿江五省省会城市", "五省"},
		{"两市分别居第一和第二", "两市"},
		{"第三区", ""},
		{"三市场联动", ""},
		{"一市一策", ""},
		// Digits written one by one name a place; a numeral before
		// another counter, or a set phrase, counts nothing.
		{"二七区", ""},
		{"划定三区三线", ""},
		{"九省通衢", ""},
		{"十二市联动", "十二市"},
	} {
		got := ""
		for _, f := range Figures(tc.text) {
			if f.Kind == KindNumber {
				got = f.Text(tc.text)
			}
		}
		if got != tc.fig {
			t.Errorf("count in %q = %q, want %q", tc.text, got, tc.fig)
		}
	}
	text := "联合沿江五省省会城市"
	f := Figures(text)[0]
	for q, want := range map[string]bool{"联合了沿江几个省": true, "联合沿江多少省": true, "联合了几个城市": false, "联合了多少家单位": false} {
		if got := acceptable(f, text, Analyze(q).Parts[0]); got != want {
			t.Errorf("五省 acceptable for %s = %v, want %v", q, got, want)
		}
	}
}

// How far one thing stands from another is answered by the difference,
// not by the thing's own growth told beside it.
func TestDifferenceAsked(t *testing.T) {
	for q, want := range map[string]bool{
		"东区投资增速比全市高出多少":   true,
		"东区投资增速高出全市几个百分点": true,
		"东区投资增速比全市快多少":    true,
		"东区投资比上年增长多少":     false,
		"东区投资增速多少":        false,
		"东区投资比全市多吗":       false,
		// 比 inside a word, or a comparison qualifying what is counted.
		"三产比重提高了多少个百分点": false,
		"有几个区增速高于全市":    false,
	} {
		if got := asksDifference(q); got != want {
			t.Errorf("asksDifference(%s) = %v, want %v", q, got, want)
		}
	}
	nouns := []string{"东区", "投资", "增速", "全市"}
	checkFeature(t, FChangeMismatch, []readingCase{
		{"own growth", "东区投资增速比全市高出多少", nouns, "东区投资增长21.5%,居全市第一。", true},
		{"difference", "东区投资增速比全市高出多少", nouns, "东区投资增长21.5%,高于全市18.3个百分点。", false},
		{"difference after 比", "东区投资增速比全市高出多少", nouns, "东区投资增长21.5%,比全市高18.3个百分点。", false},
		{"growth asked", "东区投资增长多少", nouns, "东区投资增长21.5%,居全市第一。", false},
		// A change over time is no difference from another thing.
		{"change over time", "东区投资增速比全市高出多少", nouns, "东区投资增长21.5%,比上年高1.2个百分点。", true},
	})
}

// A total's growth is a share all the same; a total's level is not.
func TestTotalGrowthTakesAShare(t *testing.T) {
	text := "甲企业利税总额达901亿元,增长11.27%。"
	var share Figure
	for _, f := range Figures(text) {
		if f.Unit == "%" {
			share = f
		}
	}
	for q, want := range map[string]bool{"甲企业利税总额增长多少": true, "甲企业利税总额多少": false} {
		if got := acceptable(share, text, Analyze(q).Parts[0]); got != want {
			t.Errorf("11.27%% acceptable for %s = %v, want %v", q, got, want)
		}
	}
}

// placeIn is a Setting.IsPlace knowing only names.
func placeIn(names ...string) func(string) bool {
	return func(w string) bool { return slices.Contains(names, w) }
}
