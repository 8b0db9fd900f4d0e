package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verdict answers a yes/no question decided by a figure (超过2000万了吗,
// 到八成了没, 是3000万标准箱吗) from the figure the answer quotes: 是 or 否
// for a threshold, 是 or 不是 for a stated value. It returns "" unless the
// comparison is unambiguous: a yes/no question, one number in it, a
// figure of the fact in the same unit, written exactly (not 70%以上 or
// 1200余); the first such figure decides.
func Verdict(question, fact string) string {
	if strings.Contains(question, "半") {
		question = halves(question) // before Canon reads 一半 as 1半
	}
	question = bareMagnitudeRe.ReplaceAllString(question, "${1}1${2}")
	q := Canon(question)
	if !asksYesNo(q) {
		return ""
	}
	// A year the question names (2023年…超过1000吨了吗) is when, not
	// the threshold; the fact then decides only if it names no other year,
	// whose figure it might be.
	qf := Figures(q)
	years := yearsWritten(q, qf)
	qf = slices.DeleteFunc(qf, func(f Figure) bool { return f.Kind == KindYear })
	if len(qf) != 1 || qf[0].Kind != KindNumber {
		return ""
	}
	factFigs := Figures(fact)
	if len(years) > 0 && slices.ContainsFunc(yearsWritten(fact, factFigs), func(y string) bool { return !slices.Contains(years, y) }) {
		return ""
	}
	text := qf[0].Text(q)
	if strings.HasPrefix(q[qf[0].End:], "成") { // 八成: a share in tenths
		text += "成"
	}
	if m := hasPrefixAny(q[qf[0].End:], colloquialMagnitudes); qf[0].Unit == "个" && m != "" {
		text = strings.TrimSuffix(text, "个") + m // 10个亿 is 10亿
	}
	asked, ok := valueOf(text, qf[0].Unit)
	if !ok {
		return ""
	}
	cmp := comparisonBefore(withoutANotA(q[:qf[0].Start]))
	if cmp == "" {
		return ""
	}
	for _, f := range factFigs {
		if f.Kind != KindNumber || isApproximate(fact[f.End:]) {
			continue
		}
		got, ok := valueOf(f.Text(fact), f.Unit)
		if !ok || !sameUnit(asked, got) {
			continue
		}
		return decide(cmp, got.v, asked.v)
	}
	return ""
}

// halfRe is a share of one half written in words (超过一半, 过半, 半数):
// the claim checked is 50%. Before a unit of time or a counter it is no
// share (超过半年, 半个月).
var halfRe = regexp.MustCompile(`(一半|半数|过半)([^年月天日周个小]|$)`)

// halfShares are halfRe's words written as the share they claim.
var halfShares = map[string]string{"一半": "50%", "半数": "50%", "过半": "过50%"}

// halves writes the halves of q as 50%.
func halves(q string) string {
	return halfRe.ReplaceAllStringFunc(q, func(m string) string {
		for word, share := range halfShares {
			if rest, ok := strings.CutPrefix(m, word); ok {
				return share + rest
			}
		}
		return m
	})
}

// bareMagnitudeRe is a magnitude held up with no number before it (过亿,
// 破万): speech means one of it.
var bareMagnitudeRe = regexp.MustCompile(`(过|破|超|超过|突破|达到|满)(亿|万)`)

// colloquialMagnitudes follow 个 in speech (10个亿).
var colloquialMagnitudes = []string{UnitYi, UnitWan}

// yesNoWords turn a question into one answered yes or no.
var yesNoWords = []string{"吗", "了没", "没有", "是不是", "是否", "有没有", "对不对", "对吗"}

// YesNoTail is where q ends with a yes/no particle (lexicon.yesNoTails),
// as a byte offset, with ok false when it does not: only at the end, since
// inside a question 没 negates (哪年没增长).
func YesNoTail(q string) (int, bool) {
	q = strings.TrimRightFunc(q, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	if hasSuffixAny(q, lexicon.notYesNoTails) != "" {
		return 0, false
	}
	if t := hasSuffixAny(q, lexicon.yesNoTails); t != "" {
		return len(q) - len(t), true
	}
	return 0, false
}

// hearsay opens a claim the user wants checked (听说…建了5座？).
var hearsay = []string{"听说", "据说", "有人说", "报道说", "有报道"}

// checksClaim reports whether q asks to check something it states: its
// numbers may be wrong, and the text need not write them.
func checksClaim(q string) bool { return asksYesNo(q) || containsAny(q, hearsay) }

// asksYesNo reports whether q is a yes/no question: a word of yesNoWords
// or a verb asked with its own negation (超没超, 够不够).
func asksYesNo(q string) bool {
	_, tail := YesNoTail(q)
	return containsAny(q, yesNoWords) || tail || aNotA(q)
}

// aNotA reports whether q writes a verb of one or two characters, a
// negation (lexicon.negations) and the same verb again: the A-not-A form
// of a yes/no question (超没超, 超过没超过). The words of that shape that
// ask nothing (lexicon.notANotA: 动不动) do not count.
func aNotA(q string) bool {
	for i, r := range q {
		if strings.ContainsRune(lexicon.negations, r) && aNotAVerb(q[:i], r, q[i+utf8.RuneLen(r):]) != "" {
			return true
		}
	}
	return false
}

// aNotAVerb is the verb that before ends with and after starts with
// around the negation neg, "" when there is none or the form is one of
// lexicon.notANotA.
func aNotAVerb(before string, neg rune, after string) string {
	for n := 2; n >= 1; n-- {
		verb := lastRunes(before, n)
		last, _ := utf8.DecodeLastRuneInString(verb)
		if utf8.RuneCountInString(verb) == n && unicode.Is(unicode.Han, last) && strings.HasPrefix(after, verb) &&
			!slices.Contains(lexicon.notANotA, verb+string(neg)+verb) {
			return verb
		}
	}
	return ""
}

// ANotAStart is where the A-not-A form s ends in starts (甲超没超过 → 超),
// when s ends in one: a verb, a negation and the verb again, the second
// time maybe with one more character (超没超过, 达没达到).
func ANotAStart(s string) (int, bool) {
	s = strings.TrimRight(s, " ")
	for i, r := range s {
		if !strings.ContainsRune(lexicon.negations, r) {
			continue
		}
		after := s[i+utf8.RuneLen(r):]
		verb := aNotAVerb(s[:i], r, after)
		if verb != "" && utf8.RuneCountInString(after) <= utf8.RuneCountInString(verb)+1 {
			return i - len(verb), true
		}
	}
	return 0, false
}

// AsksANotA reports whether q asks yes or no by a verb and its own
// negation (超没超).
func AsksANotA(q string) bool { return aNotA(q) }

// withoutANotA is s with the A-not-A form it ends in read as the verb
// alone (到不到 → 到), so that the comparison word before a number is the
// verb, not the negation with it (到不到 is no 不到). A form of two
// characters (超过没超过) ends in its verb as it is.
func withoutANotA(s string) string {
	s = strings.TrimRight(s, " ")
	verb := lastRunes(s, 1)
	rest := s[:len(s)-len(verb)]
	neg, size := utf8.DecodeLastRuneInString(rest)
	if strings.ContainsRune(lexicon.negations, neg) && aNotAVerb(rest[:len(rest)-size], neg, verb) == verb {
		return rest[:len(rest)-size]
	}
	return s
}

// comparisons are read right before the question's number, longest first.
var comparisons = []struct{ word, op string }{
	{"不到", "<"}, {"不足", "<"}, {"不够", "<"}, {"低于", "<"}, {"少于", "<"}, {"小于", "<"},
	{"超过", ">"}, {"高于", ">"}, {"多于", ">"}, {"大于", ">"}, {"突破", ">"}, {"超", ">"}, {"破", ">"}, {"过的", ">"}, {"破的", ">"}, {"过", ">"},
	{"达到", ">="}, {"到达", ">="}, {"达", ">="}, {"到", ">="}, {"满", ">="}, {"有", ">="}, {"够", ">="}, {"足", ">="},
	{"是不是", "="}, {"等于", "="}, {"是", "="}, {"为", "="},
}

func comparisonBefore(s string) string {
	s = strings.TrimRight(s, " ")
	for _, c := range comparisons {
		if strings.HasSuffix(s, c.word) {
			return c.op
		}
	}
	return ""
}

// approximations after a figure make it a bound, not a value.
var approximations = []string{"以上", "以下", "余", "多", "左右", "上下", "近", "约"}

func isApproximate(after string) bool { return hasPrefixAny(after, approximations) != "" }

// value is a number in base units with the unit left after its magnitude
// (2201万标准箱 → 22010000 标准箱); percent holds shares (八成 → 80 %).
type value struct {
	v    float64
	rest string
}

var magnitudeOf = map[string]float64{"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

func valueOf(text, unit string) (value, bool) {
	// A question read through Canon writes 公里 as 千米; a fact as written.
	text = strings.ReplaceAll(text, "公里", "千米")
	num := leadingNumber(text)
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return value{}, false
	}
	rest := strings.TrimPrefix(text, num)
	if rest == "成" || unit == "成" {
		return value{n * 10, "%"}, true
	}
	for _, m := range magnitudes {
		if strings.HasPrefix(rest, m) && !strings.HasPrefix(rest, "百分") {
			return value{n * magnitudeOf[m], strings.TrimPrefix(rest, m)}, true
		}
	}
	return value{n, rest}, true
}

// sameUnit accepts a question that leaves out the unit noun (超过2000万了吗
// of 2201万标准箱) but not a different one (人 and 人次, 元 and 美元).
func sameUnit(asked, got value) bool {
	return asked.rest == got.rest || asked.rest == "" && got.rest != "%"
}

func decide(op string, got, asked float64) string {
	var yes bool
	switch op {
	case "<":
		yes = got < asked
	case ">":
		yes = got > asked
	case ">=":
		yes = got >= asked
	case "=":
		if got == asked {
			return "是"
		}
		return "不是"
	}
	if yes {
		return "是"
	}
	return "否"
}

// yearsWritten are the years (KindYear) among figs of text, as written.
func yearsWritten(text string, figs []Figure) []string {
	var out []string
	for _, f := range figs {
		if f.Kind == KindYear {
			out = append(out, f.Text(text))
		}
	}
	return out
}
