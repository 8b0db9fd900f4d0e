package retrieval

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"

	"yearbookbot/retrieval/internal/dict"
)

//go:embed synonyms.txt
var synonymsTxt string

// synonyms maps a folded word to the groups it belongs to.
type synonyms struct {
	groups [][]string
	of     map[string][]int
	// years are the years the loaded yearbooks cover, for 去年 and 前年.
	years []int
}

func parseSynonyms(text string, years []int) *synonyms {
	s := &synonyms{of: map[string][]int{}, years: years}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, w := range strings.Fields(line) {
			if w = dict.Fold(w); !slices.Contains(g, w) {
				g = append(g, w)
			}
		}
		if len(g) < 2 {
			continue
		}
		for _, w := range g {
			s.of[w] = append(s.of[w], len(s.groups))
		}
		s.groups = append(s.groups, g)
	}
	return s
}

// words lists every word of every group, for the segmentation dictionary.
func (s *synonyms) words() []string {
	var out []string
	for _, g := range s.groups {
		out = append(out, g...)
	}
	return out
}

// relativeYears are the words for a year counted back from the one a
// yearbook covers: a user of the 2021 edition (covering 2020) says 去年.
var relativeYears = map[string]int{"去年": 0, "上一年": 0, "前年": 1}

// expand returns the other words of term's groups, the yearbook's form first.
func (s *synonyms) expand(term string) []string {
	term = dict.Fold(strings.TrimSpace(term))
	var out []string
	add := func(w string) {
		if w != term && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if back, ok := relativeYears[term]; ok {
		for _, y := range s.years {
			add(strconv.Itoa(y-back) + "年")
		}
	}
	for _, gi := range s.of[term] {
		for _, w := range s.groups[gi] {
			add(w)
		}
	}
	return out
}
