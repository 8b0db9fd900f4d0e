package retrieval

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"

	"yearbookbot/corpus"
)

// TestT2SConvertsAsOpenCC checks the converter against OpenCC's own
// Convert on every question of the committed sets, the yearbook's text,
// and Traditional text where phrases and characters both convert.
func TestT2SConvertsAsOpenCC(t *testing.T) {
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"", "a", "青島港去年集裝箱吞吐量多少？", "乾隆年間的頭髮和後天的皇后", "一干二淨，鐘錶與鬧鐘",
		"臺灣、香港、澳門的發展計劃", "ABC 123 中國 𠀀 \uFFFD 著名 著作 瞭解 了解", "著",
		"這個問題的答案在於數據：2020年全市生產總值1.24萬億元，增長3.7%。",
	}
	for _, glob := range []string{"testdata/*.jsonl", "testdata/unfitted/*.jsonl"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			texts = append(texts, linesOf(t, f)...)
		}
	}
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range yb.Passages() {
		texts = append(texts, p.Paragraph.Text)
	}
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	conv := newT2S(cc)
	for _, s := range texts {
		want, err := cc.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		// The Traditional form too, so that phrases are matched.
		trad, err := s2t.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		wantTrad, _ := cc.Convert(trad)
		if got := conv.convert(s); got != want {
			t.Errorf("convert(%q) = %q, OpenCC %q", s, got, want)
		}
		if got := conv.convert(trad); got != wantTrad {
			t.Errorf("convert(%q) = %q, OpenCC %q", trad, got, wantTrad)
		}
	}
}

func linesOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, strings.TrimSpace(sc.Text()))
	}
	return out
}

// TestNormalizeSkipsOnlyWhatChangesNothing checks Normalize, which skips
// the patterns and the space folding that cannot change a text, against
// the plain steps run on every text.
func TestNormalizeSkipsOnlyWhatChangesNothing(t *testing.T) {
	n, err := newNormalizer()
	if err != nil {
		t.Fatal(err)
	}
	plain := func(q string) string {
		q = capRunes(q, rawCap)
		q = strings.ToValidUTF8(q, "\uFFFD")
		q = norm.NFKC.String(q)
		q = commandRe.ReplaceAllString(q, "$1 ")
		q = mentionRe.ReplaceAllString(q, " ")
		q = tagRe.ReplaceAllString(q, " ")
		q = strings.Map(func(r rune) rune {
			switch {
			case unicode.IsSpace(r), unicode.IsControl(r):
				return ' '
			case unicode.Is(unicode.Cf, r), r == '\u200b':
				return -1
			}
			return r
		}, q)
		q = strings.Join(strings.Fields(q), " ")
		if s, err := n.t2s.Convert(q); err == nil && utf8.ValidString(s) {
			q = s
		}
		return capRunes(expandShortYears(q), maxQueryRunes)
	}
	for _, q := range []string{
		"", " ", "青岛港去年集装箱吞吐量多少？", "/ask 港口", "／ask@yearbook_bot　港口", "@yearbook_bot 港口", "港口 @ab 1/7",
		"<b>港口</b> 吞吐量", "a < b", "  两个  空格 ", "\t制表\n换行\u200b零宽\u00a0", "21年GDP", "\xff坏字节",
	} {
		if got, want := n.Normalize(q), plain(q); got != want {
			t.Errorf("Normalize(%q) = %q, the plain steps %q", q, got, want)
		}
	}
}
