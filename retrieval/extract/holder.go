package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// officeAsked reports whether the part asks who holds an office one
// person holds (院长是谁, 村支书叫什么): a yearbook writing the office
// without a holder (由市领导任指挥长) does not tell who.
func (pi *partInfo) officeAsked() bool {
	return pi.role != nil && hasSuffixAny(pi.role.Text, lexicon.officeEnds) != ""
}

// namesHolder reports whether sentence s names who holds the office role,
// written whole or by the office it ends in or that office's kin (院长 of 甲院院长, 书记
// for 支书): a name after it (院长甲某某, 院长：甲某, 院长（兼）甲某,
// 组长由甲某担任, 组长由副市长担任), or before it (甲某某院长, 甲某某
// 同志任组长, 选举甲某为书记, 甲某（乙局局长）, a life opening with a name
// that goes on 现任乙局局长). A miss vetoes the sentence, so a reading in
// doubt counts as named.
func namesHolder(s, role string) bool {
	for _, office := range officeForms(role) {
		for i := 0; ; {
			k := strings.Index(s[i:], office)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(office)
			if holderAfter(s[i:]) || holderBefore(s[:at], s) {
				return true
			}
		}
	}
	return false
}

// officeForms are role and the office it ends in, with that office's kin
// (村支书, 支书, 书记; 医院院长, 院长): an end of one character (长) ends
// every head's title, so its office is the end with the character before
// it (院长; 校长 is not 院长's holder).
func officeForms(role string) []string {
	end := hasSuffixAny(role, lexicon.officeEnds)
	office := end
	if utf8.RuneCountInString(end) == 1 {
		office = lastRunes(role, 2)
	}
	forms := []string{role}
	if office != role {
		forms = append(forms, office)
	}
	return append(forms, lexicon.officeKin[end]...)
}

// holderAfter reports whether the words after an office name its holder:
// a name after spaces, separators, a short bracketed aside and further
// offices listed (局长、党组书记甲某), or a name or another office before an
// appointing verb of the clause (由乙某担任, 由副市长担任).
func holderAfter(after string) bool {
	rest := trimHolderSeps(skipListedOffices(trimHolderSeps(after)))
	if startsWithName(rest) {
		return true
	}
	clause := rest[:clauseEnd(rest)]
	for _, v := range lexicon.appointVerbs {
		if k := strings.Index(clause, v); k > 0 {
			return holderWord(clause[:k])
		}
	}
	return false
}

// skipListedOffices drops the offices listed after an office, each after
// a list mark (、党组书记 of 局长、党组书记甲某): one person holds them all.
func skipListedOffices(s string) string {
	for {
		rest, ok := strings.CutPrefix(s, lexicon.officeListMark)
		if !ok {
			return s
		}
		at, end := indexAny(firstRunes(rest, maxListedOfficeRunes), lexicon.officeEnds)
		if at < 0 {
			return s
		}
		s = rest[at+len(end):]
	}
}

// maxListedOfficeRunes bounds an office listed after another (党组书记).
const maxListedOfficeRunes = 8

// trimHolderSeps drops the spaces, separators (lexicon.holderSeps) and
// short bracketed asides (（兼）) leading s.
func trimHolderSeps(s string) string {
	for {
		t := strings.TrimLeft(s, lexicon.holderSpaces)
		if sep := hasPrefixAny(t, lexicon.holderSeps); sep != "" {
			t = t[len(sep):]
		} else if rest, ok := cutAside(t); ok {
			t = rest
		}
		if t == s {
			return s
		}
		s = t
	}
}

// cutAside cuts a bracketed aside of a few characters opening s.
func cutAside(s string) (string, bool) {
	for _, open := range lexicon.asideOpens {
		inner, ok := strings.CutPrefix(s, open)
		if !ok {
			continue
		}
		k := strings.IndexAny(inner, lexicon.asideCloses)
		if k > 0 && utf8.RuneCountInString(inner[:k]) <= maxAsideRunes {
			_, n := utf8.DecodeRuneInString(inner[k:])
			return inner[k+n:], true
		}
	}
	return s, false
}

// maxAsideRunes bounds an aside after an office (兼, 主持工作).
const maxAsideRunes = 4

// holderBefore reports whether the words of before's clause put a holder
// in the office written right after them: a name right before it, a name
// or another office before an appointing verb (the sentence's opening
// name when only 现 stands before 任), or a name before a bracket the
// office stands in.
func holderBefore(before, sentence string) bool {
	clause := before[afterLastMark(before, lexicon.clauseMarks):]
	if nameOpens(strings.TrimRight(clause, lexicon.holderSpaces)) {
		return true
	}
	for _, v := range lexicon.appointVerbs {
		for i := 0; ; {
			k := strings.Index(clause[i:], v)
			if k < 0 {
				break
			}
			who := trimHonorific(clause[:i+k])
			if holderWord(who) || hasSuffixAny(who, lexicon.nowMarks) != "" && startsWithName(sentence) {
				return true
			}
			i += k + len(v)
		}
	}
	if k := strings.LastIndexAny(clause, strings.Join(lexicon.asideOpens, "")); k > 0 && !strings.ContainsAny(clause[k:], lexicon.asideCloses) {
		return nameOpens(clause[:k])
	}
	return false
}

// holderWord reports whether who ends with a name standing apart (甲某,
// 由甲某) or an office (由副市长任): not with the end of a body's name
// (由县文化局).
func holderWord(who string) bool {
	return nameOpens(who) || hasSuffixAny(who, lexicon.officeEnds) != ""
}

// nameOpens reports whether s ends with a name that opens s, or follows a
// list mark or one of lexicon.holderLeads (由甲某, 选举甲某): a surname
// inside a word (党委, 文化局) names no one.
func nameOpens(s string) bool {
	rs := []rune(s)
	for _, k := range []int{2, 3} {
		if len(rs) < k || !isName(rs[len(rs)-k:]) {
			continue
		}
		lead := string(rs[:len(rs)-k])
		if lead == "" || strings.HasSuffix(lead, lexicon.officeListMark) || hasSuffixAny(lead, lexicon.holderLeads) != "" {
			return true
		}
	}
	return false
}

// trimHonorific drops an honorific after a name (甲某同志).
func trimHonorific(s string) string {
	for _, h := range lexicon.honorifics {
		s = strings.TrimSuffix(s, h)
	}
	return s
}

// clauseEnd is where the first clause of s ends.
func clauseEnd(s string) int {
	if k := strings.IndexAny(s, lexicon.clauseMarks); k >= 0 {
		return k
	}
	return len(s)
}

// startsWithName reports whether s opens with a surname and at least one
// more Chinese character.
func startsWithName(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(lexicon.surnames, r) {
		return false
	}
	next, m := utf8.DecodeRuneInString(s[n:])
	return m > 0 && unicode.Is(unicode.Han, next)
}

// isName reports whether rs is a surname and more Chinese characters.
func isName(rs []rune) bool {
	return len(rs) >= 2 && strings.ContainsRune(lexicon.surnames, rs[0]) && allHan(rs)
}

// allHan reports whether every rune is a Chinese character (isHanWord
// also takes full-width punctuation, which no name holds).
func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(rs) > 0
}
