package retrieval

import (
	"testing"

	"yearbookbot/corpus"
)

// Scopes that would cost too much to index on first use, or whose
// statistics are mostly their own, are searched in the whole index.
func TestOwnIndexOnlyForSmallScopes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		docText []int // per document, then all
		docs    []int
	}{
		{"every document", []int{1000, 3000, 4000}, nil},
		{"all of them", []int{1000, 3000, 4000}, []int{0, 1}},
		{"over the text bound", []int{maxScopedText + 1, 3 * maxScopedText, 4*maxScopedText + 1}, []int{0}},
		{"most of the text", []int{3000, 1000, 4000}, []int{0}},
	} {
		e := &Engine{yearbooks: make([]corpus.Yearbook, len(tc.docText)-1), scoped: &scopedIndexes{}, docText: tc.docText}
		idx, err := e.ownIndex(t.Context(), tc.docs)
		if idx != nil || err != nil {
			t.Errorf("%s: an index of its own (%v)", tc.name, err)
		}
	}
}
