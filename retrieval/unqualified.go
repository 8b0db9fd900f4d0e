package retrieval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
	"yearbookbot/retrieval/internal/textsearch"
)

// A question about a thing itself (公交线路有几条) may get from the
// selector a sentence about a kind of it (新开通定制公交线路26条) when
// another of the same paragraph writes the thing plain (公交线路312条). A
// word the question shares with the quoted figure, qualified there by
// words the question does not say, yields to a clause of the paragraph
// that writes it unqualified before its figure: the plain count is what
// was asked. Other paragraphs write the word for other things.

// plainRunes is the shortest word read so: two characters (完成, 企业)
// are too common to tell one thing.
const plainRunes = 3

// qualifiedRun finds in text the question's words (two characters or
// more, longest first) standing after two other characters and before a
// figure: the words, three characters or more, as written in the
// question.
func qualifiedRun(q, text string) string {
	at, longest := hanRuns(q, text)
	for n := len(longest); n >= plainRunes; n-- {
		for i := 0; i+n < len(at); i++ {
			// A run longer than the longest one text writes from here
			// cannot stand in it.
			if longest[i] < n {
				continue
			}
			w := q[at[i]:at[i+n]]
			qual, ok := qualifierBefore(text, w)
			if ok && !strings.ContainsAny(q, qual) {
				return w
			}
		}
	}
	return ""
}

// hanRuns returns the byte offset of each rune of q (and q's end) and,
// for each rune, the length in runes of the longest run of Chinese
// characters starting there that text contains (0 below plainRunes).
// Containment shrinks with length, so one scan per start finds it.
func hanRuns(q, text string) (at []int, longest []int) {
	han := []bool{}
	for i, r := range q {
		at = append(at, i)
		han = append(han, unicode.Is(unicode.Han, r))
	}
	at = append(at, len(q))
	longest = make([]int, len(han))
	for i := range han {
		n := 0
		for i+n < len(han) && han[i+n] && (n+1 < plainRunes || textsearch.Index(text, q[at[i]:at[i+n+1]]) >= 0) {
			n++
		}
		if n >= plainRunes {
			longest[i] = n
		}
	}
	return at, longest
}

// qualifierBefore finds the first place where w stands after two Chinese
// characters and before a figure (up to two characters between it and
// the digits) and returns those two characters. It reads the text once
// per occurrence of w: it runs for every run of the question.
func qualifierBefore(text, w string) (string, bool) {
	for off := 0; ; {
		i := textsearch.Index(text[off:], w)
		if i < 0 {
			return "", false
		}
		i += off
		off = i + len(w)
		before := text[:i]
		r2, n2 := utf8.DecodeLastRuneInString(before)
		r1, n1 := utf8.DecodeLastRuneInString(before[:len(before)-n2])
		if n1 == 0 || !unicode.Is(unicode.Han, r1) || !unicode.Is(unicode.Han, r2) {
			continue
		}
		if figureFollows(text[off:]) {
			return before[len(before)-n1-n2:], true
		}
	}
}

// figureFollows reports whether s starts with a digit after at most two
// Chinese characters.
func figureFollows(s string) bool {
	for k := 0; s != ""; k++ {
		if s[0] >= '0' && s[0] <= '9' {
			return true
		}
		r, n := utf8.DecodeRuneInString(s)
		if k == 2 || !unicode.Is(unicode.Han, r) {
			return false
		}
		s = s[n:]
	}
	return false
}

// plainClause is the first clause of the hits writing w unqualified
// before its figure (公交线路312条), and the hit it stands in, -1 when
// none.
func plainClause(w string, hits []Hit) (string, int) {
	re := regexp.MustCompile(`(?:^|[，。；、：,;:])(` + regexp.QuoteMeta(w) + `\p{Han}{0,2}[0-9][^，。；,;]*)`)
	for i, h := range hits {
		if m := re.FindStringSubmatch(h.Text); m != nil {
			return m[1], i
		}
	}
	return "", -1
}

// preferUnqualified replaces a chosen fact quoting a qualified kind of
// what its part asks with the clause that writes the thing plain.
func preferUnqualified(asked []extract.Asked, chosen []extract.Fact, hits []Hit) []extract.Fact {
	for k, f := range chosen {
		if len(f.Parts) != 1 || f.Parts[0] >= len(asked) {
			continue
		}
		q := dict.Fold(asked[f.Parts[0]].Part.Text)
		w := qualifiedRun(q, dict.Fold(f.Text))
		if utf8.RuneCountInString(w) < plainRunes {
			continue
		}
		clause, hi := plainClause(w, hits[f.Passage:f.Passage+1])
		hi += f.Passage
		if hi < f.Passage || strings.Contains(f.Text, clause) {
			continue
		}
		nf := extract.Fact{Passage: hi, Text: clause, Parts: f.Parts}
		for _, fig := range extract.Figures(clause) {
			nf.Figures = append(nf.Figures, extract.Range{Start: fig.Start, End: fig.End})
		}
		chosen[k] = nf
	}
	return chosen
}
