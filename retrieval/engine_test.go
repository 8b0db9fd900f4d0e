package retrieval

import (
	"slices"
	"strings"
	"testing"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/internal/dict"
)

// defaultEngine builds an engine on the embedded yearbook.
func defaultEngine(t testing.TB) *Engine {
	t.Helper()
	yb, err := corpus.Default()
	if err != nil {
		t.Fatalf("corpus.Default: %v", err)
	}
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestSearchFindsTheParagraph(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		terms            []string
		chapter, section string
		contains         string
	}{
		{[]string{"港口", "集装箱", "吞吐量"}, "海洋攻势", "港口航运大幅提升", "2201万标准箱"},
		{[]string{"机场建设"}, "交通基础设施建设攻势", "机场建设", "胶东国际机场"},
		{[]string{"实际使用外资"}, "“双招双引”攻势", "招商引资主要成效", "405.9亿元"},
		{[]string{"地铁", "运营", "里程"}, "交通基础设施建设攻势", "城区建设", "246千米"},
		{[]string{"海铁联运"}, "海洋攻势", "港口航运大幅提升", "165万标准箱"},
		// Query syntax inside a term is just text.
		{[]string{`+机场建设^9`, `"-:*~`}, "交通基础设施建设攻势", "机场建设", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.terms, " "), func(t *testing.T) {
			hits, err := e.Search(t.Context(), tt.terms, 3)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			h := hits[0]
			if h.Chapter != tt.chapter || h.Section != tt.section {
				t.Errorf("top hit %s › %s (line %d), want %s › %s", h.Chapter, h.Section, h.Line, tt.chapter, tt.section)
			}
			if !strings.Contains(h.Text, tt.contains) {
				t.Errorf("top hit text lacks %q: %s", tt.contains, h.Text)
			}
			if h.ParagraphID == "" || h.Line == 0 || len(h.Sources) == 0 || h.Yearbook == "" {
				t.Errorf("source not filled: %+v", h.Source)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("hits not best first: %v then %v", hits[i-1].Score, hits[i].Score)
				}
			}
		})
	}
}

func TestSearchWithoutUsableTerms(t *testing.T) {
	e := defaultEngine(t)
	for _, terms := range [][]string{nil, {}, {"", "  "}, {"？！", "😀"}, {"\xff\xfe"}} {
		hits, err := e.Search(t.Context(), terms, 5)
		if err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, %v; want none, nil", terms, len(hits), err)
		}
	}
}

func TestSearchHonoursN(t *testing.T) {
	e := defaultEngine(t)
	hits, err := e.Search(t.Context(), []string{"青岛"}, 2)
	if err != nil || len(hits) != 2 {
		t.Fatalf("Search n=2: %d hits, %v", len(hits), err)
	}
	many, err := e.Search(t.Context(), []string{"青岛"}, 100000)
	if err != nil || len(many) > len(e.Passages()) {
		t.Fatalf("Search n=100000: %d hits of %d passages, %v", len(many), len(e.Passages()), err)
	}
}

func TestSearchCancelled(t *testing.T) {
	e := defaultEngine(t)
	ctx, cancel := contextWithCancel(t)
	cancel()
	if _, err := e.Search(ctx, []string{"青岛"}, 3); err == nil {
		t.Error("Search with a cancelled context succeeded")
	}
}

func TestPassage(t *testing.T) {
	e := defaultEngine(t)
	ps := e.Passages()
	if len(ps) == 0 {
		t.Fatal("no passages")
	}
	want := ps[len(ps)/2]
	h, ok := e.Passage(want.Paragraph.ID)
	if !ok {
		t.Fatalf("Passage(%q) not found", want.Paragraph.ID)
	}
	if h.Text != want.Paragraph.Text || h.Line != want.Paragraph.Line || h.Section != want.Section || !slices.Equal(h.Sources, want.Sources) {
		t.Errorf("Passage(%q) = %+v, want %+v", want.Paragraph.ID, h, want)
	}
	if _, ok := e.Passage("no-such-id"); ok {
		t.Error("Passage of an unknown id found something")
	}
	if got := e.Yearbooks(); len(got) != 1 || got[0].Year != 2020 {
		t.Errorf("Yearbooks() = %d yearbooks, year %v", len(got), got)
	}
}

func TestExpand(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		term string
		want string
	}{
		{"胶东机场", "青岛胶东国际机场"},
		{"固投", "固定资产投资"},
		{"岛城", "青岛"},
		{"国企", "国有企业"},
		{"市属国企", "市属企业"},
		{"去年", "2020年"},
		{"前年", "2019年"},
		{"GDP", "地区生产总值"},
		{"大学", "高校"}, // users say 大学 where yearbooks write 高校
	}
	for _, tt := range tests {
		if got := e.Expand(tt.term); !slices.Contains(got, tt.want) {
			t.Errorf("Expand(%q) = %q, want it to contain %q", tt.term, got, tt.want)
		}
	}
	if got := e.Expand("集装箱吞吐量"); len(got) != 0 {
		t.Errorf("Expand of a word without synonyms = %q", got)
	}
	if got := e.Expand("固投")[0]; got != "固定资产投资" {
		t.Errorf("Expand(固投)[0] = %q, want the yearbook's form first", got)
	}
}

// 去年 is the year the yearbook covers, not a constant.
func TestExpandRelativeYearFollowsTheYearbook(t *testing.T) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	yb.Year = 2017
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if got := e.Expand("去年"); !slices.Equal(got, []string{"2017年"}) {
		t.Errorf("Expand(去年) = %q, want [2017年]", got)
	}
}

// The embedded dictionary must hold every zh_s word of the embedded
// yearbook, or the yearbook no longer segments as with gse's full
// dictionary. Run `go generate ./retrieval` after changing the yearbook or
// its parser.
func TestEmbeddedDictionaryCoversYearbook(t *testing.T) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	base, err := dict.Gunzip(dictGz)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := newSegmenter(base)
	if err != nil {
		t.Fatal(err)
	}
	words, err := loadWordList()
	if err != nil {
		t.Fatal(err)
	}
	texts := dict.Texts(yb)
	if missing := missingWords(seg, words, texts, 20); len(missing) > 0 {
		t.Errorf("embedded dictionary is stale, it lacks %q; run go generate ./retrieval", missing)
	}
	if got := dict.Sum(texts); got != strings.TrimSpace(dictSum) {
		t.Errorf("dict.sum does not match the embedded yearbook (%s); run go generate ./retrieval", got)
	}
}

// A corpus with words the embedded dictionary lacks gets them.
func TestBuildExtendsDictionaryForOtherCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	yb := tinyYearbook()
	e, err := Build(t.Context(), []corpus.Yearbook{yb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if !e.seg.inDict("刑事案件") {
		t.Error("刑事案件 of the corpus is not in the engine's dictionary")
	}
	hits, err := e.Search(t.Context(), []string{"刑事案件"}, 1)
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Text, "刑事案件") {
		t.Errorf("Search(刑事案件) = %v, %v", hits, err)
	}
}

func TestBuildRejectsEmptyCorpus(t *testing.T) {
	if _, err := Build(t.Context(), nil, Options{}); err == nil {
		t.Error("Build of no yearbooks succeeded")
	}
	if _, err := Build(t.Context(), []corpus.Yearbook{{Title: "空"}}, Options{}); err == nil {
		t.Error("Build of a yearbook without paragraphs succeeded")
	}
}

// tinyYearbook is a hand-made corpus whose words the embedded dictionary
// partly lacks (刑事案件 does not occur in the embedded yearbook).
func tinyYearbook() corpus.Yearbook {
	return corpus.Yearbook{
		Title: "测试年鉴",
		Year:  2020,
		File:  "tiny.txt",
		Chapters: []corpus.Chapter{{
			Title:   "平安建设",
			Sources: []string{"市公安局"},
			Sections: []corpus.Section{
				{Heading: "治安管理", Paragraphs: []corpus.Paragraph{
					{ID: "t1", Line: 1, Kind: corpus.KindParagraph, Text: "2020年，全市刑事案件发案数下降12.5%。"},
					{ID: "t2", Line: 2, Kind: corpus.KindParagraph, Text: "全市新建智能安防小区300个。"},
				}},
				{Heading: "交通管理", Paragraphs: []corpus.Paragraph{
					{ID: "t3", Line: 3, Kind: corpus.KindParagraph, Text: "2020年，道路交通事故死亡人数下降8%。"},
				}},
			},
		}},
	}
}

func TestConcurrentUse(t *testing.T) {
	e := defaultEngine(t)
	qs := []string{"青岛港去年集装箱吞吐量多少", "胶东机场什么时候转场", "烟台人口多少", "地铁运营里程"}
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			var err error
			for i := range 20 {
				q := qs[(g+i)%len(qs)]
				terms := e.Segment(e.Normalize(q))
				if _, err = e.Search(t.Context(), terms, 3); err != nil {
					break
				}
				// Ask shares the engine's caches across goroutines.
				if _, err = e.Ask(t.Context(), q); err != nil {
					break
				}
				e.Known("人口")
				e.Expand("去年")
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
