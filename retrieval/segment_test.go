package retrieval

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-ego/gse"

	"yearbookbot/retrieval/internal/dict"
)

func TestSegment(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		text  string
		words []string // must all be tokens
	}{
		{"青岛港去年集装箱吞吐量多少", []string{"青岛港", "去年", "集装箱", "吞吐量", "多少"}},
		{"海铁联运箱量全国排第几", []string{"联运", "全国", "第几"}},
		{"烟台人口多少", []string{"烟台", "人口"}},
		{"胶东机场什么时候转场投运", []string{"胶东机场", "转场", "投运"}},
		{"去年刑事案件数量", []string{"刑事案件"}},
		{"固投增长多少", []string{"固投"}},
		{"岛城的GDP", []string{"岛城", "gdp"}},
		{"２０２０年ＧＤＰ", []string{"gdp"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := e.Segment(tt.text)
			for _, w := range tt.words {
				if !slices.Contains(got, w) {
					t.Errorf("Segment(%q) = %q, lacks %q", tt.text, got, w)
				}
			}
		})
	}
}

func TestSegmentDropsPunctuation(t *testing.T) {
	e := defaultEngine(t)
	for _, text := range []string{"海水淡化，能力？！ 多少。", "😀 +-:*^\"~ <b>", "\xff\xfe", ""} {
		for _, w := range e.Segment(text) {
			if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
				t.Errorf("Segment(%q) has token %q without a letter or digit", text, w)
			}
		}
	}
}

func TestKnown(t *testing.T) {
	e := defaultEngine(t)
	for _, w := range []string{"人口", "烟台", "GDP", "gdp", "转场", "投运", "刑事案件", "集装箱", "吞吐量", "固投", "岛城"} {
		if !e.Known(w) {
			t.Errorf("Known(%q) = false", w)
		}
	}
	for _, w := range []string{"", " ", "的的的的", "zzqx", "\xff", "箱吞"} {
		if e.Known(w) {
			t.Errorf("Known(%q) = true", w)
		}
	}
}

// The embedded trimmed dictionary segments the yearbook exactly as gse's
// full zh_s dictionary does (the engine then adds the synonym words, which
// keeps 乡村振兴 or 市属企业 whole on purpose). Every paragraph is checked.
func TestTrimmedDictionaryMatchesFullDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	e := defaultEngine(t)
	base, err := dict.Gunzip(dictGz)
	if err != nil {
		t.Fatal(err)
	}
	trimmed, err := newSegmenter(base)
	if err != nil {
		t.Fatal(err)
	}
	full, err := fullSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	questions := []string{"青岛港去年集装箱吞吐量多少", "财政给15个攻势拨了多少专项资金", "地铁运营里程全国排第几", "青岛海水淡化一天能产多少水"}
	for _, p := range e.Passages() {
		questions = append(questions, p.Paragraph.Text)
	}
	for _, q := range questions {
		text := dict.Fold(q)
		got, want := texts(trimmed.pieces(text)), texts(full.pieces(text))
		if !slices.Equal(got, want) {
			t.Errorf("%s:\ntrimmed %q\nfull    %q", q, got, want)
		}
	}
}

func texts(ps []piece) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}

func FuzzSegment(f *testing.F) {
	e := defaultEngine(f)
	for _, s := range []string{"青岛港去年集装箱吞吐量多少", "烟台人口", "\xff\x00", "+-:*^\"~", "ＡＢＣ１２３", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range e.Segment(e.Normalize(s)) {
			if w == "" {
				t.Errorf("Segment(%q) has an empty token", s)
			}
		}
		if _, err := e.Search(t.Context(), e.Segment(s), 3); err != nil {
			t.Errorf("Search(Segment(%q)): %v", s, err)
		}
	})
}

// piecesByTokenText is pieces as gse itself names the tokens (Token.Text);
// pieces reads them off the folded text instead, which must give the same.
func piecesByTokenText(s *segmenter, folded string) []string {
	var out []string
	var walk func(tok *gse.Token)
	walk = func(tok *gse.Token) {
		terminal := true
		for _, sub := range tok.Segments() {
			t := sub.Token()
			if len(t.Segments()) > 1 || gse.IsJp(firstRune(t.Text())) {
				terminal = false
			}
			if !terminal {
				walk(t)
			}
		}
		if isWord(tok.Text()) {
			out = append(out, tok.Text())
		}
	}
	for _, sg := range s.top(folded) {
		if isWord(sg.Token().Text()) {
			walk(sg.Token())
		}
	}
	return out
}

func TestPiecesAreGseTokenTexts(t *testing.T) {
	e := defaultEngine(t)
	inputs := []string{"ＡＢＣ１２３集装箱", "iPhone15发布", "GDP增长3.5%", "カタカナ和ひらがな混在", "\xff\xfe青岛", "2020年青岛港", "a b  c", "😀青岛😀"}
	for _, p := range e.Passages() {
		inputs = append(inputs, p.Paragraph.Text, p.Section, p.Chapter)
	}
	for _, in := range inputs {
		folded := dict.Fold(strings.ToValidUTF8(in, "\uFFFD"))
		got, want := texts(e.seg.pieces(folded)), piecesByTokenText(e.seg, folded)
		if !slices.Equal(got, want) {
			t.Errorf("%q:\npieces     %q\ntoken text %q", in, got, want)
		}
	}
}

func TestIsKanaIsGseIsJp(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		s := string(r) + "x"
		if isKana(s) != gse.IsJp(firstRune(s)) {
			t.Errorf("%U: isKana %v", r, isKana(s))
		}
	}
}
