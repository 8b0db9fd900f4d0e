package bot

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval"
)

// Example questions for /start, /help and an empty inline query are made
// from the loaded yearbooks, so that they show what the bot can answer
// whatever yearbook it serves. A clause stating a figure, a date or a rank
// becomes a question a user might type:
//
//	第三十届青岛国际啤酒节吸引游客200余万人次 → 第三十届青岛国际啤酒节吸引游客多少人次？
//	全市海洋生产总值增长6.1%               → 全市海洋生产总值增长了多少？
//	2020年6月底,完成青岛胶东国际机场竣工验收 → 青岛胶东国际机场竣工验收什么时候完成？
//	平度市在“全国营商环境百强县”榜单升至第44位 → 平度市在“全国营商环境百强县”榜单升至第几位？
//
// Candidates are scored (a well-known metric, a named subject, a short
// question without figures of its own read best), picked from different
// chapters and of different kinds, and each is kept only when the engine,
// asked it, quotes the very figure it was made from.

type questionKind int

const (
	askFigure questionKind = iota // 多少
	askDate                       // 什么时候
	askRank                       // 第几
)

type candidate struct {
	question string
	want     string // what the answer must quote: the figure, date or rank as written
	para     string // the paragraph it was made from
	chapter  int
	kind     questionKind
	score    float64
}

// Bounds on an example question's subject, in runes: shorter ones lack
// context, longer ones read like a sentence copied from the book.
const (
	minSubject  = 6
	goodSubject = 16
	maxSubject  = 24
)

// askBudget bounds the engine calls made at start per example wanted,
// whatever the size of the corpus.
const askBudget = 4

// exampleQuestions returns up to n verified example questions with the
// engine's answers, best first.
func exampleQuestions(ctx context.Context, e Engine, n int) []example {
	var cands []candidate
	chapter := 0
	for _, y := range e.Yearbooks() {
		for _, c := range y.Chapters {
			for _, s := range c.Sections {
				for _, p := range s.Paragraphs {
					for _, q := range paragraphQuestions(p.Text) {
						q.para, q.chapter = p.ID, chapter
						cands = append(cands, q)
					}
				}
			}
			chapter++
		}
	}
	var out []example
	usedChapters := map[int]bool{}
	usedKinds := map[questionKind]int{}
	usedStarts := map[string]bool{}
	seen := map[string]bool{}
	for tries := 0; len(out) < n && tries < askBudget*n && len(cands) > 0; tries++ {
		// The best candidate once variety is counted in: a chapter or a
		// kind of question already shown makes a candidate less welcome.
		best, bestScore := -1, 0.0
		for i, c := range cands {
			s := c.score - 3*float64(usedKinds[c.kind])
			if usedChapters[c.chapter] {
				s -= 4
			}
			if usedStarts[firstRunes(c.question, 3)] {
				s -= 2 // two questions on "市属企业…" look like a template
			}
			if best < 0 || s > bestScore {
				best, bestScore = i, s
			}
		}
		c := cands[best]
		cands = append(cands[:best], cands[best+1:]...)
		if seen[c.question] {
			tries--
			continue
		}
		seen[c.question] = true
		a, err := e.Ask(ctx, c.question)
		if err != nil || !a.Answered || a.Problem != "" || !quotes(a.Facts, c) {
			continue
		}
		usedChapters[c.chapter] = true
		usedKinds[c.kind]++
		usedStarts[firstRunes(c.question, 3)] = true
		out = append(out, example{c.question, a})
	}
	return out
}

// quotes reports whether an answer quotes what the candidate asks about,
// from the paragraph it was made from.
func quotes(facts []retrieval.Fact, c candidate) bool {
	for _, f := range facts {
		if f.Source.ParagraphID == c.para && strings.Contains(f.Text, c.want) {
			return true
		}
	}
	return false
}

// paragraphQuestions makes the candidate questions of one paragraph.
func paragraphQuestions(text string) []candidate {
	var out []candidate
	for _, sentence := range splitKeep(text, "。；;！？!?") {
		clauses := splitKeep(sentence, ",，:：")
		for i, cl := range clauses {
			if i > 0 && hasAnyPrefix(clauses[i-1], dependentStarts...) && utf8.RuneCountInString(clauses[i-1]) <= 2 {
				continue // "其中,…" is a part of what the clause before counts
			}
			if q, ok := dateQuestion(cl, clauses[i+1:]); ok {
				out = append(out, q)
				continue
			}
			if q, ok := rankQuestion(cl); ok {
				out = append(out, q)
				continue
			}
			if q, ok := figureQuestion(cl); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// splitKeep splits s at any of seps, dropping the separators and empty parts.
func splitKeep(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// figureQuestion turns "…吸引游客200余万人次" into "…吸引游客多少人次？".
func figureQuestion(clause string) (candidate, bool) {
	end := strings.LastIndexFunc(clause, isASCIIDigit)
	if end < 0 {
		return candidate{}, false
	}
	start := end
	for start > 0 && (isASCIIDigit(rune(clause[start-1])) || clause[start-1] == '.') {
		start--
	}
	// The figure closes the clause with at most a short unit after it,
	// stands alone (not the end of "1/3" or "30∶1") and is a quantity, not
	// a date, a line number or an anniversary.
	unit := trimSuffixes(clause[end+1:], "以上", "左右", "多")
	if utf8.RuneCountInString(unit) > 5 || hasAnyPrefix(unit, "年", "月", "日", "号", "周年", "届", "期", "号线", "位", "名") ||
		start > 0 && strings.ContainsRune("/∶:", rune(clause[start-1])) {
		return candidate{}, false
	}
	want := clause[start:end+1] + unit
	subject, ok := cleanSubject(clause[:start])
	if !ok {
		return candidate{}, false
	}
	// "提高到95%" states a level, "提高5%" a growth.
	level := hasAnySuffix(subject, "至", "到")
	subject = trimSuffixes(subject, "达到", "超过", "突破", "累计", "合计", "分别为", "均在", "均为", "约", "近", "达", "超", "为", "了", "共", "逾", "均", "在", "至", "到")
	// "由62%增长至68%": the figure it started from would give half the
	// answer away.
	subject = fromFigure.ReplaceAllString(subject, "")
	if hasAnySuffix(subject, actionVerbs...) {
		return candidate{}, false // "莱西市完成…": of what?
	}
	measure := strings.TrimLeft(unit, "余多万亿千百")
	var q string
	switch {
	case hasAnySuffix(subject, growthVerbs...) && level:
		q = subject + "到多少？"
	case hasAnySuffix(subject, growthVerbs...) && (unit == "%" || unit == "个百分点" || unit == "倍"):
		q = subject + "了多少？"
	case isCounter(measure) && !hasAnySuffix(subject, metricNouns...):
		q = subject + "多少" + measure + "？"
	case hasAnySuffix(subject, metricNouns...):
		q = subject + "是多少？"
	default:
		q = subject + "多少？"
	}
	c := candidate{question: q, want: want, kind: askFigure}
	if !scoreSubject(&c, subject) {
		return candidate{}, false
	}
	return c, true
}

var (
	dateRe = regexp.MustCompile(`^(?:\d{4}年)?(\d{1,2}月(?:\d{1,2}日|底|初|末|上旬|中旬|下旬)?)$`)
	rankRe = regexp.MustCompile(`^(.*?)(均居|位居|位列|跃居|升至|居|排名|排)(.*?)第([0-9一二三四五六七八九十百]+)(位|名)$`)
	parens = regexp.MustCompile(`[(（][^()（）]*[)）]`)
	// fromFigure is "由62%" or "从94家" inside a subject.
	fromFigure = regexp.MustCompile(`(?:由|从)[0-9.]+\S{0,2}?(?:%|家|个|人|项)?`)
)

// dateQuestion turns "2020年6月底" followed by "完成青岛胶东国际机场竣工验收"
// into "青岛胶东国际机场竣工验收什么时候完成？".
func dateQuestion(clause string, rest []string) (candidate, bool) {
	m := dateRe.FindStringSubmatch(clause)
	if m == nil || len(rest) == 0 {
		return candidate{}, false
	}
	event := parens.ReplaceAllString(rest[0], "")
	var q, subject string
	for _, v := range eventVerbs {
		if s, ok := strings.CutSuffix(event, v); ok {
			subject, q = s, "什么时候"+v+"？"
			break
		}
		if s, ok := strings.CutPrefix(event, v); ok {
			subject, q = s, "什么时候"+v+"？"
			break
		}
	}
	// "完成青岛胶东国际机场竣工验收" asks when the airport passed it.
	subject, ok := cleanSubject(strings.TrimPrefix(strings.TrimPrefix(subject, "完成"), "进行"))
	if q == "" || !ok {
		return candidate{}, false
	}
	c := candidate{question: subject + q, want: m[1], kind: askDate}
	if !scoreSubject(&c, subject) {
		return candidate{}, false
	}
	c.score += 3 // a date reads well and shows the bot knows more than numbers
	return c, true
}

// rankQuestion turns "…升至第44位" into "…升至第几位？".
func rankQuestion(clause string) (candidate, bool) {
	m := rankRe.FindStringSubmatch(clause)
	if m == nil || strings.ContainsAny(m[3], "第和、") {
		return candidate{}, false
	}
	subject, ok := cleanSubject(strings.TrimSuffix(m[1], "分别"))
	if !ok {
		return candidate{}, false
	}
	verb := m[2]
	if verb == "均居" {
		verb = "居"
	}
	c := candidate{question: subject + verb + m[3] + "第几" + m[5] + "？", want: "第" + m[4] + m[5], kind: askRank}
	if !scoreSubject(&c, subject+m[3]) {
		return candidate{}, false
	}
	c.score += 3
	if !named(subject) {
		c.score -= 4 // "…居全国第几位？" asks about whom?
	}
	return c, true
}

// cleanSubject drops what leads into a clause without belonging to its
// subject ("2020年,", "全年") and rejects subjects that lean on the clause
// before them ("其中…", "占…", "同比…").
func cleanSubject(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for {
		t := yearPrefix.ReplaceAllString(s, "")
		for _, p := range leadIns {
			t = strings.TrimPrefix(t, p)
		}
		if t == s {
			break
		}
		s = t
	}
	// "实现" is a light verb: "港口实现货物吞吐量" asks for 货物吞吐量.
	s = strings.ReplaceAll(s, "实现", "")
	if hasAnyPrefix(s, dependentStarts...) || strings.ContainsAny(s, "()（）、/∶:；;") ||
		strings.HasSuffix(s, "的") || strings.HasSuffix(s, "第") ||
		strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, "《") != strings.Count(s, "》") {
		return "", false
	}
	return s, s != ""
}

var yearPrefix = regexp.MustCompile(`^\d{4}年(?:底|末|内)?`)

// scoreSubject rates how well a question reads; false when it reads too
// badly to offer at all.
func scoreSubject(c *candidate, subject string) bool {
	n := utf8.RuneCountInString(subject)
	if n < minSubject || n > maxSubject {
		return false
	}
	if n > goodSubject {
		c.score -= float64(n-goodSubject) / 2
	}
	if strings.ContainsFunc(subject, isASCIIDigit) {
		c.score -= 3 // "134个涉海重点项目完成投资…" gives figures away
	}
	for _, m := range wellKnownMetrics {
		if strings.Contains(subject, m) {
			c.score += 3
			break
		}
	}
	if hasAnySuffix(subject, metricNouns...) {
		c.score++
	}
	// A named subject (a city, a district, a port) gives the question its
	// context; a clause that starts with a verb lacks one.
	if named(subject) {
		c.score++
	}
	if hasAnyPrefix(subject, actionVerbs...) {
		c.score -= 2
	}
	return true
}

// named reports whether a subject starts with who or where: "全市…",
// "平度市…", "青岛港…", "市属企业…", not "城市综合信用…" or "市场…".
func named(subject string) bool {
	if hasAnyPrefix(subject, "全市", "全省", "全国", "全区", "全县") {
		return true
	}
	rs := []rune(subject)
	for i := 0; i < len(rs) && i < 5; i++ {
		if !strings.ContainsRune("市省区县港", rs[i]) {
			continue
		}
		word := string(rs[max(0, i-1):min(len(rs), i+2)])
		if !strings.Contains(word, "城市") && !strings.Contains(word, "市场") && !strings.Contains(word, "港口") {
			return true
		}
	}
	return false
}

// Word lists of Chinese statistical prose, not of any one yearbook.
var (
	growthVerbs = []string{"增长", "下降", "提高", "增加", "减少", "提升", "降低", "上升", "回升", "扩大"}
	metricNouns = []string{"量", "值", "额", "率", "数", "比", "比重", "占比", "增速", "规模", "面积", "里程", "收入",
		"产能", "能力", "指数", "总量", "投资", "外资", "内资", "资金", "产值", "总值", "利润", "税收", "人口", "人数"}
	wellKnownMetrics = []string{"吞吐量", "生产总值", "增加值", "营业收入", "总产值", "固定资产投资", "外资", "游客",
		"运营里程", "市场主体", "人才总量", "满意率", "录取率", "进出口", "成交额", "专项资金", "资产总额", "床位", "泊位"}
	actionVerbs = []string{"完成", "开展", "组织", "举办", "举行", "推出", "推动", "推进", "提出", "搭建", "遴选",
		"引导", "建设", "建成", "启动", "实施", "培育", "梳理", "下放", "清收", "纳管", "落实", "备案", "引进", "提供",
		"发放", "解决", "拉动", "形成", "召开", "依托", "聚集", "储备", "配对", "开工", "累计", "打造", "增加", "新增"}
	counters = []string{"个", "家", "户", "人", "人次", "名", "项", "次", "场", "处", "座", "条", "所", "批", "艘",
		"台", "辆", "套", "件", "篇", "部", "只", "张", "栋", "支", "种", "款", "本", "份", "场次", "架", "株", "间"}
	eventVerbs = []string{"建成通车", "开通运营", "投入运营", "投入使用", "开工建设", "正式运营", "竣工验收", "通车",
		"开通", "投运", "竣工", "开工", "启用", "投产", "获批", "成立", "揭牌", "挂牌", "签约", "落地", "开幕",
		"发布", "印发", "出台", "上线", "完成", "启动", "举办", "召开"}
	leadIns         = []string{"全年", "年内", "年末", "年底", "当年", "同时", "此外", "另外", "截至", "目前", ",", "，"}
	dependentStarts = []string{"其中", "占", "达", "高于", "低于", "约", "比", "较", "同比", "环比", "分别", "居", "为",
		"均", "累计达", "并", "且", "以及", "和", "与", "及", "从", "由", "等"}
)

func isCounter(unit string) bool {
	for _, c := range counters {
		if unit == c {
			return true
		}
	}
	return false
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func trimSuffixes(s string, suffixes ...string) string {
	for {
		t := s
		for _, x := range suffixes {
			t = strings.TrimSuffix(t, x)
		}
		if t == s {
			return strings.TrimRightFunc(s, unicode.IsSpace)
		}
		s = t
	}
}
