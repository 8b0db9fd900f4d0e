package retrieval

import (
	"path/filepath"
	"strings"
	"testing"

	"yearbookbot/corpus"
)

// TestTableCellsAnswered checks that a Word yearbook's table cells are
// answered as facts cited under the table's title, also from an index
// written to disk and opened again.
func TestTableCellsAnswered(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	ybs, err := corpus.Load("../corpus/testdata/sample-yearbook.docx")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if err := WriteIndex(t.Context(), ybs, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	e, err := Open(t.Context(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	a, err := e.Ask(t.Context(), "2021年出生人口是多少")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Facts[0].Text != "出生人口（2021年）：8.2万人" || a.Facts[0].Source.Section != "表1 2022年示例市人口主要指标" {
		t.Fatalf("answer %+v", a.Facts)
	}
	id := a.Facts[0].Source.ParagraphID
	if !strings.Contains(id, ".") || len(id) > 20 {
		t.Errorf("cell id %q: want <prefix>-<block>.<column>", id)
	}
	if h, ok := e.Passage(id); !ok || h.Text != a.Facts[0].Text {
		t.Errorf("Passage(%s) = %+v, %v", id, h, ok)
	}
}
