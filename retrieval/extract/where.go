package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question asking where (在哪, 哪个区) is answered by a sentence naming a
// place: one that names none but the documents' own tells of the thing
// asked about, not of where it is (a festival's visitors for where it was
// held).

// namesPlace reports whether text names a place other than the
// documents' own: one of their areas, a division, or a town (洋河镇).
func (s Setting) namesPlace(text string) bool {
	if containsAny(text, s.Areas) || s.PlacesIn != nil && slices.ContainsFunc(s.PlacesIn(text), func(p string) bool { return !slices.Contains(s.PlaceWords, p) }) {
		return true
	}
	for _, tail := range lexicon.townTails {
		for i := strings.Index(text, tail); i >= 0; i = indexFrom(text, tail, i+len(tail)) {
			if hanBefore(text[:i]) >= townNameRunes {
				return true
			}
		}
	}
	return false
}

// townNameRunes is the shortest a town's name runs before its tail (洋河镇).
const townNameRunes = 2

// hanBefore counts the Han characters ending s.
func hanBefore(s string) int {
	n := 0
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.Han, r) {
			break
		}
		n++
		s = s[:len(s)-size]
	}
	return n
}

// indexFrom is strings.Index of sub in s from byte offset from, -1 when
// absent.
func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if k := strings.Index(s[from:], sub); k >= 0 {
		return from + k
	}
	return -1
}

// placeUnnamed reports whether the part asks where and the sentence names
// no place but the documents' own.
func (pi *partInfo) placeUnnamed(sen sentence, s Setting) bool {
	return pi.asksWhere && !s.namesPlace(sen.canon)
}
