package retrieval

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// TestTermQueriesScoreAsMatchQueries runs every dev question's search
// words once as one MatchQuery per field (what search built before) and
// as termQueries, with and without the terms each field lacks replaced
// by match-none queries: the hits and their scores must be the same.
func TestTermQueriesScoreAsMatchQueries(t *testing.T) {
	e := defaultEngine(t)
	fields := []fieldBoost{{fieldText, e.opts.TextBoost}, {fieldSection, e.opts.SectionBoost}, {fieldChapter, e.opts.ChapterBoost}}
	ft := openFieldTerms(e.idx, fields)
	if ft == nil {
		t.Fatal("the index does not tell the terms of its fields")
	}
	defer ft.close()
	if !ft.has(fieldText, []byte("集装箱")) || ft.has(fieldText, []byte("刑事案件")) || ft.has(fieldSection, []byte("2201")) {
		t.Fatal("the text field holds 集装箱, not 刑事案件; no section heading holds 2201")
	}
	// The same, asking the dictionaries (a field with too many terms
	// for a set) instead of the sets.
	byDict := openFieldTerms(e.idx, fields)
	defer byDict.close()
	if len(byDict.sets) != len(fields) {
		t.Fatalf("%d of %d fields in sets", len(byDict.sets), len(fields))
	}
	for _, f := range fields {
		d, err := byDict.r.(index.IndexReaderContains).FieldDictContains(f.name)
		if err != nil {
			t.Fatal(err)
		}
		delete(byDict.sets, f.name)
		byDict.dicts[f.name] = d
	}
	words := append(devQuestions(t), "。", "the", "2022年", "青岛港集装箱")
	analyzer := e.idx.Mapping().AnalyzerNamed(gseAnalyzerName)
	compared := 0
	for _, q := range words {
		for _, pruned := range []*fieldTerms{nil, ft, byDict} {
			compared += compareTermQueries(t, e, q, fields, pruned)
		}
		for _, tok := range analyzer.Analyze([]byte(q)) {
			for _, f := range fields {
				if ft.has(f.name, tok.Term) != byDict.has(f.name, tok.Term) {
					t.Errorf("%s holds %q: the set and the dictionary disagree", f.name, tok.Term)
				}
			}
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d hits compared", compared)
	}
}

func compareTermQueries(t *testing.T, e *Engine, q string, fields []fieldBoost, ft *fieldTerms) int {
	analyzer := e.idx.Mapping().AnalyzerNamed(gseAnalyzerName)
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
		built = append(built, termQueries(analyzer, term, fields, w, ft)...)
	}
	if len(match) == 0 {
		return 0
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
	return len(w)
}
