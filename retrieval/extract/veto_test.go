package extract

import (
	"strings"
	"testing"
)

// Each veto is tested alone: it removes exactly the impossible candidate.
func TestVetoes(t *testing.T) {
	number := partInfo{a: Asked{Part: Part{Wants: []Want{WantNumber}}}, wantFig: true}
	names := partInfo{a: Asked{Part: Part{Wants: []Want{WantNames}}}, role: &Term{Text: "院长"}}
	covered := Features{FCoverPara: 0.5}
	withFig := Candidate{figs: []Figure{{Kind: KindNumber}}, X: &covered}
	noFig := Candidate{X: &covered}
	unrelated := Candidate{figs: []Figure{{Kind: KindNumber}}, X: &Features{}}
	for _, tc := range []struct {
		veto string
		pi   partInfo
		c    Candidate
		want bool
	}{
		{"no-figure", number, noFig, true},
		{"no-figure", number, withFig, false},
		{"no-figure", names, noFig, false},
		{"nothing-asked-found", number, unrelated, true},
		{"nothing-asked-found", number, withFig, false},
		{"another-place", number, Candidate{figs: withFig.figs, X: &covered, elsewhere: "平度市"}, true},
		{"another-place", number, withFig, false},
		{"only-excepted", names, Candidate{X: &covered, excepted: true}, true},
		{"only-excepted", names, Candidate{X: &covered}, false},
		{"another-part", partInfo{locusMet: true}, Candidate{X: &Features{FLocusClash: 1}}, true},
		{"another-part", partInfo{locusMet: true}, Candidate{X: &Features{FLocusAgree: 1}}, false},
		{"no-place", partInfo{asksVenue: true}, Candidate{X: &Features{FPlaceUnnamed: 1}}, true},
		{"no-place", partInfo{asksVenue: true}, Candidate{X: &Features{}}, false},
		{"no-holder", names, Candidate{X: &covered, holderUnnamed: true}, true},
		{"no-holder", names, Candidate{X: &covered}, false},
		{"unseen-place", partInfo{unseenPlace: "甲乙镇"}, Candidate{X: &covered}, true},
		{"unseen-place", partInfo{}, Candidate{X: &covered}, false},
		{"whole-for-part", number, Candidate{X: &covered, wholeFor: "甲乙丙"}, true},
		{"whole-for-part", number, withFig, false},
		// No passage read is in the part named: the locus decides nothing.
		{"another-part", partInfo{}, Candidate{X: &Features{FLocusClash: 1}}, false},
	} {
		var v *veto
		for i := range vetoes {
			if vetoes[i].name == tc.veto {
				v = &vetoes[i]
			}
		}
		if v == nil {
			t.Fatalf("no veto %q", tc.veto)
		}
		if got := v.why(&tc.pi, &tc.c) != ""; got != tc.want {
			t.Errorf("%s on %+v: vetoed = %v, want %v", tc.veto, tc.c.X[FCoverPara], got, tc.want)
		}
	}
}

func TestWeightsNameEveryFeature(t *testing.T) {
	w, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Model.Compile(); err != nil {
		t.Fatal(err)
	}
	for name := range w.Model.Rank {
		if featureIndex(name) < 0 {
			t.Errorf("weights.json names unknown feature %q", name)
		}
	}
	if _, err := (ModelFile{Rank: map[string]float64{"no_such": 1}}).Compile(); err == nil {
		t.Error("a weights file naming an unknown feature compiled")
	}
}

func TestAgreement(t *testing.T) {
	for _, tc := range []struct {
		asked, stated []string
		want          float64
	}{
		{nil, []string{"开工"}, 0},
		{[]string{"开工"}, nil, 0},
		{[]string{"开工"}, []string{"通车", "开工"}, 1},
		{[]string{"通车"}, []string{"开工"}, -1},
	} {
		if got := agreement(tc.asked, tc.stated); got != tc.want {
			t.Errorf("agreement(%v, %v) = %v, want %v", tc.asked, tc.stated, got, tc.want)
		}
	}
}

// 去年 is read before 前年: 去年比前年… asks the later year.
func TestRelativeYear(t *testing.T) {
	for _, tc := range []struct {
		q    string
		back int
		ok   bool
	}{
		{"去年比前年增长多少", 0, true},
		{"前年GDP多少", 1, true},
		{"今年目标多少", -1, true},
		{"至今年接待游客多少", 0, false},
		{"GDP多少", 0, false},
		// A change's base asks no year: the covered year's growth is told.
		{"甲产值比前年涨了多少", 0, false},
		{"甲产业占比前年是多少", 1, true},
		{"甲产值与前年相比增长了多少", 0, false},
		{"甲产值跟前年比涨了多少", 0, false},
	} {
		if back, ok := RelativeYear(tc.q); back != tc.back || ok != tc.ok {
			t.Errorf("RelativeYear(%q) = %d, %v; want %d, %v", tc.q, back, ok, tc.back, tc.ok)
		}
	}
}

func TestAskedYears(t *testing.T) {
	s := Setting{Year: 2020}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"2020年GDP多少", nil},
		{"2019年GDP多少", []string{"2019年"}},
		{"前年GDP多少", []string{"2019年"}},
		{"去年GDP多少", nil},
		// 今年 is the edition's year, one after the covered year.
		{"今年GDP目标多少", []string{"2021年"}},
		{"如今年轻人口占比多少", nil},
		{"当今年轻人口占比多少", nil},
		{"截至今年6月基站有多少", []string{"2021年"}},
		// 前年 after a comparison word is a change's base, which the
		// covered year's growth states; asked on its own it is a year.
		{"去年甲产值比前年涨了多少", nil},
		{"甲产值较前年增长几成", nil},
		{"前年甲产值多少，比前年高吗", []string{"2019年"}},
		{"甲产业占比前年是多少", []string{"2019年"}},
		{"比较前年和去年的甲产值", []string{"2019年"}},
		{"对比前年和去年的甲产值", []string{"2019年"}},
		{"去年甲产值与前年相比增长多少", nil},
	} {
		got := s.askedYears(tc.q)
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("askedYears(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// A question asking where an event was held is read as a venue asked, and
// a sentence naming no place but the documents' own names no venue.
func TestVenueAsked(t *testing.T) {
	for _, tc := range []struct {
		q, sentence string
		venue       bool
		unnamed     bool
	}{
		{"甲音乐节在哪个场地办的", "举办甲音乐节,点击量4.1亿次。", true, true},
		{"甲会在哪个会场举行", "甲会在乙广场举行。", true, false},
		{"甲展在哪个馆办的", "举办甲展,观众10万人次。", true, true},
		// A venue no gazetteer holds, named.
		{"甲节在哪个场馆举行", "第五届甲节在县体育中心举行。", true, false},
		{"哪个馆办的书画展览有32场", "县美术馆全年举办书画展览32场。", true, false},
		// A club's athletes, no event held.
		{"图2是哪个场馆的运动员", "甲馆运动员表演柔道。", false, false},
		// Venues that held events, counted: no place asked.
		{"文化场馆举办了多少场展览", "全县文化场馆全年举办展览42场。", false, false},
		{"民办体育场馆有多少家", "全县民办体育场馆12家。", false, false},
	} {
		p := Analyze(tc.q).Parts[0]
		pi := newPartInfo(Asked{Part: p}, nil, Setting{})
		if pi.asksVenue != tc.venue || pi.placeUnnamed(tc.sentence, Setting{}) != tc.unnamed {
			t.Errorf("%s / %s: venue %v unnamed %v, want %v %v", tc.q, tc.sentence, pi.asksVenue, pi.placeUnnamed(tc.sentence, Setting{}), tc.venue, tc.unnamed)
		}
	}
}

func TestUnseenPlace(t *testing.T) {
	for _, tc := range []struct {
		term Term
		want string
	}{
		{Term{Text: "甲乙镇", Key: true, Unseen: true}, "甲乙镇"},
		{Term{Text: "甲乙街道", Key: true, Unseen: true}, "甲乙街道"},
		// Written by a document, or no name before the kind (城乡), or
		// carried from another part: no place unseen.
		{Term{Text: "甲乙镇", Key: true}, ""},
		{Term{Text: "城乡", Key: true, Unseen: true}, ""},
		{Term{Text: "甲乙村", Key: true, Unseen: true, Context: true}, ""},
		{Term{Text: "甲乙镇", Unseen: true}, ""},
	} {
		if got := unseenPlace([]Term{tc.term}); got != tc.want {
			t.Errorf("unseenPlace(%+v) = %q, want %q", tc.term, got, tc.want)
		}
	}
}

// TestPlaceCutFromItsKind checks that a name the segmenter cut from the
// kind of sub-area after it (甲乙 镇) is a place when the two joined are,
// and not when another word follows it.
func TestPlaceCutFromItsKind(t *testing.T) {
	s := Setting{IsPlace: func(w string) bool { return w == "甲乙镇" }}
	lex := Lexicon{Segment: nounSegmenter([]string{"甲乙", "镇", "人口", "建设"}), Setting: s}
	for q, want := range map[string]bool{"甲乙镇人口多少": true, "甲乙人口多少": false} {
		place := false
		for _, term := range Terms(Analyze(q).Parts[0], lex) {
			place = place || term.Text == "甲乙" && term.Place
		}
		if place != want {
			t.Errorf("%s: 甲乙 a place = %v, want %v", q, place, want)
		}
	}
}

// TestWholeForPart checks that a sentence stating a whole (城乡) for the
// part a question asks of it (城市, 农村) is found, and only when the
// sentence writes the part nowhere, says nothing of a figure shared by
// the parts, and the question does not join the parts into the whole.
func TestWholeForPart(t *testing.T) {
	for _, tc := range []struct {
		q, sentence, want string
	}{
		{"城市甲补对象有多少人", "全县城乡甲补对象共有900人。", "城乡甲补"},
		{"农村甲补金发了多少", "全年发放城乡甲补金500万元。", "城乡甲补"},
		{"城市甲补对象有多少人", "全县城乡甲补对象900人，其中城市甲补200人。", ""},
		{"城市甲补对象有多少人", "全县城乡甲补对象共900人，其中城市200人、农村700人。", ""},
		{"农村甲补标准是多少", "城乡甲补标准统一提高到每人每月700元。", ""},
		{"城市和农村甲补一共多少人", "全县城乡甲补对象8426人。", ""},
		{"城乡甲补对象有多少人", "全县城乡甲补对象共有900人。", ""},
		{"城市甲补对象有多少人", "全县甲补对象共有900人。", ""},
		{"农村乙路修了多少", "城乡公交线路新开3条，修建农村乙路50公里。", ""},
	} {
		if got := wholeForPart(tc.sentence, partsQualified(tc.q)); got != tc.want {
			t.Errorf("%s / %s: %q, want %q", tc.q, tc.sentence, got, tc.want)
		}
	}
}

// TestDivisionWithinPlaceAsked checks that a division asked within a place
// the question names (甲省哪个县) is not told by a sentence naming that
// place alone, while one naming a division in it tells it, and the
// divisions the question chooses between (东区和西区哪个区) still name
// places.
func TestDivisionWithinPlaceAsked(t *testing.T) {
	s := Setting{PlacesIn: func(text string) []string {
		var out []string
		for _, p := range []string{"甲省", "乙县", "东区", "西区", "甲山村"} {
			if strings.Contains(text, p) {
				out = append(out, p)
			}
		}
		return out
	}}
	place := func(ws ...string) []Term {
		var out []Term
		for _, w := range ws {
			out = append(out, Term{Text: w, Key: true, Place: true})
		}
		return out
	}
	for _, tc := range []struct {
		q        string
		places   []Term
		sentence string
		unnamed  bool
	}{
		{"乙队去甲省哪个县考察", place("甲省"), "组织乙队赴甲省考察。", true},
		{"乙队去甲省哪个县考察", place("甲省"), "组织乙队赴甲省乙县考察。", false},
		{"东区和西区哪个区在建项目多", place("东区", "西区"), "东区在建项目50个，西区40个。", false},
		{"甲山哪个村在哪个镇", place("甲山"), "甲山村位于乙镇。", false},
	} {
		p := Analyze(tc.q).Parts[0]
		pi := newPartInfo(Asked{Part: p, Terms: tc.places}, nil, s)
		if got := pi.placeUnnamed(tc.sentence, s); got != tc.unnamed {
			t.Errorf("%s / %s: unnamed %v, want %v", tc.q, tc.sentence, got, tc.unnamed)
		}
	}
}

// TestChangeOfWhole checks that a change told of a whole before 其中 splits
// it is not the change of a part the question asks, while the whole's own
// change, and a part's change told after the split, still answer; a deed
// done more than in a year compared (比上年多修了) asks a change too.
func TestChangeOfWhole(t *testing.T) {
	const sentence = "全县甲路里程2368公里，比上年末增加74公里，其中乙路86公里、丙路312公里。"
	const parted = "全县甲路里程2368公里，比上年末增加74公里，其中乙路86公里，增加10公里。"
	for _, tc := range []struct {
		q, sentence, term string
		want              bool
	}{
		{"乙路比上年多修了几公里", sentence, "乙路", true},
		{"乙路比上年增加了几公里", sentence, "乙路", true},
		{"甲路里程比上年增加了几公里", sentence, "甲路", false},
		{"乙路比上年增加了几公里", parted, "乙路", false},
		{"乙路有多少公里", sentence, "乙路", false},
	} {
		a := Asked{Part: Analyze(tc.q).Parts[0], Terms: []Term{{Text: tc.term, Key: true}}}
		pi := newPartInfo(a, nil, Setting{})
		figs := Figures(tc.sentence)
		if got := pi.changeOfWhole(tc.sentence, Range{0, len(tc.sentence)}, figs); got != tc.want {
			t.Errorf("%s / %s: changeOfWhole = %v, want %v", tc.q, tc.sentence, got, tc.want)
		}
	}
}
