package retrieval

import (
	"context"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// A term searcher opens a term field reader: scorch looks the term up in
// the field's dictionary (an automaton), then decodes its postings list
// through a roaring bitmap and chunked readers, allocating each of them,
// and since Bleve recycles none of them (upstream turned recycling off
// after panics, MB-64604) that is most of what a search costs on an index
// of a few dozen passages, where a term matches a handful of them. An
// index does not change once built (fieldTerms relies on that as well),
// so the postings a term's reader enumerates are recorded the first time
// the term is searched and replayed after: Bleve's own searchers and
// scorers run on them, so scores and order are Bleve's
// (TestBestDocsAsSearchInContext runs with the postings cold and warm).
// This caches the index, not answers: what is kept is bounded by the
// index's own vocabulary and by maxCachedPostings.

// maxCachedPostings bounds the postings kept per index (24 bytes each):
// 6 MB. Terms met after that are read from the index every time.
const maxCachedPostings = 1 << 18

// postingsCaches are the postings caches of the indexes searched.
type postingsCaches struct{ m sync.Map }

// of is idx's cache; nil (no caching) when c is nil.
func (c *postingsCaches) of(idx bleve.Index) *postingsCache {
	if c == nil {
		return nil
	}
	if v, ok := c.m.Load(idx); ok {
		return v.(*postingsCache)
	}
	v, _ := c.m.LoadOrStore(idx, &postingsCache{m: map[fieldTerm]*postings{}})
	return v.(*postingsCache)
}

type fieldTerm struct{ field, term string }

// postingsCache holds the postings of one index's terms.
type postingsCache struct {
	mu    sync.RWMutex
	m     map[fieldTerm]*postings
	total int      // postings held
	docs  sync.Map // internal id's Value → passage number (docNumber)
}

// postings are what a term field reader reading frequencies and norms
// (no term vectors) enumerates, in its order, and its Count.
type postings struct {
	docs  []uint64
	freqs []uint64
	norms []float64
	count uint64
}

// reader wraps r so that its term field readers replay cached postings;
// r itself when c is nil. A reader that tells BM25 its field cardinality
// still does.
func (c *postingsCache) reader(r index.IndexReader) index.IndexReader {
	if c == nil {
		return r
	}
	cr := cachingReader{IndexReader: r, c: c}
	if br, ok := r.(index.BM25Reader); ok {
		return cachingBM25Reader{cr, br}
	}
	return cr
}

type cachingReader struct {
	index.IndexReader
	c *postingsCache
}

type cachingBM25Reader struct {
	cachingReader
	br index.BM25Reader
}

func (r cachingBM25Reader) FieldCardinality(field string) (int, error) {
	return r.br.FieldCardinality(field)
}

func (r cachingReader) TermFieldReader(ctx context.Context, term []byte, field string, includeFreq, includeNorm, includeTermVectors bool) (index.TermFieldReader, error) {
	if !includeFreq || !includeNorm || includeTermVectors {
		return r.IndexReader.TermFieldReader(ctx, term, field, includeFreq, includeNorm, includeTermVectors)
	}
	r.c.mu.RLock()
	p := r.c.m[fieldTerm{field, string(term)}]
	r.c.mu.RUnlock()
	if p != nil {
		return &replayReader{p: p}, nil
	}
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, true, true, false)
	if err != nil || !r.c.hasRoom(tfr.Count()) {
		// A term of too many passages streams from the index, as before.
		return tfr, err
	}
	if p, err = record(tfr); err != nil {
		return nil, err
	}
	r.c.add(fieldTerm{field, string(term)}, p)
	return &replayReader{p: p}, nil
}

// hasRoom reports whether n more postings fit in the cache.
func (c *postingsCache) hasRoom(n uint64) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return n <= uint64(maxCachedPostings-c.total)
}

// record reads tfr to its end, and closes it.
func record(tfr index.TermFieldReader) (*postings, error) {
	defer tfr.Close()
	p := &postings{count: tfr.Count()}
	var tfd index.TermFieldDoc
	for {
		d, err := tfr.Next(tfd.Reset())
		if err != nil {
			return nil, err
		}
		if d == nil {
			return p, nil
		}
		p.docs = append(p.docs, d.ID.Value())
		p.freqs = append(p.freqs, d.Freq)
		p.norms = append(p.norms, d.Norm)
	}
}

// add keeps p for ft while the cache has room.
func (c *postingsCache) add(ft fieldTerm, p *postings) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[ft]; ok || c.total+len(p.docs) > maxCachedPostings {
		return
	}
	c.m[ft] = p
	c.total += len(p.docs)
}

// replayReader enumerates recorded postings as the term field reader
// they were read from did: Next the next one; Advance the first at or
// after an id (scorch's reader restarts when asked to go back, then skips
// to it: the same posting).
type replayReader struct {
	p    *postings
	next int
}

func (r *replayReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if r.next >= len(r.p.docs) {
		r.next = len(r.p.docs)
		return nil, nil
	}
	i := r.next
	r.next++
	return r.p.doc(i, pre), nil
}

func (r *replayReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	want := id.Value()
	r.next = sort.Search(len(r.p.docs), func(i int) bool { return r.p.docs[i] >= want })
	return r.Next(pre)
}

// doc is posting i in pre (or a new TermFieldDoc), as scorch fills it.
func (p *postings) doc(i int, pre *index.TermFieldDoc) *index.TermFieldDoc {
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	pre.ID = index.NewIndexInternalID(pre.ID, p.docs[i])
	pre.Freq = p.freqs[i]
	pre.Norm = p.norms[i]
	return pre
}

func (r *replayReader) Count() uint64 { return r.p.count }
func (r *replayReader) Close() error  { return nil }
func (r *replayReader) Size() int     { return 16 + 24*len(r.p.docs) }
