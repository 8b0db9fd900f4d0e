package retrieval

import (
	"fmt"
	"strconv"

	index "github.com/blevesearch/bleve_index_api"
)

// docNumber is the passage number of the hit with internal id, its
// external id read as a number. The index does not change once built (the
// postings replayed rely on that too), so c remembers each id's number:
// reading it back from scorch decodes the document's stored id every time
// a passage is a hit. A nil c reads it every time. An index holds as many
// ids as passages, so what is kept is bounded by the index.
func (c *postingsCache) docNumber(r index.IndexReader, id index.IndexInternalID) (int, error) {
	if c != nil {
		if d, ok := c.docs.Load(id.Value()); ok {
			return d.(int), nil
		}
	}
	ext, err := r.ExternalID(id)
	if err != nil {
		return 0, err
	}
	d, err := strconv.Atoi(ext)
	if err != nil {
		return 0, fmt.Errorf("search: index returned unknown document %q", ext)
	}
	if c != nil {
		c.docs.Store(id.Value(), d)
	}
	return d, nil
}
