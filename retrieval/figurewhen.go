package retrieval

import (
	"regexp"
	"slices"
	"strings"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// The date of a figure the question quotes (常住人口那个1034万是什么时候的
// 数): the sentence that writes the figure answers, since it holds the
// date (2022年末，…常住人口1034.2万人). The figure may be quoted short
// (1034万 for 1034.2万人); a sentence with a date beats a table cell, which
// names only a column's year, and a paragraph without a date answers
// nothing.

// quotedFigure is a figure in a question: digits, and a magnitude
// (万, 亿) when one follows; a year (2022年) and a count of two digits
// or fewer without a magnitude are none.
var quotedFigure = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)([万亿千百]?)`)

// datedText is a date a sentence may give its figures.
var datedText = regexp.MustCompile(`(?:19|20)[0-9]{2}年|[0-9]{1,2}月|年末|年底|年初|年中`)

// figurePattern is how passages may write the figure a question quotes.
func figurePattern(q string) *regexp.Regexp {
	for _, m := range quotedFigure.FindAllStringSubmatchIndex(q, -1) {
		num, mag := q[m[2]:m[3]], q[m[4]:m[5]]
		// A short count (15个攻势) is a name's, not a figure quoted.
		if strings.HasPrefix(q[m[1]:], "年") || mag == "" && len(strings.ReplaceAll(num, ".", "")) < 3 {
			continue
		}
		p := `(?:^|[^0-9.])` + regexp.QuoteMeta(num)
		if !strings.Contains(num, ".") {
			p += `(?:\.[0-9]+)?`
		}
		if mag != "" {
			p += regexp.QuoteMeta(mag)
		} else {
			p += `(?:[^0-9.]|$)`
		}
		return regexp.MustCompile(p)
	}
	return nil
}

// answerFigureDate answers the date of a quoted figure with the sentence
// that writes it; ok is false when the question is not one or no
// passage of t writes the figure.
func (e *Engine) answerFigureDate(qa extract.Question, t tier) (result, bool) {
	q := dict.Fold(qa.Text)
	if !containsAny(q, tableWords.whenAsks) {
		return result{}, false
	}
	pat := figurePattern(q)
	if pat == nil {
		pat = e.rowFigurePattern(q, t) // a row's figure asked by its name
	}
	if pat == nil {
		return result{}, false
	}
	best, bestText, bestRank := -1, "", 0
	for i, p := range e.passages {
		if t.docs != nil && !slices.Contains(t.docs, e.passageDoc[i]) {
			continue
		}
		text, rank := datedSentence(p.Paragraph.Text, pat)
		if text == "" {
			continue
		}
		// Prose before a table's cell, which names only a year.
		if p.Paragraph.Table == 0 {
			rank++
		}
		if rank > bestRank {
			best, bestText, bestRank = i, text, rank
		}
	}
	if best < 0 || !extract.StatesAsked(afterWhen(q), bestText) {
		return result{}, false
	}
	return e.quoteSentence(t, best, bestText, qa.Text, "date of a quoted figure: the sentence that writes it"), true
}

// afterWhen is q from its first when-word on. A stage named there is
// what the date is asked of (5万吨级船坞什么时候竣工): the sentence that writes
// the quoted figure answers only if it states that stage; one that writes
// the figure as part of a name (a tonnage, a speed) and dates something
// else is left to the selector, which weighs the stage a sentence states.
func afterWhen(q string) string {
	at := -1
	for _, w := range tableWords.whenAsks {
		if i := strings.Index(q, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	return q[at:]
}

// datedSentence is the first sentence of text that writes the figure pat
// matches, with its date: a sentence without one is quoted from the
// paragraph's last dated sentence before it (2023年末，…。全年粮食产量
// 38.4万吨。), ranked below one that dates itself; "" when none.
func datedSentence(text string, pat *regexp.Regexp) (string, int) {
	var sentences []string
	for s := range strings.SplitAfterSeq(text, "。") {
		sentences = append(sentences, s)
	}
	lastDated := -1
	for k, s := range sentences {
		dated := datedText.MatchString(s)
		if dated {
			lastDated = k
		}
		if !pat.MatchString(dict.Fold(s)) {
			continue
		}
		switch {
		case dated:
			return strings.TrimSpace(s), 3
		case lastDated >= 0:
			return strings.TrimSpace(strings.Join(sentences[lastDated:k+1], "")), 2
		}
	}
	return "", 0
}
