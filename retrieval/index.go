package retrieval

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/internal/dict"
)

// Layout of an index directory written by WriteIndex. The manifest is
// written last: a directory without it is half-written and never opened.
// The dictionary travels inside the Bleve mapping (see segmenter.MarshalJSON),
// so the directory is self-contained.
const (
	manifestFile = "manifest.json"
	corpusFile   = "corpus.gob"
	bleveDir     = "bleve"
	indexFormat  = "yearbookbot-index"
	// formatVersion 2 adds the doc and place keyword fields that scope a
	// search to documents or places; 3 stores the documents as gob (JSON
	// took a tenth of a second to read back for a 10 MB library) and
	// what Open would otherwise work out from them (fits_base).
	formatVersion = 3
)

type manifest struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Passages int    `json:"passages"`
	// CorpusBytes is the size of corpusFile, so a truncated one is told
	// apart from a corrupt one.
	CorpusBytes int64 `json:"corpus_bytes"`
	// FitsBase is Engine.fitsBase: set when the documents are not the
	// embedded yearbook, telling for each whether the embedded
	// dictionary holds all its words (finding out reads every text).
	FitsBase []bool `json:"fits_base,omitempty"`
}

// newMapping indexes the three fields with the gse analyzer and BM25.
func newMapping(seg *segmenter) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	if err := m.AddCustomTokenizer(gseTokenizerName, map[string]interface{}{
		"type":          gseTokenizerType,
		configSegmenter: seg,
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(gseAnalyzerName, map[string]interface{}{
		"type":      gseAnalyzerType,
		"tokenizer": gseTokenizerName,
	}); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	m.DefaultAnalyzer = gseAnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fieldText, fieldSection, fieldChapter} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = gseAnalyzerName
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		doc.AddFieldMappingsAt(f, fm)
	}
	for _, f := range []string{fieldDoc, fieldPlace} {
		fm := bleve.NewKeywordFieldMapping()
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		doc.AddFieldMappingsAt(f, fm)
	}
	// Every field is searched by name; Bleve's _all field would be an
	// empty composite field built for every passage.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	return m, nil
}

// newMemIndex creates a scorch index that lives in memory only (BM25 needs
// scorch; bleve.NewMemOnly would give the older upsidedown format).
func newMemIndex(m mapping.IndexMapping) (bleve.Index, error) {
	return bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
}

// indexBatch is how many passages go into one Bleve batch: one batch of a
// whole library holds every analysed document in memory at once.
const indexBatch = 2000

func (e *Engine) indexPassages(ctx context.Context, idx bleve.Index) error {
	ids := make([]int, len(e.passages))
	for i := range ids {
		ids[i] = i
	}
	return e.indexSome(ctx, idx, ids)
}

// indexSome indexes the passages ids (indexes into e.passages) under
// their index as document id.
func (e *Engine) indexSome(ctx context.Context, idx bleve.Index, ids []int) error {
	b := idx.NewBatch()
	for k, i := range ids {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if b.Size() >= indexBatch {
			if err := idx.Batch(b); err != nil {
				return fmt.Errorf("index %d passages: %w", len(ids), err)
			}
			b.Reset()
		}
		p := e.passages[i]
		doc := map[string]interface{}{
			fieldText:    p.Paragraph.Text,
			fieldSection: sectionField(p),
			fieldChapter: p.Chapter,
			fieldDoc:     docTerm(e.passageDoc[i]),
			fieldPlace:   e.placeTerms(p.Paragraph.Places),
		}
		if err := b.Index(strconv.Itoa(i), doc); err != nil {
			return fmt.Errorf("index %s line %d: %w", p.File, p.Paragraph.Line, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("index %d passages: %w", len(ids), err)
	}
	return nil
}

// WriteIndex builds a persistent index of the yearbooks in dir. It builds in
// a temporary directory beside dir and renames it into place, so a crash
// leaves any previous index intact; an existing index is renamed aside,
// replaced and then removed. dir must not be a non-empty directory that is
// not an index.
func WriteIndex(ctx context.Context, ybs []corpus.Yearbook, dir string, opts Options) (err error) {
	opts = opts.withDefaults()
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".building-")
	if err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()

	t0 := time.Now()
	e, err := newEngine(ctx, ybs, opts)
	if err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	opts.Logger.Debug("index: documents read", "passages", len(e.passages), "took", time.Since(t0))
	m, err := newMapping(e.seg)
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(filepath.Join(tmp, bleveDir), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("write index %s: create: %w", dir, err)
	}
	if err := e.indexPassages(ctx, idx); err != nil {
		idx.Close()
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	if err := idx.Close(); err != nil {
		return fmt.Errorf("write index %s: close: %w", dir, err)
	}
	opts.Logger.Debug("index: passages indexed", "took", time.Since(t0))
	size, err := writeCorpus(filepath.Join(tmp, corpusFile), ybs)
	if err != nil {
		return fmt.Errorf("write index %s: corpus: %w", dir, err)
	}
	mj, err := json.Marshal(manifest{Format: indexFormat, Version: formatVersion, Passages: len(e.passages), CorpusBytes: size, FitsBase: e.fitsBase})
	if err != nil {
		return fmt.Errorf("write index %s: manifest: %w", dir, err)
	}
	if err := writeFileSync(filepath.Join(tmp, manifestFile), mj); err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	// Bleve writes owner-only files, but an index is data, not a secret,
	// and is often built by one user and served by another (root in the
	// Docker build stage, nonroot in the image).
	if err := makeReadable(tmp); err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	opts.Logger.Debug("index: written", "took", time.Since(t0))
	if err := swapDir(tmp, dir); err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	return nil
}

// makeReadable gives everyone read access to the tree under root.
func makeReadable(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(path, mode)
	})
}

// checkReplaceable refuses to replace a directory that holds anything but
// an index, so a mistyped --out cannot delete someone's files.
func checkReplaceable(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("write index %s: exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, manifestFile)); err != nil {
		return fmt.Errorf("write index %s: refusing to replace a non-empty directory that is not an index (no %s)", dir, manifestFile)
	}
	return nil
}

// swapDir moves the finished tmp to dir: an old dir is renamed aside first
// and restored if the second rename fails.
func swapDir(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		aside, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
		if err != nil {
			return err
		}
		// MkdirTemp gives a unique name; the rename needs it free.
		if err := os.Remove(aside); err != nil {
			return err
		}
		if err := os.Rename(dir, aside); err != nil {
			return fmt.Errorf("move old index aside: %w", err)
		}
		old = aside
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			if rerr := os.Rename(old, dir); rerr != nil {
				return fmt.Errorf("move new index in: %w (and restoring the old one from %s: %v)", err, old, rerr)
			}
		}
		return fmt.Errorf("move new index in: %w", err)
	}
	syncDir(filepath.Dir(dir))
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove old index %s: %w", old, err)
		}
	}
	return nil
}

// writeCorpus streams the documents to path as gob (a library's would be
// a second copy of its text in memory as one buffer) and returns the size
// written.
func writeCorpus(path string, ybs []corpus.Yearbook) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	cw := &countingWriter{w: bufio.NewWriterSize(f, 1<<20)}
	// One message a document: gob reads a message into one buffer grown
	// step by step, which for a whole library's was most of Open's time.
	enc := gob.NewEncoder(cw)
	if err := enc.Encode(len(ybs)); err != nil {
		f.Close()
		return 0, err
	}
	for _, yb := range ybs {
		if err := enc.Encode(yb); err != nil {
			f.Close()
			return 0, err
		}
	}
	if err := cw.w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return 0, err
	}
	return cw.n, f.Close()
}

type countingWriter struct {
	w *bufio.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func writeFileSync(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes renames in dir durable where the platform allows it; a
// failure only weakens crash safety, so it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Open opens an index written by WriteIndex. It does not need gse's full
// dictionary: the index carries its own. The Bleve index (whose mapping
// loads the index's dictionary) opens while the documents are read.
func Open(ctx context.Context, dir string, opts Options) (*Engine, error) {
	opts = opts.withDefaults()
	man, err := readManifest(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	bl := make(chan openedBleve, 1)
	go func() { bl <- openBleve(filepath.Join(dir, bleveDir), man) }()
	e, err := openDocuments(ctx, dir, man, opts)
	b := <-bl
	if err == nil {
		err = b.err
	}
	if err != nil {
		if b.idx != nil {
			b.idx.Close()
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	e.seg, e.idx = b.seg, b.idx
	return e, nil
}

func readManifest(dir string) (manifest, error) {
	var man manifest
	mb, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dir); serr != nil {
			return man, serr
		}
		return man, fmt.Errorf("no %s: not an index, or one whose writing did not finish", manifestFile)
	}
	if err != nil {
		return man, err
	}
	if err := json.Unmarshal(mb, &man); err != nil {
		return man, fmt.Errorf("corrupt %s: %w", manifestFile, err)
	}
	if man.Format != indexFormat || man.Version != formatVersion {
		return man, fmt.Errorf("format %q version %d, want %q version %d (rebuild it with `yearbookbot index`)", man.Format, man.Version, indexFormat, formatVersion)
	}
	return man, nil
}

// openDocuments reads the index's documents and sets up everything but
// the Bleve index and its segmenter.
func openDocuments(ctx context.Context, dir string, man manifest, opts Options) (*Engine, error) {
	ybs, err := readCorpus(filepath.Join(dir, corpusFile), man.CorpusBytes)
	if err != nil {
		return nil, err
	}
	e, err := newEngineNoSegmenter(ybs, opts)
	if err != nil {
		return nil, err
	}
	if len(e.passages) != man.Passages {
		return nil, fmt.Errorf("%s has %d paragraphs, manifest says %d", corpusFile, len(e.passages), man.Passages)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if man.FitsBase == nil {
		return e, nil
	}
	if len(man.FitsBase) != len(ybs) {
		return nil, fmt.Errorf("manifest: fits_base lists %d documents, %s holds %d", len(man.FitsBase), corpusFile, len(ybs))
	}
	// The index's dictionary was extended for these documents; the
	// embedded one reads questions about those it fits (see Build).
	base, err := dict.Gunzip(dictGz)
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	bseg, err := newSegmenter(base + e.extraDictLines())
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	e.baseWords = dictWords(base)
	e.baseSeg, e.fitsBase = bseg, man.FitsBase
	return e, nil
}

// readCorpus decodes the documents WriteIndex stored.
func readCorpus(path string, size int64) ([]corpus.Yearbook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() != size {
		return nil, fmt.Errorf("corrupt %s: %d bytes, manifest says %d", corpusFile, st.Size(), size)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var n int
	if err := dec.Decode(&n); err != nil {
		return nil, fmt.Errorf("corrupt %s: %w", corpusFile, err)
	}
	if n <= 0 || int64(n) > size {
		return nil, fmt.Errorf("corrupt %s: %d documents", corpusFile, n)
	}
	// n is not trusted for an allocation: a garbled count fails at EOF.
	var ybs []corpus.Yearbook
	for i := range n {
		var yb corpus.Yearbook
		if err := dec.Decode(&yb); err != nil {
			return nil, fmt.Errorf("corrupt %s: document %d of %d: %w", corpusFile, i+1, n, err)
		}
		ybs = append(ybs, yb)
	}
	// gob does not tell an empty list from none; the parsers give every
	// chapter a non-nil Sources, and answers copy it.
	for i := range ybs {
		for j := range ybs[i].Chapters {
			if ybs[i].Chapters[j].Sources == nil {
				ybs[i].Chapters[j].Sources = []string{}
			}
		}
	}
	return ybs, nil
}

// openedBleve is the Bleve index of an index directory and the segmenter
// its mapping loaded.
type openedBleve struct {
	idx bleve.Index
	seg *segmenter
	err error
}

func openBleve(dir string, man manifest) openedBleve {
	idx, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return openedBleve{err: fmt.Errorf("bleve: %w", err)}
	}
	seg, ok := segmenterOf(idx.Mapping().AnalyzerNamed(gseAnalyzerName))
	if !ok {
		return openedBleve{idx: idx, err: errors.New("the index has no gse analyzer")}
	}
	if n, err := idx.DocCount(); err != nil || n != uint64(man.Passages) {
		return openedBleve{idx: idx, err: fmt.Errorf("bleve holds %d documents (%v), manifest says %d", n, err, man.Passages)}
	}
	return openedBleve{idx: idx, seg: seg}
}

// sectionField is what a passage's section is searched by: its heading,
// and a caption's photo label (图13), which the text of a caption does not
// write but a question about the photo does.
func sectionField(p corpus.Passage) string {
	if l := p.Paragraph.PhotoLabel(); l != "" {
		return p.Section + " " + l
	}
	return p.Section
}
