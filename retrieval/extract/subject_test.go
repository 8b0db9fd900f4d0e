package extract

import "testing"

func TestSubjectBefore(t *testing.T) {
	for _, tc := range []struct{ text, fig, want string }{
		// The words right before a figure, cut at the clause mark.
		{"全年建成公园12个,新建绿道30公里。", "30公里", "新建绿道"},
		// A sentence's topic stays out: only the last words count.
		{"依托重点实验室新建市级工程研究中心45家。", "45家", "验室新建市级工程研究中心"},
		// What a rank ranks is read in its whole clause.
		{"乙镇完成改造,甲学员人数和乙课程数均居全省首位。", "首位", "甲学员人数和乙课程数均居全省"},
		// A change or a total too short to name a thing is the value before's.
		{"港口货物吞吐量3亿吨,增长2.1%。", "2.1%", "港口货物吞吐量增长"},
		{"新增会员120家,总量达900家。", "900家", "新增会员总量达"},
		{"园区产值50亿元,高于全区8个百分点。", "8个百分点", "园区产值高于全区"},
		// The base period (比上年) stands inside a subject, not before it.
		{"接待游客300万人次,增长(比上年,下同)6%。", "6%", "接待游客增长"},
		// A rank's clause opening with 居 ranks the value before.
		{"粮食产量80万吨,居全省第三位。", "第三位", "粮食产量居全省"},
		// A count's thing may follow it.
		{"改造提升12条背街小巷,整治广场5处。", "12条", "改造提升背街小巷"},
		// Figures given to subjects written earlier have none beside them.
		{"工业、服务业分别增长3%、5%。", "3%", ""},
		{"工业、服务业分别增长3%、5%。", "5%", ""},
		// A count opening its item or clause names its thing after it,
		// brackets dropped; a count after another's 、 is not that one's.
		{"甲攻势8项攻坚目标、20项攻坚任务全部完成。", "20项", "攻坚任务全部完成"},
		{"乙项目落地,3个区(市)入选甲试验区名单。", "3个", "区市入选甲试验区名单"},
		{"编制完成5条快线、7条公交线路开行方案。", "7条", "公交线路开行方案"},
		// A 、 ends another item or act.
		{"走访甲企业、新建乙中心45家。", "45家", "新建乙中心"},
		{"全年投资5亿元,走访甲企业、新建乙中心45家。", "45家", "新建乙中心"},
		{"甲攻势完成,8项甲、20项乙。", "8项", "甲"},
		// A count with no words of its own stays without a subject.
		{"甲镇完成改造,12个。", "12个", ""},
	} {
		figs := readFigures(tc.text)
		found := false
		for _, f := range figs {
			if f.Text(tc.text) == tc.fig {
				found = true
				if f.subject != tc.want {
					t.Errorf("%s: subject of %s = %q, want %q", tc.text, tc.fig, f.subject, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure %s in %v", tc.text, tc.fig, figs)
		}
	}
}

// A count answers a 多少家 question only when what it counts is the thing
// asked: a sentence naming the thing for another figure measures that one.
func TestSubjectMiss(t *testing.T) {
	nouns := []string{"高新技术企业", "企业", "工程研究中心", "市级", "新增"}
	q := "新增高新技术企业多少家"
	text := "依托高新技术企业新建市级工程研究中心45家。"
	other := windowFeatures(t, q, nouns, Passage{Text: text}, text)
	text = "新增高新技术企业300家。"
	same := windowFeatures(t, q, nouns, Passage{Text: text}, text)
	if other[FSubjectMiss] != 1 || same[FSubjectMiss] != 0 {
		t.Errorf("subject_miss: %.2f for another thing counted, %.2f for the asked one; want 1 and 0", other[FSubjectMiss], same[FSubjectMiss])
	}
	if other[FMeasureMiss] != 0 {
		t.Errorf("measure_miss = %.2f: the sentence writes the asked word, so only subject_miss tells the two apart", other[FMeasureMiss])
	}
	// What a sum of money is may follow it.
	text = "为甲企业发放20亿元贷款。"
	after := windowFeatures(t, "给甲企业发放了多少贷款", []string{"贷款", "甲企业"}, Passage{Text: text}, text)
	if after[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of 20亿元贷款 for 多少贷款 = %.2f, want 0", after[FSubjectMiss])
	}
	// A figure in the unit the measured word is told in measures it.
	text = "实施东区小区改造20万平方米,启动危房改造2万套。"
	area := windowFeatures(t, "东区小区改造了多大面积", []string{"东区", "小区", "改造", "面积", "危房"}, Passage{Text: text}, text)
	if area[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of 改造20万平方米 for 多大面积 = %.2f, want 0", area[FSubjectMiss])
	}
	// Parts of a whole told in the sentence before are that whole's.
	text = "全年新增高新技术企业300家。其中东区120家。"
	part := windowFeatures(t, q, nouns, Passage{Text: text}, "其中东区120家。")
	if part[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of a part of the whole before = %.2f, want 0", part[FSubjectMiss])
	}
	// How often a thing is done stands before its verb, not after its subject.
	text = "甲项目实行每日巡查、每周检查制度。"
	freq := windowFeatures(t, "甲项目多久检查一次", []string{"甲项目", "检查", "巡查", "制度"}, Passage{Text: text}, text)
	if freq[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of 每周检查 for 多久检查一次 = %.2f, want 0", freq[FSubjectMiss])
	}
}

// A figure whose own words name another measure of the thing (营业收入
// for 利润) does not answer for the asked one, though the question's
// other words all stand beside it.
func TestMeasureClash(t *testing.T) {
	nouns := []string{"甲园区", "乙园区", "乙港", "东校", "东镇", "甲公司", "甲水库", "甲联盟", "会员", "会费", "甲区", "粮食", "产量", "播种",
		"利润", "营业收入", "利润总额", "管理", "规模", "人数", "基金",
		"增速", "全国", "企业", "学生", "参保", "资产", "总额", "面积", "吞吐量"}
	for _, tc := range []struct {
		q, text string
		want    float64
	}{
		{"甲园区利润多少", "甲园区实现营业收入20亿元,增长5%。", 1},
		{"甲园区营业收入多少", "甲园区实现营业收入20亿元,增长5%。", 0},
		{"甲园区利润多少", "甲园区实现利润总额3亿元。", 0},
		// One figure of the asked measure is enough.
		{"甲园区利润多少", "甲园区实现营业收入20亿元、利润3亿元。", 0},
		// A rank asked: the rank's own words tell what it ranks, not
		// another figure's beside it.
		{"甲联盟会员规模全省排第几", "甲联盟会费规模9亿元,会员人数居全省首位。", 1},
		{"甲联盟会费规模全省排第几", "甲联盟会费规模9亿元,居全省首位。", 0},
		// A measure told in no fixed unit may be a bare figure in another
		// unit than the other measures' figures.
		{"甲区粮食产量多少", "甲区粮食播种面积30万亩,总产15万吨。", 0},
		// A question naming no measure, or a figure naming none, is no clash.
		{"甲园区有多少家企业", "甲园区实现营业收入20亿元,入驻企业30家。", 0},
		{"甲园区利润多少", "甲园区去年3亿元。", 0},
		// A wide measure (规模) is given by most others, not by a headcount.
		{"乙园区规模多大", "乙园区规划面积30平方千米。", 0},
		{"乙港规模全国排第几", "乙港集装箱吞吐量居全国第5位。", 0},
		// A short word after a value names its own thing, not the value's.
		{"东校学生人数多少", "东校占地面积5万平方米,学生3000人。", 0},
		{"甲园区利润多少", "甲园区营业收入20亿元,净利3亿元。", 0},
		// A figure whose unit gives the asked measure answers it.
		{"东镇参保人数多少", "东镇参保1.2万人,基金收入5亿元。", 0},
		// A figure in a unit giving the asked measure answers it, whatever
		// wide word stands before it, and one naming no measure too.
		{"甲校学生人数多少", "甲校在校生规模3000人。", 0},
		{"甲水库面积多少", "甲水库总投资2亿元,水面3平方千米。", 0},
		// A headcount gives a scale, but does not rank one.
		{"东校学生规模多大", "东校在校学生人数3000人。", 0},
		// Longer words hold a measure's word without naming it.
		{"甲公司资产总额多少", "甲公司完成固定资产投资5亿元。", 1},
		{"规模以上企业利润多少", "规模以上企业实现营业收入2000亿元。", 1},
	} {
		checkMeasureClash(t, tc.q, tc.text, nouns, tc.want)
	}
}

// Shares, counts and ratings are measures too: a share naming no asked
// measure is no amount, a count no sum of money, a rating no count ranked.
func TestMeasureClashKinds(t *testing.T) {
	nouns := []string{"东校", "甲区", "甲路", "工程", "毕业生", "学生", "人数", "企业", "营业收入", "项目", "基站", "网络", "测评", "数量",
		"投资", "总投资额", "从业"}
	for _, tc := range []struct {
		q, text string
		want    float64
	}{
		// A share naming no asked measure is no amount in a fixed unit,
		// but answers a share or a change asked.
		{"东校毕业生留校人数多少", "东校毕业生留校率达40%。", 1},
		{"东校毕业生留校比例多少", "东校毕业生留校率达40%。", 0},
		{"东校学生人数增长多少", "东校学生人数增长4%。", 0},
		// A share asked without its word (占全区多少) is answered by one,
		// and so is an amount by a share of it done.
		{"东校学生人数占全区多少", "东校学生占全区的30%。", 0},
		{"甲路工程完成了多少投资", "甲路工程完成总投资额的30%。", 0},
		// A count is given by a count, not by a sum of money.
		{"甲区企业数量多少", "甲区企业营业收入500亿元。", 1},
		{"甲区企业数量多少", "甲区有企业500家。", 0},
		// A count of people is a headcount, either way round, but a
		// headcount ranks no count.
		{"甲区学生总数多少", "甲区在校学生人数3000人。", 0},
		{"甲区企业数量全市排第几", "甲区从业人数居全市第1位。", 1},
		// A rating names the measure of a rank only.
		{"甲区项目数量多少", "甲区完成评估项目30个。", 0},
		// A rating ranks no count, though a count is a wide measure.
		{"甲区基站数量全国排第几", "甲区建成基站1万个,在某网络测评中居首位。", 1},
		{"甲区在某网络测评中排第几", "甲区建成基站1万个,在某网络测评中居首位。", 0},
		{"甲区基站数量全国排第几", "甲区基站数量居全国首位。", 0},
		{"甲区基站数量多少", "甲区建成基站1万个,营业收入5亿元。", 0},
	} {
		checkMeasureClash(t, tc.q, tc.text, nouns, tc.want)
	}
}

// checkMeasureClash asserts q's measure_clash on the window of the whole
// of text.
func checkMeasureClash(t *testing.T, q, text string, nouns []string, want float64) {
	t.Helper()
	if x := windowFeatures(t, q, nouns, Passage{Text: text}, text); x[FMeasureClash] != want {
		t.Errorf("%s / %s: measure_clash %v, want %v", q, text, x[FMeasureClash], want)
	}
}

// The unit a question asks of the thing it counts (多少个院落) is the unit
// of the figure told of that thing, not of another figure beside it; a
// thing named before the question word may be only the topic.
func TestUnitOfTheCountedThing(t *testing.T) {
	nouns := []string{"老旧院落", "院落", "翻修", "危房", "甲港", "泊位", "通过", "能力", "面积", "高新技术企业", "产值"}
	for _, tc := range []struct {
		q, text string
		ok      float64
	}{
		{"翻修了多少个院落", "翻修老旧院落30万平方米,启动危房翻修2万套。", 0},
		{"翻修了多少个院落", "翻修老旧院落120个,启动危房翻修2万套。", 1},
		// No figure's own words name the thing: any figure in the unit.
		{"翻修了多少个院落", "完成翻修,涉及120个。", 1},
		{"甲港泊位一年能通过多少吨", "甲港泊位达40个,年通过能力达2亿吨。", 1},
		// A figure whose words add only a verb tells of the thing too.
		{"翻修了多少个院落", "老旧院落翻修面积30万平方米,完成翻修120个。", 1},
		{"翻修了多少个院落", "翻修老旧院落面积30万平方米,共计翻修完成120个。", 1},
		// A figure with no words of its own is the thing's before it.
		{"翻修了多少个院落", "翻修老旧院落30万平方米,启动危房翻修2万套、1万套。", 0},
		// A short form of the thing shares its letters.
		{"有多少家高新技术企业", "高新技术企业实现产值500亿元,有效期内高企1200家。", 1},
	} {
		x := windowFeatures(t, tc.q, nouns, Passage{Text: tc.text}, tc.text)
		if x[FUnitOK] != tc.ok || x[FUnitMismatch] != 1-tc.ok {
			t.Errorf("%s / %s: unit_ok %v, unit_mismatch %v, want unit_ok %v", tc.q, tc.text, x[FUnitOK], x[FUnitMismatch], tc.ok)
		}
	}
}

// measureGroups keeps each kind in one bit of a uint32.
func TestMeasureKindsFitTheirSet(t *testing.T) {
	if n := len(lexicon.measureKinds); n > 32 {
		t.Errorf("%d measure kinds: measureGroups holds at most 32", n)
	}
}

// The measured word tells what a count counts only when nothing but
// fillers, scopes and rank verbs stand between it and the question word:
// a verb between tells what was done to it.
func TestMeasureNear(t *testing.T) {
	for _, tc := range []struct {
		q, measure string
		want       bool
	}{
		{"甲区企业有多少家", "企业", true},
		{"甲区企业一共有多少家", "企业", true},
		{"甲港吞吐量在全国排第几", "吞吐量", true},
		{"多少个甲小区完成改造", "甲小区", true},
		{"甲枢纽快线编了几条", "快线", false},
		{"甲枢纽给出租车配了多少车位", "出租车", false},
		{"甲区企业有多少家", "", false},
		// Words of reaching, of a new or standing count and for the
		// figure tell nothing done to it.
		{"甲区企业新增多少家", "企业", true},
		{"甲区企业累计达到多少家", "企业", true},
		{"甲区企业数量是多少", "企业", true},
		{"甲区企业达到了多少家", "企业", true},
		{"帮甲区企业清欠了多少钱", "清欠", false},
		{"甲区企业　有多少家", "企业", true},
	} {
		var m *Term
		if tc.measure != "" {
			m = &Term{Text: tc.measure}
		}
		if got := measureNear(tc.q, m); got != tc.want {
			t.Errorf("measureNear(%s, %s) = %v, want %v", tc.q, tc.measure, got, tc.want)
		}
	}
}
