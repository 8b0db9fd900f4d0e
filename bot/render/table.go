package render

import (
	"strings"
	"unicode"

	"yearbookbot/retrieval"
)

// tablePassage renders a table cell's or row's 「原文」: the table's title,
// its header rows and the row as a monospace block with aligned columns,
// its unit, and the source line.
func tablePassage(h retrieval.Hit) Message {
	t := h.Table
	var body []segment
	if t.Title != "" {
		body = append(body, segment{s: t.Title + "\n"})
	}
	body = append(body, segment{s: grid(append(append([][]string{}, t.Header...), t.Row)), pre: true})
	tail := ""
	if t.Unit != "" {
		tail = "\n单位：" + t.Unit
	}
	tail += "\n📖 " + cutLabel(SourceLabel(h.Source, true))
	return layout([]block{{body: body, tail: tail}}, MaxRunes)
}

// columnSep separates the cells of a grid line.
const columnSep = " | "

// grid lays rows out in columns padded to the widest cell, counting a wide
// (CJK) character as two columns as a monospace font shows it.
func grid(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for j, c := range r {
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], displayWidth(c))
		}
	}
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		var line strings.Builder
		for j, c := range r {
			if j > 0 {
				line.WriteString(columnSep)
			}
			line.WriteString(c)
			line.WriteString(strings.Repeat(" ", widths[j]-displayWidth(c)))
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
	}
	return b.String()
}

// displayWidth counts wide characters (Han, kana, full-width forms) as two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 {
			n++
		}
	}
	return n
}
