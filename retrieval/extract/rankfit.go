package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
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

// asksRankMove reports whether text asks how far a rank moved (升了几位,
// 前进几名), which a rank held (居第十位) does not tell.
func asksRankMove(text string) bool {
	return movedBy(text, func(s string) bool { return countThenPlaces(s, lexicon.rankMoveAsks) })
}

// movesRank reports whether text states how far a rank moved (位次上升2位,
// 上升3个位次) or from where to where (由第15位上升至第10位).
func movesRank(text string) bool {
	return movedBy(text, func(s string) bool { return countThenPlaces(s, nil) }) ||
		strings.Contains(text, lexicon.rankFrom) && movedBy(text, func(s string) bool { return hasPrefixAny(s, lexicon.rankMoveTo) != "" })
}

// countThenPlaces reports whether s opens with a count — one of asks, or
// digits and Chinese numerals when asks is nil —, an optional 个, and the
// places a rank moves by (lexicon.rankMoveUnits: 位, 名, 位次).
func countThenPlaces(s string, asks []string) bool {
	n := len(hasPrefixAny(s, asks))
	if asks == nil {
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !isDigit(s[n]) && !strings.ContainsRune(cnAll, r) {
				break
			}
			n += size
		}
	}
	if n == 0 {
		return false
	}
	rest := strings.TrimPrefix(s[n:], "个")
	return hasPrefixAny(rest, lexicon.rankMoveUnits) != ""
}

// movedBy reports whether text writes a word moving a rank
// (lexicon.rankMoves), then, after an optional 了, what follows accepts.
func movedBy(text string, follows func(string) bool) bool {
	for _, v := range lexicon.rankMoves {
		for i := strings.Index(text, v); i >= 0; i = indexFrom(text, v, i+len(v)) {
			if follows(strings.TrimPrefix(text[i+len(v):], "了")) {
				return true
			}
		}
	}
	return false
}
