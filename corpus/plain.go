package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// item is one non-blank line of a plain-text yearbook, classified.
type item struct {
	line    int
	text    string // body text, without heading or figure label
	heading string // section heading glued to the start of the line, if any
	kind    Kind
	figure  int
	source  bool     // a credit line closing a chapter
	sources []string // its names
}

const (
	maxHeadingRunes = 24
	maxNameRunes    = 30
	overviewTitle   = "综述"
	offensiveMarker = "攻势"
)

// parsePlain reads the one-paragraph-a-line format of the embedded
// yearbook. Chapters end at a credit line in parentheses; a section heading
// is glued to the start of the paragraph it opens; a chapter is named after
// the offensive its opening paragraph launches.
func parsePlain(lines []string) (title string, chapters []Chapter, err error) {
	start := 0
	for start < len(lines) && lines[start] == "" {
		start++
	}
	if start < len(lines) {
		if t, ok := markdownHeading(lines[start], 1); ok {
			title = t
			start++
		}
	}

	subject := learnSubject(lines[start:])
	var items []item
	for i := start; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		it := item{line: i + 1, kind: KindParagraph}
		if inner, ok := sourceLine(l); ok {
			it.source, it.sources = true, splitSources(inner)
		} else if fig, rest, ok := captionLabel(l); ok {
			it.kind, it.figure, it.text = KindCaption, fig, rest
		} else {
			it.heading, it.text = splitHeading(l, subject)
		}
		items = append(items, it)
	}

	// Cut the items into chapters at credit lines.
	var chunks [][]item
	var cur []item
	for _, it := range items {
		cur = append(cur, it)
		if it.source {
			chunks = append(chunks, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}

	for ci, chunk := range chunks {
		ch := Chapter{Sources: []string{}}
		var body []item
		for _, it := range chunk {
			if it.source {
				ch.credit(it.sources)
				ch.SourceLine = it.line
				continue
			}
			body = append(body, it)
		}
		if len(body) == 0 {
			// A credit line with nothing before it credits the previous chapter.
			if len(chapters) > 0 {
				prev := &chapters[len(chapters)-1]
				prev.credit(ch.Sources)
				prev.SourceLine = ch.SourceLine
			}
			continue
		}
		ch.Title = chapterTitle(body, ci == 0, len(chapters)+1)
		ch.Sections = groupSections(body, ch.Title)
		chapters = append(chapters, ch)
	}
	return title, chapters, nil
}

// groupSections opens a new section at every heading. Captions and
// paragraphs without a heading belong to the section before them; those
// before any heading form a section named after the chapter.
func groupSections(body []item, chapter string) []Section {
	var secs []Section
	for _, it := range body {
		if it.heading != "" || len(secs) == 0 {
			h := it.heading
			if h == "" {
				h = chapter
			}
			secs = append(secs, Section{Heading: h})
		}
		s := &secs[len(secs)-1]
		s.Paragraphs = append(s.Paragraphs, Paragraph{Line: it.line, Kind: it.kind, Figure: it.figure, Text: it.text})
	}
	return secs
}

// captionLabel recognises a photo caption, `图10位于…`. Print layout glues the
// figure number to the caption, so in `图132020年3月30日` the last four digits
// before 年 are the year and the figure is 13.
func captionLabel(l string) (fig int, rest string, ok bool) {
	s, found := strings.CutPrefix(l, "图")
	if !found {
		return 0, "", false
	}
	s = strings.TrimLeft(s, " \u3000")
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, "", false
	}
	digits, rest := s[:n], s[n:]
	if n > 4 && strings.HasPrefix(rest, "年") && isYear(digits[n-4:]) {
		digits, rest = digits[:n-4], digits[n-4:]+rest
	}
	if len(digits) > 4 {
		return 0, "", false
	}
	fig, err := strconv.Atoi(digits)
	if err != nil || fig == 0 {
		return 0, "", false
	}
	rest = strings.TrimLeftFunc(rest, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".．:：、-—", r)
	})
	if rest == "" {
		rest = l
	}
	return fig, rest, true
}

func isYear(d string) bool {
	if len(d) != 4 {
		return false
	}
	y, err := strconv.Atoi(d)
	return err == nil && y >= 1900 && y <= 2099
}

// yearAt reports whether rs[p:] starts with a four-digit year followed by 年
// that is not the tail of a longer number.
func yearAt(rs []rune, p int) bool {
	if p+5 > len(rs) || rs[p+4] != '年' {
		return false
	}
	if p > 0 && rs[p-1] >= '0' && rs[p-1] <= '9' {
		return false
	}
	for _, r := range rs[p : p+4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return isYear(string(rs[p : p+4]))
}

// bodyLeadAt reports whether a paragraph body plausibly starts at rs[p]:
// with a dated lead (`2020年，`, `2020年3月`) or with the yearbook's usual
// subject (青岛市).
func bodyLeadAt(rs []rune, p int, subject []rune) bool {
	if yearAt(rs, p) && p+5 < len(rs) {
		next := rs[p+5]
		return next == ',' || next == '，' || next == '、' || (next >= '0' && next <= '9')
	}
	return len(subject) > 0 && hasRunePrefix(rs[p:], subject)
}

func hasRunePrefix(rs, prefix []rune) bool {
	if len(prefix) > len(rs) {
		return false
	}
	for i, r := range prefix {
		if rs[i] != r {
			return false
		}
	}
	return true
}

// Sentence punctuation never appears in a heading.
const headingBreakers = "，,。；;：:！!？?、…"

// Words that open a sentence but never a heading: a year after them is part
// of the sentence (截至2020年，…).
var nonHeadingStarts = []string{"截至", "截止", "到", "在", "于", "自", "从", "至", "全年", "当年", "同年", "是年", "其中", "与", "比", "较", "和", "及", "据", "按", "经", "共", "约"}

// nonHeadingEnds are characters a heading cannot end with: a text cut there
// is a sentence broken before its date (青岛市分别于2020年…).
const nonHeadingEnds = "于在至到从自和与及的是为年月日由对向把被将"

// splitHeading separates a section heading glued to the start of a line
// (`港口航运大幅提升2020年，青岛市…`). The heading ends where the body's lead
// begins, a dated lead or the yearbook's usual subject, and must be a short
// phrase without sentence punctuation.
func splitHeading(l, subject string) (heading, body string) {
	subj := []rune(subject)
	// Only the start of the line can hold a heading and the lead after it.
	rs := headRunes(l, maxHeadingRunes+len(subj)+8)
	if yearAt(rs, 0) {
		return "", l
	}
	limit := min(maxHeadingRunes, len(rs)-1)
	for p := 1; p <= limit; p++ {
		if strings.ContainsRune(headingBreakers, rs[p-1]) {
			return "", l
		}
		if p < 2 || !bodyLeadAt(rs, p, subj) {
			continue
		}
		h := string(rs[:p])
		if !plausibleHeading(h) || len(rs)-p < 4 {
			continue
		}
		return h, l[len(h):]
	}
	return "", l
}

func plausibleHeading(h string) bool {
	for _, w := range nonHeadingStarts {
		if strings.HasPrefix(h, w) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(h)
	if strings.ContainsRune(nonHeadingEnds, last) || unicode.IsDigit(last) {
		return false
	}
	letters := 0
	for _, r := range h {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// learnSubject finds the word the yearbook usually puts after a dated lead,
// "2020年，青岛市…" → 青岛市: the longest beginning shared by at least half of
// the dated paragraphs. Headings glued before an undated subject
// (创建国家海水淡化示范城市青岛市分别于…) are split at it.
func learnSubject(lines []string) string {
	var samples [][]rune
	for _, l := range lines {
		rs := headRunes(l, maxHeadingRunes+16)
		for p := 0; p+6 < len(rs) && p <= maxHeadingRunes; p++ {
			if yearAt(rs, p) && (rs[p+5] == ',' || rs[p+5] == '，') {
				samples = append(samples, rs[p+6:])
				break
			}
		}
	}
	if len(samples) < 3 {
		return ""
	}
	best := ""
	for k := 2; k <= 8; k++ {
		counts := map[string]int{}
		top, topN := "", 0
		for _, s := range samples {
			if len(s) < k {
				continue
			}
			pre := s[:k]
			if !allLetters(pre) {
				continue
			}
			key := string(pre)
			counts[key]++
			if counts[key] > topN {
				top, topN = key, counts[key]
			}
		}
		if topN*2 < len(samples) {
			break
		}
		best = top
	}
	return best
}

// headRunes returns at most the first n runes of s.
func headRunes(s string, n int) []rune {
	rs := make([]rune, 0, n)
	for _, r := range s {
		if len(rs) == n {
			break
		}
		rs = append(rs, r)
	}
	return rs
}

func allLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Verbs that launch an offensive in the yearbook's prose (发起乡村振兴攻势,
// 打好海洋攻势, 继续开展“双招双引”攻势). The leftmost verb wins, so in
// 发起推进国有企业改革攻势 the name keeps its own verb: 推进国有企业改革攻势.
var launchVerbs = []string{"发起", "打好", "打赢", "开展", "推进", "实施", "深化", "启动", "展开", "发动", "打响"}

// clauseBreakers end a clause when looking for an offensive's name. Quotes
// are not among them: “双招双引”攻势 is a name.
const clauseBreakers = "，,。；;：:、！!？?《》〈〉()（）【】[]{} \u3000"

// offensiveMentions lists every "…攻势" phrase of a text in order: the
// clause text from its start (or from the previous mention in the same
// clause, minus a conjunction) up to and including the marker.
func offensiveMentions(text string) []string {
	if !strings.Contains(text, offensiveMarker) {
		return nil
	}
	var out []string
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(clauseBreakers, r) }) {
		for {
			i := strings.Index(clause, offensiveMarker)
			if i < 0 {
				break
			}
			end := i + len(offensiveMarker)
			out = append(out, clause[:end])
			clause = clause[end:]
			for _, c := range []string{"与", "和", "及", "、", "暨"} {
				clause = strings.TrimPrefix(clause, c)
			}
		}
	}
	return out
}

// launched returns the name after the leftmost launch verb of a mention,
// "" when the mention has no such verb.
func launched(mention string) string {
	best := -1
	bestLen := 0
	for _, v := range launchVerbs {
		if i := strings.Index(mention, v); i >= 0 && (best < 0 || i < best) {
			best, bestLen = i, len(v)
		}
	}
	if best < 0 {
		return ""
	}
	return mention[best+bestLen:]
}

// specificName reports whether an offensive name names one offensive, not a
// count or a reference to offensives in general (15个攻势, 各项攻势).
func specificName(name string) bool {
	x := strings.TrimSuffix(name, offensiveMarker)
	rs := []rune(x)
	if len(rs) < 2 || len(rs) > maxNameRunes {
		return false
	}
	if strings.ContainsAny(string(rs[0]), "0123456789各该此这那本全诸两三四五六七八九十") {
		return false
	}
	last := rs[len(rs)-1]
	return !strings.ContainsRune("个项场大次些类", last)
}

// chapterTitle names a chapter. The opening paragraph of an offensive's
// chapter launches it (青岛市发起乡村振兴攻势); when it does not, the
// offensive the chapter mentions most is its subject (壮大民营经济攻势 is
// named only in passing). The unheaded paragraphs before the first chapter
// that speak of many offensives at once are the overview, 综述.
func chapterTitle(body []item, first bool, n int) string {
	var all []string
	for _, it := range body {
		all = append(all, offensiveMentions(it.text)...)
	}
	if first && isOverview(body, all) {
		return overviewTitle
	}
	for _, it := range body {
		if it.kind != KindParagraph {
			continue
		}
		for _, m := range offensiveMentions(it.text) {
			if name := launched(m); specificName(name) {
				return name
			}
		}
		break // only the opening paragraph launches the chapter's offensive
	}
	if name := mostMentioned(all); name != "" {
		return name
	}
	for _, it := range body {
		if it.heading != "" && !genericHeading(it.heading) {
			return it.heading
		}
	}
	return fmt.Sprintf("第%d章", n)
}

func isOverview(body []item, mentions []string) bool {
	for _, it := range body {
		if it.heading != "" {
			return false
		}
	}
	distinct := map[string]bool{}
	for _, m := range mentions {
		name := launched(m)
		if name == "" {
			name = m
		}
		if specificName(name) {
			distinct[name] = true
		} else if x := []rune(strings.TrimSuffix(name, offensiveMarker)); len(x) > 0 && x[len(x)-1] == '个' {
			return true // "15个攻势": all offensives at once
		}
	}
	return len(distinct) >= 3
}

// mostMentioned picks the offensive name a chapter repeats most. Mentions
// carry whatever words precede the name in their clause (市级直接支持壮大民营经济攻势),
// so the name is the longest ending shared by the most mentions.
func mostMentioned(mentions []string) string {
	counts := map[string]int{}
	var order []string
	for _, m := range mentions {
		if name := launched(m); name != "" {
			m = name
		}
		rs := []rune(m)
		// A name is short; longer endings are never specific names.
		if len(rs) > maxNameRunes+2 {
			rs = rs[len(rs)-maxNameRunes-2:]
		}
		seen := map[string]bool{}
		for i := 0; i < len(rs); i++ {
			suf := string(rs[i:])
			if seen[suf] || !specificName(suf) {
				continue
			}
			seen[suf] = true
			if counts[suf] == 0 {
				order = append(order, suf)
			}
			counts[suf]++
		}
	}
	best := ""
	for _, s := range order {
		c, b := counts[s], counts[best]
		if best == "" || c > b || c == b && utf8.RuneCountInString(s) > utf8.RuneCountInString(best) {
			best = s
		}
	}
	return best
}

func genericHeading(h string) bool {
	switch h {
	case "概况", "概述", "综述", "简介", "总述", "基本情况":
		return true
	}
	return false
}
