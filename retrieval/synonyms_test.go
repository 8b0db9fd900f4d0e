package retrieval

import (
	"slices"
	"testing"

	"yearbookbot/corpus"
)

func TestSynonymsLongerNamesOtherThings(t *testing.T) {
	s := parseSynonyms("地区生产总值 GDP 生产总值\n海洋生产总值 海洋GDP\n企业 公司\n民营企业 民企\n", nil)
	if got := s.longer("生产总值"); !slices.Equal(got, []string{"海洋生产总值"}) {
		t.Errorf("longer(生产总值) = %q, want [海洋生产总值]", got)
	}
	if got := s.longer("海洋生产总值"); len(got) != 0 {
		t.Errorf("longer(海洋生产总值) = %q, want none", got)
	}
	if got := s.longer("创新"); len(got) != 0 {
		t.Errorf("longer of an unlisted word = %q, want none: a plain word is answered by its longer forms", got)
	}
}

// TestSynonymsLongerIsRemembered checks longer's cache: the same answer
// asked again, and a group added later (addPlaces) heard of.
func TestSynonymsLongerIsRemembered(t *testing.T) {
	s := parseSynonyms("地区生产总值 GDP 生产总值\n", nil)
	if got := s.longer("生产总值"); len(got) != 0 {
		t.Fatalf("longer(生产总值) = %q, want none", got)
	}
	s.add([]string{"海洋生产总值", "海洋GDP"}, false)
	for range 2 {
		if got := s.longer("生产总值"); !slices.Equal(got, []string{"海洋生产总值"}) {
			t.Errorf("longer(生产总值) after a group was added = %q, want [海洋生产总值]", got)
		}
	}
}

func TestSynonymsAreas(t *testing.T) {
	s := parseSynonyms("青岛 岛城\n@area 平度市 平度\n自由贸易试验区 自贸区\n@area 城阳区 城阳\n", nil)
	if got := s.areas(); !slices.Equal(got, []string{"平度市", "平度", "城阳区", "城阳"}) {
		t.Errorf("areas = %q, want the @area groups", got)
	}
	if got := s.expand("平度"); !slices.Equal(got, []string{"平度市"}) {
		t.Errorf("expand(平度) = %q: an @area group is a synonym group too", got)
	}
	if slices.Contains(s.words(), "@area") {
		t.Errorf("the @area mark is taken for a word: %q", s.words())
	}
}

func TestSynonymsRewriteCompoundsOfAnAbbreviation(t *testing.T) {
	s := parseSynonyms("国有企业 国企\n市属企业 市属国企\n固定资产投资 固投\n", nil)
	for _, tc := range []struct {
		term string
		want []string
	}{
		{"国企改革", []string{"国有企业改革"}},
		{"全市固投", []string{"全市固定资产投资"}},
		// A listed word keeps its own group only.
		{"市属国企", []string{"市属企业"}},
		// A word already written the yearbook's way is left alone.
		{"国有企业改革", nil},
	} {
		if got := s.expand(tc.term); !slices.Equal(got, tc.want) {
			t.Errorf("expand(%s) = %q, want %q", tc.term, got, tc.want)
		}
	}
}

// Place names come from each yearbook's metadata, not from the engine: the
// embedded yearbook brings 岛城 and its districts, another yearbook its own.
func TestSynonymsFromMeta(t *testing.T) {
	qd, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	other := corpus.Yearbook{Title: "示例年鉴2022", Meta: corpus.Meta{Place: corpus.Place{
		Name: "示例市", Aliases: []string{"样城"}, Under: []corpus.Place{{Name: "东湖区", Aliases: []string{"东湖"}}},
	}}}
	for _, tc := range []struct {
		name       string
		ybs        []corpus.Yearbook
		word, want string
		area       string
		noArea     string
	}{
		{"embedded", []corpus.Yearbook{qd}, "岛城", "青岛市", "胶州", "东湖"},
		{"other", []corpus.Yearbook{other}, "样城", "示例市", "东湖区", "胶州"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := parseSynonyms(synonymsTxt, nil)
			s.addPlaces(tc.ybs)
			if got := s.expand(tc.word); !slices.Contains(got, tc.want) {
				t.Errorf("expand(%s) = %q, want %s in it", tc.word, got, tc.want)
			}
			if a := s.areas(); !slices.Contains(a, tc.area) || slices.Contains(a, tc.noArea) {
				t.Errorf("areas = %q, want %s and not %s", a, tc.area, tc.noArea)
			}
		})
	}
	if s := parseSynonyms(synonymsTxt, nil); len(s.expand("岛城")) > 0 || len(s.areas()) > 0 {
		t.Errorf("synonyms.txt still names places: 岛城 → %q, areas %q", s.expand("岛城"), s.areas())
	}
}

// TestPartForms checks that a label holding a group's yearbook form is
// named by the group's other words, and that places and words holding the
// yearbook form give no forms.
func TestPartForms(t *testing.T) {
	s := parseSynonyms("床位 病床\n进出口 外贸 进出口总额\n@area 甲区 甲城\n", nil)
	s.addPlaces([]corpus.Yearbook{{Meta: corpus.Meta{Place: corpus.Place{Name: "乙市", Aliases: []string{"乙城"}}}}})
	for label, want := range map[string][]string{
		"床位数":    {"病床数"},
		"进出口总额":  {"外贸总额"},
		"甲区人口":   nil,
		"乙市港吞吐量": nil,
	} {
		if got := s.partForms(label); !slices.Equal(got, want) {
			t.Errorf("partForms(%s) = %q, want %q", label, got, want)
		}
	}
}
