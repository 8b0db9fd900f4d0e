package extract

import (
	"slices"
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
	// Longer lists the known terms that hold word but name something
	// else (海洋生产总值 for 生产总值), may be nil.
	Longer func(word string) []string
	// Seen reports whether the corpus writes word anywhere, may be nil
	// (every word is then taken as seen).
	Seen func(word string) bool
	// Setting names the documents' own place and covered year: words
	// every paragraph is about, which decide nothing.
	Setting Setting
}

// soft reports whether w never decides whether the documents hold the
// answer: a general soft word, or the documents' own place or year.
func (lex Lexicon) soft(w string) bool {
	return softWords[w] || pointsBack(w) || slices.Contains(lex.Setting.PlaceWords, w) || lex.Setting.isCovered(w)
}

// pointsBack reports whether w is a demonstrative and a measure word
// (那份, 这批): it points at a thing the question names elsewhere.
func pointsBack(w string) bool {
	d, n := utf8.DecodeRuneInString(w)
	m, k := utf8.DecodeRuneInString(w[n:])
	return n+k == len(w) && strings.ContainsRune(lexicon.demonstratives, d) && strings.ContainsRune(lexicon.pointedMeasures, m)
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
	// Head marks the word naming the kind of name asked (单位 in 哪个单位).
	Head bool
	// Proper marks a name, a place or a number (卡奥斯, 烟台, 2021年): a
	// passage lacking it is about something else.
	Proper bool
	// Listed marks a word of the segmentation dictionary (the yearbook's
	// words and common ones: 盘子, 对应), as opposed to a rarer word of the
	// full vocabulary (投运, 刑事案件) or a literal.
	Listed bool
	// Fragment marks single characters the segmenter left of a word it
	// does not know, joined back (甲运 of 甲运控股): key only when the
	// documents write them as one.
	Fragment bool
	// Unseen marks a term that the corpus never writes, in any of its
	// forms: no passage can hold it, so it either names what the yearbook
	// lacks (刑事案件) or is the user's paraphrase (总盘子, 安家).
	Unseen bool
	// TailSeen marks an unseen term whose last two characters the corpus
	// writes (院长 of 医院院长): the term may be a compound of a written word.
	TailSeen bool
	// Place marks a place name (烟台, 胶州市): a passage that never
	// names it gives another place's figures.
	Place bool
	// Frame marks a place named as the area a share or a rank is within
	// (占甲省全省的比例, 在甲省排第几) that holds the documents' own
	// place: the scope word the text writes (全省) names it, and the
	// question asks nothing of a place of its own.
	Frame bool
	// Soft marks a word that never decides whether the documents hold
	// the answer (see Lexicon.soft): it is not searched for.
	Soft bool

	// Not are longer terms the text may write around the term that name
	// something else (海洋生产总值 around 生产总值, when GDP is asked):
	// an occurrence inside one of them does not count.
	Not []string

	// Set by compile, nil before: the canonical forms matched against
	// canonical text. Behind a pointer, a Term stays small to copy: the
	// selector passes terms by value for every clause it reads.
	*termForms
}

// termForms are the canonical forms of a compiled term.
type termForms struct {
	canonNot  []string
	canon     string
	canonAlts []string
	altWeight []float64
	halves    [][2]string
	sets      formSets
	memo      *termMemo // nil: matches are not remembered
}

// formSets are the signatures (character sets and pairs) of a compiled
// term's canonical forms.
type formSets struct {
	canon  wordSig
	alts   []wordSig
	halves [][2]wordSig
}

// anyWord is the signature every text may hold.
var anyWord = &wordSig{}

// alt is the signature of canonical alternative i; anyWord when the term
// was compiled without it.
func (f *formSets) alt(i int) *wordSig {
	if i < len(f.alts) {
		return &f.alts[i]
	}
	return anyWord
}

func (f *formSets) half(i int) (*wordSig, *wordSig) {
	if i < len(f.halves) {
		return &f.halves[i][0], &f.halves[i][1]
	}
	return anyWord, anyWord
}

// compileSets fills t.sets from t's canonical forms.
func (t *Term) compileSets() {
	t.sets = formSets{canon: wordSigOf(t.canon)}
	for _, a := range t.canonAlts {
		t.sets.alts = append(t.sets.alts, wordSigOf(a))
	}
	for _, h := range t.halves {
		t.sets.halves = append(t.sets.halves, [2]wordSig{wordSigOf(h[0]), wordSigOf(h[1])})
	}
}

// compile fills the canonical forms of t once, so that matching it against
// every clause does not canonicalize it again. Copies of t made before
// keep their own forms.
func (t *Term) compile() { t.compileInto(&termForms{}) }

// compileInto is compile with the forms stored in f.
func (t *Term) compileInto(f *termForms) {
	t.termForms = f
	defer t.compileSets()
	t.canon = Canon(t.Text)
	for _, w := range t.Not {
		t.canonNot = append(t.canonNot, Canon(w))
	}
	n := float64(utf8.RuneCountInString(t.Text))
	for _, a := range t.Alts {
		t.canonAlts = append(t.canonAlts, Canon(a))
		// A synonym shorter than the word asked is often less specific
		// (国企 for 市属国企): it counts for less.
		t.altWeight = append(t.altWeight, min(1, 0.5+0.5*float64(utf8.RuneCountInString(a))/n))
	}
	// 三大指标 is what the text calls 三项指标: a count of kinds written
	// with 大 may be written with another measure word.
	if n := leadingDigits(t.canon); n != "" && t.canon == n+"大" {
		for _, m := range []string{"项", "个", "类", "种", "方面"} {
			t.canonAlts = append(t.canonAlts, n+m)
			t.altWeight = append(t.altWeight, 0.8)
		}
	}
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
	words, _ := WeightedSearchWords(terms)
	return words
}

// contextSearchWeight is the weight of a word carried over from another
// part: it tells which passage the part is about, but must not outweigh
// the part's own words (人才总量 must find 人才总量, not the other part's
// 创新创业周).
const contextSearchWeight = 0.3

// WeightedSearchWords is SearchWords with the weight of each word in the
// query: 1 for the part's own words, less for context words.
func WeightedSearchWords(terms []Term) ([]string, []float64) {
	var out []string
	var weights []float64
	seen := make(map[string]int, len(terms))
	// Soft terms are left out when any other is left: read in place, as
	// a Term is large to copy.
	soft := func(t *Term) bool { return t.Soft || softWords[t.Text] }
	dropSoft := false
	for i := range terms {
		dropSoft = dropSoft || !soft(&terms[i])
	}
	for i := range terms {
		t := &terms[i]
		if dropSoft && soft(t) {
			continue
		}
		w := 1.0
		if t.Context {
			w = contextSearchWeight
		}
		for k := -1; k < len(t.Alts); k++ {
			word := t.Text
			if k >= 0 {
				word = t.Alts[k]
			}
			if i, ok := seen[word]; ok {
				weights[i] = max(weights[i], w)
				continue
			}
			seen[word] = len(out)
			out = append(out, word)
			weights = append(weights, w)
		}
	}
	return out, weights
}

// softWords are words that never decide whether the yearbook holds the
// answer: words for the whole place and the present, colloquial verbs,
// and words naming the kind of answer (比例 总量 情况), which Part already
// records. The documents' own place and year come from Lexicon.Setting.
var softWords = toSet(
	"全市", "本市", "市里", "咱们", "我们", "你们", "他们", "大家",
	"去年", "今年", "全年", "当年", "本年", "年度", "年内", "现在", "目前", "如今", "当前", "至今", "截至", "截止", "期间",
	"一共", "总共", "共", "合计", "累计", "大概", "大约", "左右", "差不多", "一天", "每天",
	"这块", "那块", "这边", "那边", "部分", "这个", "那个", "这些", "那些", "这类", "那类", "此类", "之类", "这种", "那种", "这样", "那样", "这项", "那项", "方面", "情况", "问题", "事情", "东西", "数据", "数字",
	"数量", "总量", "总数", "总额", "比例", "占比", "比重", "百分比", "规模", "水平", "金额", "指标",
	"多少", "时间", "日期", "时候", "年份", "月份", "名字", "名称", "成绩", "结果", "效果", "具体",
	"增长", "增加", "下降", "减少", "提高", "上升", "增速", "增幅", "涨幅", "降幅", "变化", "幅度",
	"达到", "实现", "完成", "取得", "获得", "拿到", "做到", "进行", "开展", "推进", "有", "是", "为",
	"正式", "主要", "分别", "各自", "整个", "整体", "全部", "所有", "总体", "一下", "请问", "请", "告诉", "知道", "想", "问", "查", "查询",
	"全国", "国内", "省内", "全省", "排名", "名次", "位次", "排行", "大项目",
)

func toSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// properPos are the parts of speech of names: people, places,
// organizations, other proper nouns, abbreviations.
var properPos = toSet("nr", "nrt", "nrfg", "ns", "nt", "nz", "j")

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
	softenHeads(terms, p.Heads)
	markFrames(terms, p, lex.Setting)
	addOwnWhole(terms, lex.Setting)
	placeOnly := p.followUp && namesOnlyAreas(terms)
	if p.followUp && !placeOnly {
		keyFollowUp(terms)
	}
	if p.Context != "" {
		seen := map[string]bool{}
		for _, t := range terms {
			seen[t.Text] = true
		}
		// A follow-up naming only an area (乙市呢, 全国呢) asks of it what
		// the part before asked: those words are its own.
		alone := standsAlone(p, terms)
		for _, t := range termsOf(p.Context, lex, !placeOnly) {
			// A place or a name carried still bounds a part that
			// asks about a thing of its own (甲集团…？乙线运营里程).
			if !seen[t.Text] && (!alone || t.Place || t.Proper) {
				seen[t.Text] = true
				terms = append(terms, t)
			}
		}
	}
	return terms
}

// standsAlone reports whether part p names a thing of its own, apart from
// the parts before it: two key words or more of two characters that are
// not places, amounts (千亿) or words naming a figure (人数, 面积), none
// held in another, and no word pointing back (它, 其中, 这家). Such a part
// (…？乙线运营多少千米) asks about something else, and the words before
// would only pull in their passages. A part naming only a figure (…？员工
// 人数多少) leaves its subject out, and a follow-up asks of the one before.
func standsAlone(p Part, own []Term) bool {
	if p.followUp || refersBack(p.Text) {
		return false
	}
	n := 0
	for _, t := range own {
		if t.Key && !t.Place && utf8.RuneCountInString(t.Text) >= 2 && !isAmountWord(t.Text) &&
			!slices.Contains(lexicon.figureNouns, t.Text) && !heldInAnother(t, own) {
			n++
		}
	}
	return n >= 2
}

// heldInAnother reports whether another key term holds t's text (运营 in
// 运营里程): the two are one name, counted once.
func heldInAnother(t Term, terms []Term) bool {
	return slices.ContainsFunc(terms, func(o Term) bool {
		return o.Key && len(o.Text) > len(t.Text) && strings.Contains(o.Text, t.Text)
	})
}

// refersBack reports whether text holds a word pointing at what a part
// before named: a pronoun (它, 其中) or a demonstrative with a measure
// word (这家, 那份).
func refersBack(text string) bool {
	if containsAny(text, lexicon.backReferences) {
		return true
	}
	for i, r := range text {
		from := i + utf8.RuneLen(r)
		if _, n := utf8.DecodeRuneInString(text[from:]); n > 0 && pointsBack(text[i:from+n]) {
			return true
		}
	}
	return false
}

// isAmountWord reports whether w is written only in numerals and
// magnitudes (千亿, 两百万): an amount, naming no thing.
func isAmountWord(w string) bool {
	for _, r := range w {
		if !isNumeral(r) && !slices.Contains(lexicon.amountMagnitudes, string(r)) {
			return false
		}
	}
	return true
}

// namesOnlyAreas reports whether the words of substance among terms are
// all places or scope words (全国): a follow-up of them asks no thing of
// its own.
func namesOnlyAreas(terms []Term) bool {
	found := false
	for _, t := range terms {
		switch {
		case t.Place || isScopeWord(t.Text):
			found = true
		case t.Key || !t.Soft && utf8.RuneCountInString(t.Text) >= 2 && !slices.Contains(lexicon.followUpFillers, t.Text):
			return false
		}
	}
	return found
}

// markFrames marks the place terms that name an area holding the
// documents' own place where part p asks a rank or a share within it
// (Term.Frame). Asked of a count or a total (甲省内有多少), the area is
// what the figure is of.
func markFrames(terms []Term, p Part, s Setting) {
	if s.Encloses == nil || !wants(p.Wants, WantRank) && p.Unit != UnitPercent && !containsAny(p.Text, lexicon.shareAsks) {
		return
	}
	for i, t := range terms {
		if t.Place && frameAt(p.Text, t.Text) >= 0 && s.Encloses(t.Text) {
			terms[i].Frame = true
		}
	}
}

// addOwnWhole gives the terms naming the documents' own place the words
// by which its documents call the whole of it (全市 in a 市's yearbook):
// a text's 全市工业产值 is the asked 甲市工业产值. The whole a figure is
// compared with (高于全市) is not what the figure is of: such forms are
// the term's Not.
func addOwnWhole(terms []Term, s Setting) {
	i := slices.IndexFunc(terms, func(t Term) bool { return t.Place && slices.Contains(s.PlaceWords, t.Text) })
	if i < 0 {
		return
	}
	whole := s.OwnWholeWords()
	var compared []string
	for _, w := range whole {
		for _, c := range lexicon.comparedTo {
			compared = append(compared, c+w)
		}
	}
	for ; i < len(terms); i++ {
		if t := terms[i]; t.Place && slices.Contains(s.PlaceWords, t.Text) {
			terms[i].Alts = append(slices.Clip(t.Alts), whole...)
			terms[i].Not = append(slices.Clip(t.Not), compared...)
		}
	}
}

// keyFollowUp makes key the words of two characters or more of a
// follow-up that has no key word (海铁联运呢, cut into words the
// dictionary tags as verbs): they are the whole of what it asks. Words
// naming no thing (然后, 加起来) stay as they are.
func keyFollowUp(terms []Term) {
	if slices.ContainsFunc(terms, func(t Term) bool { return t.Key && !t.Context }) {
		return
	}
	for i, t := range terms {
		if !t.Soft && !t.Context && utf8.RuneCountInString(t.Text) >= 2 && !slices.Contains(lexicon.followUpFillers, t.Text) {
			terms[i].Key = true
		}
	}
}

// softenHeads makes soft the word that says what kind of name is asked
// (单位 in 哪个单位编的, 产业 in 是啥产业): the text names the answer
// without it. It stays key when it is the only key term, which then is
// what the question is about.
func softenHeads(terms []Term, heads []string) {
	if len(heads) == 0 {
		return
	}
	var soft []int
	keys := 0
	for i, t := range terms {
		if !t.Key || t.Context {
			continue
		}
		keys++
		for _, h := range heads {
			if strings.HasPrefix(h, t.Text) {
				soft = append(soft, i)
				terms[i].Head = true
				break
			}
		}
	}
	if len(soft) < keys {
		for _, i := range soft {
			terms[i].Key = false
		}
	}
}

// stemSuffixes are suffixes that turn a word into a measure of it (满意度,
// 覆盖率): the text may write the measure otherwise (满意总指数), so the
// stem is an alternative, matched with less weight.
var stemSuffixes = []string{"度", "率", "性"}

func termsOf(text string, lex Lexicon, context bool) []Term {
	b := termBuilder{text: text, lex: lex, context: context, seen: map[string]bool{}}
	for _, c := range chunks(text) {
		switch {
		case c.literal:
			b.add(Term{Text: c.text, Key: !lex.soft(c.text) && !c.compared, Proper: !c.compared})
		case lex.Segment == nil:
			b.add(Term{Text: c.text, Key: true})
		default:
			b.addWords(lex.Segment(c.text))
		}
	}
	return b.out
}

// termBuilder collects the distinct terms of one text.
type termBuilder struct {
	text    string
	lex     Lexicon
	context bool
	seen    map[string]bool
	out     []Term
}

// addWords adds the words of one chunk as the segmenter cut them.
func (b *termBuilder) addWords(toks []Token) {
	phraseEnd := 0 // the words before it are in a seenPhrase found
	for i, tok := range toks {
		if !hasLetter(tok.Text) {
			continue
		}
		if name := splitPlaceAt(toks, i, b.lex.Seen); name != "" {
			// 月 河 镇 of 月河镇: a place no document writes (unseenPlace),
			// though one writes 清河镇, is key; one written is joined as
			// any other run of single characters.
			b.add(Term{Text: name, Key: !b.context, Proper: true, Place: true})
		}
		if name := b.knownPlaceAt(toks, i); name != "" {
			// 甲 城镇 of 甲城镇, a township of the documents: the place
			// is asked (its pieces stay terms, as fragments' do).
			b.add(Term{Text: name, Key: !b.context, Proper: true, Place: true})
		}
		// Single characters the segmenter left of a word it does not
		// know (城/运 of 城运控股) are that word: joined, they find
		// it. Not key when no document writes it: the text may write
		// it out (科创 for 科技创新). When one does, it is the
		// documents' own term, as specific as any listed word.
		if j := fragmentRun(toks, i); j > i+1 {
			var w strings.Builder
			for _, t := range toks[i:j] {
				w.WriteString(t.Text)
			}
			b.add(Term{Text: w.String(), Key: !b.context && b.lex.Seen != nil && b.lex.Seen(w.String()), Fragment: true})
		}
		t := Term{Text: tok.Text, Key: isKey(tok), Proper: properPos[tok.Pos], Listed: tok.Pos != "", Place: b.lex.Setting.isPlace(tok.Text, tok.Pos) || b.placeBeforeKind(toks, i)}
		b.add(t)
		if i < phraseEnd {
			continue
		}
		if phrase, n := b.seenPhrase(toks[i:]); phrase != "" {
			// Its tail (保洁作业 of 清扫保洁作业) is not a phrase of
			// its own: the same words would count twice.
			b.add(Term{Text: phrase, Key: !b.context})
			phraseEnd = i + n
		}
	}
}

// minPhraseRunes is the shortest seenPhrase: two words of two characters.
const minPhraseRunes = 4

// seenPhrase is the longest run of common words opening toks that the
// documents write as one (清扫 保洁 作业 → 清扫保洁作业), and how many
// words it holds; "" when none. Each word alone is too common to be key
// (a verb, an adjective), yet written together they name one thing, as
// specific as a rare word.
func (b *termBuilder) seenPhrase(toks []Token) (string, int) {
	if b.lex.Seen == nil {
		return "", 0
	}
	best, n, text := "", 0, ""
	for k, t := range toks {
		if !b.phraseWord(t) {
			break
		}
		text += t.Text
		if k > 0 && utf8.RuneCountInString(text) >= minPhraseRunes && b.lex.Seen(text) {
			best, n = text, k+1
		}
	}
	return best, n
}

// phraseWord reports whether t may be a word of a seenPhrase: a listed
// word of two characters or more, neither key nor soft nor a place.
func (b *termBuilder) phraseWord(t Token) bool {
	return t.Pos != "" && utf8.RuneCountInString(t.Text) >= 2 && hasLetter(t.Text) && !isKey(t) &&
		!b.lex.soft(t.Text) && !b.lex.Setting.isPlace(t.Text, t.Pos)
}

// add completes t (softness, other forms, whether the corpus writes it,
// longer terms that name something else) and keeps it unless seen.
func (b *termBuilder) add(t Term) {
	if t.Text == "" || b.seen[t.Text] {
		return
	}
	b.seen[t.Text] = true
	t.Context = b.context
	if b.lex.soft(t.Text) {
		t.Soft, t.Key = true, false
	}
	if b.context {
		t.Key = false
	}
	t.Alts = append(t.Alts, b.forms(t.Text)...)
	if !b.context && b.lex.Seen != nil {
		t.Unseen = !b.lex.Seen(t.Text) && !slices.ContainsFunc(t.Alts, b.lex.Seen)
		if r := []rune(t.Text); t.Unseen && len(r) > 2 {
			t.TailSeen = b.lex.Seen(string(r[len(r)-2:]))
		}
	}
	if b.lex.Longer != nil {
		for k := -1; k < len(t.Alts); k++ {
			w := t.Text
			if k >= 0 {
				w = t.Alts[k]
			}
			for _, l := range b.lex.Longer(w) {
				if l != t.Text && !contains(t.Alts, l) && !contains(t.Not, l) && !strings.Contains(b.text, l) {
					t.Not = append(t.Not, l)
				}
			}
		}
	}
	b.out = append(b.out, t)
}

// forms are the other ways to write w: without a locative (县里 → 县),
// the stem of a measure (满意度 → 满意), its synonyms.
func (b *termBuilder) forms(w string) []string {
	var out []string
	if rs := []rune(w); len(rs) == 2 && strings.ContainsRune("里中内上", rs[1]) {
		out = append(out, string(rs[0]))
	}
	if rs := []rune(w); len(rs) >= 3 && hasSuffixAny(w, stemSuffixes) != "" && isHanWord(w) {
		out = append(out, string(rs[:len(rs)-1]))
	}
	if b.lex.Expand != nil {
		for _, a := range b.lex.Expand(w) {
			if a != w && !contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// complements are directional complements of colloquial verbs (批下来).
var complements = []string{"下来", "上来", "出来", "起来", "过来", "过去", "下去", "进来", "回来", "上去"}

// adverbLeads are adverbs (and the passive 被) that, written before a
// verb the yearbook dictionary lacks, make a colloquial phrase of it
// (各签了, 被选为).
const adverbLeads = "各都也还又再就才已均共被"

// knownPlaceAt is the name of a sub-area the setting knows (Setting.
// IsPlace, which reads a name opening a word as a place too: only the cut
// tells a place's pieces) that the segmenter cut into two or three words
// from toks[i] on, leaving its first character alone (甲 城镇) or its kind
// (乙丙 镇), "" when none: two words of two characters (丁市 农村) are a
// place and a word of their own.
func (b *termBuilder) knownPlaceAt(toks []Token, i int) string {
	if b.lex.Setting.IsPlace == nil {
		return ""
	}
	name := toks[i].Text
	for k := i + 1; k < len(toks) && k <= i+2; k++ {
		name += toks[k].Text
		cut := utf8.RuneCountInString(toks[i].Text) == 1 || k == i+1 && utf8.RuneCountInString(toks[k].Text) == 1
		if _, ok := SubAreaName(name); cut && ok && b.lex.Setting.IsPlace(name) {
			return name
		}
	}
	return ""
}

// splitPlaceAt is the sub-area name no document writes that the
// segmenter cut into three single characters from toks[i] on, opening
// their run (月 河 镇): two characters and a kind, whose last character and
// kind the documents write as the end of a name of theirs (河镇 of 清河镇).
// "" when none: a word of two (新 农村) is no piece of a name, and the
// characters of a phrase (送 医 下 乡) end no name written.
func splitPlaceAt(toks []Token, i int, seen func(string) bool) string {
	single := func(t Token) bool {
		rs := []rune(t.Text)
		return len(rs) == 1 && unicode.Is(unicode.Han, rs[0]) && !strings.ContainsRune(functionChars, rs[0])
	}
	if seen == nil || i+2 >= len(toks) || i > 0 && single(toks[i-1]) || !single(toks[i]) || !single(toks[i+1]) || !single(toks[i+2]) {
		return ""
	}
	name := toks[i].Text + toks[i+1].Text + toks[i+2].Text
	if _, ok := SubAreaName(name); !ok || !seen(toks[i+1].Text+toks[i+2].Text) || seen(name) {
		return ""
	}
	return name
}

// fragmentRun returns the end of the run of single content characters
// starting at toks[i] (the run starts there only when toks[i-1] is not
// one), or i when there is none.
func fragmentRun(toks []Token, i int) int {
	if i > 0 && isFragment(toks[i-1]) {
		return i
	}
	j := i
	for j < len(toks) && isFragment(toks[j]) {
		j++
	}
	return j
}

// isFragment: a single Han character that is not a function word.
func isFragment(t Token) bool {
	rs := []rune(t.Text)
	if len(rs) != 1 || !unicode.Is(unicode.Han, rs[0]) || strings.ContainsRune(functionChars, rs[0]) {
		return false
	}
	return t.Pos == "" || !softPos[t.Pos] || t.Pos == "v" || t.Pos == "a" || isMorpheme(t.Pos) && !isNumeral(rs[0])
}

// isMorpheme reports whether pos tags a morpheme (ng, vg, zg …): a
// character the dictionary knows only as part of words, so one standing
// alone is a piece of a word it lacks.
func isMorpheme(pos string) bool {
	return len(pos) == 2 && pos[1] == 'g'
}

// functionChars are characters that, alone, are grammar or question
// words, never part of a name.
const functionChars = "的了是有在和与及把被就都也还又再才从到给跟对为以于而或很最更个些这那哪啥谁几多少吗呢吧啊呀么么"

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
	case t.Pos == "" && strings.ContainsAny(w[len(string([]rune(w)[0])):], "了着"):
		// A verb with its aspect particle (连了, 连着, 开了个): a colloquial
		// phrase, not a thing the text must name.
		return false
	case t.Pos == "" && (hasSuffixAny(w, complements) != "" || utf8.RuneCountInString(w) == 2 && strings.ContainsRune(lexicon.resultComplements, []rune(w)[1])):
		// A verb with a complement (批下来, 建完, 批给, 连上): colloquial.
		return false
	case t.Pos == "" && strings.ContainsRune(adverbLeads, []rune(w)[0]):
		// An adverb glued to a verb (各签, 都搞): colloquial too.
		return false
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

type chunk struct {
	text    string
	literal bool
	// compared marks a number right after a comparison word (超过10个亿,
	// 是3000万标准箱): a value the question holds up against the text,
	// which the text need not write.
	compared bool
}

// literalFollowers may follow a number and belong to it (6号线, 500强).
var literalFollowers = sortByLen([]string{"号线", "号", "届", "强", "年", "月", "日", "个", "家", "项", "期", "批", "大", "条", "次", "万", "亿", "位", "名"})

// chunks splits text into literal runs (letters, digits, + . / with a
// leading 第 and a following measure word) and Chinese runs between them.
// compared reports whether a literal is a plain quantity right after a
// comparison word (超过10个亿), not a name with digits (5G, 6号线).
func compared(before, lit string) bool {
	return comparisonBefore(before) != "" && !strings.ContainsFunc(lit, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }) &&
		!strings.HasPrefix(lit, "第") && !strings.HasSuffix(lit, "号线")
}

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
			out = append(out, chunk{text: text[i:end], literal: true, compared: compared(text[:i], text[i:end])})
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
			out = append(out, chunk{text: lit, literal: true, compared: compared(text[:i], lit)})
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
	} else if utf8.RuneCountInString(text[j:k]) >= 2 {
		// A count of two numerals or more (一百三十四个) is a number the
		// text writes in digits; one numeral (一个, 两项) is a word.
		followers = append(followers, lexicon.counters...)
	}
	if f := hasPrefixAny(text[k:], sortByLen(followers)); f != "" {
		return k + len(f)
	}
	if ordinal {
		return k
	}
	if comparedAmount(text[:i], text[j:k], text[k:]) {
		return k + len(hasPrefixAny(text[k:], lexicon.amountMagnitudes))
	}
	return i
}

// comparedAmount reports whether a run of Chinese numerals after a
// comparison word is an amount the question holds up against the text
// (超过三百万, 有两千多): like 超过300万, a value the text need not write,
// not a word to look for. It takes two numerals or more and a magnitude or
// an approximation after them: one numeral starts words (有百货大楼, 有两个)
// and a run alone may be a name (到十四五末) or a fraction (十分之一).
func comparedAmount(before, run, after string) bool {
	return comparisonBefore(before) != "" && utf8.RuneCountInString(run) >= 2 &&
		(hasPrefixAny(after, lexicon.amountMagnitudes) != "" || hasPrefixAny(after, lexicon.amountApprox) != "")
}

// placeBeforeKind reports whether token i is a place's name the segmenter
// cut from the kind of sub-area after it (白洋 镇 of 白洋镇): the two
// joined name a place.
func (b *termBuilder) placeBeforeKind(toks []Token, i int) bool {
	if i+1 >= len(toks) || !slices.Contains(lexicon.subAreaKinds, toks[i+1].Text) {
		return false
	}
	return b.lex.Setting.isPlace(toks[i].Text+toks[i+1].Text, "")
}
