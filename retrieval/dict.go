package retrieval

import (
	_ "embed"
	"fmt"
	"strings"
)

// The embedded dictionary is generated from the embedded yearbook and gse's
// zh_s dictionary; TestEmbeddedDictionaryCoversYearbook fails when it is stale.
//go:generate go run ./internal/gendict -top 20000 -keep keep_words.txt -dict dict.txt.gz -words words.txt -sum dict.sum -lexicon lexicon.txt.gz

// dictGz is the trimmed gse dictionary: zh_s entries of every word of the
// embedded yearbook, of the question words in keep_words.txt and of the
// 20,000 most frequent zh_s words, and a sentinel that
// keeps zh_s's total frequency (see internal/dict.Sentinel).
//
//go:embed dict.txt.gz
var dictGz []byte

// dictSum fingerprints the texts of the yearbook the dictionary was made
// for (internal/dict.Sum): Build on that yearbook skips the check for words
// the dictionary lacks.
//
//go:embed dict.sum
var dictSum string

// lexiconGz is every zh_s entry with its frequency, most frequent first
// (internal/dict.LexiconText): an index of documents other than the
// embedded yearbook extends the trimmed dictionary from it.
//
//go:embed lexicon.txt.gz
var lexiconGz []byte

// wordsTxt lists every zh_s word (no frequencies), sorted, one a line, so
// that questions can be checked for words the yearbook lacks (人口, 烟台,
// 刑事案件 …) without loading the full dictionary. It is embedded
// uncompressed and searched in place: nothing to unpack or index at start.
//
//go:embed words.txt
var wordsTxt string

// wordList is a sorted, newline-separated word list searched in place.
type wordList struct {
	blob   string
	groups wordGroups
}

func loadWordList() (*wordList, error) {
	if !strings.HasSuffix(wordsTxt, "\n") {
		return nil, fmt.Errorf("embedded word list: does not end in a newline")
	}
	return newWordList(wordsTxt), nil
}

// newWordList searches blob, sorted lines each ending in a newline.
func newWordList(blob string) *wordList { return &wordList{blob: blob} }

// search returns the start of the first line ≥ s and that line. It
// bisects byte offsets, each probe widened to the line it falls in.
func (w *wordList) search(s string) (int, string) {
	lo, hi := w.groups.span(w.blob, s) // lo is a line start; lines before it are < s
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(w.blob[lo:mid], '\n') + 1
		end := start + strings.IndexByte(w.blob[start:], '\n')
		if w.blob[start:end] < s {
			lo = end + 1
		} else {
			hi = start
		}
	}
	if lo >= len(w.blob) {
		return lo, ""
	}
	return lo, w.blob[lo : lo+strings.IndexByte(w.blob[lo:], '\n')]
}

func (w *wordList) has(s string) bool {
	_, line := w.search(s)
	return line == s && s != ""
}

// lookup is hasPrefix and has of s in one search.
func (w *wordList) lookup(s string) (prefix, word bool) {
	i, line := w.search(s)
	return i < len(w.blob) && strings.HasPrefix(line, s), line == s && s != ""
}

// hasPrefix reports whether some word starts with s.
func (w *wordList) hasPrefix(s string) bool {
	i, line := w.search(s)
	return i < len(w.blob) && strings.HasPrefix(line, s)
}
