package extract

import "strings"

// A question asking which one is the most (哪个区人口最多, 满意率最高的是
// 哪个) is answered by a sentence singling one out (甲区最多, 居首位); one
// telling of them all alike (均在90%以上) or of one without ranking it
// names no answer, though it holds every word asked.

// asksMost reports whether part p asks for the name of the one that is
// most: it asks for names and writes the mark of the most before a word of
// degree, not of time or order (最后, 最早).
func asksMost(p Part) bool {
	if !wants(p.Wants, WantNames) || wants(p.Wants, WantDate) {
		return false
	}
	m := lexicon.mostMark
	for i := strings.Index(p.Text, m); i >= 0; i = indexFrom(p.Text, m, i+len(m)) {
		if hasPrefixAny(p.Text[i+len(m):], lexicon.notDegrees) == "" {
			return true
		}
	}
	return false
}

// singlesOut reports whether sentence writes a word singling one out of
// many (lexicon.singlingWords).
func singlesOut(sentence string) bool {
	return containsAny(sentence, lexicon.singlingWords)
}
