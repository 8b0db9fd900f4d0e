package retrieval

import (
	"context"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// fieldBoost is one searched field with its boost.
type fieldBoost struct {
	name  string
	boost float64
}

// termQueries are the queries of one search term on each field: the
// query tree one bleve MatchQuery per field builds when it is searched (a
// disjunction, at least one of the term's tokens, of term queries with
// the field's boost), with the term analysed once instead of once per
// field. Scores are those of the MatchQueries. A token a field lacks
// (ft; nil: none known) gets an absentTermQuery, which scores the same.
//
// Two shapes of that tree are built smaller, as they score the same: a
// term of one token is its term query alone (a disjunction of one sums
// one score and multiplies it by a coord of 1/1), and a term none of
// whose tokens its field holds is one absentGroupQuery (it matches
// nothing and weighs the sum of its tokens' weights, in their order, as
// the disjunction does).
func termQueries(a analysis.Analyzer, term string, fields []fieldBoost, weight float64, ft *fieldTerms) []query.Query {
	return appendTermQueries(nil, (*queryTokens)(nil).of(a, term), fields, weight, ft)
}

// appendTermQueries is termQueries appended to dst, for the term's
// tokens wt. The queries of every field are allocated once for all the
// fields.
func appendTermQueries(dst []query.Query, wt *wordTokens, fields []fieldBoost, weight float64, ft *fieldTerms) []query.Query {
	tokens, terms := wt.raw, wt.terms
	// The term queries, their lists and boosts of every field, allocated together.
	tqs := make([]query.TermQuery, len(tokens)*len(fields))
	lists := make([]query.Query, len(tokens)*len(fields))
	boosts := make([]query.Boost, len(fields))
	for fi, f := range fields {
		boosts[fi] = query.Boost(f.boost * weight)
		qs := lists[fi*len(tokens) : (fi+1)*len(tokens) : (fi+1)*len(tokens)]
		absent := 0
		for i, tok := range tokens {
			tq := &tqs[fi*len(tokens)+i]
			*tq = query.TermQuery{Term: terms[i], FieldVal: f.name, BoostVal: &boosts[fi]}
			qs[i] = tq
			if !ft.has(f.name, tok) {
				qs[i] = absentTermQuery{tq}
				absent++
			}
		}
		if len(qs) == 1 {
			dst = append(dst, qs[0])
			continue
		}
		dq := query.NewDisjunctionQuery(qs)
		dq.SetMin(1)
		dq.BoostVal = &boosts[fi]
		if len(qs) > 1 && absent == len(qs) {
			dst = append(dst, absentGroupQuery{dq})
			continue
		}
		dst = append(dst, dq)
	}
	return dst
}

// absentGroupQuery is a disjunction of absentTermQuery only: its searcher
// matches nothing and weighs what the disjunction's would, the sum of its
// disjuncts' weights in their order (a disjunction of term searchers that
// match nothing keeps them in their order: they count 0 matches each),
// without the disjunction searcher, its scorer and buffers.
type absentGroupQuery struct{ dq *query.DisjunctionQuery }

func (q absentGroupQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	weight := 0.0
	for _, d := range q.dq.Disjuncts {
		s, err := d.Searcher(ctx, r, m, options)
		if err != nil {
			return nil, err
		}
		as, ok := s.(absentSearcher)
		if !ok {
			// A real term searcher (explanations, synonyms): the
			// disjunction itself.
			_ = s.Close()
			return q.dq.Searcher(ctx, r, m, options)
		}
		weight += as.weight
	}
	return absentSearcher{weight: weight}, nil
}
