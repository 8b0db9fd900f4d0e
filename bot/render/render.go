// Package render turns a retrieval.Answer into the reply a user reads: the
// same layout as Telegram HTML (figures in bold) and as plain text for the
// terminal, the ask command and the eval judge.
package render

import (
	"html"
	"sort"
	"strings"

	"yearbookbot/retrieval"
)

// MaxRunes is Telegram's limit on a message's text, counted after entity
// parsing; the plain text is what counts, so both forms are cut by it.
const MaxRunes = 4096

// Message is one reply in both forms; Text is what a user sees of HTML.
type Message struct {
	Text string
	HTML string
}

// Answer renders the main reply: the facts, each group followed by its
// source line, or an honest "not found" with the closest sections.
func Answer(a retrieval.Answer) Message {
	var b builder
	switch {
	case a.Problem != "":
		b.plain(a.Problem)
	case !a.Answered || len(a.Facts) == 0:
		b.plain("年鉴中没有找到这个问题的答案。")
		if secs := closestSections(a.Hits, 3); len(secs) > 0 {
			b.plain("\n相近的内容：")
			for _, s := range secs {
				b.plain("\n· " + SourceLabel(s, false))
			}
		}
	default:
		for i, f := range a.Facts {
			if i > 0 {
				b.plain("\n")
			}
			b.fact(f)
			last := i == len(a.Facts)-1
			if last || a.Facts[i+1].Source.ParagraphID != f.Source.ParagraphID &&
				SourceLabel(a.Facts[i+1].Source, true) != SourceLabel(f.Source, true) {
				b.plain("\n📖 " + SourceLabel(f.Source, true))
			}
		}
	}
	return b.message()
}

// Passage renders a whole paragraph with its source, for 「原文」.
func Passage(h retrieval.Hit) Message {
	var b builder
	b.plain(h.Text)
	b.plain("\n📖 " + SourceLabel(h.Source, true))
	return b.message()
}

// SourceLabel is "海洋攻势 › 港口航运大幅提升（市海洋发展局、市发展改革委）"; the
// departments are left out when withDepts is false.
func SourceLabel(s retrieval.Source, withDepts bool) string {
	parts := make([]string, 0, 2)
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

type builder struct {
	text, html strings.Builder
}

func (b *builder) plain(s string) {
	b.text.WriteString(s)
	b.html.WriteString(html.EscapeString(s))
}

func (b *builder) bold(s string) {
	b.text.WriteString(s)
	b.html.WriteString("<b>" + html.EscapeString(s) + "</b>")
}

// fact writes the sentence with its figure spans in bold; spans that are
// out of range or overlap are dropped rather than trusted.
func (b *builder) fact(f retrieval.Fact) {
	spans := append([]retrieval.Span(nil), f.Figures...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(f.Text) || sp.Start >= sp.End {
			continue
		}
		b.plain(f.Text[pos:sp.Start])
		b.bold(f.Text[sp.Start:sp.End])
		pos = sp.End
	}
	b.plain(f.Text[pos:])
}

func (b *builder) message() Message {
	return Message{Text: b.text.String(), HTML: b.html.String()}
}
