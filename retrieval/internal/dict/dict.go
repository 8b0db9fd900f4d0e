// Package dict builds and reads the trimmed gse dictionary that the
// retrieval engine embeds. It is shared by the generator (which needs gse's
// full zh_s dictionary) and the engine (which must start without it), so it
// holds no embedded data itself.
package dict

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"golang.org/x/text/unicode/norm"

	"yearbookbot/corpus"
)

// Sentinel is a dictionary word made of private-use characters that no text
// contains. It carries the frequency mass of the words left out of a trimmed
// dictionary: gse turns frequencies into path lengths relative to the total
// frequency, so keeping the total equal to the full dictionary's keeps every
// segmentation over the kept words identical to the full dictionary's.
const Sentinel = "\ue000\ue001"

// Fold is the text form the segmenter works on: NFKC width folding (full-width
// digits and letters become ASCII) and lower case, as gse lower-cases Latin
// words itself.
func Fold(s string) string {
	if f, ok := foldPlain(s); ok {
		return f
	}
	return foldSlow(s)
}

func foldSlow(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// foldPlain folds text made only of runes that fold on their own (see
// plainFold), which is most Chinese text; ok is false for any other text.
// NFKC is the bulk of indexing's folding time, and these runes need none
// of its machinery: none combines with a rune before it.
func foldPlain(s string) (string, bool) {
	var b strings.Builder // unused until a rune changes
	for i, r := range s {
		f, ok := plainFold(r)
		if !ok {
			return "", false
		}
		if b.Cap() == 0 {
			if f == r {
				continue
			}
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		b.WriteRune(f)
	}
	if b.Cap() == 0 {
		return s, true
	}
	return b.String(), true
}

// plainFold is the fold of r alone for ASCII, the CJK Unified Ideographs,
// full-width ASCII (NFKC gives the ASCII character) and the punctuation
// of Chinese text that NFKC leaves as it is; ok is false for other runes.
func plainFold(r rune) (rune, bool) {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return r, true
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A', true
	case r < utf8.RuneSelf:
		return r, true
	case r >= 0xFF01 && r <= 0xFF5E:
		return plainFold(r - 0xFEE0)
	}
	switch r {
	case '、', '。', '《', '》', '「', '」', '『', '』', '【', '】', '〔', '〕', '“', '”', '‘', '’', '—', '–', '·':
		return r, true
	}
	return r, false
}

// Entry is one dictionary word with gse's frequency and part of speech.
type Entry struct {
	Word string
	Freq float64
	Pos  string
}

// Full loads gse's embedded simplified-Chinese dictionary: slow (about a
// second and 200 MB), so only the generator and WriteIndex/Build on a corpus
// the embedded dictionary does not cover call it.
func Full() (*gse.Segmenter, error) {
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse zh_s dictionary: %w", err)
	}
	return seg, nil
}

// Occurring returns the words of seg's dictionary that occur in texts (as
// substrings of their folded form), the set a trimmed dictionary must keep
// for the texts to segment exactly as with seg.
func Occurring(seg *gse.Segmenter, texts []string) map[string]bool {
	// A text met before (a heading, a paragraph every edition repeats)
	// holds the same words.
	seen := make(map[string]bool, len(texts))
	texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool {
		dup := seen[t]
		seen[t] = true
		return dup
	})
	// The dictionary is only read, so the texts are scanned on every core:
	// a library of many megabytes takes seconds on one.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(texts)))
	found := make([]map[string]bool, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[w] = occurring(seg, texts[w*len(texts)/workers:(w+1)*len(texts)/workers])
		}()
	}
	wg.Wait()
	out := found[0]
	for _, m := range found[1:] {
		maps.Copy(out, m)
	}
	return out
}

func occurring(seg *gse.Segmenter, texts []string) map[string]bool {
	out := map[string]bool{}
	d := seg.Dict
	maxLen := d.MaxTokenLen()
	tokens := make([]*gse.Token, maxLen)
	for _, t := range texts {
		units := seg.SplitTextToWords([]byte(Fold(t)))
		for i := range units {
			end := min(i+maxLen, len(units))
			n := d.LookupTokens(units[i:end], tokens)
			for _, tok := range tokens[:n] {
				if tok.Freq() > 0 {
					out[tok.Text()] = true
				}
			}
		}
	}
	return out
}

// Select returns the entries of full for the given words plus the top most
// frequent words of full, sorted by word, with the Sentinel entry last.
func Select(full *gse.Segmenter, words map[string]bool, top int) []Entry {
	toks := full.Dict.Tokens
	byFreq := make([]int, len(toks))
	for i := range byFreq {
		byFreq[i] = i
	}
	sort.SliceStable(byFreq, func(a, b int) bool { return toks[byFreq[a]].Freq() > toks[byFreq[b]].Freq() })
	keep := map[int]bool{}
	for _, i := range byFreq[:min(top, len(byFreq))] {
		keep[i] = true
	}
	for i := range toks {
		if words[toks[i].Text()] {
			keep[i] = true
		}
	}
	var out []Entry
	var sum float64
	for i := range keep {
		t := &toks[i]
		out = append(out, Entry{Word: t.Text(), Freq: t.Freq(), Pos: t.Pos()})
		sum += t.Freq()
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	if rest := full.Dict.TotalFreq() - sum; rest > 0 {
		out = append(out, Entry{Word: Sentinel, Freq: rest, Pos: "x"})
	}
	return out
}

// Format renders entries in gse's dictionary format ("word freq pos" lines).
func Format(entries []Entry) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Word)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(e.Freq, 'f', -1, 64))
		if e.Pos != "" {
			b.WriteByte(' ')
			b.WriteString(e.Pos)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Words returns every word of seg's dictionary, sorted and distinct, one a
// line: the list question analysis uses to recognise words the trimmed
// dictionary lacks.
func Words(seg *gse.Segmenter) string {
	toks := seg.Dict.Tokens
	ws := make([]string, 0, len(toks))
	for i := range toks {
		w := toks[i].Text()
		if toks[i].Freq() > 0 && !strings.ContainsFunc(w, unicode.IsSpace) {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	var b strings.Builder
	prev := ""
	for _, w := range ws {
		if w == prev {
			continue
		}
		prev = w
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.String()
}

// Gzip compresses s at the best level.
func Gzip(s string) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(zw, s); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Gunzip decompresses b.
func Gunzip(b []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("read gzip header: %w", err)
	}
	var out strings.Builder
	if _, err := io.Copy(&out, bufio.NewReader(zr)); err != nil {
		return "", fmt.Errorf("decompress: %w", err)
	}
	return out.String(), nil
}

// Texts lists every text of the yearbooks that the engine indexes or shows:
// the words in them are the ones the dictionary must hold.
func Texts(ybs ...corpus.Yearbook) []string {
	var texts []string
	for _, yb := range ybs {
		texts = append(texts, yb.Title)
		for _, c := range yb.Chapters {
			texts = append(texts, c.Title)
			texts = append(texts, c.Sources...)
			for _, s := range c.Sections {
				texts = append(texts, s.Heading)
				for _, p := range s.Paragraphs {
					texts = append(texts, p.Text)
				}
			}
		}
	}
	return texts
}

// Sum fingerprints texts, so the engine can tell the corpus the embedded
// dictionary was generated from without scanning it for missing words.
func Sum(texts []string) string {
	h := sha256.New()
	for _, t := range texts {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
