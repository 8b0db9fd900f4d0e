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
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
	for i := 0; i < len(hits); {
		j := i + 1
		for j < len(hits) && nearlyEqual(hits[j-1].Score, hits[j].Score) {
			j++
		}
		lead := roundScore(hits[i].Score)
		for k := i; k < j; k++ {
			hits[k].Score = lead
		}
		slices.SortStableFunc(hits[i:j], func(a, b Hit) int { return cmp.Compare(pos(a), pos(b)) })
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
