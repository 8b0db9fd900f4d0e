package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// sec is an expected section: its heading, the lines of its paragraphs,
// and which of those lines are captions of which figure.
type sec struct {
	heading string
	lines   []int
	figs    map[int]int // caption line → figure number
}

type chap struct {
	title   string
	sources []string
	first   int
	last    int
	secs    []sec
}

func lines(a, b int) []int {
	var out []int
	for i := a; i <= b; i++ {
		out = append(out, i)
	}
	return out
}

// seedOutline is the whole outline the embedded yearbook must parse into.
var seedOutline = []chap{
	{"综述", []string{"市委政研室"}, 1, 5, []sec{{"综述", lines(1, 4), nil}}},
	{"海洋攻势", []string{"市海洋发展局", "市发展改革委"}, 6, 16, []sec{
		{"概况", []int{6}, nil},
		{"壮大海洋产业", []int{7, 8}, map[int]int{8: 10}},
		{"海洋领域招商引资成效显著", []int{9}, nil},
		{"推动海洋领域科研创新", []int{10}, nil},
		{"深化海洋领域开放合作", []int{11}, nil},
		{"港口航运大幅提升", []int{12}, nil},
		{"优化海洋环境", []int{13}, nil},
		{"发展海洋文化", []int{14}, nil},
		{"创建国家海水淡化示范城市", []int{15}, nil},
	}},
	{"“双招双引”攻势", []string{"市商务局", "市委组织部"}, 17, 23, []sec{
		{"概况", []int{17}, nil},
		{"招商引资重点举措", []int{18}, nil},
		{"招商引资重大项目", []int{19}, nil},
		{"招商引资主要成效", []int{20}, nil},
		{"招才引智重点举措", []int{21}, nil},
		{"招才引智主要成效", []int{22}, nil},
	}},
	{"交通基础设施建设攻势", []string{"市交通运输局", "市住房城乡建设局"}, 24, 32, []sec{
		{"概况", []int{24}, nil},
		{"港口建设", []int{25}, nil},
		{"机场建设", []int{26}, nil},
		{"城区建设", []int{27}, nil},
		{"胶州湾北岸建设", []int{28, 29}, map[int]int{29: 13}},
		{"平度莱西建设", []int{30}, nil},
		{"胶东经济圈建设", []int{31}, nil},
	}},
	{"乡村振兴攻势", []string{"俎瑶琛"}, 33, 37, []sec{
		{"概况", []int{33, 34}, map[int]int{34: 15}},
		{"美丽宜居乡村建设", []int{35}, nil},
		{"农村基层党组织建设", []int{36}, nil},
	}},
	{"突破平度莱西攻势", []string{"黄霖窦晓青历承恺周义"}, 38, 45, []sec{
		{"概况", []int{38}, nil},
		{"完善体制机制", []int{39, 40}, map[int]int{40: 18}},
		{"开展“双招双引”", []int{41, 42}, map[int]int{42: 19}},
		{"基础设施建设", []int{43}, nil},
		{"营商环境优化", []int{44}, nil},
	}},
	{"国际航运贸易金融创新中心建设攻势", []string{"市地方金融监管局", "市商务局"}, 46, 47, []sec{
		{"概况", []int{46}, nil},
	}},
	{"“高端制造业+人工智能”攻势", []string{"綦晓倩"}, 48, 55, []sec{
		{"概况", []int{48}, nil},
		{"推动协同创新", []int{49}, nil},
		{"实现智能赋能", []int{50}, nil},
		{"促进产业集聚", []int{51}, nil},
		{"培育新一代“青岛金花”企业", []int{52}, nil},
		{"加强政策扶持", []int{53}, nil},
		{"提供人才保障", []int{54}, nil},
	}},
	{"推进国有企业改革攻势", []string{"市国资委"}, 56, 61, []sec{
		{"概况", []int{56}, nil},
		{"市属企业新旧动能转换", []int{57}, nil},
		{"国有资本招商平台建设", []int{58}, nil},
		{"国有资本监管职能转变", []int{59}, nil},
		{"市属企业高质量发展", []int{60}, nil},
	}},
	{"壮大民营经济攻势", []string{"市民营经济局", "市工商联"}, 62, 67, []sec{
		{"加强体制机制建设", []int{62}, nil},
		{"搭建民营企业发展平台", []int{63}, nil},
		{"优化民营企业发展环境", []int{64}, nil},
		{"激发民营企业发展活力", []int{65}, nil},
		{"助力新冠肺炎疫情防控工作", []int{66}, nil},
	}},
	{"科技引领城建设攻势", []string{"市科技局"}, 68, 72, []sec{
		{"概况", []int{68}, nil},
		{"强化科技人才支撑", []int{69}, nil},
		{"推动资本助力创新", []int{70}, nil},
		{"加快高端创新平台建设", []int{71}, nil},
	}},
	{"城市品质改善提升攻势", []string{"市自然资源和规划局", "市住房城乡建设局", "市城市管理局"}, 73, 78, []sec{
		{"概况", []int{73}, nil},
		{"编制高品质城市规划", []int{74}, nil},
		{"优化宜业宜居城市空间", []int{75}, nil},
		{"打造城市风貌“文化名片”", []int{76}, nil},
		{"增强城市景观艺术气质", []int{77}, nil},
	}},
	{"国际时尚城建设攻势", []string{"市委宣传部", "市文化和旅游局", "市体育局"}, 79, 84, []sec{
		{"概况", []int{79}, nil},
		{"打造现代优势产业集群", []int{80}, nil},
		{"提振时尚城市发展声量", []int{81}, nil},
		{"发展城市时尚文化", []int{82, 83}, map[int]int{83: 29}},
	}},
	{"高效青岛建设攻势", []string{}, 85, 86, []sec{
		{"概况", []int{85}, nil},
		{"完善体制机制", []int{86}, nil},
	}},
}

func TestDefaultOutline(t *testing.T) {
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if yb.Title != "青岛年鉴2021·15个攻势" || yb.Year != 2020 || yb.File != "qingdao-yearbook-2021-offensives.txt" {
		t.Errorf("yearbook = %q, year %d, file %q", yb.Title, yb.Year, yb.File)
	}
	if len(yb.Chapters) != len(seedOutline) {
		t.Fatalf("got %d chapters, want %d: %v", len(yb.Chapters), len(seedOutline), titles(yb))
	}
	for i, want := range seedOutline {
		got := yb.Chapters[i]
		if got.Title != want.title {
			t.Errorf("chapter %d title = %q, want %q", i+1, got.Title, want.title)
		}
		if strings.Join(got.Sources, "|") != strings.Join(want.sources, "|") || got.Sources == nil {
			t.Errorf("chapter %q sources = %q, want %q", want.title, got.Sources, want.sources)
		}
		if a, b := got.Lines(); a != want.first || b != want.last {
			t.Errorf("chapter %q lines %d-%d, want %d-%d", want.title, a, b, want.first, want.last)
		}
		if len(got.Sections) != len(want.secs) {
			t.Errorf("chapter %q has %d sections, want %d", want.title, len(got.Sections), len(want.secs))
			continue
		}
		for j, ws := range want.secs {
			gs := got.Sections[j]
			if gs.Heading != ws.heading {
				t.Errorf("chapter %q section %d heading = %q, want %q", want.title, j+1, gs.Heading, ws.heading)
			}
			if len(gs.Paragraphs) != len(ws.lines) {
				t.Errorf("section %q has %d paragraphs, want lines %v", ws.heading, len(gs.Paragraphs), ws.lines)
				continue
			}
			for k, p := range gs.Paragraphs {
				wantKind, wantFig := KindParagraph, 0
				if f, ok := ws.figs[ws.lines[k]]; ok {
					wantKind, wantFig = KindCaption, f
				}
				if p.Line != ws.lines[k] || p.Kind != wantKind || p.Figure != wantFig {
					t.Errorf("section %q paragraph %d = line %d %s fig %d, want line %d %s fig %d",
						ws.heading, k, p.Line, p.Kind, p.Figure, ws.lines[k], wantKind, wantFig)
				}
			}
		}
	}
}

func titles(yb Yearbook) []string {
	var out []string
	for _, c := range yb.Chapters {
		out = append(out, c.Title)
	}
	return out
}

// Paragraph text is the file's line verbatim, less the glued heading or
// figure label, so figures can be quoted exactly.
func TestDefaultTextVerbatim(t *testing.T) {
	raw, err := os.ReadFile("qingdao-yearbook-2021-offensives.txt")
	if err != nil {
		t.Fatal(err)
	}
	fileLines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, c := range yb.Chapters {
		for _, s := range c.Sections {
			for i, p := range s.Paragraphs {
				seen[p.Line] = true
				var label string
				switch {
				case p.Kind == KindCaption:
					label = "图" + strconv.Itoa(p.Figure)
				case i == 0 && s.Heading != c.Title:
					label = s.Heading
				}
				if got, want := label+p.Text, fileLines[p.Line-1]; got != want {
					t.Errorf("line %d: label+text = %.40q…, want %.40q…", p.Line, got, want)
				}
			}
		}
	}
	for n, l := range fileLines {
		if _, isSource := sourceLine(l); !isSource && !seen[n+1] {
			t.Errorf("line %d is neither a paragraph nor a credit", n+1)
		}
	}
	for line, prefix := range map[int]string{
		15: "青岛市分别于2020年9月",
		29: "2020年3月30日",
		12: "2020年,青岛市港口",
		41: "2020年,青岛市建立“飞地经济”",
		1:  "2020年,青岛市印发",
	} {
		if p := paragraphAt(yb, line); !strings.HasPrefix(p.Text, prefix) {
			t.Errorf("line %d text = %.30q…, want prefix %q", line, p.Text, prefix)
		}
	}
}

func paragraphAt(yb Yearbook, line int) Paragraph {
	for _, p := range yb.Passages() {
		if p.Paragraph.Line == line {
			return p.Paragraph
		}
	}
	return Paragraph{}
}

// The dev question set names each gold line's chapter and section as a
// reader sees them; the parse must agree (the dev set writes chapter names
// without quotes and captions as 图N, which in the model belong to the
// section before them).
func TestDefaultAgreesWithDevSet(t *testing.T) {
	f, err := os.Open("../retrieval/testdata/dev-questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int]Passage{}
	for _, p := range yb.Passages() {
		byLine[p.Paragraph.Line] = p
	}
	checked := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var q struct {
			ID        string `json:"id"`
			GoldLines []int  `json:"gold_lines"`
			Chapter   string `json:"chapter"`
			Section   string `json:"section"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		if len(q.GoldLines) == 0 {
			continue
		}
		p, ok := byLine[q.GoldLines[0]]
		if !ok {
			t.Errorf("%s: line %d is not a paragraph", q.ID, q.GoldLines[0])
			continue
		}
		if got := strings.NewReplacer("“", "", "”", "").Replace(p.Chapter); got != q.Chapter {
			t.Errorf("%s: line %d chapter %q, dev set says %q", q.ID, q.GoldLines[0], p.Chapter, q.Chapter)
		}
		if fig, isCaption := strings.CutPrefix(q.Section, "图"); isCaption {
			if p.Paragraph.Kind != KindCaption || strconv.Itoa(p.Paragraph.Figure) != fig {
				t.Errorf("%s: line %d is %s fig %d, dev set says %s", q.ID, q.GoldLines[0], p.Paragraph.Kind, p.Paragraph.Figure, q.Section)
			}
		} else if p.Section != q.Section {
			t.Errorf("%s: line %d section %q, dev set says %q", q.ID, q.GoldLines[0], p.Section, q.Section)
		}
		checked++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checked < 40 {
		t.Errorf("checked only %d dev questions", checked)
	}
}

func TestDefaultIDs(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pa, pb := a.Passages(), b.Passages()
	if len(pa) != 73 {
		t.Errorf("got %d passages, want 73 (86 lines less 13 credits)", len(pa))
	}
	seen := map[string]int{}
	for i := range pa {
		id := pa[i].Paragraph.ID
		if id != pb[i].Paragraph.ID {
			t.Errorf("line %d id %q then %q: not stable", pa[i].Paragraph.Line, id, pb[i].Paragraph.ID)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("id %q on lines %d and %d", id, prev, pa[i].Paragraph.Line)
		}
		seen[id] = pa[i].Paragraph.Line
		// Three ids and some framing must fit Telegram's 64-byte callback data.
		if len(id) > 16 {
			t.Errorf("id %q is %d bytes, too long for callback data", id, len(id))
		}
		if pa[i].Paragraph.Text == "" {
			t.Errorf("line %d has empty text", pa[i].Paragraph.Line)
		}
	}
}

// The rules must not depend on the seed's exact bytes: the same yearbook
// in GBK with CRLF line ends, or with full-width punctuation throughout,
// parses into the same outline.
func TestSeedVariants(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	gbkCRLF, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.ReplaceAll(string(embedded), "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	fullWidth := strings.NewReplacer(",", "，", "(", "（", ")", "）", ";", "；", ":", "：").Replace(string(embedded))
	blankLines := strings.ReplaceAll(string(embedded), "\n", "\n \n") // every line number doubles, less one
	for _, tc := range []struct {
		name     string
		data     []byte
		lineOf   func(int) int
		sameText bool
	}{
		{"gbk crlf", gbkCRLF, func(n int) int { return n }, true},
		{"full-width punctuation", []byte(fullWidth), func(n int) int { return n }, false},
		{"blank lines between", []byte(blankLines), func(n int) int { return 2*n - 1 }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse(embeddedName, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			got, want := yb.Passages(), base.Passages()
			if len(got) != len(want) {
				t.Fatalf("got %d paragraphs, want %d", len(got), len(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.Chapter != w.Chapter || g.Section != w.Section || strings.Join(g.Sources, "|") != strings.Join(w.Sources, "|") ||
					g.Paragraph.Line != tc.lineOf(w.Paragraph.Line) || g.Paragraph.Kind != w.Paragraph.Kind || g.Paragraph.Figure != w.Paragraph.Figure {
					t.Errorf("paragraph %d = %s › %s line %d, want %s › %s line %d",
						i, g.Chapter, g.Section, g.Paragraph.Line, w.Chapter, w.Section, tc.lineOf(w.Paragraph.Line))
				}
				if tc.sameText && g.Paragraph.Text != w.Paragraph.Text {
					t.Errorf("line %d text differs", g.Paragraph.Line)
				}
			}
		})
	}
}
