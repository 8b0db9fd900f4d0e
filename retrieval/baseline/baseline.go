// Package baseline is the naive question answerer every answer selector is
// measured against: Bleve's CJK analyzer (character bigrams), BM25 over whole
// paragraphs, and the sentence of the top paragraph sharing the most bigrams
// with the question, quoted with its chapter and section. It never refuses.
// A selector that does not beat it on fresh questions costs more than it wins.
package baseline

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
	"yearbookbot/retrieval/extract"
)

// hits is how many paragraphs the baseline retrieves (for retrieval top-k).
const hits = 5

// Asker answers from an in-memory bigram index of the passages.
type Asker struct {
	idx      bleve.Index
	passages []corpus.Passage
}

// New indexes the passages.
func New(passages []corpus.Passage) (*Asker, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	m.DefaultAnalyzer = cjk.AnalyzerName
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	b := idx.NewBatch()
	for i, p := range passages {
		if err := b.Index(docID(i), map[string]string{"text": p.Paragraph.Text}); err != nil {
			return nil, fmt.Errorf("baseline index %s: %w", p.Paragraph.ID, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	return &Asker{idx: idx, passages: passages}, nil
}

// Close releases the index.
func (a *Asker) Close() error { return a.idx.Close() }

// Ask implements retrieval.Asker.
func (a *Asker) Ask(ctx context.Context, question string) (retrieval.Answer, error) {
	ans := retrieval.Answer{Question: question, Query: question, Hits: []retrieval.Hit{}}
	q := bleve.NewMatchQuery(question)
	q.SetField("text")
	req := bleve.NewSearchRequestOptions(q, hits, 0, false)
	// Paragraphs of equal score come in the index's internal order, which
	// may differ between runs: the passage order (docID) breaks ties, so
	// the baseline's figures repeat.
	req.SortBy([]string{"-_score", "_id"})
	res, err := a.idx.SearchInContext(ctx, req)
	if err != nil {
		return ans, fmt.Errorf("baseline search %q: %w", question, err)
	}
	for _, h := range res.Hits {
		i, _ := strconv.Atoi(h.ID)
		ans.Hits = append(ans.Hits, hit(a.passages[i], h.Score))
	}
	if len(ans.Hits) == 0 {
		return ans, nil
	}
	top := ans.Hits[0]
	ans.Facts = []retrieval.Fact{{Text: bestSentence(question, top.Text), Source: top.Source, Figures: []retrieval.Span{}}}
	ans.Answered = true
	return ans, nil
}

// docID is passage i's document id, zero-padded so that ids sort in
// passage order (ties in score are broken by id).
func docID(i int) string { return fmt.Sprintf("%08d", i) }

func hit(p corpus.Passage, score float64) retrieval.Hit {
	return retrieval.Hit{
		Source: retrieval.Source{
			ParagraphID: p.Paragraph.ID, Yearbook: p.Yearbook, Chapter: p.Chapter,
			Section: p.Section, Sources: p.Sources, Line: p.Paragraph.Line,
		},
		Score: score,
		Text:  p.Paragraph.Text,
	}
}

// bestSentence is the sentence of text sharing the most character bigrams
// with the question; the first one on a tie.
func bestSentence(question, text string) string {
	qb := bigrams(question)
	best, bestN := "", -1
	for _, r := range extract.Sentences(text) {
		s := text[r.Start:r.End]
		n := 0
		for b := range bigrams(s) {
			if qb[b] {
				n++
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	return strings.TrimSpace(best)
}

func bigrams(s string) map[string]bool {
	rs := []rune(s)
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])] = true
	}
	return out
}
