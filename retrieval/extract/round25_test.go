package extract

import (
	"slices"
	"testing"
)

// 谁 asks names on its own (都有谁, 谁牵头), and a comparison by 哪种 or
// 哪类 ending the part asks each item's figure, as 哪个 does; before a
// noun 哪类 asks for a kind by name.
func TestWhoAndWhichKind(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want Want
	}{
		{"获评甲称号的都有谁", WantNames},
		{"甲会议由谁牵头", WantNames},
		{"甲类企业和乙类企业哪种多", WantNumber},
		{"甲园和乙园哪类更高？", WantNumber},
		{"甲园和乙园重点扶持哪类小微企业", WantNames},
		{"甲园和乙园哪类项目多", WantNames},
	} {
		p := Analyze(tc.q).Parts[0]
		if !slices.Contains(p.Wants, tc.want) || tc.want == WantNames && slices.Contains(p.Wants, WantNumber) {
			t.Errorf("%s: wants %v, want %v (and no number for names)", tc.q, p.Wants, tc.want)
		}
	}
}

// A names question with no head word after its question word asks the
// names of what stands before it; a comparison asks no names.
func TestAskedSubject(t *testing.T) {
	for _, tc := range []struct {
		q     string
		terms []Term
		want  string
	}{
		{"达标的甲类园区是哪几家", keyTerms("达标", "甲类", "园区"), "园区"},
		{"获评甲称号的企业都有谁", keyTerms("获评", "甲称号", "企业"), "企业"},
		{"甲类企业和乙类企业哪种多", keyTerms("甲类", "企业", "乙类"), ""},
	} {
		// Built by hand: Analyze splits a comparison into its items.
		a := Asked{Part: Part{Text: tc.q, Key: tc.q, Wants: []Want{WantNames}}, Terms: tc.terms}
		pi := &partInfo{a: a}
		pi.readNames()
		if pi.subject != tc.want {
			t.Errorf("%s: subject %q, want %q", tc.q, pi.subject, tc.want)
		}
	}
}

// A window that answers which ones with how many only — a count of the
// asked subject with no names beside it — counts; names listed before
// the count, or a list closed by 等 before the subject, are an answer.
func TestCountsOnly(t *testing.T) {
	for _, tc := range []struct {
		window, subject string
		want            bool
	}{
		{"甲类园区中产值超过百亿的达5家,超过50亿的达8家", "园区", true},
		{"全市新建园区12个。", "园区", true},
		{"领军园区9家。", "园区", true},
		{"北园、南园等5家园区入选。", "园区", false},
		{"设立《甲乙丙》等专题园区3个。", "园区", false},
		{"全市新建公园12个。", "园区", false},
		{"全市新建园区12个。", "", false},
		// A rough count names none either.
		{"拥有特色园区100余所。", "园区", true},
		{"建成园区20多个。", "园区", true},
	} {
		if got := countsOnly(tc.window, tc.subject); got != tc.want {
			t.Errorf("countsOnly(%s, %s) = %v, want %v", tc.window, tc.subject, got, tc.want)
		}
	}
}

// A count the question states counts its noun written right before it
// (领军企业9家) as well as after it.
func TestCountGivenAfterItsNoun(t *testing.T) {
	counts := givenCounts("那9家企业都是哪些")
	if len(counts) != 1 || counts[0].noun == "" {
		t.Fatalf("givenCounts = %v, want one count of 企业", counts)
	}
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"其中走访甲类和乙类企业9家。", true},
		{"其中9家企业获评。", true},
		{"其中走访甲公司、乙公司等企业9家。", false},
		{"其中走访甲类企业19家。", false},
	} {
		if got := countsGiven(tc.window, counts, nil); got != tc.want {
			t.Errorf("countsGiven(%s) = %v, want %v", tc.window, got, tc.want)
		}
	}
}

// 增长几个点 asks a growth in speech: a growth in percent is in its unit.
// 率先 names no rate; 支持 after 多少 is no measure word.
func TestUnitReadings(t *testing.T) {
	p := Analyze("甲园产值增长几个点").Parts[0]
	text := "甲园产值30亿元,增长12.5%。"
	var fits []string
	for _, f := range Figures(text) {
		if pointsAsGrowth(f, p) {
			fits = append(fits, f.Text(text))
		}
	}
	if !slices.Equal(fits, []string{"12.5%"}) {
		t.Errorf("growth in points: %v fit, want [12.5%%]", fits)
	}
	if pt := Analyze("甲园设了几个点位").Parts[0]; pt.Change {
		t.Errorf("甲园设了几个点位: Change, want a count of sites")
	}
	for q, want := range map[string]string{
		"全省率先建成的是个什么中心": "",
		"甲园的达标率多少":      UnitPercent,
		"拨了多少支持甲园的专项资金": "",
		"甲园有多少支队伍":      "支",
	} {
		if got := Analyze(q).Parts[0].Unit; got != want {
			t.Errorf("%s: unit %q, want %q", q, got, want)
		}
	}
}

// 第几版 asks an ordinal a version number answers (2.0版).
func TestVersionAnswersWhichEdition(t *testing.T) {
	p := Analyze("甲方案是第几版").Parts[0]
	text := "实施甲方案(3.0版),开工项目20个。"
	var ok []string
	for _, f := range Figures(text) {
		if acceptable(f, text, p) {
			ok = append(ok, f.Text(text))
		}
	}
	if !slices.Equal(ok, []string{"3.0版"}) {
		t.Errorf("acceptable for 第几版: %v, want [3.0版]", ok)
	}
	// A count in another ordinal's measure answers no ordinal.
	for q, text := range map[string]string{"甲园是全省第几个园区": "全省共有园区12个。", "甲节是第几届": "连续举办3届。"} {
		p := Analyze(q).Parts[0]
		for _, f := range Figures(text) {
			if acceptable(f, text, p) {
				t.Errorf("%s: %s acceptable", q, f.Text(text))
			}
		}
	}
}

// A bare keyword query reads the headings of the part of the yearbook it
// names (keyword_heading); a question does not.
func TestKeywordHeading(t *testing.T) {
	pre := []*Prepared{Prepare(Passage{Chapter: "甲乙创新中心建设", Section: "概况", Text: "全年推进甲乙创新中心建设,成效明显。"})}
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"甲乙创新中心", true},
		{"甲乙创新中心建设成效怎么样", false},
	} {
		a := Asked{Part: Analyze(tc.q).Parts[0]}
		a.Terms = []Term{{Text: "甲乙", Key: true}, {Text: "创新", Key: true}, {Text: "中心", Key: true}}
		got := false
		for _, c := range Candidates(0, a, pre, []Ranked{{0, 1}}, Setting{}) {
			if c.X != nil && c.X[FKeywordHeading] > 0 {
				got = true
			}
			if c.X != nil && c.X[FHeading] == 0 {
				t.Errorf("%s: heading 0 for a window under the named chapter", tc.q)
			}
		}
		if got != tc.want {
			t.Errorf("%s: keyword_heading set = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// The features read what the readings above decide: counted_head for a
// count of the asked subject, unit_ok for a growth asked in points.
func TestRound25Features(t *testing.T) {
	x := func(q string, terms []Term, text string) []Features {
		pre := []*Prepared{Prepare(Passage{Chapter: "甲章", Section: "概况", Text: text})}
		a := Asked{Part: Analyze(q).Parts[0], Terms: terms}
		var out []Features
		for _, c := range Candidates(0, a, pre, []Ranked{{0, 1}}, Setting{}) {
			if c.X != nil {
				out = append(out, *c.X)
			}
		}
		if len(out) == 0 {
			t.Fatalf("%s: no scored window of %s", q, text)
		}
		return out
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"甲类园区中达标的有5家。", true},
		{"达标的甲类园区有北园、南园。", false},
	} {
		got := false
		for _, f := range x("达标的甲类园区是哪几家", keyTerms("达标", "甲类", "园区"), tc.text) {
			got = got || f[FCountedHead] == 1
		}
		if got != tc.want {
			t.Errorf("counted_head for %s: %v, want %v", tc.text, got, tc.want)
		}
	}
	fit := false
	for _, f := range x("甲园产值增长几个点", keyTerms("甲园", "产值", "增长"), "甲园产值30亿元,增长12.5%。") {
		fit = fit || f[FUnitOK] == 1 && f[FUnitMismatch] == 0
	}
	if !fit {
		t.Error("增长几个点: no window of a growth in percent in the asked unit")
	}
}

// 等 of a word (三级甲等) closes no list of names.
func TestClosedBefore(t *testing.T) {
	for _, tc := range []struct {
		before, subject string
		want            bool
	}{
		{"设立《甲乙》等专题园区", "园区", true},
		{"引进北园、南园等园区", "园区", true},
		{"全市有三级甲等园区", "园区", false},
		{"全市有园区", "园区", false},
	} {
		if got := closedBefore(tc.before, tc.subject); got != tc.want {
			t.Errorf("closedBefore(%s, %s) = %v, want %v", tc.before, tc.subject, got, tc.want)
		}
	}
}

// keyTerms are ws as key terms, as the segmenter would give them.
func keyTerms(ws ...string) []Term {
	var out []Term
	for _, w := range ws {
		out = append(out, Term{Text: w, Key: true})
	}
	return out
}

// A count the question states, restated after one name closed by 等,
// names one of the things counted: not all the question asks for.
func TestCountGivenAfterOneExample(t *testing.T) {
	counts := givenCounts(Canon("那7个合作联盟都叫什么"))
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"成立甲产业联盟等7个合作联盟。", true},
		{"成立甲联盟、乙联盟等7个合作联盟。", false},
		{"成立甲联盟和乙联盟等7个合作联盟。", false},
	} {
		if got := countsGiven(tc.window, counts, nil); got != tc.want {
			t.Errorf("countsGiven(%s) = %v, want %v (counts %v)", tc.window, got, tc.want, counts)
		}
	}
}
