package extract

// scopeBefore is the scope (全国, 全省 …) written in the clause before
// figure f of text: what a rank is within. Prepare computes it once for
// each figure of a passage; every window holding the figure, for every
// question, reads it.
func scopeBefore(text string, f Figure) string {
	if f.hasScope {
		return f.scope
	}
	return scopeOf(clauseBefore(text, f.Start, scopeRunes))
}
