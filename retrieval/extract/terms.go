package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a question as the segmenter cut it.
type Token struct {
	Text string
	// Pos is the dictionary's part of speech (n, v, ns, vn …), "" when
	// the word is not in the segmentation dictionary.
	Pos string
	// Freq is the dictionary frequency, 0 when unknown.
	Freq float64
	// Known is set when the word is a word at all: in the segmentation
	// dictionary or in the full vocabulary (人口, 刑事案件 are words the
	// yearbook lacks; such words are what makes a question unanswerable).
	Known bool
}

// Lexicon is what term building needs from the segmenter and synonym list.
type Lexicon struct {
	// Segment cuts Chinese text into top-level words (no sub-words).
	Segment func(text string) []Token
	// Expand lists synonyms and abbreviations of a word, may be nil.
	Expand func(word string) []string
}

// Term is one word of a question part, with the other ways to write it.
type Term struct {
	Text string
	Alts []string
	// Key terms (nouns, names, places, numbers, metrics) must be found in
	// the passage that answers; soft ones (verbs, adverbs, colloquial
	// words) only help ranking.
	Key bool
	// Context marks a term carried over from another part of the question.
	Context bool

	// Set by compile: the canonical forms matched against canonical text.
	canon     string
	canonAlts []string
	altWeight []float64
	halves    [][2]string
}

// compile fills the canonical forms of t once, so that matching it against
// every clause does not canonicalize it again.
func (t *Term) compile() {
	t.canon = Canon(t.Text)
	n := float64(utf8.RuneCountInString(t.Text))
	t.canonAlts = t.canonAlts[:0]
	t.altWeight = t.altWeight[:0]
	for _, a := range t.Alts {
		t.canonAlts = append(t.canonAlts, Canon(a))
		// A synonym shorter than the word asked is often less specific
		// (国企 for 市属国企): it counts for less.
		t.altWeight = append(t.altWeight, min(1, 0.5+0.5*float64(utf8.RuneCountInString(a))/n))
	}
	t.halves = nil
	rs := []rune(t.canon)
	if len(rs) < 3 {
		return
	}
	for i := 1; i < len(rs); i++ {
		l, r := string(rs[:i]), string(rs[i:])
		if i < 2 && len(rs)-i < 2 || !isHanWord(l) || !isHanWord(r) {
			continue
		}
		t.halves = append(t.halves, [2]string{l, r})
	}
}

// SearchWords returns the words to search for: every term and its
// synonyms, except words every paragraph is about (青岛, 去年), which only
// add noise to the ranking; they stay when nothing else is left.
func SearchWords(terms []Term) []string {
	var out []string
	seen := map[string]bool{}
	var kept []Term
	for _, t := range terms {
		if !softWords[t.Text] {
			kept = append(kept, t)
		}
	}
	if len(kept) > 0 {
		terms = kept
	}
	for _, t := range terms {
		for _, w := range append([]string{t.Text}, t.Alts...) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// softWords are words that never decide whether the yearbook holds the
// answer: the city and year every paragraph is about, colloquial verbs,
// and words naming the kind of answer (比例 总量 情况), which Part already
// records.
var softWords = toSet(
	"青岛", "青岛市", "岛城", "琴岛", "全市", "本市", "市里", "咱们", "我们", "你们", "他们", "大家",
	"去年", "今年", "全年", "当年", "本年", "年度", "年内", "现在", "目前", "如今", "当前", "至今", "截至", "截止", "期间",
	"一共", "总共", "共", "合计", "累计", "大概", "大约", "左右", "差不多", "一天", "每天",
	"这块", "那块", "这个", "那个", "这些", "那些", "方面", "情况", "问题", "事情", "东西", "数据", "数字",
	"数量", "总量", "总数", "总额", "比例", "占比", "比重", "百分比", "规模", "水平", "金额", "指标",
	"多少", "时间", "日期", "时候", "年份", "月份", "名字", "名称", "成绩", "结果", "效果", "具体",
	"增长", "增加", "下降", "减少", "提高", "上升", "增速", "增幅", "涨幅", "降幅", "变化", "幅度",
	"达到", "实现", "完成", "取得", "获得", "拿到", "做到", "进行", "开展", "推进", "有", "是", "为",
	"正式", "主要", "分别", "各自", "一下", "请问", "请", "告诉", "知道", "想", "问", "查", "查询",
	"全国", "国内", "省内", "全省", "排名", "名次", "位次", "排行", "大项目",
	"2020年",
)

func toSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// softPos are parts of speech that do not name a thing: verbs, adverbs,
// pronouns, particles, prepositions, conjunctions, numerals, measure
// words, locatives, time words, adjectives.
var softPos = toSet("v", "vd", "vg", "vi", "vq", "d", "dg", "ad", "r", "rr", "rz", "rg", "u", "uj", "ul",
	"uz", "ug", "uv", "ud", "y", "p", "c", "e", "o", "m", "mq", "q", "f", "t", "tg", "z", "zg", "a", "ag", "k", "h", "x")

// rareVerb: a verb rarer than this is specific (投运, 转场), not colloquial.
const rareVerb = 60

// Terms builds the terms of a part: literal chunks (7+N, 5G, 500强, 6号线,
// 第30届) stay whole, Chinese runs go through the segmenter, each word is
// classified key or soft and expanded with its synonyms; the words of the
// other parts follow as context.
func Terms(p Part, lex Lexicon) []Term {
	terms := termsOf(p.Key, lex, false)
	if p.Context != "" {
		seen := map[string]bool{}
		for _, t := range terms {
			seen[t.Text] = true
		}
		for _, t := range termsOf(p.Context, lex, true) {
			if !seen[t.Text] {
				seen[t.Text] = true
				terms = append(terms, t)
			}
		}
	}
	return terms
}

func termsOf(text string, lex Lexicon, context bool) []Term {
	var out []Term
	seen := map[string]bool{}
	add := func(t Term) {
		if t.Text == "" || seen[t.Text] {
			return
		}
		seen[t.Text] = true
		t.Context = context
		if context {
			t.Key = false
		}
		// 县里 and 省里 are 县 and 省 with a locative.
		if rs := []rune(t.Text); len(rs) == 2 && strings.ContainsRune("里中内上", rs[1]) {
			t.Alts = append(t.Alts, string(rs[0]))
		}
		if lex.Expand != nil {
			for _, a := range lex.Expand(t.Text) {
				if a != t.Text && !contains(t.Alts, a) {
					t.Alts = append(t.Alts, a)
				}
			}
		}
		out = append(out, t)
	}
	for _, c := range chunks(text) {
		if c.literal {
			add(Term{Text: c.text, Key: !softWords[c.text] && !isCoveredYear(c.text)})
			continue
		}
		if lex.Segment == nil {
			add(Term{Text: c.text, Key: true})
			continue
		}
		for _, tok := range lex.Segment(c.text) {
			if !hasLetter(tok.Text) {
				continue
			}
			add(Term{Text: tok.Text, Key: isKey(tok)})
		}
	}
	return out
}

func isKey(t Token) bool {
	w := t.Text
	if softWords[w] || utf8.RuneCountInString(w) < 2 {
		return false
	}
	// A Chinese numeral word that counts or ranks (三大, 五大, 第三十) names
	// something specific; 一个 and 两家 are just colloquial.
	if c := Canon(w); c != w {
		if n := leadingDigits(strings.TrimPrefix(c, "第")); n != "" && n != "1" && n != "2" {
			return true
		}
	}
	switch {
	case t.Pos == "":
		// Not in the segmentation dictionary: a word of the full
		// vocabulary the yearbook lacks (投运, 主会场), or a fragment.
		return t.Known
	case t.Pos == "v" || t.Pos == "vi" || t.Pos == "vd":
		return t.Freq > 0 && t.Freq < rareVerb
	case softPos[t.Pos]:
		return false
	}
	return true
}

func isCoveredYear(s string) bool { return s == "2020年" || s == "2020" }

type chunk struct {
	text    string
	literal bool
}

// literalFollowers may follow a number and belong to it (6号线, 500强).
var literalFollowers = sortByLen([]string{"号线", "号", "届", "强", "年", "月", "日", "个", "家", "项", "期", "批", "大", "条", "次", "万", "亿", "位", "名"})

// chunks splits text into literal runs (letters, digits, + . / with a
// leading 第 and a following measure word) and Chinese runs between them.
func chunks(text string) []chunk {
	var out []chunk
	var han strings.Builder
	flushHan := func() {
		if s := strings.TrimSpace(han.String()); s != "" {
			for _, f := range strings.Fields(s) {
				out = append(out, chunk{text: f})
			}
		}
		han.Reset()
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if end := cnLiteralAt(text, i); end > i {
			flushHan()
			out = append(out, chunk{text: text[i:end], literal: true})
			i = end
			continue
		}
		if isLiteralRune(r) && (r != '+' && r != '.' && r != '/' || i > 0) {
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isLiteralRune(r2) {
					break
				}
				j += n2
			}
			lit := strings.Trim(text[i:j], "+./-")
			if lit == "" {
				i = j
				continue
			}
			if isAllDigits(lit) {
				if f := hasPrefixAny(text[j:], literalFollowers); f != "" {
					lit += f
					j += len(f)
				}
			}
			if h := han.String(); strings.HasSuffix(h, "第") && isDigit(lit[0]) {
				han.Reset()
				han.WriteString(strings.TrimSuffix(h, "第"))
				lit = "第" + lit
			}
			flushHan()
			out = append(out, chunk{text: lit, literal: true})
			i = j
			continue
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			han.WriteByte(' ')
		} else {
			han.WriteString(text[i : i+n])
		}
		i += n
	}
	flushHan()
	return out
}

func isLiteralRune(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '.' || r == '/')
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func hasLetter(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i]
}

// cnLiteralAt returns the end of a Chinese numeral that names something
// (三大产业, 五大国际客厅, 第三十届, 500强) starting at i, or i.
func cnLiteralAt(text string, i int) int {
	j := i
	ordinal := strings.HasPrefix(text[i:], "第")
	if ordinal {
		j += len("第")
	}
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if _, v := cnValue[r]; !v {
			if _, p := cnPower[r]; !p {
				break
			}
		}
		k += n
	}
	if k == j {
		return i
	}
	followers := []string{"大", "届", "强", "号线"}
	if ordinal {
		followers = literalFollowers
	}
	if f := hasPrefixAny(text[k:], sortByLen(followers)); f != "" {
		return k + len(f)
	}
	if ordinal {
		return k
	}
	return i
}
