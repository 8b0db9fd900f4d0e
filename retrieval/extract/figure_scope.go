package extract

import (
	"strings"
	"unicode/utf8"

	"yearbookbot/corpus"
)

// scopeBefore is the scope (全国, 全省 …) written in the clause before
// figure f of text: what a rank is within. Prepare computes it once for
// each figure of a passage; every window holding the figure, for every
// question, reads it.
func scopeBefore(text string, f Figure) string {
	if f.hasScope {
		return f.scope
	}
	before := clauseBefore(text, f.Start, scopeRunes)
	if insideName(before) {
		// A figure in a quoted name (“全球某某500强”) ranks nothing: the
		// scope word is part of the name.
		return ""
	}
	if s := scopeOf(before); s != "" {
		return s
	}
	if f.Kind != KindRank {
		return scopeAfter(text, f)
	}
	return countryScope(before)
}

// scopeAfter is the scope the rest of a figure's clause gives it right
// after the figure (5项在全省推广), "" when it gives none or names a
// province only inside another name (在甲省路开业: notProvinceAfter).
func scopeAfter(text string, f Figure) string {
	rest, ok := strings.CutPrefix(clauseAfter(text, f.End), lexicon.scopeAfter)
	if !ok {
		return ""
	}
	s, n := scopeWordAt(rest)
	if next, _ := utf8.DecodeRuneInString(rest[n:]); strings.ContainsRune(lexicon.notProvinceAfter, next) {
		return ""
	}
	return s
}

// countryScope is the scope of a rank whose clause names no scope word:
// the nation right after a rank verb and the country's name (居中国第2位),
// a region of it when more words stand between (居中国沿江城市第2位), else
// none. The country's name is no scope word of questions, where it often
// names an award's level. A region's rank may be a national list's
// (居中国城市第20位): it clashes with a world or province asked, not with
// the nation (scopeMeets).
func countryScope(before string) string {
	for _, v := range lexicon.rankVerbs {
		if strings.HasSuffix(before, v+lexicon.country) {
			return ScopeNation
		}
		if strings.Contains(before, v+lexicon.country) {
			return ScopeRegion
		}
	}
	return ""
}

// insideName reports whether before, the text before a figure, leaves a
// quoted name or a title open (“…, 《…).
func insideName(before string) bool {
	for _, q := range [][2]string{{"“", "”"}, {"《", "》"}, {"「", "」"}} {
		if strings.LastIndex(before, q[0]) > strings.LastIndex(before, q[1]) {
			return true
		}
	}
	return false
}

// placedAct is a deed a text places in an area: 在全国复制推广 gives the
// nation and 复制, the deed's first actRunes runes.
type placedAct struct {
	scope, act string
}

// actRunes is how much of a deed placedActs compares: a verb's two
// characters.
const actRunes = 2

// placedActs reads every 在 + a scope word or a province's name + a deed
// of text, past words of extent (范围内). A deed asked in one area
// (在全国推广了几项) is not the one a window places in another (其中3项在
// 甲省推广), even when the window names the asked area for something else
// (全国首创).
func placedActs(text string) []placedAct {
	var out []placedAct
	for i := strings.Index(text, "在"); i >= 0; i = indexFrom(text, "在", i+len("在")) {
		rest := text[i+len("在"):]
		scope, n := scopeWordAt(rest)
		if scope == "" {
			continue
		}
		deed := rest[n:]
		deed = deed[len(hasPrefixAny(deed, lexicon.areaFillers)):]
		act := firstRunes(deed, actRunes)
		if utf8.RuneCountInString(act) == actRunes && isHanWord(act) && !strings.Contains(act, "的") {
			out = append(out, placedAct{scope, act})
		}
	}
	return out
}

// scopeWordAt is the scope of the scope word or province's name s opens
// with and its length, "" and 0 when s opens with none.
func scopeWordAt(s string) (scope string, n int) {
	for _, sw := range scopeWords {
		if w := hasPrefixAny(s, sw.words); w != "" {
			return sw.scope, len(w)
		}
	}
	if w := hasPrefixAny(s, corpus.ProvinceNames()); w != "" {
		return ScopeProvince, len(w)
	}
	return "", 0
}

// actElsewhere reports whether window places a deed asked in another
// area than the question places it, and nowhere in that one.
func actElsewhere(asked []placedAct, window string) bool {
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, got := range placedActs(window) {
		for _, a := range asked {
			if got.act != a.act {
				continue
			}
			if scopeMeets(a.scope, got.scope) >= 0 {
				return false
			}
			other = true
		}
	}
	return other
}
