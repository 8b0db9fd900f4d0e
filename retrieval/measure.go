package retrieval

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/retrieval/internal/dict"
)

// A count asked with a measure word (公交车一共几辆) of a noun the
// yearbook writes otherwise (公交运营车辆4210辆): the figure's unit agrees
// with the measure word, and the words counted before it hold the
// question's characters in order, keeping its first. Those words are
// another form of the question's term, so the sentence is found and
// weighed as if it wrote it.

// askedMeasure is a count asked with its measure word (几辆, 多少家).
var askedMeasure = regexp.MustCompile(`(?:几|多少)(\p{Han})`)

// countedRunes bounds the words read before a figure.
const countedRunes = 12

// countedBefore lists the words counted right before each figure with
// unit m in text: the run of two to countedRunes Chinese characters
// before the number (4210辆 after 公交运营车辆), never reaching back
// into the match before.
func countedBefore(text string, m rune) []string {
	var out []string
	from := 0
	for i, r := range text {
		if r != m || i < from {
			continue
		}
		num := numberBefore(text[from:i])
		if num == 0 {
			continue
		}
		if w := hanRunBefore(text[from:i-num], countedRunes); utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
			from = i + utf8.RuneLen(r)
		}
	}
	return out
}

// numberBefore is the length of the number (digits, one decimal part)
// ending s, 0 when none.
func numberBefore(s string) int {
	n, digits := len(s), 0
	for n > 0 && s[n-1] >= '0' && s[n-1] <= '9' {
		n, digits = n-1, digits+1
	}
	if digits > 0 && n > 1 && s[n-1] == '.' && s[n-2] >= '0' && s[n-2] <= '9' {
		n--
		for n > 0 && s[n-1] >= '0' && s[n-1] <= '9' {
			n--
		}
	}
	if digits == 0 {
		return 0
	}
	return len(s) - n
}

// hanRunBefore is the last up to max Chinese characters ending s.
func hanRunBefore(s string, max int) string {
	n := len(s)
	for k := 0; k < max && n > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		n -= size
	}
	return s[n:]
}

// measureForms are the words the documents count with the measure word q
// asks by, holding term's characters in order; only for a term of three
// characters or more that the documents never write.
func (e *Engine) measureForms(q, term string, docs []int) []string {
	unit, ok := askedUnit(q)
	if !ok {
		return nil
	}
	return e.measureFormsCached(unit, term, docs)
}

// askedUnit is the measure word q asks a count by, if it asks one. It
// reads the whole question: a question's terms share it (answerIn).
func askedUnit(q string) (rune, bool) {
	m := askedMeasure.FindStringSubmatch(dict.Fold(q))
	if m == nil {
		return 0, false
	}
	return []rune(m[1])[0], true
}

// measureFormsOf is measureForms with the question's measure word.
func (e *Engine) measureFormsOf(unit rune, term string, docs []int) []string {
	term = dict.Fold(term)
	if utf8.RuneCountInString(term) < 3 || !isHan(term) || e.seenIn(term, docs) {
		return nil
	}
	t := []rune(term)
	var out []string
	for i, p := range e.passages {
		if docs != nil && !slices.Contains(docs, e.passageDoc[i]) || p.Paragraph.Table > 0 {
			continue
		}
		// Folding changes no character of the unified block: unless the
		// paragraph holds one it changes (foldsHan), one without
		// the unit or one of the term's characters cannot match (the run
		// counted must hold them all), and most paragraphs lack one.
		text := p.Paragraph.Text
		if !e.foldsHan[i] && (!strings.ContainsRune(text, unit) || !containsRunes(text, t)) {
			continue
		}
		for _, counted := range countedBefore(dict.Fold(text), unit) {
			w := []rune(counted)
			// The run starts where the term does (公交… for 公交车).
			if k := slices.Index(w, t[0]); k >= 0 {
				w = w[k:]
			}
			if w[0] == t[0] && holdsInOrder(w, t) && !slices.Contains(out, string(w)) {
				out = append(out, string(w))
			}
		}
	}
	return out
}

// foldsHan reports whether s holds a Han character that folding changes
// (⼈ is 人): a radical (U+2E80–U+2FFF) or a compatibility ideograph
// (U+F900–U+FAFF, U+2F800–U+2FA3F). It runs over every paragraph at
// start-up, so it reads the UTF-8 lead bytes instead of decoding runes.
func foldsHan(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch b1, b2 := s[i+1], s[i+2]; s[i] {
		case 0xE2:
			if b1 >= 0xBA && b1 <= 0xBF {
				return true
			}
		case 0xEF:
			if b1 >= 0xA4 && b1 <= 0xAB {
				return true
			}
		case 0xF0:
			if b1 == 0xAF && b2 >= 0xA0 && b2 <= 0xA8 {
				return true
			}
		}
	}
	return false
}

// containsRunes reports whether text holds every rune of t.
func containsRunes(text string, t []rune) bool {
	for _, r := range t {
		if !strings.ContainsRune(text, r) {
			return false
		}
	}
	return true
}

// holdsInOrder reports whether w holds every rune of t in order.
func holdsInOrder(w, t []rune) bool {
	j := 0
	for _, r := range w {
		if j < len(t) && r == t[j] {
			j++
		}
	}
	return j == len(t) && !strings.ContainsRune(string(w), '的')
}
