package extract

import "testing"

// windowFeatures returns the features of the window of passage p quoting
// exactly quote, for question q, and whether there is one.
func windowFeatures(t *testing.T, q string, nouns []string, p Passage, quote string) Features {
	t.Helper()
	part := Analyze(q).Parts[0]
	a := Asked{Part: part, Terms: Terms(part, Lexicon{Segment: nounSegmenter(nouns)})}
	for _, c := range Candidates(0, a, []*Prepared{Prepare(p)}, []float64{1}, Setting{}) {
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
	p := Passage{Text: "6月,开工建设东港大桥,全长12公里。"}
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
		{"东港线哪天正式运营", "9月,东港线试运营。", -1}, // a trial is not the opening
	} {
		if got := agreement(eventsIn(tc.asked), eventsIn(tc.written)); got != tc.want {
			t.Errorf("%s / %s: event agreement %v, want %v", tc.asked, tc.written, got, tc.want)
		}
	}
}
