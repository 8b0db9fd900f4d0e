package retrieval

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"

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
