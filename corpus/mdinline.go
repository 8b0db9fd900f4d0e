package corpus

import (
	"regexp"
	"strings"
)

// Markdown's inline syntax, undone so that indexed and quoted text reads as
// the yearbook's words: **1034.2万人** is quoted 1034.2万人.
var (
	mdCode      = regexp.MustCompile("`+([^`]*)`+")
	mdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\](\([^)]*\)|\[[^\]]*\])`)
	mdStrong    = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	mdEmphasis  = regexp.MustCompile(`\*([^*\s][^*]*)\*`)
	mdUnderline = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s][^_]*)_([^\p{L}\p{N}_]|$)`)
	mdStrike    = regexp.MustCompile(`~~([^~]+)~~`)
	mdTag       = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)
	mdEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|~<>])`)
	// listMarker opens a list item: "- ", "* ", "+ ", "1. ", "1) ".
	listMarker = regexp.MustCompile(`^\s*([-*+]|\d{1,3}[.)])\s+`)
)

// plainInline strips Markdown's inline formatting (code, images, links,
// bold, italics, strike-through, HTML tags, backslash escapes).
func plainInline(s string) string {
	if !strings.ContainsAny(s, "`*_[]~<\\") {
		return s
	}
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1$2")
	s = mdEmphasis.ReplaceAllString(s, "$1")
	s = mdUnderline.ReplaceAllString(s, "$1$2$3")
	s = mdStrike.ReplaceAllString(s, "$1")
	s = mdTag.ReplaceAllString(s, "")
	s = mdEscape.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}

// listItem returns the text of a list item line. A leading minus glued to a
// number (-5.2%) is a figure, not a marker: the marker needs a space.
func listItem(l string) (string, bool) {
	m := listMarker.FindStringIndex(l)
	if m == nil || m[1] == len(l) {
		return "", false
	}
	return l[m[1]:], true
}

// isThematicBreak reports whether a line is a Markdown rule: three or more
// of one of - * _, spaces between allowed.
func isThematicBreak(l string) bool {
	c := strings.ReplaceAll(l, " ", "")
	return len(c) >= 3 && (strings.Trim(c, "-") == "" || strings.Trim(c, "*") == "" || strings.Trim(c, "_") == "")
}

// isPipeRow reports whether a line is a row of a pipe table.
func isPipeRow(l string) bool {
	return strings.Contains(strings.ReplaceAll(l, `\|`, ""), "|")
}

// isDelimiterRow reports whether a line is a pipe table's delimiter row,
// | --- | :---: |.
func isDelimiterRow(l string) bool {
	if !strings.Contains(l, "-") || !isPipeRow(l) {
		return false
	}
	cells := pipeCells(l)
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// pipeCells splits a pipe table row into its cells, outer pipes optional,
// \| an escaped pipe, inline formatting stripped.
func pipeCells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	if strings.HasSuffix(l, "|") && !strings.HasSuffix(l, `\|`) {
		l = l[:len(l)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '\\' && i+1 < len(l) && l[i+1] == '|':
			cur.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			cur.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, plainInline(strings.TrimSpace(cur.String())))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, plainInline(strings.TrimSpace(cur.String())))
}
