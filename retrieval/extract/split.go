package extract

import (
	"strings"
	"unicode/utf8"
)

// Range is a byte range [Start, End) of a paragraph.
type Range struct{ Start, End int }

const (
	sentenceEnds = "。！？；;!?"
	clauseEnds   = "，,：:"
	openers      = "(（《“‘「【〔"
	closers      = ")）》”’」】〕"
)

// Sentences splits text into sentences ending at 。！？； and their
// half-width forms. Punctuation inside brackets or quotes does not end a
// sentence, so a parenthetical note stays with its sentence. Ranges keep
// their final punctuation and skip leading spaces.
func Sentences(text string) []Range {
	return splitAt(text, 0, len(text), sentenceEnds)
}

// Clauses splits the sentence r of text at ，, and ：, outside brackets.
func Clauses(text string, r Range) []Range {
	return splitAt(text, r.Start, r.End, clauseEnds)
}

func splitAt(text string, start, end int, ends string) []Range {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	var out []Range
	depth := 0
	from := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case strings.ContainsRune(openers, r):
			depth++
		case strings.ContainsRune(closers, r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(ends, r):
			out = appendRange(out, text, from, i+n)
			from = i + n
		}
		i += n
	}
	out = appendRange(out, text, from, end)
	return out
}

func appendRange(out []Range, text string, from, to int) []Range {
	for from < to && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n' || text[from] == '\r') {
		from++
	}
	if from >= to {
		return out
	}
	// A lone punctuation mark is not a sentence of its own, nor is a
	// bracketed note after a sentence's end: it credits or explains the
	// sentence before (…开幕。(张三摄)).
	if utf8.RuneCountInString(strings.Trim(text[from:to], sentenceEnds+clauseEnds)) == 0 || len(out) > 0 && isNote(text[from:to]) {
		if len(out) > 0 {
			out[len(out)-1].End = to
		}
		return out
	}
	return append(out, Range{from, to})
}

// isNote reports whether s is one bracketed run, with at most a sentence
// end after it.
func isNote(s string) bool {
	s = strings.TrimRight(s, sentenceEnds+" ")
	open, n := utf8.DecodeRuneInString(s)
	closing, m := utf8.DecodeLastRuneInString(s)
	if len(s) <= n+m || !strings.ContainsRune("(（", open) || !strings.ContainsRune(")）", closing) {
		return false
	}
	// One run: the first bracket closes at the end, not before
	// ((甲)和(乙) is two).
	depth := 0
	for i, r := range s {
		switch {
		case strings.ContainsRune(openers, r):
			depth++
		case strings.ContainsRune(closers, r):
			depth--
			if depth == 0 && i+utf8.RuneLen(r) < len(s) {
				return false
			}
		}
	}
	return true
}

// trimEnd drops a clause separator at the end of r, so a quoted clause run
// does not end in a comma; a sentence end (。；) is kept.
func trimEnd(text string, r Range) Range {
	for r.End > r.Start {
		c, n := utf8.DecodeLastRuneInString(text[r.Start:r.End])
		if !strings.ContainsRune(clauseEnds+"、", c) {
			break
		}
		r.End -= n
	}
	return r
}
