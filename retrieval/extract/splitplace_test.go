package extract

import (
	"testing"
	"unicode/utf8"
)

// TestSplitPlace checks that a township the segmenter cut into single
// characters (月 河 镇) is read whole, and key, when no document writes
// it, so that unseen-place refuses it; a written one is left to the run of
// fragments, a word of two characters (农村) is no piece of a name, and
// characters whose last two the documents write as no name's end are none.
func TestSplitPlace(t *testing.T) {
	seen := func(w string) bool { return w == "乙河镇" || w == "河镇" }
	seg := func(text string) []Token {
		var out []Token
		for _, r := range text {
			out = append(out, Token{Text: string(r), Pos: "n"})
		}
		return out
	}
	for _, tc := range []struct {
		toks []Token
		want string
	}{
		{seg("甲河镇"), "甲河镇"},
		{seg("乙河镇"), ""},
		{[]Token{{Text: "新", Pos: "a"}, {Text: "农村", Pos: "n"}}, ""},
		{seg("甲河"), ""},
		// A phrase cut into characters ends no name the documents write;
		// a longer run is no name of two characters.
		{seg("丁医下乡"), ""},
		{seg("丙甲河镇"), ""},
	} {
		b := termBuilder{lex: Lexicon{Seen: seen}, seen: map[string]bool{}}
		b.addWords(tc.toks)
		got := ""
		for _, term := range b.out {
			if term.Place && term.Key && term.Unseen {
				got = term.Text
			}
		}
		if got != tc.want {
			t.Errorf("%v: unseen place %q, want %q", tc.toks, got, tc.want)
		}
	}
	if got := unseenPlace(termsOfToks(seg("甲河镇有几家"), seen)); got != "甲河镇" {
		t.Errorf("unseenPlace = %q, want 甲河镇", got)
	}
}

func termsOfToks(toks []Token, seen func(string) bool) []Term {
	b := termBuilder{lex: Lexicon{Seen: seen}, seen: map[string]bool{}}
	b.addWords(toks)
	return b.out
}

// TestKnownPlaceJoined checks that a township the setting knows, cut by
// the segmenter after its first character (甲 城镇) or before its kind (乙丁
// 镇), is one place term,
// while two words of their own (丙市 农村) join into none.
func TestKnownPlaceJoined(t *testing.T) {
	places := func(w string) bool { return w == "甲城镇" || w == "丙市农村" || w == "乙丁镇" }
	lex := Lexicon{Setting: Setting{IsPlace: places}}
	for _, tc := range []struct {
		toks []Token
		want string
	}{
		{[]Token{{Text: "甲", Pos: "n"}, {Text: "城镇", Pos: "n"}, {Text: "人口", Pos: "n"}}, "甲城镇"},
		{[]Token{{Text: "丙市", Pos: "ns"}, {Text: "农村", Pos: "n"}}, ""},
		{[]Token{{Text: "丁", Pos: "n"}, {Text: "城镇", Pos: "n"}}, ""},
		{[]Token{{Text: "乙丁", Pos: "n"}, {Text: "镇", Pos: "n"}, {Text: "人口", Pos: "n"}}, "乙丁镇"},
	} {
		b := termBuilder{lex: lex, seen: map[string]bool{}}
		b.addWords(tc.toks)
		got := ""
		for _, term := range b.out {
			if term.Place && term.Proper && utf8.RuneCountInString(term.Text) > 2 {
				got = term.Text
			}
		}
		if got != tc.want {
			t.Errorf("%v: joined place %q, want %q", tc.toks, got, tc.want)
		}
	}
}
