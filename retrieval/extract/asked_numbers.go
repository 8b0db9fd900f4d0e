package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// statedNumbers are the numbers a question writes in digits about its
// subject (投资超过50亿元的项目): not years, which the year features read,
// nor a photo's number, which the photo features read. A sentence that
// writes none of them may tell of another threshold or another group.
// Chinese numerals are left out: most stand in words (哪一天, 一共).
func statedNumbers(question string) []string {
	var out []string
	for _, r := range numberSpans(question) {
		n, after := question[r.Start:r.End], question[r.End:]
		isYear := strings.HasPrefix(after, "年") || len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) && !startsMagnitude(after)
		if !isYear && !strings.HasSuffix(question[:r.Start], "图") {
			out = append(out, n)
		}
	}
	return out
}

// numberIn reports whether text writes number n as a whole number, not as
// part of a longer one (50 is not in 150 nor in 50.5).
func numberIn(text, n string) bool {
	if n == "" {
		return false
	}
	for from := 0; ; {
		k := strings.Index(text[from:], n)
		if k < 0 {
			return false
		}
		i := from + k
		j := i + len(n)
		before := i > 0 && (isDigit(text[i-1]) || text[i-1] == '.')
		after := j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1]))
		if !before && !after {
			return true
		}
		from = i + 1
	}
}

// statedOrdinals are the numbers of the ordinals a question writes in
// Chinese numerals (第十八届 → 18), read on its canonical text: like a
// number in digits, an ordinal says which one is asked, and a sentence
// writing another (第十九届) tells of another. Only an ordinal of a
// measure (lexicon.ordinalMeasures) counts: 第三产业 is a name. 第一 is
// left out: the first is written in many ways (首届, 首位, 榜首).
func statedOrdinals(raw, canon string) []string {
	var out []string
	for _, r := range numberSpans(canon) {
		n := canon[r.Start:r.End]
		m, _ := utf8.DecodeRuneInString(canon[r.End:])
		if strings.HasSuffix(canon[:r.Start], "第") && strings.ContainsRune(lexicon.ordinalMeasures, m) && n != "1" && !numberIn(raw, n) {
			out = append(out, n)
		}
	}
	return out
}

// missesStated reports whether the sentence (canonical, with its headings)
// writes none of one of the numbers the question states.
func missesStated(stated []string, around string) bool {
	for _, n := range stated {
		if !numberIn(around, n) {
			return true
		}
	}
	return false
}

// countedOnly reports whether the head word of a names question (县 in
// 哪三个县) stands in the window right after a count (3个县获评) that no
// list of names leads up to (甲县、乙县2个县获评 names them), and nowhere
// else that may name one: the window counts the things asked for by name
// and names none of them. The head written again in a clause holding no
// other word of the question, and not right after a quoted name
// (是全省参赛项目的最好成绩), speaks of others of its kind.
func countedOnly(window string, heads, others []Term) bool {
	found := false
	for _, h := range heads {
		for i := strings.Index(window, h.Text); i >= 0; i = indexFrom(window, h.Text, i+len(h.Text)) {
			switch {
			case afterCount(window[:i]) && !listedBefore(window[:i]):
				found = true
			case mayName(window, i, i+len(h.Text), others):
				return false
			}
		}
	}
	return found
}

// mayName reports whether the head word at [start, end) of window, not
// after a count, may name one of the things asked for: it closes a title
// (《甲》项目) or an item of a list (甲县、乙县和丙县), or is a short name
// opening its clause (甲县居首) or ending it after a word leading names
// (获评的有北县), or its clause holds another word of the question.
func mayName(window string, start, end int, others []Term) bool {
	before, after := window[:start], window[end:]
	if strings.HasSuffix(before, "》") || strings.HasPrefix(after, itemMark) || hasPrefixAny(after, lexicon.figureJoiners) != "" {
		return true
	}
	from := afterLastMark(before, breakMarks)
	to := len(window)
	if k := strings.IndexAny(after, breakMarks); k >= 0 {
		to = end + k
	}
	prefix := before[from:]
	if nameBefore(prefix) || to == end && nameBefore(afterNameLead(prefix)) {
		return true
	}
	return namesAny(window[from:to], others)
}

// shortNameRunes bounds the words of a name before its head (甲乙县).
const shortNameRunes = 3

// nameBefore reports whether s, the words before a head word, may be a
// name's own: a few Chinese characters, no 的.
func nameBefore(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= shortNameRunes && isHanWord(s) && !strings.Contains(s, "的")
}

// afterNameLead is s after the last word leading names in it
// (lexicon.nameLeads: 有, 为, 是), s when it writes none.
func afterNameLead(s string) string {
	at := 0
	for _, w := range lexicon.nameLeads {
		if k := strings.LastIndex(s, w); k >= 0 && k+len(w) > at {
			at = k + len(w)
		}
	}
	return s[at:]
}

// afterCount reports whether before ends in a count: digits and a measure
// word (3个, 5家).
func afterCount(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if n == 0 || !strings.ContainsRune(countMeasures, r) {
		return false
	}
	before = before[:len(before)-n]
	return before != "" && isDigit(before[len(before)-1])
}

// givenCount is a count a names question states and the noun it counts
// there, "" when none follows it (是哪两家).
type givenCount struct {
	count, noun string
	// tail is the end of the counted noun read whole (示范区 of 乡村振兴
	// 示范区): a window may write the noun before its count (示范区10个).
	// head is its last countHeadRunes characters (企业 of 甲百强企业), the kind
	// counted, which a window may write alone beside the count (13家企业
	// 入围甲百强; 重大项目34个).
	tail, head string
	// owner is what the question's words before the count, up to a 的,
	// end in (甲攻势 of 甲攻势的18项目标): a window writing them right
	// before the count restates it.
	owner string
}

// countHeadRunes is how many characters end a counted noun as its kind.
const countHeadRunes = 2

// givenCounts are the counts of named things or people a names question
// states (获评的4个乡镇叫什么, 是哪三所, 那9人都是谁 → 4个 乡镇, 3所, 9人),
// read on its canonical text; not an ordinal (第2批), a first (首个 →
// 1个), an approximation or a bound (约3所, 5家以上, 超过5家:
// lexicon.thresholds), nor a count inside
// words qualifying something else (拥有5家公司的区: the things named are the
// 区, not the 5) unless it opens the question before a verb of being chosen
// (12家入选甲榜的企业).
func givenCounts(canon string) []givenCount {
	var out []givenCount
	for _, r := range numberSpans(canon) {
		m, _ := utf8.DecodeRuneInString(canon[r.End:])
		n, before := canon[r.Start:r.End], canon[:r.Start]
		if !strings.ContainsRune(countMeasures+peopleCounter, m) || n == "1" || strings.HasSuffix(before, "第") {
			continue
		}
		after := canon[r.End+utf8.RuneLen(m):]
		if hasSuffixAny(before, approximations) != "" || hasSuffixAny(before, lexicon.thresholds) != "" ||
			isApproximate(after) || qualifiesOther(after) && !(opensQuestion(before) && hasPrefixAny(after, lexicon.tallyVerbs) != "") {
			continue
		}
		whole := countedWhole(after)
		owner := strings.TrimSuffix(before, lexicon.nounLink)
		owner = owner[afterLastMark(owner, breakMarks+itemMarks):]
		out = append(out, givenCount{n + string(m), countedNoun(after), lastRunes(whole, countNounRunes), headOf(whole), owner})
	}
	return out
}

// countedNoun is the noun opening after, up to countNounRunes runes and
// before a word asking or linking (lexicon.countNounStops: 叫, 是, 哪;
// lexicon.countNounStopWords: 都是, 各自) or setting things aside (除了).
func countedNoun(after string) string { return nounUpTo(after, countNounRunes) }

// wholeNounRunes bounds a counted noun read whole (乡村振兴示范区, 甲乙
// 丙丁500强企业).
const wholeNounRunes = 16

// wordsOfTwo are the words of two characters or more: one (除) stands
// inside others too (除险加固).
func wordsOfTwo(words []string) []string {
	return slices.DeleteFunc(slices.Clone(words), func(w string) bool { return utf8.RuneCountInString(w) < 2 })
}

// countedWhole is the counted noun after a count read whole: the words
// up to a word asking or linking, or, past the words qualifying it up to
// a 的, the noun after it (入选甲榜的企业 → 企业), not a word asking its
// names (乡镇的名称).
func countedWhole(after string) string {
	whole := nounUpTo(after, wholeNounRunes)
	if rest, ok := strings.CutPrefix(after[len(whole):], lexicon.nounLink); ok && hasPrefixAny(rest, lexicon.nameWords) == "" {
		if noun := nounUpTo(rest, wholeNounRunes); noun != "" {
			return noun
		}
	}
	return whole
}

// headOf is the kind a counted noun ends in (countHeadRunes), "" when the
// noun is no longer than its first characters read (countNounRunes): its
// end is then no word of its own (市圈 of 都市圈).
func headOf(noun string) string {
	if utf8.RuneCountInString(noun) <= countNounRunes {
		return ""
	}
	return lastRunes(noun, countHeadRunes)
}

// nounUpTo is countedNoun up to limit runes.
func nounUpTo(after string, limit int) string {
	noun := firstRunes(after, limit+1)
	for _, w := range slices.Concat(lexicon.countNounStopWords, wordsOfTwo(lexicon.exceptLeads)) {
		if k := strings.Index(noun, w); k >= 0 {
			noun = noun[:k]
		}
	}
	noun = firstRunes(noun, limit)
	if k := strings.IndexAny(noun, lexicon.countNounStops); k >= 0 {
		noun = noun[:k]
	}
	return noun
}

// opensQuestion reports whether a count after before opens the question,
// but for a demonstrative: with a verb of being chosen after it (那12家
// 入选甲榜的企业), what follows up to a 的 tells which of the things
// counted are meant, not another noun (5家公司所在的区).
func opensQuestion(before string) bool {
	return strings.Trim(before, lexicon.demonstratives) == ""
}

// qualifiesOther reports whether the words after a count, up to the end
// of its clause, hold a 的 not asking the names of the things counted
// (lexicon.nameWords: 4个镇的名称): the count is then part of what
// qualifies another noun (5家上市公司的区).
func qualifiesOther(after string) bool {
	if k := strings.IndexAny(after, itemMarks); k >= 0 {
		after = after[:k]
	}
	for k := strings.Index(after, "的"); k >= 0; k = indexFrom(after, "的", k+len("的")) {
		if hasPrefixAny(after[k+len("的"):], lexicon.nameWords) == "" {
			return true
		}
	}
	return false
}

// countsGiven reports whether the window writes a count the question
// states, of the noun it counts there (4个村 is no count of 4个镇),
// opening its clause (opensCount) or right after the noun (甲类企业3家),
// neither a bound (5家以上) nor with
// names told beside it (namedBeside): it counts the things asked for by
// name, which the question already knows, and names none of them. A count
// of one of the asked head words (是哪些企业) restates it too, when the
// question's count reads a qualifier first (那3家某某百强榜的是哪些公司).
// Speech picks its counter loosely (12个带头人 of 12人获评): the count
// is found by its number before any counter of things or people.
func countsGiven(window string, counts []givenCount, heads []Term) bool {
	for _, c := range counts {
		for _, at := range countsOf(window, c.count) {
			i, after := at.Start, window[at.End:]
			nounBefore := c.nounBefore(window[:i]) || c.exampleOfKind(window[:i])
			opens := opensCount(window[:i]) || nounBefore || oneExampleBefore(window[:i]) || c.ownerBefore(window[:i]) ||
				hasSuffixAny(window[:i], lexicon.selectVerbs) != ""
			if opens && !isApproximate(after) && (nounBefore || countsNoun(c.noun, window[:i], after) || countsHead(heads, after) || c.headAfter(after) || c.nounInClause(after)) &&
				!namedBeside(window[:i], after) {
				return true
			}
		}
	}
	return false
}

// nounBefore reports whether before ends in the counted noun, its first
// runes or its end (乡村振兴示范区 before 10个), not closed as the last of
// a list (甲、乙等示范区).
func (c givenCount) nounBefore(before string) bool {
	for _, n := range []string{c.noun, c.tail, c.head} {
		if n != "" && strings.HasSuffix(before, n) && !closedBefore(before, n) {
			return true
		}
	}
	return false
}

// exampleOfKind reports whether before ends in one name closed by 等 and
// the counted noun (甲专栏等媒体专栏 before 3个): of the things counted the
// window names one, which a question setting it aside (除了甲) already
// knows.
func (c givenCount) exampleOfKind(before string) bool {
	k := strings.LastIndex(before, lexicon.listCloser)
	if k < 0 {
		return false
	}
	noun := before[k+len(lexicon.listCloser):]
	ofKind := c.tail != "" && strings.HasSuffix(noun, c.tail) || c.head != "" && strings.HasSuffix(noun, c.head)
	return ofKind && utf8.RuneCountInString(noun) <= wholeNounRunes && oneExampleBefore(before[:k+len(lexicon.listCloser)])
}

// ownerBefore reports whether the clause before a count is what the
// question's words before its own count end in, of two characters or more
// (甲攻势 before 18项 of 甲攻势的18项目标).
func (c givenCount) ownerBefore(before string) bool {
	clause := before[afterLastMark(before, breakMarks+itemMarks):]
	return utf8.RuneCountInString(clause) >= 2 && strings.HasSuffix(c.owner, clause)
}

// nounInClause reports whether a counted noun longer than its first
// characters (one with a head) stands in the words after a count up to
// the end of its clause, its opening then its end in order, past a
// qualifier (20家乙类甲丙丁企业 of 20家甲丙丁企业); a short one (国家奖) may
// end another clause's words (2项成果获国家奖). Its middle, past the
// opening and end a count reads, is not compared.
func (c givenCount) nounInClause(after string) bool {
	if k := strings.IndexAny(after, breakMarks+itemMarks); k >= 0 {
		after = after[:k]
	}
	after = firstRunes(after, wholeNounRunes)
	k := strings.Index(after, c.noun)
	return c.head != "" && k >= 0 && strings.Contains(after[k:], c.tail)
}

// headAfter reports whether the words after a count open with the kind
// the question counts (13家企业 of 13家甲百强企业).
func (c givenCount) headAfter(after string) bool {
	return c.head != "" && strings.HasPrefix(after, c.head)
}

// oneExampleBefore reports whether before ends in one name closed by 等
// in its clause (甲联盟等 before 7个联盟): the count after it is of things
// the question already counts, of which the window names one.
func oneExampleBefore(before string) bool {
	clause := before[afterLastMark(before, breakMarks):]
	items, ok := strings.CutSuffix(clause, lexicon.listCloser)
	return ok && items != "" && !strings.ContainsAny(items, itemMarks) && !containsAny(items, lexicon.nounJoiners)
}

// countsOf are the spans of window counting what count counts: its number
// before a counter of things or people.
func countsOf(window, count string) []Range {
	_, size := utf8.DecodeLastRuneInString(count)
	number := count[:len(count)-size]
	var out []Range
	for _, r := range numberSpans(window) {
		m, n := utf8.DecodeRuneInString(window[r.End:])
		if window[r.Start:r.End] == number && n > 0 && strings.ContainsRune(countMeasures+peopleCounter, m) {
			out = append(out, Range{Start: r.Start, End: r.End + n})
		}
	}
	return out
}

// countsHead reports whether the words after a count open with one of
// the asked head words.
func countsHead(heads []Term, after string) bool {
	return slices.ContainsFunc(heads, func(h Term) bool { return strings.HasPrefix(after, h.Text) })
}

// countsNoun reports whether a count between before and after counts
// noun: the words after it share a character with noun, or it follows
// noun directly (甲类企业3家), or, when the count ends its clause, its
// clause opens with noun or makes it its topic (甲企业中资产超百亿的达3家;
// not 与甲企业合作的高校达3家).
func countsNoun(noun, before, after string) bool {
	if sharesRune(noun, firstRunes(after, countNounRunes)) || noun != "" && strings.HasSuffix(before, noun) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(after); after != "" && !strings.ContainsRune(itemMarks, r) || noun == "" {
		return false
	}
	clause := clauseBefore(before, len(before), countClauseRunes)
	k := strings.Index(clause, noun)
	return k == 0 || k > 0 && hasPrefixAny(clause[k+len(noun):], lexicon.topicMarks) != ""
}

// countClauseRunes bounds the clause read before a count ending its own.
const countClauseRunes = 20

// sharesRune reports whether want is "" or b writes one of its characters.
func sharesRune(want, b string) bool {
	return want == "" || strings.ContainsAny(b, want)
}

// namedBeside reports whether the names of counted things stand beside
// the count: a list of names in the clause before it (甲镇、乙镇获评…，
// 4个乡镇…), in its own clause after the counted noun or opening the next
// clause (4个乡镇（甲镇、乙镇…）; 4个乡镇获评，甲镇、乙镇…), a colon after it
// in its clause or the next one (4个乡镇获评：甲镇…; …，名单如下：甲镇…),
// or words leading names (leadsNames: 分别为甲镇…; ，为甲镇和乙镇).
func namedBeside(before, after string) bool {
	noun := firstRunes(after, countNounRunes)
	if listOfNames(clausesBefore(before), noun) {
		return true
	}
	own, next := after, ""
	if k := strings.IndexAny(after, listMarks); k >= 0 {
		mark, n := utf8.DecodeRuneInString(after[k:])
		if mark == '：' || mark == ':' {
			return true
		}
		own, next = after[:k], after[k+n:]
	}
	if k := strings.IndexAny(next, breakMarks); k >= 0 {
		next = next[:k]
	}
	return namesListed(own) || namesListed(next) || namesLed(own) ||
		leadsNames(next) || strings.ContainsAny(next, "：:")
}

// leadsNames reports whether the clause after a count's opens with a word
// leading names (lexicon.namesAfter: ，为甲镇和乙镇), not with 是 or 为 before
// words holding a 的: those describe (，是全省参赛项目获得的最好成绩).
func leadsNames(next string) bool {
	lead := hasPrefixAny(next, lexicon.namesAfter)
	return lead != "" && (utf8.RuneCountInString(lead) > 1 || !strings.Contains(next, lexicon.nounLink))
}

// namesLed reports whether a word leading names stands in own, the
// clause after a count: one of two characters or more (分别为), or one of
// one (为, 是: 3个镇为甲镇和乙镇) that is not the end of a verb (评为,
// 作为: 企业被评为甲称号 names a title, not the things counted).
func namesLed(own string) bool {
	for _, w := range lexicon.namesAfter {
		for k := strings.Index(own, w); k >= 0; k = indexFrom(own, w, k+len(w)) {
			before, _ := utf8.DecodeLastRuneInString(own[:k])
			if utf8.RuneCountInString(w) > 1 || !strings.ContainsRune(lexicon.verbsBeforeLink, before) {
				return true
			}
		}
	}
	return false
}

// namesListed reports whether text, split at 、, holds two items or more
// of which none but the first (the counted noun's own words) writes a
// count: a list of names (甲镇、乙镇; 名单甲集团、乙集团), not of counts
// (获评甲称号、2个村获评…).
func namesListed(text string) bool {
	items := strings.Split(text, "、")
	return len(items) > 1 && !slices.ContainsFunc(items[1:], hasCount)
}

// hasCount reports whether s writes a digit right before a measure word of
// counted things (2个村), not inside a name (2中).
func hasCount(s string) bool {
	for _, r := range numberSpans(s) {
		if m, _ := utf8.DecodeRuneInString(s[r.End:]); strings.ContainsRune(countMeasures, m) {
			return true
		}
	}
	return false
}

// clausesBefore is the end of before from the start of the clause before
// the last one: where names of the things a count opening the next clause
// counts may stand.
func clausesBefore(before string) string {
	at := len(before)
	for range 2 {
		k := strings.LastIndexAny(before[:at], breakMarks)
		if k < 0 {
			return before
		}
		at = k
	}
	_, n := utf8.DecodeRuneInString(before[at:])
	return before[at+n:]
}

// listOfNames reports whether text holds an item ended by 、 that writes
// no count (hasCount: a list of names, not of counts: 3个公园、4个站) and
// ends in a character of noun, the words after the count: names of the
// things it counts (东镇、西镇 before 4个乡镇), not other words (文化、旅游融合).
func listOfNames(text, noun string) bool {
	for end := strings.Index(text, "、"); end >= 0; end = indexFrom(text, "、", end+len("、")) {
		item := text[afterLastMark(text[:end], itemMarks):end]
		last, _ := utf8.DecodeLastRuneInString(item)
		if !hasCount(item) && strings.ContainsRune(noun, last) {
			return true
		}
	}
	return false
}

// countNounRunes bounds the noun read right after a count.
const countNounRunes = 3

// opensCount reports whether a count after before opens its clause: before
// is empty or ends in a mark of a clause or a list, or in a word leading
// a count (lexicon.countLeads: 有, 共), or the clause so far is only the
// whole of the place (全市3家企业获评).
func opensCount(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || strings.ContainsRune(itemMarks, r) || hasSuffixAny(before, lexicon.countLeads) != "" ||
		slices.Contains(lexicon.wholeArea, before[afterLastMark(before, itemMarks):])
}

// listedBefore reports whether a list of names leads up to the count that
// before ends in: the clause's words before the count end in a list
// closed by 等 (甲、乙等3个), or their last 、 leaves a short name before the
// count (甲公司、乙大学2家). A list ending far before the count (经济、社会
// 发展指标居前的3个县) names no counted thing.
func listedBefore(before string) bool {
	if k := strings.LastIndexAny(before, listMarks); k >= 0 {
		before = before[k:]
	}
	_, n := utf8.DecodeLastRuneInString(before) // the count's measure word (afterCount)
	before = strings.TrimRightFunc(before[:len(before)-n], func(r rune) bool { return r < utf8.RuneSelf })
	if strings.HasSuffix(before, "等") {
		return strings.Contains(before, "、")
	}
	k := strings.LastIndex(before, "、")
	if k < 0 {
		return false
	}
	last := before[k+len("、"):]
	return utf8.RuneCountInString(last) <= listedNameRunes && !strings.Contains(last, "的")
}

// listedNameRunes bounds the last name of a list right before a count.
const listedNameRunes = 8

// countMeasures are the measure words a count of named things takes.
const countMeasures = "个家项名所座条位处批种类只部"

// peopleCounter counts people; a count asked with 个 may be told in it.
const peopleCounter = "人"

// startsMagnitude reports whether s starts with a magnitude, a measure
// word or an approximation, so that the number before it (2010亿元, 2000辆,
// 2000多家) is an amount, not a year.
func startsMagnitude(s string) bool {
	return hasPrefixAny(s, countUnits) != "" || hasPrefixAny(s, approximations) != "" || strings.HasPrefix(s, "%")
}

// countsOnly reports whether window counts subject, the thing a names
// question asks the names of, with no names beside the count (甲类企业中
// 达标的有3家 for 达标的甲类企业是哪几家): it answers how many, not which.
// A list closed by 等 before the subject (《甲》等媒体专栏3个) names one.
func countsOnly(window, subject string) bool {
	if subject == "" {
		return false
	}
	for _, r := range numberSpans(window) {
		// A rough count (100余所, 20多家) names none either.
		rough := hasPrefixAny(window[r.End:], lexicon.roughMarks)
		m, n := utf8.DecodeRuneInString(window[r.End+len(rough):])
		if n == 0 || !strings.ContainsRune(countMeasures, m) {
			continue
		}
		n += len(rough)
		before, after := window[:r.Start], window[r.End+n:]
		opens := opensCount(before) || strings.HasSuffix(before, subject)
		if opens && !isApproximate(after) && countsNoun(subject, before, after) &&
			!namedBeside(before, after) && !listedBefore(window[:r.End+n]) && !closedBefore(before, subject) {
			return true
		}
	}
	return false
}

// closedBefore reports whether the clause ending in before closes a list
// of names shortly before subject (《甲》等媒体专栏, 甲、乙等企业): a name
// of it stands there. 等 of a word (三级甲等医院) closes none.
func closedBefore(before, subject string) bool {
	clause := before[afterLastMark(before, breakMarks):]
	k := strings.LastIndex(clause, subject)
	if k <= 0 {
		return false
	}
	j := strings.LastIndex(clause[:k], lexicon.listCloser)
	if j < 0 || utf8.RuneCountInString(clause[j+len(lexicon.listCloser):k]) > closedGapRunes {
		return false
	}
	items := clause[:j]
	return strings.HasSuffix(items, "》") || strings.HasSuffix(items, "”") || strings.Contains(items, itemMark)
}

// closedGapRunes bounds the words between a list's 等 and the subject
// (等媒体专栏).
const closedGapRunes = 4
