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

// asksWhere reports whether a part asks where: a where-word not followed
// by what makes it ask another thing (哪个市场, 在哪一年), in a part that
// asks for names and not for a date.
func asksWhere(p Part) bool {
	if !wants(p.Wants, WantNames) || wants(p.Wants, WantDate) {
		return false
	}
	for _, w := range lexicon.whereAsks {
		for i := strings.Index(p.Text, w); i >= 0; i = indexFrom(p.Text, w, i+len(w)) {
			r, _ := utf8.DecodeRuneInString(p.Text[i+len(w):])
			open := w == "在哪" && strings.ContainsRune(lexicon.whereOpenNot, r)
			if !open && !strings.ContainsRune(lexicon.whereAfterNot, r) {
				return true
			}
		}
	}
	return false
}

// namesPlace reports whether text names a place other than the
// documents' own: one of their areas, a division, or a town, street or
// venue (甲河镇, 乙广场). text is the sentence as written: the canonical
// form writes numerals as digits (三河 → 3河), which no gazetteer holds.
func (s Setting) namesPlace(text string) bool {
	if containsAny(text, s.Areas) || s.PlacesIn != nil && slices.ContainsFunc(s.PlacesIn(text), func(p string) bool { return !slices.Contains(s.PlaceWords, p) }) {
		return true
	}
	for _, w := range lexicon.placeTailWords {
		text = strings.ReplaceAll(text, w, " ")
	}
	for _, tail := range lexicon.placeTails {
		for i := strings.Index(text, tail); i >= 0; i = indexFrom(text, tail, i+len(tail)) {
			if hanEnding(text[:i], placeNameRunes) {
				return true
			}
		}
	}
	return false
}

// placeNameRunes is the fewest characters a place's name runs before its
// tail (甲河镇).
const placeNameRunes = 2

// hanEnding reports whether s ends with at least n Han characters.
func hanEnding(s string, n int) bool {
	for ; n > 0; n-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// placeUnnamed reports whether the part asks where and sentence, as
// written, names no place but the documents' own.
func (pi *partInfo) placeUnnamed(sentence string, s Setting) bool {
	return pi.asksWhere && !s.namesPlace(sentence)
}
