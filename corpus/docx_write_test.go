package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the generated test yearbooks (testdata/sample-yearbook.docx)")

const (
	sampleMD   = "testdata/sample-yearbook.md"
	sampleDocx = "testdata/sample-yearbook.docx"
	sampleHTML = "testdata/sample-yearbook.html"
)

// TestSampleDocxUpToDate keeps the committed Word yearbook in step with
// the Markdown one it is generated from (go test ./corpus -run
// SampleDocx -update rewrites it).
func TestSampleDocxUpToDate(t *testing.T) {
	md, err := os.ReadFile(sampleMD)
	if err != nil {
		t.Fatal(err)
	}
	want := markdownToDocx(t, string(md))
	if *update {
		if err := os.WriteFile(sampleDocx, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(sampleDocx)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./corpus -run SampleDocx -update", sampleDocx)
	}
}

// markdownToDocx writes the sample yearbook as a Chinese-locale Word would:
// style ids "1", "2" for 标题 1/2 (named heading 1/2 in styles.xml), "a3"
// for the Title, "a5" for captions; bold and links as their own runs;
// a table's repeated header cells as gridSpan and blank cells under a
// header label as vMerge. It covers only what the sample uses.
func markdownToDocx(t *testing.T, md string) []byte {
	t.Helper()
	var body strings.Builder
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "":
		case strings.HasPrefix(l, "### "):
			body.WriteString(wordPara("2", l[4:]))
		case strings.HasPrefix(l, "## "):
			body.WriteString(wordPara("1", l[3:]))
		case strings.HasPrefix(l, "# "):
			body.WriteString(wordPara("a3", l[2:]))
		case strings.HasPrefix(l, "- "):
			body.WriteString(wordPara("a9", l[2:]))
		case strings.HasPrefix(l, "图"):
			body.WriteString(wordPara("a5", l))
		case strings.HasPrefix(l, "表2"):
			body.WriteString(wordPara("a5", l))
		case strings.HasPrefix(l, "|"):
			var rows [][]string
			header := 1
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				if isDelimiterRow(lines[i]) {
					continue
				}
				rows = append(rows, pipeCells(lines[i]))
			}
			i--
			if len(rows) > 1 && rows[1][0] == "" {
				header = 2
			}
			body.WriteString(docxTable(rows, header))
		default:
			body.WriteString(wordPara("", l))
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"docProps/core.xml", fmt.Sprintf(docxCoreXML, "示例市年鉴2023")},
		{"word/styles.xml", docxStylesXML},
		{"word/document.xml", docxHead + body.String() + docxTail},
	}
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	mdRun = regexp.MustCompile(`\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)]*\)|` + "`[^`]+`")
)

// wordPara writes one w:p; Markdown emphasis and links become runs.
func wordPara(style, text string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	last := 0
	for _, m := range mdRun.FindAllStringIndex(text, -1) {
		b.WriteString(docxRun(text[last:m[0]], ""))
		tok := text[m[0]:m[1]]
		switch {
		case strings.HasPrefix(tok, "**"):
			b.WriteString(docxRun(strings.Trim(tok, "*"), "<w:rPr><w:b/></w:rPr>"))
		case strings.HasPrefix(tok, "*"):
			b.WriteString(docxRun(strings.Trim(tok, "*"), "<w:rPr><w:i/></w:rPr>"))
		case strings.HasPrefix(tok, "`"):
			b.WriteString(docxRun(strings.Trim(tok, "`"), `<w:rPr><w:rFonts w:ascii="Consolas"/></w:rPr>`))
		default:
			label := tok[1:strings.Index(tok, "]")]
			b.WriteString(`<w:hyperlink r:id="rId9">` + docxRun(label, "") + `</w:hyperlink>`)
		}
		last = m[1]
	}
	b.WriteString(docxRun(text[last:], ""))
	b.WriteString("</w:p>")
	return b.String()
}

func docxRun(text, props string) string {
	if text == "" {
		return ""
	}
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(text))
	return `<w:r>` + props + `<w:t xml:space="preserve">` + esc.String() + `</w:t></w:r>`
}

// docxTable writes the rows; in header rows, runs of equal cells become
// one cell with gridSpan and a blank under a label continues it (vMerge).
func docxTable(rows [][]string, header int) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="a7"/></w:tblPr>`)
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if i < header {
			b.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
		}
		for j := 0; j < len(row); {
			span := 1
			for i < header && j+span < len(row) && row[j+span] == row[j] && row[j] != "" {
				span++
			}
			var pr string
			switch {
			case span > 1:
				pr = fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span)
			case i < header && i+1 < header && rows[i+1][j] == "":
				pr = `<w:vMerge w:val="restart"/>`
			case i < header && i > 0 && row[j] == "":
				pr = `<w:vMerge/>`
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>` + pr + `</w:tcPr>` + wordPara("", row[j]) + `</w:tc>`)
			j += span
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`

const docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const docxCoreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>示例市地方史志办公室</dc:creator></cp:coreProperties>`

// The styles of a Chinese-locale Word: ids are not the names.
const docxStylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="caption"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a9"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="table" w:styleId="a7"><w:name w:val="Table Grid"/></w:style>
</w:styles>`
