package retrieval

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
)

func searchTop(t *testing.T, e *Engine, terms ...string) Hit {
	t.Helper()
	hits, err := e.Search(t.Context(), terms, 1)
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search(%q) = %v, %v", terms, hits, err)
	}
	return hits[0]
}

// writeDefaultIndex writes the index of the embedded yearbook to dir.
func writeDefaultIndex(t *testing.T, dir string) corpus.Yearbook {
	t.Helper()
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteIndex(t.Context(), []corpus.Yearbook{yb}, dir, Options{}); err != nil {
		t.Fatalf("WriteIndex %s: %v", dir, err)
	}
	return yb
}

func TestWriteIndexOpenRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	writeDefaultIndex(t, dir)
	// The index is served by another user than the one who built it
	// (Docker: root builds, nonroot serves).
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if want := fs.FileMode(0o044); info.Mode().Perm()&want != want {
			t.Errorf("%s has mode %v, want readable by everyone", path, info.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mem := defaultEngine(t)
	e, err := Open(t.Context(), dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer e.Close()
	if got, want := len(e.Passages()), len(mem.Passages()); got != want {
		t.Errorf("opened index has %d passages, want %d", got, want)
	}
	for _, terms := range [][]string{{"港口", "集装箱", "吞吐量"}, {"机场建设"}, {"实际使用外资"}} {
		got, want := searchTop(t, e, terms...), searchTop(t, mem, terms...)
		if got.ParagraphID != want.ParagraphID || got.Text != want.Text || got.Chapter != want.Chapter {
			t.Errorf("Search(%q) on disk: line %d, in memory: line %d", terms, got.Line, want.Line)
		}
	}
	q := "青岛港去年集装箱吞吐量多少"
	if got, want := e.Segment(q), mem.Segment(q); !slices.Equal(got, want) {
		t.Errorf("Segment on disk %q, in memory %q", got, want)
	}
	if !e.Known("人口") || !slices.Contains(e.Expand("去年"), "2020年") {
		t.Error("opened engine lost the word list or the yearbook year")
	}
	id := mem.Passages()[3].Paragraph.ID
	if h, ok := e.Passage(id); !ok || h.Text != mem.Passages()[3].Paragraph.Text {
		t.Errorf("Passage(%q) on disk = %v, %v", id, h, ok)
	}
}

// An index of another corpus carries its extended dictionary: opening it
// does not depend on the embedded dictionary knowing the corpus's words.
func TestWriteIndexOtherCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if err := WriteIndex(t.Context(), []corpus.Yearbook{tinyYearbook()}, dir, Options{}); err != nil {
		t.Fatalf("WriteIndex: %v", err)
	}
	e, err := Open(t.Context(), dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer e.Close()
	if !e.seg.inDict("刑事案件") {
		t.Error("opened index lost the corpus's word 刑事案件")
	}
	if h := searchTop(t, e, "刑事案件"); h.ParagraphID != "t1" {
		t.Errorf("Search(刑事案件) = %s, want t1", h.ParagraphID)
	}
}

func TestWriteIndexReplacesAtomically(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "idx")
	yb := writeDefaultIndex(t, dir)
	// Replace it with a smaller yearbook: only its first chapter.
	small := yb
	small.Chapters = yb.Chapters[:1]
	if err := WriteIndex(t.Context(), []corpus.Yearbook{small}, dir, Options{}); err != nil {
		t.Fatalf("replacing WriteIndex: %v", err)
	}
	e, err := Open(t.Context(), dir, Options{})
	if err != nil {
		t.Fatalf("Open after replace: %v", err)
	}
	defer e.Close()
	if got, want := len(e.Passages()), len(small.Passages()); got != want {
		t.Errorf("replaced index has %d passages, want %d", got, want)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "idx" {
		var names []string
		for _, en := range entries {
			names = append(names, en.Name())
		}
		t.Errorf("leftovers beside the index: %q", names)
	}
}

// A failed build (here: cancelled) leaves the old index as it was.
func TestWriteIndexFailureKeepsOldIndex(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "idx")
	yb := writeDefaultIndex(t, dir)
	ctx, cancel := contextWithCancel(t)
	cancel()
	if err := WriteIndex(ctx, []corpus.Yearbook{yb}, dir, Options{}); err == nil {
		t.Fatal("WriteIndex with a cancelled context succeeded")
	}
	e, err := Open(t.Context(), dir, Options{})
	if err != nil {
		t.Fatalf("old index does not open after a failed rewrite: %v", err)
	}
	e.Close()
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("a failed build left %d entries beside the index", len(entries)-1)
	}
}

func TestWriteIndexRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "thesis.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	err = WriteIndex(t.Context(), []corpus.Yearbook{yb}, dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "not an index") {
		t.Errorf("WriteIndex over a foreign directory: %v, want a refusal", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("foreign file gone: %v", err)
	}
}

func TestOpenBadDirectory(t *testing.T) {
	good := filepath.Join(t.TempDir(), "idx")
	writeDefaultIndex(t, good)
	copyIndex := func(t *testing.T) string {
		dst := filepath.Join(t.TempDir(), "copy")
		if err := os.CopyFS(dst, os.DirFS(good)); err != nil {
			t.Fatal(err)
		}
		return dst
	}
	tests := []struct {
		name    string
		dir     func(t *testing.T) string
		wantErr string
	}{
		{"missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") }, "no such file"},
		{"empty", func(t *testing.T) string { return t.TempDir() }, "not an index"},
		{"half-written (no manifest)", func(t *testing.T) string {
			d := copyIndex(t)
			os.Remove(filepath.Join(d, manifestFile))
			return d
		}, "did not finish"},
		{"corrupt manifest", func(t *testing.T) string {
			d := copyIndex(t)
			os.WriteFile(filepath.Join(d, manifestFile), []byte("{not json"), 0o644)
			return d
		}, "corrupt manifest"},
		{"other format", func(t *testing.T) string {
			d := copyIndex(t)
			os.WriteFile(filepath.Join(d, manifestFile), []byte(`{"format":"x","version":9}`), 0o644)
			return d
		}, "format"},
		{"an index of the JSON format before", func(t *testing.T) string {
			d := copyIndex(t)
			os.WriteFile(filepath.Join(d, manifestFile), []byte(`{"format":"yearbookbot-index","version":2,"passages":86}`), 0o644)
			os.WriteFile(filepath.Join(d, "corpus.json"), []byte("[]"), 0o644)
			return d
		}, "rebuild it"},
		{"corrupt corpus", func(t *testing.T) string {
			d := copyIndex(t)
			os.WriteFile(filepath.Join(d, corpusFile), []byte("[{"), 0o644)
			return d
		}, "corrupt corpus"},
		{"truncated corpus", func(t *testing.T) string {
			d := copyIndex(t)
			os.Truncate(filepath.Join(d, corpusFile), 100)
			return d
		}, "corrupt corpus"},
		{"garbled corpus", func(t *testing.T) string {
			d := copyIndex(t)
			b, _ := os.ReadFile(filepath.Join(d, corpusFile))
			for i := 0; i < len(b); i += 7 {
				b[i] ^= 0x5a
			}
			os.WriteFile(filepath.Join(d, corpusFile), b, 0o644)
			return d
		}, "corrupt corpus"},
		{"missing bleve index", func(t *testing.T) string {
			d := copyIndex(t)
			os.RemoveAll(filepath.Join(d, bleveDir))
			return d
		}, "bleve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Open(t.Context(), tt.dir(t), Options{})
			if err == nil {
				e.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Open: %v, want an error about %q", err, tt.wantErr)
			}
		})
	}
}
