package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A figure told after a list of things (甲区、乙区迈入…，全市完成5亿元;
// 建成甲、乙、丙等三大馆，签约项目20个) is the group's: asked of one item of
// the list, it is a near miss, whatever words of the question it shares.

// breakMarks end a clause or a sentence.
const breakMarks = "，,；;。"

// listMarks end the stretch of text a list of items is read in.
const listMarks = breakMarks + "：:"

// itemMark separates the items of a list (甲、乙).
const itemMark = "、"

// itemMarks end an item of a list, which itemMark separates too.
const itemMarks = listMarks + itemMark

// bracketMarks open and close an aside.
const bracketMarks = "()（）"

// afterLastMark is the byte offset in s right after its last rune of
// marks, 0 when s writes none.
func afterLastMark(s, marks string) int {
	k := strings.LastIndexAny(s, marks)
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[k:])
	return k + n
}

// groupFigure reports whether the figures of the window that could answer
// come after a list the part names some items of and not others, with no
// distributing word (分别) between: a number asked of one member of a group
// that the sentence gives for the whole group. Only counts and amounts
// are read: a rank or date told of a list (均居全国第五位) holds for each item.
func (pi *partInfo) groupFigure(text string, sen *sentence, figs []Figure) bool {
	if !wants(pi.a.Wants, WantNumber) || wants(pi.a.Wants, WantRank) || pi.a.Unit == UnitDuration {
		return false
	}
	fit := pi.fitOf(figs)
	first, found := Figure{}, false
	for _, f := range figs {
		if fit.ok(f) && (!found || f.Start < first.Start) {
			first, found = f, true
		}
	}
	at := first.Start
	if !found || at <= sen.r.Start || at > sen.r.End {
		return false
	}
	if len(pi.places) == 1 && pi.collectiveBefore(text[clauseBeforeStart(sen, at):at]) {
		return true
	}
	if pi.askedOfGroup(text, sen, at) {
		return true
	}
	if len(pi.named) == 0 || !strings.Contains(text[sen.r.Start:at], "、") {
		return false
	}
	from := sen.r.Start
	for k := sen.r.Start; k < at; {
		r, n := utf8.DecodeRuneInString(text[k:])
		if strings.ContainsRune(listMarks, r) {
			if pi.groupBefore(text, from, k, first, sen) {
				return true
			}
			from = k + n
		}
		k += n
	}
	return pi.groupBefore(text, from, at, first, sen)
}

// groupBefore reports whether text[from:to] is a list the part names some
// items of and not others, its items hold no figure in fig's unit
// (甲区5亿元、乙区3亿元: each item has its own; 1号线、8号线 are names), and
// the text from to up to fig neither distributes (分别) nor names an asked
// item again (…，其中甲区完成5亿元 is 甲区's).
func (pi *partInfo) groupBefore(text string, from, to int, fig Figure, sen *sentence) bool {
	if !strings.Contains(text[from:to], "、") {
		return false
	}
	items := strings.Split(text[from:to], "、")
	between := text[to:fig.Start]
	if containsAny(items[len(items)-1]+between, distributors) || pi.namesIn(newCanonText(Canon(between))) {
		return false
	}
	for _, c := range sen.clauses {
		for _, f := range c.figs {
			if f.Kind == fig.Kind && trimScales(f.Unit) == trimScales(fig.Unit) && f.Start >= from && f.Start < to {
				return false
			}
		}
	}
	named, unnamed := false, false
	for _, it := range items {
		if pi.namesIn(newCanonText(Canon(it))) {
			named = true
		} else {
			unnamed = true
		}
	}
	return named && unnamed
}

// groupCount is a count of places (两市, 三区, 2个区(市)) in a question:
// one asking the group is answered by the group's figure.
var groupCount = regexp.MustCompile(`[两二三四五六七八九十0-9]+个?(?:` + alternation(lexicon.groupPlaces) + `)`)

// collectiveRe is such a count opening a clause, where it is the subject
// (两区完成投资8亿元), with the rune after it (groupOthers).
var collectiveRe = regexp.MustCompile(`(?:^|[，,；;：:。])` + groupCount.String() + `(.?)`)

func alternation(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// collectiveBefore reports whether before, the figure's clause and the
// one before it up to the figure that could answer, opens a clause with a
// group of places as its subject (两区完成投资8亿元) and after it neither
// names an asked place or the whole area (全区) nor tells the figure apart
// for each (分别): asked of one of the places, the figure is the group's.
func (pi *partInfo) collectiveBefore(before string) bool {
	if pi.asksGroup {
		return false
	}
	locs := collectiveRe.FindAllStringSubmatchIndex(before, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		next := before[locs[k][2]:locs[k][3]]
		if next != "" && strings.Contains(lexicon.groupOthers, next) {
			continue
		}
		rest := before[locs[k][2]:]
		return !containsAny(rest, distributors) && !containsAny(rest, lexicon.wholeArea) && !pi.namesIn(newCanonText(Canon(rest)))
	}
	return false
}

// clauseBeforeStart is where the clause before the one holding byte
// offset at of sentence sen starts (the sentence's start for its first).
func clauseBeforeStart(sen *sentence, at int) int {
	k := clauseAt(sen.clauses, at)
	if k < 0 {
		return sen.r.Start
	}
	return sen.clauses[max(k-1, 0)].r.Start
}

// clauseAt is the index of the clause of cs holding byte offset at, -1
// when none does.
func clauseAt(cs []clause, at int) int {
	return slices.IndexFunc(cs, func(c clause) bool { return at >= c.r.Start && at < c.r.End })
}

// namesIn reports whether one of the part's names is written in c.
func (pi *partInfo) namesIn(c canonText) bool {
	for _, t := range pi.named {
		if termIn(t, c) {
			return true
		}
	}
	return false
}

// numbered reports whether a term names a thing by its number (8号线,
// 3号楼, 2期): such things are listed like places (1号线、8号线).
func numbered(term string) bool {
	for i := 0; i < len(term); i++ {
		if isDigit(term[i]) && (strings.HasPrefix(term[i+1:], "号") || strings.HasPrefix(term[i+1:], "期")) {
			return true
		}
	}
	return false
}

// askedOfGroup reports whether the sentence up to the figure at byte at,
// the one that could answer, gives it of a group the part asks one member
// of: a counted kind (memberAsked) or two things joined (jointAsked). The
// reading is kept for the next window: the windows of a sentence mostly
// share the figure they are read up to.
func (pi *partInfo) askedOfGroup(text string, sen *sentence, at int) bool {
	m := &pi.memberMemo
	if m.sen != sen || m.at != at {
		got := memberAsked(pi.a, text[sen.r.Start:at]) || pi.jointAsked(text, sen, at)
		*m = memberMemo{sen: sen, at: at, got: got}
	}
	return m.got
}

// memberMemo is the last askedOfGroup read.
type memberMemo struct {
	sen *sentence
	at  int
	got bool
}

// groupKindRunes bounds the kind a counted group is read with.
const groupKindRunes = 6

// memberAsked reports whether before, a sentence up to the figure that
// could answer, counts a group of things of a kind (五大甲馆) and part a
// asks of one of them by name (丙甲馆: a key word of its own right before
// the kind) that the sentence writes only as an item of a list, if at
// all, with no distributing word (分别): the figure is the group's. A
// total asked (甲馆一共…) is the group's to give.
func memberAsked(a Asked, before string) bool {
	if a.Total {
		return false
	}
	for i := 0; i < len(before); {
		k := strings.IndexAny(before[i:], lexicon.groupCounters)
		if k < 0 {
			return false
		}
		at := i + k
		_, n := utf8.DecodeRuneInString(before[at:])
		i = at + n
		if !countsMany(before[:at]) {
			continue
		}
		run := hanRun(before[i:], groupKindRunes+2)
		kind := groupKind(run, before[i+len(run):])
		if kind != "" && strings.Contains(a.Text, kind) && memberNamed(a, kind, before) && !containsAny(before[at:], distributors) {
			return true
		}
	}
	return false
}

// countsMany reports whether s ends with a count of more than one thing:
// digits or Chinese numerals, not 1 and not an ordinal's (第一个).
func countsMany(s string) bool {
	k := len(s)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !(r >= '0' && r <= '9') && !strings.ContainsRune(lexicon.groupNumerals, r) {
			break
		}
		k -= n
	}
	count := s[k:]
	return count != "" && count != "1" && count != "一" && !strings.HasSuffix(s[:k], lexicon.ordinalMark)
}

// hanRun is the run of at most n Han runes s opens with.
func hanRun(s string, n int) string {
	end := 0
	for k, r := range s {
		if n == 0 || !unicode.Is(unicode.Han, r) {
			break
		}
		end = k + utf8.RuneLen(r)
		n--
	}
	return s[:end]
}

// memberNamed reports whether part a names one thing of kind (丙甲馆)
// that sentence writes nowhere but as a list's item (丙、丁等五大甲馆):
// written as its subject (丙建成五大甲馆) the name is whose the group is.
func memberNamed(a Asked, kind, sentence string) bool {
	for k := strings.Index(a.Text, kind); k >= 0; k = indexFrom(a.Text, kind, k+len(kind)) {
		if name := memberName(a, a.Text[:k]); name != "" && !writtenApart(sentence, name) {
			return true
		}
	}
	return false
}

// writtenApart reports whether s writes w other than as an item of a
// list, with 、 right before or after it.
func writtenApart(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; i = indexFrom(s, w, i+len(w)) {
		if !strings.HasSuffix(s[:i], itemMark) && !strings.HasPrefix(s[i+len(w):], itemMark) {
			return true
		}
	}
	return false
}

// groupKind is the kind named by words after a group's count, rest the
// text after them: up to a joining word or 的, at least two runes, ""
// when shorter. Words the clause ends right after, with no such word, are
// what the count did (19个落地，…), not a kind; words running on to a
// figure (12个专项资金24亿元) name it.
func groupKind(words, rest string) string {
	k := strings.IndexAny(words, lexicon.groupKindEnds)
	r, _ := utf8.DecodeRuneInString(rest)
	if k < 0 && utf8.RuneCountInString(words) <= groupKindRunes && strings.ContainsRune(listMarks, r) {
		return ""
	}
	if k >= 0 {
		words = words[:k]
	}
	words = firstRunes(words, groupKindRunes)
	if utf8.RuneCountInString(words) < 2 {
		return ""
	}
	return words
}

// memberName is the key word of part a written right before a kind (丙 in
// 丙甲馆), "" when none ends there, or it is a count (五大), a word of
// every member (各, 这些) or a qualifier (国家级甲馆 is a kind of its own).
func memberName(a Asked, before string) string {
	for _, t := range a.Terms {
		if t.Key && !t.Context && !t.Soft && strings.HasSuffix(before, t.Text) &&
			!isCountWord(t.Text) && hasPrefixAny(t.Text, lexicon.everyMember) == "" && len(qualifiersIn(t.Text)) == 0 {
			return t.Text
		}
	}
	return ""
}

// isCountWord reports whether w is only a count: numerals and counters
// (五大, 12个, 三个).
func isCountWord(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool {
		return !(r >= '0' && r <= '9') && !strings.ContainsRune(lexicon.groupNumerals+lexicon.groupCounters, r)
	}) < 0
}
