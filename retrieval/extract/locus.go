package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLocusRunes bounds the words read back from a locus marker: a
// heading's name is short, and the words before it belong to the fact.
const maxLocusRunes = 12

// locusOf is the words of text naming a part of the yearbook: those right
// before a locus marker (总述里, 花卉城那章 → 花卉城) and the titles every
// yearbook uses, joined by spaces; "" when none. A span before a marker
// that also follows things the text tells of (里, 那部分) ends in
// looseMark. Which words of a span a heading holds is decided against the
// passages read (see locusTerms): the words before a marker also hold
// the fact asked (游客总述里 → 游客 总述).
func locusOf(text string) string {
	var spans []string
	for i := 0; i < len(text); {
		m, loose := hasPrefixAny(text[i:], lexicon.locusMarkers), false
		if m == "" {
			m, loose = hasPrefixAny(text[i:], lexicon.looseLocusMarkers), true
		}
		if m == "" {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if span := wordsBefore(text[:i]); utf8.RuneCountInString(span) >= 2 && marks(m, span, text[i+len(m):]) {
			if loose && !saidIn(m, text[i+len(m):]) {
				span += looseMark
			}
			spans = append(spans, span)
		}
		i += len(m)
	}
	for _, t := range lexicon.sectionTitles {
		if strings.Contains(text, t) {
			spans = append(spans, t)
		}
	}
	return strings.Join(spans, " ")
}

// saidIn reports whether loose marker m, followed by rest, names a part
// of the yearbook as a strict marker does: a part marker before a word of
// saying (那部分说, not 这部分提高). Other loose markers stay loose: 里
// needs that word to mark anything (see marks), and 那边说 tells what
// others said.
func saidIn(m, rest string) bool {
	return slices.Contains(lexicon.partMarkers, m) && hasPrefixAny(rest, lexicon.sayings) != ""
}

// looseMark ends a span read before a loose locus marker: a question part
// never holds it, as a question mark ends the part.
const looseMark = "?"

// LocusSpans are the words naming where in the yearbook the user read the
// fact, one string per place named (花卉城 of 花卉城那章).
func (p Part) LocusSpans() []string {
	spans := strings.Fields(p.Locus)
	for i, s := range spans {
		spans[i] = strings.TrimSuffix(s, looseMark)
	}
	return spans
}

// marks reports whether marker m between before and rest marks a locus:
// 里 does only before a word of saying or no word (总述里说, 攻势里), and
// not as the end of a word (公里, 这里).
func marks(m, before, rest string) bool {
	if !strings.HasPrefix(m, "里") {
		return true
	}
	if p, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(lexicon.liWords, p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.Is(unicode.Han, r) || strings.ContainsRune(lexicon.localFollowers, r)
}

// wordsBefore is the run of letters and digits ending s, at most
// maxLocusRunes long.
func wordsBefore(s string) string {
	start, n := len(s), 0
	for start > 0 && n < maxLocusRunes {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' {
			break
		}
		start -= size
		n++
	}
	return s[start:]
}

// locusTerms are the indexes of the part's own terms that name the part
// of the yearbook asked about: of each span of its locus, the terms some
// heading read holds, places left out. The other words of a span name the
// fact (游客 in 游客总述里), and a place names where the fact happened
// (东区里有多少企业), which a chapter about something else may tell. A
// loose span counts only when it ends as a heading of a passage read ends
// (花卉攻势 as 花卉城建设攻势 does): one ending otherwise names a thing the
// text tells of (那份报告里, 这部分企业), not a part of the yearbook.
func locusTerms(a Asked, pre []*Prepared) []int {
	if a.Locus == "" {
		return nil
	}
	read := pre[:min(len(pre), readPassages)]
	var out []int
	for _, span := range strings.Fields(a.Locus) {
		if words, loose := strings.CutSuffix(span, looseMark); loose {
			if !endsAsHeading(lastTermOf(a.Terms, words), read) {
				continue
			}
			span = words
		}
		for i, t := range a.Terms {
			if !t.Context && !t.Place && strings.Contains(span, t.Text) && !slices.Contains(out, i) && inSomeHeading(t, read) {
				out = append(out, i)
			}
		}
	}
	return out
}

// lastTermOf is the longest of the part's own terms that ends span, ""
// when none does.
func lastTermOf(terms []Term, span string) string {
	last := ""
	for _, t := range terms {
		if !t.Context && strings.HasSuffix(span, t.Text) && len(t.Text) > len(last) {
			last = t.Text
		}
	}
	return last
}

// endsAsHeading reports whether a chapter or section title of a passage
// read ends in word.
func endsAsHeading(word string, read []*Prepared) bool {
	if word == "" {
		return false
	}
	return slices.ContainsFunc(read, func(pp *Prepared) bool {
		for _, h := range strings.Split(pp.rawHeading, "\n") {
			if strings.HasSuffix(Canon(h), Canon(word)) {
				return true
			}
		}
		return false
	})
}

// inSomeHeading reports whether a passage read holds t in its headings.
func inSomeHeading(t Term, read []*Prepared) bool {
	return slices.ContainsFunc(read, func(pp *Prepared) bool { return termMatch(t, pp.heading) > 0 })
}

// locusAgreement is +1 when a passage's headings hold at least half of
// the locus words (by weight), -1 when they hold less, 0 when the part
// names no part of the yearbook.
func (pi *partInfo) locusAgreement(heading canonText) float64 {
	if len(pi.locus) == 0 {
		return 0
	}
	got, all := 0.0, 0.0
	for _, i := range pi.locus {
		w := max(pi.weights[i], minLocusWeight)
		all += w
		got += w * termMatch(pi.a.Terms[i], heading)
	}
	if got >= all/2 {
		return 1
	}
	return -1
}

// minLocusWeight keeps a heading word no paragraph writes (its weight is
// dropped as unseen) counting toward the locus.
const minLocusWeight = 0.01
