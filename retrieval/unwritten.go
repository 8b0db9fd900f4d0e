package retrieval

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// A question about a kind of thing the yearbook never writes (机场旅客
// 吞吐量, 户籍人口, 地铁线路) shares its head word with a sentence about
// another kind (集装箱吞吐量, 出生人口, 公交线路), and the selector may take
// that sentence. The word before the shared one qualifies it: when the
// answer's document writes it nowhere and the sentence holds none of its
// characters, the sentence is about something else and is refused, shown
// as related content. A colloquial word for what the sentence writes
// (货运吞吐量 for 货物吞吐量) shares a character and stands.

// qualifierRunes is the shortest qualifier read before a shared word.
const qualifierRunes = 2

// vetoUnwritten refuses the chosen facts whose part asks a qualifier the
// corpus never writes, or a share of a subject their paragraph never
// writes, moving them to their parts' Closest.
func (e *Engine) vetoUnwritten(asked []extract.Asked, chosen []extract.Fact, whys []extract.PartWhy, hits []Hit) ([]extract.Fact, []extract.PartWhy) {
	out := chosen[:0:0]
	for _, f := range chosen {
		why, part := "", -1
		for _, pi := range f.Parts {
			if pi < len(asked) && pi < len(whys) {
				if q, ok := unwrittenQualifier(asked[pi], dict.Fold(f.Text)); ok {
					why, part = fmt.Sprintf("refused: the yearbook never writes %s, which the question asks of", q), pi
					break
				}
				if q, ok := e.shareOfOther(asked[pi], dict.Fold(hits[f.Passage].Text)); ok {
					why, part = fmt.Sprintf("refused: the paragraph gives another subject's share, not %s's", q), pi
					break
				}
			}
		}
		if part < 0 {
			out = append(out, f)
			continue
		}
		refuseParts(f, whys, why)
	}
	return out, whys
}

// refuseParts marks every part f answers refused for why, with f as its
// closest fact.
func refuseParts(f extract.Fact, whys []extract.PartWhy, why string) {
	for _, pi := range f.Parts {
		if pi < len(whys) {
			closest := f
			whys[pi].Answered, whys[pi].Closest = false, &closest
			whys[pi].Reason = why
		}
	}
}

// unwrittenQualifier is a key term of a that the documents never write
// and a dictionary word (a user's phrase such as 那份 is none), none of
// its characters in text, standing right before two characters text
// writes: 机场 before 吞吐量 of 集装箱吞吐量.
func unwrittenQualifier(a extract.Asked, text string) (string, bool) {
	q := dict.Fold(a.Part.Text)
	for _, t := range a.Terms {
		w := dict.Fold(t.Text)
		if !t.Key || !t.Unseen || !t.Listed || t.Soft || t.Head || t.Context || askedWord(w) || utf8.RuneCountInString(w) < qualifierRunes ||
			!isHan(w) || strings.ContainsFunc(w, func(r rune) bool { return strings.ContainsRune(text, r) }) {
			continue
		}
		i := strings.Index(q, w)
		if i < 0 {
			continue
		}
		next := []rune(q[i+len(w):])
		if len(next) >= 2 && isHan(string(next[:2])) && strings.Contains(text, string(next[:2])) {
			return w, true
		}
	}
	return "", false
}

// askedWord reports whether w is one of the words a question asks with
// (同比, 是不是, 照片): it qualifies no subject.
func askedWord(w string) bool {
	lists := append(askWords(), tableWords.photoAsks, tableWords.dataSources, tableWords.writeCredits, tableWords.authorAsks, tableWords.creditAsks, tableWords.dataWords)
	for _, l := range lists {
		if slices.Contains(l, w) {
			return true
		}
	}
	return false
}

// shareAsked is a share of a base asked (占常住人口的比例); 占比 names no
// base.
var shareAsked = regexp.MustCompile(`占(\p{Han}{2,8}?)的?(?:比例|比重|百分比|百分之|多少|几成)`)

// shareOfOther is the subject of a share asked (外来务工人员 of 外来务工人员
// 占常住人口的比例) when the paragraph quoted writes no two neighbouring
// characters of it and no synonym, though it writes the base: its share is another subject's
// (60岁以上人口…占常住人口的20.8%).
func (e *Engine) shareOfOther(a extract.Asked, paragraph string) (string, bool) {
	q := dict.Fold(a.Part.Text)
	m := shareAsked.FindStringSubmatchIndex(q)
	if m == nil || !strings.Contains(paragraph, q[m[2]:m[3]]) {
		return "", false
	}
	rs := []rune(q[:m[0]])
	k := len(rs)
	for k > 0 && hanRune(rs[k-1]) {
		k--
	}
	subject := trimAskedPrefix(string(rs[k:]))
	if utf8.RuneCountInString(subject) < qualifierRunes || sharesRun(paragraph, subject) ||
		slices.ContainsFunc(e.syn.groupWords(subject), func(w string) bool { return strings.Contains(paragraph, dict.Fold(w)) }) {
		return "", false
	}
	return subject, true
}

// sharesRun reports whether text writes two neighbouring characters of w
// (外籍 of 青岛高端外籍人才): the subject shortened or with its place.
func sharesRun(text, w string) bool {
	rs := []rune(w)
	for i := 0; i+qualifierRunes <= len(rs); i++ {
		if strings.Contains(text, string(rs[i:i+qualifierRunes])) {
			return true
		}
	}
	return false
}

// trimAskedPrefix drops the question words and relative years leading w
// (去年民营经济 → 民营经济).
func trimAskedPrefix(w string) string {
	for again := true; again; {
		again = false
		for _, l := range askWords() {
			for _, x := range l {
				if x != "" && strings.HasPrefix(w, x) && len(x) < len(w) {
					w, again = w[len(x):], true
				}
			}
		}
	}
	return w
}

func hanRune(r rune) bool { return unicode.Is(unicode.Han, r) }
