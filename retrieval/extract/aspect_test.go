package extract

import (
	"strings"
	"testing"
)

func TestAskedAspect(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want aspect
	}{
		{"去年新增了几座水库", aspectFlow},
		{"水库总数有多少座", aspectStock},
		{"现在有多少座水库", aspectStock},
		{"一共新增了多少座水库", aspectUnknown},
		{"水库有多少座", aspectUnknown},
		// A year word, 新 and a verb done ask what the year added,
		// whichever verb; 新 starting a kind of thing adds nothing, nor
		// does a name (新港) with no verb done after it.
		{"甲园区去年新挂牌了几家企业", aspectFlow},
		{"一年新疏浚了多少千米河道", aspectFlow},
		{"去年新型研发机构有多少家", aspectUnknown},
		{"今年新能源汽车有多少辆", aspectUnknown},
		{"去年新港码头吞吐量多少", aspectUnknown},
		{"东镇青年新农人有多少人", aspectUnknown},
		{"去年新春期间接待游客多少", aspectUnknown},
		{"今年新安镇已经有了多少家企业", aspectUnknown},
		{"去年新河镇种了多少亩小麦", aspectUnknown},
		{"中介机构新备案了多少家", aspectFlow},
		{"重新组建的部门有几个", aspectUnknown},
		{"新成立的丙协会有多少会员", aspectUnknown},
		// 总 before a measure asks what stands; not in another word
		// (总体, 总部, 汇总), nor of a change asked, where it names the
		// measure.
		{"甲水库总库容多少", aspectStock},
		{"乙园区总面积多大", aspectStock},
		{"甲项目总产值比上年涨了多少", aspectUnknown},
		{"甲区总部企业有几家", aspectUnknown},
		{"汇总上报了多少条", aspectUnknown},
		{"甲镇总体建了多少个", aspectUnknown},
		{"甲市总医院新增床位多少张", aspectFlow},
		{"消防救援总队新建了几个消防站", aspectFlow},
	} {
		if got := askedAspect(tc.q); got != tc.want {
			t.Errorf("askedAspect(%q) = %d, want %d", tc.q, got, tc.want)
		}
	}
}

func TestFigureAspect(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		want      aspect
	}{
		{"全年新增水库12座。", "12座", aspectFlow},
		{"全市水库达300座。", "300座", aspectStock},
		{"累计建成水库300座。", "300座", aspectStock},
		// An addition written before 达 is still an addition.
		{"新增水库达12座。", "12座", aspectFlow},
		// The word nearest the figure wins; another clause's does not count.
		{"新增水库12座,总量达300座。", "300座", aspectStock},
		{"新增水库12座,总量达300座。", "12座", aspectFlow},
		{"全市水库达300座,建成12座。", "12座", aspectUnknown},
		// A year word and 新 tell an addition the flow words do not list.
		{"全年新挂牌企业达120家。", "120家", aspectFlow},
		{"全年新型企业达120家。", "120家", aspectStock},
		{"全年新老客户达3000家。", "3000家", aspectStock},
		{"甲区全年新农合参合人数达50万人。", "50万人", aspectStock},
		// A growth rate has no aspect; a count added over the year before
		// in a word of an addition is what the year added.
		{"水库总量增长达5%。", "5%", aspectUnknown},
		{"全县水库达到58座,比上年新增13座。", "13座", aspectFlow},
		{"全县水库达到58座,比上年增加13座。", "13座", aspectUnknown},
		{"水库总量比上年新增5%。", "5%", aspectUnknown},
		{"全县水库比2019年新增13座。", "13座", aspectUnknown},
		// A count opening its clause of things granted something tells
		// what the year granted; one after other words, or of things not
		// granted anything, has no aspect so read.
		{"开展甲试点,8人获颁乙服务卡。", "8人", aspectFlow},
		{"发布实施意见,1个丙工作站通过认定。", "1个", aspectFlow},
		{"开展甲试点,全市8人获颁乙服务卡。", "8人", aspectUnknown},
		{"开展甲试点,8个部门密切配合。", "8个", aspectUnknown},
		// One told as of a date is how many there are by then.
		{"截至年底,320家企业累计通过认定。", "320家", aspectAsOf},
		{"截至年底,120家企业获评甲称号。", "120家", aspectAsOf},
		{"目前,45家企业通过验收。", "45家", aspectUnknown},
		{"截至年底,新增企业45家。", "45家", aspectFlow},
		// A sentence of what the year added tells its parts as added too.
		{"截至年底,全年新增市场主体30万户,其中企业12万户。", "12万户", aspectUnknown},
		{"开展测评,3个社区获得感测评优秀。", "3个", aspectUnknown},
		{"全年重新登记企业300家。", "300家", aspectUnknown},
	} {
		f, ok := figureWriting(tc.text, tc.fig)
		if !ok {
			t.Fatalf("%s: no figure %s", tc.text, tc.fig)
		}
		if got := figureAspect(tc.text, f); got != tc.want {
			t.Errorf("figureAspect(%q, %s) = %d, want %d", tc.text, tc.fig, got, tc.want)
		}
	}
}

func TestAspectAgreement(t *testing.T) {
	flow, stock, none := Figure{aspect: aspectFlow}, Figure{aspect: aspectStock}, Figure{}
	asOf := Figure{aspect: aspectAsOf}
	for _, tc := range []struct {
		asked aspect
		figs  []Figure
		want  float64
	}{
		{aspectFlow, []Figure{stock}, -1},
		{aspectFlow, []Figure{stock, flow}, 1},
		{aspectStock, []Figure{none, stock}, 1},
		{aspectStock, []Figure{none}, 0},
		{aspectUnknown, []Figure{stock}, 0},
		// A count as of a date is no addition, nor the total asked.
		{aspectFlow, []Figure{asOf}, -1},
		{aspectStock, []Figure{asOf}, 0},
		{aspectFlow, []Figure{asOf, flow}, 1},
	} {
		if got := aspectAgreement(tc.asked, tc.figs); got != tc.want {
			t.Errorf("aspectAgreement(%d, %v) = %v, want %v", tc.asked, tc.figs, got, tc.want)
		}
	}
}

// figureWriting finds the figure of text that writes fig.
func figureWriting(text, fig string) (Figure, bool) {
	return figureIn(Figures(text), text, fig)
}

// figureIn is the first of figs, figures of text, that is or starts
// with fig.
func figureIn(figs []Figure, text, fig string) (Figure, bool) {
	for _, f := range figs {
		if strings.HasPrefix(text[f.Start:], fig) || f.Text(text) == fig {
			return f, true
		}
	}
	return Figure{}, false
}

// TestInheritAspects checks that the parts of a breakdown (其中) whose own
// clause tells no aspect take the aspect of the level they part, and only
// of a level in their sentence.
func TestInheritAspects(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		want      aspect
	}{
		{"全县实有商户5万户,比上年增长3%,其中个体户3万户、企业2万户。", "2万户", aspectStock},
		{"全年新登记商户800户,其中新登记企业300户、个体户500户。", "500户", aspectFlow},
		{"全年新增商户800户,其中个体户500户。", "500户", aspectFlow},
		{"全县实有商户5万户。其中个体户3万户。", "3万户", aspectUnknown},
		{"全县商户5万户,其中个体户3万户。", "3万户", aspectUnknown},
		{"全县实有商户5万户,个体户3万户。", "3万户", aspectUnknown},
		{"全县实有商户5万户,占全省的12%,其中个体户3万户。", "3万户", aspectStock},
		// A level stated after the breakdown begins anew; a part is never
		// larger than its whole.
		{"全年新登记商户800户,其中个体户500户,商户总数达到2万户,个体户1.2万户。", "1.2万户", aspectUnknown},
		{"全年新增就业3000人,其中城镇新增2000人,年末全县就业人员50万人。", "50万人", aspectUnknown},
		{"全县实有商户5万户,其中个体户3万户,当年新登记商户8000户,个体户6000户。", "6000户", aspectUnknown},
		{"全年新增商户800户,其中个体户1200户。", "1200户", aspectUnknown},
		// Only a breakdown word opening a clause parts; only counts inherit.
		{"全年新增耕地500亩,耕地有机质含量平均25吨。", "25吨", aspectUnknown},
		{"全年新增商户800户,其中个体户占60%。", "60%", aspectUnknown},
		// 实有 and 现有 inside other words (落实有关, 发现有) tell no level.
		{"全年发放贷款1.2亿元,落实有关补助资金1200万元。", "1200万元", aspectUnknown},
		{"全年排查隐患,发现有问题的企业120家。", "120家", aspectUnknown},
	} {
		var got []Figure
		for _, f := range readFigures(tc.text) {
			if f.Text(tc.text) == tc.fig {
				got = append(got, f)
			}
		}
		if len(got) != 1 {
			t.Fatalf("%s: figures %v for %s", tc.text, got, tc.fig)
		}
		if got[0].aspect != tc.want {
			t.Errorf("aspect of %s in %q = %d, want %d", tc.fig, tc.text, got[0].aspect, tc.want)
		}
	}
}
