package retrieval

import (
	"slices"
	"testing"

	"yearbookbot/retrieval/extract"
)

// Each part ranks the merged hits by its own search: its own order and
// scores, the hits it did not find left out, whatever their place in the
// merged list.
func TestRankingsArePerPart(t *testing.T) {
	hit := func(id string, score float64) Hit { return Hit{Source: Source{ParagraphID: id}, Score: score} }
	lists := [][]Hit{
		{hit("a", 9), hit("b", 5)},
		{hit("c", 2), hit("b", 1), hit("gone", 1)},
		nil, // a part whose search found nothing
	}
	merged := []Hit{hit("a", 9), hit("c", 2), hit("b", 5)}
	got := rankings(lists, merged)
	want := [][]extract.Ranked{
		{{Passage: 0, Score: 9}, {Passage: 2, Score: 5}},
		{{Passage: 1, Score: 2}, {Passage: 2, Score: 1}},
		{},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rankings, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("part %d ranks %v, want %v", i, got[i], want[i])
		}
	}
}
