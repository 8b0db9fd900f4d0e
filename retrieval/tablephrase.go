package retrieval

import (
	"strings"
	"unicode"
)

// Phrasings of a table question that name or restate a row in other
// words than a label's: an indicator named by its growth (经济增速 for
// the GDP row's growth) and a clarification after the question (…多少？
// 就是一般预算那个).

// withRateIndicators writes the standard name for an everyday one that
// names an indicator only before a growth word (经济增速 → 地区生产总值
// 增速); q is folded, and only the table path reads the result.
func withRateIndicators(q string) string {
	for form, name := range tableWords.rateIndicators {
		for i := 0; ; {
			j := strings.Index(q[i:], form)
			if j < 0 {
				break
			}
			at := i + j + len(form)
			if hasPrefixAny(q[at:], tableWords.changeAsks) {
				q = q[:i+j] + name + q[at:]
				at = i + j + len(name)
			}
			i = at
		}
	}
	return q
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// clarification is the span of q after a clarifier (就是) when every
// letter of it is a character of the cells' names or stands in a filler
// or table word: it restates the row asked and asks nothing more.
func clarification(q string, names []string) (span, bool) {
	for _, c := range tableWords.clarifiers {
		i := strings.Index(q, c)
		if i < 0 {
			continue
		}
		rest := q[i+len(c):]
		for _, w := range tableWords.tableMarks {
			rest = strings.ReplaceAll(rest, w, "")
		}
		for _, w := range tableWords.filler {
			rest = strings.ReplaceAll(rest, w, "")
		}
		chars := strings.Join(names, "")
		for _, r := range rest {
			if (unicode.IsLetter(r) || unicode.IsNumber(r)) && !strings.ContainsRune(chars, r) {
				return span{}, false
			}
		}
		return span{i, len(q)}, true
	}
	return span{}, false
}
