package corpus

import (
	"bytes"
	"path/filepath"
	"strings"
)

type docFormat int

const (
	formatText docFormat = iota // plain text or Markdown
	formatDocx
	formatHTML
	formatPDF
)

// format tells the file's format by its extension, or by its first bytes
// for a file named otherwise (a Word file saved without extension).
func format(name string, data []byte) docFormat {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return formatDocx
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".pdf":
		return formatPDF
	case ".txt", ".md", ".markdown":
		return formatText
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return formatDocx
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return formatPDF
	}
	head := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n")))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return formatHTML
	}
	return formatText
}

// readDocument dispatches on the file's format: Word and HTML are read as
// blocks, PDF refused, everything else decoded as text. text is the whole
// readable text, for the covered year.
func readDocument(name string, data []byte) (title string, chapters []Chapter, decl Declared, err error) {
	switch format(name, data) {
	case formatDocx:
		title, chapters, _, err = parseDocx(data)
		return title, chapters, decl, err
	case formatHTML:
		title, chapters, _, err = parseHTML(data)
		return title, chapters, decl, err
	case formatPDF:
		return "", nil, decl, errPDF
	}
	text, err := decodeText(data)
	if err != nil {
		return "", nil, decl, err
	}
	lines := splitLines(text)
	if isMarkdown(name, lines) {
		if decl, err = takeFrontMatter(lines); err == nil {
			title, chapters, err = parseMarkdown(lines)
		}
	} else {
		if decl, err = takeHeader(lines); err == nil {
			title, chapters, err = parsePlain(lines)
		}
	}
	return title, chapters, decl, err
}
