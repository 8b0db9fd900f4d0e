package corpus

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxParagraphRunes is the longest paragraph kept whole. A longer one (a
// report pasted as one line, a table flattened into text) is split into
// passages of whole sentences, so that quoting from any one passage stays
// a matter of milliseconds.
const maxParagraphRunes = 2000

// sentenceEnds end a sentence; clauseEnds are where a sentence longer than
// a passage is cut when it has no sentence end.
const (
	sentenceEnds = "。！？!?；;"
	clauseEnds   = "，,、：:"
)

// splitLong replaces every over-long paragraph by its passages: the same
// line, kind and section, Part 1, 2, … and ids "<paragraph id>.<part>".
func splitLong(chapters []Chapter) {
	for ci := range chapters {
		for si := range chapters[ci].Sections {
			s := &chapters[ci].Sections[si]
			var out []Paragraph
			for _, p := range s.Paragraphs {
				if utf8.RuneCountInString(p.Text) <= maxParagraphRunes {
					out = append(out, p)
					continue
				}
				for k, text := range splitText(p.Text, maxParagraphRunes) {
					q := p
					q.Text, q.Part = text, k+1
					q.ID = p.ID + "." + strconv.Itoa(k+1)
					out = append(out, q)
				}
			}
			s.Paragraphs = out
		}
	}
}

// splitText cuts text into pieces of at most limit runes, each ending at
// a sentence end where there is one within the limit, else at a clause
// end, else at the limit. The pieces joined give the text back.
func splitText(text string, limit int) []string {
	var out []string
	for utf8.RuneCountInString(text) > limit {
		// The byte offset of the limit-th rune.
		end := 0
		for i := 0; i < limit; i++ {
			_, n := utf8.DecodeRuneInString(text[end:])
			end += n
		}
		cut := lastEnd(text[:end], sentenceEnds)
		if cut < end/2 {
			if c := lastEnd(text[:end], clauseEnds); c > cut {
				cut = c
			}
		}
		if cut <= 0 {
			cut = end
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// lastEnd is the offset just after the last of ends in s, 0 when none.
func lastEnd(s, ends string) int {
	i := strings.LastIndexAny(s, ends)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}
