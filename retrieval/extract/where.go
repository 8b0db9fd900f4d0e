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

// asksWhere reports whether a part asks where: a where-word that does
// not go on to ask another thing (哪个市场, 在哪些方面), in a part that
// asks for names and not for a date.
func asksWhere(p Part) bool {
	if !wants(p.Wants, WantNames) || wants(p.Wants, WantDate) {
		return false
	}
	for _, w := range lexicon.whereAsks {
		for i := strings.Index(p.Text, w); i >= 0; i = indexFrom(p.Text, w, i+len(w)) {
			if !asksOtherThan(p.Text[i+len(w):]) {
				return true
			}
		}
	}
	return false
}

// asksOtherThan reports whether after, the words after a where-word, make
// it ask for something other than a place: 级 or 场 right after it (哪个
// 国家级, 哪个市场), or a count leading to no place (在哪些方面, 在哪几年).
func asksOtherThan(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if strings.ContainsRune(lexicon.whereAfterNot, r) {
		return true
	}
	rest := strings.TrimLeft(after, lexicon.whereCounts)
	return rest != after && hasPrefixAny(rest, lexicon.placeHeads) == ""
}

// namesPlace reports whether text names a place other than the
// documents' own: one of their areas, a division, or a town, street or
// venue (甲河镇, 乙广场). text is the sentence as written: the canonical
// form writes numerals as digits (三河 → 3河), which no gazetteer holds.
func (s Setting) namesPlace(text string) bool {
	if containsAny(text, s.Areas) || s.PlacesIn != nil && slices.ContainsFunc(s.PlacesIn(text), func(p string) bool { return !slices.Contains(s.PlaceWords, p) }) {
		return true
	}
	for _, tail := range lexicon.placeTails {
		for i := strings.Index(text, tail); i >= 0; i = indexFrom(text, tail, i+len(tail)) {
			if namedTail(text[:i]) {
				return true
			}
		}
	}
	return false
}

// namedTail reports whether a place tail after before ends a name (甲河镇):
// Han characters before it, and none making it a kind of place (城镇,
// 每个镇).
func namedTail(before string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	return hanEnding(before, placeNameRunes) && !strings.ContainsRune(lexicon.placeTailNotBefore, last)
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
