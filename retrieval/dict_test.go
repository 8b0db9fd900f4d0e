package retrieval

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"yearbookbot/retrieval/internal/dict"
)

// wordList bisects byte offsets of the embedded list; a sorted slice
// searched the ordinary way must agree with it.
func TestWordListAgreesWithSortedSlice(t *testing.T) {
	small := newWordList("a\nab\nabc\nb\n中国\n中国人\n")
	real, err := loadWordList()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []*wordList{small, real} {
		words := strings.Split(strings.TrimSuffix(w.blob, "\n"), "\n")
		set := map[string]bool{}
		for _, x := range words {
			set[x] = true
		}
		probes := []string{"", "a", "aa", "abd", "z", "\xff", "中", "中国", "中国人民", "烟台", "刑事案件", "人口"}
		for i := 0; i < len(words); i += 97 {
			first, _ := utf8.DecodeRuneInString(words[i])
			probes = append(probes, words[i], words[i]+"x", words[i][:len(words[i])-1], string(first), string(first)+"\xff", string(first+1))
		}
		for _, p := range probes {
			i, _ := slices.BinarySearch(words, p)
			wantPrefix := i < len(words) && strings.HasPrefix(words[i], p)
			if got := w.has(p); got != (set[p] && p != "") {
				t.Errorf("has(%q) = %v", p, got)
			}
			if got := w.hasPrefix(p); got != wantPrefix {
				t.Errorf("hasPrefix(%q) = %v, want %v", p, got, wantPrefix)
			}
			if prefix, word := w.lookup(p); prefix != wantPrefix || word != (set[p] && p != "") {
				t.Errorf("lookup(%q) = %v, %v", p, prefix, word)
			}
		}
	}
}

// The embedded lexicon and word list are gse's zh_s dictionary as it is
// now; after a gse upgrade, run go generate ./retrieval.
func TestEmbeddedLexiconIsGses(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	full, err := dict.Full()
	if err != nil {
		t.Fatal(err)
	}
	want, err := dict.LexiconText(full)
	if err != nil {
		t.Fatal(err)
	}
	got, err := dict.Gunzip(lexiconGz)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Error("lexicon.txt.gz is not gse's zh_s dictionary; run go generate ./retrieval")
	}
	if dict.Words(full) != wordsTxt {
		t.Error("words.txt is not gse's zh_s word list; run go generate ./retrieval")
	}
}

// groupsOf finds each first character's run of lines; a character in two
// runs (a list out of order) gets none, so its words search everything.
func TestWordGroups(t *testing.T) {
	blob := "a\nab\nb\n\xff\n中国\n中国人\n人\n中\n"
	got := groupsOf(blob)
	want := map[rune]lineSpan{'a': {0, 5}, 'b': {5, 7}, '人': {26, 30}}
	if len(got) != len(want) {
		t.Errorf("groupsOf = %v, want %v", got, want)
	}
	for r, sp := range want {
		if got[r] != sp {
			t.Errorf("group %q = %v, want %v", r, got[r], sp)
		}
	}
	var g wordGroups
	if lo, hi := g.span(blob, "中国"); lo != 0 || hi != len(blob) {
		t.Errorf("span(中国) = %d, %d: a split group must search the whole list", lo, hi)
	}
}
