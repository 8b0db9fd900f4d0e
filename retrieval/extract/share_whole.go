package extract

import (
	"strings"
	"unicode/utf8"
)

// qualifierRunes bounds the words of a 的 phrase read before a measure
// (投向甲项目的专项资金).
const qualifierRunes = 6

// shareOfAsked reports whether window s gives its amount of a thing the
// part asks the whole of (一共多少) as a share of that whole (甲的专项资金达
// 5亿元，占全部专项资金的70%): the amount is a part of what was asked,
// unless the part names what sets the amount apart (甲的).
func (pi *partInfo) shareOfAsked(s string) bool {
	if !pi.a.Total {
		return false
	}
	for k := strings.Index(s, "占"); k >= 0; k = indexFrom(s, "占", k+len("占")) {
		after := s[k+len("占"):]
		after = after[len(hasPrefixAny(after, lexicon.wholeWords)):]
		for _, t := range pi.a.Terms {
			if !t.Key || t.Context || !strings.HasPrefix(after, t.Text) {
				continue
			}
			first := strings.Index(s[:k], t.Text)
			if first < 0 {
				continue
			}
			if q := qualifierBefore(s[:first]); q != "" && !pi.namesAny(q) {
				return true
			}
		}
	}
	return false
}

// qualifierBefore is the 的 phrase before ends with, up to qualifierRunes
// runes back and cut at a digit or a mark (3个甲项目的 → 个甲项目), "" when
// before does not end in 的.
func qualifierBefore(before string) string {
	rest, ok := strings.CutSuffix(before, "的")
	if !ok {
		return ""
	}
	q := lastRunes(rest, qualifierRunes)
	for i := len(q); i > 0; {
		r, n := utf8.DecodeLastRuneInString(q[:i])
		if r < utf8.RuneSelf || strings.ContainsRune(itemMarks+quoteMarks, r) {
			return q[i:]
		}
		i -= n
	}
	return q
}

// namesAny reports whether s writes any word of the part.
func (pi *partInfo) namesAny(s string) bool {
	c := newCanonText(Canon(s))
	for _, t := range pi.a.Terms {
		if !t.Context && termIn(t, c) {
			return true
		}
	}
	return false
}
