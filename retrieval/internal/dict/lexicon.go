package dict

import (
	"fmt"
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
)

// Lexicon is gse's whole zh_s dictionary in a form that answers what an
// index of other documents needs from it (which of its words a text holds,
// with their entries) without building gse's trie: loading gse's own takes
// about a second of CPU and 170 MB, this a tenth of both. It is read-only
// once loaded and safe for concurrent use.
type Lexicon struct {
	// entries are gse's tokens, most frequent first; equal frequencies
	// keep gse's order, so the first n are the n words Select keeps.
	entries []Entry
	// total is gse's total frequency, which a trimmed dictionary keeps
	// through its Sentinel.
	total float64
	// index maps each word to its entry and each proper prefix of a word
	// (in runes) to noEntry, so a scan stops as soon as no word can
	// continue.
	index map[string]int32
	// han is index for the one-rune strings of the CJK Unified
	// Ideographs (absent for none): where most lookups of a scan start,
	// and an array is much cheaper than the map.
	han []int32
}

const (
	noEntry = -1
	absent  = -2
	hanLo   = 0x4E00
	hanHi   = 0x9FFF
)

// LexiconText renders seg's tokens in the form ParseLexicon reads: one
// "word\tfreq\tpos" line a token, most frequent first, ties in gse's order.
// The generator writes it from gse's zh_s dictionary.
func LexiconText(seg *gse.Segmenter) (string, error) {
	toks := seg.Dict.Tokens
	order := make([]int, len(toks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return toks[order[a]].Freq() > toks[order[b]].Freq() })
	var b strings.Builder
	for _, i := range order {
		t := &toks[i]
		w := t.Text()
		if strings.ContainsAny(w, "\t\n") || strings.ContainsAny(t.Pos(), "\t\n") {
			return "", fmt.Errorf("zh_s token %q: a tab or newline in a word or part of speech", w)
		}
		b.WriteString(w)
		b.WriteByte('\t')
		b.WriteString(strconv.FormatFloat(t.Freq(), 'g', -1, 64))
		b.WriteByte('\t')
		b.WriteString(t.Pos())
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// ParseLexicon reads LexiconText's output. Words keep pointing into text.
func ParseLexicon(text string) (*Lexicon, error) {
	n := strings.Count(text, "\n")
	l := &Lexicon{entries: make([]Entry, 0, n), index: make(map[string]int32, 2*n)}
	pos := map[string]string{}
	lineNo := 0
	for line := range strings.Lines(text) {
		lineNo++
		word, rest, ok1 := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		freqText, p, ok2 := strings.Cut(rest, "\t")
		freq, err := strconv.ParseFloat(freqText, 64)
		if !ok1 || !ok2 || err != nil || word == "" {
			return nil, fmt.Errorf("lexicon line %d: want word, frequency and part of speech separated by tabs: %q", lineNo, line)
		}
		if i, ok := l.index[word]; ok && i != noEntry {
			return nil, fmt.Errorf("lexicon line %d: %q listed twice", lineNo, word)
		}
		// Parts of speech are a few dozen strings; sharing them keeps
		// the entries small.
		if q, ok := pos[p]; ok {
			p = q
		} else {
			pos[p] = p
		}
		l.index[word] = int32(len(l.entries))
		l.entries = append(l.entries, Entry{Word: word, Freq: freq, Pos: p})
		l.total += freq
		for i := range word {
			if i == 0 {
				continue
			}
			if _, ok := l.index[word[:i]]; !ok {
				l.index[word[:i]] = noEntry
			}
		}
	}
	if len(l.entries) == 0 {
		return nil, fmt.Errorf("lexicon: no words")
	}
	l.han = make([]int32, hanHi-hanLo+1)
	for i := range l.han {
		l.han[i] = absent
		if e, ok := l.index[string(rune(hanLo+i))]; ok {
			l.han[i] = e
		}
	}
	return l, nil
}

// Len is the number of words.
func (l *Lexicon) Len() int { return len(l.entries) }

// Has reports whether w is one of the lexicon's words.
func (l *Lexicon) Has(w string) bool {
	i, ok := l.index[w]
	return ok && i != noEntry
}

// Occurring is the package-level Occurring over the lexicon: the words
// that occur in texts (their folded form) at gse's unit boundaries.
func (l *Lexicon) Occurring(texts []string) map[string]bool {
	texts = distinct(texts)
	workers := min(runtime.GOMAXPROCS(0), max(1, len(texts)))
	found := make([]map[string]bool, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[w] = l.occurring(texts[w*len(texts)/workers : (w+1)*len(texts)/workers])
		}()
	}
	wg.Wait()
	out := found[0]
	for _, m := range found[1:] {
		maps.Copy(out, m)
	}
	return out
}

func (l *Lexicon) occurring(texts []string) map[string]bool {
	out := map[string]bool{}
	var ends []int
	for _, t := range texts {
		f := Fold(t)
		ends = unitEnds(f, ends[:0])
		start := 0
		for i := range ends {
			for _, end := range ends[i:] {
				e := l.lookup(f[start:end])
				if e == absent {
					break
				}
				if e != noEntry && l.entries[e].Freq > 0 {
					out[l.entries[e].Word] = true
				}
			}
			start = ends[i]
		}
	}
	return out
}

// lookup is index[s], absent when s is neither a word nor a prefix of one.
func (l *Lexicon) lookup(s string) int32 {
	if len(s) == 3 {
		if r, _ := utf8.DecodeRuneInString(s); r >= hanLo && r <= hanHi {
			return l.han[r-hanLo]
		}
	}
	e, ok := l.index[s]
	if !ok {
		return absent
	}
	return e
}

// unitEnds appends the end offsets of the units gse's SplitTextToWords
// splits s into (a run of Latin letters and digits is one unit, any other
// rune is one), with none of its allocations.
func unitEnds(s string, ends []int) []int {
	inRun := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		alnum := size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
		if inRun && !alnum {
			ends = append(ends, i)
		}
		if !alnum {
			ends = append(ends, i+size)
		}
		inRun = alnum
		i += size
	}
	if inRun {
		ends = append(ends, len(s))
	}
	return ends
}

// Select is the package-level Select over the lexicon: the entries of
// words plus the top most frequent, sorted by word, the Sentinel last.
func (l *Lexicon) Select(words map[string]bool, top int) []Entry {
	var out []Entry
	var sum float64
	for i, e := range l.entries {
		if i < top || words[e.Word] {
			out = append(out, e)
			sum += e.Freq
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Word, b.Word) })
	if rest := l.total - sum; rest > 0 {
		out = append(out, Entry{Word: Sentinel, Freq: rest, Pos: "x"})
	}
	return out
}

// distinct drops texts met before (a heading, a paragraph every edition
// repeats): they hold the same words.
func distinct(texts []string) []string {
	seen := make(map[string]bool, len(texts))
	return slices.DeleteFunc(slices.Clone(texts), func(t string) bool {
		dup := seen[t]
		seen[t] = true
		return dup
	})
}
