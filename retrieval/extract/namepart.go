package extract

import (
	"strings"
	"unicode/utf8"
)

// A word of the question that the sentence writes only inside a quoted
// name or a bracketed list names something else there: the mayor is not
// the subject of a cup named “市长杯”, nor is foreign trade of a list of
// slogans (稳外贸、稳外资). Chinese puts a compound's head last, so a short
// name whose head the question writes still tells of it, and a longer
// name (a quoted 国际博览会 asked as 博览会) usually spells out what it
// names.

// nameSpan is the canonical text inside one pair of quotes or brackets.
type nameSpan string

// spanClose is the mark closing a span opened by r, 0 when r opens none.
// A document's title (《…》) opens none: users name a document by any of
// its words.
func spanClose(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '(':
		return ')'
	case '（':
		return '）'
	}
	return 0
}

// nameSpans splits a sentence into the canonical text outside its quoted
// and bracketed spans and the spans themselves. A span nested in another
// is a span of its own and leaves a break in the outer one: a bracketed
// gloss inside a quoted name is not part of the name.
func nameSpans(text string) (outside string, spans []nameSpan) {
	var out strings.Builder
	for rest := text; rest != ""; {
		open := strings.IndexFunc(rest, func(r rune) bool { return spanClose(r) != 0 })
		if open < 0 {
			out.WriteString(rest)
			break
		}
		r, size := utf8.DecodeRuneInString(rest[open:])
		closer := spanClose(r)
		body := rest[open+size:]
		end := strings.IndexRune(body, closer)
		if end < 0 {
			out.WriteString(rest)
			break
		}
		out.WriteString(rest[:open])
		out.WriteString("\n")
		inner, nested := nameSpans(body[:end])
		spans = append(append(spans, nameSpan(inner)), nested...)
		rest = body[end+utf8.RuneLen(closer):]
	}
	return Canon(out.String()), spans
}

// namePart is the weight of the part's key words that stand in the
// sentence only inside a span naming another thing, and not in the
// headings either (a chapter's name the question repeats): 0 when none.
// Such a word is not found there, whatever the sentence's coverage says.
func (pi *partInfo) namePart(sen sentence) float64 {
	if len(sen.spans) == 0 {
		return 0
	}
	heading := strings.TrimSuffix(sen.around.s, sen.withPrev.s)
	weight := 0.0
	for i, t := range pi.a.Terms {
		if !t.Key || t.Context || t.Unseen || t.termForms == nil {
			continue
		}
		w := t.canon
		// sen.canon ends withPrev: a word withPrev's sets rule out is not in it.
		if w == "" || !sen.withPrev.mayHold(&t.sets.canon, w) || !strings.Contains(sen.canon, w) || strings.Contains(sen.outside, w) || strings.Contains(heading, w) {
			continue
		}
		if onlyInOtherNames(w, sen.spans, pi.canonText) {
			weight += pi.weights[i]
		}
	}
	return weight
}

// onlyInOtherNames reports whether every span writing w names another
// thing than the question: a short name (a cup, a slogan: at most
// shortName characters) whose head the question does not write, or an
// item of a bracketed list (稳增长、稳就业) that the question does not
// write whole, unless the rest of the item is a figure of it. A longer
// name usually spells out what it names, and a question naming it by
// some of its words still means it.
func onlyInOtherNames(w string, spans []nameSpan, question string) bool {
	other := false
	for _, s := range spans {
		if !strings.Contains(string(s), w) {
			continue
		}
		item, listed := s.itemWith(w)
		switch {
		case listed && item != w && !strings.Contains(question, item) && !withFigureOnly(item, w):
			other = true
		case !listed && utf8.RuneCountInString(string(s)) <= shortName && !strings.Contains(question, s.head()):
			other = true
		default:
			return false
		}
	}
	return other
}

// withFigureOnly reports whether a list's item is w with nothing beside
// it but a figure (每周检查 of a 每日巡查、每周检查 list, 3项改革): the item
// tells how often or how much of w, it names nothing else.
func withFigureOnly(item, w string) bool {
	rest := strings.Replace(item, w, "", 1)
	figs := Figures(rest)
	return rest != "" && len(figs) == 1 && figs[0].Start == 0 && figs[0].End == len(rest)
}

// shortName is the longest name whose every character counts.
const shortName = 4

// itemWith is the item of a listed span (items parted by 、) that writes
// w; listed is false for a span that is no list.
func (s nameSpan) itemWith(w string) (item string, listed bool) {
	if !strings.Contains(string(s), "、") {
		return "", false
	}
	for _, it := range strings.Split(string(s), "、") {
		if strings.Contains(it, w) {
			return it, true
		}
	}
	return "", true
}

// headRunes is how much of a name's end is taken as its head: its last
// character (a cup's 杯, a section's 段), which a question naming the
// thing writes however it words the rest.
const headRunes = 1

// head is the end of a name that says what it names, after a generic
// word for a list or a programme (榜单, 工程) that users leave out.
func (s nameSpan) head() string {
	t := strings.TrimRight(string(s), "、，,;；。 ")
	for _, g := range lexicon.nameTails {
		if u := strings.TrimSuffix(t, g); u != "" && u != t {
			t = u
			break
		}
	}
	return lastRunes(t, headRunes)
}
