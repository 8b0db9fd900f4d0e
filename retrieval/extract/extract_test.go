package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func figureTexts(s string, kind Kind) []string {
	var out []string
	for _, f := range Figures(s) {
		if kind == 0 || f.Kind == kind {
			out = append(out, f.Text(s))
		}
	}
	return out
}

func TestFiguresAreQuotedAsWritten(t *testing.T) {
	for _, tc := range []struct {
		text string
		kind Kind
		want []string
	}{
		{"集装箱吞吐量2201万标准箱，增长4.7%。", KindNumber, []string{"2201万标准箱", "4.7%"}},
		{"推进时尚产业项目1200余个，播放390余场，约占全国的1/7，由1∶1提高到30∶1", KindNumber, []string{"1200余个", "390余场", "1/7", "1∶1", "30∶1"}},
		{"资产总额达2.54万亿元，海水淡化能力达每日22.4万立方米", KindNumber, []string{"2.54万亿元", "22.4万立方米"}},
		{"2020年6月底，完成竣工验收；11月，飞行程序获批；图132020年3月30日", KindDate, []string{"2020年6月底", "11月", "3月30日"}},
		{"均居全国第五位，居全国港口首位，两市分别居第47和第75位，升至全国县级市第4名", KindRank, []string{"第五位", "首位", "第47", "第75位", "第4名"}},
		{"第三十届青岛国际啤酒节，入选首批示范", KindRank, nil},
		{"第三十届青岛国际啤酒节", KindOrdinal, []string{"第三十届"}},
	} {
		if got := figureTexts(tc.text, tc.kind); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Figures(%q) kind %d = %q, want %q", tc.text, tc.kind, got, tc.want)
		}
	}
}

func TestFiguresTellChangesFromLevels(t *testing.T) {
	s := "全市海洋生产总值增长6.1%；财政支出分别增长68.1%、29.7%和14.6%；录取率由62%增长至68%"
	var changes, levels []string
	for _, f := range Figures(s) {
		if f.Change {
			changes = append(changes, f.Text(s))
		} else {
			levels = append(levels, f.Text(s))
		}
	}
	if want := []string{"6.1%", "68.1%", "29.7%", "14.6%"}; !reflect.DeepEqual(changes, want) {
		t.Errorf("changes = %q, want %q", changes, want)
	}
	if want := []string{"62%", "68%"}; !reflect.DeepEqual(levels, want) {
		t.Errorf("levels = %q, want %q", levels, want)
	}
}

func TestSentencesKeepBracketsWhole(t *testing.T) {
	text := "“一统领三融合”(以农村基层党组织统领发展融合，下同)获评首批案例。平度市增长21.5%；莱西市增长30.1%。"
	var got []string
	for _, r := range Sentences(text) {
		got = append(got, text[r.Start:r.End])
	}
	want := []string{"“一统领三融合”(以农村基层党组织统领发展融合，下同)获评首批案例。", "平度市增长21.5%；", "莱西市增长30.1%。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
	var clauses []string
	for _, r := range Clauses(text, Sentences(text)[0]) {
		clauses = append(clauses, text[r.Start:r.End])
	}
	if len(clauses) != 1 {
		t.Errorf("a comma inside brackets split the clause: %q", clauses)
	}
}

func TestSentencesKeepTrailingNote(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"运动员进行技术展演。(张三摄影)", []string{"运动员进行技术展演。(张三摄影)"}},
		{"新建公园3处。（数据来源：市统计局）。下一句。", []string{"新建公园3处。（数据来源：市统计局）。", "下一句。"}},
		// A sentence that only starts with a bracket is its own.
		{"新建公园3处。(一)绿化工作成效明显。", []string{"新建公园3处。", "(一)绿化工作成效明显。"}},
		{"(张三摄影)", []string{"(张三摄影)"}},
	} {
		var got []string
		for _, r := range Sentences(tc.text) {
			got = append(got, tc.text[r.Start:r.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestContextFlowsForward(t *testing.T) {
	q := Analyze("港口吞吐量多少？全国排第几？机场呢多少")
	if len(q.Parts) != 3 {
		t.Fatalf("parts %+v, want 3", q.Parts)
	}
	for i, want := range []string{"", "港口吞吐量", "港口吞吐量 全国"} {
		if got := q.Parts[i].Context; got != want {
			t.Errorf("part %d context %q, want %q", i, got, want)
		}
	}
}

func TestCanon(t *testing.T) {
	for in, want := range map[string]string{
		"第三十届": "第30届", "千亿": "1000亿", "五大国际客厅": "5大国际客厅", "百强": "100强",
		"一百零八": "108", "全国首批": "全国第1批", "2.54万亿元": "2.54万亿元",
		"3个区(市)入选": "3个区市入选", "首台（套）": "首台套", "母基金首期": "母基金第1期",
		// A white circle beside Chinese digits is their zero; alone it is a mark.
		"省道二○五": "省道205", "二○○一年": "2001年", "○ 三项": "○ 3项", "○三大任务": "○3大任务",
		// A power prefixing a unit or after digits is no number; 公里 is 千米.
		"时速90千米": "时速90千米", "时速90公里": "时速90千米", "千米": "千米", "公里": "千米",
		"220千伏": "220千伏", "3千亿": "3千亿", "三千米": "3000米", "千亿元": "1000亿元",
		// Marks dropped between numbers leave them apart.
		"“1+1+7”(1个指挥部": "1+1+7 1个指挥部", "“三”(五个)": "3 5个", "“甲”(3个)": "甲3个",
	} {
		if got := Canon(in); got != want {
			t.Errorf("Canon(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnalyze(t *testing.T) {
	type part struct {
		key   string
		wants []Want
		unit  string
	}
	for _, tc := range []struct {
		q    string
		want []part
	}{
		{"青岛港2020年集装箱吞吐量多少?全国排第几?", []part{{"青岛港2020年集装箱吞吐量", []Want{WantNumber}, ""}, {"全国", []Want{WantRank}, ""}}},
		{"青岛去年海洋生产总值总量是多少亿?", []part{{"青岛去年海洋生产总值总量是", []Want{WantNumber}, UnitYi}}},
		{"胶东机场竣工验收是什么时候", []part{{"胶东机场竣工验收是", []Want{WantDate}, ""}}},
		{"五大国际客厅都有哪几个", []part{{"五大国际客厅都有", []Want{WantNames}, ""}}},
		{"突破平度莱西攻势的周简报全年出了几期", []part{{"突破平度莱西攻势的周简报全年出", []Want{WantNumber}, "期"}}},
		{"海洋领域新签了多少项目", []part{{"海洋领域新签了 项目", []Want{WantNumber}, ""}}},
		{"去年迁走了多少户口", []part{{"去年迁走了 户口", []Want{WantNumber}, ""}}}, // 户口 is no count of 户
		{"驻青高校毕业生留在青岛的比例是多少", []part{{"驻青高校毕业生留在青岛的比例是", []Want{WantNumber}, UnitPercent}}},
		{"甲乙市的风电装机占全省几分之几", []part{{"甲乙市的风电装机占全省", []Want{WantNumber}, UnitPercent}}},
		{"青岛去年实际利用外资多少钱", []part{{"青岛去年实际利用外资", []Want{WantNumber}, UnitMoney}}},
		{"航运贸易金融那个攻势,三大产业发展得咋样", []part{{"航运贸易金融那个攻势 三大产业发展得", nil, ""}}},
		{"浒苔处置", []part{{"浒苔处置", nil, ""}}},
		// Items named and compared: each item's figure is asked, not a name.
		{"东区和西区谁完成投资更多", []part{{"东区完成投资", []Want{WantNumber}, UnitMoney}, {"西区完成投资", []Want{WantNumber}, UnitMoney}}},
		{"港口还是机场哪个吞吐量大", []part{{"港口吞吐量", []Want{WantNumber}, ""}, {"机场吞吐量", []Want{WantNumber}, ""}}},
		// A list whose last item runs much longer may carry shared words: whole.
		{"东区和西区在全省榜单上谁排得高", []part{{"东区和西区在全省榜单上 排得", []Want{WantNumber}, ""}}},
		// The list may stand before a comma, its question after it.
		{"港口货物吞吐量和机场旅客吞吐量,各是多少", []part{{"港口货物吞吐量是", []Want{WantNumber}, ""}, {"机场旅客吞吐量是", []Want{WantNumber}, ""}}},
		// Items joined by a spaced + or vs are asked each on its own.
		{"东港客运量 + 车位数", []part{{"东港客运量", nil, ""}, {"车位数", nil, ""}}},
		{"码头航线几条 + 码头岸线长度", []part{{"码头航线", []Want{WantNumber}, "条"}, {"码头岸线长度", nil, ""}}},
		{"东区投资 vs 西区投资", []part{{"东区投资", nil, ""}, {"西区投资", nil, ""}}},
		// Compared or distributed over, they are a list (A vs B 哪个大).
		{"东区投资 vs 西区投资 哪个大", []part{{"东区投资", []Want{WantNumber}, UnitMoney}, {"西区投资", []Want{WantNumber}, UnitMoney}}},
		// A spaced 和 stays a word of the list, not a joiner of parts.
		{"东区 和 西区 各投资多少", []part{{"东区投资", []Want{WantNumber}, UnitMoney}, {"西区投资", []Want{WantNumber}, UnitMoney}}},
		// A + inside a name joins nothing.
		{"人工智能+攻势投资多少", []part{{"人工智能+攻势投资", []Want{WantNumber}, UnitMoney}}},
		// A superlative over items not named asks a name.
		{"哪个区投资最多", []part{{"区投资最多", []Want{WantNames}, ""}}},
		// 哪一天 and 哪一年 ask when, although 哪一个 asks which.
		{"新码头是哪一天启用的", []part{{"新码头是 启用", []Want{WantDate}, ""}}},
		{"这份规划管到哪一年", []part{{"这份规划管到", []Want{WantDate}, ""}}},
		{"哪一个区投资最多", []part{{"区投资最多", []Want{WantNames}, ""}}},
		// 排 and a count of places asks a place in a ranking; 排队 does not.
		{"港口指数排全省多少名", []part{{"港口指数排全省", []Want{WantRank}, ""}}},
		{"排队的有多少名", []part{{"排队的有", []Want{WantNumber}, "名"}}},
		{"这个攻势讲的是几大产业", []part{{"这个攻势讲的是 产业", []Want{WantNumber}, "大"}}},
		{"增速高出几个点", []part{{"增速高出", []Want{WantNumber}, "个点"}}},
		// A sum of money asked: an amount, not a count or a rate.
		{"签约项目总投资是多少", []part{{"签约项目总投资是", []Want{WantNumber}, UnitMoney}}},
		{"签约项目有多少个", []part{{"签约项目有", []Want{WantNumber}, "个"}}},
		{"固定资产投资增长多少", []part{{"固定资产投资增长", []Want{WantNumber}, ""}}},
		// A piece closed by a question mark is a question of its own.
		{"母基金二期规模？新建了几家中心", []part{{"母基金二期规模", nil, ""}, {"新建了 中心", []Want{WantNumber}, "家"}}},
	} {
		q := Analyze(tc.q)
		var got []part
		for _, p := range q.Parts {
			got = append(got, part{p.Key, p.Wants, p.Unit})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Analyze(%q) = %+v, want %+v", tc.q, got, tc.want)
		}
	}
	// Items of one list are no subject of each other; an earlier part is.
	q := Analyze("港口吞吐量多少？东区和西区各投资多少")
	if len(q.Parts) != 3 || strings.Contains(q.Parts[2].Context, "东区") || !strings.Contains(q.Parts[2].Context, "港口") {
		t.Errorf("listed items carry each other as context, or lose the earlier part: %+v", q.Parts)
	}
	q = Analyze("全球独角兽500强青岛占几家?北方城市里排第几")
	if len(q.Parts) != 2 || !strings.Contains(q.Parts[1].Context, "独角兽") {
		t.Errorf("the second part does not carry the shared subject: %+v", q.Parts)
	}
	if !slices.Contains(q.Parts[0].Given, "500") {
		t.Errorf("Given = %q, want the 500 of the question", q.Parts[0].Given)
	}
}

// ask runs the fitted selector (the embedded weights) with a small segmenter over the given nouns (key words)
// and a few verbs: enough to stand in for gse.
func ask(q string, nouns []string, passages ...Passage) []Fact {
	words := map[string]Token{}
	for _, w := range nouns {
		words[w] = Token{Text: w, Pos: "n", Freq: 100, Known: true}
	}
	for _, w := range []string{"增长", "下降", "转场", "总量"} {
		words[w] = Token{Text: w, Pos: "v", Freq: 5000, Known: true}
	}
	return selectFor(q, Lexicon{Segment: dictSegmenter(words)}, nil, passages...)
}

// selectFor analyses q, builds each part's terms with lex and chooses the
// facts that answer it from passages with the embedded weights; areas are
// the districts of Asked.
func selectFor(q string, lex Lexicon, areas []string, passages ...Passage) []Fact {
	var asked []Asked
	for _, p := range Analyze(q).Parts {
		asked = append(asked, Asked{Part: p, Terms: Terms(p, lex), Areas: areas})
	}
	w, err := DefaultWeights()
	if err != nil {
		panic(err)
	}
	m, err := w.Model.Compile()
	if err != nil {
		panic(err)
	}
	pre := make([]*Prepared, len(passages))
	for i, p := range passages {
		pre[i] = Prepare(p)
	}
	ranks := make([][]Ranked, len(asked))
	for i := range ranks {
		ranks[i] = inOrder(nil, len(pre))
	}
	facts, _ := Choose(asked, pre, ranks, Setting{Areas: areas}, m)
	return facts
}

// dictSegmenter cuts the longest word of words (up to 8 runes) at each
// position as the token given for it; other characters come one by one as
// symbols with no part of speech known.
func dictSegmenter(words map[string]Token) func(string) []Token {
	return func(s string) []Token {
		var out []Token
		rs := []rune(s)
		for i := 0; i < len(rs); {
			tok := Token{Text: string(rs[i]), Pos: "x"}
			for n := min(len(rs)-i, 8); n >= 2; n-- {
				if w, ok := words[string(rs[i:i+n])]; ok {
					tok = w
					break
				}
			}
			out = append(out, tok)
			i += len([]rune(tok.Text))
		}
		return out
	}
}

var port = Passage{Chapter: "海洋攻势", Section: "港口航运大幅提升",
	Text: "2020年，青岛市港口实现货物吞吐量6.05亿吨，增长4.7%；集装箱吞吐量2201万标准箱，增长4.7%。货物和集装箱吞吐量均居全国第五位。海铁联运箱量完成165万标准箱(居全国港口首位)，增长19.6%。"}

var ocean = Passage{Chapter: "海洋攻势", Section: "概况",
	Text: "2020年，青岛市打好海洋攻势，推动海洋经济发展持续稳中向好。全市海洋生产总值增长6.1%；涉海固定资产投资增速达9.3%，高于全市固定资产投资增速6.1个百分点。"}

func factTexts(fs []Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

func TestSelectQuotesTheClausesThatAnswer(t *testing.T) {
	keys := []string{"集装箱", "吞吐量", "海铁", "联运"}
	got := factTexts(ask("集装箱吞吐量多少?全国排第几?", keys, ocean, port))
	want := []string{"集装箱吞吐量2201万标准箱", "货物和集装箱吞吐量均居全国第五位。"}
	if len(got) != len(want) {
		t.Errorf("facts = %q, want one for each of %q", got, want)
	}
	for i := range min(len(got), len(want)) {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("fact %d = %q, want it to quote %q", i, got[i], want[i])
		}
	}
	fs := ask("海铁联运全国排老几", keys, port)
	if len(fs) != 1 || !strings.Contains(fs[0].Text, "首位") || !strings.Contains(fs[0].Text, "165万标准箱") {
		t.Errorf("facts = %q, want the 165万标准箱 clause with 首位", factTexts(fs))
	}
	for _, f := range fs {
		for _, r := range f.Figures {
			if fig := f.Text[r.Start:r.End]; fig != "首位" {
				t.Errorf("marked %q, want only the rank asked", fig)
			}
		}
	}
}

func TestSelectAbstains(t *testing.T) {
	keys := []string{"海洋", "生产总值", "胶东机场", "投运", "刑事案件", "机场"}
	for _, tc := range []struct {
		q  string
		ps []Passage
	}{
		// A growth rate does not answer a total in 亿.
		{"海洋生产总值总量是多少亿", []Passage{ocean, port}},
		// A level was asked, the text only has the change.
		{"海洋生产总值是多少", []Passage{ocean}},
		// A key word no passage holds.
		{"刑事案件下降了多少", []Passage{ocean, port}},
		{"胶东机场哪天转场投运", []Passage{{Chapter: "交通基础设施建设攻势", Section: "机场建设",
			Text: "2020年6月底，完成青岛胶东国际机场竣工验收；12月，完成校飞工作。完成1500个出租车停车位建设，保障机场转场运输需求。"}}},
	} {
		if fs := ask(tc.q, keys, tc.ps...); len(fs) > 0 {
			t.Errorf("%s: answered %q, want no answer", tc.q, factTexts(fs))
		}
	}
	if fs := ask("海洋生产总值增长了多少", keys, ocean); len(fs) != 1 || !strings.Contains(fs[0].Text, "6.1%") {
		t.Errorf("the growth asked is answered: got %q", factTexts(fs))
	}
}

// A change word asks for a change unless it is what a count of years
// counts, says what is new (新增加 asks what 新增 answers) or goes on to
// the thing cut or added.
func TestChangeAsked(t *testing.T) {
	for q, want := range map[string]bool{
		"甲类排放连续几年减少了":    false, // the years are counted
		"甲港去年新增加了多少":     false,
		"设备更新增加了多少":      true,
		"审批时间减少了几天":      true,
		"甲港吞吐量比上年增长多少":   true,
		"甲港吞吐量增长到多少万吨了":  false,
		"甲港给商户降了多少费":     false, // the amount of fees cut
		"甲港吞吐量降了多少":      true,
		"甲港吞吐量下降了多少吨":    true,
		"近几年甲港吞吐量增长了多少":  true, // a time frame, not the count
		"甲厂技术创新增长多少":     true,
		"甲港吞吐量增长了多少呢":    true,
		"甲港吞吐量增长几成":      true,
		"甲港出口额增长了多少亿美元":  true,
		"甲厂装机容量增加了多少万千瓦": true,
		"甲港吞吐量增长了多少啦":    true,
		"甲港吞吐量增长了多少相比去年": true,
		"甲港减少了多少租金":      false,
		"乙空港起降了多少架次":     false, // 起降 is no fall
		"乙空港全年起降了多少架次":   false,
		"新增加了多少泊位":       false,
		"甲港出口额增长了多少亿美元吧": true,
		"甲港吞吐量增长几成吧":     true,
		"甲地确诊病例增加了多少例":   true,
		"甲市人口增长了几十万":     true,
		"甲市增加了多少万个就业岗位":  false,
		"甲港吞吐量增长了多少去年":   true,
		"甲市收费从7月起降了多少":   true,  // 起降 across a date is a fall
		"甲类排放 连续几年减少了":   false, // a typed space is no second question word
	} {
		if got := Analyze(q).Parts[0].Change; got != want {
			t.Errorf("%s: Change = %v, want %v", q, got, want)
		}
	}
}

// Percentage points measure a difference: a question asking them wants
// the figure of a comparison, written with or without a change word. In
// speech a growth is told in points too (增长几个点: a percentage).
func TestPercentagePointsAskChange(t *testing.T) {
	for _, q := range []string{"东区投资比全区高几个百分点", "东区投资增速比全区高出几个百分点", "东区投资比全区快几个点"} {
		p := Analyze(q).Parts[0]
		if !p.Change {
			t.Errorf("%s: Change = false, want true", q)
		}
		text := "东区投资增长9.5%,高于全区3.2个百分点。"
		ok := false
		for _, f := range Figures(text) {
			ok = ok || f.Text(text) == "3.2个百分点" && acceptable(f, text, p)
		}
		if !ok {
			t.Errorf("%s: 3.2个百分点 of %s not acceptable", q, text)
		}
	}
	// A count of sites is no points.
	sites := "东区设置监测点位12个。"
	for _, q := range []string{"东区设了几个点位", "东区核酸采样有几个点"} {
		p := Analyze(q).Parts[0]
		ok := false
		for _, f := range Figures(sites) {
			ok = ok || f.Text(sites) == "12个" && acceptable(f, sites, p)
		}
		if !ok || p.Change {
			t.Errorf("%s: 12个 of %s acceptable = %v, Change = %v; want true, false", q, sites, ok, p.Change)
		}
	}
	text := "甲项支出增长12.5%,乙项支出达300亿元。"
	p := Analyze("甲项支出增长几个点").Parts[0]
	for _, f := range Figures(text) {
		if got, want := acceptable(f, text, p), f.Text(text) == "12.5%"; got != want {
			t.Errorf("甲项支出增长几个点: %s acceptable = %v, want %v", f.Text(text), got, want)
		}
	}
}
