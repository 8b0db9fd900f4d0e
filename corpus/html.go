package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// skippedElements hold a page's furniture, not the yearbook's text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Button: true,
	atom.Select: true, atom.Object: true, atom.Head: true,
}

// skippedRoles are ARIA roles of the same furniture.
var skippedRoles = []string{"navigation", "banner", "contentinfo", "complementary", "search"}

// maxRowSpan bounds a rowspan from the file, as maxColumns bounds colspan.
const maxRowSpan = 1000

// parseHTML reads a saved web page of a yearbook: h1–h6, paragraphs,
// tables, figure captions, in document order; the page's furniture
// (scripts, styles, navigation, header, footer) dropped.
func parseHTML(data []byte) (string, []Chapter, string, error) {
	text, err := decodeHTML(data)
	if err != nil {
		return "", nil, "", err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return "", nil, "", fmt.Errorf("HTML: %w", err)
	}
	r := &htmlReader{}
	r.walk(root)
	r.flush()
	return assemble(r.title, r.blocks)
}

// decodeHTML honours the charset the page declares (a BOM, <meta charset>);
// a page that declares none is read as the text files are: UTF-8, else
// GBK/GB18030.
func decodeHTML(data []byte) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if !certain && name == "windows-1252" || name == "utf-8" {
		// windows-1252 is the sniffer's default when the page says nothing.
		return decodeText(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return "", fmt.Errorf("file is empty")
	}
	return string(out), nil
}

type htmlReader struct {
	title  string
	blocks []block
	n      int // block ordinal
	inline strings.Builder
	// inFigcaption makes flushed text a figure caption.
	inFigcaption bool
}

func (r *htmlReader) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		return
	}
	if n.DataAtom == atom.Title && r.title == "" {
		r.title = collapse(textOf(n))
		return
	}
	if skippedElements[n.DataAtom] || hasRole(n, skippedRoles) {
		if n.DataAtom == atom.Head {
			r.findTitle(n)
		}
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.flush()
		if t := collapse(textOf(n)); t != "" {
			r.n++
			level, _ := strconv.Atoi(n.Data[1:])
			r.blocks = append(r.blocks, block{kind: blockHeading, level: level, text: t, line: r.n})
		}
		return
	case atom.Table:
		r.flush()
		if !layoutTable(n) {
			r.table(n)
			return
		}
	case atom.Br:
		r.flush()
		return
	case atom.Figcaption:
		r.flush()
		r.inFigcaption = true
		defer func() { r.flush(); r.inFigcaption = false }()
	}
	block := isBlockElement(n.DataAtom)
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

func (r *htmlReader) findTitle(head *html.Node) {
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Title && r.title == "" {
			r.title = collapse(textOf(c))
		}
	}
}

// flush ends the running inline text as a paragraph (or caption).
func (r *htmlReader) flush() {
	t := collapse(r.inline.String())
	r.inline.Reset()
	if t == "" {
		return
	}
	r.n++
	kind := blockParagraph
	if r.inFigcaption {
		kind = blockCaption
	}
	r.blocks = append(r.blocks, block{kind: kind, text: t, line: r.n})
}

// table reads a table's caption and rows, colspan and rowspan expanded;
// leading rows in <thead> or of <th> cells only are marked as header.
func (r *htmlReader) table(n *html.Node) {
	rt := rawTable{}
	var trs []*html.Node
	var inHead []bool
	var visit func(n *html.Node, head bool)
	visit = func(n *html.Node, head bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Caption:
				rt.caption = collapse(textOf(c))
			case atom.Thead:
				visit(c, true)
			case atom.Tbody, atom.Tfoot:
				visit(c, false)
			case atom.Tr:
				trs = append(trs, c)
				inHead = append(inHead, head)
			}
		}
	}
	visit(n, false)
	var pending []span // rowspans reaching into later rows, by column
	header, counting := 0, true
	for i, tr := range trs {
		var row []string
		allTH := true
		col := 0
		place := func(text string, rows int) {
			for len(pending) <= col {
				pending = append(pending, span{})
			}
			pending[col] = span{text: text, rows: rows - 1}
			row = append(row, text)
			col++
		}
		fill := func() {
			for col < len(pending) && pending[col].rows > 0 && col < maxColumns {
				pending[col].rows--
				row = append(row, pending[col].text)
				col++
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			allTH = allTH && c.DataAtom == atom.Th
			fill()
			text := collapse(textOf(c))
			cs := min(max(intAttr(c, "colspan"), 1), maxColumns)
			rs := min(max(intAttr(c, "rowspan"), 1), maxRowSpan)
			for k := 0; k < cs && col < maxColumns; k++ {
				place(text, rs)
			}
		}
		fill()
		if counting && (inHead[i] || allTH && len(row) > 0) {
			header++
		} else {
			counting = false
		}
		r.n++
		rt.rows = append(rt.rows, row)
		rt.lines = append(rt.lines, r.n)
	}
	rt.header = header
	if len(rt.rows) > 0 {
		r.blocks = append(r.blocks, block{kind: blockTable, table: rt, line: rt.lines[0]})
	}
}

// maxCellRunes is the most text a data cell holds; a cell with more is a
// page laid out in a table.
const maxCellRunes = 200

// layoutTable reports whether a table lays out a page rather than holding
// data, as older government sites do: it holds headings or tables, a cell
// of a whole article, or one column only (a framed note). Its content is
// read as the page's flow.
func layoutTable(n *html.Node) bool {
	layout, wide := false, false
	var visit func(*html.Node)
	visit = func(c *html.Node) {
		for c := c.FirstChild; c != nil && !layout; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table:
				layout = true
			case atom.Tr:
				cells := 0
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cells++
					}
				}
				wide = wide || cells > 1
				visit(c)
			case atom.Td, atom.Th:
				layout = utf8.RuneCountInString(collapse(textOf(c))) > maxCellRunes
				if !layout {
					visit(c)
				}
			default:
				visit(c)
			}
		}
	}
	visit(n)
	return layout || !wide
}

type span struct {
	text string
	rows int
}

func intAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err == nil {
				return v
			}
		}
	}
	return 1
}

func hasRole(n *html.Node, roles []string) bool {
	for _, a := range n.Attr {
		if a.Key == "role" {
			for _, r := range roles {
				if a.Val == r {
					return true
				}
			}
		}
	}
	return false
}

// textOf is the text under n, scripts and styles left out; <br> counts as
// a line break.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		case n.Type == html.ElementNode && (n.DataAtom == atom.Br || isBlockElement(n.DataAtom)):
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse folds HTML white space: runs of it become one space between
// Latin words and nothing between Chinese characters, as in the text files.
func collapse(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
			return ' '
		}
		return r
	}, s)
	return joinLines(strings.Fields(cleanLine(s)))
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dd, atom.Dt,
		atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Main,
		atom.Figure, atom.Figcaption, atom.Body, atom.Hr, atom.Address, atom.Center,
		atom.Table, atom.Tr, atom.Td, atom.Th:
		return true
	}
	return false
}
