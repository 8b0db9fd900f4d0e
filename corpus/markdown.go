package corpus

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isMarkdown tells the Markdown layout from the plain one: by extension, or
// by a chapter heading line, which plain text never has.
func isMarkdown(name string, lines []string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	for _, l := range lines {
		if _, ok := markdownHeading(l, 2); ok {
			return true
		}
	}
	return false
}

// markdownHeading returns the text of an ATX heading of exactly the given
// level. The space after the hashes is optional because Chinese authors
// often leave it out (##海洋攻势).
func markdownHeading(l string, level int) (string, bool) {
	n := headingLevel(l)
	if n != level {
		return "", false
	}
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l[n:]), "#"))
	return t, t != ""
}

func headingLevel(l string) int {
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(l) {
		return 0
	}
	return n
}

// sourcePrefixes introduce a chapter's credits in Markdown.
var sourcePrefixes = []string{"来源：", "来源:", "资料来源：", "资料来源:", "供稿：", "供稿:", "撰稿：", "撰稿:"}

type mdBuilder struct {
	title    string
	chapters []Chapter
	// a credit paragraph in parentheses counts only when it ends its
	// chapter, so it waits here until the next paragraph or chapter.
	pendingSource []string
	pendingLine   int
	pendingText   string
	// run counts the paragraphs added since the last heading or table:
	// those are the lines right before a table that may be its title.
	run int
}

func (b *mdBuilder) chapter() *Chapter {
	if len(b.chapters) == 0 {
		b.chapters = append(b.chapters, Chapter{Title: overviewTitle, Sources: []string{}})
	}
	return &b.chapters[len(b.chapters)-1]
}

func (b *mdBuilder) section() *Section {
	ch := b.chapter()
	if len(ch.Sections) == 0 {
		ch.Sections = append(ch.Sections, Section{Heading: ch.Title})
	}
	return &ch.Sections[len(ch.Sections)-1]
}

func (b *mdBuilder) settle(asSource bool) {
	if b.pendingLine == 0 {
		return
	}
	if asSource {
		ch := b.chapter()
		ch.credit(b.pendingSource)
		ch.SourceLine = b.pendingLine
	} else {
		b.addParagraph(b.pendingLine, b.pendingText)
	}
	b.pendingLine, b.pendingSource, b.pendingText = 0, nil, ""
}

func (b *mdBuilder) addParagraph(line int, text string) {
	p := Paragraph{Line: line, Kind: KindParagraph, Text: text}
	if fig, rest, ok := captionLabel(text); ok {
		p.Kind, p.Figure, p.Text = KindCaption, fig, rest
	}
	s := b.section()
	s.Paragraphs = append(s.Paragraphs, p)
	b.run++
}

// table adds a table to the current section, taking its unit line and
// title line from the paragraphs right before it when it has no caption.
func (b *mdBuilder) table(rt rawTable) {
	if len(rt.rows) < 2 {
		return // a header alone (or a one-cell box of a page) holds no figure
	}
	b.settle(false)
	s := b.section()
	var title, unit string
	if rt.caption == "" {
		if u, ok := b.lastParagraph(s, func(t string) bool { _, ok := unitLine(t); return ok }); ok {
			unit, _ = unitLine(u)
		}
		title, _ = b.lastParagraph(s, tableTitle)
	}
	t, ps := tableParagraphs(rt, title, unit)
	s.Tables = append(s.Tables, t)
	for i := range ps {
		ps[i].Table = len(s.Tables)
	}
	s.Paragraphs = append(s.Paragraphs, ps...)
	b.run = 0
}

// lastParagraph removes and returns the section's last paragraph when it
// came right before the table and passes ok.
func (b *mdBuilder) lastParagraph(s *Section, ok func(string) bool) (string, bool) {
	n := len(s.Paragraphs)
	if b.run == 0 || n == 0 || s.Paragraphs[n-1].Kind != KindParagraph || !ok(s.Paragraphs[n-1].Text) {
		return "", false
	}
	text := s.Paragraphs[n-1].Text
	s.Paragraphs = s.Paragraphs[:n-1]
	b.run--
	return text, true
}

func (b *mdBuilder) block(line int, text string) {
	for _, pre := range sourcePrefixes {
		if rest, ok := strings.CutPrefix(text, pre); ok {
			ch := b.chapter()
			ch.credit(splitSources(strings.Trim(rest, "()（）。 ")))
			ch.SourceLine = line
			return
		}
	}
	b.settle(false)
	if inner, ok := sourceLine(text); ok {
		b.pendingLine, b.pendingSource, b.pendingText = line, splitSources(inner), text
		return
	}
	b.addParagraph(line, text)
}

func (b *mdBuilder) heading(level int, text string) {
	b.settle(true)
	b.run = 0
	switch {
	case level == 1 && b.title == "" && len(b.chapters) == 0:
		b.title = text
	case level <= 2:
		b.chapters = append(b.chapters, Chapter{Title: text, Sources: []string{}})
	default:
		ch := b.chapter()
		ch.Sections = append(ch.Sections, Section{Heading: text})
	}
}

// parseMarkdown reads the Markdown layout described in the package comment.
func parseMarkdown(lines []string) (string, []Chapter, error) {
	var b mdBuilder
	var para []string
	start := 0
	flush := func() {
		if len(para) > 0 {
			b.block(start, plainInline(joinLines(para)))
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" || isThematicBreak(l) || strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			// Fence lines and rules (---, * * *) only separate paragraphs.
			flush()
			continue
		}
		if lv := headingLevel(l); lv > 0 {
			if t, ok := markdownHeading(l, lv); ok {
				flush()
				b.heading(lv, plainInline(t))
				continue
			}
		}
		if i+1 < len(lines) && isPipeRow(l) && isDelimiterRow(lines[i+1]) {
			flush()
			rt := rawTable{header: 1, rows: [][]string{pipeCells(l)}, lines: []int{i + 1}}
			for i += 2; i < len(lines) && isPipeRow(lines[i]); i++ {
				rt.rows = append(rt.rows, pipeCells(lines[i]))
				rt.lines = append(rt.lines, i+1)
			}
			i--
			b.table(rt)
			continue
		}
		if item, ok := listItem(l); ok {
			flush()
			l = item
		} else if q, ok := strings.CutPrefix(l, ">"); ok {
			l = strings.TrimSpace(q)
		}
		if len(para) == 0 {
			start = i + 1
		}
		para = append(para, l)
	}
	flush()
	b.settle(true)
	return b.title, dropEmpty(b.chapters), nil
}

// dropEmpty drops headings with nothing under them: every node of the tree
// should lead to something to cite.
func dropEmpty(chapters []Chapter) []Chapter {
	var out []Chapter
	for _, ch := range chapters {
		var secs []Section
		for _, s := range ch.Sections {
			if len(s.Paragraphs) > 0 {
				secs = append(secs, s)
			}
		}
		if len(secs) == 0 {
			continue
		}
		ch.Sections = secs
		out = append(out, ch)
	}
	return out
}

// joinLines joins the lines of one paragraph. Chinese text wraps without a
// space; words of Latin script need one.
func joinLines(ls []string) string {
	var sb strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(sb.String())
			next, _ := utf8.DecodeRuneInString(l)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf && (unicode.IsLetter(prev) || unicode.IsDigit(prev) || unicode.IsPunct(prev)) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l)
	}
	return sb.String()
}
