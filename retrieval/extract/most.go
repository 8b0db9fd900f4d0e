package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question asking which one is the most (哪个区人口最多, 产量最大的是哪
// 家) is answered by a sentence singling one out (甲区最多, 居首位); one
// telling of them all alike (均在90%以上) or of one without ranking it
// names no answer, though it holds every word asked.

// asksMost reports whether part p asks for the name of the one that is
// most: it asks for names and writes the mark of the most before a word of
// degree, not of time or order (最后, 最早).
func asksMost(p Part) bool {
	if !wants(p.Wants, WantNames) || wants(p.Wants, WantDate) {
		return false
	}
	return writesMost(p.Text)
}

// writesMost reports whether s writes the mark of the most before a word
// of degree (最多, 最高; not 最后, 最新).
func writesMost(s string) bool {
	m := lexicon.mostMark
	for i := strings.Index(s, m); i >= 0; i = indexFrom(s, m, i+len(m)) {
		if hasPrefixAny(s[i+len(m):], lexicon.notDegrees) == "" {
			return true
		}
	}
	return false
}

// singlesOut reports whether sentence writes a word singling one out of
// many: the mark of the most before a word of degree (最多, not 最新), a
// word of lexicon.singlingWords (居首, 领跑), or a first told as a rank
// (居第一, 第一名; not 第一批).
func singlesOut(sentence string) bool {
	if writesMost(sentence) || containsAny(sentence, lexicon.singlingWords) {
		return true
	}
	for _, w := range lexicon.firstWords {
		for i := strings.Index(sentence, w); i >= 0; i = indexFrom(sentence, w, i+len(w)) {
			if firstAsRank(sentence[i+len(w):]) {
				return true
			}
		}
	}
	return false
}

// firstAsRank reports whether the words after a first (第一, 第1) make it
// a rank: a word of lexicon.firstAfter (第一位) or no Han character or
// digit (居全省第一。), not a noun it orders (第一批, 第一产业, 第10).
func firstAsRank(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return strings.ContainsRune(lexicon.firstAfter, r) || !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r)
}
