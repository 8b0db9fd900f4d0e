package extract

import "testing"

// readingCase is a question, the nouns the segmenter knows, a passage and
// the window whose feature is read.
type readingCase struct {
	name, q string
	nouns   []string
	text    string
	want    bool
}

// checkFeature reads feature f of each case's whole-text window.
func checkFeature(t *testing.T, f Feature, cases []readingCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := windowFeatures(t, tc.q, tc.nouns, Passage{Text: tc.text}, tc.text)
			if got := x[f] > 0; got != tc.want {
				t.Errorf("%s of %q for %q = %v, want %v", f, tc.text, tc.q, x[f], tc.want)
			}
		})
	}
}

// A count of two things joined right before it is of both: the part
// naming only the first asks another figure.
func TestJointCountIsTheGroups(t *testing.T) {
	nouns := []string{"甲会", "乙会", "领导", "走访", "企业", "中心", "乙中心", "甲中心", "房租", "物业费", "减免"}
	checkFeature(t, FGroupFigure, []readingCase{
		{"first named", "领导走访的甲会有几家", nouns, "全年领导走访甲会和乙会企业67家。", true},
		{"both named", "领导走访甲会和乙会企业多少家", nouns, "全年领导走访甲会和乙会企业67家。", false},
		// The thing right before the figure is its own.
		{"second named", "乙中心有几个", nouns, "建成甲中心和乙中心12个。", false},
		// A list of figures, each its thing's.
		{"figures apart", "乙会有几家", nouns, "走访甲会12家和乙会67家。", false},
		// The last two of a longer list are the list's items.
		{"long list", "甲中心有几个", nouns, "认定丙中心、甲中心和乙中心101个。", false},
		// A count of two joined things counts them.
		{"two counted", "甲会有几家", nouns, "甲会和乙会2家获评先进。", false},
		{"sum of both", "减免了多少房租", nouns, "为市场主体减免房租和物业费4.9亿元。", true},
		{"joined by 以及", "领导走访的甲会有几家", nouns, "全年领导走访甲会以及乙会企业67家。", true},
		{"each its own", "减免了多少房租", nouns, "为市场主体减免房租和物业费分别为3亿元、1.9亿元。", false},
	})
}

// A deed asked in one area is not the one a window places in another.
func TestActPlacedElsewhere(t *testing.T) {
	nouns := []string{"成果", "复制", "推广", "创新"}
	checkFeature(t, FScopeClash, []readingCase{
		{"other area", "创新成果有几个在全国复制推广", nouns, "形成全国首创创新成果68个,其中13个在浙江省复制推广。", true},
		{"same area", "创新成果有几个在全国复制推广", nouns, "形成创新成果68个,其中13个在全国复制推广。", false},
		{"not placed", "创新成果有几个复制推广", nouns, "形成创新成果68个,其中13个在浙江省复制推广。", false},
		{"both areas", "创新成果有几个在全国复制推广", nouns, "形成创新成果68个,其中13个在全国复制推广,5个在浙江省复制推广。", false},
		{"extent word", "创新成果有几个在全国复制推广", nouns, "形成创新成果68个,其中13个在浙江省范围内复制推广。", true},
	})
}

// A change measured from another period than the one asked is no answer.
func TestChangeFromAnotherPeriod(t *testing.T) {
	nouns := []string{"指数", "满意"}
	checkFeature(t, FChangeMismatch, []readingCase{
		{"half year", "满意指数比上年提高了几分", nouns, "满意指数为97分,比上半年增加2.4分。", true},
		{"same base", "满意指数比上年提高了几分", nouns, "满意指数为97分,比上年增加2.4分。", false},
		{"no base", "满意指数比上年提高了几分", nouns, "满意指数为97分,增加2.4分。", false},
		{"same year", "满意指数比上年提高了几分", nouns, "满意指数为97分,同比提高2.4分,比上半年增加1.1分。", false},
		{"end of last year", "存款余额比年初增加了多少", []string{"存款余额"}, "存款余额为900亿元,比上年末增加20亿元。", false},
		{"a level at year end", "常住人口比上年减少了多少", []string{"常住人口"}, "常住人口为50万人,比上年末减少0.5万人。", false},
		{"start of the year", "存款余额比上年增加了多少", []string{"存款余额"}, "存款余额为900亿元,比年初增加20亿元。", true},
		{"other half", "满意指数比上半年提高了几分", nouns, "满意指数为97分,比下半年增加2.4分。", true},
	})
}

// How far a rank moved is not told by where it stands.
func TestRankMoveAsked(t *testing.T) {
	nouns := []string{"指数", "位次"}
	checkFeature(t, FChangeMismatch, []readingCase{
		{"level only", "指数位次比上年升了几位", nouns, "指数居全国第10位。", true},
		{"moved", "指数位次比上年升了几位", nouns, "指数位次上升2位,居全国第10位。", false},
		{"level asked", "指数全国排第几", nouns, "指数居全国第10位。", false},
		{"places moved", "指数位次比上年升了几位", nouns, "指数位次比上年上升3个位次,居全国第10位。", false},
		{"from and to", "指数位次比上年升了几位", nouns, "指数位次由上年第15位上升至第10位。", false},
	})
}

// A count right after a verb of making that follows the measured word
// counts what was made; one of a kind the question does not name is
// only a weaker candidate (rank only).
func TestCountsAnother(t *testing.T) {
	nouns := []string{"甲企业", "乙中心", "依托", "试点任务", "海洋领域", "项目", "签约"}
	checkFeature(t, FMeasureClash, []readingCase{
		{"made after", "甲企业有多少家", nouns, "依托甲企业新建乙中心202家。", true},
		{"counted itself", "甲企业有多少家", nouns, "全市甲企业达202家。", false},
		{"count of the made", "甲企业有多少家", nouns, "全市甲企业新认定总数达202家。", false},
		{"kind before", "资金有多少", append(nouns, "资金"), "投向15个甲项目的资金达244亿元。", true},
		{"kind named", "甲项目的资金有多少", append(nouns, "资金", "甲项目"), "投向15个甲项目的资金达244亿元。", false},
	})
	checkFeature(t, FQualifiedCount, []readingCase{
		{"kind", "签约了几个项目", nouns, "现场签约6个产研合作项目。", true},
		{"plain", "签约了几个项目", nouns, "现场签约6个项目。", false},
		{"kind named", "签约了几个产研合作项目", append(nouns, "产研", "合作"), "现场签约6个产研合作项目。", false},
		// A figure told of a kind counted before it.
		{"kind before", "试点任务实施了多少项", nouns, "18项海洋领域试点任务中17项落地。", true},
		{"all of them", "试点任务实施了多少项", nouns, "106项试点任务实施98项。", false},
	})
}

// An amount told as a share of the whole asked is a part of it.
func TestShareOfAskedWhole(t *testing.T) {
	nouns := []string{"专项资金", "攻势"}
	checkFeature(t, FPartOfTotal, []readingCase{
		{"whole asked", "专项资金一共多少", nouns, "投向15个攻势的专项资金达244亿元,占全部专项资金的70%。", true},
		{"part named", "攻势的专项资金一共多少", nouns, "投向15个攻势的专项资金达244亿元,占全部专项资金的70%。", false},
		{"no total asked", "专项资金多少", nouns, "投向15个攻势的专项资金达244亿元,占全部专项资金的70%。", false},
	})
}

// A count told as of a date is no addition.
func TestCountAsOfDateIsNoAddition(t *testing.T) {
	nouns := []string{"领军人才"}
	checkFeature(t, FAspectClash, []readingCase{
		{"added asked", "去年新增领军人才多少人", nouns, "截至2020年底,全市有19人获评领军人才。", true},
		{"total asked", "领军人才一共多少人", nouns, "截至2020年底,全市有19人获评领军人才。", false},
		{"added that year", "去年新增领军人才多少人", nouns, "截至2020年底,全年新增领军人才30人,其中外籍12人。", false},
	})
}

// The ninth time a thing happened says how many times it has.
func TestOrdinalTallies(t *testing.T) {
	nouns := []string{"榜单", "入选"}
	checkFeature(t, FUnitOK, []readingCase{
		{"times", "入选榜单几次了", nouns, "全市第九次入选榜单。", true},
		{"sessions", "节会办了几届", []string{"节会"}, "第三十届节会举办。", true},
		{"batch", "入选了几批", nouns, "全市入选第二批榜单,共3家。", false},
		{"a meeting's number", "全年开了几次会议", []string{"会议"}, "全年召开第15次会议,共3场。", false},
	})
}
