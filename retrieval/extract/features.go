package extract

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature indexes a candidate's feature vector. Every feature is a number
// near [0, 1] (or [-1, 1] for agreements) so that fitted weights compare.
type Feature int

const (
	FCoverWindow    Feature = iota // weighted share of the question's terms in the quoted window
	FCoverSent                     // … in the window's sentence (and the one it continues)
	FCoverPara                     // … anywhere in the paragraph or its headings
	FKeyMissPara                   // weighted share of key terms the paragraph lacks
	FProperMiss                    // a name, place or number of the question the paragraph lacks
	FBigrams                       // share of the question's character pairs in the window
	FRank                          // 1 / passage rank
	FScoreRatio                    // passage search score / the best passage's
	FKindOK                        // a figure of the asked kind in the window
	FUnitOK                        // … in the unit the question names
	FFigureFit                     // how well the best figure fits (unit, change, not a bare year)
	FNear                          // a question term right before the figure (资产总额达2.54万亿元)
	FYearAgree                     // the asked year is in the sentence (yearClash: another year is)
	FEventAgree                    // the asked event (开工, 通车 …) is in the sentence (eventClash: only another)
	FScopeAgree                    // the asked scope (全国, 全省 …) is stated (scopeClash: another is)
	FAreaMismatch                  // the figure is a district's while the whole city is asked
	FHeading                       // share of the question's terms in the section heading
	FCaption                       // a photo caption, when the question asks about a photo
	FLength                        // log length of the window
	FWholeSent                     // the window is its whole sentence, when no figure is asked
	FFirstSent                     // the window starts its paragraph's first sentence
	FYearUnstated                  // the question asks a year other than the covered one and the paragraph never writes it
	FUnitMismatch                  // the question names a unit and no figure of the window is in it
	FPhoto                         // the caption of the photo asked (图13) (photoClash: another photo's)
	FManyFigures                   // the question asks for several things and the window holds several figures
	FUnseen                        // weighted share of key terms no paragraph writes in any form
	FPlaceMiss                     // the question names a place (not the document's own) the figure's sentence and headings never name
	FKeyMissSent                   // weighted share of key terms the window's sentence (with its headings) lacks
	FChangeMismatch                // a growth is asked and no figure of the window is one
	FCoverAll                      // the sentence's coverage counting words no paragraph writes as missing
	FMeasureUnseen                 // the dictionary word a 多少/几 question measures (人口多少) is one no paragraph writes
	FDisagree                      // how many of the ways above the window disagrees with what was asked
	FQualifierAgree                // the asked qualifier (国家级, 二期 …) is in the sentence (qualifierClash: only another of its set)
	FPartOfTotal                   // a total is asked (一共, 总额) and the sentence tells parts of one (其中…)
	FSwapped                       // the sentence writes another word where a question's word would stand (职业学校 for 普通学校)
	FProperUnseen                  // a name, place or number of the question that no paragraph writes
	FAspectAgree                   // a figure has the asked aspect (新增 or 累计) (aspectClash: only the other)
	FNamePart                      // a key word stands in the sentence only inside another thing's name (namePart)
	FYearClash                     // the sentence states another year than the one asked
	FEventClash                    // … another event
	FScopeClash                    // … another scope
	FPhotoClash                    // the caption of another photo than the one asked
	FQualifierClash                // the sentence states only another qualifier of the asked one's set
	FAspectClash                   // the window's figures have only the other aspect
	FCoverHeading                  // coverWindow where the headings stand in for the words they hold
	FDateEventClash                // eventClash when a date is asked: the date of another stage
	FCoverList                     // coverSent counting the earlier items of its semicolon list
	FStatedMiss                    // the sentence writes none of a number the question states (超过50亿元的)
	FCountedHead                   // a names question's head word stands in the window only as counted (3个县)
	FMeasureMiss                   // how far the sentence lacks the word a 多少 question measures (投资 for 民间投资: 1/3)
	FSubjectMiss                   // how far the figures that could answer lack that word right before them (中心202家 for 企业多少家)
	FRivalCover                    // how much more of the question another candidate's sentence covers than the winner's (answer model only: see WithRivals)
	FLocusAgree                    // the headings hold the part of the yearbook the question names (综述里) (locusClash: they do not)
	FLocusClash                    // … another part's
	FPlaceAgree                    // a figure that could answer names the asked place in its own subject (其中东区完成5亿元) (placeClash: only another district)
	FPlaceClash                    // … names only another district there
	FFigureSplit                   // share of the asked words the sentence holds that no answering figure's clauses hold (figureSplit)
	FGroupFigure                   // the figure follows a list the part names only some items of (groupFigure)
	FPlaceUnnamed                  // the part asks where (在哪, 哪个区) and the sentence names no place but the documents' own (the no-place veto's reading when a division is asked)
	FMeasureClash                  // the figures that could answer name only another measure in their own words (营业收入 for 利润: measureClash)
	FProperSplit                   // a name, place or number of the part the sentence writes only after every figure that could answer (figureSplit)
	FQualifiedCount                // the figures that could answer count a kind of the measured thing the part does not name (6个甲乙项目 for 几个项目: rank only)
	FUnsingled                     // the part asks which one is the most (哪个区最多) and the sentence singles none out (unsingled)
	FKeywordHeading                // heading, for a bare keyword query (bareQuery): the part of the yearbook it names
	numFeatures
)

// featureNames are the names used in the weights file and in Why.
var featureNames = [numFeatures]string{
	"cover_window", "cover_sentence", "cover_paragraph", "key_miss_paragraph", "proper_miss",
	"bigrams", "rank", "score_ratio", "kind_ok", "unit_ok", "figure_fit", "near",
	"year_agree", "event_agree", "scope_agree", "area_mismatch", "heading", "caption",
	"length", "whole_sentence", "first_sentence", "year_unstated", "unit_mismatch", "photo",
	"many_figures", "unseen", "place_miss", "key_miss_sentence", "change_mismatch", "cover_all",
	"measure_unseen", "disagree", "qualifier_agree", "part_of_total", "swapped", "proper_unseen",
	"aspect_agree", "name_part", "year_clash", "event_clash", "scope_clash", "photo_clash",
	"qualifier_clash", "aspect_clash", "cover_heading", "date_event_clash",
	"cover_list", "stated_miss", "counted_head", "measure_miss", "subject_miss",
	"rival_cover", "locus_agree", "locus_clash", "place_agree", "place_clash",
	"figure_split", "group_figure", "place_unnamed", "measure_clash", "proper_split",
	"qualified_count", "unsingled", "keyword_heading",
}

func (f Feature) String() string { return featureNames[f] }

// Disagreements only ever count against a window and agreements for it:
// a fitted weight of the other sign says that in the question sets a
// near miss happened to win more often than it lost, which holds for
// those sets and not for the next question. The fit keeps each such
// weight on its side of zero.
var (
	againstFeatures = []Feature{FKeyMissPara, FKeyMissSent, FProperMiss, FUnitMismatch, FChangeMismatch,
		FAreaMismatch, FYearUnstated, FPlaceMiss, FMeasureUnseen, FUnseen, FDisagree, FPartOfTotal,
		FSwapped, FProperUnseen, FNamePart, FYearClash, FEventClash, FScopeClash, FPhotoClash,
		FQualifierClash, FAspectClash, FDateEventClash, FStatedMiss, FCountedHead, FMeasureMiss, FSubjectMiss, FRivalCover, FLocusClash, FPlaceClash, FFigureSplit, FGroupFigure, FPlaceUnnamed, FMeasureClash, FProperSplit, FQualifiedCount, FUnsingled}
	forFeatures = []Feature{FYearAgree, FEventAgree, FScopeAgree, FQualifierAgree, FPhoto, FCaption, FAspectAgree, FLocusAgree, FPlaceAgree}
)

// RankOnly reports whether feature f only ranks a part's candidates and
// says nothing of whether the best answers: a count of a kind of the
// measured thing (6个甲乙项目) answers 几个项目 when no count of all of
// them is written, but loses to one that is.
func RankOnly(f Feature) bool { return f == FQualifiedCount }

// FeatureSigns lists each feature's allowed weight sign: -1 for a
// disagreement, +1 for an agreement, 0 for a feature either way.
func FeatureSigns() []float64 {
	out := make([]float64, numFeatures)
	for _, f := range againstFeatures {
		out[f] = -1
	}
	for _, f := range forFeatures {
		out[f] = 1
	}
	return out
}

// Features is one candidate's feature vector.
type Features [numFeatures]float64

// Map names each feature, for Why and JSON.
func (x Features) Map() map[string]float64 {
	m := make(map[string]float64, numFeatures)
	for i, v := range x {
		m[featureNames[i]] = math.Round(v*1000) / 1000
	}
	return m
}

// partInfo is what the features need of a part, computed once per part.
type partInfo struct {
	a        Asked
	weights  []float64
	total    float64 // sum of weights
	keyTotal float64
	bigrams  []string
	years    []string // years the part names (2019年), not the covered one
	events   []string // event words the part names
	// stagesCounted are the stages the part asks a count of (countStages).
	stagesCounted []string
	// qualifiers are the contrasting qualifiers the part names (国家级).
	qualifiers []string
	// counts are the counts of named things a names question states
	// (givenCounts).
	counts []givenCount
	// partsAsked are the things the part asks of a part of a whole
	// (partsQualified: 城市低保).
	partsAsked []partQualified
	photo      bool
	photoNum   string // the photo the part names (图13), "" when none
	many       bool   // the part enumerates (A和B, 分别, 各)
	unseen     float64
	// wholeArea are the words asking about the whole of the documents'
	// place (全市, 全青岛, 整个青岛).
	wholeArea []string
	// measure is the term right before the question word (人口 in
	// 人口多少): the thing whose figure is asked, nil when none.
	measure *Term
	// measures are the groups of lexicon.measureKinds the part names
	// (bit i for group i): what measureClash reads.
	measures uint32
	// properSet is the set of the part's names, places and numbers (by
	// index, the first 64) that figureSplit reads.
	properSet uint64
	// measureNear is set when measure is written right before or after
	// the question word, with nothing between that tells what was done to
	// it (measureNear).
	measureNear bool
	// countedAfter is set when measure is written right after the
	// question word and its unit (多少个院落): what measuredFigures reads.
	countedAfter bool
	// pairs are the key terms the part writes side by side (swapped).
	pairs        []termPair
	properUnseen bool
	// unseenWeight is the weight the unseen terms had before dropUnseen.
	unseenWeight float64
	places       []Term // place names the part asks about, other than the document's own
	// areas are the documents' areas, canonical, when the part asks about
	// a place: what a sentence may name instead (otherArea).
	areas    []area
	areaSigs []wordSig // the areas' canonical names' (areaSigs)
	wantFig  bool
	// role is the role a who question asks the holder of (院长 of
	// 甲院院长是谁), nil when none: when no document writes it, no
	// sentence names its holder.
	role *Term
	// currency is the currency the part names (askedCurrency).
	currency string
	// rate is the period the part asks an amount per (ratePeriod).
	rate int
	// locus are the indexes of the terms naming the part of the yearbook
	// asked about (locusTerms); locusMet is set when a passage read is
	// in that part.
	locus    []int
	locusMet bool
	// aspect is the aspect the part asks (askedAspect); canonText its
	// text in canonical form.
	aspect    aspect
	canonText string
	// stated are the numbers the question states (statedNumbers); heads
	// its head words when it asks for names, and nonHeads its other words
	// of substance (not carried over, not single characters).
	stated   []string
	heads    []Term
	nonHeads []Term
	// subject is what a names question without a head word asks the
	// names of (askedSubject); nearSubject the word right before its
	// question word, key or not (项目 of 获奖的项目叫什么名字).
	subject, nearSubject string
	// bare is set for a bare keyword query (bareQuery): naming a
	// chapter's title, it asks about that chapter more than about a
	// sentence that mentions it.
	bare bool
	// acts are the deeds the question places in an area (placedActs).
	acts []placedAct
	// base is the period a change asked is measured from (changeBase).
	base string
	// rankMove is set when the part asks how far a rank moved.
	rankMove bool
	// asksDiff is set when it asks how far one thing is from another
	// (asksDifference).
	asksDiff bool
	// excepted are the terms of what the part sets aside (除了甲、乙),
	// exceptOthers its other key terms: what onlyExcepted reads.
	excepted, exceptOthers []Term
	// unseenPlace is a sub-area the part names that no document writes
	// (unseenPlace), "" when none.
	unseenPlace string
	// memberMemo keeps groupFigure's last reading of a sentence.
	memberMemo memberMemo
	// named are the places and numbered things (8号线) the part asks
	// about, other than the documents' own place (groupFigure).
	named []Term
	// asksGroup is set when the part names several places or a group of
	// them (两市): a figure of the group answers it (collectiveBefore).
	asksGroup bool
	// asksWhere is set when the part asks where (lexicon.whereAsks).
	asksWhere bool
	// asksMost is set when the part asks which one is the most (asksMost).
	asksMost bool
	// asksDivision is set when it asks which division (lexicon.divisionAsks).
	asksDivision bool
	// asksVenue is set when it asks where an event was held
	// (lexicon.venueAsks).
	asksVenue bool
	// place is the one place whose figure the part asks (askedPlace) with
	// its names, place.place "" when none; wholeOther are the words for
	// the whole area when they name another place than it: when it is one
	// of the documents' districts (a report's 全市 is the city it reports on).
	place      placeNames
	wholeOther []string
	// asksTotal is set when the part asks a total not per item (一共,
	// not 每期…一共): perItemMismatch. asksShare is set when it asks a
	// share without naming one (占全市多少): shareForAmount.
	asksTotal, asksShare bool
}

func newPartInfo(a Asked, pre []*Prepared, s Setting) partInfo {
	pi := partInfo{a: a, weights: termWeights(a.Terms, pre), wantFig: wantsFigure(a.Wants)}
	pi.unseen = pi.dropUnseen(s.OwnWholeWords())
	for i, t := range a.Terms {
		if t.Frame {
			// The text writes the frame as a scope word (全省), which
			// the scope features compare.
			pi.weights[i] = 0
		}
		pi.total += pi.weights[i]
		if t.Key && !t.Context {
			pi.keyTotal += pi.weights[i]
		}
	}
	pi.bigrams = hanBigrams(askedText(a))
	pi.years = s.askedYears(a.Text)
	pi.events = eventsIn(a.Text)
	pi.stagesCounted = countStages(a.Text)
	pi.qualifiers = qualifiersIn(a.Text)
	pi.photo = containsAny(a.Text, lexicon.photo)
	pi.photoNum = photoNumber(a.Text)
	if !pi.photo && pi.photoNum == "" {
		// A photo's taker (摄影师是谁) is credited as 摄 beside it.
		pi.role = askedRole(a)
	}
	pi.excepted, pi.exceptOthers = exceptedTerms(a)
	pi.unseenPlace = unseenPlace(a.Terms)
	pi.many = enumerates(a.Text)
	pi.measure = measuredTerm(a)
	pi.measureNear = measureNear(a.Text, pi.measure)
	pi.properSet = properSetOf(a.Terms)
	pi.asksTotal = a.Total && !perItem(a.Text)
	pi.asksShare = containsAny(blankOut(a.Text, lexicon.shareAskMasks), lexicon.shareAsks)
	pi.countedAfter = countedAfterAsk(a.Text, pi.measure)
	pi.pairs = adjoiningPairs(a)
	pi.properUnseen = properUnseen(a)
	pi.wholeArea = s.wholeArea()
	pi.currency = askedCurrency(a.Text)
	pi.rate = ratePeriod(a.Text)
	pi.aspect = askedAspect(a.Text)
	pi.measures = askedMeasures(a)
	pi.locus = locusTerms(a, pre)
	pi.locusMet = slices.ContainsFunc(pre[:min(len(pre), readPassages)], func(pp *Prepared) bool { return pi.locusAgreement(pp.heading) > 0 })
	pi.canonText = Canon(a.Text)
	pi.partsAsked = partsQualified(a.Text)
	pi.acts = placedActs(a.Text)
	pi.base = changeBase(a.Text)
	pi.rankMove = wants(a.Wants, WantRank) && asksRankMove(a.Text)
	pi.asksDiff = wants(a.Wants, WantNumber) && asksDifference(a.Text)
	pi.asksWhere = AsksWhere(a.Part)
	pi.asksMost = asksMost(a.Part)
	pi.asksDivision, pi.asksVenue = pi.asksWhere && containsAny(a.Text, lexicon.divisionAsks), containsAny(a.Text, lexicon.venueAsks) && containsAny(a.Text, lexicon.heldVerbs)
	if !checksClaim(a.Text) {
		pi.stated = append(statedNumbers(a.Text), statedOrdinals(a.Text, pi.canonText)...)
	}
	if wants(a.Wants, WantNames) {
		pi.readNames()
	}
	pi.bare = bareQuery(a.Part)
	pi.readPlaces(s)
	return pi
}

// readNames reads what a names question states: the counts it gives and
// its head words, apart from its other words.
func (pi *partInfo) readNames() {
	pi.counts = givenCounts(pi.canonText)
	for _, t := range pi.a.Terms {
		if t.Head {
			pi.heads = append(pi.heads, t)
		} else if t.Key && !t.Context && !t.Fragment {
			pi.nonHeads = append(pi.nonHeads, t)
		}
	}
	// A kind said after the question word (算什么水平), key or not, is
	// what is asked, not names of the words before it; a particle (哪几家
	// 呀) is no kind.
	kindAfter := slices.ContainsFunc(pi.a.Heads, func(h string) bool { return utf8.RuneCountInString(h) >= 2 })
	if len(pi.heads) == 0 && len(pi.counts) == 0 && !kindAfter && comparisonAt(pi.a.Text) == nil {
		pi.subject = askedSubject(pi.a.Text, pi.nonHeads)
		pi.nearSubject = subjectBeforeAsk(pi.a.Text, pi.a.Terms)
	}
}

// subjectBeforeAsk is the word of terms, of two characters or more and no
// place, that ends text right before its names question word and the
// words linking them (获奖的项目叫什么 → 项目); "" when none does.
func subjectBeforeAsk(text string, terms []Term) string {
	at, _ := indexAny(text, lexicon.namesAskWords)
	if at < 0 {
		return ""
	}
	before := strings.TrimRight(text[:at], " ")
	for cut := true; cut; {
		var w string
		if w = hasSuffixAny(before, lexicon.nameAskLinks); w != "" {
			before = before[:len(before)-len(w)]
		}
		cut = w != ""
	}
	subject := ""
	for _, t := range terms {
		if !t.Context && !t.Place && utf8.RuneCountInString(t.Text) >= 2 && strings.HasSuffix(before, t.Text) && len(t.Text) > len(subject) {
			subject = t.Text
		}
	}
	return subject
}

// askedSubject is the last of terms written before the names question
// word of text (甲类企业是哪几家 → 甲类企业): what the names are of, when no
// head word follows the question word; "" when none stands before it. A
// comparison by a figure (甲乙谁多) asks no names, so it has none.
func askedSubject(text string, terms []Term) string {
	at, _ := indexAny(text, lexicon.namesAskWords)
	subject, end := "", -1
	for _, t := range terms {
		if k := strings.Index(text, t.Text); k >= 0 && k+len(t.Text) <= at && k > end && !t.Place {
			subject, end = t.Text, k
		}
	}
	return subject
}

// askedText is what the part asks in its own words: its key, and for a
// follow-up naming only an area (乙省呢) the words carried over too, which
// it asks of that area.
func askedText(a Asked) string {
	if !a.followUp || a.Context == "" {
		return a.Key
	}
	var own []Term
	for _, t := range a.Terms {
		if strings.Contains(a.Key, t.Text) {
			own = append(own, t)
		}
	}
	if !namesOnlyAreas(own) {
		return a.Key
	}
	return a.Context + " " + a.Key
}

// readPlaces sets what the part asks of places: the places and numbered
// things it names other than the documents' own, whether it asks of a
// group of them, and the documents' areas when it names a place.
func (pi *partInfo) readPlaces(s Setting) {
	for _, t := range pi.a.Terms {
		if t.Frame {
			continue
		}
		if (t.Place || isArea(t, s.Areas)) && !t.Context && !s.ownPlace(t) {
			pi.places = append(pi.places, t)
		}
		if (t.Place || isArea(t, s.Areas) || numbered(t.Text)) && !t.Context && !s.ownPlace(t) {
			pi.named = append(pi.named, t)
		}
	}
	pi.asksGroup = len(pi.places) > 1 || groupCount.MatchString(pi.a.Text)
	if len(pi.places) > 0 {
		for _, name := range s.Areas {
			if name != "" {
				pi.areas = append(pi.areas, area{name, Canon(name)})
			}
		}
		pi.areaSigs = areaSigs(pi.areas)
	}
	if place, ok := pi.askedPlace(); ok {
		pi.place = newPlaceNames(place, pi.areas)
		if slices.ContainsFunc(pi.areas, func(a area) bool { return related(a.name, place) }) {
			pi.wholeOther = pi.wholeArea
		}
	}
}

// area is an area's name as the metadata writes it and in canonical form.
type area struct{ name, canon string }

// measuredTerm is what a 多少/几 question asks the figure of: the term
// right after its first question word and measure word (运了多少吨煤炭),
// else the term ending nearest before it (人口多少); for a question asking
// only a rank, what it ranks (甲指标全国排第几), a scope or a rank verb
// aside.
func measuredTerm(a Asked) *Term {
	at, after := askedAt(a.Text)
	if at < 0 {
		return nil
	}
	var best *Term
	bestEnd := -1
	for i := range a.Terms {
		t := &a.Terms[i]
		if t.Context || !t.Key || isScopeWord(t.Text) || slices.Contains(lexicon.rankVerbs, t.Text) {
			continue
		}
		// A key word right after the question word is what is counted,
		// or its first word: a word of the dictionary, or single
		// characters the documents write as one (多少个甲乙小区), never a
		// rarer verb (投运).
		if strings.HasPrefix(after, t.Text) && (t.Listed || t.Fragment) {
			return t
		}
		// Before it, only a key word of the dictionary names a thing to
		// measure; colloquial verbs (连了, 清回来) only say how it was got.
		if !t.Listed {
			continue
		}
		if k := strings.LastIndex(a.Text[:at], t.Text); k >= 0 && k+len(t.Text) > bestEnd {
			best, bestEnd = t, k+len(t.Text)
		}
	}
	return best
}

// askedMeasures are the measure kinds the part names (measureGroups): a
// rating only when it asks a rank.
func askedMeasures(a Asked) uint32 {
	got := measureGroups(Canon(a.Text))
	if !wants(a.Wants, WantRank) {
		got &^= measureSets.rating
	}
	return got
}

// properSetOf is the set of the key names, places and numbers of terms
// (by index, the first 64) other than context: partInfo.properSet.
func properSetOf(terms []Term) uint64 {
	var set uint64
	for i, t := range terms[:min(len(terms), 64)] {
		if t.Proper && t.Key && !t.Context && !t.Frame {
			set |= 1 << i
		}
	}
	return set
}

// measureNear reports whether the measured term m is written right
// before text's question word, or right after it (多少个院落): with only
// fillers (有, 一共), scope words, rank verbs, words of reaching (达到,
// 累计), of a new or standing count (新增, 现有) and words for the figure
// (数量, 总数) between. Another verb between (甲线路编了几条) tells of what
// was done to m, and the count may be of another thing of it.
func measureNear(text string, m *Term) bool {
	if m == nil || m.Unseen {
		return false
	}
	at, after := askedAt(text)
	if at < 0 {
		return false
	}
	if strings.HasPrefix(after, m.Text) {
		return true
	}
	k := strings.LastIndex(text[:at], m.Text)
	if k < 0 {
		return false
	}
	gap := text[k+len(m.Text) : at]
	for _, ws := range [][]string{lexicon.rankVerbs, lexicon.plainVerbs, lexicon.figureNouns, lexicon.flowWords, lexicon.stockWords} {
		gap = blankOut(gap, ws)
	}
	for _, sw := range scopeWords {
		gap = blankOut(gap, sw.words)
	}
	// 了 after such a word (达到了) tells nothing more; after the measured
	// word itself (清欠了多少) it makes that word a verb.
	gap = strings.ReplaceAll(gap, " 了", " ")
	return strings.TrimFunc(gap, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(lexicon.measureFillers, r) }) == ""
}

// countedAfterAsk reports whether the measured term m is written right
// after text's question word and its unit (多少个院落), not before it.
func countedAfterAsk(text string, m *Term) bool {
	if m == nil || m.Unseen {
		return false
	}
	_, after := askedAt(text)
	return strings.HasPrefix(after, m.Text)
}

// askedAt is where text's first question word of a number (else of a
// rank) starts, -1 when it has none, and the text after it and its count
// unit: where the counted thing is written (多少个甲小区).
func askedAt(text string) (at int, after string) {
	at, end := firstQuestionWord(text, WantNumber)
	if at < 0 {
		at, end = firstQuestionWord(text, WantRank)
	}
	if at < 0 {
		return -1, ""
	}
	after = text[end:]
	if u := hasPrefixAny(after, countUnits); u != "" && hasPrefixAny(after, unitLikeNouns) == "" {
		after = after[len(u):]
	}
	return at, after
}

// firstQuestionWord is where text's first question word of kind want
// starts and ends, -1 when it has none. A word inside a longer one of
// another kind (几 in 第几) is that word's, and 几乎 asks nothing.
func firstQuestionWord(text string, want Want) (at, end int) {
	at, end = -1, -1
	for _, q := range questionWords {
		if q.want != want {
			continue
		}
		for i := strings.Index(text, q.text); i >= 0 && (at < 0 || i < at); i = indexFrom(text, q.text, i+len(q.text)) {
			if asksAt(text, i, q) {
				at, end = i, i+len(q.text)
				break
			}
		}
	}
	return at, end
}

// asksAt reports whether question word q at byte i of text asks: it does
// unless it stands inside a longer question word of another kind (几 in
// 第几) or in a word that asks nothing (几乎).
func asksAt(text string, i int, q qword) bool {
	return !insideLongerAsk(text, i, q) && hasPrefixAny(text[i:], lexicon.notAsks) == ""
}

// insideLongerAsk reports whether question word q at byte i of text
// stands inside a longer question word of another kind.
func insideLongerAsk(text string, i int, q qword) bool {
	for _, o := range questionWords {
		if o.want == q.want || len(o.text) <= len(q.text) {
			continue
		}
		for j := max(0, i-len(o.text)+len(q.text)); j <= i; j++ {
			if strings.HasPrefix(text[j:], o.text) {
				return true
			}
		}
	}
	return false
}

// measureMiss is how far the sentence lacks the word a 多少 question
// measures: 0 when it writes it, more when only a less specific synonym or
// its halves stand (投资 for 民间投资), 1 when neither. The sentence is read
// with the one it continues and, for an item of a semicolon list, with
// the list's earlier items, which often name what the item measures. A
// word no paragraph writes is measureUnseen's.
func (pi *partInfo) measureMiss(sen sentence) float64 {
	if pi.measure == nil || pi.measure.Unseen {
		return 0
	}
	m := termMatch(*pi.measure, sen.withPrev)
	if sen.list.s != "" {
		m = max(m, termMatch(*pi.measure, sen.list))
	}
	return 1 - m
}

// dropUnseen zeroes the weight of the terms no paragraph writes and
// returns their share of the key terms' weight. Such a word cannot tell
// one window from another, and a long question's own words (稿子, 想确认)
// would otherwise dilute every coverage; whether it names what the
// yearbook lacks is the unseen feature's to say. The words for the whole
// of the documents' own place (own: 全县) are left out of that share, as
// 全市 is no key word: they name nothing a sentence must tell, so a
// question of 全县 and a thing no document writes is all unseen.
func (pi *partInfo) dropUnseen(own []string) float64 {
	all, unseen := 0.0, 0.0
	for i, t := range pi.a.Terms {
		if t.Key && !t.Context && !slices.Contains(own, t.Text) {
			all += pi.weights[i]
			if t.Unseen {
				unseen += pi.weights[i]
			}
		}
		if t.Unseen {
			pi.unseenWeight += pi.weights[i]
			pi.weights[i] = 0
		}
	}
	if all == 0 {
		return 0
	}
	return unseen / all
}

// cover is the weighted share of the part's terms found in canonical text.
func (pi *partInfo) cover(canon canonText) float64 {
	if pi.total == 0 {
		return 0
	}
	got := 0.0
	for i, t := range pi.a.Terms {
		got += pi.weights[i] * termMatch(t, canon)
	}
	return got / pi.total
}

// missing returns the weighted share of key terms absent from canon, and
// whether a proper term (name, place, number) is among them.
func (pi *partInfo) missing(canon canonText) (share float64, proper bool) {
	if pi.keyTotal == 0 {
		return 0, false
	}
	miss := 0.0
	for i, t := range pi.a.Terms {
		if !t.Key || t.Context || t.Unseen || t.Frame || termIn(t, canon) {
			continue
		}
		miss += pi.weights[i]
		proper = proper || t.Proper
	}
	return miss / pi.keyTotal, proper
}

// window is one quotable run of clauses of a sentence.
type window struct {
	passage int
	sent    int // index into the passage's sentences
	first   int // first clause
	last    int // last clause, inclusive
	r       Range
	figs    []Figure // figures of the asked kind
	cover   float64  // weighted share of the terms matched in the window
	bigrams uint64   // the question's character pairs in the window
}

// featuresOf computes a window's features. para and sen are the parts
// shared by every window of a passage and of a sentence.
func (pi *partInfo) featuresOf(p *Prepared, w window, para paraFacts, sen sentFacts) Features {
	var x Features
	text := p.text
	x[FCoverWindow] = w.cover
	pi.sentenceFeatures(&x, w, sen)
	stage := pi.figureStage(text, w)
	x[FEventAgree] = pi.windowEvents(text, w, x[FEventAgree], stage)
	x[FQualifierAgree] = pi.itemQualifier(x[FQualifierAgree], text, &p.sentences[w.sent], w.figs)
	x[FMeasureUnseen] = b2f(pi.measure != nil && pi.measure.Unseen)
	x[FCoverPara] = para.cover
	x[FKeyMissPara] = para.keyMiss
	x[FProperMiss] = b2f(para.properMiss)
	if len(pi.bigrams) > 0 {
		x[FBigrams] = float64(bits.OnesCount64(w.bigrams)) / float64(min(len(pi.bigrams), 64))
	}
	x[FRank] = 1 / float64(para.rank+1)
	x[FScoreRatio] = para.scoreRatio
	x[FHeading] = para.heading
	x[FKeywordHeading] = para.heading * b2f(pi.bare)
	x[FLength] = p.windowLength(w)
	if pi.wantFig {
		pi.figureFeatures(&x, text, w)
	} else {
		x[FWholeSent] = b2f(w.first == 0 && w.last == sen.clauses-1)
		x[FCountedHead] = b2f(pi.countedHead(p, w))
	}
	// The parts of a whole (其中东区完成5亿元) are of the measure the
	// sentence before names, not of words beside them.
	if pi.wantFig && !sen.continues {
		x[FSubjectMiss] = pi.subjectMiss(w.figs)
		another, qualified := pi.countReadings(text, w.r, w.figs)
		// A figure whose own clause states another stage (启动…3万套 for
		// 完成了多少套) measures that stage, not the one asked.
		x[FMeasureClash] = b2f(pi.measureClash(w.figs) || another || stage.clash())
		x[FQualifiedCount] = b2f(qualified)
	}
	// Whose figure a part is, though, its own words say (其中东区…).
	if pi.wantFig {
		x[FPlaceAgree] = pi.placeSubject(w.figs)
		split, proper := pi.figureSplit(text, &p.sentences[w.sent], w.figs, sen.clauseTerms)
		x[FFigureSplit], x[FProperSplit] = split, b2f(proper)
		x[FGroupFigure] = b2f(pi.groupFigure(text, &p.sentences[w.sent], w.figs))
	}
	x[FFirstSent] = b2f(w.sent == 0 && w.first == 0)
	x[FProperUnseen] = b2f(pi.properUnseen)
	x[FScopeAgree] = pi.scopeAgree(text, w)
	x[FLocusAgree] = para.locus
	x[FCaption] = b2f(pi.photo && para.caption)
	x[FYearUnstated] = b2f(para.yearUnstated)
	x[FUnseen] = pi.unseen
	if pi.photoNum != "" && para.caption {
		x[FPhoto] = agreement([]string{pi.photoNum}, []string{para.photo})
	}
	splitAgreements(&x)
	// A date asked of one stage (通车) is not the date of another (开工):
	// where the sentence names only another stage, what it dates is that.
	if wants(pi.a.Wants, WantDate) {
		x[FDateEventClash] = x[FEventClash]
	}
	x[FDisagree] = disagreements(x)
	return x
}

// countedHead reports whether the window answers a names question with a
// count of what it asks the names of (3个县), or restates the count it
// gives, naming none of them.
func (pi *partInfo) countedHead(p *Prepared, w window) bool {
	if len(pi.heads) == 0 && len(pi.counts) == 0 && pi.subject == "" && pi.nearSubject == "" {
		return false
	}
	canon := p.windowCanon(w)
	return countedOnly(canon, pi.heads, pi.nonHeads) || countsGiven(canon, pi.counts, pi.heads) || countsOnly(canon, pi.subject) ||
		pi.nearSubject != pi.subject && countsOnly(canon, pi.nearSubject)
}

// scopeAgree is scopeAgreement, or -1 when the window places a deed the
// part asks of one area in another (actElsewhere).
func (pi *partInfo) scopeAgree(text string, w window) float64 {
	if actElsewhere(pi.acts, text[w.r.Start:w.r.End]) {
		return -1
	}
	return scopeAgreement(pi.a.Scope, text, w)
}

// windowEvents is the agreement of the stages asked with those the
// clauses holding the window's figures name (stage), else those the
// window names, else the sentence's (sentence): in 启动甲改造3万套，完成乙
// 改造5万平方米 the count of 套 is of a start, whatever the sentence goes
// on to complete.
func (pi *partInfo) windowEvents(text string, w window, sentence float64, stage figureStage) float64 {
	if len(pi.events) == 0 {
		return sentence
	}
	if stage.told {
		return stage.agree
	}
	own := eventsIn(text[w.r.Start:w.r.End])
	if len(own) == 0 {
		return sentence
	}
	return agreement(pi.events, own)
}

// figureStage is how the stages the clauses holding a window's figures
// name agree with the stage a count is asked of; told is unset when the
// part asks no count of a stage or some such clause names none.
type figureStage struct {
	agree float64
	told  bool
}

// clash reports whether every such clause names only stages the question
// does not.
func (s figureStage) clash() bool { return s.told && s.agree < 0 }

// figureStage reads, once per window, the stage its figures' clauses
// name against the stage the part asks a count of (stagesCounted).
func (pi *partInfo) figureStage(text string, w window) figureStage {
	if len(pi.stagesCounted) == 0 {
		return figureStage{}
	}
	a, ok := figureClauseEvents(pi.stagesCounted, pi.events, pi.a.Unit, text, w)
	return figureStage{agree: a, told: ok}
}

// figureClauseEvents is the best agreement of the stages asked with those
// each clause holding one of the window's figures in the unit asked
// names, when every such clause names one.
func figureClauseEvents(asked, known []string, unit, text string, w window) (float64, bool) {
	figs := slices.DeleteFunc(slices.Clone(w.figs), func(f Figure) bool { return unit != "" && !unitMatches(f.Unit, unit) })
	if len(figs) == 0 {
		return 0, false
	}
	best := -1.0
	for _, f := range figs {
		if f.Start < w.r.Start || f.End > w.r.End {
			return 0, false
		}
		from := w.r.Start + afterLastMark(text[w.r.Start:f.Start], breakMarks)
		to := w.r.End
		if k := strings.IndexAny(text[f.End:w.r.End], breakMarks); k >= 0 {
			to = f.End + k
		}
		a := stagesAgree(asked, known, text[from:to])
		if a == 0 {
			return 0, false
		}
		best = max(best, a)
	}
	return best, true
}

// stagesAgree is +1 when clause writes a spelling of a stage asked or of
// its kin (lexicon.eventKin), even inside a longer one (启动 of 启动建设),
// -1 when it names only stages the question does not (known), 0 else: a
// stage the question writes as its topic (启动以后完成了多少) or inside its
// measure (运营里程) is no other stage.
func stagesAgree(asked, known []string, clause string) float64 {
	asked = withKin(asked)
	for _, st := range eventOrder {
		if slices.Contains(asked, st.name) && slices.ContainsFunc(st.spellings, func(sp string) bool { return strings.Contains(clause, sp) }) {
			return 1
		}
	}
	if slices.ContainsFunc(eventsIn(clause), func(e string) bool { return !slices.Contains(known, e) }) {
		return -1
	}
	return 0
}

// withKin is stages with their kin (lexicon.eventKin).
func withKin(stages []string) []string {
	out := slices.Clone(stages)
	for _, kin := range lexicon.eventKin {
		if slices.ContainsFunc(kin, func(k string) bool { return slices.Contains(stages, k) }) {
			for _, k := range kin {
				out = appendNew(out, k)
			}
		}
	}
	return out
}

// sentenceFeatures sets the features window w takes from its sentence.
func (pi *partInfo) sentenceFeatures(x *Features, w window, sen sentFacts) {
	x[FCoverSent] = sen.cover
	x[FCoverList] = sen.listCover
	x[FKeyMissSent] = sen.keyMiss
	if all := pi.total + pi.unseenWeight; all > 0 {
		x[FCoverAll] = sen.cover * pi.total / all
	}
	x[FStatedMiss] = b2f(sen.statedMiss)
	x[FMeasureMiss] = sen.measureMiss
	x[FYearAgree] = sen.yearAgree
	x[FEventAgree] = sen.eventAgree
	x[FQualifierAgree] = sen.qualifierAgree
	// A window opening a sentence of parts is quoted with the whole they
	// split (wholeOf), so it answers a total; one from inside it does not.
	x[FPartOfTotal] = b2f(sen.partOfTotal && w.first != 0)
	x[FSwapped] = b2f(sen.swapped)
	x[FNamePart] = b2f(sen.namePart > 0)
	x[FPlaceMiss] = b2f(sen.placeMiss)
	x[FPlaceUnnamed] = b2f(sen.placeUnnamed)
	x[FUnsingled] = b2f(sen.unsingled)
}

// qualifierClash reports whether the sentence, up to the end of the
// list item telling the measured word with a figure that could answer,
// writes only another qualifier of an asked one's set. A list tells each
// item's level beside it (国家级企业5家、省级企业9家), so a qualifier after
// that item is another item's, unless what follows breaks the item down
// (brokenDown); one before it may head the whole list. Without such an
// item the sentence is read as a whole.
func (pi *partInfo) qualifierClash(text string, sen *sentence, figs []Figure) bool {
	items := pi.measuredItems(text, sen, figs)
	if len(items) == 0 {
		return true
	}
	return qualifierAgreement(pi.qualifiers, qualifiersIn(text[sen.r.Start:items[0].End])) < 0
}

// measuredItems are the list items of the sentence that tell the measured
// word with a figure that could answer (itemAround), in figure order, each
// run on to the sentence's end when what follows breaks it down
// (brokenDown); none when the part has no measured word.
func (pi *partInfo) measuredItems(text string, sen *sentence, figs []Figure) []Range {
	if pi.measure == nil {
		return nil
	}
	fit := pi.fitOf(figs)
	var out []Range
	for _, f := range figs {
		if !fit.ok(f) {
			continue
		}
		if start, end := itemAround(text, sen.r, f); strings.Contains(text[start:end], pi.measure.Text) {
			if brokenDown(text[end:sen.r.End]) {
				end = sen.r.End
			}
			out = append(out, Range{start, end})
		}
	}
	return out
}

// itemQualifier is the sentence's qualifier agreement q kept only where
// the list item telling the measured word bears it out (qualifierClash,
// qualifierMet), else 0.
func (pi *partInfo) itemQualifier(q float64, text string, sen *sentence, figs []Figure) float64 {
	if q < 0 && !pi.qualifierClash(text, sen, figs) || q > 0 && !pi.qualifierMet(text, sen, figs) {
		return 0
	}
	return q
}

// qualifierMet reports whether an asked qualifier stands where it tells
// of a list item telling the measured word with a figure that could
// answer: in that item or a breakdown of it after (甲8个,其中省级5个), or
// before the items of its clause, heading them (省级平台:甲8个、乙5个).
// Another item's (省级乙6个、甲8个) tells of that item only. Without such
// an item the sentence's qualifiers count.
func (pi *partInfo) qualifierMet(text string, sen *sentence, figs []Figure) bool {
	items := pi.measuredItems(text, sen, figs)
	for _, it := range items {
		head := text[sen.r.Start : sen.r.Start+afterLastMark(text[sen.r.Start:it.Start], listMarks)]
		if qualifierAgreement(pi.qualifiers, qualifiersIn(head+"，"+text[it.Start:it.End])) > 0 {
			return true
		}
	}
	return len(items) == 0
}

// itemAround is the item of a list that figure f stands in: the text
// between the marks of a clause or a list (itemMarks) around it, within
// the sentence r.
func itemAround(text string, r Range, f Figure) (start, end int) {
	start = r.Start + afterLastMark(text[r.Start:f.Start], itemMarks)
	end = r.End
	if i := strings.IndexAny(text[f.End:r.End], itemMarks); i >= 0 {
		end = f.End + i
	}
	return start, end
}

// brokenDown reports whether rest, the sentence after an item, goes on
// after the item's list (its later items, joined by 、, are parallel)
// with a clause or a bracketed note telling the item or the list in parts
// or as a whole: one opening with a breakdown word (，其中…) or a word
// saying all are one (，均为省级; （以上均为省级）), or with a qualifier
// right before a number (，省级3家).
func brokenDown(rest string) bool {
	k := strings.IndexAny(rest, listMarks+"（(")
	if k < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(rest[k:])
	next := rest[k+n:]
	if e := strings.IndexAny(next, itemMarks); e >= 0 {
		next = next[:e]
	}
	if r := hasPrefixAny(next, lexicon.recaps); r != "" {
		next = next[len(r):]
	}
	return hasPrefixAny(next, lexicon.breakdowns) != "" || hasPrefixAny(next, lexicon.allAre) != "" ||
		opensWithQualifiedFigure(next)
}

// opensWithQualifiedFigure reports whether s opens with a qualifier of
// lexicon.contrasts right before a number (省级3家).
func opensWithQualifiedFigure(s string) bool {
	for _, class := range contrastOrder {
		for _, q := range class {
			for _, sp := range q.spellings {
				if rest, ok := strings.CutPrefix(s, sp); ok && rest != "" && isDigit(rest[0]) {
					return true
				}
			}
		}
	}
	return false
}

// agreementClashes pairs each agreement with its clash. An agreement is
// computed as +1 (stated as asked), -1 (only something else stated) or 0,
// and stored as two features: a single weight on the signed value ties
// how much a clash counts against a window to how much an agreement
// counts for it, and in the question sets an agreement is about as common
// in near misses as in answers while a clash almost only in near misses.
var agreementClashes = [...][2]Feature{
	{FYearAgree, FYearClash}, {FEventAgree, FEventClash}, {FScopeAgree, FScopeClash},
	{FPhoto, FPhotoClash}, {FQualifierAgree, FQualifierClash}, {FAspectAgree, FAspectClash},
	{FLocusAgree, FLocusClash}, {FPlaceAgree, FPlaceClash},
}

// splitAgreements moves each signed agreement's -1 to its clash feature.
func splitAgreements(x *Features) {
	for _, p := range agreementClashes {
		x[p[1]] = b2f(x[p[0]] < 0)
		x[p[0]] = max(x[p[0]], 0)
	}
}

// disagreements counts the ways a window states something other than
// what was asked (another year, unit, currency, place, event, scope, photo,
// a level for a growth, a word no paragraph writes). Each way alone is
// rare in the question sets, too rare for its own weight to be fitted
// well; their count shares one weight learned from all of them, so a kind
// of near miss seen seldom is still refused.
func disagreements(x Features) float64 {
	n := 0.0
	for _, f := range []Feature{FYearUnstated, FUnitMismatch, FPlaceMiss, FAreaMismatch, FChangeMismatch, FMeasureUnseen, FProperMiss, FPartOfTotal, FSwapped, FProperUnseen, FNamePart, FStatedMiss, FCountedHead, FMeasureClash} {
		n += x[f]
	}
	for _, p := range agreementClashes {
		n += x[p[1]]
	}
	return n
}

// bareQuery reports whether p is a bare keyword query: it asks nothing,
// reading it took no question word, particle or filler out of it, and it
// names no measure (甲园产值 asks a figure).
func bareQuery(p Part) bool {
	return len(p.Wants) == 0 && p.Key == strings.Join(strings.Fields(p.Text), " ") && !namesMeasure(p.Text)
}

// pointsAsGrowth reports whether f, a change told in percent, is in the
// unit of a growth asked in points (增长几个点): speech says points for a
// percentage there, as acceptable reads it.
func pointsAsGrowth(f Figure, p Part) bool {
	return p.Unit == "个点" && p.Change && f.Change && shareUnit(f.Unit)
}

func (pi *partInfo) figureFeatures(x *Features, text string, w window) {
	if len(w.figs) == 0 {
		return
	}
	x[FKindOK] = 1
	x[FFigureFit] = figureScore(text, w.figs, pi.a.Part) / 4
	if pi.a.Unit != "" {
		for _, f := range pi.measuredFigures(w.figs) {
			if unitMatches(f.Unit, pi.a.Unit) || pointsAsGrowth(f, pi.a.Part) || pi.a.Unit == UnitMoney && shareUnit(f.Unit) && shareOfMeasure(text, f, pi.a.Text) {
				x[FUnitOK] = 1
				break
			}
		}
	}
	x[FNear] = adjacency(text, w.figs, pi.a.Part, pi.a.Terms)
	x[FUnitMismatch] = b2f(pi.a.Unit != "" && x[FUnitOK] == 0 || askedCurrencyMismatch(pi.currency, w.figs) || rateMismatch(pi.rate, pi.a.Unit, text, w.figs) ||
		perItemMismatch(pi.asksTotal, pi.a.Unit, text, w.figs))
	x[FChangeMismatch] = b2f(pi.a.Change && !slices.ContainsFunc(w.figs, func(f Figure) bool { return f.Change }) ||
		pi.base != "" && otherBase(pi.base, text, w.figs) || pi.rankMove && !movesRank(text[w.r.Start:w.r.End]) ||
		pi.asksDiff && !slices.ContainsFunc(w.figs, func(f Figure) bool { return isDifference(text, f) }))
	x[FManyFigures] = b2f(pi.many && len(w.figs) > 1)
	x[FAspectAgree] = aspectAgreement(pi.aspect, w.figs)
	if pi.a.Total && pi.shareOfAsked(Canon(text[w.r.Start:w.r.End])) {
		x[FPartOfTotal] = 1
	}
	// areaFigure is false for every figure when the whole area is not
	// asked: the check once spares copying the part for each figure.
	if pi.a.wholeAsked {
		for _, f := range w.figs {
			if areaFigure(pi.a, pi.wholeArea, text, w.r, f.Start) {
				x[FAreaMismatch] = 1
				break
			}
		}
	}
}

// otherBase reports whether every change among figs names the period it
// is measured from, and another than base. One naming none may be
// measured from the one asked (a base told once for a list: 比上年,下同).
func otherBase(base, text string, figs []Figure) bool {
	other := false
	for _, f := range figs {
		if !f.Change {
			continue
		}
		if b := changeBase(clauseBefore(text, f.Start, baseRunes)); b == "" || sameBase(b, base) {
			return false
		}
		other = true
	}
	return other
}

// baseRunes bounds how far before a change the period it is measured
// from is read (比上半年增加).
const baseRunes = 16

// paraFacts are the features a passage gives every one of its windows.
type paraFacts struct {
	cover, keyMiss, heading float64
	locus                   float64 // locusAgreement
	// headingMatch is how far the headings hold each term (see
	// coverWithHeading); headingAll counts the places too.
	headingMatch, headingAll []float64
	properMiss, caption      bool
	yearUnstated             bool
	photo                    string
	rank                     int
	scoreRatio               float64
}

func (pi *partInfo) paraFactsOf(p *Prepared, rank int, scoreRatio float64) paraFacts {
	miss, proper := pi.missing(p.canon)
	unstated := false
	for _, y := range pi.years {
		unstated = unstated || !strings.Contains(p.text, y)
	}
	match, all := pi.headingMatch(p.heading)
	return paraFacts{
		headingMatch: match,
		headingAll:   all,
		locus:        pi.locusAgreement(p.heading),
		yearUnstated: unstated,
		photo:        p.photo,
		cover:        pi.cover(p.canon),
		keyMiss:      miss,
		properMiss:   proper,
		heading:      pi.cover(p.heading),
		caption:      p.photo != "",
		rank:         rank,
		scoreRatio:   scoreRatio,
	}
}

// sentFacts are the features a sentence gives every one of its windows.
type sentFacts struct {
	cover, keyMiss        float64
	listCover             float64 // cover with the earlier items of its semicolon list
	placeMiss             bool
	placeUnnamed          bool   // set by the walker, which has the sentence as written
	unsingled             bool   // … as is this: the part asks for the most and the sentence singles none out
	onlyExcepted          bool   // … as is this: the sentence lists only what the part sets aside
	holderUnnamed         bool   // … and this: an office is asked and the sentence names no holder
	wholeFor              string // … and this: the whole the sentence states instead of the part asked (wholeForPart)
	elsewhere             string // another district the sentence tells of instead of the asked one
	yearAgree, eventAgree float64
	qualifierAgree        float64
	partOfTotal           bool
	swapped               bool
	statedMiss            bool
	measureMiss           float64
	continues             bool    // the sentence continues the one before (其中…)
	namePart              float64 // weight of key words found only inside another thing's name
	clauses               int
	// clauseTerms are, per clause, the part's terms it writes (termSets).
	clauseTerms []uint64
}

func (pi *partInfo) sentFactsOf(sen sentence, s Setting) sentFacts {
	// A place asked about must be named where the figure is told: a
	// paragraph naming two districts tells each one's figure apart.
	// A question about several places (东区和西区各…) is answered place
	// by place: a sentence telling any of them tells of what was asked.
	placeMiss, elsewhere, named := false, "", 0
	for _, t := range pi.places {
		ok, other := pi.placeOf(t, sen)
		if ok {
			named++
		}
		placeMiss = placeMiss || !ok
		if elsewhere == "" {
			elsewhere = other
		}
	}
	if len(pi.places) > 1 && named > 0 {
		placeMiss = false
	}
	keyMiss, _ := pi.missing(sen.around)
	cover := pi.cover(sen.withPrev)
	// A word found only inside another thing's name is not found.
	inName := pi.namePart(sen)
	if inName > 0 {
		cover = max(0, cover-inName/pi.total)
		keyMiss = min(1, keyMiss+inName/pi.keyTotal)
	}
	listCover := cover
	if sen.list.s != "" && pi.total > 0 {
		listCover = max(cover, pi.cover(sen.list)-inName/pi.total)
	}
	return sentFacts{
		placeMiss:      placeMiss,
		cover:          cover,
		listCover:      listCover,
		keyMiss:        keyMiss,
		yearAgree:      agreement(pi.years, s.notCovered(sen.years)),
		eventAgree:     agreement(pi.events, sen.events),
		qualifierAgree: qualifierAgreement(pi.qualifiers, sen.qualifiers),
		partOfTotal:    pi.a.Total && sen.partOf,
		swapped:        pi.swapped(sen.withPrev),
		statedMiss:     missesStated(pi.stated, sen.around.s),
		measureMiss:    pi.measureMiss(sen),
		continues:      sen.prev != "",
		namePart:       inName,
		clauses:        len(sen.clauses),
	}
}

// placeOf reports whether the sentence tells of the asked place: it names
// it, or its headings do and the sentence names no other district (a
// chapter about two districts (东区西区攻势) names both, yet each of its
// sentences may tell only one's figure). other is the district the
// sentence names instead, when it does not name the asked one; districts
// the question also asks about do not count.
func (pi *partInfo) placeOf(t Term, sen sentence) (named bool, other string) {
	if termIn(t, sen.withPrev) {
		return true, ""
	}
	other = pi.otherArea(sen.withPrev, t.Text)
	return termIn(t, sen.around) && other == "", other
}

// otherArea is an area text names that is not place (nor a longer or
// shorter form of it: 东城 and 东城区 are one) nor another place the part
// asks about; "" when none.
func (pi *partInfo) otherArea(text canonText, place string) string {
	for i, a := range pi.areas {
		// Most areas are not in the sentence: its sets tell so first.
		if i < len(pi.areaSigs) && !text.mayHold(&pi.areaSigs[i], a.canon) {
			continue
		}
		if related(a.name, place) || slices.ContainsFunc(pi.places, func(t Term) bool { return related(a.name, t.Text) }) {
			continue
		}
		if strings.Contains(text.s, a.canon) {
			return a.name
		}
	}
	return ""
}

// related reports whether one name holds the other (东城, 东城区).
func related(a, b string) bool { return strings.Contains(a, b) || strings.Contains(b, a) }

// clauseFacts are what windows sum over their clauses: each term's match
// and the question's character pairs present.
type clauseFacts struct {
	match   []float64
	bigrams uint64
}

// match is where the terms' matches are written (len(pi.a.Terms)), and
// pairs are the pair hashes of each of pi.bigrams.
func (pi *partInfo) clauseFactsOf(c clause, text string, match []float64, pairs [][]uint32) clauseFacts {
	cf := clauseFacts{match: match}
	for i, t := range pi.a.Terms {
		cf.match[i] = termMatch(t, c.canon)
	}
	cl := text[c.r.Start:c.r.End]
	for i, b := range pi.bigrams {
		if i < 64 && c.raw.mayHoldPairs(pairs[i]) && indexWord(cl, b) >= 0 {
			cf.bigrams |= 1 << i
		}
	}
	return cf
}

// weighted is the weighted share of the terms given each term's match.
func (pi *partInfo) weighted(match []float64) float64 {
	if pi.total == 0 {
		return 0
	}
	got := 0.0
	for i, m := range match {
		got += pi.weights[i] * m
	}
	return got / pi.total
}

// headingMatch is how far the headings hold each term, 0 for a place:
// a chapter about two districts tells each one's figure in the sentence
// naming it, so a heading naming a place stands in only for a sentence
// that names no other (see placeOf). all counts the places too.
func (pi *partInfo) headingMatch(heading canonText) (match, all []float64) {
	all = make([]float64, 2*len(pi.a.Terms))
	match, all = all[:len(pi.a.Terms)], all[len(pi.a.Terms):]
	for i, t := range pi.a.Terms {
		all[i] = termMatch(t, heading)
		if !t.Place {
			match[i] = all[i]
		}
	}
	return match, all
}

// coverWithHeading is the window's weighted coverage where the headings
// stand in for the words they hold: a question naming its chapter (某某
// 行动…达标了吗) is answered by the sentence holding the rest of its words,
// whether or not that sentence repeats the chapter's name.
func (pi *partInfo) coverWithHeading(match, heading []float64) float64 {
	if pi.total == 0 {
		return 0
	}
	got := 0.0
	for i, m := range match {
		got += pi.weights[i] * max(m, heading[i])
	}
	return got / pi.total
}

// withListSubject is heading where a dated item of a semicolon list
// (…;12月,完成试航) also holds the words of the list's first item, whose
// subject it shares: they stand in for the window's words as the
// headings' do. withPrev is the item read after that first item.
func (pi *partInfo) withListSubject(heading []float64, withPrev canonText, out []float64) []float64 {
	for i, t := range pi.a.Terms {
		out = append(out, max(heading[i], termMatch(t, withPrev)))
	}
	return out
}

// currencyMismatch reports whether the question names a currency that no
// money figure of the window is given in (美元 asked, 亿元 written).
func currencyMismatch(question string, figs []Figure) bool {
	return askedCurrencyMismatch(askedCurrency(question), figs)
}

// askedCurrency is the currency a question names, "" when none: the first
// of the lexicon's list it writes, so 亿美元 is 美元 and not the 元 in it.
func askedCurrency(question string) string {
	for _, c := range lexicon.currencies {
		if strings.Contains(question, c) {
			if c == "人民币" {
				return "元"
			}
			return c
		}
	}
	return ""
}

// currencyOf names the currency of a unit (亿美元 → 美元; 万元 → 元).
func currencyOf(unit string) string {
	for _, c := range lexicon.currencies {
		if c != "元" && strings.HasSuffix(unit, c) {
			return c
		}
	}
	return "元"
}

// agreement is +1 when something asked is stated, -1 when only something
// else of the same sort is, 0 when the question asks nothing of the sort
// or the text says nothing of it.
func agreement(asked, stated []string) float64 {
	if len(asked) == 0 || len(stated) == 0 {
		return 0
	}
	for _, a := range asked {
		for _, s := range stated {
			if a == s {
				return 1
			}
		}
	}
	return -1
}

// scopeAgreement compares the scope a rank or share is asked within with
// the scope written before the window's figures.
func scopeAgreement(asked, text string, w window) float64 {
	if asked == "" || len(w.figs) == 0 {
		return 0
	}
	got := 0.0
	for _, f := range w.figs {
		switch scopeMeets(asked, scopeBefore(text, f)) {
		case 1:
			return 1
		case -1:
			got = -1
		}
	}
	return got
}

// scopeMeets tells whether a figure's stated scope is the asked one (1),
// another (-1) or says nothing of it (0). A province's level asked is
// met by the province and missed by a national or world figure (全国…基地
// for 省级基地); a city's figure may count things of any level. A
// region's rank (居中国城市第20位) may be a national list's: no clash
// with the nation asked.
func scopeMeets(asked, stated string) float64 {
	switch {
	case stated == "":
		return 0
	case asked == ScopeProvinceLevel && stated == ScopeProvince:
		return 1
	case asked == ScopeProvinceLevel:
		return -b2f(stated == ScopeNation || stated == ScopeWorld)
	case asked == ScopeNation && stated == ScopeRegion:
		return 0
	case stated == asked:
		return 1
	}
	return -1
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// askedRole is the key term standing right before the words ending a
// question for a holder's name (院长 of 甲院院长是谁, 村支书 of 甲村村支书叫
// 什么), nil when none. 是谁 with more after it asks who did something
// (合同是谁签的).
func askedRole(a Asked) *Term {
	text := strings.TrimRight(a.Text, "？?！!。 ")
	for _, p := range particles {
		text = strings.TrimSuffix(text, p)
	}
	for i, t := range a.Terms {
		if t.Key && hasSuffixAny(text, prefixed(t.Text, lexicon.holderAsks)) != "" {
			return &a.Terms[i]
		}
	}
	return splitRole(a.Terms, text)
}

// splitRole is a role the segmenter cut in two right before the words
// asking its holder (指挥 长 of 甲部指挥长是谁), joined back, nil when
// none. The two pieces need not be neighbours in terms, which may also
// hold a piece overlapping the ask (长叫 of 指挥长叫什么); the first is a
// word, not a single character (的). Whether a document writes the
// joined role is not known, so the unseen-role veto, which reads
// Term.Unseen, leaves it alone.
func splitRole(terms []Term, text string) *Term {
	for _, ask := range lexicon.holderAsks {
		before, ok := strings.CutSuffix(text, ask)
		if !ok {
			continue
		}
		for _, t := range terms {
			rest, ok := strings.CutSuffix(before, t.Text)
			if !ok || t.Text == "" {
				continue
			}
			for _, u := range terms {
				joined := u.Text + t.Text
				if utf8.RuneCountInString(u.Text) > 1 && strings.HasSuffix(rest, u.Text) && hasSuffixAny(joined, lexicon.roleEnds) != "" {
					return &Term{Text: joined}
				}
			}
		}
	}
	return nil
}

// prefixed is each of words with p before it.
func prefixed(p string, words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = p + w
	}
	return out
}

// personRole reports whether the role asked is a person's (lexicon.
// roleEnds: 院长, 负责人): a kind of organisation (合办单位是谁, 新公司叫
// 什么) is not, as its members' names are written without the kind.
func (pi *partInfo) personRole() bool {
	return pi.role != nil && hasSuffixAny(pi.role.Text, lexicon.roleEnds) != ""
}
