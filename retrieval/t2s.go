package retrieval

import (
	"strings"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// t2s converts as OpenCC's Convert does, from the same dictionaries,
// without what Convert allocates for every character of a question (its
// runes, a string of the next ten, a map of the keys matched and each key
// rebuilt from the trie). At each character the longest dictionary key
// starting there, of the first dictionary of the group with one, is
// replaced by its first value; a character no key starts with is kept.
type t2s struct{ groups []*opencc.Group }

func newT2S(cc *opencc.OpenCC) t2s { return t2s{groups: cc.DictChains} }

// t2sWindow is how many characters Convert looks ahead for a key.
const t2sWindow = 10

func (c t2s) convert(s string) string {
	for _, g := range c.groups {
		s = convertGroup(g, s)
	}
	return s
}

func convertGroup(g *opencc.Group, s string) string {
	b := []byte(s) // the trie walks bytes
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(b); {
		end := i
		for k := 0; k < t2sWindow && end < len(b); k++ {
			_, size := utf8.DecodeRune(b[end:])
			end += size
		}
		if n, v := longestKey(g, b[i:end]); n > 0 {
			out.WriteString(v)
			i += n
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		out.Write(b[i : i+size])
		i += size
	}
	return out.String()
}

// longestKey is the byte length of the longest key that window starts
// with, in the first of g's dictionaries holding one, and its first value;
// 0 when none does.
func longestKey(g *opencc.Group, window []byte) (int, string) {
	for _, d := range g.Dicts {
		best, value := 0, 0
		for from, i := 0, 0; i < len(window); i++ {
			to, err := d.Trie.Jump(window[i:i+1], from)
			if err != nil {
				break
			}
			if v, err := d.Trie.Value(to); err == nil {
				best, value = i+1, v
			}
			from = to
		}
		if best > 0 {
			return best, d.Values[value][0]
		}
	}
	return 0, ""
}
