package retrieval

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// measureFormsCache remembers measureFormsOf's words per measure word,
// term and documents. Finding them reads every paragraph of the
// documents for a term they never write, for each such term of every
// question asking a count; the result depends on the documents alone,
// which do not change. At most maxMeasureForms entries are kept, so
// questions of ever new words cannot grow it without bound; later ones
// are read every time.
type measureFormsCache struct {
	m sync.Map // measureKey → []string
	n atomic.Int32
}

// maxMeasureForms bounds the entries measureFormsCache keeps.
const maxMeasureForms = 1 << 14

// measureFormsCached is measureFormsOf through e's cache. The result is
// shared: callers must not change it.
func (e *Engine) measureFormsCached(unit rune, term string, docs []int) []string {
	c := e.measureCache
	if c == nil {
		return e.measureFormsOf(unit, term, docs)
	}
	key := measureKey(unit, term, docs)
	if v, ok := c.m.Load(key); ok {
		return v.([]string)
	}
	out := e.measureFormsOf(unit, term, docs)
	if c.n.Load() < maxMeasureForms {
		if _, loaded := c.m.LoadOrStore(key, out); !loaded {
			c.n.Add(1)
		}
	}
	return out
}

// measureKey writes out measureFormsOf's arguments; docs nil (every
// document) is kept apart from an empty list.
func measureKey(unit rune, term string, docs []int) string {
	var b strings.Builder
	b.WriteRune(unit)
	b.WriteByte(0)
	b.WriteString(term)
	b.WriteByte(0)
	if docs == nil {
		b.WriteByte('*')
	}
	for _, d := range docs {
		b.WriteString(strconv.Itoa(d))
		b.WriteByte(',')
	}
	return b.String()
}
