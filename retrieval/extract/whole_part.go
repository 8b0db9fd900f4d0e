package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// partQualified is a thing a question asks of one part (城市低保: the
// part 城市 of the whole 城乡), with the whole that holds the part.
type partQualified struct {
	part, whole, noun string
}

// partsQualified are the things text asks of a part of a whole
// (lexicon.wholeParts) when it names neither the whole itself nor two of
// its parts (城市和农村低保一共多少 asks the whole): the part and the first
// characters of the noun after it (wholeNounChars).
func partsQualified(text string) []partQualified {
	var out []partQualified
	for whole, parts := range lexicon.wholeParts {
		named := slices.DeleteFunc(slices.Clone(parts), func(p string) bool { return !strings.Contains(text, p) })
		if strings.Contains(text, whole) || len(named) > 1 {
			continue
		}
		for _, p := range named {
			for at := strings.Index(text, p); at >= 0; at = indexFrom(text, p, at+len(p)) {
				if noun := hanPrefix(text[at+len(p):], wholeNounChars); noun != "" {
					out = append(out, partQualified{p, whole, noun})
				}
			}
		}
	}
	return out
}

// wholeNounChars are how many characters of the noun after a part or a
// whole are compared (低保 of 低保对象, of 低保金).
const wholeNounChars = 2

// hanPrefix is the first n characters of s when they are all Han, else "".
func hanPrefix(s string, n int) string {
	p := firstRunes(s, n)
	if utf8.RuneCountInString(p) < n || strings.ContainsFunc(p, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return ""
	}
	return p
}

// wholeForPart is the whole and noun a sentence states (城乡低保) instead
// of the part asked of it (城市低保), when it writes the noun after the
// whole and the part nowhere (其中城市200人 tells the part), nor says the
// figure is shared by the parts (lexicon.sharedMarks: 城乡低保标准统一):
// the figure is the whole's. "" when none.
func wholeForPart(sentence string, asked []partQualified) string {
	for _, q := range asked {
		whole := q.whole + q.noun
		if strings.Contains(sentence, whole) && !strings.Contains(strings.ReplaceAll(sentence, whole, ""), q.part) &&
			!containsAny(sentence, lexicon.sharedMarks) {
			return whole
		}
	}
	return ""
}

// changeOfWhole reports whether the part asks a change of a thing the
// sentence (sen of text) names only after it splits its whole (其中:
// lexicon.wholeSplits), while every change among the window's figures
// stands before the split: the change is the whole's (甲里程2368公里，比
// 上年末增加74公里，其中乙86公里, asked 乙多修了几公里).
func (pi *partInfo) changeOfWhole(text string, sen Range, figs []Figure) bool {
	if !pi.a.Change || !slices.ContainsFunc(figs, func(f Figure) bool { return f.Change }) {
		return false
	}
	k, _ := indexAny(text[sen.Start:sen.End], lexicon.wholeSplits)
	if k < 0 {
		return false
	}
	split := sen.Start + k
	if slices.ContainsFunc(figs, func(f Figure) bool { return f.Change && f.Start > split }) {
		return false
	}
	before, after := text[sen.Start:split], text[split:sen.End]
	return slices.ContainsFunc(pi.a.Terms, func(t Term) bool {
		return t.Key && !t.Context && !t.Soft && !writesForm(before, t) && writesForm(after, t)
	})
}
