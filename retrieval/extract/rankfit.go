package extract

import (
	"slices"
	"strings"
)

// rankFits reports whether rank f of text answers the rank part p asks.
// It does not when it is a rank within another area (全国第44位 for
// 在全省排第几: scopeMeets), when the part asks for a place (第几)
// and f only says among the best (前列), or when f ranks a growth
// (增速居全省第一) and the part asks of no growth: how fast a thing grew
// is not where it stands.
func rankFits(f Figure, text string, p Part) bool {
	if otherScope(f, text, p) {
		return false
	}
	rank := f.Text(text)
	if strings.Contains(p.Text, "第几") && containsAny(rank, lexicon.vagueRanks) {
		return false
	}
	return !rankOfGrowth(f, text) || containsAny(p.Text, lexicon.growthWords)
}

// ordinalFits reports whether ordinal f of text (首个, 第一家) answers the
// rank part p asks. The first of a sequence of batches or phases (首批,
// 一期) says when a thing came, not where it stands; and one told within
// another area (全省首个 for 在全国排第几) ranks it there.
func ordinalFits(f Figure, text string, p Part) bool {
	if !wants(p.Wants, WantRank) || p.Ordinal != "" && f.Unit == p.Ordinal {
		return true
	}
	if slices.Contains(lexicon.sequenceUnits, f.Unit) {
		return false
	}
	return !otherScope(f, text, p)
}

// otherScope reports whether rank or ordinal f of text is told within
// another area than the one p asks a rank within (scopeMeets). A
// province's level asked (省级) names no area to rank within.
func otherScope(f Figure, text string, p Part) bool {
	return p.Scope != "" && p.Scope != ScopeProvinceLevel && scopeMeets(p.Scope, scopeBefore(text, f)) < 0
}

// rankOfGrowth reports whether a growth word stands before rank f in its
// clause.
func rankOfGrowth(f Figure, text string) bool {
	return containsAny(clauseBefore(text, f.Start, rankClauseRunes), lexicon.growthWords)
}

// rankClauseRunes bounds how far before a rank its subject is read.
const rankClauseRunes = 24
