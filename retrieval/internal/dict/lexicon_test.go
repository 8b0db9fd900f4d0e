package dict

import (
	"maps"
	"slices"
	"testing"

	"github.com/go-ego/gse"

	"yearbookbot/corpus"
)

var unitInputs = []string{"", "a", "青岛港", "ＡＢＣ１２３集装箱", "iPhone15发布", "GDP增长3.5%", "カタカナ和ひらがな", "\xff\xfe青岛\xff", "a b  c", "😀青岛😀", "２０２０年", "ß和Straße", "x", "12", "中a", "a中"}

// unitEnds must cut text where gse's SplitTextToWords does.
func TestUnitEndsAreGseUnits(t *testing.T) {
	for _, s := range unitInputs {
		checkUnits(t, s)
	}
}

func FuzzUnitEnds(f *testing.F) {
	for _, s := range unitInputs {
		f.Add(s)
	}
	f.Fuzz(checkUnits)
}

func checkUnits(t *testing.T, s string) {
	var seg gse.Segmenter
	var want []string
	for _, u := range seg.SplitTextToWords([]byte(s)) {
		want = append(want, string(u))
	}
	var got []string
	start := 0
	for _, end := range unitEnds(s, nil) {
		got = append(got, asciiLower(s[start:end]))
		start = end
	}
	if start != len(s) || !slices.Equal(got, want) {
		t.Errorf("%q: units %q (up to %d), gse %q", s, got, start, want)
	}
}

// asciiLower is what gse does to a unit of Latin letters and digits.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// The lexicon must answer as gse's own dictionary does: the same words
// found in texts, the same entries selected.
func TestLexiconAgreesWithGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	full, err := Full()
	if err != nil {
		t.Fatal(err)
	}
	text, err := LexiconText(full)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := ParseLexicon(text)
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() != full.Dict.NumTokens() || lex.total != full.Dict.TotalFreq() {
		t.Errorf("lexicon: %d words, total %v; gse: %d, %v", lex.Len(), lex.total, full.Dict.NumTokens(), full.Dict.TotalFreq())
	}
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(Texts(yb), unitInputs...)
	texts = append(texts, "中华人民共和国国务院政府工作报告", "烟台市刑事案件发案数", "CPU和GPU芯片", "ＷＴＯ")
	got, want := lex.Occurring(texts), Occurring(full, texts)
	if !maps.Equal(got, want) {
		t.Errorf("Occurring: lexicon finds %d words, gse %d", len(got), len(want))
		for w := range want {
			if !got[w] {
				t.Errorf("lexicon misses %q", w)
			}
		}
	}
	for _, top := range []int{0, 1000, 20000} {
		if g, w := lex.Select(want, top), Select(full, want, top); !slices.Equal(g, w) {
			t.Errorf("Select(top %d): lexicon %d entries, gse %d", top, len(g), len(w))
		}
	}
}

func TestParseLexiconRejectsBadLines(t *testing.T) {
	for _, text := range []string{"", "词\n", "词\tx\tn\n", "\t1\tn\n", "词\t1\tn\n词\t2\tn\n"} {
		if _, err := ParseLexicon(text); err == nil {
			t.Errorf("ParseLexicon(%q) succeeded", text)
		}
	}
	lex, err := ParseLexicon("中国\t10\tns\n中\t2\tn\n")
	if err != nil {
		t.Fatal(err)
	}
	if !lex.Has("中国") || !lex.Has("中") || lex.Has("国") {
		t.Errorf("Has: 中国 %v, 中 %v, 国 %v", lex.Has("中国"), lex.Has("中"), lex.Has("国"))
	}
}
