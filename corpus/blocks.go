package corpus

import (
	"errors"
	"strings"
)

// block is one unit of a document without lines (Word, HTML): a heading, a
// paragraph, a caption or a table. Its line is its ordinal in document
// order, a table's rows each counting as one, so ids, `corpus --json` and
// question sets can cite it as they cite a line of text.
type block struct {
	kind  blockKind
	level int // heading level as the document writes it; 0 is its title
	text  string
	line  int
	table rawTable
}

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockCaption // a figure caption (figcaption, a Caption style)
	blockTable
)

// errNoText is returned (wrapped) for a document with no readable text.
var errNoText = errors.New("no text found")

// assemble builds the yearbook tree from blocks. The levels are the same
// in every format: the document's title (given, a level-0 heading, or a
// lone first heading of the top level) is the yearbook's title, the next
// heading level a chapter, the next a section.
func assemble(given string, blocks []block) (string, []Chapter, string, error) {
	var b mdBuilder
	shift := headingShift(blocks)
	var text strings.Builder
	for _, bl := range blocks {
		switch bl.kind {
		case blockHeading:
			level := 1
			if bl.level > 0 {
				level = bl.level + shift
			}
			b.heading(level, bl.text)
		case blockParagraph:
			b.block(bl.line, bl.text)
		case blockCaption:
			b.caption(bl.line, bl.text)
		case blockTable:
			b.table(bl.table)
			for _, r := range bl.table.rows {
				text.WriteString(strings.Join(r, " "))
				text.WriteByte('\n')
			}
			continue
		}
		text.WriteString(bl.text)
		text.WriteByte('\n')
	}
	b.settle(true)
	if text.Len() == 0 {
		return "", nil, "", errNoText
	}
	title := b.title
	if title == "" {
		title = given
	}
	return title, dropEmpty(b.chapters), text.String(), nil
}

// headingShift maps the document's heading levels onto mdBuilder's (1
// title, 2 chapter, 3 and deeper section): the top level is the title when
// one heading of it opens the document and no title is given, else it is
// the chapter level.
func headingShift(blocks []block) int {
	top, count, first, titled := 0, 0, 0, false
	for _, bl := range blocks {
		if bl.kind != blockHeading {
			continue
		}
		if bl.level == 0 {
			titled = true
			continue
		}
		if first == 0 {
			first = bl.level
		}
		switch {
		case top == 0 || bl.level < top:
			top, count = bl.level, 1
		case bl.level == top:
			count++
		}
	}
	if top == 0 {
		return 0
	}
	if !titled && count == 1 && first == top {
		return 1 - top
	}
	return 2 - top
}

// caption adds a figure caption: 图N captions are numbered, others kept as
// captions without a number.
func (b *mdBuilder) caption(line int, text string) {
	b.settle(false)
	p := Paragraph{Line: line, Kind: KindCaption, Text: text}
	if fig, rest, ok := captionLabel(text); ok {
		p.Figure, p.Text = fig, rest
	}
	s := b.section()
	s.Paragraphs = append(s.Paragraphs, p)
	b.run = 0
}
