package retrieval

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestTermQueriesScoreAsMatchQueries runs every dev question's search
// words once as one MatchQuery per field (what search built before) and
// once as termQueries: the hits and their scores must be the same.
func TestTermQueriesScoreAsMatchQueries(t *testing.T) {
	e := defaultEngine(t)
	fields := []fieldBoost{{fieldText, e.opts.TextBoost}, {fieldSection, e.opts.SectionBoost}, {fieldChapter, e.opts.ChapterBoost}}
	analyzer := e.idx.Mapping().AnalyzerNamed(gseAnalyzerName)
	words := append(devQuestions(t), "。", "the", "2022年", "青岛港集装箱")
	compared := 0
	for _, q := range words {
		terms := e.Segment(e.Normalize(q))
		var match, built []query.Query
		for i, term := range terms {
			w := 1 + float64(i%3)/4
			for _, f := range fields {
				mq := bleve.NewMatchQuery(term)
				mq.SetField(f.name)
				mq.Analyzer = gseAnalyzerName
				mq.SetBoost(f.boost * w)
				match = append(match, mq)
			}
			built = append(built, termQueries(analyzer, term, fields, w)...)
		}
		if len(match) == 0 {
			continue
		}
		want, err := e.idx.SearchInContext(t.Context(), bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(match...), 40, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.idx.SearchInContext(t.Context(), bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(built...), 40, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		scores := func(r *bleve.SearchResult) map[string]float64 {
			m := map[string]float64{}
			for _, h := range r.Hits {
				m[h.ID] = h.Score
			}
			return m
		}
		g, w := scores(got), scores(want)
		if len(g) != len(w) || got.Total != want.Total {
			t.Fatalf("%s: %d hits of %d, want %d of %d", q, len(g), got.Total, len(w), want.Total)
		}
		for id, s := range w {
			if g[id] != s {
				t.Errorf("%s: paragraph %s scores %v, want %v", q, id, g[id], s)
			}
		}
		compared += len(w)
	}
	if compared < 500 {
		t.Fatalf("only %d hits compared", compared)
	}
}
