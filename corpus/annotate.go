package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// annotate sets the yearbook's Meta and Year and each paragraph's places:
// what the file (or the caller) declares wins; else the title's year and
// place (a known division, else a yearbook's name ending in a level);
// else, for a file of one document, the place and year its text
// names most. A file of many documents (datelines inside it) has no place
// of its own: each paragraph keeps the place of its document and its own.
func annotate(yb *Yearbook, decl Declared) {
	g := NewGazetteer(decl.Place)
	var texts []string
	for _, p := range yb.Passages() {
		texts = append(texts, p.Paragraph.Text)
	}
	many := countDocumentStarts(g, texts) >= 2

	m := Meta{Kind: decl.Kind, Place: decl.Place, Edition: decl.Edition}
	if m.Kind == "" {
		m.Kind = kindOf(yb.Title)
	}
	if m.Edition == 0 {
		m.Edition = titleYear(yb.Title)
	}
	if m.Place.Name == "" {
		m.Place.Name = mostSpecific(g, g.Find(yb.Title))
	}
	if m.Place.Name == "" {
		m.Place.Name = titlePlace(yb.Title)
	}
	if m.Place.Name == "" && !many {
		m.Place.Name = dominantPlace(g, texts)
	}
	m.Place = resolvePlace(g, m.Place)
	year := decl.Year
	if year == 0 {
		year = coveredYear(m.Kind, m.Edition)
	}
	if year == 0 && !many {
		year = dominantYear(strings.Join(texts, "\n"))
	}
	yb.Meta, yb.Year = m, year

	if m.Place.Name != "" {
		g = NewGazetteer(m.Place)
	}
	var (
		docPlace string
		docYear  int
		started  bool // the paragraph before opened a document
	)
	for ci := range yb.Chapters {
		for si := range yb.Chapters[ci].Sections {
			ps := yb.Chapters[ci].Sections[si].Paragraphs
			for pi := range ps {
				p := &ps[pi]
				p.Places = g.Find(p.Text)
				if m.Place.Name != "" {
					continue
				}
				place, y, ok := documentStart(g, p.Text)
				switch {
				case ok && y == 0 && started:
					// 现在，我代表… right after the dateline: the same document.
					if place != "" {
						docPlace = place
					}
				case ok:
					docPlace, docYear = place, y
				}
				started = ok
				if docPlace != "" && !slices.Contains(p.Places, docPlace) {
					p.Places = append([]string{docPlace}, p.Places...)
				}
				p.Year = docYear
			}
		}
	}
}

// mostSpecific picks the lowest division among places (青岛市黄岛区年鉴 →
// 黄岛区), the first on a tie.
func mostSpecific(g *Gazetteer, places []string) string {
	best, level := "", -1
	for _, p := range places {
		l := 0
		if cs := g.Codes(p); len(cs) > 0 {
			d, _ := g.Division(cs[0])
			l = d.Level()
		}
		if l > level {
			best, level = p, l
		}
	}
	return best
}

// maxDatelineRunes bounds a dateline: a longer line is a paragraph.
const maxDatelineRunes = 100

// documentStart recognises the line that opens a document inside a file of
// many: a dateline (——2026年1月27日在山东省第十四届人民代表大会第四次会议上) or
// a title line ending in 年鉴/报告/公报 with a year, giving the document's
// place and year; or the opening of a government report (现在，我代表…向大会
// 报告), which starts a document whose place is what it names, if anything.
func documentStart(g *Gazetteer, text string) (place string, year int, ok bool) {
	if y, ok := datelineYear(text); ok {
		return mostSpecific(g, g.Find(text)), y, true
	}
	if i := strings.Index(text, "我代表"); i >= 0 && i < 40 && strings.Contains(text, "向大会") {
		rest := text[i:]
		if j := strings.Index(rest, "向大会"); j > 0 {
			return mostSpecific(g, g.Find(rest[:j])), 0, true
		}
	}
	return "", 0, false
}

// countDocumentStarts counts the datelines and title lines of a text.
func countDocumentStarts(g *Gazetteer, texts []string) int {
	n := 0
	for _, t := range texts {
		if _, y, ok := documentStart(g, t); ok && y > 0 {
			n++
		}
	}
	return n
}

// maxTitlePlaceRunes bounds the name a title writes before 年鉴: longer
// runs are a subject (某某地区农业机械化发展统计), not a place.
const maxTitlePlaceRunes = 10

// titlePlace is the name a yearbook's title writes before 年鉴 when it
// ends in a level of division (甲乙县年鉴2024 → 甲乙县): a place the
// divisions do not list (a new or a made-up one) is still the title's.
// The text would give only the division it names most, which may be a
// name standing inside a word (建成县级 holds 成县).
func titlePlace(title string) string {
	name, _, ok := strings.Cut(title, "年鉴")
	if !ok {
		return ""
	}
	notHan := func(r rune) bool { return !unicode.Is(unicode.Han, r) }
	name = strings.TrimFunc(name, notHan)
	if n := utf8.RuneCountInString(name); n < 2 || n > maxTitlePlaceRunes || strings.ContainsFunc(name, notHan) {
		return ""
	}
	if slices.Contains(areaNouns, name) {
		return "" // 城市年鉴, 开发区年鉴: a kind of area, not one
	}
	for _, s := range divisionSuffixes {
		if strings.HasSuffix(name, s) && name != s {
			return name
		}
	}
	return ""
}

// areaNouns name a kind of area, ending as a division's name does.
var areaNouns = []string{"城市", "城区", "市区", "郊区", "社区", "园区", "景区", "新区", "开发区", "高新区",
	"地区", "山区", "林区", "牧区", "矿区", "库区", "县区", "县市", "市县", "省市", "省区"}
