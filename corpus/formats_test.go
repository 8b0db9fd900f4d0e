package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// outlineWithoutLines is a yearbook's outline with lines and ids blanked:
// what must agree between formats that number blocks differently.
func outlineWithoutLines(t *testing.T, yb Yearbook) string {
	t.Helper()
	yb.File = ""
	for ci := range yb.Chapters {
		yb.Chapters[ci].SourceLine = 0
		for si := range yb.Chapters[ci].Sections {
			s := &yb.Chapters[ci].Sections[si]
			for pi := range s.Paragraphs {
				s.Paragraphs[pi].Line, s.Paragraphs[pi].ID = 0, ""
			}
			for ti := range s.Tables {
				for ri := range s.Tables[ti].Rows {
					s.Tables[ti].Rows[ri].Line = 0
				}
			}
		}
	}
	var b bytes.Buffer
	if err := WriteOutlineJSON(&b, []Yearbook{yb}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func loadSample(t *testing.T, path string) Yearbook {
	t.Helper()
	ybs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return ybs[0]
}

func TestSampleFormatsAgree(t *testing.T) {
	md := loadSample(t, sampleMD)
	want := outlineWithoutLines(t, md)
	for _, path := range []string{sampleDocx, sampleHTML} {
		t.Run(filepath.Ext(path), func(t *testing.T) {
			yb := loadSample(t, path)
			ids := map[string]bool{}
			for _, p := range yb.Passages() {
				if ids[p.Paragraph.ID] || len(p.Paragraph.ID) > 20 {
					t.Errorf("id %q repeated or too long for callback data", p.Paragraph.ID)
				}
				ids[p.Paragraph.ID] = true
			}
			if got := outlineWithoutLines(t, yb); got != want {
				t.Errorf("%s outline differs from %s:\n%s", path, sampleMD, firstDiff(got, want))
			}
		})
	}
	md = loadSample(t, sampleMD)
	// What the sample is for: titles, levels, tables, caption.
	if md.Title != "示例市年鉴2023" || md.Year != 2022 || len(md.Chapters) != 3 {
		t.Fatalf("title %q year %d chapters %d", md.Title, md.Year, len(md.Chapters))
	}
	var tables []Table
	var caption bool
	for _, c := range md.Chapters {
		for _, s := range c.Sections {
			tables = append(tables, s.Tables...)
			for _, p := range s.Paragraphs {
				caption = caption || p.Kind == KindCaption && p.Figure == 1
			}
		}
	}
	if len(tables) != 2 || len(tables[1].Header) != 2 || tables[0].Unit != "万人" || !caption {
		t.Errorf("tables %+v, caption %v", tables, caption)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "got:  " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

func TestMarkdownInline(t *testing.T) {
	src := "# 年鉴2023\n## 人口\n### 老年人口\n" +
		"常住人口**1034.2万人**，据[统计局](http://x.cn)调查，增长*1.2%*，代码`A1`，~~旧~~新，下划线，_强调_。\n\n" +
		"- 60岁以上215.3万人；\n* 65岁以上152.6万人。\n1. 第一项\n   续行\n\n" +
		"> 引用的话\n\n* * *\n---\n```\n代码块里的字\n```\n" +
		"出生人口-5.2%，-3不是列表。\n"
	yb, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range yb.Passages() {
		got = append(got, p.Paragraph.Text)
	}
	want := []string{
		"常住人口1034.2万人，据统计局调查，增长1.2%，代码A1，旧新，下划线，强调。",
		"60岁以上215.3万人；", "65岁以上152.6万人。", "第一项续行",
		"引用的话", "代码块里的字",
		"出生人口-5.2%，-3不是列表。",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

// A paragraph that begins with its heading's words keeps them: only the
// plain format glues headings to paragraphs.
func TestMarkdownKeepsHeadingWords(t *testing.T) {
	yb, err := Parse("x.md", []byte("# 年鉴\n## 交通\n### 公交\n公交线路312条。\n### 港口\n港口货物吞吐量5.2亿吨。\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps := yb.Passages()
	if ps[0].Paragraph.Text != "公交线路312条。" || ps[1].Paragraph.Text != "港口货物吞吐量5.2亿吨。" {
		t.Errorf("texts %q %q", ps[0].Paragraph.Text, ps[1].Paragraph.Text)
	}
}

func TestMarkdownTables(t *testing.T) {
	src := "# 年鉴2023\n## 人口\n### 统计\n表1 人口主要指标（单位：万人）\n\n" +
		"| 指标 | 2022年 | 增长% |\n|---|---:|---:|\n| **出生人口** | 7.8 | -5.2 |\n| 死亡\\|人口 | 6.1 |\n\n" +
		"后续段落。\n\n单位：亿元\n| 项目 | 2022年 | 2022年 |\n| :-: | - | - |\n|  | 数值 | 增长% |\n| 总值 | 5 | 4.1 |\n"
	yb, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := yb.Chapters[0].Sections[0]
	if len(s.Tables) != 2 {
		t.Fatalf("%d tables", len(s.Tables))
	}
	a, b := s.Tables[0], s.Tables[1]
	if a.Title != "表1 人口主要指标" || a.Unit != "万人" || len(a.Rows) != 2 || a.Rows[1].Label != "死亡|人口" {
		t.Errorf("table 1: %+v", a)
	}
	if b.Title != "" || b.Unit != "亿元" || len(b.Header) != 2 || !slices.Equal(b.Columns[1], []string{"2022年", "数值"}) {
		t.Errorf("table 2: %+v", b)
	}
	var texts []string
	for _, p := range yb.Passages() {
		texts = append(texts, p.Section+" | "+p.Paragraph.Text)
	}
	for _, w := range []string{
		"表1 人口主要指标 | 出生人口（2022年）：7.8万人",
		"表1 人口主要指标 | 出生人口：增长-5.2%",
		"表1 人口主要指标 | 死亡|人口（2022年）：6.1万人",
		"统计 | 后续段落。",
		"统计 | 总值（2022年）：5亿元",
		"统计 | 总值（2022年）：增长4.1%",
	} {
		if !slices.Contains(texts, w) {
			t.Errorf("missing %q in %q", w, texts)
		}
	}
}

func TestDocx(t *testing.T) {
	yb := loadSample(t, sampleDocx)
	if yb.Title != "示例市年鉴2023" || yb.Chapters[1].Title != "经济" || yb.Chapters[1].Sections[1].Heading != "主要经济指标" {
		t.Fatalf("title %q, chapter %q", yb.Title, yb.Chapters[1].Title)
	}
	tab := yb.Chapters[1].Sections[1].Tables[0]
	if tab.Title != "表2 2022年示例市主要经济指标" || !slices.Equal(tab.Header[1], []string{"指标", "单位", "数值", "增长%", "数值", "增长%"}) {
		t.Errorf("caption and merged header: %q %q", tab.Title, tab.Header)
	}
	// The ordinal counts headings, paragraphs and table rows in order.
	first := yb.Chapters[0].Sections[0].Paragraphs[0]
	if first.Line != 4 || first.ID != idPrefix("sample-yearbook.docx")+"-4" {
		t.Errorf("first paragraph at block %d id %s, want block 4 (after title and two headings)", first.Line, first.ID)
	}
}

func TestDocxStyles(t *testing.T) {
	styles := docxStyleMap{
		"1":      {name: "heading 1", outline: -1},
		"a":      {name: "标题 2", outline: -1},
		"b":      {name: "My Heading", outline: 2},
		"c":      {name: "Derived", basedOn: "b", outline: -1},
		"a3":     {name: "Title", outline: -1},
		"cap":    {name: "题注", outline: -1},
		"normal": {name: "Normal", outline: -1},
	}
	for _, tc := range []struct {
		id          string
		role, level int
	}{
		{"1", roleHeading, 1}, {"a", roleHeading, 2}, {"b", roleHeading, 3}, {"c", roleHeading, 3},
		{"a3", roleTitle, 0}, {"cap", roleCaption, 0}, {"normal", roleBody, 0}, {"", roleBody, 0},
		// ids a styles.xml does not define: Word's built-in ids.
		{"Heading2", roleHeading, 2}, {"3", roleHeading, 3}, {"Title", roleTitle, 0}, {"x", roleBody, 0},
	} {
		if r, l := styles.role(tc.id); r != tc.role || l != tc.level {
			t.Errorf("role(%q) = %d, %d, want %d, %d", tc.id, r, l, tc.role, tc.level)
		}
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocxMergedCells(t *testing.T) {
	doc := docxHead + `<w:p><w:r><w:t>正文2022年。</w:t></w:r></w:p><w:tbl>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>地区</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>人口</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2022年</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2021年</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>东区</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="9"/></w:tcPr><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>12.5</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>` + docxTail
	yb, err := Parse("m.docx", zipOf(t, map[string]string{docxDocument: doc}))
	if err != nil {
		t.Fatal(err)
	}
	tab := yb.Chapters[0].Sections[0].Tables[0]
	wantHeader := [][]string{{"地区", "人口", "人口"}, {"地区", "2022年", "2021年"}}
	if len(tab.Header) != 2 || !slices.Equal(tab.Header[0], wantHeader[0]) || !slices.Equal(tab.Header[1], wantHeader[1]) {
		t.Errorf("header %q, want %q", tab.Header, wantHeader)
	}
	if len(tab.Rows) != 2 || !slices.Equal(tab.Rows[0].Cells, []string{"", "1", ""}) || !slices.Equal(tab.Rows[1].Cells, []string{"东区内", "12.5", "12"}) {
		t.Errorf("rows %+v", tab.Rows)
	}
}

func TestDocxBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want []string
	}{
		{"not a zip", []byte("这不是Word文件"), []string{"bad.docx", "not a Word .docx file", "not a zip"}},
		{"zip without document", zipOf(t, map[string]string{"word/styles.xml": "<w:styles/>"}), []string{"bad.docx", "no word/document.xml"}},
		{"truncated XML", zipOf(t, map[string]string{docxDocument: docxHead + "<w:p><w:r><w:t>半截"}), []string{"bad.docx", "word/document.xml"}},
		{"no text", zipOf(t, map[string]string{docxDocument: docxHead + "<w:p/>" + docxTail}), []string{"bad.docx", "no text"}},
		{"bad styles", zipOf(t, map[string]string{docxDocument: docxHead + docxTail, docxStyles: "<w:styles><w:style>"}), []string{"bad.docx", "styles.xml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.docx", tc.data)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestPDFRefused(t *testing.T) {
	for _, name := range []string{"book.pdf", "book.bin"} {
		_, err := Parse(name, []byte("%PDF-1.7\n\x00\x01"))
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "pdftotext") || !strings.Contains(err.Error(), ".docx") {
			t.Errorf("%s: error %v, want one naming the file and suggesting pdftotext or Word", name, err)
		}
	}
}

func TestHTML(t *testing.T) {
	yb := loadSample(t, sampleHTML)
	for _, p := range yb.Passages() {
		for _, junk := range []string{"统计代码", "首页", "版权所有", "门户网站", "font-family"} {
			if strings.Contains(p.Paragraph.Text, junk) {
				t.Errorf("page furniture %q indexed: %q", junk, p.Paragraph.Text)
			}
		}
	}
	tab := yb.Chapters[1].Sections[1].Tables[0]
	if !slices.Equal(tab.Header[0], []string{"指标", "单位", "2022年", "2022年", "2021年", "2021年"}) || len(tab.Rows) != 6 {
		t.Errorf("colspan/rowspan: header %q, %d rows", tab.Header, len(tab.Rows))
	}
}

func TestHTMLCharsetAndNoHeadings(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>示例年鉴2023</title></head>
<body><p>2022年，全市出生人口7.8万人。</p><div>死亡人口6.1万人<br>城镇化率75.5%</div>
<table><tr><td>指标</td><td>2022年</td></tr><tr><td rowspan="99999" colspan="99999">出生人口</td><td>7.8</td></tr></table></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	yb, err := Parse("page.htm", []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range yb.Passages() {
		texts = append(texts, p.Paragraph.Text)
	}
	want := []string{"2022年，全市出生人口7.8万人。", "死亡人口6.1万人", "城镇化率75.5%"}
	if yb.Title != "示例年鉴2023" || yb.Chapters[0].Title != overviewTitle || !slices.Equal(texts[:3], want) {
		t.Errorf("title %q chapter %q texts %q", yb.Title, yb.Chapters[0].Title, texts)
	}
	if w := len(yb.Chapters[0].Sections[0].Tables[0].Columns); w > maxColumns {
		t.Errorf("a colspan from the file made %d columns", w)
	}
}

func TestLoadNewFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{sampleDocx, sampleHTML} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if filepath.Ext(name) == ".html" {
			name = "page.htm"
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.4"), 0o644)
	ybs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ybs) != 2 || ybs[0].File != "page.htm" || ybs[1].File != "sample-yearbook.docx" {
		t.Errorf("loaded %d yearbooks", len(ybs))
	}
	var b bytes.Buffer
	if err := WriteOutlineJSON(&b, ybs); err != nil || !json.Valid(b.Bytes()) || !strings.Contains(b.String(), `"kind": "cell"`) {
		t.Errorf("outline JSON: %v", err)
	}
}

func TestDocxRunsAndLevels(t *testing.T) {
	p := func(style, runs string) string {
		if style != "" {
			style = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return "<w:p>" + style + runs + "</w:p>"
	}
	r := func(text string) string { return "<w:r><w:t>" + text + "</w:t></w:r>" }
	doc := docxHead +
		p("Heading1", r("人口")) +
		p("", `<w:sdt><w:sdtContent><w:r><w:t>2022年</w:t></w:r></w:sdtContent></w:sdt><w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del><w:ins><w:r><w:t>常住人口</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:hyperlink><w:r><w:t>1034.2万人</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>第二行</w:t></w:r>`) +
		`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>` + r("人口结构") + `</w:p>` +
		p("", r("老年人口占20.8%。")) +
		`<w:tbl><w:tr><w:tc><w:p>` + r("专栏：人口普查") + `</w:p></w:tc></w:tr></w:tbl>` +
		p("Heading1", r("经济")) +
		p("", r("生产总值5320.6亿元。")) + docxTail
	yb, err := Parse("levels.docx", zipOf(t, map[string]string{
		docxDocument: doc,
		docxCore:     fmt.Sprintf(docxCoreXML, "属性里的标题"),
	}))
	if err != nil {
		t.Fatal(err)
	}
	// Two top-level headings: the title comes from the document
	// properties and each Heading 1 is a chapter.
	if yb.Title != "属性里的标题" || len(yb.Chapters) != 2 || yb.Chapters[0].Title != "人口" || yb.Chapters[0].Sections[1].Heading != "人口结构" {
		t.Fatalf("title %q chapters %+v", yb.Title, yb.Chapters)
	}
	if got := yb.Chapters[0].Sections[0].Paragraphs[0].Text; got != "2022年常住人口1034.2万人第二行" {
		t.Errorf("runs read as %q", got)
	}
	if box := yb.Chapters[0].Sections[1].Paragraphs; len(box) != 2 || box[1].Text != "专栏：人口普查" || box[1].Kind != KindParagraph {
		t.Errorf("a one-cell table reads as %+v, want its text as a paragraph", box)
	}
}

func TestHTMLLevels(t *testing.T) {
	page := `<html><head><title>网页标题</title></head><body>
<h1>人口</h1><h2>概况</h2><p>人口1034.2万人。</p><h1>经济</h1><p>生产总值5320.6亿元。</p></body></html>`
	yb, err := Parse("levels.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if yb.Title != "网页标题" || len(yb.Chapters) != 2 || yb.Chapters[0].Sections[0].Heading != "概况" || yb.Chapters[1].Sections[0].Heading != "经济" {
		t.Errorf("title %q chapters %+v", yb.Title, yb.Chapters)
	}
}

func TestHTMLLayoutTable(t *testing.T) {
	page := `<html><head><title>示例年鉴2023</title></head><body><table width="960"><tr><td>
<table><tr><td role="navigation"><a href="/">首页</a></td><td role="search">搜索</td></tr></table>
<h1>示例年鉴2023</h1><h2>人口</h2><p>2022年，出生人口7.8万人。</p>
<table><tr><th>指标</th><th>2022年</th></tr><tr><td>死亡人口</td><td>6.1</td></tr></table>
</td></tr></table></body></html>`
	yb, err := Parse("old.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if yb.Title != "示例年鉴2023" || len(yb.Chapters) != 1 || yb.Chapters[0].Title != "人口" {
		t.Fatalf("title %q chapters %+v", yb.Title, yb.Chapters)
	}
	s := yb.Chapters[0].Sections[0]
	if len(s.Tables) != 1 || s.Paragraphs[0].Text != "2022年，出生人口7.8万人。" {
		t.Errorf("section %+v", s)
	}
}
