package retrieval

import (
	"context"
	"errors"
	"fmt"
	"index/suffixarray"
	"log/slog"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// Options configure an Engine. The zero value is usable.
type Options struct {
	// Logger receives start-up and index messages; nil discards them.
	Logger *slog.Logger
	// Boosts of the indexed fields in Search; zero means the default
	// (paragraph text 1, section heading 2, chapter title 1.5). Headings are
	// short and name exactly what a section is about (机场建设), so a query
	// naming one should lift its paragraphs above passing mentions.
	TextBoost, SectionBoost, ChapterBoost float64
	// Default scopes questions that name no place: a place (青岛), a
	// yearbook title or a file name; "" answers from every document.
	Default string
	// TopWords is how many of gse's most frequent zh_s words a dictionary
	// built for a corpus other than the embedded one keeps besides the
	// corpus's own words; zero means 20,000, as the embedded dictionary.
	TopWords int
}

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.TextBoost == 0 {
		o.TextBoost = 1
	}
	if o.SectionBoost == 0 {
		o.SectionBoost = 2
	}
	if o.ChapterBoost == 0 {
		o.ChapterBoost = 1.5
	}
	if o.TopWords == 0 {
		o.TopWords = 20000
	}
	return o
}

// Index field names.
const (
	fieldText    = "text"
	fieldSection = "section"
	fieldChapter = "chapter"
	// fieldDoc holds the passage's document (docTerm), fieldPlace the
	// codes of the places it names (placeTerms), for scoped searches.
	fieldDoc   = "doc"
	fieldPlace = "place"
)

// maxTerms bounds the query size: a capped question never yields more
// distinct words than this, and a caller passing more gains nothing.
const maxTerms = 64

// Engine searches the paragraphs of one or more yearbooks. It is safe for
// concurrent use; all its state is read-only after Build or Open.
type Engine struct {
	log   *slog.Logger
	opts  Options
	idx   bleve.Index
	seg   *segmenter
	words *wordList
	norm  *normalizer
	syn   *synonyms
	areas []string // syn.areas(), for extract.Asked
	// model is the fitted answer selector; nil selects by rules.
	model     *extract.Model
	setting   extract.Setting
	yearbooks []corpus.Yearbook
	passages  []corpus.Passage
	// passageDoc is the index in yearbooks of each passage's document.
	passageDoc []int
	// foldsHan marks passages whose text holds a Han character folding
	// changes (a radical, a compatibility ideograph), so that the raw
	// text cannot rule out a character (measureForms).
	foldsHan []bool
	// gaz knows the place names of China and of the loaded documents.
	gaz *corpus.Gazetteer
	// defaultScope is Options.Default resolved (see scope.go).
	defaultScope *scope
	// baseWords are the embedded dictionary's words when the segmenter's
	// dictionary was extended with the loaded documents' words (nil when
	// it was not): a question word that only other documents write is
	// read as the embedded dictionary reads it (see questionTokensIn).
	baseWords map[string]bool
	// baseSeg is the embedded dictionary's segmenter when the index's was
	// extended (nil otherwise), and fitsBase tells the documents whose
	// every word it holds: questions about them are read with it.
	baseSeg  *segmenter
	fitsBase []bool
	byID     map[string]int
	// prepared caches extract.Prepare per paragraph ID (see ask.go).
	prepared *sync.Map
	// written indexes, per document, the canonical text of every paragraph
	// with its headings, to tell a word the yearbook never writes (see
	// Seen). Each is built on first use: a library's distractors cost
	// nothing until a question reads them.
	written []writtenDoc
	// docPassages are the first passage of each document and the end.
	docPassages []int
	// tables are the loaded statistical tables, cell by cell (cells.go).
	tables *tableIndex
	// scoped are the indexes of tiers' documents alone (see scoped.go).
	scoped *scopedIndexes
	// fieldTerms are the searched indexes' field dictionaries (see
	// search_prune.go).
	fieldTerms *fieldTermsCache
	// matchPools are the document match pools searches reuse (bestDocs).
	matchPools *sync.Pool
	// postings are the searched indexes' postings read so far (see
	// search_postings.go).
	postings *postingsCaches
	// queryTokens are the analyzer's tokens of the words searched so far
	// (see search_tokens.go).
	queryTokens *queryTokens
	// measureCache are the measure-word forms of terms found so far (see
	// measure_cache.go).
	measureCache *measureFormsCache
	// docText is the bytes of paragraph text of each document, and of all.
	docText []int
}

// Build indexes the yearbooks in memory. On the embedded yearbook it uses the
// embedded trimmed dictionary only; a corpus with words that dictionary lacks
// makes it load gse's full zh_s dictionary once to extend it (about a second).
func Build(ctx context.Context, ybs []corpus.Yearbook, opts Options) (*Engine, error) {
	opts = opts.withDefaults()
	e, err := newEngine(ctx, ybs, opts)
	if err != nil {
		return nil, err
	}
	m, err := newMapping(e.seg)
	if err != nil {
		return nil, err
	}
	idx, err := newMemIndex(m)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	if err := e.indexPassages(ctx, idx); err != nil {
		idx.Close()
		return nil, err
	}
	e.idx = idx
	opts.Logger.Debug("index built", "yearbooks", len(ybs), "passages", len(e.passages))
	return e, nil
}

// newEngine prepares everything but the Bleve index: passages, dictionary,
// normalizer and synonyms.
func newEngine(ctx context.Context, ybs []corpus.Yearbook, opts Options) (*Engine, error) {
	e, err := newEngineNoSegmenter(ybs, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	base, err := dict.Gunzip(dictGz)
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	seg, err := newSegmenter(base + e.extraDictLines())
	if err != nil {
		return nil, fmt.Errorf("embedded dictionary: %w", err)
	}
	texts := dict.Texts(ybs...)
	if dict.Sum(texts) == strings.TrimSpace(dictSum) {
		e.seg = seg
		return e, nil
	}
	e.baseWords = dictWords(base)
	e.setBase(seg, ybs)
	if missing := missingWords(seg, e.words, texts, 1); len(missing) > 0 {
		opts.Logger.Info("corpus has words the embedded dictionary lacks; extending it from gse's zh_s lexicon", "example", missing[0])
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		entries, err := extendedEntries(texts, base, opts.TopWords)
		if err != nil {
			return nil, err
		}
		opts.Logger.Debug("dictionary extended", "entries", len(entries), "took", time.Since(start))
		// The lexicon (about 60 MB) is garbage now: collecting it before
		// the extended dictionary is built keeps the two from adding up
		// in the peak memory of a library's index.
		runtime.GC()
		seg, err = newSegmenter(dict.Format(entries) + e.extraDictLines())
		if err != nil {
			return nil, fmt.Errorf("extended dictionary: %w", err)
		}
	}
	e.seg = seg
	return e, nil
}

// extendedEntries are the dictionary entries of the embedded dictionary's
// words and of the words the texts hold, from the embedded lexicon of
// gse's zh_s dictionary (the same entries gse's own loader gives, without
// its second of loading and 170 MB).
func extendedEntries(texts []string, base string, top int) ([]dict.Entry, error) {
	text, err := dict.Gunzip(lexiconGz)
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	full, err := dict.ParseLexicon(text)
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	// The corpus's words join the embedded dictionary's (question words,
	// frequent words), so questions segment as on the embedded yearbook.
	want := full.Occurring(texts)
	for line := range strings.Lines(base) {
		if w, _, _ := strings.Cut(line, " "); w != dict.Sentinel {
			want[w] = true
		}
	}
	return full.Select(want, top), nil
}

// newEngineNoSegmenter sets up what does not depend on the dictionary.
func newEngineNoSegmenter(ybs []corpus.Yearbook, opts Options) (*Engine, error) {
	// Sized up front: a library has hundreds of thousands of passages.
	n := passageCount(ybs)
	e := &Engine{log: opts.Logger, opts: opts, yearbooks: slices.Clone(ybs), byID: make(map[string]int, n), prepared: &sync.Map{},
		passages: make([]corpus.Passage, 0, n), passageDoc: make([]int, 0, n), scoped: &scopedIndexes{}, fieldTerms: &fieldTermsCache{}, matchPools: &sync.Pool{},
		postings: &postingsCaches{}, queryTokens: &queryTokens{}, measureCache: &measureFormsCache{}}
	var years []int
	var places []corpus.Place
	for di, yb := range ybs {
		if yb.Year > 0 && !slices.Contains(years, yb.Year) {
			years = append(years, yb.Year)
		}
		places = append(places, yb.Meta.Place)
		for _, p := range yb.Passages() {
			e.passageDoc = append(e.passageDoc, di)
			if _, dup := e.byID[p.Paragraph.ID]; dup {
				opts.Logger.Warn("duplicate paragraph id; 原文 shows the first", "id", p.Paragraph.ID, "file", p.File, "line", p.Paragraph.Line)
			} else {
				e.byID[p.Paragraph.ID] = len(e.passages)
			}
			e.passages = append(e.passages, p)
			e.foldsHan = append(e.foldsHan, foldsHan(p.Paragraph.Text))
		}
	}
	e.docText = make([]int, len(ybs)+1)
	for i, p := range e.passages {
		e.docText[e.passageDoc[i]] += len(p.Paragraph.Text)
		e.docText[len(ybs)] += len(p.Paragraph.Text)
	}
	if len(e.passages) == 0 {
		return nil, errors.New("build index: the yearbooks hold no paragraphs")
	}
	var err error
	if e.words, err = loadWordList(); err != nil {
		return nil, err
	}
	if e.norm, err = newNormalizer(); err != nil {
		return nil, err
	}
	e.syn = parseSynonyms(synonymsTxt, years)
	e.syn.addPlaces(ybs)
	e.tables = buildTables(ybs, e.syn)
	e.gaz = corpus.NewGazetteer(places...)
	if opts.Default != "" {
		sc, err := e.resolveScope(opts.Default)
		if err != nil {
			return nil, fmt.Errorf("default yearbook: %w", err)
		}
		e.defaultScope = sc
	}
	e.areas = e.syn.areas()
	e.setting = extract.Setting{Areas: e.areas, PlaceWords: placeWords(ybs), IsPlace: e.isPlace, PlacesIn: e.placesIn}
	e.setting.Encloses = e.encloses(placeNames(ybs))
	if e.model, err = defaultModel(); err != nil {
		return nil, err
	}
	if len(years) == 1 {
		e.setting.Year = years[0]
	}
	e.written = make([]writtenDoc, len(ybs))
	for di := range ybs {
		e.docPassages = append(e.docPassages, slices.Index(e.passageDoc, di))
	}
	e.docPassages = append(e.docPassages, len(e.passages))
	return e, nil
}

// docPassagesOf are the passages of document di.
func (e *Engine) docPassagesOf(di int) []corpus.Passage {
	start, end := e.docPassages[di], e.docPassages[di+1]
	if start < 0 {
		start = end
	}
	return e.passages[start:end]
}

// passageCount is how many passages the yearbooks hold.
func passageCount(ybs []corpus.Yearbook) int {
	n := 0
	for _, yb := range ybs {
		for _, c := range yb.Chapters {
			for _, s := range c.Sections {
				n += len(s.Paragraphs)
			}
		}
	}
	return n
}

// placeWords are the names of the loaded documents' own places: every
// paragraph is about them, so a question naming them asks nothing of a
// paragraph's place.
func placeWords(ybs []corpus.Yearbook) []string {
	var out []string
	for _, yb := range ybs {
		p := yb.Meta.Place
		for _, w := range append([]string{p.Name}, p.Aliases...) {
			if w != "" && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// placeNames are the loaded documents' own places by their names, not
// their aliases: an alias may be another division's name too (a
// district's short name), and what holds that one is no frame here.
func placeNames(ybs []corpus.Yearbook) []string {
	var out []string
	for _, yb := range ybs {
		if n := yb.Meta.Place.Name; n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// defaultModel is the fitted answer selector embedded in the binary.
func defaultModel() (*extract.Model, error) {
	w, err := extract.DefaultWeights()
	if err != nil {
		return nil, err
	}
	m, err := w.Model.Compile()
	if err != nil {
		return nil, fmt.Errorf("embedded selector weights: %w", err)
	}
	return m, nil
}

// writtenDoc is one document's written index, built once.
type writtenDoc struct {
	once  sync.Once
	sa    *suffixarray.Index
	words writtenWords // the answers of sa, per word (written_words.go)
	// quoted are the openings of the names the document quotes, sorted
	// (quotedOpenings), built on first use: only a question naming a
	// province or the country reads them (namePhrase).
	quotedOnce sync.Once
	quoted     []string
}

// writtenIndex indexes the canonical, lower-case text of the passages and
// their headings.
func writtenIndex(ps []corpus.Passage) *suffixarray.Index {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(strings.ToLower(extract.Canon(p.Chapter + "\n" + p.Section + "\n" + p.Paragraph.Text)))
		b.WriteByte('\n')
	}
	return suffixarray.New([]byte(b.String()))
}

// writtenOf is the written index of document di, built on first use.
func (e *Engine) writtenOf(di int) *suffixarray.Index {
	w := &e.written[di]
	w.once.Do(func() {
		w.sa = writtenIndex(e.docPassagesOf(di))
	})
	return w.sa
}

// Seen reports whether some paragraph or heading writes word (compared
// canonically: numerals as digits, quotes and brackets dropped). A key
// word of a question the yearbook never writes is either what it lacks
// (刑事案件) or the user's paraphrase (总盘子).
func (e *Engine) Seen(word string) bool { return e.seenIn(word, nil) }

// seenIn is Seen within some documents (nil: all): a word only another
// place's report writes is as unseen as one no document writes.
func (e *Engine) seenIn(word string, docs []int) bool {
	w := strings.ToLower(extract.Canon(strings.TrimSpace(word)))
	if w == "" || strings.Contains(w, "\n") {
		return false
	}
	for di := range e.yearbooks {
		if docs != nil && !slices.Contains(docs, di) {
			continue
		}
		if e.writes(di, w) {
			return true
		}
	}
	return false
}

// setBase keeps the embedded dictionary's segmenter beside an extended
// one, with the documents it fits.
func (e *Engine) setBase(base *segmenter, ybs []corpus.Yearbook) {
	e.baseSeg = base
	e.fitsBase = make([]bool, len(ybs))
	for di, yb := range ybs {
		e.fitsBase[di] = len(missingWords(base, e.words, dict.Texts(yb), 1)) == 0
	}
}

// dictWords are the words of dictionary lines.
func dictWords(lines string) map[string]bool {
	out := map[string]bool{}
	for line := range strings.Lines(lines) {
		if w, _, _ := strings.Cut(line, " "); w != "" && w != dict.Sentinel {
			out[w] = true
		}
	}
	return out
}

// synonymFreq is the gse frequency given to synonym words the dictionary
// lacks (固投, 岛城): that of a common word, so they stay whole.
const (
	synonymFreq = 1000
	synonymPos  = "n"
)

// extraDictLines are dictionary lines for the synonym words; gse keeps the
// first entry of a word, so words the dictionary has keep their own.
func (e *Engine) extraDictLines() string {
	var b strings.Builder
	for _, w := range e.syn.words() {
		if strings.ContainsAny(w, " \t") {
			continue
		}
		fmt.Fprintf(&b, "%s %d %s\n", w, synonymFreq, synonymPos)
	}
	return b.String()
}

// missingWords returns up to limit zh_s words that occur in texts but are not
// in seg's dictionary (limit ≤ 0: all of them).
func missingWords(seg *segmenter, words *wordList, texts []string, limit int) []string {
	var out []string
	var b strings.Builder
	for _, t := range texts {
		units := seg.gse.SplitTextToWords([]byte(dict.Fold(t)))
		for i := range units {
			b.Reset()
			for j := i; j < len(units); j++ {
				b.Write(units[j])
				w := b.String()
				if !words.hasPrefix(w) {
					break
				}
				if words.has(w) && !seg.inDict(w) && !slices.Contains(out, w) {
					out = append(out, w)
					if limit > 0 && len(out) >= limit {
						return out
					}
				}
			}
		}
	}
	return out
}

// Close releases the index.
func (e *Engine) Close() error {
	if e.idx == nil {
		return nil
	}
	e.fieldTerms.close()
	err := e.scoped.close()
	return errors.Join(e.idx.Close(), err)
}

// Passage returns the whole paragraph with the given corpus.Paragraph.ID.
func (e *Engine) Passage(id string) (Hit, bool) {
	i, ok := e.byID[id]
	if !ok {
		return Hit{}, false
	}
	h := e.hit(i, 0)
	h.Table = e.tables.view(i)
	return h, true
}

// Passages lists every paragraph in file order.
func (e *Engine) Passages() []corpus.Passage { return slices.Clone(e.passages) }

// Yearbooks returns the indexed yearbooks.
func (e *Engine) Yearbooks() []corpus.Yearbook { return slices.Clone(e.yearbooks) }

// Normalize prepares a user's question for analysis: NFKC width folding,
// Traditional → Simplified, bot commands and @mentions removed, control and
// zero-width characters dropped, whitespace collapsed, at most 200 runes.
func (e *Engine) Normalize(q string) string { return e.norm.Normalize(q) }

// Segment splits text into words in gse's search mode (a word's sub-words
// precede it: 集装箱 → 装箱 集装箱), without punctuation or whitespace.
// Latin letters come out in lower case and full-width forms folded.
func (e *Engine) Segment(text string) []string { return segmentQuery(e.seg, e.words, text) }

// Expand returns the synonyms and abbreviations of term (胶东机场 →
// 青岛胶东国际机场 …; 去年 → the year the yearbook covers), the yearbook's
// form first; nil when it has none.
func (e *Engine) Expand(term string) []string { return e.syn.expand(term) }

// Longer lists the synonym-list words that hold term but name something
// else (海洋生产总值 for 生产总值); nil when there are none.
func (e *Engine) Longer(term string) []string { return slices.Clone(e.syn.longer(term)) }

// Known reports whether word is a dictionary word: of the yearbook, of gse's
// zh_s dictionary (人口, 烟台) or of the synonym list (GDP).
func (e *Engine) Known(word string) bool {
	w := dict.Fold(strings.TrimSpace(strings.ToValidUTF8(word, "\uFFFD")))
	if w == "" || !utf8.ValidString(w) {
		return false
	}
	if e.seg.inDict(w) || e.words.has(w) {
		return true
	}
	_, ok := e.syn.of[w]
	return ok
}

// Search returns the n best paragraphs for terms by BM25 over paragraph
// text, section heading and chapter title, best first. Each term is
// analysed like the indexed text, so multi-word terms and Bleve query
// syntax in them are harmless. Terms that match nothing are ignored; no
// usable term gives no hits.
func (e *Engine) Search(ctx context.Context, terms []string, n int) ([]Hit, error) {
	return e.search(ctx, terms, nil, n, nil)
}

// search is Search with a weight per term (nil: all 1) multiplying the
// field boosts.
// A filter (nil: none) restricts the passages searched (see scope.go).
func (e *Engine) search(ctx context.Context, terms []string, weights []float64, n int, filter query.Query) ([]Hit, error) {
	return e.searchIndex(ctx, e.idx, terms, weights, n, filter)
}

// searchIndex is search in idx, the whole index or a scoped one.
func (e *Engine) searchIndex(ctx context.Context, idx bleve.Index, terms []string, weights []float64, n int, filter query.Query) ([]Hit, error) {
	if n <= 0 {
		n = 10
	}
	n = min(n, len(e.passages))
	fields := []fieldBoost{
		{fieldText, e.opts.TextBoost},
		{fieldSection, e.opts.SectionBoost},
		{fieldChapter, e.opts.ChapterBoost},
	}
	// The words are cut as the index searched was: a scoped index is
	// segmented as its documents alone (buildScoped), not as the library.
	analyzer := idx.Mapping().AnalyzerNamed(gseAnalyzerName)
	if analyzer == nil {
		return nil, fmt.Errorf("search: the index has no %s analyzer", gseAnalyzerName)
	}
	var qs []query.Query
	seen := map[string]bool{}
	ft := e.fieldTerms.of(idx, fields)
	for i, t := range terms {
		w := 1.0
		if i < len(weights) && weights[i] > 0 {
			w = weights[i]
		}
		t = strings.TrimSpace(strings.ToValidUTF8(t, ""))
		if t == "" || seen[t] || !isWord(t) {
			continue
		}
		if len(seen) == maxTerms {
			break
		}
		seen[t] = true
		qs = appendTermQueries(qs, e.queryTokens.of(analyzer, t), fields, w, ft)
	}
	if len(qs) == 0 {
		return nil, nil
	}
	var q query.Query = bleve.NewDisjunctionQuery(qs...)
	if filter != nil {
		q = bleve.NewConjunctionQuery(q, filter)
	}
	// More than n are fetched so that passages tied at the n-th score are
	// all seen and the tie is broken below, not by Bleve's internal order.
	res, err := bestDocs(ctx, idx, q, n+tieMargin, e.matchPools, e.postings.of(idx))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", strings.Join(slices.Sorted(maps.Keys(seen)), " "), err)
	}
	for _, h := range res {
		if h.doc < 0 || h.doc >= len(e.passages) {
			return nil, fmt.Errorf("search: index returned unknown document %d", h.doc)
		}
	}
	// Equal scores (the cells of one table row) come back from Bleve in
	// an order, and with rounding, that may differ between processes;
	// the passage order breaks the tie, so the same question gets the
	// same answer (see orderHits). The scored documents are ordered, and
	// only those kept become hits.
	orderScored(res, n, func(d scoredDoc) float64 { return d.score }, func(d *scoredDoc, s float64) { d.score = s },
		func(d scoredDoc) int { return e.byID[e.passages[d.doc].Paragraph.ID] })
	res = res[:min(n, len(res))]
	hits := make([]Hit, len(res))
	// The hits' copies of their sources share one array.
	size := 0
	for _, d := range res {
		size += len(e.passages[d.doc].Sources)
	}
	sources := make([]string, 0, size)
	for k, d := range res {
		hits[k] = e.sharedHit(d.doc, d.score)
		if src := hits[k].Sources; src != nil {
			from := len(sources)
			sources = append(sources, src...)
			hits[k].Sources = sources[from:len(sources):len(sources)]
		}
	}
	return hits, nil
}

// tieMargin is how many hits beyond those asked a search fetches to break
// ties at the cut by passage order.
const tieMargin = 10

// hit is passage i found with score, with its own copy of its sources.
func (e *Engine) hit(i int, score float64) Hit {
	h := e.sharedHit(i, score)
	h.Sources = slices.Clone(h.Sources)
	return h
}

// sharedHit is hit with the passage's own Sources slice, which the
// caller copies.
func (e *Engine) sharedHit(i int, score float64) Hit {
	p := e.passages[i]
	return Hit{
		Source: Source{
			ParagraphID: p.Paragraph.ID,
			Yearbook:    p.Yearbook,
			Chapter:     p.Chapter,
			Section:     p.Section,
			Sources:     p.Sources,
			Line:        p.Paragraph.Line,
			// Among many documents a source must say which one it is in.
			ShowYearbook: len(e.yearbooks) > 1,
		},
		Score: score,
		Text:  p.Paragraph.Text,
	}
}
