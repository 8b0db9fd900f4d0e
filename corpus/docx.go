package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A .docx is a zip of XML parts; the text is in word/document.xml, the
// heading levels in word/styles.xml, the title maybe in docProps/core.xml.
// Plain archive/zip and encoding/xml read them: no external program.
const (
	docxDocument = "word/document.xml"
	docxStyles   = "word/styles.xml"
	docxCore     = "docProps/core.xml"
	// maxPartBytes bounds one decompressed part, so a zip bomb is an
	// error, not an exhausted machine.
	maxPartBytes = 4 * maxFileBytes
)

// parseDocx reads a Word document: headings by their styles, paragraphs,
// captions and tables in document order.
func parseDocx(data []byte) (string, []Chapter, string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", nil, "", fmt.Errorf("not a Word .docx file (not a zip archive): %w", err)
	}
	doc, err := zipPart(zr, docxDocument)
	if err != nil {
		return "", nil, "", err
	}
	if doc == nil {
		return "", nil, "", fmt.Errorf("not a Word .docx file: the archive has no %s", docxDocument)
	}
	styles := docxStyleMap{}
	if raw, err := zipPart(zr, docxStyles); err != nil {
		return "", nil, "", err
	} else if raw != nil {
		if styles, err = readDocxStyles(raw); err != nil {
			return "", nil, "", fmt.Errorf("%s: %w", docxStyles, err)
		}
	}
	title := ""
	if raw, err := zipPart(zr, docxCore); err == nil && raw != nil {
		title = readCoreTitle(raw)
	}
	blocks, err := readDocxBody(doc, styles)
	if err != nil {
		return "", nil, "", fmt.Errorf("%s: %w", docxDocument, err)
	}
	return assemble(title, blocks)
}

// zipPart returns the named part, nil when the archive lacks it.
func zipPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(data) > maxPartBytes {
			return nil, fmt.Errorf("%s: over %d bytes uncompressed", name, maxPartBytes)
		}
		return data, nil
	}
	return nil, nil
}

// docxStyle is what a paragraph style says about structure.
type docxStyle struct {
	name    string
	basedOn string
	outline int // outline level 0-8 as written, -1 when none
}

type docxStyleMap map[string]docxStyle

func readDocxStyles(raw []byte) (docxStyleMap, error) {
	m := docxStyleMap{}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var cur string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return m, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			cur = ""
			if attr(se, "type") == "paragraph" || attr(se, "type") == "" {
				cur = attr(se, "styleId")
				m[cur] = docxStyle{outline: -1}
			}
		case "name", "basedOn", "outlineLvl":
			if cur == "" {
				continue
			}
			s := m[cur]
			switch se.Name.Local {
			case "name":
				s.name = attr(se, "val")
			case "basedOn":
				s.basedOn = attr(se, "val")
			case "outlineLvl":
				s.outline = atoiOr(attr(se, "val"), -1)
			}
			m[cur] = s
		}
	}
}

// Paragraph roles a style gives.
const (
	roleBody = iota
	roleTitle
	roleHeading
	roleCaption
)

// role resolves a style id to its role and heading level: by the style's
// name (heading 1, 标题 1, Title, caption, 题注), its outline level, or the
// style it is based on. Without styles.xml the ids Word writes stand in:
// Heading1, Title, and a Chinese-locale Word's "1", "2", "3".
func (m docxStyleMap) role(id string) (int, int) {
	for depth := 0; id != "" && depth < 10; depth++ {
		s, ok := m[id]
		if !ok {
			return roleOfName(id, true)
		}
		if r, lv := roleOfName(s.name, false); r != roleBody {
			return r, lv
		}
		if s.outline >= 0 && s.outline < 9 {
			return roleHeading, s.outline + 1
		}
		id = s.basedOn
	}
	return roleBody, 0
}

func roleOfName(name string, isID bool) (int, int) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "title", "标题":
		return roleTitle, 0
	case "caption", "题注":
		return roleCaption, 0
	}
	for _, pre := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(n, pre); ok {
			if lv := atoiOr(strings.TrimSpace(rest), 0); lv >= 1 && lv <= 9 {
				return roleHeading, lv
			}
		}
	}
	if isID {
		if lv := atoiOr(n, 0); lv >= 1 && lv <= 9 {
			return roleHeading, lv
		}
	}
	return roleBody, 0
}

func readCoreTitle(raw []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
			var s string
			if dec.DecodeElement(&s, &se) != nil {
				return ""
			}
			return cleanLine(s)
		}
	}
}

// docxReader walks document.xml's body, numbering blocks as it goes.
type docxReader struct {
	dec    *xml.Decoder
	styles docxStyleMap
	blocks []block
	n      int // block ordinal
}

func readDocxBody(raw []byte, styles docxStyleMap) ([]block, error) {
	r := &docxReader{dec: xml.NewDecoder(bytes.NewReader(raw)), styles: styles}
	for {
		tok, err := r.dec.Token()
		if errors.Is(err, io.EOF) {
			return r.blocks, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "p":
			p, err := r.paragraph()
			if err != nil {
				return nil, err
			}
			r.addParagraph(p)
		case "tbl":
			rt, err := r.table()
			if err != nil {
				return nil, err
			}
			r.addTable(rt)
		}
	}
}

// addTable adds a table, or the text of a box: Word authors frame notes
// (专栏) in a table of one column, which holds text, not figures.
func (r *docxReader) addTable(rt rawTable) {
	width := 0
	for _, row := range rt.rows {
		width = max(width, len(row))
	}
	if width > 1 && len(rt.rows) > 1 {
		r.blocks = append(r.blocks, block{kind: blockTable, table: rt, line: rt.lines[0]})
		return
	}
	for i, row := range rt.rows {
		for _, c := range row {
			if c != "" {
				r.blocks = append(r.blocks, block{kind: blockParagraph, text: c, line: rt.lines[i]})
			}
		}
	}
}

type docxPara struct {
	text    string
	style   string
	outline int
}

// paragraph reads a w:p up to its end: its style, outline level and the
// text of its runs (w:t; tabs as spaces, breaks as line breaks).
func (r *docxReader) paragraph() (docxPara, error) {
	p := docxPara{outline: -1}
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return p, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "pStyle":
				p.style = attr(t, "val")
			case "outlineLvl":
				p.outline = atoiOr(attr(t, "val"), -1)
			case "tab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			case "t":
				var s string
				if err := r.dec.DecodeElement(&s, &t); err != nil {
					return p, err
				}
				depth--
				b.WriteString(s)
			}
		case xml.EndElement:
			depth--
		}
	}
	p.text = cleanCell(b.String())
	return p, nil
}

func (r *docxReader) addParagraph(p docxPara) {
	if p.text == "" {
		return
	}
	role, level := r.styles.role(p.style)
	if p.outline >= 0 && p.outline < 9 && role != roleTitle {
		role, level = roleHeading, p.outline+1
	}
	r.n++
	bl := block{kind: blockParagraph, text: p.text, line: r.n}
	switch role {
	case roleTitle:
		bl.kind, bl.level = blockHeading, 0
	case roleHeading:
		bl.kind, bl.level = blockHeading, level
	case roleCaption:
		// A caption styled 表N… titles the table after it; 图N… and
		// others caption a figure.
		if !strings.HasPrefix(p.text, "表") {
			bl.kind = blockCaption
		}
	}
	r.blocks = append(r.blocks, bl)
}

// docxCell is one w:tc as written: its text, how many grid columns it
// spans, and whether it continues a vertical merge from the row above.
type docxCell struct {
	text   string
	span   int
	merged bool
}

// table reads a w:tbl up to its end and expands merged cells; each row is
// one block. A nested table's text stays in its cell.
func (r *docxReader) table() (rawTable, error) {
	var rows [][]docxCell
	var before []int
	header := 0
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return rawTable{}, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "tr":
				rows = append(rows, nil)
				before = append(before, 0)
			case "gridBefore":
				if len(before) > 0 {
					before[len(before)-1] = atoiOr(attr(t, "val"), 0)
				}
			case "tblHeader":
				if len(rows) == header+1 && attr(t, "val") != "0" && attr(t, "val") != "false" {
					header++
				}
			case "tc":
				c, err := r.cell()
				if err != nil {
					return rawTable{}, err
				}
				depth--
				if len(rows) > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], c)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	rt := rawTable{rows: expandDocxRows(rows, before), header: header}
	for range rt.rows {
		r.n++
		rt.lines = append(rt.lines, r.n)
	}
	return rt, nil
}

// cell reads a w:tc: its span, merge and paragraphs' text.
func (r *docxReader) cell() (docxCell, error) {
	c := docxCell{span: 1}
	var parts []string
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return c, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			// A nested table's own spans and merges sit deeper than 3.
			case "gridSpan":
				if depth != 3 {
					continue
				}
				c.span = min(max(atoiOr(attr(t, "val"), 1), 1), maxColumns)
			case "vMerge":
				if depth != 3 {
					continue
				}
				c.merged = attr(t, "val") != "restart"
			case "p":
				p, err := r.paragraph()
				if err != nil {
					return c, err
				}
				depth--
				if p.text != "" {
					parts = append(parts, p.text)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	c.text = joinLines(parts)
	return c, nil
}

// expandDocxRows lays the cells on the grid: a cell spanning n columns is
// repeated n times, a vertical merge's continuation takes the text above.
func expandDocxRows(rows [][]docxCell, before []int) [][]string {
	out := make([][]string, 0, len(rows))
	for i, row := range rows {
		var cells []string
		for range min(before[i], maxColumns) {
			cells = append(cells, "")
		}
		for _, c := range row {
			for range c.span {
				if len(cells) >= maxColumns {
					break
				}
				text := c.text
				if c.merged && len(out) > 0 && len(cells) < len(out[len(out)-1]) {
					text = out[len(out)-1][len(cells)]
				}
				cells = append(cells, text)
			}
		}
		out = append(out, cells)
	}
	return out
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("truncated XML: %w", io.ErrUnexpectedEOF)
	}
	return err
}
