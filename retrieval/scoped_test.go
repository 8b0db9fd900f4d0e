package retrieval_test

import (
	"fmt"
	"strings"
	"testing"

	"yearbookbot/bot/render"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// sameWordsLibrary is the embedded yearbook beside another place's
// yearbook written in the yearbook's own words (so no dictionary is
// extended), twice its size: its first sentences, three times over, and
// its paragraphs once more make common words commoner and paragraphs
// shorter than the yearbook's alone.
func sameWordsLibrary(t *testing.T, yb corpus.Yearbook) []corpus.Yearbook {
	t.Helper()
	var b strings.Builder
	b.WriteString("# 样本市年鉴2021\n地区：样本市\n\n")
	for _, p := range yb.Passages() {
		first, _, _ := strings.Cut(p.Paragraph.Text, "。")
		b.WriteString(strings.Repeat(first+"。\n", 3) + p.Paragraph.Text + "\n")
	}
	return []corpus.Yearbook{yb, mustParse(t, "other.txt", b.String())}
}

// TestScopedSearchIgnoresOtherDocuments: a question scoped to the yearbook
// gets the same passages, scores and candidate features beside other
// documents as from the yearbook alone, because the scope is searched
// with its own BM25 statistics.
func TestScopedSearchIgnoresOtherDocuments(t *testing.T) {
	single, yb := buildDefaultEngine(t)
	lib, err := retrieval.Build(t.Context(), sameWordsLibrary(t, yb), retrieval.Options{Default: yb.Meta.Place.Name})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	for _, q := range loadQuestions(t, "testdata/dev-questions.jsonl") {
		want, err := single.Candidates(t.Context(), q.Question)
		if err != nil {
			t.Fatal(err)
		}
		got, err := lib.Candidates(t.Context(), q.Question)
		if err != nil {
			t.Fatal(err)
		}
		if w, g := describe(want), describe(got); w != g {
			t.Errorf("%s %s: beside another document\n%s\nalone\n%s", q.ID, q.Question, g, w)
		}
	}
}

// describe lists each part's hits with their scores and its candidates'
// features, to 9 significant digits: Bleve's sums differ in the last bit
// between two builds of the same index.
func describe(parts []retrieval.PartCandidates) string {
	var b strings.Builder
	for _, p := range parts {
		fmt.Fprintf(&b, "part %s\n", p.Part)
		for _, h := range p.Hits {
			fmt.Fprintf(&b, "  hit %s %.9g\n", h.ParagraphID, h.Score)
		}
		for _, c := range p.Candidates {
			fmt.Fprintf(&b, "  candidate %d %d-%d %s", c.Passage, c.Start, c.End, c.Veto)
			if c.X != nil {
				for _, x := range *c.X {
					fmt.Fprintf(&b, " %.9g", x)
				}
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestConcurrentUseScoped: questions racing to the first use of a scope
// build its index once and share it (CI runs this under the race
// detector with TestConcurrentUse).
func TestConcurrentUseScoped(t *testing.T) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := retrieval.Build(t.Context(), sameWordsLibrary(t, yb), retrieval.Options{Default: yb.Meta.Place.Name})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	type reply struct {
		text string
		err  error
	}
	replies := make(chan reply, 8)
	for range 8 {
		go func() {
			a, err := lib.Ask(t.Context(), "青岛港去年集装箱吞吐量多少")
			replies <- reply{render.Answer(a).Text, err}
		}()
	}
	first := <-replies
	for range 7 {
		if r := <-replies; r.err != nil || r.text != first.text {
			t.Errorf("replies differ: %q (%v), %q", r.text, r.err, first.text)
		}
	}
	if first.err != nil || !strings.Contains(first.text, "2201万标准箱") {
		t.Errorf("reply %q (%v), want 2201万标准箱", first.text, first.err)
	}
}
