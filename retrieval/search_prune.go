package retrieval

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// fieldTerms tells whether a field of an index holds a term. A term query
// on a term its field lacks matches nothing, yet costs Bleve a term
// searcher (a dictionary lookup, a postings reader, a scorer); termQueries
// puts an absentTermQuery in its place.
type fieldTerms struct {
	r     index.IndexReader
	dicts map[string]index.FieldDictContains
	// sets hold the terms of fields with at most maxSetTerms of them:
	// looking a term up in a map allocates nothing, in a dictionary's
	// automaton a state each time.
	sets map[string]map[string]struct{}
}

// maxSetTerms bounds the terms of a field kept in a set (a library's
// paragraph text has more; its dictionary is asked instead).
const maxSetTerms = 1 << 15

// openFieldTerms reads the dictionaries of fields in idx; nil (every term
// taken as held) when the index cannot tell.
func openFieldTerms(idx bleve.Index, fields []fieldBoost) *fieldTerms {
	adv, err := idx.Advanced()
	if err != nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil
	}
	rc, ok := r.(index.IndexReaderContains)
	if !ok {
		r.Close()
		return nil
	}
	ft := &fieldTerms{r: r, dicts: make(map[string]index.FieldDictContains, len(fields)), sets: map[string]map[string]struct{}{}}
	for _, f := range fields {
		if set := termSet(r, f.name); set != nil {
			ft.sets[f.name] = set
		} else if d, err := rc.FieldDictContains(f.name); err == nil {
			ft.dicts[f.name] = d
		}
	}
	return ft
}

// termSet is the set of a field's terms; nil when it has more than
// maxSetTerms or they cannot be read.
func termSet(r index.IndexReader, field string) map[string]struct{} {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil
	}
	defer d.Close()
	if d.Cardinality() > maxSetTerms {
		return nil
	}
	set := make(map[string]struct{}, d.Cardinality())
	for {
		e, err := d.Next()
		if err != nil {
			return nil
		}
		if e == nil {
			return set
		}
		if len(set) == maxSetTerms {
			return nil
		}
		set[e.Term] = struct{}{}
	}
}

// has reports whether field holds term; true when it cannot tell (a
// term query kept is never wrong).
func (ft *fieldTerms) has(field string, term []byte) bool {
	if ft == nil {
		return true
	}
	if set, ok := ft.sets[field]; ok {
		_, held := set[string(term)]
		return held
	}
	d, ok := ft.dicts[field]
	if !ok {
		return true
	}
	found, err := d.Contains(term)
	return found || err != nil
}

func (ft *fieldTerms) close() {
	if ft != nil {
		ft.r.Close()
	}
}

// fieldTermsCache keeps each searched index's fieldTerms open: an index
// never changes once built, and opening its dictionaries for every search
// costs a reader and a goroutine per field. Dictionary lookups only read
// the index's immutable term automata, so searches share them.
type fieldTermsCache struct {
	m sync.Map // bleve.Index → *fieldTermsEntry
}

type fieldTermsEntry struct {
	once sync.Once
	ft   *fieldTerms
}

// of is idx's fieldTerms, opened on first use; nil when idx cannot tell.
func (c *fieldTermsCache) of(idx bleve.Index, fields []fieldBoost) *fieldTerms {
	if c == nil {
		return nil
	}
	v, _ := c.m.LoadOrStore(idx, &fieldTermsEntry{})
	en := v.(*fieldTermsEntry)
	en.once.Do(func() { en.ft = openFieldTerms(idx, fields) })
	return en.ft
}

// close closes every reader opened, before their indexes close.
func (c *fieldTermsCache) close() {
	if c == nil {
		return
	}
	c.m.Range(func(_, v any) bool {
		en := v.(*fieldTermsEntry)
		en.once.Do(func() {})
		en.ft.close()
		return true
	})
}

// absentTermQuery is a term query on a term its field lacks (fieldTerms):
// its searcher matches nothing, as the term query's would, but skips the
// dictionary lookup, postings reader and scorer that one builds. It
// weighs what that one weighs, (boost × idf)² with the term's document
// frequency 0, which the disjunctions above it sum into their query norm,
// so every score stays what it was.
type absentTermQuery struct{ tq *query.TermQuery }

func (q absentTermQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	field := q.tq.Field()
	if field == "" {
		field = m.DefaultSearchField()
	}
	if ctx == nil || options.Explain || hasSynonyms(ctx, field) {
		return q.tq.Searcher(ctx, r, m, options)
	}
	count, avgDocLength, err := termScoreMetrics(ctx, field, r)
	if err != nil {
		return nil, err
	}
	if err := search.RecordTermSearcher(ctx); err != nil {
		return nil, err
	}
	return absentSearcher{weight: absentWeight(q.tq.Boost(), count, avgDocLength)}, nil
}

// absentWeight is the Weight of bleve's TermQueryScorer for a term no
// document holds (docTerm 0), computed as it computes it, without the
// scorer: TestTermQueriesScoreAsMatchQueries holds the scores equal.
func absentWeight(boost float64, docTotal uint64, avgDocLength float64) float64 {
	const docTerm = 0
	var idf float64
	if avgDocLength > 0 {
		idf = math.Log(1 + (float64(docTotal)-float64(docTerm)+0.5)/(float64(docTerm)+0.5))
	} else {
		idf = 1.0 + math.Log(float64(docTotal)/float64(docTerm+1.0))
	}
	sum := boost * idf
	return sum * sum
}

// hasSynonyms reports whether the search expands the field's terms with
// synonyms (Bleve's synonym sources), where a term searcher is another.
func hasSynonyms(ctx context.Context, field string) bool {
	fts, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap)
	return ok && fts[field] != nil
}

// termScoreMetrics are the document count and average field length a
// term searcher's scorer is given: Bleve's own computation for its
// scoring model (searcher.newTermSearcherFromReader).
func termScoreMetrics(ctx context.Context, field string, r index.IndexReader) (uint64, float64, error) {
	model := ""
	if cb, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok {
		model = cb()
	}
	if model != index.BM25Scoring {
		count, err := r.DocCount()
		return count, 0, err
	}
	var count uint64
	var cardinality int
	if stats, ok := ctx.Value(search.BM25StatsKey).(*search.BM25Stats); ok {
		count = uint64(stats.DocCount)
		if cardinality, ok = stats.FieldCardinality[field]; !ok {
			return 0, 0, fmt.Errorf("field stat for bm25 not present %s", field)
		}
	} else {
		var err error
		if count, err = r.DocCount(); err != nil {
			return 0, 0, err
		}
		if br, ok := r.(index.BM25Reader); ok {
			if cardinality, err = br.FieldCardinality(field); err != nil {
				return 0, 0, err
			}
		}
	}
	if count == 0 && cardinality == 0 {
		return 0, 0, nil
	}
	return count, math.Ceil(float64(cardinality) / float64(count)), nil
}

// absentSearcher matches nothing and weighs what the term searcher it
// stands for weighs.
type absentSearcher struct{ weight float64 }

func (s absentSearcher) Next(*search.SearchContext) (*search.DocumentMatch, error) { return nil, nil }
func (s absentSearcher) Advance(*search.SearchContext, index.IndexInternalID) (*search.DocumentMatch, error) {
	return nil, nil
}
func (s absentSearcher) Close() error               { return nil }
func (s absentSearcher) Weight() float64            { return s.weight }
func (s absentSearcher) SetQueryNorm(float64)       {}
func (s absentSearcher) Count() uint64              { return 0 }
func (s absentSearcher) Min() int                   { return 0 }
func (s absentSearcher) Size() int                  { return 16 }
func (s absentSearcher) DocumentMatchPoolSize() int { return 0 }
