package retrieval

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"yearbookbot/retrieval/extract"

	"yearbookbot/corpus"
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
	// areaGroups are the groups marked @area: the city's districts.
	areaGroups []int
	// listed is how many groups synonyms.txt gives; the documents'
	// places come after them (addPlaces).
	listed int
	// abbrs are the groups' abbreviations of two characters or more
	// with the yearbook's form (each group's first word), in group order:
	// what compounds rewrites.
	abbrs []abbreviation
	// longerOf caches longer's answer per listed term (folded term →
	// []string, shared: read only): every question asks it of its
	// words, and it scans every group.
	longerOf *sync.Map
}

// areaMark starts a group line naming a district or county-level city.
const areaMark = "@area"

func parseSynonyms(text string, years []int) *synonyms {
	s := &synonyms{of: map[string][]int{}, years: years, longerOf: &sync.Map{}}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		area := len(fields) > 0 && fields[0] == areaMark
		if area {
			fields = fields[1:]
		}
		s.add(fields, area)
	}
	s.listed = len(s.groups)
	return s
}

// add makes words one group (an area group when area is set); a group of
// fewer than two distinct words is nothing.
func (s *synonyms) add(words []string, area bool) {
	var g []string
	for _, w := range words {
		if w = dict.Fold(w); w != "" && !slices.Contains(g, w) {
			g = append(g, w)
		}
	}
	if len(g) < 2 {
		return
	}
	for _, w := range g {
		s.of[w] = append(s.of[w], len(s.groups))
	}
	s.longerOf.Clear() // a new group may hold a longer word
	for _, abbr := range g[1:] {
		if utf8.RuneCountInString(abbr) >= 2 {
			s.abbrs = append(s.abbrs, abbreviation{abbr: abbr, full: g[0]})
		}
	}
	if area {
		s.areaGroups = append(s.areaGroups, len(s.groups))
	}
	s.groups = append(s.groups, g)
}

// addPlaces adds each yearbook's place as a group (its aliases first, the
// names users type, then its name: 青岛 岛城 琴岛 青岛市) and the places
// under it as area groups, so place names live in the yearbook's metadata,
// not in the engine.
func (s *synonyms) addPlaces(ybs []corpus.Yearbook) {
	seen := map[string]bool{}
	for _, yb := range ybs {
		p := yb.Meta.Place
		if p.Name == "" || seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		s.add(append(slices.Clone(p.Aliases), p.Name), false)
		for _, u := range p.Under {
			s.add(append([]string{u.Name}, u.Aliases...), true)
		}
	}
}

// has reports whether w is a word of some group.
func (s *synonyms) has(w string) bool { return len(s.of[dict.Fold(w)]) > 0 }

// words lists every word of every group, for the segmentation dictionary.
func (s *synonyms) words() []string {
	var out []string
	for _, g := range s.groups {
		out = append(out, g...)
	}
	return out
}

// expand returns the other words of term's groups, the yearbook's form
// first; 去年 is each loaded yearbook's covered year.
func (s *synonyms) expand(term string) []string { return s.expandIn(term, s.years) }

// expandIn is expand with 去年 meaning the given covered years: those of
// the documents a question is scoped to.
func (s *synonyms) expandIn(term string, years []int) []string {
	term = dict.Fold(strings.TrimSpace(term))
	var out []string
	add := func(w string) {
		if w != term && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if back, ok := extract.RelativeYearOf(term); ok {
		for _, y := range years {
			add(strconv.Itoa(y-back) + "年")
		}
	}
	for _, gi := range s.of[term] {
		for _, w := range s.groups[gi] {
			add(w)
		}
	}
	if len(s.of[term]) == 0 {
		for _, w := range s.compounds(term) {
			add(w)
		}
	}
	return out
}

// compounds rewrites a word that begins or ends with a listed abbreviation
// into the yearbook's form (国企改革 → 国有企业改革): the segmenter keeps
// such compounds whole, so the group lookup alone never sees the
// abbreviation inside.
func (s *synonyms) compounds(term string) []string {
	var out []string
	for _, a := range s.abbrs {
		abbr := a.abbr
		if len(abbr) >= len(term) || !strings.HasPrefix(term, abbr) && !strings.HasSuffix(term, abbr) || strings.Contains(term, a.full) {
			continue
		}
		var w string
		if strings.HasPrefix(term, abbr) {
			w = a.full + term[len(abbr):]
		} else {
			w = term[:len(term)-len(abbr)] + a.full
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// partForms rewrite a label holding a group's yearbook form as a part
// (床位数 holds 床位) with each of the group's other words in its place
// (病床数): a user names a column with their word for its measure. Groups
// of places (districts, the documents' own place) name no measure and are
// left out, and so is a word holding the yearbook form (进出口总额 of
// 进出口), which would only double it.
func (s *synonyms) partForms(label string) []string {
	var out []string
	for gi, g := range s.groups[:s.listed] {
		full := g[0]
		if full == label || utf8.RuneCountInString(full) < 2 || !strings.Contains(label, full) || slices.Contains(s.areaGroups, gi) {
			continue
		}
		for _, w := range g[1:] {
			if v := strings.Replace(label, full, w, 1); !strings.Contains(w, full) && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// abbreviation is a group's abbreviation and the yearbook's form.
type abbreviation struct{ abbr, full string }

// longer returns the listed words that hold term but belong to no group
// of term's (海洋生产总值 holds 生产总值, a form of GDP): such a word in a
// text names another thing. The slice is shared: callers must not
// modify it.
func (s *synonyms) longer(term string) []string {
	term = dict.Fold(strings.TrimSpace(term))
	if term == "" {
		return nil
	}
	// Only a listed term is a specific thing; a plain word (企业) is
	// answered by the longer terms that hold it (民营企业).
	if len(s.of[term]) == 0 {
		return nil
	}
	if out, ok := s.longerOf.Load(term); ok {
		return out.([]string)
	}
	out := s.longerOfListed(term)
	s.longerOf.Store(term, out)
	return out
}

// longerOfListed is longer of a listed, folded term, computed.
func (s *synonyms) longerOfListed(term string) []string {
	own := map[int]bool{}
	for _, gi := range s.of[term] {
		own[gi] = true
	}
	var out []string
	for gi, g := range s.groups {
		if own[gi] {
			continue
		}
		for _, w := range g {
			if len(w) > len(term) && strings.Contains(w, term) && !slices.Contains(out, w) && !s.shares(w, own) {
				out = append(out, w)
			}
		}
	}
	return out
}

// shares reports whether w is in one of the groups own.
func (s *synonyms) shares(w string, own map[int]bool) bool {
	for _, gi := range s.of[w] {
		if own[gi] {
			return true
		}
	}
	return false
}

// areas lists the words of the groups marked as districts or county-level
// cities (@area 平度市 平度).
func (s *synonyms) areas() []string {
	var out []string
	for _, gi := range s.areaGroups {
		out = append(out, s.groups[gi]...)
	}
	return out
}
