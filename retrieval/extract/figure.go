// Package extract turns retrieved paragraphs into the exact sentences that
// answer a question: it reads what a question asks (a number, a date, a
// rank, names), finds figures in the text with their byte spans, and
// chooses the verbatim clause run that answers with a fitted, explainable
// selector: candidate windows (choose.go) described by named features
// (features.go), vetoes for impossibilities only (veto.go), and weights
// fitted on question sets (model.go, weights.json). It is pure: no search
// index, no segmenter; the caller passes terms and passages in.
package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a figure in the text is.
type Kind int

const (
	KindNumber  Kind = iota + 1 // 22.4万立方米, 102个, 68.1%
	KindDate                    // 6月底, 2020年3月30日, 9月
	KindRank                    // 第五位, 首位, 第44位, 前列
	KindYear                    // 2020年 on its own: a date, but a weak one
	KindOrdinal                 // 第三十届, 第二批: part of a name, not an answer
)

// Figure is one figure found in a text, by byte offsets [Start, End).
type Figure struct {
	Start, End int
	Kind       Kind
	// Unit is the measure as written (亿元, 万标准箱, %, 个), "" if none.
	Unit string
	// Change is set when the figure is a growth or decline (增长4.7%), not a level.
	Change bool

	// tail is what adjacency compares question terms with (tailBefore),
	// computed once by Prepare when hasTail is set.
	tail    string
	hasTail bool
	// scope is the scope written before the figure (scopeBefore),
	// computed once by Prepare when hasScope is set.
	scope    string
	hasScope bool
	// aspect is what the clause before says the count is (figureAspect),
	// computed once by Prepare.
	aspect aspect
	// subject is Canon of the words before the figure that name what it
	// counts (subjectParts), computed once by Prepare.
	subject string
	// own is the part of subject the figure's own words write: without
	// the value before's that a short word continues (subjectParts).
	own string
	// measures are the measure kinds its words name (measureGroups of
	// measureWords), computed once by Prepare.
	measures uint32
	// topics are the openings of its clause, of the clauses before it
	// and of its sentence (topicsOf), computed once by Prepare.
	topics [topicClauses + 1]string
	// bound is set for a threshold that qualifies the things counted
	// after it (资产超过100亿元的企业, 5亿元以上的项目), computed once by
	// Prepare: it is no value of theirs.
	bound bool
}

// Text returns the figure's text in s.
func (f Figure) Text(s string) string { return s[f.Start:f.End] }

const (
	cnDigits = "零〇一二两三四五六七八九"
	cnAll    = "零〇一二两三四五六七八九十百千"
)

// Units a number may carry, longest first so that 万标准箱 wins over 万.
var unitWords = sortByLen([]string{
	"个百分点", "百分点", "标准箱", "立方米", "立方", "空方", "平方千米", "平方米", "平方公里", "千米", "公里", "公顷",
	"个月", "周",
	"美元", "元", "吨", "米", "人次", "场次", "家次", "余人", "人", "个", "家", "项", "户",
	"分", "期", "次", "场", "只", "张", "套", "处", "所", "座", "条", "台", "批", "名", "部",
	"笔", "支", "栋", "间", "倍", "周年", "届", "辆", "艘", "架", "份", "种", "类", "件", "列",
	"天", "小时", "年", "岁", "度", "亩", "床", "码", "级", "强", "号", "版", "枚", "块", "册", "册次",
})

var magnitudes = []string{"万亿", "亿", "万", "千", "百"}

// rankWords are ranks written without a number.
// 首个 and 首批 say "the first of its kind", not a place in a ranking.
var rankWords = sortByLen([]string{"首位", "榜首", "居首", "前列", "前茅", "第一"})

// firstMeasures follow 首 in a first of its kind (首个, 首家, 首批).
var firstMeasures = []string{"个", "家", "批", "次", "届", "期", "轮", "座", "单"}

// changeWords mark a figure as a change rather than a level when they come
// right before it (增长4.7%); 增长至 and 提高到 introduce a level instead.
var changeWords = sortByLen([]string{"增长", "增加", "下降", "减少", "提高", "上升", "增速", "增幅", "降低", "高于", "低于", "高出", "增", "降", "涨", "跌"})

func sortByLen(ws []string) []string {
	out := append([]string(nil), ws...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func hasPrefixAny(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// Units of the date figures that are not calendar dates.
const (
	// UnitPeriod marks a time named by an event (市“两会”期间).
	UnitPeriod = "期间"
	// UnitBase marks the time a figure is compared with (比上半年增加
	// 2.45分): the answer to 跟什么时候比.
	UnitBase = "基期"
	// UnitFreq marks how often something is done (单月调度, 每季度).
	UnitFreq = "频率"
)

// freqWords say how often something is done.
var freqWords = sortByLen([]string{"单月", "双月", "每月", "每周", "每季度", "每季", "每年", "每天", "每日", "季度", "每半年"})

// maxPeriodRunes bounds the event named before 期间 (新冠肺炎疫情防控期间).
const maxPeriodRunes = 8

// Figures finds the figures of s in order, without overlaps.
func Figures(s string) []Figure {
	var out []Figure
	last := 0
	for i := 0; i < len(s); {
		if f, ok := figureAt(s, i); ok {
			out = append(out, f)
			i = f.End
			last = i
			continue
		}
		if strings.HasPrefix(s[i:], UnitPeriod) {
			if start := periodStart(s, last, i); start < i {
				f := Figure{Start: start, End: i + len(UnitPeriod), Kind: KindDate, Unit: UnitPeriod}
				out = append(out, f)
				i = f.End
				last = i
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	markChanges(s, out)
	return out
}

// periodStart returns where the event named before 期间 at i begins: the
// run of Chinese characters and quotes back to punctuation, a figure or
// maxPeriodRunes; i when there is none.
func periodStart(s string, floor, i int) int {
	start := i
	for n := 0; n < maxPeriodRunes && start > floor; n++ {
		r, size := utf8.DecodeLastRuneInString(s[floor:start])
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("“”\"", r) || strings.ContainsRune("在于至从的", r) {
			break
		}
		start -= size
	}
	// Opening quotes and the like stay with the event; a closing quote
	// left first is not part of it.
	for start < i {
		r, size := utf8.DecodeRuneInString(s[start:])
		if r != '”' {
			break
		}
		start += size
	}
	return start
}

// baseWords are the times a change is measured from, after 比.
var baseWords = sortByLen([]string{"上年同期", "上半年", "上年", "去年同期", "去年", "年初", "上月", "上季度", "一季度", "前三季度"})

// baseAt reads a comparison base (比上年, 比“十二五”末) at i, returning
// its end or i.
func baseAt(s string, i int) int {
	if !strings.HasPrefix(s[i:], "比") {
		return i
	}
	j := i + len("比")
	if w := hasPrefixAny(s[j:], baseWords); w != "" {
		return j + len(w)
	}
	if strings.HasPrefix(s[j:], "“") {
		j += len("“")
	}
	if end := planAt(s, j); end > j {
		return end
	}
	if k := j; k+5 <= len(s) && isDigit(s[k]) && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) && strings.HasPrefix(s[k+4:], "年") {
		return k + 4 + len("年")
	}
	return i
}

// planRe is a five-year plan (“十二五”末), a period the text dates by.
func planAt(s string, i int) int {
	for _, p := range []string{"十一五", "十二五", "十三五", "十四五", "十五五"} {
		if strings.HasPrefix(s[i:], p) {
			end := i + len(p)
			rest := strings.TrimPrefix(s[end:], "”")
			if w := hasPrefixAny(rest, []string{"末", "初", "期间", "时期", "以来"}); w != "" {
				end = len(s) - len(rest) + len(w)
			}
			return end
		}
	}
	return i
}

func figureAt(s string, i int) (Figure, bool) {
	rest := s[i:]
	if end := planAt(s, i); end > i {
		return Figure{Start: i, End: end, Kind: KindDate}, true
	}
	if end := baseAt(s, i); end > i {
		return Figure{Start: i, End: end, Kind: KindDate, Unit: UnitBase}, true
	}
	if w := hasPrefixAny(rest, freqWords); w != "" {
		return Figure{Start: i, End: i + len(w), Kind: KindDate, Unit: UnitFreq}, true
	}
	if f, ok := ordinalAt(s, i); ok {
		return f, true
	}
	if w := hasPrefixAny(rest, rankWords); w != "" {
		return Figure{Start: i, End: i + len(w), Kind: KindRank}, true
	}
	if strings.HasPrefix(rest, "首") {
		// 全国首个, 首批: the first of its kind is an ordinal (第一个),
		// the answer to 第几个 and the best a ranking question gets.
		if u := hasPrefixAny(rest[len("首"):], firstMeasures); u != "" {
			return Figure{Start: i, End: i + len("首") + len(u), Kind: KindOrdinal, Unit: u}, true
		}
	}
	if strings.HasPrefix(rest, "年底") || strings.HasPrefix(rest, "年初") {
		if i == 0 || !isDigit(s[i-1]) {
			return Figure{Start: i, End: i + len("年底"), Kind: KindDate}, true
		}
	}
	if isDigit(s[i]) && (i == 0 || (!isDigit(s[i-1]) && s[i-1] != '.')) && !inPlusName(s, i) {
		return numberAt(s, i)
	}
	if f, ok := cnFigureAt(s, i); ok {
		return f, true
	}
	return Figure{}, false
}

// inPlusName reports whether the number at i is joined by + to a number
// or a letter (“1+N”体系, 4+4+1): such a run names a scheme, and its
// numbers count nothing. A + before a word (10+个) bounds a count instead,
// and one after a word signs a change (增长+5%).
func inPlusName(s string, i int) bool {
	if i > 1 && s[i-1] == '+' && (isDigit(s[i-2]) || isASCIILetter(s[i-2])) {
		return true
	}
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	return k+1 < len(s) && s[k] == '+' && (isDigit(s[k+1]) || isASCIILetter(s[k+1]))
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// ordinalAt reads a rank or an ordinal written with 第: 第五位, 第44位 and
// 第47 rank, 第三十届 and 第二批 are ordinals (part of a name).
func ordinalAt(s string, i int) (Figure, bool) {
	if !strings.HasPrefix(s[i:], "第") {
		return Figure{}, false
	}
	j := i + len("第")
	k := j
	for k < len(s) {
		if isDigit(s[k]) {
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if !strings.ContainsRune(cnAll, r) {
			break
		}
		k += n
	}
	if k == j {
		return Figure{}, false
	}
	if u := hasPrefixAny(s[k:], ordinalMeasures); u != "" {
		return Figure{Start: i, End: k + len(u), Kind: KindOrdinal, Unit: u}, true
	}
	end, unit := k, ""
	if u := hasPrefixAny(s[k:], []string{"位", "名"}); u != "" {
		end, unit = end+len(u), u
	}
	return Figure{Start: i, End: end, Kind: KindRank, Unit: unit}, true
}

// ordinalMeasures after 第N make an ordinal, not a rank.
var ordinalMeasures = []string{"届", "批", "次", "期", "个", "家", "大", "季", "轮", "阶段", "条", "款", "章", "节", "版"}

// cnFigureAt reads a figure in Chinese numerals: a month (十二月), a share
// (九成), the size of a ranking list (二十强) or a count of kinds (三大产业,
// which only a question asking 几大 takes: see acceptable). Other Chinese
// numerals with a unit (三十届) are names rather than figures.
func cnFigureAt(s string, i int) (Figure, bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !strings.ContainsRune(cnDigits+"十", r) {
		return Figure{}, false
	}
	k := i
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !strings.ContainsRune(cnAll+"万亿", r) {
			break
		}
		k += n
	}
	switch rest := s[k:]; {
	case strings.HasPrefix(rest, "月"):
		return Figure{Start: i, End: k + len("月"), Kind: KindDate}, true
	case strings.HasPrefix(rest, "成"):
		return Figure{Start: i, End: k + len("成"), Kind: KindNumber, Unit: "成"}, true
	case strings.HasPrefix(rest, "强"):
		return Figure{Start: i, End: k + len("强"), Kind: KindNumber, Unit: "强"}, true
	case strings.HasPrefix(rest, "大") && kindsCount(s[i:k]) && !strings.ContainsRune(cnAll, lastRune(s[:i])):
		return Figure{Start: i, End: k + len("大"), Kind: KindNumber, Unit: "大"}, true
	case divisionCount(s[:i], s[i:k], rest):
		d, _ := utf8.DecodeRuneInString(rest)
		return Figure{Start: i, End: k + utf8.RuneLen(d), Kind: KindNumber, Unit: string(d)}, true
	}
	return Figure{}, false
}

// divisionCount reports whether a run of Chinese numerals counts
// divisions (沿江五省, 两市): two or more, one numeral or a positional
// number (十二市; 二七区 names a district), before a division counter and
// after no other numeral or ordinal mark. A counter starting another word
// or a name (三区三线, 九省通衢) counts nothing. Such a figure answers only
// a question counting them (isDivisionCount).
func divisionCount(before, run, rest string) bool {
	d, size := utf8.DecodeRuneInString(rest)
	if rest == "" || !strings.ContainsRune(lexicon.divisionCounters, d) || strings.ContainsRune(cnAll+lexicon.ordinalMark, lastRune(before)) {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(rest[size:]); strings.ContainsRune(lexicon.divisionNotBefore+cnAll, next) {
		return false
	}
	if utf8.RuneCountInString(run) > 1 && !strings.ContainsAny(run, cnPowers) {
		return false
	}
	n, err := strconv.Atoi(cnNumber(run))
	return err == nil && n >= 2
}

// isDivisionCount reports whether f is a count of divisions in words
// (divisionCount).
func isDivisionCount(f Figure, text string) bool {
	r, _ := utf8.DecodeRuneInString(text[f.Start:])
	return f.Kind == KindNumber && isDivisionCounter(f.Unit) && strings.ContainsRune(cnAll, r)
}

// isDivisionCounter reports whether unit is one division counter.
func isDivisionCounter(unit string) bool {
	r, size := utf8.DecodeRuneInString(unit)
	return unit != "" && size == len(unit) && strings.ContainsRune(lexicon.divisionCounters, r)
}

// lastRune is the last rune of s, 0 when s is empty.
func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// kindsCount reports whether a run of Chinese numerals before 大 counts
// kinds (三大, 十大): two to ten. 一大批 is many, and 二十大 names a congress.
func kindsCount(run string) bool {
	n, err := strconv.Atoi(cnNumber(run))
	return err == nil && n >= 2 && n <= 10
}

// numberAt reads a number starting with a digit: dates (2020年3月30日,
// 6月底), fractions (1/7), ratios (30∶1), percentages and numbers with a
// magnitude and unit (1200余个, 2.54万亿元, 22.4万立方米).
func numberAt(s string, i int) (Figure, bool) {
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if f, ok := dateAt(s, i, k); ok {
		return f, true
	}
	// Decimal part.
	if k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]) {
		k++
		for k < len(s) && isDigit(s[k]) {
			k++
		}
	}
	// Fractions and ratios: 1/7, 30∶1, 1:1.
	for _, sep := range []string{"/", "∶", ":"} {
		if strings.HasPrefix(s[k:], sep) && k+len(sep) < len(s) && isDigit(s[k+len(sep)]) {
			k += len(sep)
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			return Figure{Start: i, End: k, Kind: KindNumber, Unit: sep}, true
		}
	}
	if strings.HasPrefix(s[k:], "%") {
		return Figure{Start: i, End: k + 1, Kind: KindNumber, Unit: "%"}, true
	}
	if strings.HasPrefix(s[k:], "％") {
		return Figure{Start: i, End: k + len("％"), Kind: KindNumber, Unit: "%"}, true
	}
	if strings.HasPrefix(s[k:], "‰") { // a rate per thousand (自然增长率1.65‰)
		return Figure{Start: i, End: k + len("‰"), Kind: KindNumber, Unit: "‰"}, true
	}
	end := k
	unit := ""
	if w := hasPrefixAny(s[end:], lexicon.roughMarks); w != "" {
		end += len(w)
	}
	if m := hasPrefixAny(s[end:], magnitudes); m != "" {
		end += len(m)
		unit = m
	}
	if w := hasPrefixAny(s[end:], lexicon.roughMarks); w != "" {
		end += len(w)
	}
	if u := hasPrefixAny(s[end:], unitWords); u != "" {
		// 号 only counts in 8号线; 年 only as a duration (连续5年).
		end += len(u)
		unit += u
	}
	return Figure{Start: i, End: end, Kind: KindNumber, Unit: unit}, true
}

// dateAt reads a date whose first digits run from i to k: a year or a
// span of years (2020年, 2020年3月30日, 2019—2020年度, 2020年底), a month
// (6月底) or a day (30日).
func dateAt(s string, i, k int) (Figure, bool) {
	nd, rest := k-i, s[k:]
	if nd == 4 {
		if end := yearSpanAt(s, k); end > k {
			return Figure{Start: i, End: end, Kind: KindYear}, true
		}
	}
	if strings.HasPrefix(rest, "年") && nd == 4 {
		end := k + len("年")
		kind := KindYear
		if m := monthAt(s, end); m > end {
			end = m
			kind = KindDate
		} else if w := hasPrefixAny(s[end:], []string{"底", "初", "末", "年底"}); w != "" {
			end += len(w)
			kind = KindDate
		}
		return Figure{Start: i, End: end, Kind: kind}, true
	}
	if nd <= 2 && strings.HasPrefix(rest, "月") {
		if m := monthAt(s, i); m > i {
			return Figure{Start: i, End: m, Kind: KindDate}, true
		}
	}
	if nd <= 2 && strings.HasPrefix(rest, "日") {
		return Figure{Start: i, End: k + len("日"), Kind: KindDate}, true
	}
	return Figure{}, false
}

// monthAt reads 6月, 6月底, 3月30日 starting at i, returning the end or i.
func monthAt(s string, i int) int {
	k := i
	for k < len(s) && isDigit(s[k]) && k-i < 2 {
		k++
	}
	if k == i || !strings.HasPrefix(s[k:], "月") {
		return i
	}
	end := k + len("月")
	if w := hasPrefixAny(s[end:], []string{"底", "初", "末", "中旬", "上旬", "下旬", "份"}); w != "" {
		return end + len(w)
	}
	d := end
	for d < len(s) && isDigit(s[d]) && d-end < 2 {
		d++
	}
	if d > end && (strings.HasPrefix(s[d:], "日") || strings.HasPrefix(s[d:], "号")) {
		return d + len("日")
	}
	return end
}

// markChanges flags figures that follow a change word (增长4.7%), and the
// rest of an enumeration that starts with one (增长68.1%、29.7%和14.6%).
func markChanges(s string, figs []Figure) {
	for i := range figs {
		f := &figs[i]
		if f.Kind != KindNumber {
			continue
		}
		before := trimLeftFillers(trimNote(s[:f.Start]))
		if w := hasSuffixAny(before, changeWords); w != "" || changedInClause(s, figs, i) {
			f.Change = true
			continue
		}
		if i > 0 && figs[i-1].Change {
			between := s[figs[i-1].End:f.Start]
			if between == "、" || between == "和" || between == "," || between == "，" || between == "及" {
				f.Change = true
			}
		}
	}
}

// changedInClause reports whether figure i is a change told earlier in
// its clause (高于全市26.9个百分点, 增加备案中介机构97家): a difference in
// 个百分点 always is one; otherwise a change word of two characters or more
// stands between the clause's start (or the figure before it) and the
// figure, not one that leads to a level (增长至, 提高到).
func changedInClause(s string, figs []Figure, i int) bool {
	f := figs[i]
	if f.Unit == "个百分点" {
		return true
	}
	start := strings.LastIndexAny(s[:f.Start], ",，;；。:：")
	if start < 0 {
		start = 0
	}
	if i > 0 && figs[i-1].End > start {
		start = figs[i-1].End
	}
	clause := s[start:f.Start]
	for _, w := range changeWords {
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		for k := strings.Index(clause, w); k >= 0; k = indexFrom(clause, w, k+len(w)) {
			// 增加值 is a level: 增加 before 值 is no change word.
			if after := clause[k+len(w):]; hasPrefixAny(after, levelAfterChange) == "" && !strings.HasPrefix(after, lexicon.addedNotBefore) {
				return true
			}
		}
	}
	return false
}

// levelAfterChange after a change word makes the figure the new level (增长至).
var levelAfterChange = []string{"至", "到", "为"}

// trimNote drops a bracketed note at the end of s: 分别增长(比上年，下同)
// 18.4% is a growth.
func trimNote(s string) string {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasSuffix(s, p[1]) {
			if i := strings.LastIndex(s, p[0]); i >= 0 {
				return s[:i]
			}
		}
	}
	return s
}

// trimLeftFillers drops the words that may sit between a change word and
// its figure (增长了, 同比增长, 增速达).
func trimLeftFillers(s string) string {
	for {
		t := s
		for _, w := range []string{"了", "达", "为", "约", "近", "超过", "分别"} {
			t = strings.TrimSuffix(t, w)
		}
		if t == s {
			return s
		}
		s = t
	}
}

func hasSuffixAny(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// spanDashes join the two years of a span (2019—2020年度).
var spanDashes = []string{"—", "－", "-", "–", "～", "~", "至", "到"}

// yearSpanAt returns the end of a span of years whose first year's
// digits end at k (2019—2020年度, 2019-2020年): one figure, the answer to
// 哪个年度. k when there is none.
func yearSpanAt(s string, k int) int {
	d := hasPrefixAny(s[k:], spanDashes)
	if d == "" {
		return k
	}
	j := k + len(d)
	n := 0
	for j+n < len(s) && isDigit(s[j+n]) {
		n++
	}
	if n != 4 {
		return k
	}
	j += n
	if w := hasPrefixAny(s[j:], []string{"年度", "年"}); w != "" {
		return j + len(w)
	}
	return k
}
