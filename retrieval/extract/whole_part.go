package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// partQualified is a thing a question asks of one part (城市低保: the
// part 城市 of the whole 城乡), with the whole that holds the part.
type partQualified struct {
	part, whole, noun string
}

// partsQualified are the things text asks of a part of a whole
// (lexicon.wholeParts) when it does not name the whole itself: the
// part and the first characters of the noun after it (wholeNounRunes).
func partsQualified(text string) []partQualified {
	var out []partQualified
	for whole, parts := range lexicon.wholeParts {
		if strings.Contains(text, whole) {
			continue
		}
		for _, p := range parts {
			for at := strings.Index(text, p); at >= 0; at = indexFrom(text, p, at+len(p)) {
				if noun := hanPrefix(text[at+len(p):], wholeNounChars); noun != "" {
					out = append(out, partQualified{p, whole, noun})
				}
			}
		}
	}
	return out
}

// wholeNounChars are how many characters of the noun after a part or a
// whole are compared (低保 of 低保对象, of 低保金).
const wholeNounChars = 2

// hanPrefix is the first n characters of s when they are all Han, else "".
func hanPrefix(s string, n int) string {
	end := 0
	for i := 0; i < n; i++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if size == 0 || !unicode.Is(unicode.Han, r) {
			return ""
		}
		end += size
	}
	return s[:end]
}

// wholeForPart is the whole and noun a sentence states (城乡低保) instead
// of the part asked of it (城市低保), when it writes the noun after the
// whole and nowhere after the part: the figure is the whole's. "" when
// none.
func wholeForPart(sentence string, asked []partQualified) string {
	for _, q := range asked {
		whole := q.whole + q.noun
		if strings.Contains(sentence, whole) && !strings.Contains(strings.ReplaceAll(sentence, whole, ""), q.part+q.noun) {
			return whole
		}
	}
	return ""
}
