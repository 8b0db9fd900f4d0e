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
	return scopeOf(before)
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
