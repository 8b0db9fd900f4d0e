package extract

import "strings"

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
	if s := scopeOf(before); s != "" || f.Kind != KindRank {
		return s
	}
	return countryScope(before)
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
