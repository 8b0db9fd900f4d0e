package retrieval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
	corpusFile   = "corpus.json"
	bleveDir     = "bleve"
	indexFormat  = "yearbookbot-index"
	// formatVersion 2 adds the doc and place keyword fields that scope a
	// search to documents or places.
	formatVersion = 2
)

type manifest struct {
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Passages int    `json:"passages"`
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
			fieldSection: p.Section,
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

	e, err := newEngine(ctx, ybs, opts)
	if err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
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
	cj, err := json.Marshal(ybs)
	if err != nil {
		return fmt.Errorf("write index %s: corpus: %w", dir, err)
	}
	if err := writeFileSync(filepath.Join(tmp, corpusFile), cj); err != nil {
		return fmt.Errorf("write index %s: %w", dir, err)
	}
	mj, err := json.Marshal(manifest{Format: indexFormat, Version: formatVersion, Passages: len(e.passages)})
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
// dictionary: the index carries its own.
func Open(ctx context.Context, dir string, opts Options) (*Engine, error) {
	opts = opts.withDefaults()
	mb, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dir); serr != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, serr)
		}
		return nil, fmt.Errorf("open index %s: no %s: not an index, or one whose writing did not finish", dir, manifestFile)
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	var man manifest
	if err := json.Unmarshal(mb, &man); err != nil {
		return nil, fmt.Errorf("open index %s: corrupt %s: %w", dir, manifestFile, err)
	}
	if man.Format != indexFormat || man.Version != formatVersion {
		return nil, fmt.Errorf("open index %s: format %q version %d, want %q version %d (rebuild it with `yearbookbot index`)", dir, man.Format, man.Version, indexFormat, formatVersion)
	}
	cb, err := os.ReadFile(filepath.Join(dir, corpusFile))
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	var ybs []corpus.Yearbook
	if err := json.Unmarshal(cb, &ybs); err != nil {
		return nil, fmt.Errorf("open index %s: corrupt %s: %w", dir, corpusFile, err)
	}
	e, err := newEngineNoSegmenter(ybs, opts)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if len(e.passages) != man.Passages {
		return nil, fmt.Errorf("open index %s: %s has %d paragraphs, manifest says %d", dir, corpusFile, len(e.passages), man.Passages)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open index %s: bleve: %w", dir, err)
	}
	seg, ok := segmenterOf(idx.Mapping().AnalyzerNamed(gseAnalyzerName))
	if !ok {
		idx.Close()
		return nil, fmt.Errorf("open index %s: the index has no gse analyzer", dir)
	}
	if n, err := idx.DocCount(); err != nil || n != uint64(man.Passages) {
		idx.Close()
		return nil, fmt.Errorf("open index %s: bleve holds %d documents (%v), manifest says %d", dir, n, err, man.Passages)
	}
	e.seg, e.idx = seg, idx
	if dict.Sum(dict.Texts(ybs...)) != strings.TrimSpace(dictSum) {
		// The index's dictionary was extended for these documents; the
		// embedded one reads questions about those it fits (see Build).
		base, err := dict.Gunzip(dictGz)
		if err != nil {
			idx.Close()
			return nil, fmt.Errorf("open index %s: embedded dictionary: %w", dir, err)
		}
		bseg, err := newSegmenter(base + e.extraDictLines())
		if err != nil {
			idx.Close()
			return nil, fmt.Errorf("open index %s: embedded dictionary: %w", dir, err)
		}
		e.baseWords = dictWords(base)
		e.setBase(bseg, ybs)
	}
	return e, nil
}
