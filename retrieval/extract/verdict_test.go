package extract

import (
	"slices"
	"testing"
)

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		question, fact, figure, want string
	}{
		{"青岛港集装箱吞吐量超过2000万了吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "是"},
		{"集装箱吞吐量突破两千五百万标准箱没有", "集装箱吞吐量2201万标准箱", "2201万标准箱", "否"},
		{"集装箱吞吐量是3000万标准箱吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "不是"},
		{"集装箱吞吐量是2201万标准箱吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "是"},
		{"海洋生产总值增速到八成了没", "增长6.1%", "6.1%", "否"},
		{"增速超过一成了吗", "增长68.1%", "68.1%", "是"},
		{"减免租金超过10个亿了吗", "减免租金12.5亿元", "12.5亿元", "是"},
		{"甲校毕业生留下来的超过一半了吗", "毕业生留校率达52.5%", "52.5%", "是"},
		{"甲校留校率过半了吗", "毕业生留校率达41.2%", "41.2%", "否"},
		{"留校的过半数了吗", "毕业生留校率达55%", "55%", "是"},
		// A year named is when, not the threshold; 千 alone is a thousand.
		{"2023年甲茶产量超过1000吨了吗", "2023年（甲茶）：890吨", "890吨", "否"},
		{"2024年甲茶产量破千吨了吗", "2024年（甲茶）：1060吨", "1060吨", "是"},
		// A fact naming another year may give that year's figure first.
		{"2024年甲茶产量超过1000吨了吗", "甲茶产量从2023年的700吨增加到2024年的1060吨", "1060吨", ""},
		{"2023年甲茶产量超过1000吨了吗", "甲茶：2022年 1200吨；2023年 890吨", "890吨", ""},
		{"甲茶产量超过1000吨了吗", "2023年（甲茶）：890吨", "890吨", "否"},
		// A verb asked with its own negation is a yes/no question, the
		// verb its comparison (到不到 is no 不到), wherever another
		// A-not-A form stands.
		{"甲区减免租金超没超5亿", "甲区减免租金6.3亿元", "6.3亿元", "是"},
		{"甲港货运量到没到3000万吨", "甲港货运量1650万吨", "1650万吨", "否"},
		{"甲港货运量到不到1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量够不够1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量足不足1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量超过没超过3000万吨", "甲港货运量1650万吨", "1650万吨", "否"},
		{"甲区够不够格,投资到不到5亿", "甲区投资6亿元", "6亿元", "是"},
		{"甲区动不动就停工,投资超没超5亿", "甲区投资6亿元", "6亿元", "是"},
		{"\xff到不到5亿", "甲区投资6亿元", "6亿元", "是"},
		// Half a year is no share.
		{"甲路封闭施工超过半年了吗", "甲路封闭施工4个月,通行效率提升80%", "80%", ""},
		{"甲平台上线过半年了吗", "甲平台上线3个月,用户增长60%", "60%", ""},
		// 公里 and 千米 are one unit, whichever side writes which.
		{"甲线全长超过200公里了吗", "甲线全长246公里", "246公里", "是"},
		{"甲线全长是60公里吗", "甲线全长60千米", "60千米", "是"},
		{"甲线全长是60千米吗", "甲线全长60公里", "60公里", "是"},
		// Not decided: another unit, a bound, not a yes/no question, no
		// comparison word.
		{"接待游客超过200万人了吗", "接待游客205.42万人次", "205.42万人次", ""},
		{"占比超过六成了吗", "占全部专项资金的70%以上", "70%", ""},
		{"集装箱吞吐量多少", "集装箱吞吐量2201万标准箱", "2201万标准箱", ""},
		{"2000万标准箱了吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", ""},
	} {
		got := Verdict(tc.question, tc.fact)
		if got != tc.want {
			t.Errorf("Verdict(%q, %q) = %q, want %q", tc.question, tc.fact, got, tc.want)
		}
	}
}

func TestAsksYesNo(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"超没超8亿", true},
		{"甲区动不动就停工,投资超没超8亿", true},
		{"人够不够", true},
		{"超过没超过", true},
		{"是不是第一", true},
		{"完成了吗", true},
		// Words of that shape asking nothing.
		{"动不动就停工", false},
		{"时不时检修", false},
		// A negation between two different characters, or between two
		// digits, asks nothing.
		{"不到10亿", false},
		{"差不多多少", false},
		{"1不1", false},
		{"不", false},
		{"", false},
	} {
		if got := asksYesNo(tc.q); got != tc.want {
			t.Errorf("asksYesNo(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestYesNoTail checks that a question ending with 没 asks yes or no and
// is answered so, while a 没 inside a question negates and asks nothing.
func TestYesNoTail(t *testing.T) {
	for _, tc := range []struct{ question, fact, want string }{
		{"甲港货运量过1000万吨没", "甲港货运量1650万吨", "是"},
		{"甲港货运量过3000万吨没？", "甲港货运量1650万吨", "否"},
		{"甲港货运量到3000万吨了没呢", "甲港货运量1650万吨", "否"},
		{"甲港哪年货运量没过1000万吨", "甲港货运量1650万吨", ""},
		// A verb ending in 没 asks nothing yes or no.
		{"超过1000亩的农田被淹没", "甲镇农田1650亩", ""},
		// A magnitude with no number is one of it.
		{"甲港货运量过亿吨了吗", "甲港货运量8650万吨", "否"},
		{"甲港货运量破万吨没", "甲港货运量1650万吨", "是"},
	} {
		if got := Verdict(tc.question, tc.fact); got != tc.want {
			t.Errorf("Verdict(%s, %s) = %q, want %q", tc.question, tc.fact, got, tc.want)
		}
	}
	if at, ok := YesNoTail("过5亿没。"); !ok || at != len("过5亿") {
		t.Errorf("YesNoTail(过5亿没。) = %d, %v; want %d, true", at, ok, len("过5亿"))
	}
}

// TestCountsAlike checks that counters of things answer each other, as do
// counters of people and of happenings, but none another nor a measure.
func TestCountsAlike(t *testing.T) {
	for _, tc := range []struct {
		asked, unit string
		want        bool
	}{
		{"家", "所", true},
		{"个", "万家", true},
		{"人", "万名", true},
		{"家", "万人", false},
		{"人", "所", false},
		{"个", "万吨", false},
		{"吨", "吨", false},
		// Events are counted apart from things and people.
		{"次", "所", false},
		{"家", "场", false},
		{"人", "万人次", false},
		// Happenings answer each other, but not person-times or editions.
		{"次", "起", true},
		{"次", "场", true},
		{"起", "万次", true},
		{"次", "人次", false},
		{"次", "届", false},
		{"起", "个", false},
	} {
		if got := CountsAlike(tc.asked, tc.unit); got != tc.want {
			t.Errorf("CountsAlike(%s, %s) = %v, want %v", tc.asked, tc.unit, got, tc.want)
		}
	}
}

// TestMeasuresTold checks which measure words a figure's unit tells: a
// length in 公里, an output in any unit of goods, a count in a counter;
// never a money measure, nor goods in money, shares or people. The other
// words of a measure are its forms, 个 is the counter of any thing, and
// 家 and 所 count organisations.
func TestMeasuresTold(t *testing.T) {
	for _, tc := range []struct {
		q, unit string
		want    []string
	}{
		{"甲线总长多少", "公里", []string{"总长"}},
		{"甲线长度多少", "万吨", nil},
		{"甲品产量多少", "万吨", []string{"产量"}},
		{"甲品产量多少", "亿千瓦时", []string{"产量"}},
		{"甲品产量多少", "万辆", []string{"产量"}},
		{"甲品产量多少", "亿元", nil},
		{"甲品产量多少", "%", nil},
		{"甲站产量多少", "万人", nil},
		{"甲林面积多少", "万亩", []string{"面积"}},
		{"甲类数量多少", "个", []string{"数量"}},
		{"甲业税收多少", "亿元", nil},
		// The verb speech tells an output with.
		{"甲茶去年多产了多少", "吨", []string{"产了"}},
		{"甲茶各产多少", "吨", []string{"产"}},
		{"甲茶去年多产了多少", "亿元", nil},
	} {
		if got := MeasuresTold(tc.q, tc.unit); !slices.Equal(got, tc.want) {
			t.Errorf("MeasuresTold(%s, %s) = %v, want %v", tc.q, tc.unit, got, tc.want)
		}
	}
	for term, want := range map[string][]string{"个数": {"数量", "总数"}, "营收": {"收入"}, "甲品": nil} {
		if got := MeasureForms(term); !slices.Equal(got, want) {
			t.Errorf("MeasureForms(%s) = %v, want %v", term, got, want)
		}
	}
	for unit, want := range map[string]bool{"个": true, "万个": true, "家": false, "张": false, "": false} {
		if got := GenericCounter(unit); got != want {
			t.Errorf("GenericCounter(%q) = %v, want %v", unit, got, want)
		}
	}
	for counter, want := range map[string]bool{"家": true, "所": true, "台": false, "个": false} {
		if got := OrgCounter(counter); got != want {
			t.Errorf("OrgCounter(%q) = %v, want %v", counter, got, want)
		}
	}
}

// TestDayAskedNotByYear checks that a year, a period or a month alone
// does not answer a question asking the day, and still answers one asking
// the year or the month.
func TestDayAskedNotByYear(t *testing.T) {
	year := Figures("2020年")
	if len(year) != 1 {
		t.Fatalf("Figures(2020年) = %v", year)
	}
	for q, want := range map[string]bool{"甲会是哪天开的": false, "甲会是哪一天开幕的": false, "甲会是哪年开的": true} {
		p := Analyze(q).Parts[0]
		if got := acceptableDate(year[0], "2020年", p); got != want {
			t.Errorf("acceptableDate(2020年, %s) = %v, want %v", q, got, want)
		}
	}
	for _, tc := range []struct {
		date, q string
		want    bool
	}{
		{"2020年6月", "甲会是几号开的", false},
		{"2020年6月", "甲会是几月开的", true},
		{"6月18日", "甲会是几号开的", true},
		{"2020年6月18日", "甲会是哪天开的", true},
		{"2020年6月底", "甲会是哪天开的", true},
		{"6月末", "甲会是哪天开的", true},
		{"6月上旬", "甲会是几号开的", true},
		{"2020年底", "甲会是哪天开的", false},
		{"2023年末", "甲会是哪天开的", false},
		{"2020年6月", "地铁几号线是几月开通的", true},
	} {
		f := Figures(tc.date)
		if len(f) != 1 || f[0].Kind != KindDate {
			t.Fatalf("Figures(%s) = %v", tc.date, f)
		}
		if got := acceptableDate(f[0], tc.date, Analyze(tc.q).Parts[0]); got != tc.want {
			t.Errorf("acceptableDate(%s, %s) = %v, want %v", tc.date, tc.q, got, tc.want)
		}
	}
}

// TestClockAsked checks that 几点 asks a time of day, answered by a clock
// time only, and that a decimal (几点几), points after a comparison
// (比上年高几点) and a count before a noun (几点要求) are still numbers.
func TestClockAsked(t *testing.T) {
	for _, tc := range []struct {
		q     string
		clock bool
	}{
		{"甲馆早上几点开门", true},
		{"甲馆几点钟开门", true},
		{"甲值是几点几", false},
		{"甲率比上年高几点", false},
		{"会议提出了几点要求", false},
		{"甲馆每天几点", true},
	} {
		p := Analyze(tc.q).Parts[0]
		if p.Clock != tc.clock {
			t.Errorf("%s: Clock = %v, want %v (wants %v)", tc.q, p.Clock, tc.clock, p.Wants)
		}
	}
	p := Analyze("甲馆早上几点开门").Parts[0]
	for text, want := range map[string]bool{
		"甲馆每天8点开门。":   true,
		"甲馆于20:00开门。": true,
		"甲馆设3个观景台。":   false,
		"甲馆每天19时开门。":  true,
		"甲馆全天24小时开放。": false,
		"甲馆接待390场。":   false,
		"甲馆于2020年开门。": false,
	} {
		got := false
		for _, f := range Figures(text) {
			got = got || acceptable(f, text, p)
		}
		if got != want {
			t.Errorf("%s answers a time of day: %v, want %v", text, got, want)
		}
	}
}

// TestShareOfMeasure checks that a share of a sum written after the verb
// the question says answers a question of that sum done (完成投资多少),
// and not one of the sum itself or of money asked in words; 几成 asks a
// share, not money.
func TestShareOfMeasure(t *testing.T) {
	text := "甲路拓宽工程完成总投资额的30%。"
	f := Figures(text)
	if len(f) != 1 {
		t.Fatalf("Figures(%s) = %v", text, f)
	}
	for q, want := range map[string]bool{
		"甲路拓宽完成投资多少":  true,
		"甲路拓宽完成总投资多少": true,
		"甲路拓宽工程总投资多少": false,
		"甲路拓宽完成投资多少钱": false,
		"甲路拓宽完成了多少收入": false,
	} {
		if got := shareOfMeasure(text, f[0], q); got != want {
			t.Errorf("shareOfMeasure(%s) = %v, want %v", q, got, want)
		}
	}
	// A share of another thing in the sum answers no question of it.
	text = "省级补助资金占甲项目总投资的30%。"
	f = Figures(text)
	for q, want := range map[string]bool{
		"甲项目总投资多少":  false,
		"甲项目完成投资多少": false,
	} {
		if got := shareOfMeasure(text, f[0], q); got != want {
			t.Errorf("shareOfMeasure(%s) = %v, want %v", q, got, want)
		}
	}
	if u := Analyze("甲路拓宽完成投资几成").Parts[0].Unit; u == UnitMoney {
		t.Errorf("完成投资几成 asks money (%q), want a share", u)
	}
}

// TestLevelStem checks which level words are also read without 级: words
// of two characters or more and the grassroots levels, not 市 or 省 (in
// every 全市), nor a class by number or size (三年级, 万吨级, 千伏级).
func TestLevelStem(t *testing.T) {
	for _, tc := range []struct {
		term, want string
		ok         bool
	}{
		{"国家级", "国家", true},
		{"村级", "村", true},
		{"镇级", "镇", true},
		{"市级", "", false},
		{"省级", "", false},
		{"10万吨级", "", false},
		{"万吨级", "", false},
		{"千伏级", "", false},
		{"三年级", "", false},
		{"五星级", "", false},
		{"级", "", false},
		{"国家", "", false},
	} {
		got, ok := LevelStem(tc.term)
		if got != tc.want || ok != tc.ok {
			t.Errorf("LevelStem(%s) = %q, %v; want %q, %v", tc.term, got, ok, tc.want, tc.ok)
		}
	}
}

// TestRefusedUnit checks that a measure word the question rules out (不是
// 人次) makes its figures no answer, and only that measure word.
func TestRefusedUnit(t *testing.T) {
	const text = "甲节接待游客3.5万人次。"
	f := Figures(text)
	if len(f) != 1 {
		t.Fatalf("Figures(%s) = %v", text, f)
	}
	for q, want := range map[string]bool{
		"甲节接待了多少人":          true,
		"甲节接待了多少人？要人数，不是人次": false,
		"甲节接待了多少人，不要人次":     false,
		"甲节接待了多少人次，不是人数":    true,
	} {
		if got := acceptable(f[0], text, Analyze(q).Parts[0]); got != want {
			t.Errorf("acceptable(3.5万人次, %s) = %v, want %v", q, got, want)
		}
	}
}

// TestMoneyNounAsked checks that how much of a noun ending in a word of
// money (补助金, 善款) asks a sum of money, and no other noun does.
func TestMoneyNounAsked(t *testing.T) {
	for q, money := range map[string]bool{
		"甲户去年拿到多少补助金": true,
		"乙会募集了多少善款":   true,
		"丙队拿了多少金牌":    false,
		"丁节带动多少消费":    false,
		"戊市有多少家企业":    false,
		"己矿生产了多少黄金":   false,
		"庚厂推出了多少款":    false,
	} {
		if got := Analyze(q).Parts[0].Unit == UnitMoney; got != money {
			t.Errorf("%s: asks money %v, want %v", q, got, money)
		}
	}
}
