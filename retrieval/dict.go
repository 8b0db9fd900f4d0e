package retrieval

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"yearbookbot/retrieval/internal/dict"
)

// The embedded dictionary is generated from the embedded yearbook and gse's
// zh_s dictionary; TestEmbeddedDictionaryCoversYearbook fails when it is stale.
//go:generate go run ./internal/gendict -top 20000 -keep keep_words.txt -dict dict.txt.gz -words words.txt.gz -sum dict.sum

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

// wordsGz lists every zh_s word (no frequencies), so that questions can be
// checked for words the yearbook lacks (人口, 烟台, 刑事案件 …) without
// loading the full dictionary.
//
//go:embed words.txt.gz
var wordsGz []byte

// wordList is a sorted, newline-separated word list searched in place.
type wordList struct {
	blob  string
	lines []uint32 // start offset of each line
}

func loadWordList() (*wordList, error) {
	s, err := dict.Gunzip(wordsGz)
	if err != nil {
		return nil, fmt.Errorf("embedded word list: %w", err)
	}
	return newWordList(s), nil
}

func newWordList(blob string) *wordList {
	w := &wordList{blob: blob, lines: make([]uint32, 0, strings.Count(blob, "\n")+1)}
	for i := 0; i < len(blob); {
		w.lines = append(w.lines, uint32(i))
		j := strings.IndexByte(blob[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return w
}

func (w *wordList) line(i int) string {
	start := int(w.lines[i])
	end := len(w.blob)
	if i+1 < len(w.lines) {
		end = int(w.lines[i+1]) - 1
	}
	return strings.TrimSuffix(w.blob[start:end], "\n")
}

// search returns the index of the first word ≥ s.
func (w *wordList) search(s string) int {
	return sort.Search(len(w.lines), func(i int) bool { return w.line(i) >= s })
}

func (w *wordList) has(s string) bool {
	i := w.search(s)
	return i < len(w.lines) && w.line(i) == s
}

// hasPrefix reports whether some word starts with s.
func (w *wordList) hasPrefix(s string) bool {
	i := w.search(s)
	return i < len(w.lines) && strings.HasPrefix(w.line(i), s)
}
