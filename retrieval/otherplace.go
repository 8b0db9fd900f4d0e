package retrieval

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// A place the question names by a name and a division word (X省, X市,
// X县) that no gazetteer knows and no loaded document writes is another
// place than the documents': a city's yearbook does not hold its
// province's figures, and answering with the city's own (甲市…地区生产总值)
// would put them under the wrong name. Such a question is refused. A
// place some document writes is left to the search, which finds the
// paragraphs naming it; one the gazetteer knows is scoped by
// questionPlace. So is a whole division (全省) no document writes: the
// documents speak of no such whole.

// divisionWords end a place name: the level of the place it names.
var divisionWords = []string{"自治区", "省", "市", "县"}

// notPlaceStems are words before a division word that point at a place
// rather than name one (我们县, 这个市, 哪个省).
// Times and counts (去年市领导, 两个市) are no names either.
var notPlaceStems = []string{"我", "咱", "你", "他", "这", "那", "哪", "什么", "多少", "整个", "全", "本", "该", "各", "每", "外", "邻", "周边", "兄弟", "年", "个"}

// minStemRunes is the shortest name before a division word.
const minStemRunes = 2

// unwrittenPlace is the first place q names that is no document's: a
// word of minStemRunes Chinese characters or more standing right before
// a division word that stands as a word of its own, not a comparison base
// (比X省, 占X省), unknown to the gazetteer and written by no document,
// whose stem the documents write nowhere or as a place of another level.
func (e *Engine) unwrittenPlace(q string) (string, bool) {
	if !slices.ContainsFunc(divisionWords, func(w string) bool { return strings.Contains(q, w) }) {
		return "", false
	}
	words := e.wordSpans(q)
	for i, w := range words {
		if name := q[w[0]:w[1]]; wholeDivision(name) && !isBase(q, corpus.Mention{Name: name, Start: w[0]}) && !e.seenIn(name, nil) {
			return name, true // 全省 of documents that never speak of one
		}
		if i == 0 || !slices.Contains(divisionWords, q[w[0]:w[1]]) {
			continue
		}
		stemAt := words[i-1]
		stem := q[stemAt[0]:stemAt[1]]
		name := stem + q[w[0]:w[1]]
		if !placeStem(stem) || isBase(q, corpus.Mention{Name: name, Start: stemAt[0]}) {
			continue
		}
		if len(e.gaz.Codes(name)) > 0 || e.seenIn(name, nil) || slices.Contains(e.setting.PlaceWords, name) {
			continue
		}
		if !e.seenIn(stem, nil) || e.otherLevel(stem, q[w[0]:w[1]]) {
			return name, true
		}
	}
	return "", false
}

// otherLevel reports whether stem is the name of a document's own place
// (its metadata's, or the one its title opens with) at another level
// than div: 甲省 asked of 甲市年鉴. A stem the documents write only
// otherwise is a word of theirs (示范 of 示范城市, 示范县), not a place.
func (e *Engine) otherLevel(stem, div string) bool {
	for _, yb := range e.yearbooks {
		names := append([]string{yb.Meta.Place.Name, yb.Title}, yb.Meta.Place.Aliases...)
		for _, n := range names {
			n = dict.Fold(n)
			if n == stem {
				return true
			}
			for _, d := range divisionWords {
				if d != div && strings.HasPrefix(n, stem+d) {
					return true
				}
			}
		}
	}
	return false
}

// wholeDivision reports whether a word is a whole division of some
// level (全省, 全县) rather than a named one.
func wholeDivision(w string) bool {
	rest, ok := strings.CutPrefix(w, "全")
	return ok && slices.Contains(divisionWords, rest)
}

// placeStem reports whether a word can be a place's name before its
// division word: Chinese characters only, two or more, pointing at no
// place.
func placeStem(stem string) bool {
	if utf8.RuneCountInString(stem) < minStemRunes || containsAny(stem, notPlaceStems) {
		return false
	}
	for _, r := range stem {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// refuseOtherPlace refuses a question about a place no document is of
// nor writes (unwrittenPlace), saying which.
func (e *Engine) refuseOtherPlace(qa extract.Question, t tier) (result, bool) {
	name, ok := e.unwrittenPlace(dict.Fold(qa.Text))
	if !ok {
		return result{}, false
	}
	r := result{set: e.settingFor(t), usable: true, hits: []Hit{}}
	r.why = []extract.PartWhy{{Part: qa.Text, Reason: "refused: " + name + " is another place than the documents', written nowhere in them"}}
	return r, true
}
