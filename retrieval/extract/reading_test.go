package extract

import (
	"strings"
	"testing"
)

// windowFeatures returns the features of the window of passage p quoting
// exactly quote, for question q, and whether there is one.
func windowFeatures(t *testing.T, q string, nouns []string, p Passage, quote string) Features {
	t.Helper()
	return featuresIn(t, Setting{}, q, nouns, p, quote)
}

// featuresIn is windowFeatures in setting s (the documents' districts,
// also the part's Areas, as the engine gives them).
func featuresIn(t *testing.T, s Setting, q string, nouns []string, p Passage, quote string) Features {
	t.Helper()
	part := Analyze(q).Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns), Setting: s}), Areas: s.Areas}
	for _, c := range Candidates(0, a, []*Prepared{Prepare(p)}, inOrder([]float64{1}, 1), s) {
		if p.Text[c.Start:c.End] == quote {
			if c.X == nil {
				t.Fatalf("%q: window %q vetoed (%s)", q, quote, c.Veto)
			}
			return *c.X
		}
	}
	t.Fatalf("%q: no window %q in %q", q, quote, p.Text)
	return Features{}
}

// A caption's label is part of what its clauses say: a question naming
// the photo covers the caption's words.
func TestCaptionLabelIsCovered(t *testing.T) {
	p := Passage{Text: "运动员在海滨展演。(张三摄影)", Photo: "图7"}
	x := windowFeatures(t, "图7谁拍的", nil, p, p.Text)
	if x[FCoverWindow] == 0 {
		t.Errorf("the label 图7 is not covered in its caption: %v", x.Map())
	}
	// The label does not run into a number opening the caption: 图1
	// before 3万人 is no 图13.
	one := Passage{Text: "3万人参加开幕式。", Photo: "图1"}
	five := Passage{Text: "3万人参加开幕式。", Photo: "图5"}
	x1 := windowFeatures(t, "图13拍的是什么", nil, one, one.Text)
	x5 := windowFeatures(t, "图13拍的是什么", nil, five, five.Text)
	if x1[FCoverWindow] != x5[FCoverWindow] {
		t.Errorf("asked of 图13, 图1's caption opening with 3万人 covers %.3f, 图5's %.3f: want the same", x1[FCoverWindow], x5[FCoverWindow])
	}
}

// An item of a list closed by semicolons shares the subject the first
// item names.
func TestSemicolonItemsShareSubject(t *testing.T) {
	nouns := []string{"东港码头", "航线", "试航"}
	q := "东港码头试航是几月完成的"
	listed := windowFeatures(t, q, nouns, Passage{Text: "6月,完成东港码头验收;11月,航线获批;12月,完成试航。"}, "12月,完成试航。")
	apart := windowFeatures(t, q, nouns, Passage{Text: "6月,完成东港码头验收。11月,航线获批。12月,完成试航。"}, "12月,完成试航。")
	if listed[FCoverSent] <= apart[FCoverSent] {
		t.Errorf("sentence coverage in a semicolon list %.3f, apart %.3f: want more in the list", listed[FCoverSent], apart[FCoverSent])
	}
	// A dated item takes the first item's subject, not the previous one's.
	nouns = []string{"东港码头", "客运量", "主体"}
	q = "东港码头主体是几月完工的"
	first := windowFeatures(t, q, nouns, Passage{Text: "3月,东港码头开工;客运量5万人次;9月,主体完工。"}, "9月,主体完工。")
	alone := windowFeatures(t, q, nouns, Passage{Text: "3月,东港码头开工。客运量5万人次。9月,主体完工。"}, "9月,主体完工。")
	if first[FCoverSent] <= alone[FCoverSent] {
		t.Errorf("a dated item after another subject's item: coverage %.3f, apart %.3f; want the first item's subject", first[FCoverSent], alone[FCoverSent])
	}
	// An item naming its own subject keeps it.
	q = "东港码头货物吞吐量多少"
	nouns = []string{"东港码头", "货物吞吐量", "集装箱吞吐量"}
	own := windowFeatures(t, q, nouns, Passage{Text: "东港码头货物吞吐量5亿吨;集装箱吞吐量2万标准箱。"}, "集装箱吞吐量2万标准箱。")
	single := windowFeatures(t, q, nouns, Passage{Text: "东港码头货物吞吐量5亿吨。集装箱吞吐量2万标准箱。"}, "集装箱吞吐量2万标准箱。")
	if own[FCoverSent] != single[FCoverSent] {
		t.Errorf("an item with its own subject: coverage %.3f in the list, %.3f apart; want the same", own[FCoverSent], single[FCoverSent])
	}
}

// Words the headings hold say which paragraph, not which of its
// sentences: the sentence holding the other words covers what is asked.
func TestCoverHeading(t *testing.T) {
	p := Passage{Chapter: "东港攻势", Section: "概况", Text: "东港攻势推进三大工程。全面完成年度目标任务。"}
	nouns := []string{"东港攻势", "年度目标", "工程"}
	q := "东港攻势年度目标完成了吗"
	first := windowFeatures(t, q, nouns, p, "东港攻势推进三大工程。")
	last := windowFeatures(t, q, nouns, p, "全面完成年度目标任务。")
	if last[FCoverHeading] <= first[FCoverHeading] {
		t.Errorf("cover_heading: last %.3f, first %.3f; want the last higher", last[FCoverHeading], first[FCoverHeading])
	}
}

// A date asked of one stage is not answered by the date of another.
func TestDateEventClash(t *testing.T) {
	nouns := []string{"东港大桥"}
	p := Passage{Text: "6月18日,开工建设东港大桥,全长12公里。"}
	date := windowFeatures(t, "东港大桥哪天通车", nouns, p, p.Text)
	if date[FEventClash] != 1 || date[FDateEventClash] != 1 {
		t.Errorf("a date of 通车 asked, 开工 stated: event_clash %v, date_event_clash %v; want 1, 1", date[FEventClash], date[FDateEventClash])
	}
	length := windowFeatures(t, "通车的东港大桥多少公里", nouns, p, p.Text)
	if length[FEventClash] != 1 || length[FDateEventClash] != 0 {
		t.Errorf("a length asked: event_clash %v, date_event_clash %v; want 1, 0", length[FEventClash], length[FDateEventClash])
	}
}

// Any later item of a semicolon list is also read with the items before
// it (cover_list): a place named once stands for the whole list.
func TestCoverList(t *testing.T) {
	nouns := []string{"东区", "企业", "注册"}
	q := "东区注册企业要多久"
	listed := windowFeatures(t, q, nouns, Passage{Text: "东区优化营商环境;企业开办全程网办,0.5天完成注册。"}, "企业开办全程网办,0.5天完成注册。")
	if listed[FCoverList] <= listed[FCoverSent] {
		t.Errorf("cover_list %.3f, cover_sentence %.3f: want the list to add 东区", listed[FCoverList], listed[FCoverSent])
	}
	apart := windowFeatures(t, q, nouns, Passage{Text: "东区优化营商环境。企业开办全程网办,0.5天完成注册。"}, "企业开办全程网办,0.5天完成注册。")
	if apart[FCoverList] != apart[FCoverSent] {
		t.Errorf("no list: cover_list %.3f, want cover_sentence %.3f", apart[FCoverList], apart[FCoverSent])
	}
}

// Spellings of one stage are one event: 动工 asked, 开工 written agree.
func TestEventSpellings(t *testing.T) {
	for _, tc := range []struct {
		asked, written string
		want           float64
	}{
		{"东港大桥哪天动工", "6月,东港大桥开工建设。", 1},
		{"东港大桥哪天通车", "6月,东港大桥开工建设。", -1},
		{"东港大桥什么时候完工", "9月,东港大桥竣工。", 1},
		{"东港大桥哪年开建", "东港大桥启动建设。", 1}, // starting to build is breaking ground
		{"东港大桥哪年启用", "东港大桥启动建设。", -1},
		{"东港线哪天正式运营", "9月,东港线试运营。", -1}, // a trial is not the opening
		{"东港大桥什么时候批下来的", "6月,东港大桥获批立项。", 1},
		{"甲园区什么时候正式批下来的", "9月,甲园区提交设立申请。", -1}, // applying is not approval
	} {
		if got := agreement(eventsIn(tc.asked), eventsIn(tc.written)); got != tc.want {
			t.Errorf("%s / %s: event agreement %v, want %v", tc.asked, tc.written, got, tc.want)
		}
	}
}

// A quote opening a sentence of parts (其中…) reaches back to the whole
// they split; a quote inside such a sentence does not.
func TestQuoteOfPartsHoldsTheirWhole(t *testing.T) {
	words := map[string]string{"东区": "ns", "西区": "ns", "投资": "n", "完成": "v", "全年": "n"}
	lex := Lexicon{Segment: posSegmenter(words)}
	p := Passage{Chapter: "东区西区攻势", Section: "概况",
		Text: "2020年,攻势开局良好。全年完成投资100亿元;其中东区完成60亿元,西区完成40亿元。"}
	got := strings.Join(factTexts(selectFor("东区和西区一共完成投资多少", lex, nil, p)), " | ")
	if !strings.Contains(got, "100亿元") || !strings.Contains(got, "其中东区") {
		t.Errorf("quote of the parts = %q, want the whole 100亿元 before them", got)
	}
	pp := Prepare(p)
	var parts Range
	for _, s := range pp.sentences {
		if strings.HasPrefix(p.Text[s.r.Start:], "其中") {
			parts = s.r
		}
	}
	if _, _, ok := pp.wholeOf(parts, parts.Start+1); ok {
		t.Error("a window inside the sentence of parts reaches back to the whole")
	}
	start, _, ok := pp.wholeOf(parts, parts.Start)
	if !ok || !strings.HasPrefix(p.Text[start:], "全年完成投资100亿元") {
		t.Errorf("wholeOf the parts starts at %q (%v), want the clause of the whole", p.Text[start:], ok)
	}
}

// A word the segmenter does not know, which a document writes, is as
// specific as a listed one; one no document writes is a paraphrase.
func TestFragmentsTheDocumentsWriteAreKey(t *testing.T) {
	words := map[string]string{"码头": "n", "完成": "v"}
	for _, tc := range []struct {
		seen bool
		want bool
	}{{true, true}, {false, false}} {
		// The segmenter leaves the characters of a word it lacks untagged.
		seg := func(s string) []Token {
			toks := posSegmenter(words)(s)
			for i := range toks {
				if toks[i].Pos == "x" {
					toks[i].Pos = ""
				}
			}
			return toks
		}
		lex := Lexicon{Segment: seg, Seen: func(w string) bool { return tc.seen && w == "试航" || words[w] != "" }}
		part := Analyze("码头试航是几月完成的").Parts[0]
		var got *Term
		for _, tm := range Terms(part, lex) {
			if tm.Text == "试航" {
				got = &tm
			}
		}
		if got == nil {
			t.Fatalf("no term 试航 in %v", Terms(part, lex))
		}
		if got.Key != tc.want {
			t.Errorf("试航 written by a document: %v; key = %v, want %v", tc.seen, got.Key, tc.want)
		}
	}
}

// The word a 多少 question measures must stand in the sentence: a
// sentence with the question's other words measures something else.
func TestMeasureMiss(t *testing.T) {
	nouns := []string{"民间投资", "政府投资", "投资", "全市", "项目"}
	q := "全市民间投资多少"
	other := windowFeatures(t, q, nouns, Passage{Text: "全市项目政府投资7亿元。"}, "全市项目政府投资7亿元。")
	same := windowFeatures(t, q, nouns, Passage{Text: "全市民间投资40亿元。"}, "全市民间投资40亿元。")
	if other[FMeasureMiss] != 1 || same[FMeasureMiss] != 0 {
		t.Errorf("measure_miss: %.2f for another measure, %.2f for the asked one; want 1 and 0", other[FMeasureMiss], same[FMeasureMiss])
	}
}

// A number the question states (超过50亿元的) that the sentence does not
// write marks another threshold; a names question answered by a count of
// the things asked for names none of them.
func TestStatedMissAndCountedHead(t *testing.T) {
	nouns := []string{"投资", "项目", "乡镇", "先进"}
	q := "投资超过50亿元的项目有几个"
	other := windowFeatures(t, q, nouns, Passage{Text: "投资超过30亿元的项目达7个。"}, "投资超过30亿元的项目达7个。")
	same := windowFeatures(t, q, nouns, Passage{Text: "投资超过50亿元的项目达2个。"}, "投资超过50亿元的项目达2个。")
	if other[FStatedMiss] != 1 || same[FStatedMiss] != 0 {
		t.Errorf("stated_miss: %.0f for another threshold, %.0f for the asked one; want 1 and 0", other[FStatedMiss], same[FStatedMiss])
	}
	// A number held up to be checked (听说…, …吗) may be wrong: no miss.
	claim := windowFeatures(t, "听说投资超过50亿元的项目有3个？", nouns, Passage{Text: "投资超过30亿元的项目达7个。"}, "投资超过30亿元的项目达7个。")
	if claim[FStatedMiss] != 0 {
		t.Errorf("stated_miss of a claim to check = %.0f, want 0", claim[FStatedMiss])
	}
	counted := windowFeatures(t, "获评先进的是哪三个乡镇", nouns, Passage{Text: "3个乡镇获评先进。"}, "3个乡镇获评先进。")
	if counted[FCountedHead] != 1 {
		t.Errorf("counted_head of a count of the asked = %.0f, want 1", counted[FCountedHead])
	}
}

// A fact grown by a merge that now reaches a third one takes it in too:
// no text is quoted twice.
func TestAddFactMergesWhatAMergeReaches(t *testing.T) {
	a := Fact{Passage: 0, Start: 0, End: 10, sentence: Range{0, 10}, Parts: []int{0}}
	b := Fact{Passage: 0, Start: 35, End: 50, sentence: Range{35, 50}, Parts: []int{1}}
	c := Fact{Passage: 0, Start: 12, End: 50, sentence: Range{0, 10}, Parts: []int{2}}
	got := addFact(addFact(addFact(nil, a), b), c)
	if len(got) != 1 || got[0].Start != 0 || got[0].End != 50 || len(got[0].Parts) != 3 {
		t.Errorf("facts after the merge = %+v, want one from 0 to 50 with three parts", got)
	}
	other := Fact{Passage: 1, Start: 0, End: 50, sentence: Range{0, 50}}
	if got := addFact(got, other); len(got) != 2 {
		t.Errorf("a fact of another passage merged: %+v", got)
	}
}

// A later item of a semicolon list is read with the earlier ones for the
// word a 多少 question measures: the first item often names it.
func TestMeasureMissReadsTheList(t *testing.T) {
	nouns := []string{"投资", "东区", "西区"}
	p := Passage{Text: "全年完成投资100亿元;其中东区完成60亿元;西区完成40亿元。"}
	x := windowFeatures(t, "西区投资多少", nouns, p, "西区完成40亿元。")
	if x[FMeasureMiss] != 0 {
		t.Errorf("measure_miss of a list item whose list names the measure = %.2f, want 0", x[FMeasureMiss])
	}
}

// 排 with a count of places asks a rank only when the words between are
// a scope; a count of people stays a count.
func TestAsksPlaceInRanking(t *testing.T) {
	for q, want := range map[string]bool{
		"港口指数排全省多少名": true, "排在全国几位": true, "排多少名": true,
		"排在全省前十的有多少名": false, "排队的有多少名": false,
	} {
		if got := asksPlaceInRanking(q); got != want {
			t.Errorf("asksPlaceInRanking(%q) = %v, want %v", q, got, want)
		}
	}
}

// A count of kinds runs from two to ten; 二十大 names a congress.
func TestKindsCountBounds(t *testing.T) {
	for text, want := range map[string]int{"党的二十大召开": 0, "十大工程": 1, "三大产业": 1, "一大批项目": 0} {
		n := 0
		for _, f := range Figures(text) {
			if f.Kind == KindNumber && f.Unit == "大" {
				n++
			}
		}
		if n != want {
			t.Errorf("counts of kinds in %q: %d, want %d", text, n, want)
		}
	}
}

// A window opening a sentence of parts is quoted with the whole they
// split, so it answers a question about the total; a later part alone
// does not.
func TestPartOfTotalOnlyInsideTheParts(t *testing.T) {
	nouns := []string{"东区", "西区", "投资"}
	p := Passage{Text: "全年完成投资100亿元。其中东区完成60亿元,西区完成40亿元。"}
	q := "东区西区一共完成投资多少"
	opening := windowFeatures(t, q, nouns, p, "其中东区完成60亿元,西区完成40亿元。")
	inside := windowFeatures(t, q, nouns, p, "西区完成40亿元。")
	if opening[FPartOfTotal] != 0 || inside[FPartOfTotal] != 1 {
		t.Errorf("part_of_total: %.0f for the window opening the parts, %.0f for a later part; want 0 and 1", opening[FPartOfTotal], inside[FPartOfTotal])
	}
}
