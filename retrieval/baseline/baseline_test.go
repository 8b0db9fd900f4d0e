package baseline

import (
	"fmt"
	"testing"

	"yearbookbot/corpus"
)

func TestBaselineQuotesBestSentenceOfTopParagraph(t *testing.T) {
	ps := []corpus.Passage{
		{Chapter: "港口", Section: "航运", Paragraph: corpus.Paragraph{ID: "a-1", Line: 1, Text: "港口建设加快。集装箱吞吐量2201万标准箱。"}},
		{Chapter: "机场", Section: "建设", Paragraph: corpus.Paragraph{ID: "a-2", Line: 2, Text: "机场竣工验收。旅客吞吐量下降。"}},
	}
	b, err := New(ps)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	a, err := b.Ask(t.Context(), "集装箱吞吐量多少")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Facts) != 1 || a.Facts[0].Text != "集装箱吞吐量2201万标准箱。" || a.Facts[0].Source.Chapter != "港口" {
		t.Fatalf("got %+v", a)
	}
	if a.Hits[0].Line != 1 {
		t.Errorf("top hit line %d, want 1", a.Hits[0].Line)
	}
}

// Paragraphs of equal score come in passage order, so that the
// baseline's figures repeat from run to run.
func TestBaselineBreaksTiesByPassageOrder(t *testing.T) {
	var ps []corpus.Passage
	for i := range 40 {
		ps = append(ps, corpus.Passage{Chapter: "港口", Paragraph: corpus.Paragraph{ID: fmt.Sprintf("a-%d", i), Line: i + 1, Text: "集装箱吞吐量2201万标准箱。"}})
	}
	for range 5 {
		b, err := New(ps)
		if err != nil {
			t.Fatal(err)
		}
		a, err := b.Ask(t.Context(), "集装箱吞吐量多少")
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range a.Hits {
			if h.Line != i+1 {
				t.Fatalf("hit %d is line %d, want %d: ties not in passage order", i, h.Line, i+1)
			}
		}
	}
}
