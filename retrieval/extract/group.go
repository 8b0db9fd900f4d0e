package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A figure told after a list of things (甲区、乙区迈入…，全市完成5亿元;
// 建成甲、乙、丙等三大馆，签约项目20个) is the group's: asked of one item of
// the list, it is a near miss, whatever words of the question it shares.

// breakMarks end a clause or a sentence.
const breakMarks = "，,；;。"

// listMarks end the stretch of text a list of items is read in.
const listMarks = breakMarks + "：:"

// itemMarks end an item of a list, which 、 separates too.
const itemMarks = listMarks + "、"

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
	if len(pi.named) == 0 || !wants(pi.a.Wants, WantNumber) || wants(pi.a.Wants, WantRank) || pi.a.Unit == UnitDuration {
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
	if !strings.Contains(text[sen.r.Start:at], "、") {
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
