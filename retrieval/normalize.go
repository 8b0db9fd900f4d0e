package retrieval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"

	"yearbookbot/retrieval/extract"
)

// maxQueryRunes caps a normalized question: longer input is not a question
// and would only slow segmentation and search down.
const maxQueryRunes = 200

// rawCap bounds how much of the raw input is looked at before the expensive
// steps (NFKC, Traditional → Simplified), so 100 KB of text costs no more
// than a long question. Mentions and control characters removed later can
// shrink the text, hence the margin over maxQueryRunes.
const rawCap = 4 * maxQueryRunes

var (
	// A bot command (/ask, /ask@yearbook_bot) at the start or after a space;
	// 1/7 inside a figure is not a command.
	commandRe = regexp.MustCompile(`(^|\s)/[A-Za-z][A-Za-z0-9_]*(@[A-Za-z0-9_]+)?`)
	// A Telegram @mention (usernames are 5–32 characters of [A-Za-z0-9_]).
	mentionRe = regexp.MustCompile(`@[A-Za-z0-9_]{3,32}`)
	// An HTML tag pasted with a question (<b>, </span>, <br/>): its letters
	// would otherwise be searched for as words the yearbook lacks.
	tagRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>`)
	// shortYearRe is a year written with two digits (21年), as people type
	// it; the digits must not continue a number, an ordinal or a count.
	shortYearRe = regexp.MustCompile(`(^|[^0-9.第近约过这那前后多几十百千万])([0-9]{2})年`)
	// monthPartRe is a month said with 份 (8月份, 十一月份), as people say
	// it and yearbooks do not write it.
	monthPartRe = regexp.MustCompile(`([0-9]{1,2}|[一二三四五六七八九十]{1,3})月份`)
	// cnYearRe is a year in Chinese numerals, digit by digit (二〇二〇年)
	// or read out (两千零二十一年), as phones' voice input writes it.
	cnYearRe = regexp.MustCompile(`([一二三四五六七八九]{1}[零〇○一二三四五六七八九]{3}|[两二]千零[一二三四五六七八九十]{1,3})年`)
)

// cnYearMin and cnYearMax bound the years read from Chinese numerals.
const cnYearMin, cnYearMax = 1900, 2199

// Two-digit years read as years of this century only within this range:
// 10年 or 5年 are far more often durations (近10年, 建成5年), and no
// yearbook a user asks about covers a year beyond it.
const shortYearMin, shortYearMax = 16, 39

// notAfterShortYear follow a count of years, not a year (21年来, 30年间).
var notAfterShortYear = []string{"来", "间", "内", "代", "多", "左右", "以上", "以内", "之内", "之久"}

// A year read out in Chinese numerals (两千零二十一年) may be a count of
// years: after a word leading a count (已有两千零五十年) or before one
// closing it (两千零五十年的历史).
var (
	readOutCountLeads = []string{"有", "近", "约", "达", "满", "超过"}
	readOutCountEnds  = []string{"历史", "的历史", "来", "间", "之久", "多", "以上", "左右"}
)

// askAfterShortYear follow a year compared, not a count (22年比21年多吗).
var askAfterShortYear = []string{"多吗", "多了", "多呢", "多还是", "多少", "多?", "多？"}

// expandShortYears writes a two-digit year out in full (21年 → 2021年),
// so the year words of the engine read it.
func expandShortYears(q string) string {
	ms := shortYearRe.FindAllStringSubmatchIndex(q, -1)
	if ms == nil {
		return q
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		digits := q[m[4]:m[5]]
		n := int(digits[0]-'0')*10 + int(digits[1]-'0')
		if n < shortYearMin || n > shortYearMax || hasPrefixAny(q[m[1]:], notAfterShortYear) && !hasPrefixAny(q[m[1]:], askAfterShortYear) {
			continue
		}
		b.WriteString(q[last:m[4]])
		b.WriteString("20")
		last = m[4]
	}
	b.WriteString(q[last:])
	return b.String()
}

// normalizer turns a user's question into the text the engine analyses. It
// is built once per Engine: OpenCC's dictionaries take a few milliseconds.
type normalizer struct {
	t2s *opencc.OpenCC
}

func newNormalizer() (*normalizer, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("opencc t2s: %w", err)
	}
	return &normalizer{t2s: cc}, nil
}

// Normalize folds widths (NFKC), converts Traditional to Simplified, strips
// bot commands, @mentions and HTML tags, drops control and zero-width characters,
// collapses whitespace and caps the length. Invalid UTF-8 becomes U+FFFD.
func (n *normalizer) Normalize(q string) string {
	q = capRunes(q, rawCap)
	q = strings.ToValidUTF8(q, "\uFFFD")
	q = norm.NFKC.String(q)
	// Each pattern is run only on text holding the character it starts
	// with: run, it copies the text even when nothing matches.
	if strings.Contains(q, "/") {
		q = commandRe.ReplaceAllString(q, "$1 ")
	}
	if strings.Contains(q, "@") {
		q = mentionRe.ReplaceAllString(q, " ")
	}
	if strings.Contains(q, "<") {
		q = tagRe.ReplaceAllString(q, " ")
	}
	q = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r), r == '\u200b':
			return -1
		}
		return r
	}, q)
	// Spaces are all ' ' now: only a leading, trailing or double one
	// changes.
	if strings.HasPrefix(q, " ") || strings.HasSuffix(q, " ") || strings.Contains(q, "  ") {
		q = strings.Join(strings.Fields(q), " ")
	}
	if q != "" && n.t2s != nil {
		// Valid dictionaries give valid text; if they ever do not, the
		// unconverted question is still better than none.
		if s := newT2S(n.t2s).convert(q); utf8.ValidString(s) {
			q = s
		}
	}
	if strings.Contains(q, "年") {
		q = cnYears(q)
	}
	if strings.Contains(q, "月份") {
		q = monthPartRe.ReplaceAllString(q, "${1}月")
	}
	return capRunes(expandShortYears(q), maxQueryRunes)
}

// cnYears writes the years q writes in Chinese numerals (二〇二〇年) in
// digits, when they are years: digit by digit always, read out unless it
// counts years (readOutCount).
func cnYears(q string) string {
	var b strings.Builder
	last := 0
	for _, m := range cnYearRe.FindAllStringSubmatchIndex(q, -1) {
		run := q[m[2]:m[3]]
		digits := extract.NumeralValue(run)
		y, err := strconv.Atoi(digits)
		if err != nil || y < cnYearMin || y > cnYearMax || strings.ContainsRune(run, '千') && readOutCount(q[:m[0]], q[m[1]:]) {
			continue
		}
		b.WriteString(q[last:m[2]])
		b.WriteString(digits)
		last = m[3]
	}
	b.WriteString(q[last:])
	return b.String()
}

// readOutCount reports whether a year read out between before and after
// counts years.
func readOutCount(before, after string) bool {
	for _, l := range readOutCountLeads {
		if strings.HasSuffix(before, l) {
			return true
		}
	}
	return hasPrefixAny(after, readOutCountEnds) && !hasPrefixAny(after, askAfterShortYear)
}

// capRunes returns s cut to at most n runes (bytes of invalid UTF-8 count
// as one rune each).
func capRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
