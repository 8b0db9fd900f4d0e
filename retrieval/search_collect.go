package retrieval

import (
	"context"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// scoredDoc is one passage a search found, by its number, with its score.
type scoredDoc struct {
	doc   int
	score float64
}

// bestDocs returns the n best documents q finds in idx, best first: the
// hits bleve's SearchInContext returns for a request of size n sorted by
// score (ties in index order), with the same scores, as it runs the same
// searchers. It skips what that request costs besides: a collector and a
// pool of document matches allocated for every search (the pool here is
// reused, from pools), the result's field loading and bookkeeping; with
// postings (nil: none) its term readers replay the postings they read
// before (see search_postings.go).
func bestDocs(ctx context.Context, idx bleve.Index, q query.Query, n int, pools *sync.Pool, postings *postingsCache) ([]scoredDoc, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, bleve.ErrorIndexClosed
	}
	defer r.Close()
	// What SearchInContext tells the searchers: the scoring model of the
	// index, and a count of term searchers.
	model := index.DefaultScoringModel
	if m, ok := idx.Mapping().(*mapping.IndexMappingImpl); ok && m.ScoringModel == index.BM25Scoring {
		model = index.BM25Scoring
	}
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey, search.GetScoringModelCallbackFn(func() string { return model }))
	ctx = search.ContextWithTermSearchersCounter(ctx)
	s, err := q.Searcher(ctx, postings.reader(r), idx.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	pool := matchPool(pools, s.DocumentMatchPoolSize()+1)
	top, err := collect(ctx, s, &search.SearchContext{DocumentMatchPool: pool, IndexReader: r}, n)
	pools.Put(pool)
	if err != nil {
		return nil, err
	}
	return top.docs(r, postings)
}

// collect keeps the n best hits of s.
func collect(ctx context.Context, s search.Searcher, sctx *search.SearchContext, n int) (*topDocs, error) {
	top := &topDocs{max: n}
	for seq := uint64(0); ; seq++ {
		if seq%checkDoneEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		top.add(dm, seq)
		sctx.DocumentMatchPool.Put(dm)
	}
	return top, nil
}

// checkDoneEvery is how many hits a search collects between looks at its
// context (bleve's collector looks every 1024).
const checkDoneEvery = 1024

// matchPool is a document match pool from pools, or a new one of size.
func matchPool(pools *sync.Pool, size int) *search.DocumentMatchPool {
	if p, ok := pools.Get().(*search.DocumentMatchPool); ok {
		return p
	}
	return search.NewDocumentMatchPool(size, 0)
}

// topDocs keeps the best max hits seen, worst on top of its heap: a
// higher score is better, and of equal scores the one seen first, as in
// bleve's collector.
type topDocs struct {
	max  int
	hits []topHit
	// ids back the hits' ids: a match's id is copied, as the pool reuses
	// it, into the slot of the hit it becomes.
	ids []byte
}

type topHit struct {
	score float64
	seq   uint64
	id    index.IndexInternalID
}

// idSize is the size of a scorch document id, for which room is made.
const idSize = 8

func (t *topDocs) add(dm *search.DocumentMatch, seq uint64) {
	if len(t.hits) < t.max {
		if t.ids == nil {
			t.ids = make([]byte, t.max*idSize)
			t.hits = make([]topHit, 0, t.max)
		}
		k := len(t.hits) * idSize
		id := append(t.ids[k:k:k+idSize], dm.IndexInternalID...)
		t.hits = append(t.hits, topHit{dm.Score, seq, id})
		t.up(len(t.hits) - 1)
		return
	}
	if t.max == 0 || !t.better(topHit{score: dm.Score, seq: seq}, t.hits[0]) {
		// Not better than the worst kept: a tie loses to the one seen first.
		return
	}
	w := &t.hits[0]
	w.score, w.seq, w.id = dm.Score, seq, append(w.id[:0], dm.IndexInternalID...)
	t.down(0)
}

// better reports whether a ranks before b.
func (t *topDocs) better(a, b topHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.seq < b.seq
}

func (t *topDocs) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !t.better(t.hits[parent], t.hits[i]) {
			return
		}
		t.hits[parent], t.hits[i] = t.hits[i], t.hits[parent]
		i = parent
	}
}

func (t *topDocs) down(i int) {
	for {
		worst, l := i, 2*i+1
		if l < len(t.hits) && t.better(t.hits[worst], t.hits[l]) {
			worst = l
		}
		if r := l + 1; r < len(t.hits) && t.better(t.hits[worst], t.hits[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		t.hits[i], t.hits[worst] = t.hits[worst], t.hits[i]
		i = worst
	}
}

// docs are the hits kept, best first, with their document numbers.
func (t *topDocs) docs(r index.IndexReader, c *postingsCache) ([]scoredDoc, error) {
	// better, written out: the comparator runs for every pair compared.
	slices.SortFunc(t.hits, func(a, b topHit) int {
		if a.score != b.score && a.score > b.score || a.score == b.score && a.seq < b.seq {
			return -1
		}
		return 1
	})
	out := make([]scoredDoc, len(t.hits))
	for i, h := range t.hits {
		d, err := c.docNumber(r, h.id)
		if err != nil {
			return nil, err
		}
		out[i] = scoredDoc{d, h.score}
	}
	return out, nil
}
