package retrieval

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// ProblemUnusable is the reply to a question with nothing to search for
// (empty, whitespace, emoji or punctuation only).
const ProblemUnusable = "请输入一个关于年鉴的问题，例如：港口去年集装箱吞吐量多少？"

// searchHits is how many paragraphs each question part retrieves; the
// extractor reads the best of the merged lists.
const searchHits = 15

// deepSearchHits is how far a part's search reaches when table rows the
// question does not name took all of its first searchHits: a table
// repeats its column's words in every row and cell, so a paragraph that
// answers can rank below all of them. Only then: while some paragraph is
// left, the ones ranked below every dropped row add more noise than
// answers.
const deepSearchHits = 120

// Ask answers one question from the configured default scope (see
// AskIn): it normalizes and analyses it, searches each part, and quotes
// for each part the window the answer selector (extract.Choose) ranks
// best, unless the selector refuses it; Why says which and why. An answer
// with no answered part has Answered false and the closest sections in
// Hits.
func (e *Engine) Ask(ctx context.Context, question string) (Answer, error) {
	return e.AskIn(ctx, question, "")
}

// AskIn answers a question within a scope: a place (青岛), a yearbook
// title or a file; "" is Options.Default. A place the question names wins
// over the scope. Without either, every document answers, and the best
// answer of each place (at most three) is given. An unknown scope is an
// error wrapping ErrUnknownScope.
func (e *Engine) AskIn(ctx context.Context, question, scopeName string) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	a := Answer{Question: question, Hits: []Hit{}}
	q := e.Normalize(question)
	a.Query = q
	if !hasContent(q) {
		a.Problem = ProblemUnusable
		return a, nil
	}
	sc, err := e.scopeFor(q, scopeName)
	if err != nil {
		return Answer{}, err
	}
	qa := extract.Analyze(q)
	a.Wants = qa.Wants()
	if sc == nil {
		a, err := e.answerEverywhere(ctx, a, qa)
		if a.Verdict == "" {
			a.Verdict = verdict(q, qa, a.Facts)
		}
		return a, err
	}
	var fallback *result
	ts := e.tiers(sc, q)
	if len(ts) == 0 {
		a.Why = []extract.PartWhy{{Part: q, Reason: e.unscopedReason(sc)}}
	}
	for i, t := range ts {
		r, err := e.answerIn(ctx, qa, t)
		if err != nil {
			return Answer{}, err
		}
		if !r.usable {
			a.Problem = ProblemUnusable
			return a, nil
		}
		if len(r.facts) > 0 && mostlyUnseen(r.why) && fallback == nil {
			// These documents never write most of what is asked: a
			// later tier whose paragraphs do may answer it better.
			fallback = &r
			continue
		}
		if i == 0 || len(r.facts) > 0 {
			a.Hits, a.Why = r.hits, r.why
			a.Related = related(r.why, r.hits)
		}
		if len(r.facts) > 0 {
			a.Facts, a.Verdict = r.facts, r.lead
			break
		}
	}
	if len(a.Facts) == 0 && fallback != nil {
		a.Hits, a.Why, a.Related, a.Facts = fallback.hits, fallback.why, nil, fallback.facts
	}
	a.Answered = len(a.Facts) > 0
	if a.Answered {
		a.Related = nil
	}
	if a.Verdict == "" {
		a.Verdict = verdict(q, qa, a.Facts)
	}
	return a, nil
}

// unscopedReason is why a question is refused when no loaded document may
// answer it: it names a place above every document's (a province asked of
// a city's yearbook) or one no document is of or names.
func (e *Engine) unscopedReason(sc *scope) string {
	name := sc.place
	if d, ok := e.gaz.Division(sc.place); ok {
		name = d.Name
	}
	if name == "" {
		return "refused: no loaded document is in the scope asked"
	}
	return "refused: the question asks about " + name + ", and no loaded document is of that place (one of a place within it tells of its own place)"
}

// unseenShare is the share of a question's key-term weight that the
// documents of a tier write nowhere (the selector's unseen feature) from
// which that tier is a poor place to answer it.
const unseenShare = 0.5

// mostlyUnseen reports whether some answered part's words are mostly
// written nowhere in the documents it was answered from.
func mostlyUnseen(whys []extract.PartWhy) bool {
	for _, w := range whys {
		if w.Answered && w.Features[extract.FUnseen.String()] >= unseenShare {
			return true
		}
	}
	return false
}

// verdict is the yes or no a one-part question gets from its one fact.
func verdict(q string, qa extract.Question, facts []Fact) string {
	if len(qa.Parts) != 1 || len(facts) != 1 {
		return ""
	}
	return extract.Verdict(q, facts[0].Text)
}

// related are the closest facts of the refused parts, with their sources.
func related(whys []extract.PartWhy, hits []Hit) []Fact {
	var out []Fact
	for _, w := range whys {
		if w.Closest != nil {
			out = append(out, factOf(*w.Closest, hits))
		}
	}
	return out
}

// scopeFor is the scope of a question: the place it names, else the
// scope asked for, else the default; nil for every document.
func (e *Engine) scopeFor(q, scopeName string) (*scope, error) {
	if code, ok := e.questionPlace(q); ok {
		return e.placeScope(code), nil
	}
	if scopeName != "" {
		return e.resolveScope(scopeName)
	}
	return e.defaultScope, nil
}

// result is one search-and-select pass.
type result struct {
	usable bool // some part had terms to search for
	asked  []extract.Asked
	// lists are each asked part's own search hits, best first: hits
	// merges them.
	lists [][]Hit
	hits  []Hit
	pre   []*extract.Prepared
	facts []Fact
	why   []extract.PartWhy
	set   extract.Setting
	// byTable is set when a table answered or refused the question, or
	// a part of it (cells.go): its facts stand for every place.
	byTable bool
	// lead leads the answer: which figure compared is larger (tableResult).
	lead string
}

// answerIn searches each part of the question within a tier and selects
// the facts of its hits.
func (e *Engine) answerIn(ctx context.Context, qa extract.Question, t tier) (result, error) {
	if r, ok := e.refuseOtherPlace(qa, t); ok {
		return r, nil
	}
	if r, ok := e.answerChapter(qa, t); ok {
		return r, nil
	}
	if r, ok := e.answerFigureDate(qa, t); ok {
		return r, nil
	}
	r := result{set: e.settingFor(t)}
	tr, isTable := e.answerTable(qa, t)
	if !isTable {
		if r, ok := e.answerListExtreme(qa, t); ok {
			return r, nil
		}
	}
	if isTable && !tr.refused && len(tr.stated) == 0 {
		// The cells asked are known without a search, which on a big
		// table costs more than everything else.
		r.usable, r.hits = true, e.tableHits(tr.quote)
		e.prepareHits(&r)
		e.quoteTable(&r, qa, tr)
		return r, nil
	}
	lex := e.lexiconIn(qa, t, r.set)
	searched := qa
	if isTable && tr.search != "" {
		searched = extract.Analyze(tr.search) // 比前年 as the yearbooks' 比上年
	}
	var err error
	if r.asked, r.lists, err = e.searchParts(ctx, qa.Text, searched.Parts, lex, t); err != nil || len(r.asked) == 0 {
		return r, err
	}
	r.usable = true
	if err := ctx.Err(); err != nil {
		return r, err
	}
	r.hits = interleave(r.lists, mergedHits(r.lists))
	e.prepareHits(&r)
	r.facts, r.why = e.selectFacts(r.asked, r.lists, r.hits, r.pre, r.set)
	if !isTable {
		e.answerPartsByTable(&r, qa, t)
	}
	switch {
	case isTable && tr.refused && len(tr.stated) > 0 && e.statesChange(r.facts, tr.stated):
		// A sentence states the change the table cannot tell.
	case isTable && tr.refused:
		e.refuseTable(&r, qa, tr)
	case isTable && !e.statesChange(r.facts, tr.stated):
		r.facts, r.hits = nil, e.tableHits(tr.quote)
		// Every part now reads the table's rows, in their order.
		for i := range r.lists {
			r.lists[i] = r.hits
		}
		e.prepareHits(&r)
		e.quoteTable(&r, qa, tr)
	}
	return r, nil
}

// lexiconIn is how question q's words are read in tier t: segmented,
// expanded to their other forms and checked against its documents.
func (e *Engine) lexiconIn(qa extract.Question, t tier, set extract.Setting) extract.Lexicon {
	unit, counted := askedUnit(qa.Text)
	expand := func(term string) []string {
		out := e.syn.expandIn(term, t.years)
		if counted {
			out = append(out, e.measureFormsCached(unit, term, t.docs)...)
		}
		if t.place != "" && e.names(term, t.place) {
			if w := e.wholeWord(t.place); w != "" {
				out = append(out, w)
			}
		}
		if stem, ok := extract.LevelStem(term); ok {
			out = append(out, stem)
		}
		return append(out, extract.MeasureForms(term)...)
	}
	seen := func(w string) bool { return e.seenIn(w, t.docs) }
	// A question of several parts segments each part's words twice, as its
	// own and as the others' context: the second time is remembered.
	var segmented []segmentedText
	tokens := func(text string) []extract.Token {
		for _, s := range segmented {
			if s.text == text {
				return s.tokens
			}
		}
		toks := e.questionTokensIn(text, t.docs)
		segmented = append(segmented, segmentedText{text, toks})
		return toks
	}
	return extract.Lexicon{Segment: tokens, Expand: expand, Longer: e.syn.longer, Seen: seen, Setting: set}
}

// searchParts searches tier t for each part that has words to search
// for: those parts, with their terms, and each one's own hits, best first.
func (e *Engine) searchParts(ctx context.Context, question string, parts []extract.Part, lex extract.Lexicon, t tier) ([]extract.Asked, [][]Hit, error) {
	var asked []extract.Asked
	var lists [][]Hit
	for _, p := range parts {
		terms := extract.Terms(p, lex)
		if len(terms) == 0 {
			continue
		}
		asked = append(asked, extract.Asked{Part: p, Terms: terms, Areas: e.areas})
		words, weights := extract.WeightedSearchWords(terms)
		hits, err := e.searchNamed(ctx, question, words, weights, t, lex.Setting.PlaceWords)
		if err != nil {
			return nil, nil, err
		}
		lists = append(lists, hits)
	}
	return asked, lists, nil
}

// searchNamed is a part's searchHits best hits, less the table rows and
// cells question does not name (dropped from each part's list before the
// lists are merged, so they take no place in the merge); when those were
// all of the first search, it searches deeper, so the paragraphs below
// them still compete, and when tables took nearly all of it, the first
// proseHits paragraphs below join the rows kept.
func (e *Engine) searchNamed(ctx context.Context, question string, words []string, weights []float64, t tier, places []string) ([]Hit, error) {
	hits, err := e.searchTier(ctx, words, weights, searchHits, t)
	if err != nil {
		return nil, err
	}
	if len(hits) < searchHits {
		return e.dropUnnamedTableHits(question, hits), nil
	}
	// Counted before the drop, which reuses the list.
	crowded := e.tablePassages(hits) >= searchHits-proseHits
	kept := e.dropUnnamedTableHits(question, hits)
	if len(kept) > 0 && !crowded {
		return kept, nil
	}
	deep, err := e.searchTier(ctx, words, weights, deepSearchHits, t)
	if err != nil {
		return nil, err
	}
	if len(kept) > 0 {
		return append(kept, e.otherParagraphs(deep, kept, question, t.docs, places)...), nil
	}
	kept = e.dropUnnamedTableHits(question, deep)
	return kept[:min(len(kept), searchHits)], nil
}

// proseHits is how many paragraphs outside tables a part's hits keep
// when tables' rows and cells took nearly all of its first searchHits:
// every row and cell repeats its labels, so a sentence stating what no
// cell holds (a change or a share where the table writes only levels)
// ranks below all of them.
const proseHits = 5

// tablePassages counts the hits that are tables' rows or cells.
func (e *Engine) tablePassages(hits []Hit) int {
	n := 0
	for _, h := range hits {
		if e.inTable(h.ParagraphID) {
			n++
		}
	}
	return n
}

// inTable reports whether paragraph id is a table's row or cell.
func (e *Engine) inTable(id string) bool {
	if e.tables == nil {
		return false
	}
	_, ok := e.tables.byPassage[e.byID[id]]
	return ok
}

// otherParagraphs are the first proseHits of hits outside tables, not in
// had, that write every table label question names (one at least)
// outside the names of docs' place (places: 石榴 of 石榴县): one writing
// only some tells of other rows (a county's total for a township's cell).
func (e *Engine) otherParagraphs(hits, had []Hit, question string, docs []int, places []string) []Hit {
	q := dict.Fold(question)
	named := e.tables.namedIn(q, docs, nil)
	if len(named) == 0 {
		return nil
	}
	places = foldAll(places)
	var out []Hit
	for _, h := range hits {
		if len(out) == proseHits {
			break
		}
		if e.inTable(h.ParagraphID) || slices.ContainsFunc(had, func(k Hit) bool { return k.ParagraphID == h.ParagraphID }) {
			continue
		}
		text := dict.Fold(e.passages[e.byID[h.ParagraphID]].Paragraph.Text)
		for _, p := range places {
			text = strings.ReplaceAll(text, p, " ")
		}
		if e.writesNamed(text, q, named) {
			out = append(out, h)
		}
	}
	return out
}

// writesNamed reports whether text writes each label named: as the
// question says it, whole, or in another of its forms.
func (e *Engine) writesNamed(text, q string, named map[string]span) bool {
	for n, s := range named {
		if !strings.Contains(text, q[s.start:s.end]) && !strings.Contains(text, n) && !containsAny(text, e.tables.formsOf(n)) {
			return false
		}
	}
	return true
}

// segmentedText is a text of a question with its tokens (answerIn).
type segmentedText struct {
	text   string
	tokens []extract.Token
}

func (e *Engine) prepareHits(r *result) {
	r.pre = make([]*extract.Prepared, len(r.hits))
	for i, h := range r.hits {
		r.pre[i] = e.prepare(h)
	}
}

// selectFacts quotes what the answer selector chooses for each part from
// the hits, with its reasons; lists are the parts' own search hits.
func (e *Engine) selectFacts(asked []extract.Asked, lists [][]Hit, hits []Hit, pre []*extract.Prepared, set extract.Setting) ([]Fact, []extract.PartWhy) {
	chosen, whys := extract.Choose(asked, pre, e.spreadTables(rankings(lists, hits), hits), set, e.model)
	chosen, whys = e.vetoUnwritten(asked, chosen, whys, hits)
	chosen, whys = e.vetoOtherYearRows(asked, chosen, whys, hits, set.Year)
	chosen = preferUnqualified(asked, chosen, hits)
	var out []Fact
	for _, f := range chosen {
		out = append(out, e.rowLabelled(factOf(f, hits), f, hits[f.Passage]))
	}
	return out, whys
}

// factOf is an extract.Fact with the source of the hit it quotes.
func factOf(f extract.Fact, hits []Hit) Fact {
	fact := Fact{Text: f.Text, Source: hits[f.Passage].Source, Figures: []Span{}}
	for _, r := range f.Figures {
		fact.Figures = append(fact.Figures, Span{Start: r.Start, End: r.End})
	}
	return fact
}

// rowLabelled is fact, a piece the selector cut from h, led by what it
// leaves out of h when h is a table's row or cell: the row's label (甲 410吨
// of 2020年：…；甲 410吨 says the year) and the start of the piece's own
// segment (410吨 is 甲's). A label may hold the mark itself (其中：城镇).
func (e *Engine) rowLabelled(fact Fact, f extract.Fact, h Hit) Fact {
	if !e.inTable(h.ParagraphID) || f.Start <= 0 || f.Start > len(h.Text) || !strings.HasPrefix(h.Text[f.Start:], f.Text) {
		return fact
	}
	before := h.Text[:f.Start]
	lead := before
	if i := strings.LastIndex(before, rowSegmentEnd); i >= 0 {
		first, _, _ := strings.Cut(h.Text, rowSegmentEnd)
		j := strings.LastIndex(first, rowLabelEnd)
		if j < 0 {
			return fact
		}
		lead = first[:j+len(rowLabelEnd)] + before[i+len(rowSegmentEnd):]
	}
	fact.Text = lead + fact.Text
	for i := range fact.Figures {
		fact.Figures[i].Start += len(lead)
		fact.Figures[i].End += len(lead)
	}
	return fact
}

// rankings are each part's own search ranking of hits: the hits its list
// holds, in its order, with its scores. Parts are searched apart, so one
// part's scores do not rank another's passages.
func rankings(lists [][]Hit, hits []Hit) [][]extract.Ranked {
	out := make([][]extract.Ranked, len(lists))
	for p, l := range lists {
		out[p] = make([]extract.Ranked, 0, len(hits))
		for _, h := range l {
			// A few hits: searched for an id, without a map.
			for i := range hits {
				if hits[i].ParagraphID == h.ParagraphID {
					out[p] = append(out[p], extract.Ranked{Passage: i, Score: h.Score})
					break
				}
			}
		}
	}
	return out
}

// tableReads is how many passages of one table (its cells and rows) lead
// a part's ranking: the rows and cells of a table share its words and
// score alike, and beyond a few they would fill every passage the
// selector reads, leaving out the sentence that states what the table
// lacks (a growth, a share). The table path has read the table whole.
const tableReads = 4

// spreadTables moves, in each part's ranking, the passages of a table
// beyond its first tableReads after the others, in order.
func (e *Engine) spreadTables(ranks [][]extract.Ranked, hits []Hit) [][]extract.Ranked {
	if e.tables == nil {
		return ranks
	}
	for p, rank := range ranks {
		seen := map[int]int{}
		var kept, later []extract.Ranked
		for _, r := range rank {
			if pl, ok := e.tables.byPassage[e.byID[hits[r.Passage].ParagraphID]]; ok {
				if seen[pl.table]++; seen[pl.table] > tableReads {
					later = append(later, r)
					continue
				}
			}
			kept = append(kept, r)
		}
		ranks[p] = append(kept, later...)
	}
	return ranks
}

// settingFor is what the selector knows of a tier's documents: their
// own place names, their districts and the year 去年 means there.
func (e *Engine) settingFor(t tier) extract.Setting {
	s := e.setting
	if t.docs != nil {
		ybs := make([]corpus.Yearbook, 0, len(t.docs))
		for _, di := range t.docs {
			ybs = append(ybs, e.yearbooks[di])
		}
		s.PlaceWords = placeWords(ybs)
		s.Encloses = e.encloses(placeNames(ybs))
	}
	if len(t.years) == 1 {
		s.Year = t.years[0]
	}
	return s
}

// answerEverywhere answers from every document: the hits are grouped by
// place, and each of the first places to answer (at most maxPlaces) gives
// its best answer, from its newest edition that holds one.
func (e *Engine) answerEverywhere(ctx context.Context, a Answer, qa extract.Question) (Answer, error) {
	r, err := e.answerIn(ctx, qa, tier{years: e.syn.years})
	if err != nil {
		return Answer{}, err
	}
	if !r.usable {
		a.Problem = ProblemUnusable
		return a, nil
	}
	a.Hits = r.hits
	groups := e.placeGroups(r.hits)
	if r.byTable || len(groups) == 1 && len(groups[0]) == 1 {
		// One place in one edition: its hits are all the hits, already
		// selected from.
		a.Facts, a.Why, a.Verdict = r.facts, r.why, r.lead
		a.Answered = len(a.Facts) > 0
		if !a.Answered {
			a.Related = related(r.why, r.hits)
		}
		return a, nil
	}
	answered := 0
	for _, group := range groups {
		if answered == maxPlaces {
			break
		}
		for _, edition := range group {
			hits := make([]Hit, len(edition))
			pre := make([]*extract.Prepared, len(edition))
			for k, i := range edition {
				hits[k], pre[k] = r.hits[i], r.pre[i]
			}
			if facts, why := e.selectFacts(r.asked, r.lists, hits, pre, r.set); len(facts) > 0 {
				a.Facts = append(a.Facts, facts...)
				a.Why = append(a.Why, why...)
				answered++
				break
			}
		}
	}
	if len(a.Facts) == 0 {
		a.Why = r.why // why every hit was refused
		a.Related = related(r.why, r.hits)
	}
	a.Answered = len(a.Facts) > 0
	return a, nil
}

// PartCandidates is one question part with every window the selector
// weighed for it, unscored, and the passages they come from.
type PartCandidates struct {
	Part       string
	Candidates []extract.Candidate
	Hits       []Hit
}

// Candidates lists, for each part of the question, the candidate windows
// of the first passages it would be answered from, with their features:
// what `retrieval/internal/fit` fits the selector on.
func (e *Engine) Candidates(ctx context.Context, question string) ([]PartCandidates, error) {
	q := e.Normalize(question)
	if !hasContent(q) {
		return nil, nil
	}
	sc, err := e.scopeFor(q, "")
	if err != nil {
		return nil, err
	}
	t := tier{years: e.syn.years}
	if sc != nil {
		ts := e.tiers(sc, q)
		if len(ts) == 0 {
			return nil, nil
		}
		t = ts[0]
	}
	r, err := e.answerIn(ctx, extract.Analyze(q), t)
	if err != nil {
		return nil, err
	}
	out := make([]PartCandidates, 0, len(r.asked))
	ranks := e.spreadTables(rankings(r.lists, r.hits), r.hits)
	for i, a := range r.asked {
		out = append(out, PartCandidates{Part: a.Text, Candidates: extract.Candidates(i, a, r.pre, ranks[i], r.set), Hits: r.hits})
	}
	return out, nil
}

// WithModel returns a copy of the engine that selects answers with model m
// (a held-out fold's, for honest evaluation). The copy shares the index
// and caches.
func (e *Engine) WithModel(m *extract.Model) *Engine {
	if m == nil {
		return e
	}
	c := *e
	c.model = m
	return &c
}

// placeGroups splits ranked hits by place, in the order each place first
// ranks; each place's hits are split by edition, newest first.
func (e *Engine) placeGroups(hits []Hit) [][][]int {
	var keys []string
	byKey := map[string][]int{}
	for i, h := range hits {
		k := e.placeKey(e.byID[h.ParagraphID])
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	out := make([][][]int, 0, len(keys))
	for _, k := range keys {
		var years []int
		for _, i := range byKey[k] {
			if y := e.yearOf(hits[i]); !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
		slices.Sort(years)
		slices.Reverse(years)
		var group [][]int
		for _, y := range years {
			var ed []int
			for _, i := range byKey[k] {
				if e.yearOf(hits[i]) == y {
					ed = append(ed, i)
				}
			}
			group = append(group, ed)
		}
		out = append(out, group)
	}
	return out
}

// yearOf is the covered year of the hit's document.
func (e *Engine) yearOf(h Hit) int {
	return e.yearbooks[e.passageDoc[e.byID[h.ParagraphID]]].Year
}

// mergedHits is how many hits the merged lists keep: searchHits, and the
// paragraphs beyond it a part's list holds beside rows of tables
// (proseHits), so that they reach the selector whatever the parts.
func mergedHits(lists [][]Hit) int {
	n := searchHits
	for _, l := range lists {
		n += max(0, len(l)-searchHits)
	}
	return n
}

// interleave merges ranked hit lists, taking the best of each list in
// turn, so that every part of a two-part question keeps its top passages.
func interleave(lists [][]Hit, n int) []Hit {
	out := make([]Hit, 0, n)
	// The few hits taken are searched for an id, without a map.
	taken := func(id string) bool {
		for i := range out {
			if out[i].ParagraphID == id {
				return true
			}
		}
		return false
	}
	for rank := 0; len(out) < n; rank++ {
		more := false
		for _, l := range lists {
			if rank >= len(l) {
				continue
			}
			more = true
			h := l[rank]
			if !taken(h.ParagraphID) && len(out) < n {
				out = append(out, h)
			}
		}
		if !more {
			break
		}
	}
	return out
}

// hasContent reports whether q has a letter or a digit to search for.
func hasContent(q string) bool {
	return strings.ContainsFunc(q, func(r rune) bool {
		return r != unicode.ReplacementChar && (unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

// questionTokensIn is questionTokens for a question scoped to some
// documents (nil: all). A word the dictionary holds only because other
// documents write it (安家, a place name to gse) loses its dictionary part
// of speech, so a question reads the same beside a library as alone.
func (e *Engine) questionTokensIn(text string, docs []int) []extract.Token {
	if e.baseSeg != nil && docs != nil && !slices.ContainsFunc(docs, func(di int) bool { return !e.fitsBase[di] }) {
		// The documents asked are in the embedded dictionary's words: the
		// question segments exactly as beside them alone (青岛港 海铁
		// 联运, not 港海 … 运量 from other documents' words).
		return e.questionTokensWith(e.baseSeg, text)
	}
	toks := e.questionTokens(text)
	if e.baseWords == nil || docs == nil {
		return toks
	}
	for i, t := range toks {
		switch {
		case t.Pos == "" || e.baseWords[dict.Fold(t.Text)]:
		case e.syn.has(t.Text):
			// As the embedded dictionary's synonym entry (extraDictLines).
			toks[i].Pos, toks[i].Freq = synonymPos, synonymFreq
		case !e.seenIn(t.Text, docs):
			toks[i].Pos, toks[i].Freq = "", 0
		}
	}
	return toks
}

// questionTokens segments question text into top-level words with their
// part of speech: gse's shortest path over the yearbook dictionary, with
// adjacent characters joined when together they form a word of the full
// vocabulary the yearbook lacks (刑事+案件), which then has no POS.
func (e *Engine) questionTokens(text string) []extract.Token {
	return e.questionTokensWith(e.seg, text)
}

func (e *Engine) questionTokensWith(seg *segmenter, text string) []extract.Token {
	folded := dict.Fold(strings.ToValidUTF8(text, "\uFFFD"))
	top := seg.top(folded)
	var out []extract.Token
	for i := 0; i < len(top); {
		if j, w := mergeAt(seg, e.words, top, i); j > i {
			out = append(out, extract.Token{Text: w, Known: true})
			i = j
			continue
		}
		t := top[i].Token()
		text := t.Text()
		if isWord(text) {
			tok := extract.Token{Text: text, Known: e.Known(text)}
			if f, pos, ok := seg.gse.Find(text); ok && f > 0 {
				tok.Pos, tok.Freq = pos, f
			}
			out = append(out, tok)
		}
		i++
	}
	return out
}

// prepare returns the hit's passage split and canonicalized, from the
// engine's cache: the work depends on the paragraph only.
func (e *Engine) prepare(h Hit) *extract.Prepared {
	if p, ok := e.prepared.Load(h.ParagraphID); ok {
		return p.(*extract.Prepared)
	}
	photo := ""
	if i, ok := e.byID[h.ParagraphID]; ok {
		photo = e.passages[i].Paragraph.PhotoLabel()
	}
	p := extract.Prepare(extract.Passage{Text: h.Text, Chapter: h.Chapter, Section: h.Section, Photo: photo})
	if h.ParagraphID != "" {
		e.prepared.Store(h.ParagraphID, p)
	}
	return p
}
