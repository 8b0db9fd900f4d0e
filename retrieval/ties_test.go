package retrieval

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOrderHitsTies checks that scores differing only by float rounding
// (Bleve's summation order) tie and are ordered by passage, whatever
// order and last bits they come with: the flip between processes of
// issue #11 came from such a pair of table cells.
func TestOrderHitsTies(t *testing.T) {
	const s = 0.13361498610263695
	base := []Hit{
		{Source: Source{ParagraphID: "a"}, Score: 0.5},
		{Source: Source{ParagraphID: "b"}, Score: s},
		{Source: Source{ParagraphID: "c"}, Score: math.Nextafter(s, 1)},
		{Source: Source{ParagraphID: "d"}, Score: math.Nextafter(s, 0)},
		{Source: Source{ParagraphID: "e"}, Score: 0.1},
	}
	pos := map[string]int{"a": 4, "b": 2, "c": 1, "d": 3, "e": 0}
	want := []string{"a", "c", "b", "d", "e"}
	r := rand.New(rand.NewPCG(1, 2))
	var first []float64
	for range 50 {
		hits := slices.Clone(base)
		r.Shuffle(len(hits), func(i, j int) { hits[i], hits[j] = hits[j], hits[i] })
		// The tied hits' exact bits also vary: the lead score must not.
		for i := range hits {
			if hits[i].Score < 0.2 && hits[i].Score > 0.12 {
				hits[i].Score = []float64{s, math.Nextafter(s, 1), math.Nextafter(s, 0)}[r.IntN(3)]
			}
		}
		orderHits(hits, func(h Hit) int { return pos[h.ParagraphID] })
		var ids []string
		var scores []float64
		for _, h := range hits {
			ids = append(ids, h.ParagraphID)
			scores = append(scores, h.Score)
		}
		if !slices.Equal(ids, want) {
			t.Fatalf("order %v, want %v", ids, want)
		}
		if first == nil {
			first = scores
		} else if !slices.Equal(scores, first) {
			t.Fatalf("scores %v, then %v", first, scores)
		}
	}
}
