package corpus

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Declared is metadata a file states about itself (Markdown front matter,
// header lines of a plain-text file) or that comes with it (the embedded
// yearbook's data file). Zero fields are inferred.
type Declared struct {
	Title   string  `json:"title,omitempty"`
	Kind    DocKind `json:"kind,omitempty"`
	Place   Place   `json:"place"`
	Edition int     `json:"edition,omitempty"`
	Year    int     `json:"year,omitempty"`
}

// metaKeys maps the keys a file may declare, in English or Chinese, to
// their field.
var metaKeys = map[string]string{
	"title": "title", "标题": "title", "书名": "title",
	"place": "place", "地区": "place", "地点": "place", "地方": "place",
	"aliases": "aliases", "alias": "aliases", "别名": "aliases", "简称": "aliases",
	"year": "year", "年份": "year", "记述年份": "year", "记述年度": "year",
	"edition": "edition", "版本": "edition", "版次": "edition", "卷": "edition",
	"kind": "kind", "类型": "kind", "种类": "kind",
}

// maxMetaValueRunes bounds a declared value: a longer `地区：…` line is a
// paragraph, not metadata.
const maxMetaValueRunes = 80

// metaLine parses `key: value` (or `key：value`) with a known key.
func metaLine(l string) (field, value string, ok bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 {
		return "", "", false
	}
	key := strings.ToLower(strings.TrimSpace(l[:i]))
	field, ok = metaKeys[key]
	if !ok {
		return "", "", false
	}
	_, n := utf8.DecodeRuneInString(l[i:])
	value = strings.TrimSpace(l[i+n:])
	value = strings.Trim(value, `"'`)
	if utf8.RuneCountInString(value) > maxMetaValueRunes {
		return "", "", false
	}
	return field, value, true
}

// set stores one declared value; a bad year or kind is an error naming it.
func (d *Declared) set(field, value string) error {
	switch field {
	case "title":
		d.Title = value
	case "place":
		d.Place.Name = value
	case "aliases":
		d.Place.Aliases = splitList(value)
	case "year", "edition":
		y, err := strconv.Atoi(strings.TrimSuffix(value, "年"))
		if err != nil || y < 1900 || y > 2099 {
			return fmt.Errorf("%s %q is not a year", field, value)
		}
		if field == "year" {
			d.Year = y
		} else {
			d.Edition = y
		}
	case "kind":
		k, ok := kindWords[strings.ToLower(value)]
		if !ok {
			return fmt.Errorf("kind %q: want yearbook (年鉴), report (报告) or other (其他)", value)
		}
		d.Kind = k
	}
	return nil
}

var kindWords = map[string]DocKind{
	"yearbook": DocYearbook, "年鉴": DocYearbook,
	"report": DocReport, "报告": DocReport,
	"other": DocOther, "其他": DocOther,
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ' ' || r == '\u3000' || r == ';' || r == '；' || r == '/'
	})
}

// takeFrontMatter reads Markdown front matter (a first line `---`, `key:
// value` lines, a closing `---`) and blanks those lines, so every later
// line keeps its number in the file.
func takeFrontMatter(lines []string) (Declared, error) {
	var d Declared
	if len(lines) == 0 || lines[0] != "---" {
		return d, nil
	}
	end := slices.Index(lines[1:], "---")
	if end < 0 {
		return d, nil
	}
	end++
	for i := 1; i < end; i++ {
		if lines[i] == "" || strings.HasPrefix(lines[i], "#") {
			continue
		}
		field, value, ok := metaLine(lines[i])
		if !ok {
			return d, fmt.Errorf("line %d: front matter %q: want key: value with a key of title, place, aliases, year, edition, kind", i+1, lines[i])
		}
		if err := d.set(field, value); err != nil {
			return d, fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	for i := 0; i <= end; i++ {
		lines[i] = ""
	}
	return d, nil
}

// takeHeader reads the header of a plain-text file: an optional first
// line `# 标题` followed by `key: value` lines with known keys (地区：青岛市).
// Those lines are blanked, so paragraphs keep their line numbers.
func takeHeader(lines []string) (Declared, error) {
	var d Declared
	i := 0
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i < len(lines) {
		if t, ok := markdownHeading(lines[i], 1); ok {
			d.Title = t
			lines[i] = ""
			i++
		}
	}
	for ; i < len(lines); i++ {
		field, value, ok := metaLine(lines[i])
		if !ok {
			break
		}
		if err := d.set(field, value); err != nil {
			return d, fmt.Errorf("line %d: %w", i+1, err)
		}
		lines[i] = ""
	}
	return d, nil
}

// merge fills d's zero fields from o (o is what the file states; d what
// the caller declared, which wins).
func (d Declared) merge(o Declared) Declared {
	if d.Title == "" {
		d.Title = o.Title
	}
	if d.Kind == "" {
		d.Kind = o.Kind
	}
	if d.Place.Name == "" {
		d.Place = o.Place
	}
	if d.Edition == 0 {
		d.Edition = o.Edition
	}
	if d.Year == 0 {
		d.Year = o.Year
	}
	return d
}

// kindOf reads a document's kind from its title.
func kindOf(title string) DocKind {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "年鉴") || strings.Contains(t, "yearbook"):
		return DocYearbook
	case strings.Contains(t, "报告") || strings.Contains(t, "公报") || strings.Contains(t, "report"):
		return DocReport
	}
	return DocOther
}

// titleYear is the one year a title writes (青岛年鉴2021 → 2021), 0 when
// it writes none or several (1955-2025).
func titleYear(title string) int {
	found := 0
	for i := 0; i+4 <= len(title); i++ {
		if i > 0 && isDigit(title[i-1]) || !isYear(title[i:i+4]) || i+4 < len(title) && isDigit(title[i+4]) {
			continue
		}
		y, _ := strconv.Atoi(title[i : i+4])
		if found != 0 && found != y {
			return 0
		}
		found = y
	}
	return found
}

// coveredYear is the year a document reports on: a yearbook's edition
// reports on the year before it, a report is read as of its own year.
func coveredYear(kind DocKind, edition int) int {
	if edition == 0 {
		return 0
	}
	if kind == DocYearbook {
		return edition - 1
	}
	return edition
}

// dominance is the share of all place mentions the most mentioned place
// must have to be a whole text's subject.
const dominance = 0.5

// dominantPlace is the place a text names most, when it names it at least
// half the time; "" for a text of many places.
func dominantPlace(g *Gazetteer, texts []string) string {
	counts := map[string]int{}
	total := 0
	for _, t := range texts {
		for _, m := range g.mentions(t) {
			counts[g.Canonical(m)]++
			total++
		}
	}
	best := ""
	for p, n := range counts {
		if n > counts[best] || n == counts[best] && p < best {
			best = p
		}
	}
	if best == "" || float64(counts[best]) < dominance*float64(total) {
		return ""
	}
	return best
}

// resolvePlace completes a place from the divisions: the canonical name
// (青岛 → 青岛市), its short name and the places under it, keeping what the
// file declared.
func resolvePlace(g *Gazetteer, p Place) Place {
	if p.Name == "" {
		return p
	}
	full, ok := g.Place(g.Canonical(p.Name))
	if !ok {
		return p
	}
	if p.Name != full.Name {
		p.Aliases = append([]string{p.Name}, p.Aliases...)
		p.Name = full.Name
	}
	for _, a := range full.Aliases {
		if !slices.Contains(p.Aliases, a) {
			p.Aliases = append(p.Aliases, a)
		}
	}
	if len(p.Under) == 0 {
		p.Under = full.Under
	}
	return p
}

// parseDeclared reads a data file of metadata (JSON of Declared).
func parseDeclared(data []byte) (Declared, error) {
	var d Declared
	if err := json.Unmarshal(data, &d); err != nil {
		return d, fmt.Errorf("metadata: %w", err)
	}
	return d, nil
}
