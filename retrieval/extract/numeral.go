package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// firstRe writes 首批 as 第一批: the yearbook says 全国首批, users 第一批
// (首期 and 第一期 alike).
var firstRe = strings.NewReplacer("首批", "第一批", "首届", "第一届", "首位", "第一位", "首家", "第一家", "首个", "第一个", "首期", "第一期", "首轮", "第一轮")

// quoteMarks are quotes and brackets: users type neither (区市 for
// 区(市), 首台套 for 首台(套)).
const quoteMarks = "“”‘’「」()（）"

var quoteDropper = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "「", "", "」", "", "(", "", ")", "", "（", "", "）", "")

// dropQuotes drops the quotes and brackets of s. Marks between two
// numerals leave a space, lest the numbers run together: “2+3”(1个…)
// writes 2+3 and 1个, not 2+31个.
func dropQuotes(s string) string {
	if !marksBetweenNumerals(s) {
		return quoteDropper.Replace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	dropped := false
	for _, r := range s {
		if strings.ContainsRune(quoteMarks, r) {
			dropped = true
			continue
		}
		if dropped && isNumeral(last) && isNumeral(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		last, dropped = r, false
	}
	return b.String()
}

// marksBetweenNumerals reports whether s writes a run of quotes and
// brackets with a numeral on each side.
func marksBetweenNumerals(s string) bool {
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], quoteMarks)
		if k < 0 {
			return false
		}
		start := i + k
		end := start
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune(quoteMarks, r) {
				break
			}
			end += n
		}
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if isNumeral(before) && isNumeral(after) {
			return true
		}
		i = end
	}
	return false
}

// isNumeral reports whether r writes a number: a digit or a Chinese
// numeral.
func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x3007 && strings.ContainsRune(cnAll, r)
}

var cnValue = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var cnPower = map[rune]int{'十': 10, '百': 100, '千': 1000}

// cnPowers are cnPower's numerals: a run holding one is positional (三十).
const cnPowers = "十百千"

// Canon rewrites Chinese numerals as digits (第三十届 → 第30届, 千亿 → 1000亿,
// 五大 → 5大) so a question and a paragraph that write a number differently
// still meet. It is applied to both sides of a comparison, never to quotes.
// 万 and 亿 stay: they are magnitudes after a number (2.54万亿元), and so
// does a power that prefixes a unit (千米, 千瓦) or follows digits (3千亿);
// 公里 becomes 千米, the form yearbooks write.
func Canon(s string) string {
	if canonUnchanged(s) {
		return s
	}
	if strings.Contains(s, "首") {
		s = firstRe.Replace(s)
	}
	if strings.ContainsAny(s, quoteMarks) {
		// Users do not type the quotes the yearbook puts around names
		// (“天下青岛人”云艺演), nor its brackets.
		s = dropQuotes(s)
	}
	if strings.Contains(s, "公里") {
		s = strings.ReplaceAll(s, "公里", "千米")
	}
	if !hasNumeral(s) {
		return s
	}
	if strings.Contains(s, "○") {
		s = circleZeros(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		_, isV := cnValue[r]
		_, isP := cnPower[r]
		if !isV && !isP {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			_, v := cnValue[r]
			_, p := cnPower[r]
			if !v && !p {
				break
			}
			j += n
		}
		if run := s[i:j]; !strings.ContainsFunc(run, isCnValue) && (afterDigit(s, i) || unitAfterPower(s[j:])) {
			// A power alone before a unit or after digits is no number.
			b.WriteString(run)
		} else {
			b.WriteString(cnNumber(run))
		}
		i = j
	}
	return b.String()
}

// unitAfterPowers are units a power prefixes (千米, 千瓦, 千伏, 千克);
// unitAfterPower reports whether s starts with one.
const unitAfterPowers = "米瓦伏克"

func unitAfterPower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(unitAfterPowers, r)
}

func isCnValue(r rune) bool { _, ok := cnValue[r]; return ok }

func afterDigit(s string, i int) bool { return i > 0 && isDigit(s[i-1]) }

// cnNumber converts a run of Chinese numerals. Runs written digit by digit
// (二〇二〇, 三○九) become the digits; positional runs (三十, 一百零八) are
// evaluated.
func cnNumber(run string) string {
	positional := strings.ContainsAny(run, "十百千")
	if !positional {
		var b strings.Builder
		for _, r := range run {
			b.WriteString(strconv.Itoa(cnValue[r]))
		}
		return b.String()
	}
	total, digit := 0, -1
	for _, r := range run {
		if v, ok := cnValue[r]; ok {
			digit = v
			continue
		}
		p := cnPower[r]
		if digit < 0 {
			digit = 1 // 十 alone is 10, 千亿 is 1000亿
		}
		total += digit * p
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return strconv.Itoa(total)
}

// NumeralValue is the digits a run of Chinese numerals writes (二〇二〇 →
// 2020, 两千零二十一 → 2021).
func NumeralValue(run string) string { return cnNumber(circleZeros(run)) }

// circleZeros writes a white circle (○) between Chinese digits as the
// zero 〇: typeset yearbooks use the symbol for the digit (省道二○五,
// 二○○一年), while elsewhere it is a bullet or a mark (○三大任务). Both
// are three bytes, so the text is rewritten in place, invalid bytes kept.
func circleZeros(s string) string {
	b := []byte(s)
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "○")
		if k < 0 {
			break
		}
		at := i + k
		// The runes beside the run of circles (二○○一); at an end the
		// decoder's RuneError is no digit.
		before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:at], "○"))
		after, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[at:], "○"))
		if isCNDigit(before) && isCNDigit(after) {
			copy(b[at:], "〇")
		}
		i = at + len("○")
	}
	return string(b)
}

func isCNDigit(r rune) bool {
	_, ok := cnValue[r]
	return ok
}

func hasNumeral(s string) bool {
	for _, r := range s {
		if r < 0x4e00 {
			continue
		}
		if _, ok := cnValue[r]; ok {
			return true
		}
		if _, ok := cnPower[r]; ok {
			return true
		}
	}
	return false
}
