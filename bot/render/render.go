// Package render turns a retrieval.Answer into the reply a user reads: the
// same layout as Telegram HTML (figures in bold) and as plain text for the
// terminal, the ask command and the eval judge.
//
// Every Message it returns is safe to send as-is: the HTML is valid Telegram
// HTML (only <b> and <pre> tags, every piece of text escaped, tags balanced) and the
// visible text fits Telegram's limit. A reply too long is cut at a rune
// boundary outside any tag and marked with "…", keeping the source line of
// the part that was cut, so a quote is never shown without its source.
package render

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"yearbookbot/retrieval"
)

// MaxRunes is Telegram's limit on a message's text, counted after entity
// parsing; the plain text is what counts, so both forms are cut by it.
// Telegram counts UTF-16 code units, which is never fewer than runes, so
// Message texts are measured that way to stay under the limit either way.
const MaxRunes = 4096

// maxLabelRunes bounds a source line, so that a pathological chapter or
// department name cannot crowd out the text it cites.
const maxLabelRunes = 300

const ellipsis = "…"

// Message is one reply in both forms; Text is what a user sees of HTML.
type Message struct {
	Text string
	HTML string
}

// Answer renders the main reply: the facts, each group followed by its
// source line, or an honest "not found" with the closest sections.
func Answer(a retrieval.Answer) Message {
	return layout(answerBlocks(a), MaxRunes)
}

// QuestionAndAnswer renders "问：question" on a line of its own above the
// answer, for a message that must show what was asked (an inline example
// posted into a chat). The question is cut first when both do not fit.
func QuestionAndAnswer(question string, a retrieval.Answer) Message {
	blocks := answerBlocks(a)
	if len(blocks) > 0 {
		blocks[0].sep = "\n"
	}
	q := block{body: []segment{{s: "问：", bold: true}, {s: Cut(oneLine(question), maxQuestionRunes)}}}
	return layout(append([]block{q}, blocks...), MaxRunes)
}

// maxQuestionRunes bounds the question QuestionAndAnswer shows, so the
// answer below it always has room.
const maxQuestionRunes = 300

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func answerBlocks(a retrieval.Answer) []block {
	var blocks []block
	switch {
	case a.Problem != "":
		blocks = append(blocks, block{body: []segment{{s: a.Problem}}})
	case !a.Answered || len(a.Facts) == 0:
		blocks = append(blocks, block{body: []segment{{s: "年鉴中没有找到这个问题的答案。"}}})
		if len(a.Related) > 0 {
			blocks = append(blocks, relatedBlocks(a.Related)...)
		} else if secs := closestSections(a.Hits, 3); len(secs) > 0 {
			blocks = append(blocks, block{sep: "\n", body: []segment{{s: "相近的内容："}}})
			for _, s := range secs {
				blocks = append(blocks, block{sep: "\n", body: []segment{{s: "· " + cutLabel(SourceLabel(s, false))}}})
			}
		}
	default:
		if a.Verdict != "" {
			// A yes/no question decided by the figure hears yes or no
			// first, then the figure that decides it.
			blocks = append(blocks, block{body: []segment{{s: a.Verdict + "。", bold: true}}})
		}
		// Facts that share a paragraph or a source line form one block with
		// the source line once, after the last of them.
		var cur *block
		for i, f := range a.Facts {
			if cur == nil {
				sep := ""
				if i > 0 || a.Verdict != "" {
					sep = "\n"
				}
				blocks = append(blocks, block{sep: sep})
				cur = &blocks[len(blocks)-1]
			} else {
				cur.body = append(cur.body, segment{s: "\n"})
			}
			cur.body = append(cur.body, factSegments(f)...)
			last := i == len(a.Facts)-1
			if last || a.Facts[i+1].Source.ParagraphID != f.Source.ParagraphID &&
				SourceLabel(a.Facts[i+1].Source, true) != SourceLabel(f.Source, true) {
				cur.tail = "\n📖 " + cutLabel(SourceLabel(f.Source, true))
				cur = nil
			}
		}
	}
	return blocks
}

// Passage renders a whole paragraph with its source, for 「原文」; a table
// cell or row shows its row under the table's header as a monospace block
// (see table.go).
func Passage(h retrieval.Hit) Message {
	if h.Table != nil {
		return tablePassage(h)
	}
	return layout([]block{{
		body: []segment{{s: h.Text}},
		tail: "\n📖 " + cutLabel(SourceLabel(h.Source, true)),
	}}, MaxRunes)
}

// More renders further passages, for 「更多」: a heading, then each quote
// with its figures in bold and its own source line.
func More(heading string, facts []retrieval.Fact) Message {
	blocks := []block{{body: []segment{{s: heading}}}}
	for _, f := range facts {
		blocks = append(blocks, block{
			sep:  "\n\n",
			body: factSegments(f),
			tail: "\n📖 " + cutLabel(SourceLabel(f.Source, true)),
		})
	}
	return layout(blocks, MaxRunes)
}

// Text renders plain text (a hint, a help page) the same way as answers:
// escaped for HTML and cut to the limit.
func Text(s string) Message {
	return layout([]block{{body: []segment{{s: s}}}}, MaxRunes)
}

// Builder composes a reply from plain and bold pieces, for pages such as
// /help and /about that are not answers. Its Message obeys the same limits.
type Builder struct {
	blocks []block
}

// Plain appends text shown as is.
func (b *Builder) Plain(s string) { b.add(segment{s: s}) }

// Bold appends text shown in bold.
func (b *Builder) Bold(s string) { b.add(segment{s: s, bold: true}) }

func (b *Builder) add(sg segment) {
	if len(b.blocks) == 0 {
		b.blocks = append(b.blocks, block{})
	}
	last := &b.blocks[len(b.blocks)-1]
	last.body = append(last.body, sg)
}

// Message lays the pieces out within Telegram's limit.
func (b *Builder) Message() Message { return layout(b.blocks, MaxRunes) }

// SourceLabel is "海洋攻势 › 港口航运大幅提升（市海洋发展局、市发展改革委）", led by
// the yearbook ("《青岛年鉴2021》 › …") when several are loaded; the
// departments are left out when withDepts is false.
func SourceLabel(s retrieval.Source, withDepts bool) string {
	parts := make([]string, 0, 3)
	if s.ShowYearbook && s.Yearbook != "" {
		parts = append(parts, "《"+s.Yearbook+"》")
	}
	if s.Chapter != "" {
		parts = append(parts, s.Chapter)
	}
	if s.Section != "" && s.Section != s.Chapter {
		parts = append(parts, s.Section)
	}
	label := strings.Join(parts, " › ")
	if withDepts && len(s.Sources) > 0 {
		label += "（" + strings.Join(s.Sources, "、") + "）"
	}
	return label
}

// Figures lists the figures of a fact as written ("244亿元"), skipping
// spans that are out of range or overlap, as the bold rendering does.
func Figures(f retrieval.Fact) []string {
	var out []string
	for _, sp := range cleanSpans(f) {
		out = append(out, f.Text[sp.Start:sp.End])
	}
	return out
}

// Cut shortens s to at most n runes, ending it with "…" when it was cut;
// for titles and descriptions that have their own, smaller limits.
func Cut(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	rs := []rune(s)
	return string(rs[:n-1]) + ellipsis
}

func cutLabel(s string) string { return Cut(s, maxLabelRunes) }

// relatedBlocks show what the yearbook says closest to a refused
// question: plain text (no figure in bold, which would read as the
// answer), short, under a label saying it is not the answer.
func relatedBlocks(fs []retrieval.Fact) []block {
	out := []block{{sep: "\n", body: []segment{{s: "相关内容（不是答案，仅供参考）："}}}}
	for _, f := range fs[:min(len(fs), maxRelated)] {
		out = append(out, block{sep: "\n", body: []segment{{s: Cut(f.Text, maxRelatedRunes)}},
			tail: "\n📖 " + cutLabel(SourceLabel(f.Source, true))})
	}
	return out
}

// maxRelated and maxRelatedRunes keep a refusal short: the closest
// sentence of at most two question parts, each cut to a line or two.
const (
	maxRelated      = 2
	maxRelatedRunes = 80
)

func closestSections(hits []retrieval.Hit, n int) []retrieval.Source {
	var out []retrieval.Source
	seen := map[string]bool{}
	for _, h := range hits {
		key := h.Chapter + "\x00" + h.Section
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, h.Source)
		if len(out) == n {
			break
		}
	}
	return out
}

// segment is a run of text shown plain, bold or monospace (pre).
type segment struct {
	s    string
	bold bool
	pre  bool
}

// block is a unit of layout: sep joins it to the block before, body may be
// cut, tail (the source line) is kept whole and shown whenever any part of
// the body is.
type block struct {
	sep  string
	body []segment
	tail string
}

// factSegments is the sentence with its figure spans in bold; spans that
// are out of range, inside a rune or overlapping are dropped rather than
// trusted.
func factSegments(f retrieval.Fact) []segment {
	// A quote cut out of a longer sentence may end on the comma or
	// semicolon that went on to the next clause; shown alone it ends there.
	f.Text = strings.TrimRight(f.Text, ",;:，；：、 ")
	var out []segment
	pos := 0
	for _, sp := range cleanSpans(f) {
		out = append(out, segment{s: f.Text[pos:sp.Start]}, segment{s: f.Text[sp.Start:sp.End], bold: true})
		pos = sp.End
	}
	return append(out, segment{s: f.Text[pos:]})
}

func cleanSpans(f retrieval.Fact) []retrieval.Span {
	spans := append([]retrieval.Span(nil), f.Figures...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(f.Text) || sp.Start >= sp.End ||
			!utf8.RuneStart(runeAt(f.Text, sp.Start)) || !utf8.RuneStart(runeAt(f.Text, sp.End)) {
			continue
		}
		out = append(out, sp)
		pos = sp.End
	}
	return out
}

// runeAt is the byte at i, or a rune start at the end of s.
func runeAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// units is the length Telegram counts: UTF-16 code units.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// layout writes the blocks in both forms until limit units of visible text
// are used. A block that does not fit whole is cut inside its body and
// followed by "…" and its own tail; nothing after it is shown.
func layout(blocks []block, limit int) Message {
	var w writer
	for i := range blocks {
		bl := &blocks[i]
		sep, tail := clean(bl.sep), clean(bl.tail)
		if i == 0 {
			sep = ""
		}
		need := units(sep) + units(tail)
		for _, sg := range bl.body {
			need += units(clean(sg.s))
		}
		if w.n+need <= limit {
			w.write(sep, false)
			for _, sg := range bl.body {
				w.writeSeg(clean(sg.s), sg)
			}
			w.write(tail, false)
			continue
		}
		room := limit - w.n - units(sep) - units(ellipsis) - units(tail)
		if room > 0 {
			w.write(sep, false)
			for _, sg := range bl.body {
				s := clean(sg.s)
				if u := units(s); u <= room {
					w.writeSeg(s, sg)
					room -= u
					continue
				}
				w.writeSeg(prefix(s, room), sg)
				break
			}
			w.write(ellipsis, false)
			w.write(tail, false)
		} else if w.n+units(ellipsis) <= limit {
			w.write(ellipsis, false)
		}
		break
	}
	return Message{Text: w.text.String(), HTML: w.html.String()}
}

// prefix is the longest rune-aligned start of s of at most n units.
func prefix(s string, n int) string {
	used := 0
	for i, r := range s {
		u := utf16.RuneLen(r)
		if used+u > n {
			return s[:i]
		}
		used += u
	}
	return s
}

// clean makes s valid UTF-8, so that cutting and escaping stay rune-exact.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

type writer struct {
	text, html strings.Builder
	n          int
}

func (w *writer) write(s string, bold bool) { w.writeSeg(s, segment{bold: bold}) }

// writeSeg writes s in sg's style, its tags closed within the call so a
// cut never leaves one open.
func (w *writer) writeSeg(s string, sg segment) {
	if s == "" {
		return
	}
	w.n += units(s)
	w.text.WriteString(s)
	tag := ""
	switch {
	case sg.pre:
		tag = "pre"
	case sg.bold:
		tag = "b"
	}
	if tag != "" {
		w.html.WriteString("<" + tag + ">")
	}
	escapeTo(&w.html, s)
	if tag != "" {
		w.html.WriteString("</" + tag + ">")
	}
}

// escapeTo escapes the three characters Telegram's HTML parser requires to
// be escaped in text, using only entities it documents.
func escapeTo(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
}
