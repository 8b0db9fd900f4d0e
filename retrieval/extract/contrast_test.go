package extract

import (
	"slices"
	"testing"
)

func TestQualifiersIn(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"35家机构入选首批省级新型研发机构", []string{"省级"}},
		{"国家级海洋牧场示范区达16处", []string{"国家级"}},
		{"货物进出口总额增长", []string{"进出口"}},            // 出口 inside 进出口 is not 出口
		{"出口增长5%,进出口总额增长", []string{"进出口", "出口"}}, // both written
		{"驻青中央企业、省属国企", []string{"央企", "省属"}},     // a second spelling names the first
		{"母基金首期规模120亿元", []string{"一期"}},
		{"新增备案97家,累计达到500家", nil}, // an addition against a total is an aspect (aspect.go)
		{"全年完成投资385.6亿元", nil},
		{"区(市)级财政支持资金", []string{"区级"}}, // 市级 inside 区(市)级 is not 市级
		{"乙项目区市级配套资金多少", []string{"区级"}},
		// The two kinds of basic insurance's insured are told apart.
		{"城镇职工医保参保多少人", []string{"城镇职工"}},
		{"城乡居民基本医疗保险参保人数29.6万人", []string{"城乡居民"}},
	}
	for _, tt := range tests {
		if got := qualifiersIn(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("qualifiersIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestQualifierAgreement(t *testing.T) {
	tests := []struct {
		name          string
		asked, stated []string
		want          float64
	}{
		{"asked one written", []string{"国家级"}, []string{"国家级", "省级"}, 1},
		{"only another of its set", []string{"国家级"}, []string{"省级"}, -1},
		{"another set says nothing", []string{"国家级"}, []string{"二期"}, 0},
		{"nothing asked", nil, []string{"省级"}, 0},
		{"nothing written", []string{"二期"}, nil, 0},
		{"one agrees, one contradicts", []string{"市属", "一期"}, []string{"市属", "二期"}, -1},
		{"two of one set compared", []string{"市属", "央企"}, []string{"央企"}, 1},
	}
	for _, tt := range tests {
		if got := qualifierAgreement(tt.asked, tt.stated); got != tt.want {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
}

func TestPlaceOfASentence(t *testing.T) {
	areas := []string{"东城区", "东城", "西城区", "西城", "南城区"}
	pp := Prepare(Passage{Chapter: "东城西城攻势", Section: "营商环境",
		Text: "东城区营商环境榜单升至第44位。全市营商环境持续优化,审批时限压缩一半。东城区、西城区分别增长5%和6%。"})
	term := func(s string) Term {
		t := Term{Text: s, Key: true, Place: true}
		t.compile()
		return t
	}
	tests := []struct {
		place     string
		alsoAsked string
		sent      int
		named     bool
		other     string
	}{
		{"东城", "", 0, true, ""},     // named in the sentence
		{"西城", "", 0, false, "东城区"}, // only the chapter names it, the sentence tells of 东城区
		{"西城", "东城", 0, true, ""},   // … but 东城 is asked too: no other district
		{"西城", "", 1, true, ""},     // the chapter names it and the sentence names no other district
		{"南城", "", 2, false, "东城区"}, // named nowhere, another district in the sentence
		{"西城", "", 2, true, ""},     // both named
	}
	for _, tt := range tests {
		pi := partInfo{}
		for _, a := range areas {
			pi.areas = append(pi.areas, area{a, Canon(a)})
		}
		if tt.alsoAsked != "" {
			pi.places = []Term{term(tt.alsoAsked)}
		}
		named, other := pi.placeOf(term(tt.place), pp.sentences[tt.sent])
		if named != tt.named || other != tt.other {
			t.Errorf("placeOf(%s, sentence %d) = %v, %q, want %v, %q", tt.place, tt.sent, named, other, tt.named, tt.other)
		}
	}
}

// A list tells each item's level beside it: a qualifier after the item
// holding the measured word is another item's, one before it may head the
// whole list, and a clause breaking the item down tells its levels.
func TestQualifierClashReadsTheItem(t *testing.T) {
	nouns := []string{"重点实验室", "实验室", "工程中心"}
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"甲市新增国家重点实验室8个、省级工程中心15个。", 0},
		{"甲市新增省级重点实验室8个、国家工程中心15个。", 1},
		{"甲市新增省级平台:重点实验室8个、工程中心15个。", 1},
		{"甲市新增重点实验室8个,其中省级3个。", 1},
		{"甲市新增重点实验室8个,省级3个、市级5个。", 1},
		{"甲市新增重点实验室8个,均为省级。", 1},
		{"甲市新增重点实验室8个、工程中心5个,均为省级。", 1},
		{"甲市新增重点实验室8个、工程中心15个(以上均为省级)。", 1},
		{"甲市新增重点实验室8个,全部被认定为省级重点实验室。", 1},
		// A clause about another thing tells not the item's level.
		{"甲市新增国家重点实验室8个,工程中心均为省级。", 0},
		{"甲市新增国家重点实验室8个,均衡布局省级工程中心15个。", 0},
	} {
		p := Passage{Text: tc.text}
		x := windowFeatures(t, "国家级重点实验室新增几个", nouns, p, tc.text)
		if x[FQualifierClash] != tc.want {
			t.Errorf("%s: qualifier_clash = %v, want %v", tc.text, x[FQualifierClash], tc.want)
		}
	}
}

// An asked qualifier tells of the item holding the measured word when it
// stands in that item or heads the list, not when another item writes it.
func TestQualifierAgreeReadsTheItem(t *testing.T) {
	nouns := []string{"重点实验室", "实验室", "工程中心"}
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"甲市新增省级重点实验室8个、工程中心15个。", 1},
		{"甲市新增省级平台:重点实验室8个、工程中心15个。", 1},
		{"甲市新增省级工程中心15个、重点实验室8个。", 0},
		{"甲市新增国家级重点实验室2个、省级重点实验室8个。", 1},
		{"2023年,省级平台建设加快:新增重点实验室8个、工程中心4个。", 1},
		{"甲市新增省级平台12个,其中重点实验室8个、工程中心4个。", 1},
		{"甲市新增重点实验室8个,其中省级5个。", 1},
	} {
		p := Passage{Text: tc.text}
		x := windowFeatures(t, "省级重点实验室有几个", nouns, p, tc.text)
		if x[FQualifierAgree] != tc.want {
			t.Errorf("%s: qualifier_agree = %v, want %v", tc.text, x[FQualifierAgree], tc.want)
		}
	}
}

func TestItemAround(t *testing.T) {
	text := "甲市新增重点实验室8个、工程中心15个。"
	figs := Figures(text)
	r := Range{0, len(text)}
	for i, want := range []string{"甲市新增重点实验室8个", "工程中心15个"} {
		if s, e := itemAround(text, r, figs[i]); text[s:e] != want {
			t.Errorf("itemAround(%s) = %q, want %q", figs[i].Text(text), text[s:e], want)
		}
	}
}

// An amount per day does not answer a question per year, though its unit
// is the asked one.
func TestRateMismatch(t *testing.T) {
	for _, tc := range []struct {
		q, text string
		want    bool
	}{
		{"乙厂一年能处理多少吨污水", "乙厂处理能力达每日3万吨。", true},
		{"乙厂一天能处理多少吨污水", "乙厂处理能力达每日3万吨。", false},
		{"乙厂每年能处理多少吨污水", "乙厂处理能力达每日3万吨,年均处理900万吨。", false},
		// Only the figure's own clause tells its period.
		{"乙厂一年能处理多少吨污水", "乙厂每日检修,处理能力达3万吨。", false},
		{"乙厂能处理多少吨污水", "乙厂处理能力达每日3万吨。", false},
		// A figure given per no period may be the yearly total.
		{"甲景区一年接待游客多少人次", "甲景区全年接待游客300万人次,单日最高接待3万人次。", false},
		{"甲景区一年接待游客多少人次", "甲景区单日最高接待3万人次。", true},
		// Words that hold a period's word name none.
		{"甲景区一年接待游客多少人次", "甲景区接待一日游游客300万人次。", false},
	} {
		unit := Analyze(tc.q).Parts[0].Unit
		if got := rateMismatch(ratePeriod(tc.q), unit, tc.text, readFigures(tc.text)); got != tc.want {
			t.Errorf("%s / %s: rateMismatch %v, want %v", tc.q, tc.text, got, tc.want)
		}
	}
}

// What one item of a kind counts (每期, 单场, 人均) is not what all of
// them do: a figure per item does not answer a total asked.
func TestPerItemMismatch(t *testing.T) {
	for _, tc := range []struct {
		q, text string
		want    bool
	}{
		{"甲节目8期一共多少人次观看", "播出甲节目8期,每期观看超过50万人次。", true},
		{"甲节目8期一共多少人次观看", "播出甲节目8期,累计观看400万人次,每期观看超过50万人次。", false},
		{"甲节目每期多少人次观看", "播出甲节目8期,每期观看超过50万人次。", false},
		{"甲节目单场一共多少人次观看", "甲节目单场观看近90万人次。", false},
		// A total not asked: the figure per item may be what is meant.
		{"甲节目多少人次观看", "播出甲节目8期,每期观看超过50万人次。", false},
		{"乙村一共收入多少", "乙村人均收入3万元。", true},
		// Words holding a lead name no item (单位, 单项冠军, 清单, 保单).
		{"一共多少家单位参加", "参展单位120家。", false},
		{"单项冠军企业一共几家", "入选单项冠军企业6家。", false},
		{"权责清单一共多少条", "东区编制权责清单条目2000条。", false},
		{"一共承保多少件保单", "东区承保保单件数120万件。", false},
		// A total written right before the figure counts all the items;
		// one after the lead may still be per item.
		{"一共发放多少套校服", "全市为每名新生发放校服共计2万套。", false},
		{"一共发放多少套校服", "全市为每名新生共计发放校服2万套。", false},
		{"一共引进多少个项目", "东区引进单个投资1亿元以上项目32个。", false},
		{"一共发放多少补贴", "为每户困难家庭累计发放补贴3000元。", true},
		{"一共建了几个站点", "每个村共建站点3个。", true},
		// A threshold is one only with its own value after it.
		{"一共发放多少张消费券", "每家超市发放消费券500张。", true},
		{"热线一共受理多少件", "热线受理工单件数12万件。", false},
		// A threshold with its own value picks out the items counted.
		{"一共引进多少个超亿元项目", "东区引进单笔超亿元项目32个。", false},
		{"一共引进多少个超亿元项目", "东区引进单个投资超亿元项目32个。", false},
	} {
		p := Analyze(tc.q).Parts[0]
		total := p.Total && !perItem(p.Text)
		if got := perItemMismatch(total, p.Unit, tc.text, readFigures(tc.text)); got != tc.want {
			t.Errorf("%s / %s: perItemMismatch %v, want %v", tc.q, tc.text, got, tc.want)
		}
	}
}
