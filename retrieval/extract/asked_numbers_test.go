package extract

import (
	"slices"
	"testing"
)

func TestStatedNumbers(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"投资超过50亿元的项目有几个", []string{"50"}},
		{"2020年新增多少家", nil},
		{"2019年和2021年比", nil},
		{"2019的数字", nil},
		{"图13拍的是哪里", nil},
		{"120个项目里东区占多少", []string{"120"}},
		{"3.5万吨以上的码头有几个", []string{"3.5"}},
		{"2000辆以上的车队有几个", []string{"2000"}},
		{"2000多家企业里有几家", []string{"2000"}},
		// Chinese numerals mostly stand in words: left to the text.
		{"哪一天开的", nil},
	} {
		if got := statedNumbers(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("statedNumbers(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestNumberIn(t *testing.T) {
	for _, tc := range []struct {
		text, n string
		want    bool
	}{
		{"超过50亿元的达3个", "50", true},
		{"超过150亿元", "50", false},
		{"达50.5亿元", "50", false},
		{"第50.", "50", true},
		{"30亿元和50亿元", "50", true},
		{"没有数字", "50", false},
		{"以5结尾的5", "", false},
	} {
		if got := numberIn(tc.text, tc.n); got != tc.want {
			t.Errorf("numberIn(%q, %q) = %v, want %v", tc.text, tc.n, got, tc.want)
		}
	}
}

func TestMissesStated(t *testing.T) {
	if !missesStated([]string{"50"}, "投资超过30亿元的达7个") {
		t.Error("a sentence with another threshold misses the one asked")
	}
	if missesStated([]string{"50"}, "投资超过50亿元的达2个") {
		t.Error("a sentence writing the number asked does not miss it")
	}
	if missesStated(nil, "任何句子") {
		t.Error("a question stating no number misses none")
	}
}

func TestCountedOnly(t *testing.T) {
	heads := []Term{{Text: "县", Head: true}}
	others := []Term{{Text: "获评"}}
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"3个县获评先进,2个县获评示范", true},
		{"获评的县为甲县和乙县,共2个县", false},
		{"甲地和乙地获评先进", false},
		{"获评先进的有北县", false},
		// A list of names leading up to the count names them.
		{"东部、西部等3个县获评先进", false},
		{"东部、西部获评示范,3个县获评先进", true},
		{"甲县、乙县2个县获评先进", false},
		{"经济、社会发展指标居前的3个县获评先进", true},
		// The head written again of others of its kind names none of
		// them; in a list, after a title, as a short name opening its
		// clause or ending it after 即, or beside another word of the
		// question, it may. Windows are canonical: quotes are dropped.
		{"3个县获评先进,是全省参评县获得的最好成绩", true},
		{"3个县获评先进,分别为甲县、乙县和丙县", false},
		{"3个县获评先进,即东西县", false},
		{"3个县获评先进,甲县居首", false},
		{"3个县获评先进,是全省参评县,创历史最好", true},
		{"3个县获评先进,《甲乙》县居首", false},
		{"3个县获评先进,东部县获评示范", false},
	} {
		if got := countedOnly(tc.window, heads, others); got != tc.want {
			t.Errorf("countedOnly(%q) = %v, want %v", tc.window, got, tc.want)
		}
	}
}

func TestStatedOrdinals(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"第十八届节会接待游客多少", []string{"18"}},
		{"第十批名单有几家", []string{"10"}},
		// Digits are statedNumbers'; the first is written in many ways;
		// an ordinal asked names no number; a name is no ordinal.
		{"第30届节会接待游客多少", nil},
		{"第一批名单有几家", nil},
		{"第几届", nil},
		{"二十九个项目", nil},
		{"第三产业增加值多少", nil},
		{"第十四个五年规划投资多少", nil},
	} {
		if got := statedOrdinals(tc.q, Canon(tc.q)); !slices.Equal(got, tc.want) {
			t.Errorf("statedOrdinals(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestGivenCounts(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []givenCount
	}{
		{"获评的4个乡镇叫什么", []givenCount{{"4个", "乡镇", "乡镇", "", "获评"}}},
		{"是哪三所", []givenCount{{"3所", "", "", "", "是哪"}}},
		// An adverb after the count is no noun counted; 都 opening a
		// noun is.
		{"那10家都是谁", []givenCount{{"10家", "", "", "", "那"}}},
		{"入选的3个都市圈是哪些", []givenCount{{"3个", "都市圈", "都市圈", "", "入选"}}},
		{"第2批入选的是哪些", nil},
		{"首个入选的是哪个", nil},
		{"投资50亿元的是哪个", nil},
		// A threshold the things named pass, an approximation, or a count
		// qualifying another noun is no count of them.
		{"拥有5家以上上市公司的区有哪些", nil},
		{"超过5家的是哪些区", nil},
		{"拥有5家上市公司的区有哪些", nil},
		{"员工达500名的企业是哪些", nil},
		{"约3所学校入选,是哪些", nil},
		{"哪些区有5家以上上市公司", nil},
		{"哪些区上市公司超过5家", nil},
		// A 的 asking the names keeps the count.
		{"这4个乡镇的名称是什么", []givenCount{{"4个", "乡镇", "乡镇", "", "这"}}},
		// The noun read whole keeps its end (示范区), which a window may
		// write before the count.
		{"那10个甲乙示范区分别是哪些", []givenCount{{"10个", "甲乙示", "示范区", "范区", "那"}}},
		// Its kind is its last two characters; 具体 asks, it counts nothing.
		{"那9家乙丙丁强企业具体是哪些", []givenCount{{"9家", "乙丙丁", "强企业", "企业", "那"}}},
		// A count opening the question before a verb of being chosen
		// counts the noun after its 的; before a noun (5家公司所在的区) it
		// qualifies another.
		{"6家入选乙丙丁榜的企业是哪些", []givenCount{{"6家", "入选乙", "企业", "", ""}}},
		{"5家乙类公司所在的区是哪个", nil},
		// People counted are named too; 名单 asks the names, no noun.
		{"获评乙类人才的9人都是谁", []givenCount{{"9人", "", "", "", "获评乙类人才"}}},
		{"那6家乙丙企业名单有哪些", []givenCount{{"6家", "乙丙企", "丙企业", "企业", "那"}}},
		// 除 inside a word (除险加固) sets nothing aside.
		{"那5座除险加固水库分别是哪些", []givenCount{{"5座", "除险加", "固水库", "水库", "那"}}},
	} {
		if got := givenCounts(Canon(tc.q)); !slices.Equal(got, tc.want) {
			t.Errorf("givenCounts(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestCountsGivenOfPeople checks that a count of people asked with 个
// (12个带头人都是谁) is restated by the text's 12人.
func TestCountsGivenOfPeople(t *testing.T) {
	counts := []givenCount{{"12个", "带头人", "带头人", "头人", ""}}
	if !countsGiven("全市有12人获评带头人", counts, nil) {
		t.Error("12人获评带头人 restates 12个带头人")
	}
	if countsGiven("全市有112人获评带头人", counts, nil) {
		t.Error("112人 is another count")
	}
}

func TestCountsGiven(t *testing.T) {
	counts := []givenCount{{"4个", "乡镇", "乡镇", "", ""}}
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"2个乡镇获评甲称号,4个乡镇获评乙称号", true},
		{"4个乡镇获评乙称号", true},
		{"全区有4个乡镇获评", true},
		// Names before or after the count name them; another count is
		// no match.
		{"东镇和西镇等4个乡镇获评乙称号", false},
		{"东镇、西镇、北镇、南镇4个乡镇获评", false},
		{"4个乡镇获评：东镇、西镇、北镇、南镇", false},
		{"全区有4个乡镇获评,分别为东镇和西镇等", false},
		{"东镇、西镇、北镇、南镇获评乙称号,4个乡镇共获奖励资金", false},
		// A list after the count's clause, or words only looking like
		// those leading names, name nothing counted.
		{"全区有4个乡镇获评乙称号、2个村获评丙称号", true},
		{"4个乡镇获评乙称号,即将挂牌", true},
		{"4个乡镇分别获评甲乙丙称号", true},
		{"新建3个公园、4个乡镇文化站", true},
		{"14个乡镇参评,4个乡镇获评乙称号", true},
		{"全区推进文化、旅游融合,4个乡镇获评乙称号", true},
		{"全区共4个乡镇获评乙称号", true},
		{"4个乡镇获评乙称号分别为东镇和西镇等", false},
		{"4个乡镇（东镇、西镇、北镇、南镇）获评乙称号", false},
		{"4个乡镇获评乙称号,名单如下:东镇", false},
		{"4个乡镇获评乙称号,东镇、西镇、南镇、北镇榜上有名", false},
		{"4个以上乡镇获评乙称号", false},
		// Names in brackets, or after 为, with digits in them; a count of
		// another noun.
		{"全区有4个乡镇入选甲名单（东甲镇、西乙镇、南丙镇、北丁镇）", false},
		{"4个乡镇入选甲名单,为甲2镇、乙5镇、丙6镇和丁7镇", false},
		{"全区有4个乡镇入选甲名单,为东镇和西镇等", false},
		{"东镇、西镇获评甲称号,4个村获评乙称号", false},

		{"14个乡镇获评乙称号", false},
		{"2个乡镇获评乙称号", false},
		// Speech counts with 个 what the text counts in 家 or 人.
		{"全区有4家乡镇获评", true},
		{"4吨乡镇获评", false},
	} {
		if got := countsGiven(tc.window, counts, nil); got != tc.want {
			t.Errorf("countsGiven(%q) = %v, want %v", tc.window, got, tc.want)
		}
	}
}

// TestCountsGivenAfterTheNoun checks that a count written after its noun
// read whole (甲乙示范区4个) restates the count asked, unless a list closed
// by 等 names the things.
func TestCountsGivenAfterTheNoun(t *testing.T) {
	counts := givenCounts(Canon("那4个甲乙示范区分别是哪些"))
	for window, want := range map[string]bool{
		"全区整镇打造甲乙示范区4个":  true,
		"东镇、西镇等甲乙示范区4个":  false,
		"全区整镇打造甲乙示范区14个": false,
	} {
		if got := countsGiven(window, counts, nil); got != want {
			t.Errorf("countsGiven(%q) = %v, want %v", window, got, want)
		}
	}
}

// A names question stating a count is not answered by a window that only
// counts the things: counted_head says so.
func TestCountedHeadOfAGivenCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"2个乡镇获评甲称号,4个乡镇获评乙称号。", 1},
		{"东镇、西镇、北镇、南镇4个乡镇获评乙称号。", 0},
		// The whole of the place opening the clause still leaves the count
		// opening it.
		{"全市4个乡镇获评乙称号。", 1},
		{"全市4个乡镇获评乙称号,分别为东镇、西镇、北镇、南镇。", 0},
	} {
		x := windowFeatures(t, "获评乙称号的4个乡镇叫什么", []string{"称号"}, Passage{Text: tc.text}, tc.text)
		if x[FCountedHead] != tc.want {
			t.Errorf("%s: counted_head = %v, want %v", tc.text, x[FCountedHead], tc.want)
		}
	}
}

// An ordinal the question writes in Chinese numerals is a number it
// states: a sentence about another edition misses it.
func TestStatedOrdinalMissed(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"第十九届节会接待游客20万人次。", 1},
		{"第十八届节会接待游客20万人次。", 0},
	} {
		x := windowFeatures(t, "第十八届节会接待游客多少", []string{"节会", "游客"}, Passage{Text: tc.text}, tc.text)
		if x[FStatedMiss] != tc.want {
			t.Errorf("%s: stated_miss = %v, want %v", tc.text, x[FStatedMiss], tc.want)
		}
	}
}

// A count the question states of another noun is not the count of the
// things asked by name (哪家企业拿了2项奖: the 2 counts prizes).
func TestCountsGivenOfItsNoun(t *testing.T) {
	counts := givenCounts(Canon("哪家企业拿了2项国家奖"))
	if countsGiven("2项成果获国家奖,均由东甲集团牵头", counts, nil) {
		t.Errorf("countsGiven(%v) = true on a count of 成果", counts)
	}
	if !countsGiven("2项国家奖由多家企业获得", counts, nil) {
		t.Errorf("countsGiven(%v) = false on a count of 国家奖", counts)
	}
}

// TestCountsGivenOfItsKind checks that a window restating the count a
// names question gives, of the kind its noun ends in (企业 of 乙丙丁强企业,
// 项目 of 乙丙项目), names none of them: written right after the count, or
// before it, or after one name closed by 等; and that 认定为 in the count's
// clause leads a title, not names, while 为 after the noun leads names.
func TestCountsGivenOfItsKind(t *testing.T) {
	for _, tc := range []struct {
		q, window string
		want      bool
	}{
		{"那8家乙丙丁强企业都有哪些", "推进计划,8家企业入围“乙丙丁强企业”。", true},
		{"7家入选甲乙名单的企业都叫什么", "全县7家企业入选“甲乙名单”,5家企业入选“丙榜”。", true},
		{"投资过亿的15个乙丙项目都是什么", "其中投资过亿的重点项目15个。", true},
		{"那20家乙丁企业分别是哪几家", "20家企业被乙部认定为甲“丙企业”,9家“丁企业”通过认定。", true},
		{"那8家乙丙丁强企业都有哪些", "8家企业入围“乙丙丁强企业”,分别为甲公司、乙公司等。", false},
		{"那2个示范镇是哪些", "2个镇为甲镇和乙镇。", false},
		// 为 right after a longer noun still leads its names.
		{"那2个乡村振兴示范村是哪两个", "全县2个乡村振兴示范村为甲村和乙村。", false},
		// One name closed by 等 and the noun before the count: the one a
		// question setting it aside knows.
		{"那4个乙栏目除了甲丙还有哪几个", "开设《甲丙》等乙栏目4个,刊发报道30期。", true},
		{"那4个乙栏目除了甲丙还有哪几个", "开设《甲丙》《丁戊》《己庚》《辛壬》4个乙栏目。", false},
	} {
		if got := countsGiven(Canon(tc.window), givenCounts(Canon(tc.q)), nil); got != tc.want {
			t.Errorf("%s / %s: countsGiven = %v, want %v", tc.q, tc.window, got, tc.want)
		}
	}
}

// TestCountsGivenPastQualifiers checks a names question's count restated
// after a verb of choosing with a qualifier before the noun (遴选20家乙类
// 甲丙丁企业), and after the words the question writes before its count (甲
// 攻势18项), not after another owner or of another noun.
func TestCountsGivenPastQualifiers(t *testing.T) {
	for _, tc := range []struct {
		q, window string
		want      bool
	}{
		{"20家甲丙丁企业的名单有哪些", "遴选20家乙类“甲丙丁”企业开展培育。", true},
		{"20家甲丙丁企业的名单有哪些", "遴选20家乙类企业开展培育。", false},
		{"甲攻势的18项乙目标具体是哪些", "“甲攻势”18项乙目标、32项丙任务全部完成。", true},
		{"甲攻势的18项乙目标具体是哪些", "丁攻势18项乙目标全部完成。", false},
		// The noun's end after its opening, not before it.
		{"那8个甲乙丙丁戊己企业分别是哪些", "认定8个己企业和甲乙丙。", false},
	} {
		if got := countsGiven(Canon(tc.window), givenCounts(Canon(tc.q)), nil); got != tc.want {
			t.Errorf("%s | %s: countsGiven = %v, want %v", tc.q, tc.window, got, tc.want)
		}
	}
}

// TestCountOfTheThingNamed checks a names question whose asked thing ends
// it before the question word (获奖的项目叫什么名字): a sentence counting that
// thing and describing it after 是 names none of it, while a kind asked
// after the question word (算什么水平) asks no names of the words before.
func TestCountOfTheThingNamed(t *testing.T) {
	text := "举办甲杯大赛,参赛数量超过往届,1个项目获全国二等奖,是乙省参赛项目获得的最好成绩。"
	for _, tc := range []struct {
		q    string
		want float64
	}{
		{"获得甲杯全国二等奖的项目叫什么名字", 1},
		{"甲杯那个二等奖在乙省参赛项目里算什么水平", 0},
	} {
		x := windowFeatures(t, tc.q, []string{"甲杯", "项目", "二等奖", "参赛项目", "水平"}, Passage{Text: text}, text)
		if x[FCountedHead] != tc.want {
			t.Errorf("%s: counted_head = %v, want %v", tc.q, x[FCountedHead], tc.want)
		}
	}
	// A particle after the question word is no kind asked.
	for _, q := range []string{"达标的甲类企业是哪几家", "达标的甲类企业是哪几家呀", "达标的甲类企业有哪些呢"} {
		text := "全市甲类企业中达标的有3家"
		if x := windowFeatures(t, q, []string{"达标", "甲类企业"}, Passage{Text: text}, text); x[FCountedHead] != 1 {
			t.Errorf("%s: counted_head = %v, want 1", q, x[FCountedHead])
		}
	}
	for q, want := range map[string]string{"查处的违法行为有哪些": "违法行为", "获奖的项目叫什么名字": "项目", "甲类企业都是哪些": "甲类企业"} {
		terms := []Term{{Text: "违法行为"}, {Text: "项目"}, {Text: "甲类企业"}, {Text: "查处"}}
		if got := subjectBeforeAsk(q, terms); got != want {
			t.Errorf("subjectBeforeAsk(%q) = %q, want %q", q, got, want)
		}
	}
	if leadsNames("是乙省参赛项目获得的最好成绩") || !leadsNames("为甲镇和乙镇") || !leadsNames("分别为甲的乙镇") {
		t.Error("leadsNames: 是 before words holding 的 describes; 为 and 分别为 lead names")
	}
}
