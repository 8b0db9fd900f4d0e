package dict

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"yearbookbot/corpus"
)

// Every rune foldPlain folds on its own must fold so in NFKC, and must not
// combine with the rune before it, or folding rune by rune would differ.
func TestPlainFoldIsNFKC(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f, ok := plainFold(r)
		if !ok {
			continue
		}
		s := string(r)
		if got, want := string(f), foldSlow(s); got != want {
			t.Errorf("%U: plainFold %q, NFKC and lower case %q", r, got, want)
		}
		if !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U combines with the rune before it", r)
		}
	}
}

var foldInputs = []string{"", "青岛港", "ＡＢＣ１２３，集装箱（万标准箱）", "GDP增长3.5%", "e\u0301", "Ａ\u0301", "…", "\xff青岛", "ﬁ", "㈱", "İstanbul", "“青岛”、《年鉴》—·"}

func TestFoldMatchesNFKC(t *testing.T) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(Texts(yb), foldInputs...) {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range foldInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
