package bot

import (
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// maxCallbackData is Telegram's limit on a button's callback_data, in bytes.
const maxCallbackData = 64

// Callback data kinds: "p:<id>" shows a paragraph (「原文」), "m:<id>,<id>…"
// the next best passages (「更多」), "s:<n>" refers to data that did not fit
// and was kept in the stash.
const (
	dataPassage = "p:"
	dataMore    = "m:"
	dataStash   = "s:"
)

// callbacks builds and reads callback data. Ids are used as they are when
// they fit; data that cannot fit 64 bytes (long paragraph ids, ids with a
// comma) is kept in a bounded table and the button carries its number. A
// restart empties the table: such a button then gets "expired".
type callbacks struct {
	stash *lru[uint64, string]
	seq   atomic.Uint64
}

func newCallbacks(size int) *callbacks {
	return &callbacks{stash: newLRU[uint64, string](size)}
}

// passage is the data of a 「原文」 button.
func (c *callbacks) passage(id string) string {
	return c.fit(dataPassage + id)
}

// more is the data of a 「更多」 button: "m:" and the ids, best first, when
// all of them fit; otherwise the stash holds the list and the data names it,
// followed by as many ids as still fit, which serve when the stash entry is
// gone (a restart, eviction).
func (c *callbacks) more(ids []string) string {
	direct := dataMore + strings.Join(ids, ",")
	if len(direct) <= maxCallbackData && len(ids) > 0 && !slices.ContainsFunc(ids, badID) {
		return direct
	}
	data := c.keep(dataMore + strings.Join(ids, "\x00"))
	for _, id := range ids {
		if badID(id) || len(data)+1+len(id) > maxCallbackData {
			break
		}
		data += "," + id
	}
	return data
}

func badID(id string) bool { return id == "" || strings.Contains(id, ",") }

func (c *callbacks) fit(data string) string {
	if len(data) <= maxCallbackData {
		return data
	}
	return c.keep(data)
}

// keep puts data in the stash and returns the short data naming it.
func (c *callbacks) keep(data string) string {
	n := c.seq.Add(1)
	c.stash.put(n, data)
	return dataStash + strconv.FormatUint(n, 36)
}

// parse reads button data back into its kind and ids; ok is false when the
// data is unknown or has expired from the stash.
func (c *callbacks) parse(data string) (kind string, ids []string, ok bool) {
	sep := "," // ids in data that fitted are separated by commas
	if rest, found := strings.CutPrefix(data, dataStash); found {
		ref, fallback, _ := strings.Cut(rest, ",")
		n, err := strconv.ParseUint(ref, 36, 64)
		if err != nil {
			return "", nil, false
		}
		if data, ok = c.stash.get(n); ok {
			sep = "\x00"
		} else if fallback != "" {
			data = dataMore + fallback
		} else {
			return "", nil, false
		}
	}
	switch {
	case strings.HasPrefix(data, dataPassage) && len(data) > len(dataPassage):
		return dataPassage, []string{data[len(dataPassage):]}, true
	case strings.HasPrefix(data, dataMore) && len(data) > len(dataMore):
		for _, id := range strings.Split(data[len(dataMore):], sep) {
			if id != "" {
				ids = append(ids, id)
			}
		}
		return dataMore, ids, len(ids) > 0
	}
	return "", nil, false
}
