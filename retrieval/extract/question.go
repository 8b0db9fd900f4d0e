package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/corpus"
)

// Want is the kind of answer a question part asks for; retrieval.Want is
// this type, carried in the Answer.
type Want string

const (
	WantAny    Want = ""
	WantNumber Want = "number"
	WantDate   Want = "date"
	WantRank   Want = "rank"
	WantNames  Want = "names"
)

// Unit classes a user may name after a question word (多少亿, 多少钱, 百分之几).
// The strict ones (亿 万 元 %) must be met by the figure quoted: a growth
// rate never answers 多少亿.
const (
	UnitYi      = "亿"
	UnitWan     = "万"
	UnitMoney   = "元"
	UnitPercent = "%"
	UnitLength  = "长度"
	UnitArea    = "面积"
	// UnitDuration is a length of time (多久, 多长时间): 3个月, 半年.
	UnitDuration = "时长"
)

// Part is one thing a question asks. 青岛港集装箱吞吐量多少？全国排第几？ has two.
type Part struct {
	// Text is the part as written, question words included.
	Text string
	// Key is Text without question words and particles: what to search for.
	Key   string
	Wants []Want
	// Unit is the unit named by the user: a measure word (家 个 期 场),
	// or one of the Unit* classes; "" when none was named.
	Unit string
	// Change is set when the part asks for a growth or decline (涨了多少).
	Change bool
	// Total is set when the part asks for a total (总量 一共): a rate does not answer it.
	Total bool
	// Added is set when the part asks what the year added (新增, 新建:
	// lexicon.flowWords) and no stock: the count after a change word
	// (增加认证机构12家) is then the answer, not a change of a level.
	Added bool
	// Context is key text carried over from the other parts: the shared
	// subject (…独角兽500强青岛占几家？北方城市里排第几 → 独角兽 for the second).
	Context string
	// Given are the numbers the question itself names (千亿 → 1000, 第30届
	// → 30): a figure repeating one is part of the question, not the answer.
	Given []string
	// Heads are the words right after a names question word (单位 in
	// 哪个单位编的): they say what kind of name is asked, and the text
	// usually gives the name without that word.
	Heads []string
	// Freq is set when the part asks how often (多久调度一次): the answer
	// is a period such as 单月 or 每季度.
	Freq bool
	// Ordinal is the measure of an asked ordinal (届 in 第几届, 批 in
	// 第几批): a figure such as 第十届 then answers the rank asked.
	Ordinal string
	// Clock is set when the part asks a time of day (几点开始): only a
	// clock time (晚8点, 19时) answers it, never a year, a day or a count.
	Clock bool
	// Base is set when the part asks what a figure is compared with
	// (跟啥时候比涨了2.45分): the answer is a base such as 比上半年.
	Base bool
	// Scope is the area a rank is asked within (全省 → ScopeProvince), ""
	// when the part names none.
	Scope string
	// Locus holds the words naming where in the yearbook the user read
	// the fact (总述里, 花卉城那一章), "" when none: the passages under a
	// heading holding them are the ones meant.
	Locus string
	// items numbers the parts made from one list (A和B各多少, A和B哪个多)
	// alike, 0 for any other: a listed item is no subject of its siblings.
	items int
	// followUp is set for a part after another that the user asked (with
	// a question mark or 呢) without a question word: it may ask what the
	// part before asked, of the thing it names (货物吞吐量多少？集装箱呢).
	followUp bool
}

// Scopes of a ranking or a share.
const (
	ScopeWorld    = "world"
	ScopeNation   = "nation"
	ScopeProvince = "province"
	ScopeCity     = "city"
	// ScopeRegion is a region of the nation (居中国沿江城市第2位): not
	// the nation's rank, but no clash with a question asking it.
	ScopeRegion = "region"
	// ScopeProvinceLevel is asked by 省级: a thing of the province's
	// level, which a national count or rank (全国…基地23个) does not give.
	ScopeProvinceLevel = "province-level"
)

// scopeWords name the area of a ranking, in questions and in the text.
var scopeWords = []struct {
	words []string
	scope string
}{
	{[]string{"全球", "世界"}, ScopeWorld},
	{[]string{"全国", "国内"}, ScopeNation},
	{[]string{"全省", "省内", "省里"}, ScopeProvince},
	{[]string{"全市"}, ScopeCity},
}

// provinceLevel is the level word a question asks ScopeProvinceLevel
// with when it names no area.
const provinceLevel = "省级"

// isScopeWord reports whether w is one of scopeWords.
func isScopeWord(w string) bool {
	for _, sw := range scopeWords {
		if slices.Contains(sw.words, w) {
			return true
		}
	}
	return false
}

// scopeOf returns the scope named last in s (the one nearest a figure that
// follows), or "".
func scopeOf(s string) string {
	scope, _ := lastScope(s)
	return scope
}

// lastScope is the scope named last in s and where its word starts, ""
// and -1 when s names none.
func lastScope(s string) (scope string, at int) {
	at = -1
	for _, sw := range scopeWords {
		if i := lastIndexAny(s, sw.words); i > at {
			scope, at = sw.scope, i
		}
	}
	if i := lastProvinceScope(s); i > at {
		scope, at = ScopeProvince, i
	}
	return scope, at
}

// lastProvinceScope is where s last names a province as the area of a
// rank or a count (在浙江省推广, 居浙江省第5位, 浙江省内), -1 when it
// does not: a province's name inside another name (浙江甲乙集团, 浙江路,
// 浙江大学) is no scope.
func lastProvinceScope(s string) int {
	at := -1
	for _, name := range corpus.ProvinceNames() {
		if i := lastScopeAt(s, name); i > at {
			at = i
		}
	}
	return at
}

// lastScopeAt is where s last names place name as the area of a rank,
// count or share (在甲省排, 居甲省, 甲省内), -1 when it does not or only
// inside another name (甲省路, 甲省大学).
func lastScopeAt(s, name string) int {
	return lastPlacedAt(s, name, lexicon.provinceScopeBefore, lexicon.provinceScopeAfter)
}

// frameAt is where text last names place name as the frame of a rank or
// share (在甲省排, 占甲省, 甲省内排第几), -1 when it does not: written
// after a word placing a rank or share, or before a rank verb. Only a
// rank or share question reads it (markFrames): 甲省内有多少 asks the
// area's own count, and 甲省内河 names a river of it.
func frameAt(text, name string) int {
	return lastPlacedAt(text, name, lexicon.frameBefore, lexicon.frameAfter)
}

// lastPlacedAt is where s last writes name with a rune of before right
// before it or a word of after right after it, -1 when it does not, or
// only inside another name (lexicon.notProvinceAfter).
func lastPlacedAt(s, name, before string, after []string) int {
	at := -1
	if name == "" {
		return at
	}
	for i := strings.Index(s, name); i >= 0; i = indexFrom(s, name, i+len(name)) {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+len(name):])
		if strings.ContainsRune(lexicon.notProvinceAfter, next) {
			continue
		}
		if strings.ContainsRune(before, r) || hasPrefixAny(s[i+len(name):], after) != "" {
			at = i
		}
	}
	return at
}

// Question is a whole question split into parts.
type Question struct {
	Text  string
	Parts []Part
}

// Wants lists the kinds asked over all parts, without repeats.
func (q Question) Wants() []Want {
	var out []Want
	seen := map[Want]bool{}
	for _, p := range q.Parts {
		for _, w := range p.Wants {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// qword is a question word, the kind of answer it asks for, and whether
// it is a bare 多少/几 that may be followed by a unit.
type qword struct {
	text  string
	want  Want
	count bool
}

// countingRanks are rank words that count when a noun follows them
// (几名专家 asks how many people), except after a word that leads a
// place on a list (rankLeads: 前几名专家) or before a link word or a
// verb of having (几名是…, 几名没有…); and when a word leading a count
// comes before them (有几名).
var (
	countingRanks = []string{"几名"}
	rankLeads     = []string{"前", "第"}
	rankFollowers = []string{"没", "行列", "以内", "之内"}
)

// questionWords, longest first. 排多少 asks for a rank, 多少 for a number.
var questionWords = func() []qword {
	ws := []qword{
		{"排第几", WantRank, false}, {"排老几", WantRank, false}, {"排多少", WantRank, false},
		{"排名第几", WantRank, false}, {"第几名", WantRank, false}, {"第几位", WantRank, false},
		{"排第", WantRank, false}, {"排几", WantRank, false}, {"第几", WantRank, false}, {"排名", WantRank, false},
		{"多少强", WantRank, false}, {"几强", WantRank, false},
		{"名次", WantRank, false}, {"位次", WantRank, false}, {"几名", WantRank, false}, {"老几", WantRank, false},
		{"什么时候", WantDate, false}, {"啥时候", WantDate, false}, {"什么时间", WantDate, false},
		{"啥时间", WantDate, false}, {"哪一天", WantDate, false}, {"哪个时候", WantDate, false},
		{"哪个时间", WantDate, false}, {"哪个月", WantDate, false}, {"哪一月", WantDate, false}, {"哪月", WantDate, false},
		{"哪个季度", WantDate, false}, {"哪段时间", WantDate, false}, {"啥时", WantDate, false}, {"哪天", WantDate, false},
		{"几月份", WantDate, false}, {"几月", WantDate, false}, {"何时", WantDate, false},
		{"几点钟", WantDate, false}, {"几点", WantDate, false},
		{"哪一年", WantDate, false}, {"哪年", WantDate, false}, {"哪个年度", WantDate, false}, {"哪一年度", WantDate, false}, {"哪年度", WantDate, false}, {"几号", WantDate, false}, {"多会儿", WantDate, false},
		{"哪几个", WantNames, false}, {"哪几家", WantNames, false}, {"哪几条", WantNames, false},
		{"哪几项", WantNames, false}, {"哪几", WantNames, false}, {"哪些", WantNames, false},
		{"哪两家", WantNames, false}, {"哪两个", WantNames, false}, {"哪三个", WantNames, false},
		{"哪个", WantNames, false}, {"哪家", WantNames, false}, {"哪位", WantNames, false},
		{"哪里", WantNames, false}, {"哪儿", WantNames, false}, {"在哪", WantNames, false}, {"哪", WantNames, false},
		{"叫什么", WantNames, false}, {"是谁", WantNames, false}, {lexicon.whoWord, WantNames, false}, {"什么名字", WantNames, false},
		{"百分之几", WantNumber, false}, {"百分之多少", WantNumber, false},
		{"几分之几", WantNumber, false},
		{"多少", WantNumber, true}, {"几", WantNumber, true},
		{"多长时间", WantNumber, false}, {"多少时间", WantNumber, false}, {"多长", WantNumber, false}, {"多大", WantNumber, false}, {"多高", WantNumber, false},
		{"多远", WantNumber, false}, {"多久", WantNumber, false}, {"多重", WantNumber, false}, {"多快", WantNumber, false},
		{"多深", WantNumber, false}, {"多宽", WantNumber, false},
		{"怎么样", WantAny, false}, {"咋样", WantAny, false}, {"如何", WantAny, false},
		{"怎样", WantAny, false}, {"什么", WantNames, false}, {"啥", WantNames, false},
		{"是否", WantAny, false}, {"有没有", WantAny, false},
	}
	out := make([]qword, len(ws))
	copy(out, ws)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j].text) > utf8.RuneCountInString(out[j-1].text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// particles are dropped from the end of a part (and 吗 呢 anywhere).
var particles = []string{"吗", "呢", "啊", "呀", "吧", "嘛", "哈", "哦", "了", "的", "来着", "呐"}

// countUnits are measure words that may follow 多少/几 (多少家, 几期).
var countUnits = sortByLen([]string{
	"个百分点", "个点", "亿元", "万元", "亿", "万", "千", "百", "元", "钱", "块钱", "块",
	"个", "家", "项", "人次", "人", "户", "分", "期", "次", "场", "只", "张", "套", "处", "所", "枚", "册",
	"座", "条", "台", "批", "名", "部", "笔", "支", "栋", "间", "倍", "届", "辆", "艘", "件",
	"个月", "吨", "千米", "公里", "米", "平方米", "平方千米", "立方米", "标准箱", "公顷", "万亩", "亩", "方", "天", "年", "号", "大",
})

// unitLikeNouns start with a measure word but are nouns: 多少项目 asks for
// a count of projects, not for a figure in 项.
var unitLikeNouns = []string{"项目", "人才", "人员", "人口", "家庭", "家电", "名单", "名额", "分钟", "部门",
	"条件", "所有", "台风", "期间", "次数", "场所", "场馆", "场地", "处理", "件事", "户籍", "户口", "批次", "年份", "号码", "天气",
	"支持", "支出", "处置", "批准", "期限", "名称", "版面", "版权", "方面", "方案", "方式", "方向", "方法", "方针"}

// Words that say a part asks for a share, a change or a total.
var (
	percentWords = []string{"比例", "比重", "占比", "百分比", "百分之", "分之", "率", "增速", "增幅"}
	changeAsk    = []string{"增长", "增加", "涨", "下降", "降了", "减少", "提高", "上升", "增速", "增幅", "多了", "少了", "高出", "高了"}
	// freqAsk and freqOnce together ask how often (多久调度一次).
	freqAsk     = []string{"多久", "多长时间", "多少天", "几天", "几个月", "多少个月", "频率", "多频繁", "周期"}
	freqOnce    = []string{"一次", "一回", "一轮", "频率", "多频繁", "周期"}
	totalAsk    = []string{"总量", "总额", "总共", "一共", "合计", "总数", "共计"}
	durationAsk = []string{"多久", "多长时间", "多少时间"}
	// fillers are colloquial words about time that name nothing to
	// search for (疫情那阵子 is 疫情期间).
	fillers    = []string{"那阵子", "这阵子", "那会儿", "那时候", "那段时间", "那阵儿"}
	moneyWords = []string{"多少钱", "多少资金", "多少经费", "花了多少", "投了多少"}
	// moneyMeasures are sums of money: 总投资多少 asks for an amount,
	// not a count (多少个 names its counter, and a change its rate).
	moneyMeasures = []string{"投资", "投资额", "资金", "收入", "营收", "利润", "产值", "增加值", "税收", "利税",
		"金额", "费用", "经费", "出口额", "进口额", "成交额", "销售额", "贸易额", "融资额", "总收入"}
	// askLinks may stand between a measure and its question word
	// (总投资是多少, 收入一共有几).
	askLinks = []string{"是", "有", "达到", "达", "一共", "总共", "共", "大概", "大约", "约", "了"}
)

// Analyze reads a normalized question (NFKC, Simplified): it splits it
// into parts, each with what it asks and the words to search for.
func Analyze(normalized string) Question {
	q := Question{Text: normalized, Parts: partsOf(splitQuestion(listJoined(normalized)))}
	given := numbersIn(Canon(normalized))
	for i := range q.Parts {
		q.Parts[i].Given = given
		// The subject is named first and left out after (X多少？全国排第
		// 几？): a part takes the words of the parts before it, not of
		// those after, which ask about something else.
		var ctx []string
		for j := range i {
			if q.Parts[i].items == 0 || q.Parts[j].items != q.Parts[i].items {
				ctx = append(ctx, q.Parts[j].Key)
			}
		}
		q.Parts[i].Context = strings.Join(ctx, " ")
		if i > 0 && q.Parts[i].followUp {
			q.Parts[i].askAs(q.Parts[i-1])
		}
		if i > 0 && asksAgainElsewhere(q.Parts[i-1], q.Parts[i]) {
			// 总述里说多少，花卉城那章又说多少: the same fact, asked of
			// another part of the yearbook; the earlier words are its own.
			q.Parts[i].Key = strings.TrimSpace(factAskedIn(q.Parts[:i], q.Parts[i].Context) + " " + q.Parts[i].Key)
		}
	}
	return q
}

// askAs makes a follow-up that names only a thing (乙呢, 那集装箱呢) ask
// what prev asked of it: the kind of answer, a change, a total, how often,
// a share, and the area of a rank. One naming a measure of its own (面积呢,
// 增速呢) asks that measure, a figure. Other units are not carried over:
// another thing is told in its own (吨 of cargo, 标准箱 of containers),
// and an area named for a count (全省有几个) is no rank's frame.
func (p *Part) askAs(prev Part) {
	if len(p.Wants) > 0 {
		return
	}
	if p.Unit != "" || p.Change || p.Total || namesMeasure(p.Text) {
		p.Wants = []Want{WantNumber}
		return
	}
	p.Wants = slices.Clone(prev.Wants)
	p.Change, p.Total, p.Added, p.Freq = prev.Change, prev.Total, prev.Added, prev.Freq
	p.Ordinal = prev.Ordinal
	if prev.Unit == UnitPercent {
		p.Unit = prev.Unit
	}
	if p.Scope == "" && wants(prev.Wants, WantRank) {
		p.Scope = prev.Scope
	}
	if len(p.Heads) == 0 {
		p.Heads = slices.Clone(prev.Heads)
	}
}

// namesMeasure reports whether text names a kind of figure (面积, 增速,
// 占比) as a word: not a character of another word (数 of 数字经济), nor
// inside a kind of thing (规模以上企业: lexicon.measureMasks).
func namesMeasure(text string) bool {
	text = blankOut(text, lexicon.measureMasks)
	for _, ws := range [][]string{lexicon.figureNouns, percentWords} {
		for _, w := range ws {
			if utf8.RuneCountInString(w) > 1 && strings.Contains(text, w) {
				return true
			}
		}
	}
	return false
}

// asksAgainElsewhere reports whether part p asks what part prev asked, of
// another part of the yearbook: both name one, and p names nothing else.
func asksAgainElsewhere(prev, p Part) bool {
	if prev.Locus == "" || p.Locus == "" || prev.Locus == p.Locus {
		return false
	}
	rest := p.Key
	for _, span := range p.LocusSpans() {
		rest = strings.ReplaceAll(rest, span, "")
	}
	n := 0
	for _, r := range rest {
		if unicode.IsLetter(r) && !strings.ContainsRune(lexicon.locusFillers, r) {
			n++
		}
	}
	return n < 2
}

// factAskedIn is the words of the fact the parts before ask, for a part
// that asks it again of another part of the yearbook: context, their
// words, or the last one's own when a list gave it none (游客总述和花卉
// 攻势里各说多少). A word naming where an earlier part read it (综述) is
// dropped: kept, it would count against every passage of the part now
// named, which does not write it. Only whole words are dropped, since a
// locus span may also hold the fact's words (游客人数概况里), and each
// word is kept once, as the parts before may repeat the fact.
func factAskedIn(before []Part, context string) string {
	words := context
	if words == "" {
		words = before[len(before)-1].Key
	}
	var spans, out []string
	for _, p := range before {
		spans = append(spans, p.LocusSpans()...)
	}
	for _, w := range strings.Fields(words) {
		if !slices.Contains(spans, w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// namesShare reports whether a query without a question word ends in a
// word naming a share or rate (占全区比重, 达标率): it asks that figure,
// as 多少 would, and a sentence only about its subject does not answer
// it. A claim to check (过半了吗) is read as before, the sentence telling
// of it deciding; a share word inside the query (率先, 增速放缓原因)
// names no figure asked.
func namesShare(text string) bool {
	if checksClaim(text) {
		return false
	}
	end := trimParticles(text)
	return slices.ContainsFunc(percentWords, func(w string) bool { return strings.HasSuffix(end, w) })
}

// partsOf reads the parts of a question's segments.
func partsOf(segs []segment) []Part {
	var parts []Part
	var pending string
	joined := false // an explicit joiner came after the last part
	lists := 0
	for _, s := range segs {
		if s.joiner {
			// An explicit joiner (+, vs) closes the words before it as an
			// item of their own, asked or not.
			parts = appendKeyed(parts, pending)
			pending, joined = "", true
			continue
		}
		text := pending + s.text
		_, asks := analyzePart(text)
		// 呢 closes a follow-up only after a part (甲港多少？乙港呢); before
		// any, it marks a topic (甲港呢，…开通了吗).
		closed := s.asked || s.endsFollowUp && len(parts) > 0
		if !asks && !(closed && pending == "" && len(segs) > 1) {
			// A lead-in without a question word (航运贸易金融那个攻势，…咋样)
			// belongs to the part that follows it; one the user closed
			// with a question mark (二期工程投资？…) is a question.
			pending = text + " "
			continue
		}
		followUp := !asks && len(parts) > 0
		pending, joined = "", false
		// Distributed once whole: the list may stand in the lead-in
		// (A和B，各是多少).
		ds := distribute(text)
		if len(ds) > 1 {
			lists++
		}
		for _, d := range ds {
			if followUp {
				d = trimFollowUpLead(d)
			}
			p, _ := analyzePart(d)
			if len(ds) > 1 {
				p.items = lists
			}
			p.followUp = followUp
			parts = append(parts, p)
		}
	}
	return trailing(parts, pending, joined, lists)
}

// trailing adds the words after the last part: they refine it, or stand
// as a part of their own after an explicit joiner or when no part is asked.
// Two figures named side by side with no question word (甲港吞吐量和乙港
// 泊位数) are asked each on its own, as they would be with 多少 after.
// lists is how many lists the parts before were distributed from.
func trailing(parts []Part, pending string, joined bool, lists int) []Part {
	if strings.TrimSpace(pending) == "" {
		return parts
	}
	p, _ := analyzePart(pending)
	switch {
	case strings.TrimSpace(p.Key) == "":
	case len(parts) > 0 && !joined:
		last := &parts[len(parts)-1]
		last.Text += pending
		last.Key += " " + p.Key
	default:
		figs := eachFigure(strings.TrimSpace(pending))
		if len(figs) == 1 {
			return append(parts, p)
		}
		for _, f := range figs {
			fp, _ := analyzePart(f)
			fp.items = lists + 1
			parts = append(parts, fp)
		}
	}
	return parts
}

// listJoined writes the spaced joiners of a question that compares or
// distributes over its items (A vs B 哪个大, A + B 各多少) as a list
// joiner: the items are then asked one by one by distribute, each for
// what the question asks after them.
func listJoined(q string) string {
	f := strings.Fields(q)
	if len(f) < 3 || !slices.ContainsFunc(f[1:len(f)-1], func(w string) bool { return slices.Contains(spacedJoiners, w) }) ||
		comparisonAt(q) == nil && !slices.ContainsFunc(distributors, func(d string) bool { return strings.Contains(q, d) }) {
		return q
	}
	var b strings.Builder
	joined := false
	for i, w := range f {
		if i > 0 && i+1 < len(f) && slices.Contains(spacedJoiners, w) {
			b.WriteString("和")
			joined = true
			continue
		}
		if i > 0 && !joined {
			b.WriteString(" ")
		}
		b.WriteString(w)
		joined = false
	}
	return b.String()
}

// appendKeyed appends the part text asks when it names anything.
func appendKeyed(parts []Part, text string) []Part {
	if strings.TrimSpace(text) == "" {
		return parts
	}
	if p, _ := analyzePart(text); strings.TrimSpace(p.Key) != "" {
		return append(parts, p)
	}
	return parts
}

// segment is a piece of a question and whether the user ended it with a
// question mark. A joiner segment is an explicit joiner standing alone
// between spaces (A + B, A vs B): the items are asked each on its own.
type segment struct {
	text   string
	asked  bool
	joiner bool
	// endsFollowUp is set when the segment ends in 呢 (那乙呢), which
	// after a question asks as a question mark does.
	endsFollowUp bool
}

// spacedJoiners join items of a question when written between spaces; a
// + glued to words is part of a name (人工智能+).
var spacedJoiners = []string{"+", "＋", "vs", "VS", "Vs", "vs."}

// splitQuestion cuts at sentence and clause punctuation and at spaces
// (phone users separate questions with a space).
func splitQuestion(s string) []segment {
	var out []segment
	var b strings.Builder
	flush := func(asked bool) {
		if t := strings.TrimRight(strings.TrimSpace(b.String()), lexicon.chatTails); t != "" {
			out = append(out, segment{text: t, asked: asked, joiner: slices.Contains(spacedJoiners, t),
				endsFollowUp: strings.HasSuffix(t, lexicon.followUpMark)})
		}
		b.Reset()
	}
	for _, r := range s {
		switch {
		case strings.ContainsRune("？?！!。；;，,\n", r), unicode.IsSpace(r):
			flush(r == '？' || r == '?')
		default:
			b.WriteRune(r)
		}
	}
	flush(false)
	return out
}

// trimFollowUpLead drops the word a follow-up opens with (那乙区呢 →
// 乙区呢): it points back to the question before and names nothing. 那
// starting a word of its own (那个, 那些) stays, and so does a lead
// leaving less than a word before 呢.
func trimFollowUpLead(seg string) string {
	for _, w := range lexicon.followUpLeads {
		rest, ok := strings.CutPrefix(seg, w)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(lexicon.followUpLeadStops, r) ||
			utf8.RuneCountInString(strings.TrimSuffix(rest, lexicon.followUpMark)) < 2 {
			return seg
		}
		return rest
	}
	return seg
}

// whichRe is 哪 with a count (哪五个, 哪3家, 哪几条): the count belongs to
// the question word, not to the things asked about.
var whichRe = regexp.MustCompile(`哪(?:[0-9]+|[一二两三四五六七八九十几]+)[个家条项位种类座所部只批届年天名处]?`)

// baseAskRe, read on the key where the question word is gone, asks for a
// comparison base: 跟(啥时候)比, 比(什么时候), 相比.
var baseAskRe = regexp.MustCompile(`(跟|和|与|同)\s*比|比\s|比$|相比|对比`)

// rankPlaceRe is 排 and a count of places, a scope between (排全省多少名,
// 排在全国几位); 排第几 is read as a question word.
var rankPlaceRe = regexp.MustCompile(`排(在?)(\p{Han}{0,4}?)(?:多少|几)(?:名|位)`)

// asksPlaceInRanking reports whether text asks a place in a ranking with a
// count word (排全省多少名), not a count of people (排队的有多少名, 排在前十的
// 有多少名): the words between, if any, are one scope word.
func asksPlaceInRanking(text string) bool {
	m := rankPlaceRe.FindStringSubmatch(text)
	return m != nil && (m[2] == "" || isScopeWord(m[2]))
}

// ordinalRe is an asked ordinal with its measure (第几届, 第几次).
var ordinalRe = regexp.MustCompile(`第几(届|批|次|回|期|个|家|季|轮|阶段|条|款|章|节|版)`)

// ordinalSynonyms are colloquial measures of an ordinal and the one the
// text writes (第几回 → 第九次).
var ordinalSynonyms = map[string]string{"回": "次"}

func analyzePart(text string) (Part, bool) {
	p := Part{Text: text}
	key := blankOut(text, fillers)
	asks := p.readFrequency(&key)
	asks = p.readComparison(&key) || asks
	asks = p.readWhich(&key) || asks
	asks = p.readQuestionWords(&key) || asks
	p.Wants = dropWeakWants(p.Wants)
	if asksPlaceInRanking(text) {
		p.Wants, p.Unit = dropWeakWants(addWant(p.Wants, WantRank)), ""
	}
	// A rank of a growth (增速排第几) asks for the rank: the growth word
	// names what is ranked, not a unit or a change to quote.
	rankOnly := len(p.Wants) == 1 && p.Wants[0] == WantRank
	if !rankOnly {
		p.readUnitClass(text)
		// Read on the key, where 多少 is gone: 多少了 does not ask for a change.
		// Percentage points measure a difference (比全市高几个百分点, in
		// speech 快几个点) even where no change word is written.
		p.Change = asksChange(changeAsked(text, key, p.Unit)) && !asksAmountCut(text) || strings.HasSuffix(p.Unit, "百分点") || p.asksPoints(text)
	}
	if !asks && len(p.Wants) == 0 && namesShare(text) {
		p.Wants = []Want{WantNumber}
	}
	p.Total = containsAny(text, totalAsk)
	p.Added = askedAspect(text) == aspectFlow
	p.Base = wants(p.Wants, WantDate) && baseAskRe.MatchString(key)
	p.Scope = askedScope(text, p.Wants)
	if p.Scope == "" && strings.Contains(text, provinceLevel) {
		p.Scope = ScopeProvinceLevel
	}
	p.Locus = locusOf(text)
	// A section title is a word of its own: glued to the next word it is
	// cut wrongly (综述说 → 综 述说).
	for _, t := range lexicon.sectionTitles {
		key = strings.ReplaceAll(key, t, " "+t+" ")
	}
	p.Key = strings.Join(strings.Fields(trimParticles(key)), " ")
	return p, asks
}

// readFrequency reads a question how often (多久调度一次) and takes its
// words out of key.
func (p *Part) readFrequency(key *string) bool {
	if p.Freq = containsAny(p.Text, freqAsk) && containsAny(p.Text, freqOnce); !p.Freq {
		return false
	}
	p.Wants = addWant(p.Wants, WantDate)
	*key = blankOut(blankOut(*key, freqAsk), freqOnce)
	return true
}

// asksPoints reports whether the part asks points of a difference or a
// growth in speech (比全区快几个点, 增长几个点): 个点 with such a word, not
// a count of sites (几个点位, 设了几个点).
func (p *Part) asksPoints(text string) bool {
	return p.Unit == "个点" && !strings.Contains(text, "个点位") && containsAny(text, lexicon.pointsCues)
}

// comparisonRe matches the words comparing items by a figure (谁多, 哪个
// 增长更快): the words between stay in the key, as they name the figure.
// kindComparisonRe matches 哪种 or 哪类 comparing them (哪种多) only where
// the comparing word ends the part: before a noun (哪类小微企业) it asks
// for a kind by name. Its empty group stands for the words between.
var (
	comparisonRe     = regexp.MustCompile(`(?:谁|哪个|哪一个|哪家|哪项|哪边)(.{0,8}?)(?:更|最|比较|要)?(?:多|少|高|低|大|小|快|慢|长|短|强)`)
	kindComparisonRe = regexp.MustCompile(`(?:哪种|哪类)()(?:更|最|比较|要)?(?:多|少|高|低|大|小|快|慢|长|短|强)(?:$|[^\p{Han}])`)
)

// comparisonAt is where s compares items by a figure, as
// FindStringSubmatchIndex gives it (group 1: the words naming the
// figure); nil when it does not.
func comparisonAt(s string) []int {
	if m := comparisonRe.FindStringSubmatchIndex(s); m != nil {
		return m
	}
	return kindComparisonRe.FindStringSubmatchIndex(s)
}

// readComparison reads a question that names the items it compares (A和B
// 谁多, A还是B哪个高): it asks for each item's figure, not for a name. A
// superlative over items not named (哪个区最多) still asks a name.
func (p *Part) readComparison(key *string) bool {
	m := comparisonAt(*key)
	if m == nil || !enumerates((*key)[:m[0]]) && !strings.Contains((*key)[:m[0]], "还是") {
		return false
	}
	p.Wants = addWant(p.Wants, WantNumber)
	*key = (*key)[:m[0]] + " " + (*key)[m[2]:m[3]] + " " + (*key)[m[1]:]
	return true
}

// readWhich reads an asked ordinal (第几届) and the 哪一个-style words
// with the head after them, taking the latter out of key.
func (p *Part) readWhich(key *string) bool {
	if m := ordinalRe.FindStringSubmatch(*key); m != nil {
		p.Ordinal = m[1]
		if o, ok := ordinalSynonyms[p.Ordinal]; ok {
			p.Ordinal = o
		}
	}
	for _, loc := range whichRe.FindAllStringIndex(*key, -1) {
		if !slices.Contains(whichDates, (*key)[loc[0]:loc[1]]) {
			p.Heads = appendHead(p.Heads, (*key)[loc[1]:])
		}
	}
	found := false
	*key = whichRe.ReplaceAllStringFunc(*key, func(m string) string {
		if slices.Contains(whichDates, m) {
			// Left for the date words: 哪一天 asks when, not which day.
			return m
		}
		found = true
		return " "
	})
	if found {
		p.Wants = addWant(p.Wants, WantNames)
	}
	return found
}

// saysMany reports whether question word w, after before, is 多 "many"
// and the next word (很多大企业, 更多快递): 多少 is never read so.
func saysMany(before, w string) bool {
	if w == "多少" || !strings.HasPrefix(w, "多") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(lexicon.manyLeads, r)
}

// asksClock reports whether 几点 asks a time of day in key, before and
// after being what stands around it: after a part of the day (晚上几点) or
// before 钟 or a verb of opening, closing, leaving or arriving (几点开门);
// not before a noun (几点意见), not a decimal (是几点几), nor points of a
// share, which speech counts after a comparison (比甲省高几点).
func asksClock(key, before, after string) bool {
	if strings.HasPrefix(after, lexicon.decimalAsk) || containsAny(key, lexicon.pointsCues) {
		return false
	}
	return hasSuffixAny(before, lexicon.dayParts) != "" || hasPrefixAny(after, lexicon.clockFollowers) != ""
}

// whichDates are the 哪一…-words that ask for a date.
var whichDates = []string{"哪一天", "哪一年"}

// readQuestionWords reads every question word (多少, 什么时候, 第几 …):
// what it asks, the head after a names word, the unit after a count
// word; each is taken out of key.
func (p *Part) readQuestionWords(key *string) bool {
	asks := false
	for _, qw := range questionWords {
		for from := 0; ; {
			k := strings.Index((*key)[from:], qw.text)
			if k < 0 {
				break
			}
			i := from + k
			if slices.Contains(countingRanks, qw.text) && countsPeople((*key)[:i], (*key)[i+len(qw.text):]) ||
				hasPrefixAny((*key)[i:], lexicon.notAsks) != "" || saysMany((*key)[:i], qw.text) ||
				slices.Contains(lexicon.clockAsks, qw.text) && !asksClock(*key, (*key)[:i], (*key)[i+len(qw.text):]) {
				// Left for 几 to read as a count with its measure word;
				// 几乎 asks nothing, nor 多 meaning many (很多快递).
				from = i + len(qw.text)
				continue
			}
			asks = true
			p.Clock = p.Clock || slices.Contains(lexicon.clockAsks, qw.text)
			p.Wants = addWant(p.Wants, qw.want)
			after := p.readAfter(qw, (*key)[:i], (*key)[i+len(qw.text):])
			*key = (*key)[:i] + " " + after
		}
	}
	return asks
}

// readAfter reads what follows question word qw, before standing before
// it, and returns the rest, without the measure words a count word takes
// (几个人, 多少栋).
func (p *Part) readAfter(qw qword, before, after string) string {
	switch {
	case qw.want == WantNames && qw.text != lexicon.whoWord:
		// What follows 谁 is what was done (谁牵头), a word the
		// answer's sentence writes, not the kind of name asked.
		p.Heads = appendHead(p.Heads, after)
	case qw.want == WantDate && strings.HasPrefix(after, "的"):
		// 哪年的榜单, 什么时候的事: the noun names what the date is
		// of, a word the text need not repeat beside it.
		p.Heads = appendHead(p.Heads, after[len("的"):])
	}
	if qw.want == WantRank && strings.HasSuffix(qw.text, "强") {
		// 多少强 asks for the size of a list of the best (二十强).
		p.Unit = "强"
	}
	if !qw.count {
		return after
	}
	// The measure word after 多少/几 is part of the question (几个人,
	// 多少栋): it names the unit, not a thing to search for.
	for k := 0; k < 2; k++ {
		u := hasPrefixAny(after, countUnits)
		if u == "" || hasPrefixAny(after, unitLikeNouns) != "" {
			break
		}
		if _, spoken := lexicon.spokenUnits[u]; spoken && !spokenVolume(before, after[len(u):]) {
			break
		}
		p.Unit = unitClass(u, p.Unit)
		after = after[len(u):]
		if u == lexicon.pieceCounter && piecesCounted(before, after) {
			p.Unit = u
		}
		// Only a magnitude or the general 个 takes a second measure
		// word (多少万吨, 几个人); after 多少钱 or 几条 the next
		// character starts a word (支持).
		if u != "个" && !slices.Contains(lexicon.magnitudes, u) {
			break
		}
	}
	return after
}

// changeAsked is the part of the question where a change word asks for a
// change: when its only 多少/几 counts years or days (连续几年减少), the
// change is what is counted, so only the words before it ask; a time
// frame before another 多少/几 (近几年增长了多少) asks nothing.
func changeAsked(text, key, unit string) string {
	if hasSuffixAny(unit, durationUnits) == "" {
		return key
	}
	if at, n := countAsks(text); n == 1 {
		return text[:at]
	}
	return key
}

// countAsks is where text's first 多少/几 stands and how many it holds, not
// counting one inside a question word of another kind (几 in 第几).
func countAsks(text string) (first, n int) {
	first = -1
	for _, w := range lexicon.countAsks {
		q := qword{text: w, want: WantNumber}
		for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
			if !asksAt(text, i, q) {
				continue
			}
			n++
			if first < 0 || i < first {
				first = i
			}
		}
	}
	return first, n
}

// asksAmountCut reports whether a change word goes on to 多少/几 and a
// noun that is no unit (甲港降了多少杂费, 减少了多少租金): the noun is what
// was cut or added, and its amount is asked, which a figure of it
// (降费12亿元) answers without being a change.
func asksAmountCut(text string) bool {
	text = maskNotChanges(text)
	for _, w := range changeAsk {
		for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
			rest := strings.TrimPrefix(text[i+len(w):], "了")
			if ask := hasPrefixAny(rest, lexicon.countAsks); ask != "" && namesAmountOf(rest[len(ask):]) {
				return true
			}
		}
	}
	return false
}

// namesAmountOf reports whether after, the words after 多少/几, name a
// thing (杂费, 个泊位) rather than end on a unit (多少万千瓦, 几成, 多少例)
// or go on to a comparison or a filler (相比去年, 大概).
func namesAmountOf(after string) bool {
	after = strings.TrimRight(trimParticles(after), lexicon.finalParticles)
	for k := 0; k < 3; k++ {
		u := unitPrefix(after)
		if u == "" || after[len(u):] != "" && !slices.Contains(countUnits, u) {
			// 几十万, 多少万: a magnitude before the unit.
			u = hasPrefixAny(after, lexicon.amountMagnitudes)
		}
		after = after[len(u):]
	}
	if utf8.RuneCountInString(after) == 1 && !slices.Contains(lexicon.amountNouns, after) {
		// A single character after 多少 is a measure word (多少例,
		// 多少头) unless it names a thing cut (多少费).
		return false
	}
	return startsWord(after) && hasPrefixAny(after, lexicon.amountNotHeads) == ""
}

// unitPrefix is the unit after starts with, "" when none: a measure word,
// a counter, a unit of figures, a currency or a measure noun.
func unitPrefix(after string) string {
	best := ""
	for _, ws := range [][]string{countUnits, lexicon.counters, unitWords, lexicon.currencies, lexicon.measureNouns} {
		if u := hasPrefixAny(after, ws); len(u) > len(best) {
			best = u
		}
	}
	return best
}

// maskNotChanges blanks the words holding a change word without being a
// change (起降 of flights), unless a date ends before them (7月起降了: from
// July on it fell; 全年起降 are still flights).
func maskNotChanges(s string) string {
	for _, w := range lexicon.levelNames {
		s = strings.ReplaceAll(s, w, strings.Repeat(" ", len(w)))
	}
	for _, w := range lexicon.notChanges {
		for i := strings.Index(s, w); i >= 0; i = indexFrom(s, w, i+len(w)) {
			if !datedBefore(s[:i]) {
				s = s[:i] + strings.Repeat(" ", len(w)) + s[i+len(w):]
			}
		}
	}
	return s
}

// datedBefore reports whether s ends with a date figure (7月, 2021年,
// 十月), not a word such as 全年 or 当年.
func datedBefore(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	d, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	_, cn := cnValue[d]
	return strings.ContainsRune(lexicon.dateEnds, r) && (unicode.IsDigit(d) || cn || cnPower[d] > 0)
}

// isNewly reports whether before, the key up to a change word, ends with
// 新 as in 新增加 (not 更新, 创新).
func isNewly(before string) bool {
	rest, ok := strings.CutSuffix(before, lexicon.newly)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !strings.ContainsRune(lexicon.notNewly, r)
}

// asksChange reports whether a question asks for a change (涨了多少), not
// for the level a change led to (涨到多少, 增长至多少), for what was new
// (新增加了多少 asks what 新增 answers).
func asksChange(key string) bool {
	key = maskNotChanges(key)
	if comparedDeed(key) {
		return true
	}
	for _, w := range changeAsk {
		for i := strings.Index(key, w); i >= 0; i = indexFrom(key, w, i+len(w)) {
			if hasPrefixAny(key[i+len(w):], levelAfterChange) == "" && !isNewly(key[:i]) {
				return true
			}
		}
	}
	return false
}

// comparedDeed reports whether key holds a deed done more or less than
// in a year compared (比上年多修了, 比前年少建了): a change, whatever the
// verb.
func comparedDeed(key string) bool {
	than := lexicon.thanMark
	for i := strings.Index(key, than); i >= 0; i = indexFrom(key, than, i+len(than)) {
		rest := []rune(key[i+len(than):])
		for j := 1; j < len(rest)-2 && j <= comparedBaseRunes; j++ {
			if strings.ContainsRune(lexicon.moreOrLess, rest[j]) && unicode.Is(unicode.Han, rest[j+1]) && string(rest[j+2]) == lexicon.doneMark {
				return true
			}
		}
	}
	return false
}

// comparedBaseRunes bounds the year or thing compared after 比 (上年).
const comparedBaseRunes = 4

// readUnitClass sets the unit a question implies when it names none:
// a share (比例), a length of time (多久), money (多少钱), a length (多长),
// an area (多大面积).
func (p *Part) readUnitClass(text string) {
	if p.Unit != "" {
		return
	}
	switch {
	case containsAny(blankOut(text, lexicon.percentMasks), percentWords):
		p.Unit = UnitPercent
	case containsAny(text, durationAsk) && !p.Freq:
		p.Unit = UnitDuration
	case containsAny(text, moneyWords) || asksMoneyNoun(text) || asksMeasure(text, moneyMeasures) && !asksChange(text) && !strings.Contains(text, lexicon.shareInTenths):
		p.Unit = UnitMoney
	case asksPeople(text) && !asksChange(text):
		p.Unit = lexicon.personCounters[0]
	case strings.Contains(text, "多长") && !p.Freq && !strings.Contains(text, "多长时间"):
		p.Unit = UnitLength
	case strings.Contains(text, "多大") && strings.Contains(text, "面积"):
		p.Unit = UnitArea
	}
}

// asksPeople reports whether text asks how many people of a kind
// (lexicon.peopleNouns) came: the noun right before 多少 or 几 (游客有多少)
// when no share is asked (几成), or right after one and ending the phrase
// (多少游客, not 多少游客中心).
func asksPeople(text string) bool {
	if asksMeasure(text, lexicon.peopleNouns) {
		return !strings.Contains(text, lexicon.shareInTenths)
	}
	for _, n := range lexicon.peopleNouns {
		for _, q := range lexicon.countAsks {
			if i := strings.Index(text, q+n); i >= 0 && !startsHan(text[i+len(q+n):]) {
				return true
			}
		}
	}
	return false
}

// startsHan reports whether s starts with a Han character that is not a
// sentence-final particle (了, 呢 …).
func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(lexicon.finalParticles, r)
}

// asksMeasure reports whether one of measures stands right before 多少 or
// 几 in text, but for linking words (总投资是多少).
func asksMeasure(text string, measures []string) bool {
	for _, m := range measures {
		for rest := text; ; {
			i := strings.Index(rest, m)
			if i < 0 {
				break
			}
			rest = rest[i+len(m):]
			after := rest
			for trimmed := true; trimmed; {
				trimmed = false
				for _, l := range askLinks {
					if strings.HasPrefix(after, l) {
						after, trimmed = after[len(l):], true
					}
				}
			}
			if strings.HasPrefix(after, "多少") || strings.HasPrefix(after, "几") {
				return true
			}
		}
	}
	return false
}

// moneyNounRunes bounds the noun asksMoneyNoun reads: a longer run is a
// phrase, not one noun.
const moneyNounRunes = 6

// asksMoneyNoun reports whether text asks how much of a sum of money
// named by its last word (多少补助金, 多少善款): the word right after 多少
// ends in one of lexicon.moneyEnds and ends the phrase.
func asksMoneyNoun(text string) bool {
	for i := strings.Index(text, lexicon.howMuch); i >= 0; i = indexFrom(text, lexicon.howMuch, i+len(lexicon.howMuch)) {
		word := []rune(text[i+len(lexicon.howMuch):])
		n := 0
		for n < len(word) && unicode.Is(unicode.Han, word[n]) && !slices.Contains(particles, string(word[n])) {
			n++
		}
		if n <= moneyNounRunes && hasSuffixAny(string(word[:n]), lexicon.moneyEnds) != "" {
			return true
		}
	}
	return false
}

// appendHead records the word that follows a names question word: the
// Chinese run up to the next space or punctuation, at most four runes.
func appendHead(heads []string, after string) []string {
	n := 0
	end := 0
	for i, r := range after {
		if n == 4 || !unicode.Is(unicode.Han, r) {
			break
		}
		n++
		end = i + utf8.RuneLen(r)
	}
	if end == 0 {
		return heads
	}
	return append(heads, after[:end])
}

// unitClass maps the measure word after 多少 to the unit to look for.
func unitClass(u, old string) string {
	switch u {
	case "亿元", "亿":
		return UnitYi
	case "万元", "万":
		return UnitWan
	case "元", "钱", "块钱", "块":
		return UnitMoney
	case "千", "百":
		return old
	}
	if written, ok := lexicon.spokenUnits[u]; ok {
		return written
	}
	return u
}

// spokenVolume reports whether 方 after 多少 is a volume: a thing it
// measures stands right after it (几方土) or before the count word, a
// 了 and two characters or less between (清淤了几方, 混凝土浇筑多少方), none
// of them marking a party (由几方, 与几方: lexicon.partyMarks); else it
// counts parties or opens 方面.
func spokenVolume(before, after string) bool {
	if hasPrefixAny(after, lexicon.volumeNouns) != "" {
		return true
	}
	r := []rune(strings.TrimSuffix(before, lexicon.doneMark))
	for n := 0; n <= 2 && n <= len(r); n++ {
		if strings.ContainsAny(string(r[len(r)-n:]), lexicon.partyMarks) {
			return false // 由几方, 与几方 count parties
		}
		if hasSuffixAny(string(r[:len(r)-n]), lexicon.volumeNouns) != "" {
			return true
		}
	}
	return false
}

// piecesCounted reports whether 块 after 多少 counts pieces of a thing
// named after it (几块奖牌), not speech's yuan (多少块一斤, 多少块左右, 花了
// 多少块): no numeral, 每 or rough bound (lexicon.roughAfter) after it and
// no word of buying right before the count word or right after 块.
func piecesCounted(before, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	bought := hasSuffixAny(strings.TrimSuffix(before, lexicon.doneMark), lexicon.buyingBefore) != "" || hasPrefixAny(after, lexicon.buyingAfter) != ""
	return startsHan(after) && !strings.ContainsRune(cnAll+lexicon.perWord, r) && hasPrefixAny(after, lexicon.roughAfter) == "" && !bought
}

// SpokenForms are the words speech says for unit at any scale (方 for
// 万立方米, 平米 for 万平方米), and for a unit per period the period's
// (每天 of 吨/日).
func SpokenForms(unit string) []string {
	var out []string
	if _, per, ok := strings.Cut(strings.ReplaceAll(unit, "／", "/"), "/"); ok {
		out = append(out, lexicon.periodWords[per]...)
	}
	for spoken, written := range lexicon.spokenUnits {
		if trimScales(unit) == written {
			out = append(out, spoken)
		}
	}
	out = append(out, lexicon.unitShortForms[trimScales(unit)]...)
	slices.Sort(out)
	return out
}

func addWant(ws []Want, w Want) []Want {
	for _, x := range ws {
		if x == w {
			return ws
		}
	}
	return append(ws, w)
}

// dropWeakWants keeps the most specific kind: 排第几 also contains 几, and
// 哪天 contains 哪; a rank or date question is not also a number question.
func dropWeakWants(ws []Want) []Want {
	has := map[Want]bool{}
	for _, w := range ws {
		has[w] = true
	}
	var out []Want
	for _, w := range ws {
		switch {
		case w == WantAny:
			continue
		case w == WantNames && (has[WantDate] || has[WantRank] || has[WantNumber]):
			continue
		case w == WantNumber && (has[WantDate] || has[WantRank]):
			continue
		}
		out = append(out, w)
	}
	return out
}

// blankOut is s with each of ws, in turn, replaced by a space, so that
// the words on either side of one do not run together.
func blankOut(s string, ws []string) string {
	for _, w := range ws {
		s = strings.ReplaceAll(s, w, " ")
	}
	return s
}

func trimParticles(s string) string {
	s = blankOut(s, []string{"吗", "呢", "啊", "呀", "嘛"})
	for {
		t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		for _, w := range particles {
			t = strings.TrimSuffix(t, w)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// indexFrom is strings.Index of sub in s from byte offset from, -1 when
// absent.
func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if k := strings.Index(s[from:], sub); k >= 0 {
		return from + k
	}
	return -1
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// numbersIn lists the digit runs of s (decimals kept whole).
func numbersIn(s string) []string {
	var out []string
	for _, r := range numberSpans(s) {
		out = append(out, s[r.Start:r.End])
	}
	return out
}

// numberSpans are where the digit runs of s stand (decimals kept whole).
func numberSpans(s string) []Range {
	var out []Range
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
			j++
		}
		out = append(out, Range{i, j})
		i = j
	}
	return out
}

// countsPeople reports whether a counting rank word between before and
// after counts (see countingRanks): a noun follows it, or a word leading a
// count comes before it (有几名, 共几名: no place is had).
func countsPeople(before, after string) bool {
	return hasSuffixAny(before, rankLeads) == "" && (startsWord(after) || hasSuffixAny(before, lexicon.countLeads) != "") &&
		hasPrefixAny(after, askLinks) == "" && hasPrefixAny(after, rankFollowers) == ""
}

// startsWord reports whether s starts with a Han character that is not
// a particle: the start of a noun after a measure word.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r) && hasPrefixAny(s, particles) == ""
}

// askedScope is the scope a question asks. A rank question's is read
// from its last 在 (东区在沿江城市排第几: among riverside cities), or the
// words before it when those name none, unless a list's name holds the
// scope word there (全球甲百佳榜里东区在沿江城市排第几 asks no world rank).
// A rank asked within a named rating and no area (在甲测评中排第几) asks
// no scope.
func askedScope(text string, ws []Want) string {
	if !wants(ws, WantRank) {
		scope, i := lastScope(text)
		if i >= 0 && namesList(text[i:]) {
			return ""
		}
		return scope
	}
	at, _ := firstQuestionWord(text, WantRank)
	k := rankAtBefore(text, at)
	if k < 0 {
		return scopeOf(text)
	}
	frame := text[k:at]
	if scope, _ := lastScope(frame); scope != "" {
		return scope
	}
	if containsAny(frame, lexicon.listNames) {
		// A rank asked within a named rating or list asks no area's.
		return ""
	}
	scope, i := lastScope(text[:k])
	if i >= 0 && containsAny(text[i:k], lexicon.listNames) {
		return ""
	}
	return scope
}

// listNameRunes is how far after a scope word a list's name may end
// (全球甲乙企业500强).
const listNameRunes = 12

// topRe is a list of the best (百强, 500强), not a word (加强, 强村).
var topRe = regexp.MustCompile(`[0-9一二三四五六七八九十百千]强`)

// namesList reports whether s, a count question from its last scope word
// on, names a list before its question word (全球甲乙企业500强里东区有几家):
// the scope word is the list's, and the count is of its members, not of
// an area's things. Words that also act (评选出, 开展测评) name no list.
func namesList(s string) bool {
	at, _ := firstQuestionWord(s, WantNumber)
	if at < 0 {
		return false
	}
	s = firstRunes(s[:at], listNameRunes)
	return topRe.MatchString(s) || containsAny(s, lexicon.countLists)
}

// rankAtBefore is the index of the last 在 before byte at of text that
// opens where a rank is: not one of a word (在建, 现在) or of a rank verb
// (排在), and with more than rank verbs after it; -1 when none.
func rankAtBefore(text string, at int) int {
	if at < 0 {
		return -1
	}
	for k := strings.LastIndex(text[:at], lexicon.rankAt); k >= 0; k = strings.LastIndex(text[:k], lexicon.rankAt) {
		end := k + len(lexicon.rankAt)
		if hasSuffixAny(text[:end], lexicon.rankVerbs) != "" || withinWord(text, k, lexicon.atWords) {
			continue
		}
		frame := text[end:at]
		for v := hasPrefixAny(frame, lexicon.rankVerbs); v != ""; v = hasPrefixAny(frame, lexicon.rankVerbs) {
			frame = frame[len(v):]
		}
		if strings.TrimSpace(frame) != "" {
			return k
		}
	}
	return -1
}

// withinWord reports whether byte i of text starts or continues one of ws.
func withinWord(text string, i int, ws []string) bool {
	for _, w := range ws {
		for j := max(0, i-len(w)+1); j <= i; j++ {
			if strings.HasPrefix(text[j:], w) {
				return true
			}
		}
	}
	return false
}
