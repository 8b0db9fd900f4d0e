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

// AsksWhere reports whether a part asks where: a where-word that does
// not go on to ask another thing (哪个市场, 在哪些方面), in a part that
// asks for names and not for a date.
func AsksWhere(p Part) bool {
	if !wants(p.Wants, WantNames) || wants(p.Wants, WantDate) {
		return false
	}
	for _, w := range lexicon.whereAsks {
		for i := strings.Index(p.Text, w); i >= 0; i = indexFrom(p.Text, w, i+len(w)) {
			if !asksOtherThan(w, p.Text[i:]) {
				return true
			}
		}
	}
	return false
}

// asksOtherThan reports whether from, the text from where-word w on,
// makes it ask for something other than a place: 级, 场 or 际 right after
// it (哪个国家级, 哪个市场), a word of notPlaceHeads starting inside the
// where-word (哪个区块链), or, after 在哪, a count leading to no place
// (在哪些方面, 在哪几年; 在哪个社区 asks where).
func asksOtherThan(w, from string) bool {
	after := from[len(w):]
	r, _ := utf8.DecodeRuneInString(after)
	if strings.ContainsRune(lexicon.whereAfterNot, r) {
		return true
	}
	for k := range w {
		if hasPrefixAny(from[k:], lexicon.notPlaceHeads) != "" {
			return true
		}
	}
	if !strings.HasSuffix(w, "哪") {
		return false
	}
	rest := strings.TrimLeft(after, lexicon.whereCounts)
	return rest != after && !placeHead(rest)
}

// placeHead reports whether s starts with a word for a place (社区, 城市),
// not one of notPlaceHeads (市场) or one a level or 际 follows (省级, 国际).
func placeHead(s string) bool {
	h := hasPrefixAny(s, lexicon.placeHeads)
	if h == "" || hasPrefixAny(s, lexicon.notPlaceHeads) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(h):])
	return !strings.ContainsRune(lexicon.whereAfterNot, r)
}

// namesPlace reports whether text names a place other than the
// documents' own: one of their areas, a division, or a town, street or
// venue (甲河镇, 乙广场). text is the sentence as written: the canonical
// form writes numerals as digits (三河 → 3河), which no gazetteer holds.
func (s Setting) namesPlace(text string) bool {
	if containsAny(text, s.Areas) || s.PlacesIn != nil && slices.ContainsFunc(s.PlacesIn(text), func(p string) bool { return !slices.Contains(s.PlaceWords, p) }) {
		return true
	}
	return namesWithTail(text, lexicon.placeTails)
}

// namesWithTail reports whether text writes a name ending in one of tails
// (甲河镇 of 镇, 甲体育中心 of 中心): see namedTail.
func namesWithTail(text string, tails []string) bool {
	for _, tail := range tails {
		for i := strings.Index(text, tail); i >= 0; i = indexFrom(text, tail, i+len(tail)) {
			if namedTail(text[:i], text[i+len(tail):]) {
				return true
			}
		}
	}
	return false
}

// namedTail reports whether a place tail between before and after ends a
// name (甲河镇): Han characters before it, none making it a kind of place
// (城镇, 每个镇), and no word after making it one (镇街, 镇域, 镇级; 甲河镇
// 村民 names the town).
func namedTail(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	return hanEnding(before, placeNameRunes) && !strings.ContainsRune(lexicon.placeTailNotBefore, last) &&
		!strings.ContainsRune(lexicon.placeTailNotAfter, next)
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
// written, names no place but the documents' own, or asks where an event
// was held and sentence names neither such a place nor a venue. A
// division asked within a place the question names (甲省哪个县) is not
// told by a sentence naming that place alone.
func (pi *partInfo) placeUnnamed(sentence string, s Setting) bool {
	switch {
	case pi.asksVenue:
		return !s.namesPlace(sentence) && !namesVenue(sentence)
	case pi.asksDivision:
		return !s.namesPlace(withoutEnclosing(sentence, pi.places, divisionKind(pi.a.Text)))
	case pi.asksWhere:
		return !s.namesPlace(sentence)
	}
	return false
}

// withoutEnclosing is sentence without the places named that are not of
// the kind of division asked (甲省 of 甲省哪个县): a place enclosing the
// division asked, not one of the divisions (甲区和乙区哪个区, 甲山 of 甲山村
// for 哪个村).
func withoutEnclosing(sentence string, places []Term, kind string) string {
	for _, p := range places {
		last, _ := utf8.DecodeLastRuneInString(p.Text)
		if kind == "" || strings.ContainsRune(kind, last) || strings.Contains(sentence, p.Text+kind) {
			continue
		}
		sentence = strings.ReplaceAll(sentence, p.Text, " ")
	}
	return sentence
}

// divisionKind is the kind of division text asks which of (县 of 哪个县),
// "" when none.
func divisionKind(text string) string {
	for _, w := range lexicon.divisionAsks {
		if strings.Contains(text, w) {
			return strings.TrimLeft(w, lexicon.whichRunes)
		}
	}
	return ""
}

// namesVenue reports whether text names a venue: a name before one of
// lexicon.venueTails (甲体育中心).
func namesVenue(text string) bool { return namesWithTail(text, lexicon.venueTails) }
