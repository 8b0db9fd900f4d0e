package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// aspect tells whether a count is what the year added (新增泊位120个)
// or what stands at the year's end (泊位达300个, 累计建成500公里). A
// question asking one is not answered by a figure of the other, though
// every word of it matches: how many were added is not how many there are.
type aspect int8

const (
	aspectUnknown aspect = iota
	aspectFlow
	aspectStock
	// aspectAsOf is a count told as of a date (截至年底，甲市有9人获评):
	// how many there are by then, so no answer to how many the year
	// added; but no agreement with a total asked either, as the date
	// may not be the one asked.
	aspectAsOf
)

// aspectRunes bounds how far before a figure its aspect is looked for.
const aspectRunes = 16

// askedAspect is the aspect a question asks: unknown when it writes words
// of both (一共新增多少) or of neither.
func askedAspect(question string) aspect {
	flow := lastFlowWord(question) >= 0 || yearNewDone(question)
	// 总 also begins the names of things (总医院, 总队): beside a word of
	// an addition it asks nothing.
	stock := containsAny(question, lexicon.stockAsks) || !flow && totalOfMeasure(question) && !asksChange(question)
	switch {
	case flow && !stock:
		return aspectFlow
	case stock && !flow:
		return aspectStock
	}
	return aspectUnknown
}

// totalOfMeasure reports whether q writes the total mark before a
// measure (总库容): what stands, not what the year added. Of a change
// asked (总产值涨了多少) the mark only names the measure.
func totalOfMeasure(q string) bool {
	for i := strings.Index(q, lexicon.totalMark); i >= 0; i = indexFrom(q, lexicon.totalMark, i+len(lexicon.totalMark)) {
		next, _ := utf8.DecodeRuneInString(q[i+len(lexicon.totalMark):])
		if unicode.Is(unicode.Han, next) && !strings.ContainsRune(lexicon.notTotalAfter, next) && !strings.ContainsRune(lexicon.notTotalBefore, lastRune(q[:i])) {
			return true
		}
	}
	return false
}

// figureAspect is the aspect written in the clause before figure f of
// text. Of explicit words the one nearest the figure wins (新增企业
// 3万户,总量达20万户 tells one of each); 达 alone marks a level
// only where no word of an addition precedes it (新增泊位达120个 is one).
// A growth rate has no aspect.
func figureAspect(text string, f Figure) aspect {
	before := clauseBefore(text, f.Start, aspectRunes)
	if f.Change {
		// A count added over the year before (比上年新增12座) is what the
		// year added; other changes have no aspect.
		if f.Kind == KindNumber && f.Unit != UnitPercent && addedOverLastYear(before) {
			return aspectFlow
		}
		return aspectUnknown
	}
	flow := max(lastFlowWord(before), yearNewAt(before))
	stock := lastStockWord(before)
	switch {
	case flow >= 0 && flow > stock:
		return aspectFlow
	case stock >= 0:
		return aspectStock
	case strings.Contains(before, lexicon.levelLink) && flow < 0:
		return aspectStock
	case flow < 0 && asOfDate(sentenceBefore(text, f.Start)):
		return aspectAsOf
	case f.Kind == KindNumber && strings.TrimSpace(before) == "" && grantedCount(sentenceBefore(text, f.Start), clauseAfter(text, f.End)):
		// A count opening its clause of things granted something (5人获颁
		// 甲卡, 1个乙站通过认定) tells what the year granted, not how many
		// such there are.
		return aspectFlow
	}
	return aspectUnknown
}

// inheritAspects gives a count of a breakdown (实有20万户，其中甲类3万户)
// whose own clause tells no aspect the aspect of the level it parts: the
// parts of what stands stand too, and the parts of what was added were
// added. The aspects read are each figure's own, never inherited ones.
func inheritAspects(text string, figs []Figure) {
	own := make([]aspect, len(figs))
	for i := range figs {
		own[i] = figs[i].aspect
	}
	for i := range figs {
		if own[i] != aspectUnknown || !levelCount(figs[i]) {
			continue
		}
		if head := breakdownHead(text, figs, own, i); head >= 0 {
			figs[i].aspect = own[head]
		}
	}
}

// levelCount reports whether f is a count or amount that is no change
// and no share: only such a figure parts a level or is parted.
func levelCount(f Figure) bool {
	return f.Kind == KindNumber && !f.Change && !shareUnit(f.Unit)
}

// breakdownHead is the index of the level figure that a breakdown word
// (其中) opening a clause of figure i's sentence parts: the last level
// count before that word. It is -1 when there is none, when a figure
// between the word and figure i tells an aspect of its own (a new level
// begins), or when figure i, in the head's unit, is larger than the head.
func breakdownHead(text string, figs []Figure, own []aspect, i int) int {
	start := figs[i].Start - len(sentenceBefore(text, figs[i].Start))
	at := lastBreakdown(text[start:figs[i].Start])
	if at < 0 {
		return -1
	}
	at += start
	head := -1
	for j := i - 1; j >= 0 && figs[j].Start >= start; j-- {
		switch {
		case figs[j].Start >= at && own[j] != aspectUnknown:
			return -1
		case figs[j].End <= at && levelCount(figs[j]):
			head = j
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 || exceeds(text, figs[i], figs[head]) {
		return -1
	}
	return head
}

// exceeds reports whether figure a of text is larger than figure b in
// the same unit (2万户 and 800户): no part of it.
func exceeds(text string, a, b Figure) bool {
	va, okA := valueOf(a.Text(text), a.Unit)
	vb, okB := valueOf(b.Text(text), b.Unit)
	return okA && okB && va.rest == vb.rest && va.v > vb.v
}

// lastBreakdown is the index in s of its last breakdown word opening a
// clause (at the start, or after a clause mark, 、 or a bracket: 含量 is
// none), -1 when none.
func lastBreakdown(s string) int {
	return lastWordAfter(s, lexicon.breakdowns, func(_ string, before rune) bool {
		return before == 0 || strings.ContainsRune(lexicon.breakdownOpeners, before)
	})
}

// addedOverLastYear reports whether before, a clause up to a count, says
// it was added over the year before in a word of an addition (比上年新增
// 12座): what the year added, though told as a change. Over another base
// (比2019年新增) or summed over years (累计新增) it is not.
func addedOverLastYear(before string) bool {
	return flowRightBefore(before) && changeBase(before) == yearBeforeBase() && lastStockWord(before) < 0
}

// flowRightBefore reports whether before, a clause up to a figure, ends
// with a word of an addition (新增, 新增了).
func flowRightBefore(before string) bool {
	before = strings.TrimSuffix(strings.TrimSpace(before), lexicon.doneMark)
	return slices.ContainsFunc(lexicon.flowWords, func(w string) bool { return strings.HasSuffix(before, w) })
}

// asOfDate reports whether lead, a sentence up to a count, tells it as of
// a date (截至年底，甲市有9人获评) and writes no word of an addition
// (截至年底，全年新增…，其中12万户 tells what the year added).
func asOfDate(lead string) bool {
	return containsAny(lead, lexicon.asOfDates) && lastFlowWord(lead) < 0 && yearNewAt(lead) < 0
}

// grantedCount reports whether after, the rest of a count's clause, says
// its things were granted something, and neither it nor lead, the
// sentence before the count, says they stand (累计通过认定, 截至年底).
func grantedCount(lead, after string) bool {
	return containsAny(after, lexicon.grantedAfter) && lastStockWord(after) < 0 &&
		lastStockWord(lead) < 0 && !containsAny(lead, lexicon.asOfWords)
}

// sentenceBefore is text up to byte offset i from the last sentence mark.
func sentenceBefore(text string, i int) string {
	return text[afterLastMark(text[:i], sentenceMarks):i]
}

// clauseAfter is text from byte offset i to the next clause mark.
func clauseAfter(text string, i int) string {
	s := text[i:]
	if k := strings.IndexAny(s, listMarks); k >= 0 {
		return s[:k]
	}
	return s
}

// aspectAgreement is +1 when a figure of the window has the asked aspect,
// -1 when its figures tell only the other one, 0 when nothing is known.
func aspectAgreement(asked aspect, figs []Figure) float64 {
	if asked == aspectUnknown {
		return 0
	}
	other := false
	for _, f := range figs {
		switch f.aspect {
		case asked:
			return 1
		case aspectUnknown:
		case aspectAsOf:
			other = other || asked == aspectFlow
		default:
			other = true
		}
	}
	if other {
		return -1
	}
	return 0
}

// lastFlowWord is the index in s of its last flow word, -1 when none: one
// right after lexicon.notNewly (重新登记, 翻新建) tells no addition.
func lastFlowWord(s string) int {
	return lastWordAfter(s, lexicon.flowWords, func(_ string, before rune) bool {
		return !strings.ContainsRune(lexicon.notNewly, before)
	})
}

// lastWordAfter is the largest index in s of a word of ws whose rune
// before (lastRune: 0 at the start) keep accepts, -1 when none.
func lastWordAfter(s string, ws []string, keep func(w string, before rune) bool) int {
	at := -1
	for _, w := range ws {
		for i := strings.Index(s, w); i >= 0; i = indexFrom(s, w, i+len(w)) {
			if keep(w, lastRune(s[:i])) {
				at = max(at, i)
			}
		}
	}
	return at
}

// lastStockWord is the index in s of its last stock word, -1 when none:
// one whose first character ends a word with the rune before it (落实有,
// 发现有) is no stock word.
func lastStockWord(s string) int {
	return lastWordAfter(s, lexicon.stockWords, func(w string, before rune) bool {
		return !strings.ContainsRune(lexicon.notStockAfter[w], before)
	})
}

// lastIndexAny is the largest index in s of any of ws, -1 when none.
func lastIndexAny(s string, ws []string) int {
	at := -1
	for _, w := range ws {
		at = max(at, strings.LastIndex(s, w))
	}
	return at
}

// yearNewAt is the index in s of the last year word and 新 that starts
// a verb (全年新挂牌), -1 when none: an addition the flow words do not list.
func yearNewAt(s string) int {
	at := -1
	for _, y := range lexicon.yearWords {
		w := y + lexicon.newMark
		for i := strings.Index(s, w); i >= 0; i = indexFrom(s, w, i+len(w)) {
			// A year word and 新 ending s (全年新增加 read up to 增加)
			// start nothing yet.
			if i+len(w) < len(s) && hasPrefixAny(s[i+len(y):], lexicon.newKinds) == "" {
				at = max(at, i)
			}
		}
	}
	return at
}

// yearNewDone reports whether a question asks what the year added with a
// year word, 新 and a verb done (去年新挂牌了几家).
func yearNewDone(question string) bool {
	i := yearNewAt(question)
	if i < 0 {
		return false
	}
	verb := firstRunes(question[i:], newVerbRunes)
	done := strings.Index(verb, lexicon.doneMark)
	return done >= 0 && !strings.Contains(verb, lexicon.haveDone) && !strings.ContainsAny(verb, questionBreaks) &&
		!containsAny(verb[:done], lexicon.placeTails)
}

// questionBreaks end a question's clause.
const questionBreaks = breakMarks + "？?"

// newVerbRunes bounds the year word, 新 and the verb before 了.
const newVerbRunes = 9
