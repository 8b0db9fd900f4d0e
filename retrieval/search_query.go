package retrieval

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
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
func termQueries(a analysis.Analyzer, term string, fields []fieldBoost, weight float64, ft *fieldTerms) []query.Query {
	tokens := a.Analyze([]byte(term))
	out := make([]query.Query, 0, len(fields))
	for _, f := range fields {
		boost := f.boost * weight
		tqs := make([]query.Query, len(tokens))
		for i, tok := range tokens {
			tq := query.NewTermQuery(string(tok.Term))
			tq.SetField(f.name)
			tq.SetBoost(boost)
			tqs[i] = tq
			if !ft.has(f.name, tok.Term) {
				tqs[i] = absentTermQuery{tq}
			}
		}
		dq := query.NewDisjunctionQuery(tqs)
		dq.SetMin(1)
		dq.SetBoost(boost)
		out = append(out, dq)
	}
	return out
}
