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
		ch.Sources = append(ch.Sources, b.pendingSource...)
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
}

func (b *mdBuilder) block(line int, text string) {
	for _, pre := range sourcePrefixes {
		if rest, ok := strings.CutPrefix(text, pre); ok {
			ch := b.chapter()
			ch.Sources = append(ch.Sources, splitSources(strings.Trim(rest, "()（）。 "))...)
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
			b.block(start, joinLines(para))
			para = nil
		}
	}
	for i, l := range lines {
		if l == "" {
			flush()
			continue
		}
		if lv := headingLevel(l); lv > 0 {
			if t, ok := markdownHeading(l, lv); ok {
				flush()
				b.heading(lv, t)
				continue
			}
		}
		if len(para) == 0 {
			start = i + 1
		}
		para = append(para, l)
	}
	flush()
	b.settle(true)

	// Drop headings with nothing under them: every node of the tree should
	// lead to something to cite.
	var out []Chapter
	for _, ch := range b.chapters {
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
	return b.title, out, nil
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
