package retrieval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"yearbookbot/corpus"
)

// TestBestDocsAsSearchInContext runs the search of many questions once
// through bleve's SearchInContext and once through bestDocs, whole and
// within a document filter, for several sizes: the hits, their order and
// their scores must be the same. A big table's rows score alike, so ties
// at the cut are among them.
func TestBestDocsAsSearchInContext(t *testing.T) {
	e := defaultEngine(t)
	var qs []string
	files, err := filepath.Glob("testdata/*-questions.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("question sets: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var q struct{ Question string }
			if err := json.Unmarshal([]byte(line), &q); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if i%4 == 0 {
				qs = append(qs, q.Question)
			}
		}
	}
	compared := compareBestDocs(t, e, qs)

	table, err := Build(t.Context(), []corpus.Yearbook{bigTableYearbook(t)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer table.Close()
	var rows []string
	for i := 1; i <= bigTableRows; i += 13 {
		rows = append(rows, fmt.Sprintf("第%d号监测站降水量多少", i), "监测站增长多少", "降水量")
	}
	compared += compareBestDocs(t, table, rows)
	if compared < 5000 {
		t.Fatalf("only %d hits compared", compared)
	}
}

func compareBestDocs(t *testing.T, e *Engine, questions []string) int {
	t.Helper()
	fields := []fieldBoost{{fieldText, e.opts.TextBoost}, {fieldSection, e.opts.SectionBoost}, {fieldChapter, e.opts.ChapterBoost}}
	analyzer := e.idx.Mapping().AnalyzerNamed(gseAnalyzerName)
	ft := e.fieldTerms.of(e.idx, fields)
	compared := 0
	for _, q := range questions {
		var qs []query.Query
		for i, term := range e.Segment(e.Normalize(q)) {
			qs = append(qs, termQueries(analyzer, term, fields, 1+float64(i%3)/4, ft)...)
		}
		if len(qs) == 0 {
			continue
		}
		whole := bleve.NewDisjunctionQuery(qs...)
		for _, bq := range []query.Query{whole, bleve.NewConjunctionQuery(whole, e.docFilter([]int{0}))} {
			for _, n := range []int{1, 3, 25, 200} {
				want, err := e.idx.SearchInContext(t.Context(), bleve.NewSearchRequestOptions(bq, n, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				got, err := bestDocs(t.Context(), e.idx, bq, n, e.matchPools, e.postings.of(e.idx))
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want.Hits) {
					t.Fatalf("%s (%d): %d hits, want %d", q, n, len(got), len(want.Hits))
				}
				for i, h := range want.Hits {
					if strconv.Itoa(got[i].doc) != h.ID || got[i].score != h.Score {
						t.Errorf("%s (%d): hit %d is %d (%v), want %s (%v)", q, n, i, got[i].doc, got[i].score, h.ID, h.Score)
					}
				}
				compared += len(got)
			}
		}
	}
	return compared
}

// TestBestDocsStopsWhenCancelled: a cancelled question ends its search.
func TestBestDocsStopsWhenCancelled(t *testing.T) {
	e := defaultEngine(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := bestDocs(ctx, e.idx, bleve.NewMatchAllQuery(), 5, e.matchPools, nil); err == nil {
		t.Fatal("a cancelled search returned no error")
	}
}
