package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const sampleMarkdown = `# 济南年鉴2020

## 海洋攻势

### 概况

2019年，济南市打好海洋攻势，
推动海洋经济发展。

图3 2019年5月，海洋论坛开幕。

### 港口建设
2019年，济南市建设港口。

（市海洋局市发展改革委）

## 乡村振兴攻势
来源：市农业农村局、市扶贫办

2019年，济南市发起乡村振兴攻势。

### 美丽乡村

Rural roads were
paved in 2019.
`

func TestParseMarkdown(t *testing.T) {
	for _, name := range []string{"jinan.md", "jinan.txt"} { // detected by extension, then by content
		t.Run(name, func(t *testing.T) {
			yb, err := Parse(name, []byte(sampleMarkdown))
			if err != nil {
				t.Fatal(err)
			}
			if yb.Title != "济南年鉴2020" || yb.Year != 2019 || yb.File != name {
				t.Errorf("yearbook %q year %d file %q", yb.Title, yb.Year, yb.File)
			}
			type row struct {
				chapter, section string
				line             int
				kind             Kind
				fig              int
				text             string
			}
			want := []row{
				{"海洋攻势", "概况", 7, KindParagraph, 0, "2019年，济南市打好海洋攻势，推动海洋经济发展。"},
				{"海洋攻势", "概况", 10, KindCaption, 3, "2019年5月，海洋论坛开幕。"},
				{"海洋攻势", "港口建设", 13, KindParagraph, 0, "2019年，济南市建设港口。"},
				{"乡村振兴攻势", "乡村振兴攻势", 20, KindParagraph, 0, "2019年，济南市发起乡村振兴攻势。"},
				{"乡村振兴攻势", "美丽乡村", 24, KindParagraph, 0, "Rural roads were paved in 2019."},
			}
			ps := yb.Passages()
			if len(ps) != len(want) {
				t.Fatalf("got %d paragraphs, want %d: %+v", len(ps), len(want), ps)
			}
			for i, w := range want {
				p := ps[i]
				got := row{p.Chapter, p.Section, p.Paragraph.Line, p.Paragraph.Kind, p.Paragraph.Figure, p.Paragraph.Text}
				if got != w {
					t.Errorf("paragraph %d = %+v, want %+v", i, got, w)
				}
			}
			srcs := [][]string{{"市海洋局", "市发展改革委"}, {"市农业农村局", "市扶贫办"}}
			for i, ch := range yb.Chapters {
				if strings.Join(ch.Sources, "|") != strings.Join(srcs[i], "|") {
					t.Errorf("chapter %q sources %q, want %q", ch.Title, ch.Sources, srcs[i])
				}
			}
		})
	}
}

func TestParseMarkdownEdges(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		chapters   []string
		sections   []string
		paragraphs int
	}{
		{"text before any chapter is the overview", "# 年鉴\n\n总的情况。\n\n## 第一章\n\n正文。\n", []string{"综述", "第一章"}, []string{"综述", "第一章"}, 2},
		{"headings without space and empty chapters", "#年鉴\n##空章\n##有内容\n###节\n正文。\n", []string{"有内容"}, []string{"节"}, 1},
		{"credit in the middle is a paragraph", "# 年鉴\n## 章\n(市统计局)\n\n正文。\n", []string{"章"}, []string{"章"}, 2},
		{"CRLF and zero-width characters", "# 年鉴\r\n## 章\r\n\r\n正\u200b文。\r\n\r\n", []string{"章"}, []string{"章"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse("x.md", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var chs, secs []string
			for _, c := range yb.Chapters {
				chs = append(chs, c.Title)
				for _, s := range c.Sections {
					secs = append(secs, s.Heading)
				}
			}
			if strings.Join(chs, "|") != strings.Join(tc.chapters, "|") || strings.Join(secs, "|") != strings.Join(tc.sections, "|") {
				t.Errorf("chapters %q sections %q, want %q %q", chs, secs, tc.chapters, tc.sections)
			}
			if n := len(yb.Passages()); n != tc.paragraphs {
				t.Errorf("got %d paragraphs, want %d", n, tc.paragraphs)
			}
			for _, p := range yb.Passages() {
				if strings.ContainsAny(p.Paragraph.Text, "\r\u200b") {
					t.Errorf("paragraph %q keeps invisible characters", p.Paragraph.Text)
				}
			}
		})
	}
}

const samplePlain = `2020年，青岛市发起乡村振兴攻势，坚持开放创新改革。
美丽宜居乡村建设2020年，青岛市加快提升农村人居环境水平。
(市农业农村局)
概况2020年，青岛市打好海洋攻势，推动海洋经济发展。
`

func TestParseEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("# 年鉴𠮷\n" + samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"utf8", []byte(samplePlain)},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, samplePlain...)},
		{"crlf", []byte(strings.ReplaceAll(samplePlain, "\n", "\r\n"))},
		{"gbk", gbk},
		{"gb18030", gb18030},
		{"utf16", utf16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "gbk" && utf8.Valid(tc.data) {
				t.Fatal("test data: GBK bytes should not be valid UTF-8")
			}
			yb, err := Parse(tc.name+".txt", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range yb.Passages() {
				got = append(got, p.Chapter+"|"+p.Section+"|"+p.Paragraph.Text)
			}
			want := []string{
				"乡村振兴攻势|乡村振兴攻势|2020年，青岛市发起乡村振兴攻势，坚持开放创新改革。",
				"乡村振兴攻势|美丽宜居乡村建设|2020年，青岛市加快提升农村人居环境水平。",
				"海洋攻势|概况|2020年，青岛市打好海洋攻势，推动海洋经济发展。",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	for _, tc := range []struct {
		name string
		data []byte
		want []string // substrings of the error
	}{
		{"empty", nil, []string{"bad.txt", "empty"}},
		{"whitespace only", []byte(" \n\t\r\n\u3000\n"), []string{"bad.txt", "empty"}},
		{"invisible characters only", []byte("\u200b\n\ufeff\u200d\n"), []string{"bad.txt", "no paragraphs"}},
		{"only credits", []byte("(市统计局)\n(市委政研室)\n"), []string{"bad.txt", "no paragraphs"}},
		{"only a title", []byte("# 年鉴\n"), []string{"bad.txt", "no paragraphs"}},
		{"binary with NUL", png, []string{"bad.txt", "binary", "line 3"}},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 50), []string{"bad.txt", "binary"}},
		{"neither UTF-8 nor GBK", []byte("第一行\n第二行\xff\xfe\xff\n"), []string{"bad.txt", "GBK", "line 2"}},
		{"truncated GBK", []byte("\xc7\xe0\xb5\xba\n\xc7"), []string{"bad.txt", "GBK", "line 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse("bad.txt", tc.data)
			if err == nil {
				t.Fatalf("Parse = %d chapters, want error", len(yb.Chapters))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestParseTitleAndIDs(t *testing.T) {
	a, err := Parse("dir/qingdao-yearbook_2021.txt", []byte(samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "qingdao yearbook 2021" || a.File != "qingdao-yearbook_2021.txt" {
		t.Errorf("title %q file %q", a.Title, a.File)
	}
	b, err := Parse("other.txt", []byte(samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("/elsewhere/qingdao-yearbook_2021.txt", []byte(samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range a.Passages() {
		idA, idB, idC := p.Paragraph.ID, b.Passages()[i].Paragraph.ID, c.Passages()[i].Paragraph.ID
		if idA == idB {
			t.Errorf("two yearbooks share id %q", idA)
		}
		if idA != idC {
			t.Errorf("same file name in another folder: id %q vs %q", idA, idC)
		}
		if !strings.HasSuffix(idA, "-"+strconv.Itoa(p.Paragraph.Line)) {
			t.Errorf("id %q does not end in its line %d", idA, p.Paragraph.Line)
		}
	}
	titled, err := Parse("x.txt", []byte("\n# 我的年鉴\n"+samplePlain))
	if err != nil {
		t.Fatal(err)
	}
	if titled.Title != "我的年鉴" || titled.Passages()[0].Paragraph.Line != 3 {
		t.Errorf("title %q, first line %d", titled.Title, titled.Passages()[0].Paragraph.Line)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b.md", sampleMarkdown)
	write("a.txt", samplePlain)
	write(".hidden.txt", "not a yearbook\x00")
	write("notes.pdf", "\x00\x01")
	write("sub/c.txt", samplePlain)
	emptyDir := filepath.Join(dir, "empty")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	badDir := filepath.Join(dir, "bad")
	write("bad/zero.txt", "")
	write("bad/bin.txt", "\x00\x01\x02")

	t.Run("folder", func(t *testing.T) {
		ybs, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		for _, yb := range ybs {
			files = append(files, yb.File)
		}
		if strings.Join(files, ",") != "a.txt,b.md" {
			t.Errorf("loaded %v, want a.txt then b.md", files)
		}
	})
	t.Run("file", func(t *testing.T) {
		ybs, err := Load(filepath.Join(dir, "b.md"))
		if err != nil {
			t.Fatal(err)
		}
		if len(ybs) != 1 || ybs[0].Title != "济南年鉴2020" {
			t.Errorf("got %+v", ybs)
		}
	})
	for _, tc := range []struct {
		name, path string
		want       []string
		is         error
	}{
		{"empty folder", emptyDir, []string{emptyDir, "no yearbook files"}, nil},
		{"missing path", filepath.Join(dir, "nope"), []string{"nope"}, fs.ErrNotExist},
		{"only bad files in folder", badDir, []string{"no file", "zero.txt (file is empty)", "bin.txt (binary file"}, nil},
		{"pdf file", filepath.Join(dir, "notes.pdf"), []string{"notes.pdf", "pdftotext"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ybs, err := Load(tc.path)
			if err == nil {
				t.Fatalf("Load = %d yearbooks, want error", len(ybs))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
		})
	}
}

// A folder with bad files loads the rest and reports each bad one; a file
// with the content of another is loaded once.
func TestLoadAllSkips(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"a.txt":       samplePlain,
		"b.md":        sampleMarkdown,
		"copy.txt":    samplePlain,
		"empty.txt":   "",
		"blank.txt":   " \n\n",
		"binary.txt":  "abc\x00\x01\x02",
		"scan.pdf":    "%PDF-1.4",
		"renamed.txt": "%PDF-1.7\n%\xe2\xe3",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ybs, skipped, err := LoadAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, yb := range ybs {
		files = append(files, yb.File)
	}
	if strings.Join(files, ",") != "a.txt,b.md" {
		t.Errorf("loaded %v, want a.txt and b.md", files)
	}
	want := map[string]string{
		"binary.txt":  "binary file",
		"blank.txt":   "empty",
		"copy.txt":    "same content as a.txt",
		"empty.txt":   "empty",
		"renamed.txt": "pdftotext",
		"scan.pdf":    "pdftotext",
	}
	if len(skipped) != len(want) {
		t.Errorf("skipped %+v, want %d files", skipped, len(want))
	}
	for _, s := range skipped {
		if w, ok := want[filepath.Base(s.File)]; !ok || !strings.Contains(s.Reason, w) || strings.Contains(s.Reason, s.File) {
			t.Errorf("skipped %s: %q, want a reason with %q (and no repeated path)", s.File, s.Reason, w)
		}
	}
	var buf bytes.Buffer
	if err := WriteOutline(&buf, ybs, skipped...); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "skipped "+filepath.Join(dir, "empty.txt")+": ") {
		t.Errorf("outline does not list the skipped files:\n%s", buf.String())
	}
	buf.Reset()
	if err := WriteOutlineJSON(&buf, ybs, skipped...); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"skipped": [`) {
		t.Errorf("JSON outline does not list the skipped files")
	}
}

func TestWriteOutline(t *testing.T) {
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteOutline(&buf, []Yearbook{yb}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"青岛年鉴2021·15个攻势 (qingdao-yearbook-2021-offensives.txt): 14 chapters, 73 paragraphs\n" +
			"    yearbook, edition 2021, covers 2020, place 青岛市 (青岛 岛城 琴岛; 10 places under it)\n",
		" 1. 综述  [lines 1-5]  (市委政研室)",
		"    - 综述: 4 paragraphs  [lines 1-4]",
		" 2. 海洋攻势  [lines 6-16]  (市海洋发展局、市发展改革委)",
		"    - 壮大海洋产业: 1 paragraph, 1 caption  [lines 7-8]",
		"10. 壮大民营经济攻势  [lines 62-67]  (市民营经济局、市工商联)",
		"14. 高效青岛建设攻势  [lines 85-86]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q:\n%s", want, out)
		}
	}
}

func TestWriteOutlineJSON(t *testing.T) {
	yb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	md, err := Parse("x.md", []byte("# 年鉴\n## 章\n正文。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteOutlineJSON(&buf, []Yearbook{yb, md}); err != nil {
		t.Fatal(err)
	}
	// Decode into the documented shape, not into the model, so a renamed
	// field fails here.
	var doc struct {
		Yearbooks []struct {
			Title    string `json:"title"`
			File     string `json:"file"`
			Chapters []struct {
				Title    string    `json:"title"`
				Sources  *[]string `json:"sources"`
				Sections []struct {
					Heading    string `json:"heading"`
					Paragraphs []struct {
						ID   string `json:"id"`
						Line int    `json:"line"`
						Kind string `json:"kind"`
						Text string `json:"text"`
					} `json:"paragraphs"`
				} `json:"sections"`
			} `json:"chapters"`
		} `json:"yearbooks"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(doc.Yearbooks) != 2 {
		t.Fatalf("got %d yearbooks", len(doc.Yearbooks))
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON has a null:\n%s", buf.String())
	}
	want := yb.Passages()
	i := 0
	for _, c := range doc.Yearbooks[0].Chapters {
		if c.Sources == nil {
			t.Errorf("chapter %q has no sources list", c.Title)
		}
		for _, s := range c.Sections {
			for _, p := range s.Paragraphs {
				w := want[i]
				if c.Title != w.Chapter || s.Heading != w.Section || p.ID != w.Paragraph.ID || p.Line != w.Paragraph.Line ||
					p.Kind != string(w.Paragraph.Kind) || p.Text != w.Paragraph.Text {
					t.Errorf("JSON paragraph %d = %s/%s line %d %s, want %s/%s line %d %s",
						i, c.Title, s.Heading, p.Line, p.Kind, w.Chapter, w.Section, w.Paragraph.Line, w.Paragraph.Kind)
				}
				i++
			}
		}
	}
	if i != len(want) {
		t.Errorf("JSON has %d paragraphs, want %d", i, len(want))
	}
	if doc.Yearbooks[0].Title != yb.Title || doc.Yearbooks[0].File != yb.File {
		t.Errorf("JSON yearbook %q %q", doc.Yearbooks[0].Title, doc.Yearbooks[0].File)
	}
}

func FuzzParse(f *testing.F) {
	// A slice of the real yearbook, not all of it: the fuzzer mutates and
	// minimises small inputs far faster.
	lines := strings.SplitAfter(string(embedded), "\n")
	var excerpt strings.Builder
	for _, n := range []int{4, 5, 7, 8, 28, 29, 31, 32} { // overview, caption, credit
		l := []rune(lines[n-1])
		excerpt.WriteString(string(l[:min(len(l), 60)]))
		if !strings.HasSuffix(excerpt.String(), "\n") {
			excerpt.WriteString("\n")
		}
	}
	f.Add("seed.txt", []byte(excerpt.String()))
	f.Add("seed.md", []byte(sampleMarkdown))
	f.Add("x.txt", []byte(samplePlain))
	f.Add("x.txt", []byte("图132020年3月30日\n(市委)\n"))
	f.Add("x.md", []byte("#\n##\n###\n(\n)\n来源：\n"))
	f.Add("x.txt", []byte("\xc7\xe0\xb5\xba\n"))
	f.Add("x.html", []byte("<h1>年鉴</h1><h2>章</h2><p>段落</p><table><tr><th colspan=2>a</th></tr><tr><td rowspan=3>1</td><td>2</td></tr></table>"))
	f.Add("x.docx", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		yb, err := Parse(name, data)
		if err != nil {
			return
		}
		n := math.MaxInt // Word and HTML number blocks, not lines
		if format(name, data) == formatText {
			text, err := decodeText(data)
			if err != nil {
				t.Fatalf("Parse succeeded but decodeText fails: %v", err)
			}
			n = len(splitLines(text))
		}
		ps := yb.Passages()
		if len(ps) == 0 {
			t.Fatal("no error but no paragraphs")
		}
		ids := map[string]bool{}
		for _, p := range ps {
			if strings.TrimSpace(p.Paragraph.Text) == "" {
				t.Errorf("line %d: empty text", p.Paragraph.Line)
			}
			if p.Paragraph.Line < 1 || p.Paragraph.Line > n {
				t.Errorf("line %d outside 1..%d", p.Paragraph.Line, n)
			}
			if p.Chapter == "" || p.Section == "" {
				t.Errorf("line %d: chapter %q section %q", p.Paragraph.Line, p.Chapter, p.Section)
			}
			if ids[p.Paragraph.ID] {
				t.Errorf("duplicate id %q", p.Paragraph.ID)
			}
			ids[p.Paragraph.ID] = true
		}
	})
}

// A chapter whose tables and prose each credit the same body names it once.
func TestRepeatedCreditsNamedOnce(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"x.md", "# 甲县年鉴2025\n\n## 民政\n\n### 救助\n\n正文甲。\n\n来源：县民政局\n\n### 养老\n\n正文乙。\n\n来源：县民政局、县财政局\n"},
		{"x.txt", "甲县年鉴2025\n民政\n正文甲。\n（县民政局）\n（县民政局县财政局）\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yb, err := Parse(tc.name, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(yb.Chapters) == 0 {
				t.Fatal("no chapter")
			}
			if got := strings.Join(yb.Chapters[len(yb.Chapters)-1].Sources, "|"); got != "县民政局|县财政局" {
				t.Errorf("sources %q, want 县民政局|县财政局", got)
			}
		})
	}
}
