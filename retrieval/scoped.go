package retrieval

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A search scoped to some documents ranks by BM25, whose IDF and average
// field length are statistics of the index searched. Filtering the whole
// index would rank a yearbook's paragraphs by the statistics of everything
// else loaded beside it (a library of government reports makes 增长 common
// and paragraphs short), so the same question over the same yearbook would
// get other passages, ranks and score ratios, the selector's features,
// depending on what else is loaded. A tier of a few documents is searched
// in an index of those documents alone instead, built on first use: its
// statistics, and so its answers, are those of the documents in scope.

// maxScopedText bounds the text of the documents given an index of their
// own: building one on first use takes about a second per megabyte (3 s
// for the 3 MB of national reports). A larger scope, or one holding more
// than half of the text (whose statistics are mostly its own anyway), is
// searched in the whole index.
const maxScopedText = 1 << 20

// scopedIndex is the index of one set of documents, built once.
type scopedIndex struct {
	once sync.Once
	idx  bleve.Index
	err  error
}

// scopedIndexes holds the scoped indexes by their documents (docsKey).
type scopedIndexes struct{ m sync.Map }

// close closes every index built.
func (s *scopedIndexes) close() error {
	var first error
	s.m.Range(func(_, v any) bool {
		si := v.(*scopedIndex)
		// Waits for a build in progress; one not started never will be.
		si.once.Do(func() {})
		if si.idx != nil {
			if err := si.idx.Close(); err != nil && first == nil {
				first = err
			}
		}
		return true
	})
	return first
}

func docsKey(docs []int) string {
	ds := slices.Sorted(slices.Values(docs))
	var b strings.Builder
	for _, di := range ds {
		b.WriteString(strconv.Itoa(di))
		b.WriteByte(',')
	}
	return b.String()
}

// ownIndex is the index of the tier's documents alone, or nil when the
// tier is searched in the whole index: it has no documents, all of them,
// or too much text (maxScopedText).
func (e *Engine) ownIndex(ctx context.Context, docs []int) (bleve.Index, error) {
	if docs == nil || len(docs) >= len(e.yearbooks) || e.scoped == nil {
		return nil, nil
	}
	n := 0
	for _, di := range docs {
		n += e.docText[di]
	}
	if n == 0 || n > maxScopedText || 2*n > e.docText[len(e.yearbooks)] {
		return nil, nil
	}
	v, _ := e.scoped.m.LoadOrStore(docsKey(docs), &scopedIndex{})
	si := v.(*scopedIndex)
	si.once.Do(func() {
		// Built without the caller's context: a question cancelled mid-way
		// must not leave a half-built index for the next one.
		si.idx, si.err = e.buildScoped(context.WithoutCancel(ctx), docs)
	})
	return si.idx, si.err
}

// buildScoped indexes the passages of docs in memory, segmented as they
// would be alone: with the embedded dictionary when they fit it.
func (e *Engine) buildScoped(ctx context.Context, docs []int) (bleve.Index, error) {
	seg := e.seg
	if e.baseSeg != nil && !slices.ContainsFunc(docs, func(di int) bool { return !e.fitsBase[di] }) {
		seg = e.baseSeg
	}
	m, err := newMapping(seg)
	if err != nil {
		return nil, err
	}
	idx, err := newMemIndex(m)
	if err != nil {
		return nil, fmt.Errorf("create the index of documents %v: %w", docs, err)
	}
	var ids []int
	for i, di := range e.passageDoc {
		if slices.Contains(docs, di) {
			ids = append(ids, i)
		}
	}
	if err := e.indexSome(ctx, idx, ids); err != nil {
		idx.Close()
		return nil, err
	}
	e.log.Debug("scoped index built", "documents", len(docs), "passages", len(ids))
	return idx, nil
}

// searchTier searches a tier: in its documents' own index when they have
// one, with only the place restriction left to filter; else in the whole
// index with the tier's filter.
func (e *Engine) searchTier(ctx context.Context, terms []string, weights []float64, n int, t tier) ([]Hit, error) {
	idx, err := e.ownIndex(ctx, t.docs)
	if err != nil {
		return nil, err
	}
	if idx == nil {
		return e.searchIndex(ctx, e.idx, terms, weights, n, t.filter)
	}
	var f query.Query
	if t.place != "" {
		f = termQuery(fieldPlace, t.place)
	}
	return e.searchIndex(ctx, idx, terms, weights, n, f)
}
