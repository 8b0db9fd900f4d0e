package extract

import "strings"

// rankFits reports whether rank f of text answers the rank part p asks.
// It does not when it is a rank within another area (全国第44位 for
// 在全省排第几: scopeMeets), when the part asks for a place (第几)
// and f only says among the best (前列), or when f ranks a growth
// (增速居全省第一) and the part asks of no growth: how fast a thing grew
// is not where it stands.
func rankFits(f Figure, text string, p Part) bool {
	if p.Scope != "" && p.Scope != ScopeProvinceLevel {
		if scopeMeets(p.Scope, scopeBefore(text, f)) < 0 {
			return false
		}
	}
	rank := f.Text(text)
	if strings.Contains(p.Text, "第几") && containsAny(rank, lexicon.vagueRanks) {
		return false
	}
	return !rankOfGrowth(f, text) || containsAny(p.Text, lexicon.growthWords)
}

// rankOfGrowth reports whether a growth word stands before rank f in its
// clause.
func rankOfGrowth(f Figure, text string) bool {
	return containsAny(clauseBefore(text, f.Start, rankClauseRunes), lexicon.growthWords)
}

// rankClauseRunes bounds how far before a rank its subject is read.
const rankClauseRunes = 24
