package retrieval

// Words the table answer path reads in questions and table labels, in one
// place. None of them names a yearbook, a place or a year.
var tableWords = struct {
	// rateAsks ask for a rate or share rather than a level: 出生人口增长多少.
	rateAsks []string
	// rateFamilies are rate words that ask for the same column: a growth
	// (增速 for a 增长% column) or a share (占比 for 比重). A question of
	// one family is never answered from the other's column.
	rateFamilies [][]string
	// rateLabels mark a column of rates or shares (增长%, 比重).
	rateLabels []string
	// notCells ask what no single cell states: a difference (增加了多少
	// beside a level and a growth rate), an extreme or a ranking.
	notCells []string
	// labelMarks lead a row label without naming anything (其中：第一产业).
	labelMarks []string
	// valueLabels name no dimension of a column, only "the figure" (数值
	// beside 增长%).
	valueLabels []string
	// rowAsks ask for a whole row: 进出口总额那一行, 出生人口各年.
	rowAsks []string
	// filler are question words, particles and joiners that ask nothing
	// of a table: a question of a row label, years, these and units asks
	// for cells, while one word more (农村 before 居民人均可支配收入, 自然
	// in 人口自然增长率) asks for something else.
	filler []string
}{
	rateAsks: []string{"增长", "增速", "增幅", "涨幅", "下降", "比上年", "同比", "百分之几", "百分比", "比重", "占比", "%", "％"},
	rateFamilies: [][]string{
		{"增长", "增速", "增幅", "涨幅", "下降", "比上年", "同比"},
		{"比重", "占比", "占"},
	},
	notCells:    []string{"增加", "减少", "增减", "变化", "多了", "少了", "差", "最高", "最低", "最多", "最少", "最大", "最小", "排名", "第几", "平均"},
	labelMarks:  []string{"其中：", "其中:", "其中", "#", "＃", "-", "—", "·", "•"},
	rateLabels:  []string{"增长", "增速", "增幅", "比重", "占比", "比上年", "同比", "%", "％", "‰", "率", "指数"},
	valueLabels: []string{"数值", "绝对值", "绝对数", "总量", "实际值", "总计", "合计"},
	rowAsks:     []string{"那一行", "这一行", "一行", "整行", "各年", "历年", "每年", "逐年", "各项", "全部数据", "所有数据", "各年份"},
	filler: []string{
		"请问", "查询", "查一下", "告诉我", "一下",
		"多少", "几", "是", "有", "为", "了", "的", "吗", "呢", "啊", "呀",
		"约", "大约", "一共", "总共", "共", "达到", "达", "各", "分别", "各自",
		"和", "与", "及", "以及", "还有", "数据", "年末", "全年", "全市", "全",
	},
}
