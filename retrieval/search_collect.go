package retrieval

import (
	"container/heap"
	"context"
	"fmt"
	"strconv"
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
// reused, from pools), the result's field loading and bookkeeping.
func bestDocs(ctx context.Context, idx bleve.Index, q query.Query, n int, pools *sync.Pool) ([]scoredDoc, error) {
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
	s, err := q.Searcher(ctx, r, idx.Mapping(), search.SearcherOptions{})
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
	return top.docs(r)
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
}

type topHit struct {
	score float64
	seq   uint64
	id    index.IndexInternalID // a copy: the pool reuses the match's
}

func (t *topDocs) add(dm *search.DocumentMatch, seq uint64) {
	if len(t.hits) < t.max {
		heap.Push(t, topHit{dm.Score, seq, append(index.IndexInternalID(nil), dm.IndexInternalID...)})
		return
	}
	if t.max == 0 || dm.Score <= t.hits[0].score {
		// Not better than the worst kept: a tie loses to the one seen first.
		return
	}
	w := &t.hits[0]
	w.score, w.seq, w.id = dm.Score, seq, append(w.id[:0], dm.IndexInternalID...)
	heap.Fix(t, 0)
}

// docs are the hits kept, best first, with their document numbers.
func (t *topDocs) docs(r index.IndexReader) ([]scoredDoc, error) {
	out := make([]scoredDoc, len(t.hits))
	for i := len(out) - 1; i >= 0; i-- {
		h := heap.Pop(t).(topHit)
		ext, err := r.ExternalID(h.id)
		if err != nil {
			return nil, err
		}
		d, err := strconv.Atoi(ext)
		if err != nil {
			return nil, fmt.Errorf("search: index returned unknown document %q", ext)
		}
		out[i] = scoredDoc{d, h.score}
	}
	return out, nil
}

func (t *topDocs) Len() int { return len(t.hits) }
func (t *topDocs) Less(i, j int) bool {
	a, b := t.hits[i], t.hits[j]
	if a.score != b.score {
		return a.score < b.score
	}
	return a.seq > b.seq
}
func (t *topDocs) Swap(i, j int) { t.hits[i], t.hits[j] = t.hits[j], t.hits[i] }
func (t *topDocs) Push(x any)    { t.hits = append(t.hits, x.(topHit)) }
func (t *topDocs) Pop() any {
	h := t.hits[len(t.hits)-1]
	t.hits = t.hits[:len(t.hits)-1]
	return h
}
