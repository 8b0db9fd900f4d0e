package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// subjectRunes bounds how far back a figure's subject is read. The words
// right before a figure name what it counts (新建技术创新中心202家);
// reading further reaches the clause's topic, which belongs to every
// figure of the clause, not to this one.
const subjectRunes = 12

// distributeRunes is how far back a distributing word (分别) is looked
// for: it may stand before a bracketed aside (分别增长(比上年,下同)5%).
const distributeRunes = 24

// subjectParts is Canon of what figure i of figs (all of text's, in
// order, those before i already read) counts or measures, and the
// figure's own words in it. The subject is read up to subjectRunes runes
// before the figure (rankClauseRunes for a rank), after the value before
// it, the last clause or enumeration mark and bracketed asides, without
// the base period (比上年). Words too few to name a thing (增长, 总量达)
// continue the subject of the value before, in the same sentence
// (集装箱吞吐量2201万标准箱,增长4.7%); own leaves that subject out (学生 in
// 占地面积5万平方米,学生3000人 names no area). Both are "" when the words
// hold no letter (the second figure of 增长5%、8%) or when a distributing
// word stands before the figure (分别增长5%、8%): its subject is then not
// beside it.
func subjectParts(text string, figs []Figure, i int) (subject, own string) {
	prev := previousValue(figs, i)
	from := 0
	if prev >= 0 {
		from = figs[prev].End
	}
	before := withoutBase(text, figs, from, figs[i].Start)
	if containsAny(lastRunes(before, distributeRunes), distributors) {
		return "", ""
	}
	before = withoutBrackets(before)
	s := lastRunes(before[afterLastMark(before, itemMarks):], subjectRunes)
	if figs[i].Kind == KindRank {
		// What a rank ranks is written anywhere in its clause before it
		// (甲人数和乙数均居全国首位): no other figure's topic stands there.
		s = lastRunes(before[afterLastMark(before, itemMarks):], rankClauseRunes)
	}
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		// A count opening its clause or item names its thing after it
		// (18项甲、32项乙; 3个区(市)入选甲名单).
		if after := itemAfter(text, figs, i); figs[i].Kind == KindNumber && strings.IndexFunc(after, unicode.IsLetter) >= 0 {
			return after, after
		}
		return "", ""
	}
	own = Canon(s) + countedAfter(text, figs, i)
	if prev >= 0 && continuesSubject(s, figs[i]) && !strings.ContainsAny(text[from:figs[i].Start], "。；;") {
		if figs[prev].subject == "" {
			return "", own
		}
		return figs[prev].subject + own, own
	}
	return own, own
}

// itemAfter is Canon of the words after figure i up to the next figure
// or clause mark, brackets dropped but not their words.
func itemAfter(text string, figs []Figure, i int) string {
	end := len(text)
	if i+1 < len(figs) {
		end = max(figs[i+1].Start, figs[i].End)
	}
	after := strings.TrimRight(clauseAfter(text[:end], figs[i].End), itemMarks)
	return Canon(strings.Map(func(r rune) rune {
		if strings.ContainsRune(bracketMarks, r) {
			return -1
		}
		return r
	}, after))
}

// countedNounRunes bounds the counted thing read after a count.
const countedNounRunes = 16

// countedAfter is Canon of the thing a number or a rank names right after
// it (5条甲路, 3个乙站封顶, 20亿元贷款, 第3位的企业), up to the next
// mark or figure, "" when the figure is neither or a mark follows it: its
// subject may stand after it as well as before.
func countedAfter(text string, figs []Figure, i int) string {
	f := figs[i]
	if f.Kind != KindNumber && f.Kind != KindRank {
		return ""
	}
	end := len(text)
	if i+1 < len(figs) {
		end = max(figs[i+1].Start, f.End)
	}
	after := text[f.End:end]
	if k := strings.IndexAny(after, "，,；;。：:、()（）"); k >= 0 {
		after = after[:k]
	}
	return Canon(firstRunes(after, countedNounRunes))
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// continuesSubject reports whether s, the words right before figure f,
// are too few to name a thing (增长, 总量达), open with a change
// (高于全市) or open a rank's clause (居全国): what f tells is then of
// the value before it.
func continuesSubject(s string, f Figure) bool {
	return utf8.RuneCountInString(trimLinks(s)) <= 2 || hasPrefixAny(s, changeWords) != "" ||
		f.Kind == KindRank && hasPrefixAny(s, lexicon.rankVerbs) != ""
}

// previousValue is the index of the last number or rank before figure i,
// -1 when none: dates and base periods stand inside a subject.
func previousValue(figs []Figure, i int) int {
	for j := i - 1; j >= 0; j-- {
		if k := figs[j].Kind; (k == KindNumber || k == KindRank) && figs[j].Unit != UnitBase && figs[j].End <= figs[i].Start {
			return j
		}
	}
	return -1
}

// withoutBase is text[from:to] without the base periods written in it.
func withoutBase(text string, figs []Figure, from, to int) string {
	var b strings.Builder
	at := from
	for _, f := range figs {
		if f.Unit == UnitBase && f.Start >= at && f.End <= to {
			b.WriteString(text[at:f.Start])
			at = f.End
		}
	}
	if at == from {
		return text[from:to]
	}
	b.WriteString(text[at:to])
	return b.String()
}

// trimLinks is s without the link words it ends with (总量达 → 总量).
func trimLinks(s string) string {
	for {
		t := s
		for _, w := range linkWords {
			t = strings.TrimSuffix(t, w)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// withoutBrackets drops the bracketed spans of s, ASCII or full-width,
// and the text before an unclosed closing bracket: an aside (比上年,下同)
// says how a figure is measured, not what it measures.
func withoutBrackets(s string) string {
	if !strings.ContainsAny(s, "()（）") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth == 0 {
				b.Reset()
			}
			depth = max(depth-1, 0)
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// subjectMiss is how far the figures of a window that could answer (in
// the asked unit, when one is asked) fail to have the measured word as
// their own subject: 0 when one figure's subject writes it, 1 when none
// writes any form of it, 0 too when no such figure has a subject beside
// it or a length of time or how often is asked (签约后3个月开工, 每周检查:
// the time is not what the words before it name). The sentence may write
// the word for another figure (依托高新技术企业新建技术创新中心202家
// counts centres, not firms).
func (pi *partInfo) subjectMiss(figs []Figure) float64 {
	if !pi.measureNear || pi.a.Unit == UnitDuration || pi.a.Freq {
		return 0
	}
	// A measured word told in a fixed unit (面积, 人数) is what a figure in
	// that unit measures (改造236万平方米 for 多大面积), whatever its words.
	units := measureGroups(Canon(pi.measure.Text)) & measureSets.united
	best, read := 0.0, false
	for _, f := range figs {
		if !pi.ownSubjectAnswers(f) {
			continue
		}
		read = true
		if units != 0 && unitGivesMeasure(f.Unit, units) {
			return 0
		}
		best = max(best, matchForms(pi.measure.termForms, f.subject, nil))
	}
	if !read {
		return 0
	}
	return 1 - best
}

// ownSubjectAnswers reports whether figure f could answer (in the asked
// unit, when one is asked) and has a subject of its own beside it: the
// figures whose subject subjectMiss and placeSubject read.
func (pi *partInfo) ownSubjectAnswers(f Figure) bool {
	return f.subject != "" && (pi.a.Unit == "" || unitMatches(f.Unit, pi.a.Unit))
}

// placeSubject is +1 when a figure of the window that could answer names
// the one place the part asks about in its own subject (其中东区完成5亿元,
// 西区完成3亿元: the first for 东区), -1 when such figures' subjects name
// only another district or the whole area (全市完成…), 0 when none names
// either or the part asks about no place or several. A sentence naming
// the place may tell its figure beside the whole's or another district's,
// and only the words right before a figure say whose it is. A rank's
// whole (全市第1) is where it ranks, not whose it is.
func (pi *partInfo) placeSubject(figs []Figure) float64 {
	names, wholeOther := pi.place, pi.wholeOther
	if names.place == "" {
		return 0
	}
	other := false
	for _, f := range figs {
		if !pi.ownSubjectAnswers(f) {
			continue
		}
		whole, subject := wholeOther, f.subject
		if f.Kind == KindRank || f.Kind == KindOrdinal {
			// Whose rank it is stands right before it; its clause may name
			// another district it was compared or done with.
			whole, subject = nil, lastRunes(subject, subjectRunes)
		}
		at := 0.0
		// A subject naming the place beside another (甲区、乙区共建…, cut
		// at 、 before the figure, so read in its clause's opening too)
		// may be either's.
		if masked := names.mask(subject); !names.coNamed(masked) && !names.coNamed(names.mask(f.topics[0])) {
			at = subjectPlace(masked, names, whole)
			if at == 0 {
				at = pi.topicSays(f, whole, wholeOther)
			}
		}
		switch at {
		case 1:
			return 1
		case -1:
			other = true
		}
	}
	if other {
		return -1
	}
	return 0
}

// topicSays is what the openings of f's clause and of the clauses before
// it in its sentence, nearest first, then of the sentence, say of whose
// figure it is (topicsOf, topicPlace): the first that names a place
// decides. whole is what counts as another place's whole area in f's own
// clause (a rank's may open with where it ranks, 全市第1), wholeOther in
// the clauses before it, where an opening with the whole is the whole's.
func (pi *partInfo) topicSays(f Figure, whole, wholeOther []string) float64 {
	for i, t := range f.topics {
		w := wholeOther
		if i == 0 {
			w = whole
		}
		if at, decided := topicPlace(t, pi.place, w); decided {
			return at
		}
	}
	return 0
}

// askedPlace is the one place whose figure the part asks: its one place,
// or of several the one not in the frame of the asked rank (东区在某省排第几:
// the province is where the rank is, not whose). Two places asked outside
// such a frame (东区甲镇) name no one place.
func (pi *partInfo) askedPlace() (string, bool) {
	if len(pi.places) == 1 {
		return pi.places[0].Text, true
	}
	frame := rankFrame(pi.a.Text)
	asked := ""
	for _, t := range pi.places {
		if frame != "" && strings.Contains(frame, t.Text) {
			continue
		}
		if asked != "" {
			return "", false
		}
		asked = t.Text
	}
	return asked, asked != ""
}

// rankFrame is the text of a rank question from the 在 that opens where
// the rank is to its question word (在某省排), "" when it has none.
func rankFrame(text string) string {
	at, _ := firstQuestionWord(text, WantRank)
	k := rankAtBefore(text, at)
	if k < 0 {
		return ""
	}
	return text[k:at]
}

// topicRunes bounds the opening of a clause read for its topic: long
// enough for a long place name with a word before it (其中甲乙经济开发区).
const topicRunes = 16

// topicClauses bounds how many clauses back from a figure their openings
// are read for its topic; the sentence's opening is read as well.
const topicClauses = 4

// topicsOf are Canon of the openings of f's clause and of the clauses
// before it in its sentence, nearest first, up to topicClauses, then of
// the sentence ("" where there is none). A Chinese clause opens with its
// topic, which carries over to the clauses after it that name none (甲区在
// 某榜单升至第9位，居全省第2位) and reaches past the words right before a
// figure that its subject is read from (全市整镇打造某类示范区10个).
func topicsOf(text string, f Figure) [topicClauses + 1]string {
	sentence := sentenceBefore(text, f.Start)
	var out [topicClauses + 1]string
	rest := sentence
	for i := 0; i < topicClauses; i++ {
		k := strings.LastIndexAny(rest, listMarks)
		if k < 0 {
			out[i] = opening(rest)
			break
		}
		_, n := utf8.DecodeRuneInString(rest[k:])
		out[i], rest = opening(rest[k+n:]), rest[:k]
	}
	out[topicClauses] = opening(sentence)
	return out
}

// opening is Canon of the first topicRunes runes of a clause.
func opening(clause string) string {
	return Canon(firstRunes(strings.TrimLeftFunc(clause, unicode.IsSpace), topicRunes))
}

// sentenceMarks end a sentence or a sentence-like item of a list.
const sentenceMarks = "。；;！？!?\n"

// topicPlace is what subjectPlace says of an opening, and whether it
// decides: +1 when its topic is place, -1 when it is another district or
// the whole area (全市, but not a district's own 全区), 0 and decided when
// it names the place beside another (甲区与乙区共建…: either may be whose
// the figure is) or not as its topic (leadsTopic), 0 and undecided when it
// names none of them.
func topicPlace(opening string, names placeNames, whole []string) (at float64, decided bool) {
	if names.canon == "" {
		return 0, false
	}
	masked := names.mask(opening)
	if k := strings.IndexByte(masked, 0); k >= 0 {
		if names.coNamed(masked) || !leadsTopic(masked[:k]) {
			return 0, true
		}
		return 1, true
	}
	if w := hasPrefixAny(opening, whole); w != "" && !ownWhole(w, []string{names.canon}) {
		return -1, true
	}
	for _, a := range names.areas {
		if a.canon != "" && strings.HasPrefix(opening, a.canon) {
			return -1, true
		}
	}
	return 0, false
}

// leadsTopic reports whether s, the words of an opening before a place,
// leave the place its topic: none, or words that only place it in time
// or in the text (其中, 今年以来, 在). Other words make it an object of
// something else (学习借鉴甲区经验, 全市支持甲区).
func leadsTopic(s string) bool { return madeOf(s, lexicon.topicLeads) }

// madeOf reports whether s is words of ws one after another, or empty.
func madeOf(s string, ws []string) bool {
	for s != "" {
		w := hasPrefixAny(s, ws)
		if w == "" {
			return false
		}
		s = s[len(w):]
	}
	return true
}

// subjectPlace is +1 when the district named last in masked, a subject
// with the place's own names masked (placeNames.mask, so that an area
// name inside one of them, 城区 in 东城区, is not read as another
// district), is the place (or a longer or shorter form of it), -1 when it
// is another, 0 when it names none. The last one counts: a subject read
// on from the value before (其中东区完成5亿元，西区完成…) still holds the
// earlier district. A word for the whole area (全市) named last counts as
// another place (wholeSubject): the figure is the whole's (东区开通公交线
// 路，全市线路长度达…). A subject naming the place beside another
// (coNamed) is the caller's to set aside.
func subjectPlace(masked string, names placeNames, whole []string) float64 {
	ownAt, otherAt := strings.LastIndexByte(masked, 0), wholeSubject(masked, whole, names.own)
	for _, a := range names.areas {
		if !related(a.name, names.place) && a.canon != "" {
			otherAt = max(otherAt, strings.LastIndex(masked, a.canon))
		}
	}
	switch {
	case ownAt > otherAt:
		return 1
	case otherAt > ownAt:
		return -1
	}
	return 0
}

// ownNames are the canonical names of place: its own and those of the
// areas it is a form of, longest first.
func ownNames(place string, areas []area) []string {
	own := []string{Canon(place)}
	for _, a := range areas {
		if related(a.name, place) {
			own = append(own, a.canon)
		}
	}
	slices.SortFunc(own, func(a, b string) int { return len(b) - len(a) })
	return own
}

// placeNames are the asked place, its canonical form, its canonical names
// (ownNames) and the documents' areas: read once per part, since
// every figure of every window weighed masks them.
type placeNames struct {
	place, canon string
	own          []string
	areas        []area
}

func newPlaceNames(place string, areas []area) placeNames {
	return placeNames{place: place, canon: Canon(place), own: ownNames(place, areas), areas: areas}
}

// mask is s with the place's names written over with zero bytes, so that
// an area name inside one of them (城区 in 东城区) is not read as another
// district.
func (n placeNames) mask(s string) string {
	for _, w := range n.own {
		if w != "" {
			s = strings.ReplaceAll(s, w, strings.Repeat("\x00", len(w)))
		}
	}
	return s
}

// coNamed reports whether masked, a subject with the place's names
// blanked out to zero bytes (mask), joins the place and another district
// (甲区与乙区共建…, 乙区、甲区): the figure may be either's or both's.
func (n placeNames) coNamed(masked string) bool {
	for _, a := range n.areas {
		if a.canon == "" || related(a.name, n.place) {
			continue
		}
		for _, j := range lexicon.placeJoiners {
			if strings.Contains(masked, "\x00"+j+a.canon) || strings.Contains(masked, a.canon+j+"\x00") {
				return true
			}
		}
	}
	return false
}

// wholeSubject is where subject last names the whole area (全市) as what
// the figure is of, -1 when it does not. A whole compared with or ranked
// in (高于全市, 占到全市, 列全市) is the figure's base, not its subject;
// so is a district's or county's own whole (全区 asked of 东区).
func wholeSubject(subject string, whole []string, own []string) int {
	at := -1
	for _, w := range whole {
		if ownWhole(w, own) {
			continue
		}
		for i := strings.Index(subject, w); i >= 0; i = indexFrom(subject, w, i+len(w)) {
			if hasSuffixAny(subject[:i], lexicon.comparedTo) == "" {
				at = max(at, i)
			}
		}
	}
	return at
}

// ownWhole reports whether whole is a general word for a district's or
// county's whole (全区, 全县) and one of own, the asked place's names,
// is of that level. 全市 stays the documents' whole: asked of a county-
// level city it is more often the prefecture's.
func ownWhole(whole string, own []string) bool {
	r, _ := utf8.DecodeLastRuneInString(whole)
	if !slices.Contains(lexicon.wholeArea, whole) || !strings.ContainsRune(lexicon.ownWholeLevels, r) {
		return false
	}
	return slices.ContainsFunc(own, func(name string) bool {
		last, _ := utf8.DecodeLastRuneInString(name)
		return last == r
	})
}

// figureSplit is the weighted share of the part's words that the
// sentence writes but no figure that could answer has beside it (nearClauses),
// 0 when one figure has them all. A sentence of many figures can hold
// every asked word while telling no one figure with all of them (甲级机构
// 3家、乙级评定5家 asked as 甲级评定几家). proper is set when for every
// such figure a name or place of the part is among those words: a
// sentence may tell a whole's figure and then name a member of it (…引进
// 资本5亿元，甲公司、乙公司完成改制), and a name decides whose figure it is.
// terms are the sentence's termSets.
func (pi *partInfo) figureSplit(text string, sen *sentence, figs []Figure, terms []uint64) (share float64, proper bool) {
	if pi.total == 0 || len(sen.clauses) < 3 || len(sen.clauses) > 64 || len(figs) == 0 {
		return 0, false
	}
	var all uint64
	for _, m := range terms {
		all |= m
	}
	fit := pi.fitOf(figs)
	best := -1.0
	proper = true
	for _, f := range figs {
		ci := clauseAt(sen.clauses, f.Start)
		if ci < 0 || !fit.ok(f) {
			continue
		}
		var near uint64
		clauses := nearClauses(text, sen.clauses, ci, f)
		if len(terms) > 0 && terms[0]&pi.properSet != 0 {
			// An opening naming a place or name asked is the topic,
			// however long (东区深入实施某战略，…，新增企业120家).
			clauses |= 1
		}
		for k, m := range terms {
			if clauses&(1<<k) != 0 {
				near |= m
			}
		}
		away := all &^ near
		names := away & pi.properSet
		for _, m := range terms[:ci] {
			// A name before the figure may be the topic it carries over
			// from any clause's opening (topicsOf); one written only after
			// it (…引进资本5亿元，甲集团、乙集团完成改制) is not whose it is.
			names &^= m
		}
		proper = proper && names != 0
		if miss := pi.weightOf(away); best < 0 || miss < best {
			best = miss
		}
	}
	if best <= 0 {
		return 0, false
	}
	return best / pi.total, proper
}

// termSets are, for each clause's matches (clauseFactsOf), the set of the
// part's terms (by index, the first 64) the clause writes, context words
// and words of no weight left out: what figureSplit reads.
func (pi *partInfo) termSets(cfs []clauseFacts, out []uint64) []uint64 {
	for _, cf := range cfs {
		var set uint64
		for i, m := range cf.match[:min(len(cf.match), 64)] {
			if m > 0 && !pi.a.Terms[i].Context && pi.weights[i] > 0 {
				set |= 1 << i
			}
		}
		out = append(out, set)
	}
	return out
}

// weightOf is the summed weight of a set of the part's terms.
func (pi *partInfo) weightOf(set uint64) float64 {
	w := 0.0
	for i := range pi.weights[:min(len(pi.weights), 64)] {
		if set&(1<<i) != 0 {
			w += pi.weights[i]
		}
	}
	return w
}

// figureFit picks the figures of a window that fit the part best: the
// ranks when it asks a rank, and of those the ones in its unit when it
// names one; a kind none has is passed over. The window of a rank may
// hold other numbers (基金规模80亿元，…居全省首位) that do not answer.
type figureFit struct {
	rank bool   // keep only ranks
	unit string // keep only figures in this unit, "" for any
}

func (pi *partInfo) fitOf(figs []Figure) figureFit {
	var fit figureFit
	a := pi.a
	fit.rank = wants(a.Wants, WantRank) && slices.ContainsFunc(figs, func(f Figure) bool { return f.Kind == KindRank })
	if a.Unit != "" && slices.ContainsFunc(figs, func(f Figure) bool { return (!fit.rank || f.Kind == KindRank) && unitMatches(f.Unit, a.Unit) }) {
		fit.unit = a.Unit
	}
	return fit
}

func (fit figureFit) ok(f Figure) bool {
	return (!fit.rank || f.Kind == KindRank) && (fit.unit == "" || unitMatches(f.Unit, fit.unit))
}

// leadRunes bounds a first clause that only dates the sentence (截至年底).
const leadRunes = 8

// datingLead reports whether clause c, a sentence's first, only dates it:
// it is short (截至年底) or gives only dates, years and bare numbers of a
// span of months (2020年1—12月).
func datingLead(text string, c clause) bool {
	if utf8.RuneCountInString(text[c.r.Start:c.r.End]) <= leadRunes {
		return true
	}
	if len(c.figs) == 0 || slices.ContainsFunc(c.figs, func(f Figure) bool {
		return f.Kind != KindDate && f.Kind != KindYear && (f.Kind != KindNumber || f.Unit != "")
	}) {
		return false
	}
	words := c.r.End - c.r.Start
	for _, f := range c.figs {
		words -= f.End - f.Start
	}
	// Few words besides the dates (截至, 1—): 3 bytes a character.
	return words <= 3*leadRunes
}

// topicClauseRunes bounds an opening clause without a figure that still
// names the sentence's topic (甲区深化改革): a longer one tells of an act of
// its own (建立某类人才补助制度), not of what the later figures count.
const topicClauseRunes = 12

// nearClauses is the set of clauses (bit k for clause k) whose words tell
// of the figure f in clause ci: its own, the sentence's opening when it
// names the topic (with the next when the first only dates it), and the
// one before unless f opens its own clause: a clause may read on from the
// one before (…300万吨，增长5%; …，分别居全市第二位), while a count opening
// its clause names what it counts after it (3家企业通过…). An opening
// names the topic when it is short or gives a figure the later clauses
// read on from (甲产业增加值增长5%，占…比重达30%); a longer one tells of an
// act of its own, unless it is the clause right before f's. figureSplit
// also reads an opening naming a place or name asked.
func nearClauses(text string, cs []clause, ci int, f Figure) uint64 {
	near := uint64(1) << ci
	if ci <= 1 || len(cs[0].figs) > 0 || utf8.RuneCountInString(text[cs[0].r.Start:cs[0].r.End]) <= topicClauseRunes {
		near |= 1
	}
	if len(cs) > 1 && datingLead(text, cs[0]) {
		near |= 1 << 1
	}
	if ci > 0 && f.Start > cs[ci].r.Start {
		near |= 1 << (ci - 1)
	}
	return near
}

// measureClash reports whether the figures of a window that could answer
// (ranks only, when a rank is asked and stated: see figureFit) name in
// their own words only measures other than the asked ones (实现营业收入
// 20亿元 for 利润多少; 会员人数居全省首位 for 规模排第几): another measure of
// the same thing, which every word of the question may still match. A
// figure in an asked measure's unit naming no other (水面3平方千米 for
// 面积, 在校生规模3000人 for 人数) answers it.
func (pi *partInfo) measureClash(figs []Figure) bool {
	if pi.measures == 0 {
		return false
	}
	fit := pi.fitOf(figs)
	var others, bare []string // units of figures naming other measures, and none
	for _, f := range figs {
		if !fit.ok(f) {
			continue
		}
		got := f.measures
		switch {
		case measureMeets(pi.measures, got, f.Kind == KindRank):
			// A share naming the asked measure (完成总投资额的30%) tells how
			// much of it was done: a reader asking the amount takes it.
			return false
		case pi.shareForAmount(f):
			others = append(others, f.Unit)
		case got&^measureSets.wide == 0 && unitGivesMeasure(f.Unit, pi.measures):
			return false
		case got != 0:
			others = append(others, f.Unit)
		default:
			bare = append(bare, f.Unit)
		}
	}
	// A measure told in no fixed unit (产量) may be a bare figure in a unit
	// the other measures' figures are not in (面积30万亩,总产15万吨).
	if pi.measures&measureSets.united == 0 {
		for _, u := range bare {
			if !slices.Contains(others, u) {
				return false
			}
		}
	}
	return len(others) > 0
}

// shareForAmount reports whether f is a share (留存率达50%) while the
// part asks a measure told in a fixed unit (人数, 收入) and neither a
// share nor a change: a share whose words name none of the asked
// measures (measureClash reads those first) tells of another one.
func (pi *partInfo) shareForAmount(f Figure) bool {
	return shareUnit(f.Unit) && pi.measures&measureSets.united != 0 && !pi.a.Change && pi.a.Unit != UnitPercent && !pi.asksShare
}

// figureMeasures are the measure kinds f's words name (measureWords): a
// rating (评估) names the measure of a rank only; before a count it names
// what was done (完成评估项目30个).
func figureMeasures(f Figure) uint32 {
	got := measureGroups(measureWords(f))
	if f.Kind != KindRank {
		got &^= measureSets.rating
	}
	return got
}

// measureWords are the words of f that may name its measure: its own, or
// for a change or a rank (增长5%, 居全国第3位) the value's it continues.
func measureWords(f Figure) string {
	if f.Change || f.Kind == KindRank {
		return f.subject
	}
	return f.own
}

// measureMeets reports whether a figure naming the measures got gives one
// of the asked ones: the same, a count and a headcount either way unless
// a rank is asked (学生总数 and 学生人数), or only wide ones asked (规模) and
// any got, but a headcount or a rating for a rank (人数居首位 and 在某测评中
// 居首位 rank no scale or count).
func measureMeets(asked, got uint32, rank bool) bool {
	counts := measureSets.counted | measureSets.headcount
	switch {
	case got == 0:
		return false
	case asked&got != 0, !rank && asked&counts != 0 && got&counts != 0:
		return true
	case asked&^measureSets.wide != 0:
		return false
	}
	return !rank || got&(measureSets.headcount|measureSets.rating) == 0
}

// measureSets are the sets of lexicon.measureKinds (bit i for kind i)
// that are wide, headcounts, ratings, counts, and told in a unit: read for
// every figure of every window weighed, so built once.
var measureSets = kindSets(lexicon.measureKinds)

type measureKindSets struct{ wide, headcount, rating, counted, united uint32 }

func kindSets(kinds []measureKind) measureKindSets {
	var s measureKindSets
	for i, k := range kinds {
		bit := uint32(1) << i
		if k.wide {
			s.wide |= bit
		}
		if k.headcount {
			s.headcount |= bit
		}
		if k.rating {
			s.rating |= bit
		}
		if k.counted {
			s.counted |= bit
		}
		if k.unit != "" {
			s.united |= bit
		}
	}
	return s
}

// unitGivesMeasure reports whether a figure in unit is in the unit one of
// the asked measures is told in.
func unitGivesMeasure(unit string, asked uint32) bool {
	for i, k := range lexicon.measureKinds {
		if asked&(1<<i) == 0 {
			continue
		}
		if k.unit != "" && unitMatches(unit, k.unit) || k.counted && countUnit(unit) {
			return true
		}
	}
	return false
}

// MeasuresTold are the words of q naming a measure that a figure in unit
// tells (面积 for 万亩, 总长 for 公里, 产量 for 万吨, 数量 for 个): said
// beside a table's row (甲品产量), they name the measure of the row's
// cell, not another thing. A measure in money (税收, 利润) is not one: a
// figure in yuan does not tell which of them it is.
func MeasuresTold(q, unit string) []string {
	var out []string
	for i, k := range lexicon.measureKinds {
		if k.unit == UnitMoney || !unitGivesMeasure(unit, 1<<i) && !(k.goods && goodsUnit(unit)) {
			continue
		}
		// A verb inside the measure's word (产 of 产量) is that word.
		rest := q
		for _, w := range k.words {
			if strings.Contains(q, w) {
				out = append(out, w)
				rest = strings.ReplaceAll(rest, w, "|")
			}
		}
		for _, w := range k.said {
			if strings.Contains(rest, w) {
				out = append(out, w)
				rest = strings.ReplaceAll(rest, w, "|")
			}
		}
	}
	return out
}

// SpendingTold are the words of q saying money was spent (花了, 投入)
// when unit is money and the figure is of a measure of spending: its
// labels name one, or name no other measure of money and the title of its
// table names one (甲工程 in a table of 建设投资). A tax or an output is
// not spent, whatever the title beside it says.
func SpendingTold(q, unit, labels, title string) []string {
	spent := containsAny(labels, lexicon.spendMeasures) || !namesMoneyMeasure(labels) && containsAny(title, lexicon.spendMeasures)
	if !unitMatches(unit, UnitMoney) || !spent {
		return nil
	}
	var out []string
	for _, w := range lexicon.spendVerbs {
		if strings.Contains(q, w) {
			out = append(out, w)
		}
	}
	return out
}

// namesMoneyMeasure reports whether s names a measure told in money
// (收入, 产值, 税收).
func namesMoneyMeasure(s string) bool {
	return slices.ContainsFunc(lexicon.measureKinds, func(k measureKind) bool { return k.unit == UnitMoney && containsAny(s, k.words) })
}

// MeasureForms are the other words of the measure term names (个数 →
// 数量, 总数): a text writing one writes the measure asked.
func MeasureForms(term string) []string {
	for _, k := range lexicon.measureKinds {
		if slices.Contains(k.words, term) {
			return slices.DeleteFunc(slices.Clone(k.words), func(w string) bool { return w == term })
		}
	}
	return nil
}

// goodsUnit reports whether unit measures goods: a weight, a volume, an
// energy or a count of things, not money, a share or people.
func goodsUnit(unit string) bool {
	bare := trimScales(unit)
	return bare != "" && !unitMatches(unit, UnitMoney) && !unitMatches(unit, UnitPercent) &&
		!slices.Contains(lexicon.personCounters, bare) && !slices.Contains(lexicon.eventCounters, bare)
}

// SameUnit reports whether a figure in unit is in the unit asked at some
// scale (多少钱 of 亿元, 多少吨 of 万吨).
func SameUnit(asked, unit string) bool {
	a := trimScales(asked)
	return a != "" && a == trimScales(unit)
}

// GenericBefore is counter led by the counter of anything, as speech
// says a count of people (几个人 of 人).
func GenericBefore(counter string) string { return lexicon.genericCounter + counter }

// GenericCounter reports whether unit is the counter of any thing (个,
// 万个).
func GenericCounter(unit string) bool {
	return trimScales(unit) == lexicon.genericCounter
}

// OrgCounter reports whether a count asked in counter counts
// organisations (几家, 几所), which a column in 个 tells before a column
// counting another kind of thing (张, 辆).
func OrgCounter(counter string) bool {
	return slices.Contains(lexicon.orgCounters, counter)
}

// CountsThings reports whether unit counts things or people (个, 人, 家),
// not times or happenings (次, 起), none of which 几个 asks.
func CountsThings(unit string) bool {
	u := trimScales(unit)
	return slices.Contains(lexicon.counters, u) && !slices.Contains(lexicon.eventCounters, u) && !slices.Contains(lexicon.occurrenceCounters, u)
}

// countUnit reports whether a figure in unit counts things (30家, 2万个).
func countUnit(unit string) bool {
	return hasSuffixAny(unit, lexicon.counters) != ""
}

// measureGroups is the set of lexicon.measureKinds s names (bit i for
// kind i), words of lexicon.measureMasks left out.
func measureGroups(s string) uint32 {
	s = blankOut(s, lexicon.measureMasks)
	var set uint32
	for i, k := range lexicon.measureKinds {
		if containsAny(s, k.words) {
			set |= 1 << i
		}
	}
	return set
}

// measuredFigures are the figures of figs told of the counted word, or
// all of figs when none is or the question writes no counted word after
// its unit: the unit a question asks (多少个院落) is the unit of the
// figure told of the thing it counts (翻修院落30万平方米), not of another
// thing's beside it (启动危房改造2万套). A figure whose own words name
// nothing beyond the question's (完成翻修120个, 共120个), or share letters
// with the counted word (高企 for 高新技术企业), may tell of it too.
// A measured word before the question word may be the topic, not the
// thing measured (甲港泊位一年通过多少吨: a tonnage, not a berth count).
func (pi *partInfo) measuredFigures(figs []Figure) []Figure {
	if !pi.countedAfter {
		return figs
	}
	var own []Figure
	named, keep := false, true
	for _, f := range figs {
		// A figure with no words of its own (2万套、1万套) is of the thing
		// the value before it is.
		if f.own != "" {
			writes := matchForms(pi.measure.termForms, f.own, nil) == 1
			named = named || writes
			keep = writes || !pi.namesOther(f.own) || sharedRunes(f.own, pi.measure.Text) >= 2
		}
		if keep {
			own = append(own, f)
		}
	}
	if !named {
		return figs
	}
	return own
}

// namesOther reports whether a figure's own words name something the
// question does not: more than otherRunes letters it does not write,
// besides words that only say the figure is reached (plainVerbs).
func (pi *partInfo) namesOther(own string) bool {
	for _, v := range lexicon.plainVerbs {
		own = strings.ReplaceAll(own, v, "")
	}
	n := 0
	for _, r := range own {
		if unicode.IsLetter(r) && !strings.ContainsRune(pi.canonText, r) {
			n++
		}
	}
	return n > otherRunes
}

// otherRunes is how many letters of its own a figure's words may write
// and still tell of the asked thing: a verb (完成, 惠及), not a thing.
const otherRunes = 2

// sharedRunes counts the letters of s that word also writes.
func sharedRunes(s, word string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) && strings.ContainsRune(word, r) {
			n++
		}
	}
	return n
}
