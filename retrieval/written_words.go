package retrieval

import (
	"sync"
	"sync/atomic"
)

// writtenWords remembers whether a document writes a word, as its
// written index answered: every question asks it of each of its terms
// and their forms (Seen), the words recur across questions, and the
// document's text does not change. At most maxWrittenWords words are
// kept over all documents (each document gets its share, at least
// minWrittenWords), so questions of ever new words cannot grow it without
// bound, however many documents are loaded; later words ask the index
// every time.
type writtenWords struct {
	m sync.Map // canonical word → bool
	n atomic.Int32
}

// maxWrittenWords bounds the words remembered over all documents (about
// 140 bytes each), minWrittenWords the share of one.
const (
	maxWrittenWords = 1 << 15
	minWrittenWords = 1 << 10
)

// writtenShare is how many words each of n documents may remember.
func writtenShare(n int) int32 { return int32(max(minWrittenWords, maxWrittenWords/max(n, 1))) }

// writes reports whether document di writes w (canonical, lower case,
// not empty), through its writtenWords.
func (e *Engine) writes(di int, w string) bool {
	ww := &e.written[di].words
	if v, ok := ww.m.Load(w); ok {
		return v.(bool)
	}
	held := len(e.writtenOf(di).Lookup([]byte(w), 1)) > 0
	if ww.n.Load() < writtenShare(len(e.written)) {
		if _, loaded := ww.m.LoadOrStore(w, held); !loaded {
			ww.n.Add(1)
		}
	}
	return held
}
