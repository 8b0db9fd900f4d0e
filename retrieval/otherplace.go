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

// splitDivisionWords end a place name only after a name the segmenter
// knew no word of and cut into characters (甲乙州): after a word it knows
// they more often end a kind of zone (度假区, 乡镇区) than a place.
var splitDivisionWords = []string{"自治州", "区", "州"}

// zoneStems name a kind of zone before 区, not a place: abbreviations
// the segmenter cuts into characters as it cuts an unknown place's name
// (经开区, 综保区).
var zoneStems = []string{"经开", "综保", "保税", "高新", "度假", "功能", "先行", "起步", "示范", "自贸", "开发", "试验", "实验",
	"集聚", "核心", "中心", "产业", "工业", "农业", "生态", "保护", "风景", "旅游", "商务", "合作", "创新", "双创", "主城", "老城", "新城"}

// stemBreaks are single-character words that end a name cut into
// characters: they join words (和, 与) or mark them (的, 在), and never
// open a place name.
const stemBreaks = "的了和与及或跟同在是对从把被"

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
	inQ := func(w string) bool { return strings.Contains(q, w) }
	if !slices.ContainsFunc(divisionWords, inQ) && !slices.ContainsFunc(splitDivisionWords, inQ) {
		return "", false
	}
	words := e.wordSpans(q)
	for i, w := range words {
		if name := q[w[0]:w[1]]; wholeDivision(name) && !isBase(q, corpus.Mention{Name: name, Start: w[0]}) && !e.seenIn(name, nil) {
			return name, true // 全省 of documents that never speak of one
		}
		div := q[w[0]:w[1]]
		splitOnly := slices.Contains(splitDivisionWords, div)
		if i == 0 || !splitOnly && !slices.Contains(divisionWords, div) {
			continue
		}
		stemAt, cut := stemBefore(q, words[:i])
		stem := q[stemAt[0]:stemAt[1]]
		name := stem + div
		if splitOnly && !cut || cut && !e.cutStem(stem, div) || !placeStem(stem) || isBase(q, corpus.Mention{Name: name, Start: stemAt[0]}) {
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

// maxSplitStemRunes bounds a name the segmenter knows no word of: most
// place names have two characters, and a longer run of single characters
// is more often several words it did not know (驻地央企省企) than a name.
const maxSplitStemRunes = 2

// stemBefore is the span of the name before a division word, the last of
// words: the word before it, or, where the segmenter knows no word of the
// name and cut it into single characters (甲乙州 → 甲 乙 州), the run of
// those characters, at most maxSplitStemRunes; cut tells which.
func stemBefore(q string, words wordSpans) (span [2]int, cut bool) {
	last := words[len(words)-1]
	if !singleHan(q[last[0]:last[1]]) {
		return last, false
	}
	start, n := last[0], 1
	for i := len(words) - 2; i >= 0 && n < maxSplitStemRunes && singleHan(q[words[i][0]:words[i][1]]); i-- {
		start, n = words[i][0], n+1
	}
	return [2]int{start, last[1]}, n > 1
}

// singleHan reports whether w is one Chinese character that may stand in
// a place name (not a joiner or marker: stemBreaks).
func singleHan(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.Is(unicode.Han, r) && !strings.ContainsRune(stemBreaks, r)
}

// cutStem reports whether a stem read from single characters may name an
// unknown place before div: not a run of division words (市县区), not a
// kind of zone (经开区), and not a word before a place some gazetteer or
// document knows by its last character (去滁州: 滁州 is known).
func (e *Engine) cutStem(stem, div string) bool {
	if containsAny(stem, divisionWords) || containsAny(stem, splitDivisionWords) || slices.Contains(zoneStems, stem) {
		return false
	}
	_, size := utf8.DecodeLastRuneInString(stem)
	short := stem[len(stem)-size:] + div
	return len(e.gaz.Codes(short)) == 0 && !e.seenIn(short, nil)
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
