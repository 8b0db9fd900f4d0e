package retrieval

import (
	"testing"

	index "github.com/blevesearch/bleve_index_api"
)

// TestReplayedPostingsAsIndex: a term's replayed postings read as the
// index's own reader reads them, by Next, by Advance (forward, back, past
// the end) and Count, and the cache serves them from the second search on.
func TestReplayedPostingsAsIndex(t *testing.T) {
	e := defaultEngine(t)
	adv, err := e.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	c := &postingsCache{m: map[fieldTerm]*postings{}}
	cr := c.reader(r)
	if _, ok := cr.(index.BM25Reader); !ok {
		t.Fatal("the caching reader hides the index's field cardinality from BM25")
	}
	terms := 0
	for _, field := range []string{fieldText, fieldSection, fieldChapter} {
		for _, term := range []string{"青岛", "港口", "吞吐量", "增长", "集装箱", "没有这个词"} {
			for pass := range 2 { // recorded, then replayed
				want, err := r.TermFieldReader(t.Context(), []byte(term), field, true, true, false)
				if err != nil {
					t.Fatal(err)
				}
				got, err := cr.TermFieldReader(t.Context(), []byte(term), field, true, true, false)
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := got.(*replayReader); !ok {
					t.Fatalf("%s:%s pass %d: %T, want a replay", field, term, pass, got)
				}
				if got.Count() != want.Count() {
					t.Errorf("%s:%s: count %d, want %d", field, term, got.Count(), want.Count())
				}
				ids := sameDocs(t, field+":"+term, got, want)
				if len(ids) > 0 {
					terms++
				}
				// Advance to each id and past it, back to the first, past the end.
				for _, id := range append(ids, ids[:min(1, len(ids))]...) {
					for _, v := range []uint64{id, id + 1} {
						at := index.NewIndexInternalID(nil, v)
						g, gerr := got.Advance(at, nil)
						w, werr := want.Advance(at, nil)
						if gerr != nil || werr != nil || (g == nil) != (w == nil) || g != nil && (g.ID.Compare(w.ID) != 0 || g.Freq != w.Freq || g.Norm != w.Norm) {
							t.Fatalf("%s:%s: Advance(%d) = %+v, %v; want %+v, %v", field, term, v, g, gerr, w, werr)
						}
					}
				}
				want.Close()
				got.Close()
			}
		}
	}
	if terms < 5 {
		t.Errorf("%d terms found in the index: the test reads nothing", terms)
	}
	if len(c.m) == 0 || c.total == 0 {
		t.Errorf("nothing cached: %d terms, %d postings", len(c.m), c.total)
	}
}

// sameDocs reads both readers to their end, failing on the first
// difference, and returns the ids read.
func sameDocs(t *testing.T, name string, got, want index.TermFieldReader) []uint64 {
	t.Helper()
	var ids []uint64
	var gd, wd index.TermFieldDoc
	for {
		g, gerr := got.Next(gd.Reset())
		w, werr := want.Next(wd.Reset())
		if gerr != nil || werr != nil {
			t.Fatalf("%s: errors %v, %v", name, gerr, werr)
		}
		if (g == nil) != (w == nil) {
			t.Fatalf("%s after %d: %+v, want %+v", name, len(ids), g, w)
		}
		if g == nil {
			return ids
		}
		if g.ID.Compare(w.ID) != 0 || g.Freq != w.Freq || g.Norm != w.Norm {
			t.Fatalf("%s after %d: %+v, want %+v", name, len(ids), g, w)
		}
		ids = append(ids, w.ID.Value())
	}
}
