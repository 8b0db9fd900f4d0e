package corpus

import (
	"slices"
	"strings"
	"unicode/utf8"
)

const maxCreditRunes = 80

// sourceLine reports whether a plain-text line is only a credit in
// parentheses, `(市海洋发展局市发展改革委)` or `（俎瑶琛）`, and returns what is
// inside. Such a line closes a chapter in the yearbook.
func sourceLine(l string) (string, bool) {
	var inner string
	switch {
	case strings.HasPrefix(l, "(") && strings.HasSuffix(l, ")"):
		inner = l[1 : len(l)-1]
	case strings.HasPrefix(l, "（") && strings.HasSuffix(l, "）"):
		inner = l[len("（") : len(l)-len("）")]
	case strings.HasPrefix(l, "(") && strings.HasSuffix(l, "）"):
		inner = l[1 : len(l)-len("）")]
	case strings.HasPrefix(l, "（") && strings.HasSuffix(l, ")"):
		inner = l[len("（") : len(l)-1]
	default:
		return "", false
	}
	inner = strings.TrimSpace(inner)
	if inner == "" || utf8.RuneCountInString(inner) > maxCreditRunes {
		return "", false
	}
	// A credit is a list of names: it has no sentence inside and no nested
	// parentheses (which would mean the line is a longer remark).
	if strings.ContainsAny(inner, "。！？!?；;：:()（）《》") {
		return "", false
	}
	// Nor a year: （2026年1月27日在贵州省…会议上） is a report's dateline.
	if dominantYear(arabicYears(inner)) > 0 {
		return "", false
	}
	return inner, true
}

// Heads a government body name may start with, and the suffixes that end
// one (市海洋发展局, 市委组织部, 市工商联, 区政府办公室, 省大数据中心, …).
var (
	bodyHeads    = []string{"市", "省", "区", "县", "州", "镇", "乡", "街道", "国家", "中共", "共青团"}
	bodySuffixes = []string{"局", "委", "室", "办", "部", "联", "会", "院", "厅", "中心", "处", "署", "所", "站", "馆", "行", "队", "司", "府", "社", "团", "组", "校", "台", "集团", "公司", "科", "关"}
)

// splitSources turns the inside of a credit line into its names. Names may be
// separated by 、，, or spaces, or be glued together as the print layout left
// them (市商务局市委组织部). A glued run is split only when all of it splits
// into body names; a person's name such as 俎瑶琛 or a list of persons
// written without separators stays whole, since no rule can split it safely.
func splitSources(inner string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ' ' || r == '\u3000' || r == '/' || r == '；' || r == ';'
	}) {
		out = append(out, splitBodies(part)...)
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// splitBodies splits a run of glued body names, preferring the split into
// the most names: a whole run like 市委宣传部市文化和旅游局市体育局 also starts
// with a head and ends with a suffix, but it is three bodies, not one.
func splitBodies(s string) []string {
	rs := []rune(s)
	n := len(rs)
	if n > maxCreditRunes {
		return []string{s}
	}
	// best[i] is the most pieces rs[i:] splits into, -1 when it cannot.
	best := make([]int, n+1)
	next := make([]int, n+1)
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		best[i] = -1
		if !hasAnyPrefix(rs[i:], bodyHeads) {
			continue
		}
		for j := i + 2; j <= n; j++ {
			if best[j] < 0 || !hasAnySuffix(rs[i:j], bodySuffixes) {
				continue
			}
			if best[j]+1 > best[i] {
				best[i], next[i] = best[j]+1, j
			}
		}
	}
	if best[0] <= 1 {
		return []string{s}
	}
	var out []string
	for i := 0; i < n; i = next[i] {
		out = append(out, string(rs[i:next[i]]))
	}
	return out
}

func hasAnyPrefix(rs []rune, words []string) bool {
	s := string(rs)
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasAnySuffix(rs []rune, words []string) bool {
	s := string(rs)
	for _, w := range words {
		if strings.HasSuffix(s, w) && len(s) > len(w) {
			return true
		}
	}
	return false
}

// credit adds names to the chapter's sources, each once: a chapter whose
// tables and prose credit the same body several times names it once.
func (c *Chapter) credit(names []string) {
	for _, n := range names {
		if !slices.Contains(c.Sources, n) {
			c.Sources = append(c.Sources, n)
		}
	}
}
