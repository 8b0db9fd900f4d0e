package retrieval

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/go-ego/gse"

	"yearbookbot/retrieval/internal/dict"
)

// Bleve's analysis registry is global and refuses a second registration of
// a name, so the gse tokenizer and analyzer types are registered once, here,
// under fixed names; init is the guard that lets Build run any number of
// times. The registered constructors keep no state: each index mapping names
// its own tokenizer instance whose config carries the segmenter (a live
// *segmenter when an index is built in this process, the dictionary text
// when Bleve reloads a mapping from disk), so two engines with different
// dictionaries never share or overwrite a segmenter.
const (
	gseTokenizerType = "yearbookbot_gse_tokenizer"
	gseAnalyzerType  = "yearbookbot_gse_analyzer"
	// Names of the instances defined in each index mapping.
	gseTokenizerName = "gse"
	gseAnalyzerName  = "gse"
	// configSegmenter is the tokenizer config key holding the segmenter.
	configSegmenter = "segmenter"
)

func init() {
	if err := registry.RegisterTokenizer(gseTokenizerType, newGseTokenizer); err != nil {
		panic(fmt.Sprintf("register gse tokenizer: %v", err))
	}
	if err := registry.RegisterAnalyzer(gseAnalyzerType, newGseAnalyzer); err != nil {
		panic(fmt.Sprintf("register gse analyzer: %v", err))
	}
}

// segmenter wraps one gse segmenter and the dictionary text it was loaded
// from, so that the dictionary can travel with an index. It is read-only
// after construction and safe for concurrent use.
type segmenter struct {
	gse  *gse.Segmenter
	dict string
}

// newSegmenter loads a gse dictionary ("word freq pos" lines). HMM stays off:
// gse keeps its HMM model in package state that every new segmenter would
// rewrite, and the dictionary path is what segments questions well.
func newSegmenter(dictText string) (*segmenter, error) {
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictStr(dictText); err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	if seg.Dict == nil || seg.Dict.NumTokens() == 0 {
		return nil, errors.New("load dictionary: no words")
	}
	return &segmenter{gse: seg, dict: dictText}, nil
}

// MarshalJSON stores the dictionary in the index mapping, which makes an
// index on disk self-contained: Bleve rebuilds the tokenizer from it on open.
func (s *segmenter) MarshalJSON() ([]byte, error) { return json.Marshal(s.dict) }

// inDict reports whether w (already folded) is a dictionary word.
func (s *segmenter) inDict(w string) bool {
	f, _, ok := s.gse.Find(w)
	return ok && f > 0
}

// piece is one token with its byte span in the folded text and its word
// position (sub-words of a word share the word's position).
type piece struct {
	text       string
	start, end int
	pos        int
}

// top returns gse's shortest-path segmentation of folded text.
func (s *segmenter) top(folded string) []gse.Segment {
	if folded == "" {
		return nil
	}
	return s.gse.Segment([]byte(folded))
}

// pieces segments folded text in gse's search mode: each word is preceded
// by its sub-words (集装箱 → 装箱 集装箱), as gse.ToSlice(…, true) does, and
// tokens without a letter or digit (punctuation, spaces, emoji) are dropped.
// A token's text is the folded text it spans (gse matches tokens byte for
// byte), so no token text is built: indexing a library segments megabytes.
func (s *segmenter) pieces(folded string) []piece {
	return s.piecesOf(folded, []byte(folded))
}

// piecesOf is pieces with the folded text also as bytes (gse reads them
// and does not keep or change them).
func (s *segmenter) piecesOf(folded string, b []byte) []piece {
	if folded == "" {
		return nil
	}
	// About a piece per two characters of Chinese text: one allocation
	// for most texts instead of a slice grown step by step.
	out := make([]piece, 0, len(folded)/4+1)
	pos := 0
	for _, sg := range s.gse.Segment(b) {
		if !isWord(folded[sg.Start():sg.End()]) {
			continue
		}
		pos++
		out = appendSearch(out, folded, sg.Token(), sg.Start(), sg.End(), pos)
	}
	return out
}

// appendSearch mirrors gse's tokenToSlice for tok, which spans
// folded[start:end], keeping byte offsets.
func appendSearch(out []piece, folded string, tok *gse.Token, start, end, pos int) []piece {
	terminal := true
	for _, sub := range tok.Segments() {
		t := sub.Token()
		from, to := start+sub.Start(), start+sub.End()
		if len(t.Segments()) > 1 || isKana(folded[from:to]) {
			terminal = false
		}
		if !terminal {
			out = appendSearch(out, folded, t, from, to, pos)
		}
	}
	if text := folded[start:end]; isWord(text) {
		out = append(out, piece{text: text, start: start, end: end, pos: pos})
	}
	return out
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// isKana is gse.IsJp(firstRune(s)) without its two map lookups of
// unicode.Scripts, which cost a tenth of a library's indexing.
func isKana(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.In(r, unicode.Hiragana, unicode.Katakana)
}

// isWord reports whether s holds a letter or a digit.
func isWord(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// gseTokenizer adapts a segmenter to Bleve.
type gseTokenizer struct{ seg *segmenter }

func newGseTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	switch v := config[configSegmenter].(type) {
	case *segmenter:
		return &gseTokenizer{seg: v}, nil
	case string:
		seg, err := newSegmenter(v)
		if err != nil {
			return nil, fmt.Errorf("gse tokenizer: %w", err)
		}
		return &gseTokenizer{seg: seg}, nil
	default:
		return nil, fmt.Errorf("gse tokenizer: config %q holds %T, want a segmenter or dictionary text", configSegmenter, v)
	}
}

func (t *gseTokenizer) Tokenize(input []byte) analysis.TokenStream {
	folded := dict.Fold(strings.ToValidUTF8(string(input), "\uFFFD"))
	// One allocation each for the terms and the tokens of the whole text:
	// Bleve copies a term when it counts it.
	buf := []byte(folded)
	ps := t.seg.piecesOf(folded, buf)
	toks := make([]analysis.Token, len(ps))
	out := make(analysis.TokenStream, len(ps))
	for i, p := range ps {
		typ := analysis.AlphaNumeric
		if isHan(p.text) {
			typ = analysis.Ideographic
		}
		toks[i] = analysis.Token{
			Term:     buf[p.start:p.end:p.end],
			Start:    p.start,
			End:      p.end,
			Position: p.pos,
			Type:     typ,
		}
		out[i] = &toks[i]
	}
	return out
}

func newGseAnalyzer(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	name, ok := config["tokenizer"].(string)
	if !ok {
		return nil, errors.New("gse analyzer: config must name its tokenizer")
	}
	tok, err := cache.TokenizerNamed(name)
	if err != nil {
		return nil, fmt.Errorf("gse analyzer: tokenizer %q: %w", name, err)
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
}

// segmenterOf returns the segmenter behind an analyzer built by newGseAnalyzer.
func segmenterOf(a analysis.Analyzer) (*segmenter, bool) {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, false
	}
	t, ok := da.Tokenizer.(*gseTokenizer)
	if !ok {
		return nil, false
	}
	return t.seg, true
}

// maxMerge bounds how many adjacent tokens a word the dictionary lacks may
// span, and maxMergeRunes its length.
const (
	maxMerge      = 4
	maxMergeRunes = 8
)

// segmentQuery segments a question: gse search mode over the trimmed
// dictionary, then adjacent Chinese tokens that together form a zh_s word
// the trimmed dictionary lacks (刑事+案件, 烟+台) are joined, as the full
// dictionary would have segmented them; the parts stay as sub-words.
func segmentQuery(seg *segmenter, words *wordList, text string) []string {
	folded := dict.Fold(strings.ToValidUTF8(text, "\uFFFD"))
	top := seg.top(folded)
	var out []string
	for i := 0; i < len(top); {
		if j, w := mergeAt(seg, words, top, i); j > i {
			// As in gse's search mode, single characters are not
			// sub-words: 烟+台 gives 烟台, 刑事+案件 gives 刑事 案件 刑事案件.
			for _, sg := range top[i:j] {
				for _, p := range appendSearch(nil, folded, sg.Token(), sg.Start(), sg.End(), 0) {
					if utf8.RuneCountInString(p.text) > 1 {
						out = append(out, p.text)
					}
				}
			}
			out = append(out, w)
			i = j
			continue
		}
		if sg := top[i]; isWord(folded[sg.Start():sg.End()]) {
			for _, p := range appendSearch(nil, folded, sg.Token(), sg.Start(), sg.End(), 0) {
				out = append(out, p.text)
			}
		}
		i++
	}
	return out
}

// mergeAt returns the end of the longest run of tokens from i that forms a
// known word absent from the segmenter's dictionary, or i when none does.
func mergeAt(seg *segmenter, words *wordList, top []gse.Segment, i int) (int, string) {
	if words == nil {
		return i, ""
	}
	var b strings.Builder
	best, bestWord := i, ""
	for j := i; j < len(top) && j < i+maxMerge; j++ {
		t := top[j].Token().Text()
		if !isHan(t) {
			break
		}
		b.WriteString(t)
		w := b.String()
		if utf8.RuneCountInString(w) > maxMergeRunes {
			break
		}
		prefix, word := words.lookup(w)
		if !prefix {
			break
		}
		if j > i && !seg.inDict(w) && word {
			best, bestWord = j+1, w
		}
	}
	return best, bestWord
}
