package retrieval

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// scoreDigits is how many significant digits of a search score count.
// Bleve adds up a passage's clause scores in an order that depends on
// where its batch (a Go map) put the documents, which differs between
// processes, so two passages of equal score (the cells of one table row)
// may differ in their last bits, one way in one process and the other
// way in the next. Scores equal to this many digits are ties.
const scoreDigits = 10

// tieTolerance is the relative difference below which two scores tie.
const tieTolerance = 1e-9

// orderHits sorts hits best first; scores that differ by float rounding
// alone tie, take the run's score (to scoreDigits) and are ordered by
// pos (the passage order), so the same question gets the same hits and
// the same answer in every process.
func orderHits(hits []Hit, pos func(Hit) int) {
	orderScored(hits, len(hits), func(h Hit) float64 { return h.Score }, func(h *Hit, s float64) { h.Score = s }, pos)
}

// orderScored is orderHits for any ranked item, whose score is read by
// score and written by setScore: a search orders its small scored
// documents before it builds hits of those it keeps. Only the first keep
// are ordered in full: a tie run starting after them is left as it is
// (its scores unrounded), as the caller drops it.
func orderScored[T any](xs []T, keep int, score func(T) float64, setScore func(*T, float64), pos func(T) int) {
	slices.SortFunc(xs, func(a, b T) int { return cmp.Compare(score(b), score(a)) })
	for i := 0; i < len(xs) && i < keep; {
		j := i + 1
		for j < len(xs) && nearlyEqual(score(xs[j-1]), score(xs[j])) {
			j++
		}
		lead := roundScore(score(xs[i]))
		for k := i; k < j; k++ {
			setScore(&xs[k], lead)
		}
		slices.SortStableFunc(xs[i:j], func(a, b T) int { return cmp.Compare(pos(a), pos(b)) })
		i = j
	}
}

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= tieTolerance*max(math.Abs(a), math.Abs(b))
}

func roundScore(s float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(s, 'g', scoreDigits, 64), 64)
	if err != nil {
		return s
	}
	return r
}
