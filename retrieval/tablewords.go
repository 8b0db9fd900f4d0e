package retrieval

// Words the table answer path reads in questions and table labels, in one
// place. None of them names a yearbook, a place or a year.

// shareAsks ask a share: rateFamilies' second family, and what
// levelsForChange never answers with levels.
var shareAsks = []string{"比重", "占比", "占"}

// wordDirection is a word asking for the largest (+1) or the smallest (-1).
type wordDirection struct {
	word      string
	direction int
}

var tableWords = struct {
	// rateAsks ask for a rate or share rather than a level: 出生人口增长多少.
	rateAsks []string
	// rateFamilies are rate words that ask for the same column: a growth
	// (增速 for a 增长% column) or a share (占比 for 比重). A question of
	// one family is never answered from the other's column.
	rateFamilies [][]string
	// rateLabels mark a column of rates or shares (增长%, 比重).
	rateLabels []string
	// ownRateEnd ends the label of a rate of its own (签约率), a level,
	// unless a change is said in it (增长率).
	ownRateEnd string
	// notCells ask what no single cell states: a difference, a ranking
	// or an average (amountChanges and extremes are read on their own).
	notCells []string
	// labelMarks lead a row label without naming anything (其中：第一产业);
	// partMarks, leading a column label, mark a part of its row's whole.
	labelMarks []string
	partMarks  []string
	// noteLeads open a note in parentheses that qualifies a row rather
	// than naming it again (（含开发区）, （不含甲）, （按常住人口）).
	noteLeads []string
	// totalRows label a table's row of totals (合计, 全县): a whole is no
	// rival of its parts when the largest or smallest row is asked, where
	// it is the one whole among the rows compared.
	totalRows []string
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
	// arrivals say people came (甲园来了几万游客, 一年来多少游客): they ask
	// the column named beside them, never one chosen by its unit alone.
	arrivals []string
	// joiners join the things a question asks of (甲和乙, 甲、乙).
	joiners []string
	// bracketScopes open a row's bracket saying what the row leaves out or
	// takes in (合计（不含甲）): its words are no other name of the row.
	bracketScopes []string
	// startVerbs say a thing began (建, 设立, 开放); dateLabelEnds end a
	// column label of dates (设立年份, 建成时间). A column of years whose
	// label holds a verb of starting tells when each row began, which a
	// question asks with any of them (哪年建的 of 设立年份), not with a
	// verb of another deed (扩建, 改造).
	startVerbs    []string
	dateLabelEnds []string
	// exactlyHas before a count asks rows holding that count (有2家); an
	// onlyMark before it says no more (只有1家).
	exactlyHas string
	onlyMarks  []string
	// boundsAfter, after a count, make it a bound or a rough figure (2家
	// 以上, 50张左右), no count to match exactly.
	boundsAfter []string
	// otherDeeds in a label of dates name a deed after the start (扩建
	// 时间): its years are not when rows began.
	otherDeeds []string
	// startExtremes ask for the row that began first (-1: 最早) or last
	// (+1: 最晚), of a column of years rows began only: elsewhere 最早
	// asks when a figure first passed a mark. In the order they are read.
	startExtremes []wordDirection
	// holdVerbs say a happening was held or took place (开了几场会, 出了
	// 几起事故): of a count of happenings they ask that count; of things
	// (开了几所学校) they ask what was opened, which a stock does not tell.
	// holdUnits count happenings and editions (场, 起, 届).
	holdVerbs []string
	holdUnits []string
	// pairWords count the two rows named and joined (甲和乙两个街道);
	// said of one row (最多的两个街道) they ask two rows it does not give.
	pairWords []string
	// countSuffix after a cell's counter asks its count (户数 of 万户).
	countSuffix string
	// whereLeads and whichEnds stand around the which-word (whereWhich) of
	// a question asking where a row stands (在哪个镇, 位于哪里): the row's
	// attributes tell, under a label of places: one of placeLabels, a kind
	// of place (placeKinds: 镇), or one after placeLabelLead (所在镇).
	whereWhich     string
	whereLeads     []string
	whichEnds      []string
	placeLabelLead string
	placeLabels    []string
	// labelEnds end a label naming a measure (用电量, 教师数, 成交额)
	// that speech leaves off.
	labelEnds string

	// indicators are the everyday names of standard statistical
	// indicators (国家统计局 terms), one group a line, the form tables
	// write first: a label holding one member is also named by the label
	// with that member replaced by another (城镇居民人均可支配收入 →
	// 城镇居民人均收入). They are read against table labels only, never
	// in the search, so prose answers do not change.
	indicators [][]string
	// labelWordForms are everyday forms of words labels hold that name no
	// indicator of their own (水电 for 水力发电, 网上 for 网络): a label
	// holding one is named by the label with another put for it, as with
	// indicators, but a question saying one names no other indicator.
	labelWordForms [][]string
	// rateIndicators are everyday names of an indicator that name it only
	// before a growth word (经济增速 is the GDP's growth; 经济 alone is a
	// chapter or a title's word), with the standard name they stand for.
	rateIndicators map[string]string
	// clarifiers open a clarification after the question (去年财政收入
	// 多少？就是一般预算那个): what follows restates the row asked.
	clarifiers []string
	// relativeYears count back from the year the documents cover: 去年
	// is that year (a reader of the 2023 edition lives in 2023 and asks
	// about 2022), 前年 and a standalone 上一年 the year before.
	relativeYears map[string]int
	// priorYears name the year before the one asked, only after a
	// comparison word (比上年): alone, 上年 opens labels (上年末数).
	priorYears []string
	// sinceWords turn a following relative year into a change asked (比
	// 上一年少了…, 较去年): the year is the comparison's, not the one asked.
	sinceWords []string
	// sinceJoiners before a relative year that 比 follows (跟前年比) make
	// it the year compared with too.
	sinceJoiners []string
	// rateOnlyAsks ask a rate and never a difference (增速多少), and
	// shareAsks a share (占比, rateFamilies' second): the levels of two
	// years do not answer them.
	rateOnlyAsks []string
	shareAsks    []string
	// rangeWords join two years a change is asked between (从2020年到
	// 2022年增加了多少); asked of levels, a range asks every year in it,
	// which no two cells answer.
	rangeWords []string
	// countNouns name a count without naming what is counted (人数):
	// asked beside a named column they ask its figure.
	countNouns []string
	// changeAsks ask for a growth rate in everyday words; amountChanges
	// (增加, 少了) ask for a difference unless a percent word comes with
	// them (少了百分之几) or they are weighed (增加还是减少).
	changeAsks    []string
	amountChanges []string
	// eachYearAsks ask a row's figure in each year its table has (这两年
	// 分别多少): the levels, or the rates when a rate word comes with them,
	// of every year rather than the covered one.
	eachYearAsks []string
	// ups and downs weighed against each other (涨了还是降了) ask the
	// direction of a change: a growth cell's written sign answers it.
	ups   []string
	downs []string
	// labelGaps are words speech puts inside a row's name (人均能支配
	// 多少收入, 销售了多少汽车): they do not end the name's run (inOrderRun).
	labelGaps []string
	// fallen after a which-word (哪项是负增长, 哪些下降了) ask which
	// rows fell: those whose growth cell is below zero, or, in a table
	// writing no growth, whose level is lower in the later of two years
	// asked; after one of negations (哪些没有下降) they ask the others,
	// which no fall answers. fallWords join the years compared.
	// 减少 and 少了 are comparatives there (哪项减少得多).
	fallen      []string
	fallWords   []string
	negations   []string
	percentAsks []string
	// declines turn an extreme of growth around: 降得最多 is the lowest
	// growth rate.
	declines []string
	// extremes ask for the largest (+1) or smallest (-1) figure of a
	// column or row; comparatives do so after a which-word (A和B哪个多).
	extremes     map[string]int
	comparatives map[string]int
	// extremeLinks join a verb of one character to the extreme after it
	// (办得最少); 的 is left out: the character before it may be a noun
	// asked (羊的最多).
	extremeLinks []string
	whichWords   []string
	// kindLink may join a kind of rows asked to its measure (哪类的).
	kindLink string
	// cornerNameEnds may follow the kind of place a corner label names
	// (村名, 乡镇名称).
	cornerNameEnds []string
	// cornerKindEnds end a corner label naming the kind of its rows
	// (案件类型): its words before them name the rows too (案件).
	cornerKindEnds []string
	// shareBaseLeads lead the whole a share is of (占总面积的比重),
	// longest first.
	shareBaseLeads []string
	// totalAsks ask the total of what a table counts (一共, 总产量), its
	// column of totals; totalMark, one of them, asks it only before the
	// measure the table's title names (总产量), as alone it begins many
	// words (总部); 总额, 总数 and 总量 are whole words of a total.
	totalAsks []string
	totalMark string
	// kindWhich are the which-words a kind of rows may follow (哪类机构),
	// not a year's (哪年) or a person's (谁); speech says 哪一块 of a part
	// of a sum (投资里哪一块最多).
	kindWhich []string
	// blankAsks ask which rows have no figure, after a which-word (哪个乡
	// 没有数据).
	blankAsks []string
	// blankMark follows the name of a row answering blankAsks: its row as
	// quoted leaves the blank out.
	blankMark string
	// tallyEnds end a label that counts what its opening words name
	// (游客人次, 企业数).
	tallyEnds []string
	// oneWhich ask which ones of the rows (哪个分馆), not which kind of
	// them (哪类机构): a kind after them may be a subset of the rows.
	oneWhich []string
	// placeKinds name a kind of place or time after a which-word (哪个区,
	// 哪个月): a question of places or times, which rows of another kind
	// do not answer.
	placeKinds []string
	// shareWords ask a share, not a comparison, though they hold 比.
	shareWords []string
	// compareAsks compare two named years or rows without a comparative
	// (去年和前年比怎么样): the larger is answered first.
	compareAsks []string
	// whichYears ask which year has the extreme: all years compete.
	whichYears []string
	// firstTimes ask the first year a series passed a value (哪年起超过);
	// a verb of crossing (突破; 超过 after 哪年, which a series rising past
	// the value answers with the year it first did; 过的, spoken of a past
	// crossing) says the first time itself, unless pluralYears ask every
	// year past it (哪些年突破), or every year a table holds (统计了哪几
	// 年), which its title's span may not list.
	firstTimes  []string
	crossings   []string
	pluralYears []string
	// titleAsks ask what a table is: its year or its title.
	titleAsks []string
	// titleYearsMark sets the years a table holds after its title.
	titleYearsMark string
	// numeralRunes write a number; a number followed by yearWord is a
	// count of years (千年), not a threshold.
	numeralRunes string
	yearWord     string
	// unitAsks ask the unit a figure is counted in, which its cell
	// writes (按什么单位; 哪个单位 asks who compiled it); unitAskVerbs
	// say how it is counted and ask nothing more, beside a unit or a
	// table's title or years asked (统计了哪几年).
	unitAsks     []string
	unitAskVerbs []string
	unitLead     string // leads the cell that answers a unit asked
	// directionOr joins a rise and a fall asked as a choice (升了还是降了).
	directionOr string
	// tableMarks name a table (人口表里, 这张表, 那张…表 with the table's
	// words between); tableWord is the word in each that names it.
	tableMarks []string
	tableWord  string
	// genericTitle are title words that name no table on their own.
	genericTitle []string
	// yesNo and comparisons make a yes/no question against a threshold
	// (超过6万了吗); its number is compared with the cell by extract.Verdict.
	yesNo []string
	// confirmEnd ends a question seeking a yes after a threshold (不到10万
	// 吧), before any of closingMarks, unless qualifierMark makes the
	// threshold qualify a noun (…以上的村吧); percentSigns write a figure
	// in percent.
	confirmEnd    string
	closingMarks  string
	percentSigns  []string
	qualifierMark string
	comparisons   []string
	// figureUnits are characters right after a bare four-digit number that
	// make it a quantity, not a year (2021吨, 2000万).
	figureUnits string

	// dataSources ask who a chapter's figures come from (数据出自哪个单位)
	// and writeCredits who wrote its text (哪个部门供稿); creditAsks do so
	// only beside a dataWord (谁发布的 of 这些数据), since 哪个部门 alone
	// may ask about the subject itself. When the question names a part of
	// the yearbook (那一章, 这部分), authorAsks (作者是谁) ask its credit
	// too, and writeWords (哪个部门写的, 材料) count as dataWords: alone,
	// they are as often about the subject (作品的作者, 新材料).
	dataSources  []string
	writeCredits []string
	creditAsks   []string
	dataWords    []string
	authorAsks   []string
	writeWords   []string
	// photoAsks ask what a chapter's photos show (配的照片拍的是什么).
	photoAsks []string
	// whenAsks ask the date of a figure the question quotes (那个1034万是
	// 什么时候的数).
	whenAsks []string
}{
	rateAsks: []string{"增长", "增速", "增幅", "涨幅", "下降", "负增长", "比上年", "同比", "百分之几", "百分比", "比重", "占比", "%", "％"},
	rateFamilies: [][]string{
		{"增长", "增速", "增幅", "涨幅", "下降", "负增长", "比上年", "同比", "涨", "跌", "降", "升", "幅度", "增减", "增了", "减了", "变化", "增加", "减少", "多了", "少了", "比上一年", "比去年", "较上年",
			"变多", "变少", "变了", "掉了", "掉多少", "掉几"},
		shareAsks,
	},
	shareAsks:   shareAsks,
	notCells:    []string{"差", "排名", "第几", "平均"},
	labelMarks:  []string{"其中：", "其中:", "其中", "#", "＃", "-", "—", "·", "•"},
	noteLeads:   []string{"含", "不含", "包含", "包括", "除", "按", "其中", "注", "指", "即"},
	partMarks:   []string{"其中", "#", "＃"},
	rateLabels:  []string{"增长", "增速", "增幅", "比重", "占比", "比上年", "同比", "%", "％", "‰", "率", "指数"},
	ownRateEnd:  "率",
	totalRows:   []string{"合计", "总计", "小计", "全县", "全市", "全区", "全省", "全镇", "全乡"},
	valueLabels: []string{"数值", "绝对值", "绝对数", "总量", "实际值", "总计", "合计"},
	rowAsks: []string{"那一行", "这一行", "一行", "整行", "那行", "这行", "各年", "历年", "每年", "逐年", "各项", "全部数据", "所有数据", "各年份",
		"都列", "列一下", "列出", "列举", "都说", "全说", "都是多少", "两年", "几年的", "各个年份", "数和增速", "数据都",
		"这一项", "那一项", "这项", "那项", "那一整行", "这一整行", "都报", "报一下", "都发", "所有数字", "全部数字",
		"这几年", "近几年", "这些年", "近些年", "近年"},
	filler: []string{
		"请问", "查询", "查一下", "查下", "帮我", "告诉我", "一下", "想知道", "知道", "能", "可以", "请", "嘛", "呗", "哈", "多少钱",
		"多少", "几", "多长", "多大", "多高", "多远", "多重", "多宽", "多深", "是", "有", "为", "了", "的", "吗", "呢", "啊", "呀",
		"约", "大约", "一共", "总共", "共", "加起来", "加在一起", "合起来", "达到", "达", "各", "分别", "各自",
		"和", "与", "及", "以及", "还有", "数据", "年末", "全年", "全市", "全",
		"还是", "那个", "这个", "啥", "什么", "说一下", "的数", "数量", "情况", "得", "就是", "指的是",
		"年底", "个点", "个百分点", "给我", "看看", "看一下", "都", "完整", "小孩", "孩子", "人",
		"跟", "规模", "多大", "一年", "发我", "数字", "比", "怎么样", "如何", "比较", "对比", "相比",
		"把", "所有", "全部", "从", "多还是少", "高还是低", "大还是小",
		// The years a table spans, said as a stretch (这五年里哪年最少).
		"这五年里", "这五年", "这几年", "近五年", "近几年", "这些年", "历年",
		// Everyday verbs of doing (搞了多少, 弄了几亩) and words pointing at
		// a row (甲镇那边) name no dimension.
		"搞了", "弄了", "整了", "干了", "搞", "弄", "那边", "这边", "那块", "这块", "那一块", "这一块",
		// Nor do a row's units said under it (甲街道下面几个社区).
		"下面", "底下",
		// A particle of a lasting state (住着多少人) asks nothing, nor does
		// a row said as a kind (甲类的).
		"着", "类",
	},
	bracketScopes: []string{"不含", "不包括", "含", "包括", "除", "其中"},
	startVerbs: []string{"始建", "建成", "建立", "建园", "建馆", "建的", "建", "设立", "成立", "创建", "创办", "开办", "开园", "开馆",
		"开放", "开业", "落成", "投用", "启用"},
	dateLabelEnds:  []string{"年份", "年度", "时间", "年代", "日期"},
	exactlyHas:     "有",
	onlyMarks:      []string{"只", "仅"},
	boundsAfter:    []string{"以上", "以下", "以内", "多", "余", "左右", "上下", "或更多", "及"},
	otherDeeds:     []string{"扩建", "改建", "重建", "翻建", "续建", "改造", "修缮"},
	startExtremes:  []wordDirection{{"最早", -1}, {"最先", -1}, {"最老", -1}, {"最晚", 1}, {"最新", 1}},
	holdVerbs:      []string{"开了", "办了", "举办了", "召开了", "出了", "发生了", "发生"},
	holdUnits:      []string{"次", "场", "起", "届", "期", "回"},
	pairWords:      []string{"两个"},
	labelEnds:      "量数额",
	countSuffix:    "数",
	whereWhich:     "哪",
	whereLeads:     []string{"在", "位于", "属于"},
	whichEnds:      []string{"一个", "个", "里", "儿"},
	placeLabelLead: "所在",
	placeLabels:    []string{"地点", "位置", "地址"},
	joiners:        []string{"和", "与", "及", "、", "还有", "以及"},
	arrivals:       []string{"来了", "来过", "来多少", "来几", "来"},
	indicators: [][]string{
		{"地区生产总值", "GDP", "生产总值", "经济总量"},
		{"一般公共预算收入", "财政收入", "地方财政收入", "公共财政收入", "地方一般公共预算收入", "财政预算收入", "一般预算收入"},
		{"一般公共预算支出", "财政支出", "公共财政支出"},
		{"社会消费品零售总额", "社零", "社零总额", "社零额", "社消零", "消费品零售总额", "零售总额", "零售额", "社会零售额"},
		{"进出口总额", "外贸", "外贸总额", "进出口", "外贸进出口", "对外贸易", "进出口额", "外贸额"},
		{"出口总额", "出口额", "出口"},
		{"进口总额", "进口额", "进口"},
		{"人均可支配收入", "人均收入", "可支配收入"},
		{"城镇居民", "城市居民", "城里人"},
		{"城镇人口", "城市人口", "城里人口", "城里的人口", "城镇的人口",
			"住在城镇的人口", "住在城镇的人", "住在城里的人口", "住在城里的人", "城镇住的人口", "城里住的人口", "城里住的人"},
		{"农村居民", "农民"},
		{"出生人口", "出生人数", "出生数", "新生儿", "出生", "生了", "生的"},
		{"死亡人口", "死亡人数", "死亡数", "死亡", "去世人数", "去世", "死了", "死的", "走了"},
		{"外来务工人员", "农民工", "外来务工", "务工人员", "打工人员", "外来打工", "外地打工", "外地来打工"},
		{"常住人口", "总人口", "人口总数"},
		{"固定资产投资", "固投"},
		{"第一产业", "一产"},
		{"第二产业", "二产"},
		{"第三产业", "三产"},
		{"规模以上工业增加值", "规上工业增加值", "规模以上工业"},
		{"居民消费价格指数", "CPI", "物价指数", "物价涨幅"},
		{"PM2.5", "细颗粒物"},
		{"PM10", "可吸入颗粒物"},
		{"化学需氧量", "COD"},
		{"城镇登记失业率", "失业率"},
		{"城镇新增就业", "新增就业"},
		{"普通高等学校", "高校", "大学", "高等院校"},
		{"中等职业学校", "中职", "职校", "中专"},
		{"普通高中", "高中"},
		{"在校学生", "在校生"},
		{"专任教师", "教师", "老师"},
		{"旅客吞吐量", "客流量", "旅客量"},
		{"快递业务量", "快递量", "快递件数"},
		{"乡村", "农村"},
		{"年末", "年底"},
		{"养老机构", "养老院"},
		{"福利机构", "福利院"},
		{"救助管理站", "救助站"},
	},
	labelWordForms: [][]string{
		{"水力发电", "水电发电", "水电"},
		{"火力发电", "火电发电", "火电"},
		{"风力发电", "风电发电", "风电"},
		{"从业人员", "工作人员", "员工"},
		{"从业", "干活", "上班"},
		{"再生资源回收", "废品回收", "废旧物资回收"},
		{"网络", "网上"},
		{"网络零售", "网购"},
		{"销售", "卖"},
		{"棚户区改造", "棚改"},
		{"文物保护", "文保"},
		{"电子商务", "电商"},
		{"基本医疗保险", "医疗保险", "医保"},
		{"基本养老保险", "养老保险", "养老"},
		{"迁入", "迁进来", "迁进", "迁来"},
		{"迁出", "迁走"},
		{"新登记", "新注册"},
		{"案件", "案子"},
		{"日处理", "每天处理", "一天处理"},
	},
	rateIndicators: map[string]string{"经济": "地区生产总值"},
	clarifiers:     []string{"也就是", "就是", "指的是", "即"},
	// 现在 and its kin ask the latest year, as a question without a year does.
	relativeYears: map[string]int{"去年": 0, "前年": 1, "上一年": 1, "前一年": 1, "现在": 0, "目前": 0, "如今": 0, "当前": 0, "眼下": 0},
	priorYears:    []string{"上年"},
	sinceWords:    []string{"比", "较", "相比", "同"},
	sinceJoiners:  []string{"跟", "和", "与", "同"},
	rateOnlyAsks:  []string{"率", "增速", "增幅", "涨幅", "速度", "指数"},
	rangeWords:    []string{"从", "到", "至"},
	countNouns:    []string{"人数", "数量", "个数", "总数"},
	changeAsks:    []string{"涨", "跌", "降", "升", "幅度", "增减", "增了", "减了", "变化", "变动", "增长率", "增长", "增速", "增幅", "同比", "下降", "回落", "提高", "变多", "变少", "变了", "掉了", "掉多少", "掉几"},
	eachYearAsks:  []string{"这两年", "两年各", "两年分别", "两个年份"},
	ups:           []string{"变多", "增加", "增长", "多了", "上升", "涨", "升", "增"},
	downs:         []string{"变少", "减少", "下降", "负增长", "少了", "跌", "降", "减", "掉了", "掉多少", "掉几"},
	fallen:        []string{"负增长", "下降", "降了", "减少", "少了"},
	fallWords:     []string{"比", "较", "还"},
	negations:     []string{"没有", "不是", "没", "未"},
	labelGaps:     []string{"多少", "能", "一年", "全年", "的", "了"},
	amountChanges: []string{"增加", "减少", "多了", "少了"},
	percentAsks:   []string{"百分之", "百分比", "%", "％", "幅度", "百分点", "个点", "几成", "还是"},
	declines:      []string{"降", "跌", "掉了", "掉多少", "掉几", "减少", "回落", "少了"},
	extremes: map[string]int{"最多": 1, "最高": 1, "最大": 1, "最快": 1, "最长": 1, "最厉害": 1, "最猛": 1,
		"最少": -1, "最低": -1, "最小": -1, "最慢": -1, "最短": -1},
	// 长 and 短 are no comparatives here: 增长 holds 长.
	comparatives:   map[string]int{"多": 1, "高": 1, "大": 1, "快": 1, "少": -1, "低": -1, "小": -1, "慢": -1},
	whichWords:     []string{"哪一个", "哪个", "哪一家", "哪家", "哪一项", "哪项", "哪一块", "哪块", "哪几项", "哪几个", "哪几类", "哪几种", "哪类", "哪种", "哪一年", "哪年", "哪些", "谁", "更"},
	kindLink:       "的",
	extremeLinks:   []string{"得"},
	cornerNameEnds: []string{"名称", "名"},
	cornerKindEnds: []string{"类型", "类别", "种类", "分类"},
	shareBaseLeads: []string{"占全部", "占总", "占全", "占"},
	totalAsks:      []string{"一共", "总共", "加起来", "加在一起", "合起来", "合计", "共计", "总计", "总额", "总数", "总量", "总"},
	totalMark:      "总",
	blankAsks: []string{"没有数据", "没数据", "无数据", "没有数字", "没有数", "没数", "没有统计", "没统计", "没填", "没有填", "空着", "是空的",
		"缺数据", "数据缺失", "缺数"},
	blankMark:   "（表中空缺）",
	tallyEnds:   []string{"人次", "人数", "数量", "个数", "总数", "总量", "数", "量"},
	oneWhich:    []string{"哪一个", "哪个", "哪一家", "哪家", "哪几个", "哪几家", "哪些"},
	kindWhich:   []string{"哪一个", "哪个", "哪一家", "哪家", "哪一项", "哪项", "哪一块", "哪块", "哪几项", "哪几个", "哪几类", "哪几种", "哪类", "哪种", "哪些"},
	shareWords:  []string{"比例", "比重", "比率"},
	compareAsks: []string{"怎么样", "如何", "比较", "对比", "相比", "比一比", "差别", "区别"},
	whichYears:  []string{"哪一年", "哪年", "哪个年份", "哪些年"},
	firstTimes:  []string{"开始", "首次", "第一次", "头一次", "头一回"},
	crossings:   []string{"突破", "超过", "过的", "破的"},
	pluralYears: []string{"哪些年", "哪几年"},
	placeKinds: []string{"省", "市", "区", "县", "镇", "乡", "街道", "村", "地区", "区县", "区市", "乡镇", "镇街", "社区", "园区",
		"开发区", "片区", "城区", "国家", "城市", "月", "季度", "季", "年", "年份", "天", "周", "时段", "街镇", "乡镇街道"},
	titleYearsMark: "：",
	numeralRunes:   "0123456789.,一二两三四五六七八九十百千万亿",
	yearWord:       "年",
	titleAsks:      []string{"哪一年", "哪年", "哪几年", "哪些年", "什么年份", "哪个年份", "统计的是", "是什么表", "标题", "表名", "叫什么"},
	unitAsks:       []string{"按什么单位", "按啥单位", "用什么单位", "用啥单位", "用的什么单位", "用的啥单位", "以什么单位", "单位是什么", "单位是啥", "计量单位"},
	unitAskVerbs:   []string{"统计", "计算", "计量", "算"},
	unitLead:       "单位：",
	directionOr:    "还是",
	tableWord:      "表",
	tableMarks:     []string{"这张表", "那张表", "这张", "那张", "那几个", "这几个", "那几项", "这几项", "这个表", "那个表", "统计表", "表格", "这些", "那些", "表里", "表中", "表上", "表", "里面", "里", "中", "按照", "按", "根据", "依据"},
	genericTitle:   []string{"主要指标", "主要", "指标", "基本情况", "情况", "统计", "年份"},
	yesNo:          []string{"吗", "了没", "没有", "是不是", "是否", "有没有", "对不对"},
	confirmEnd:     "吧",
	closingMarks:   "？?！!。 ",
	percentSigns:   []string{"%", "％", "百分之", "百分比"},
	qualifierMark:  "的",
	comparisons:    []string{"不到", "不足", "低于", "少于", "小于", "超过", "高于", "多于", "大于", "突破", "超", "破", "过的", "破的", "过", "达到", "到达", "达", "到", "满", "有"},
	figureUnits:    "万亿千百十元人吨件辆所个条次米里亩公斤%％‰.点",
	dataSources:    []string{"来源", "出处", "出自", "数据源"},
	writeCredits:   []string{"供稿", "供的稿", "撰稿"},
	creditAsks: []string{"谁发布", "谁提供", "谁统计", "谁给", "谁写", "哪个单位", "哪家单位", "什么单位", "哪个部门", "哪家部门", "什么部门", "哪个机构", "哪家机构",
		"哪些单位", "哪些部门", "哪几个单位", "哪几个部门", "哪几家单位"},
	dataWords:  []string{"数据", "数字", "资料", "统计", "这些数"},
	authorAsks: []string{"作者", "执笔"},
	writeWords: []string{"写", "稿", "材料"},
	photoAsks:  []string{"照片", "配图", "图片", "相片", "拍的", "拍了", "拍摄"},
	whenAsks:   []string{"什么时候", "啥时候", "何时", "时间点", "哪个时间", "什么时间", "截至", "截止"},
}
