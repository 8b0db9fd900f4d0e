package extract

import (
	"slices"
	"testing"
)

// Common words the documents write together are one key term: each alone
// is too common to tell a sentence apart.
func TestSeenPhraseIsKey(t *testing.T) {
	common := func(w string) Token { return Token{Text: w, Pos: "v", Freq: 1 << 20, Known: true} }
	toks := map[string]Token{"道路": {Text: "道路", Pos: "n", Freq: 100, Known: true}}
	for _, w := range []string{"清扫", "保洁", "作业", "完成"} {
		toks[w] = common(w)
	}
	// 保洁作业 is written too: the tail of a phrase found is no second term.
	written := []string{"清扫保洁作业", "保洁作业", "道路"}
	lex := Lexicon{Segment: dictSegmenter(toks), Seen: func(w string) bool { return slices.Contains(written, w) }}
	tests := []struct {
		key  string
		want []string // key terms
	}{
		{"道路清扫保洁作业", []string{"道路", "清扫保洁作业"}},
		// Not written together: each word stays as common as it is.
		{"道路保洁清扫", []string{"道路"}},
		{"完成清扫", []string{}},
		{"道路保洁作业", []string{"道路", "保洁作业"}},
	}
	for _, tt := range tests {
		got := []string{}
		for _, term := range Terms(Part{Key: tt.key}, lex) {
			if term.Key {
				got = append(got, term.Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: key terms %q, want %q", tt.key, got, tt.want)
		}
	}
}
