package retrieval

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
)

// queryTokens remembers the tokens the index's analyzer cuts each search
// word into. Every question's words are analysed again for its search,
// and the words recur across questions (投资, 机场, 开工): gse's
// segmentation of a word was a sixth of a search's allocations. An
// index's analyzer never changes, so a word's tokens under it do not
// either; a scoped index may have another (buildScoped), so the tokens
// are kept by analyzer and word.
// At most maxQueryTokenWords words are kept, so questions of ever new
// words cannot grow it without bound; later words are analysed every
// time.
type queryTokens struct {
	m sync.Map // tokenKey → *wordTokens
	n atomic.Int32
}

// tokenKey is a word under an analyzer.
type tokenKey struct {
	a    analysis.Analyzer
	word string
}

// maxQueryTokenWords bounds the words queryTokens keeps.
const maxQueryTokenWords = 1 << 14

// wordTokens are a word's tokens' terms, as strings and as the analyzer
// gave them.
type wordTokens struct {
	terms []string
	raw   [][]byte
}

// of is word's tokens under a; c may be nil (nothing kept). The result
// is shared: callers must not change it.
func (c *queryTokens) of(a analysis.Analyzer, word string) *wordTokens {
	if c != nil {
		if v, ok := c.m.Load(tokenKey{a, word}); ok {
			return v.(*wordTokens)
		}
	}
	tokens := a.Analyze([]byte(word))
	wt := &wordTokens{terms: make([]string, len(tokens)), raw: make([][]byte, len(tokens))}
	for i, tok := range tokens {
		wt.terms[i] = string(tok.Term)
		wt.raw[i] = tok.Term
	}
	if c != nil && c.n.Load() < maxQueryTokenWords {
		if _, loaded := c.m.LoadOrStore(tokenKey{a, word}, wt); !loaded {
			c.n.Add(1)
		}
	}
	return wt
}
