package retrieval

import (
	"slices"
	"strings"
	"unicode/utf8"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// Questions about a chapter rather than one of its figures: whom its
// figures come from (交通这块数据出自哪个单位: the chapter's credit) and
// what its photos show (港口那部分配的是什么照片: its captions). The part
// asked of is the chapter or section whose heading the question names,
// else the chapter of the table whose title it names (人口表的数据出处);
// a question naming none is the selector's, as before.

// partAsk is what a question asks of a chapter.
type partAsk int

const (
	askNoPart partAsk = iota
	askSource
	askPhoto
)

// chapterAskOf reads what q (folded) asks of a chapter. named is set when
// the question names a part of the yearbook (那一章, 这部分): only then do
// the words of writing ask for its credit, since 作者 or 材料 alone are
// as often about the subject (作品的作者, 新材料).
func chapterAskOf(q string, named bool) partAsk {
	w := &tableWords
	data := containsAny(q, w.dataWords) || named && containsAny(q, w.writeWords)
	// 按什么单位统计 asks a unit, not who counted (什么单位, 统计); 来源
	// or 供稿 beside 单位是什么 still asks the credit.
	counted := containsAny(q, w.creditAsks) && data && !containsAny(q, w.unitAsks)
	switch {
	case containsAny(q, w.dataSources) || containsAny(q, w.writeCredits) || named && containsAny(q, w.authorAsks) || counted:
		return askSource
	case containsAny(q, w.photoAsks):
		return askPhoto
	}
	return askNoPart
}

// namesPart reports whether a part of qa names a part of the yearbook.
func namesPart(qa extract.Question) bool {
	return slices.ContainsFunc(qa.Parts, func(p extract.Part) bool { return p.Locus != "" })
}

// namedPart is a part of a document a question names: its chapter, and
// its section when the question names one ("" otherwise).
type namedPart struct {
	doc     int
	chapter string
	section string
}

// partNamed is the chapter or section of docs whose heading stands whole
// in q, the longest; else the chapter of the table whose title q names.
func (e *Engine) partNamed(q string, docs []int) (namedPart, bool) {
	var best namedPart
	bestLen := 0
	e.eachHeading(docs, func(np namedPart, heading string) {
		n := utf8.RuneCountInString(heading)
		if n >= minNameRunes && n > bestLen && strings.Contains(q, dict.Fold(heading)) {
			best, bestLen = np, n
		}
	})
	if bestLen > 0 {
		return best, true
	}
	if e.tables == nil {
		return namedPart{}, false
	}
	ti, _ := e.tables.namedTable(q, docs, foldAll(e.setting.PlaceWords))
	if ti < 0 {
		return namedPart{}, false
	}
	cells := e.tables.tables[ti].allCells()
	if len(cells) == 0 {
		return namedPart{}, false
	}
	pi := e.tables.cells[cells[0]].passage
	return namedPart{doc: e.passageDoc[pi], chapter: e.passages[pi].Chapter}, true
}

// eachHeading calls visit with the chapter and then the section of every
// prose passage of docs (nil: every document), with the part each names.
func (e *Engine) eachHeading(docs []int, visit func(np namedPart, heading string)) {
	for i, p := range e.passages {
		d := e.passageDoc[i]
		if docs != nil && !slices.Contains(docs, d) || p.Paragraph.Table > 0 {
			continue
		}
		visit(namedPart{doc: d, chapter: p.Chapter}, p.Chapter)
		visit(namedPart{doc: d, chapter: p.Chapter, section: p.Section}, p.Section)
	}
}

// minLooseShare is how much of a part's name as the user shortened it
// (跨境电商中心 for 跨境电子商务服务中心建设) a heading must hold.
const minLooseShare = 0.6

// partNamedLoosely is the chapter or section whose heading holds the most
// of a locus the question names (花卉城那一章), by character pairs, when it
// holds at least minLooseShare of them and no other chapter holds as many.
func (e *Engine) partNamedLoosely(qa extract.Question, docs []int) (namedPart, bool) {
	var best namedPart
	bestShare, tie := 0.0, false
	for _, part := range qa.Parts {
		for _, span := range part.LocusSpans() {
			pairs := charPairs(dict.Fold(span))
			if len(pairs) < 2 {
				continue
			}
			e.eachHeading(docs, func(np namedPart, heading string) {
				switch share := sharedPairs(pairs, dict.Fold(heading)); {
				case share > bestShare:
					best, bestShare, tie = np, share, false
				case share == bestShare && np != best && np.chapter != best.chapter:
					tie = true
				}
			})
		}
	}
	return best, bestShare >= minLooseShare && !tie
}

// charPairs are the pairs of adjacent characters of s.
func charPairs(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// sharedPairs is the share of pairs that heading holds.
func sharedPairs(pairs []string, heading string) float64 {
	n := 0
	for _, p := range pairs {
		if strings.Contains(heading, p) {
			n++
		}
	}
	return float64(n) / float64(len(pairs))
}

// creditLabel names a credit as the question does: where its figures
// come from (数据出自哪个单位) or, asked with no word of data, who wrote the
// text (哪个部门供稿, 作者是谁).
func creditLabel(q string) string {
	w := &tableWords
	if containsAny(q, w.dataWords) || containsAny(q, w.dataSources) {
		return "数据来源："
	}
	return "供稿："
}

// in reports whether passage i stands in the part.
func (np namedPart) in(e *Engine, i int) bool {
	p := e.passages[i]
	return e.passageDoc[i] == np.doc && p.Chapter == np.chapter && (np.section == "" || p.Section == np.section)
}

// answerChapter answers a question about a chapter's credit or photos
// with facts citing the part asked of; ok is false when the question is
// not one, or the part has no credit or caption.
func (e *Engine) answerChapter(qa extract.Question, t tier) (result, bool) {
	q := dict.Fold(qa.Text)
	named := namesPart(qa)
	ask := chapterAskOf(q, named)
	if ask == askNoPart || slices.ContainsFunc(qa.Parts, func(p extract.Part) bool { return chapterAskOf(dict.Fold(p.Text), named) == askNoPart }) {
		// A question asking more than the credit (它有哪几项任务？这一节
		// 是谁供稿的) is the selector's: its replies cite each part's
		// credit.
		return result{}, false
	}
	np, ok := e.partNamed(q, t.docs)
	if !ok {
		np, ok = e.partNamedLoosely(qa, t.docs)
	}
	if !ok {
		return result{}, false
	}
	var quote []int
	var texts []string
	for i, p := range e.passages {
		if !np.in(e, i) {
			continue
		}
		switch {
		case ask == askSource && len(p.Sources) > 0:
			// One credit closes a chapter: cite the part's first passage.
			quote, texts = []int{i}, []string{creditLabel(q) + strings.Join(p.Sources, "、")}
		case ask == askPhoto && p.Paragraph.Kind == corpus.KindCaption && len(quote) < maxTableFacts:
			quote, texts = append(quote, i), append(texts, p.Paragraph.Text)
		}
		if ask == askSource && len(quote) > 0 {
			break
		}
	}
	if len(quote) == 0 {
		return result{}, false
	}
	r := result{set: e.settingFor(t), usable: true, byTable: true}
	r.hits = e.leadHits(nil, quote)
	e.prepareHits(&r)
	for i, text := range texts {
		r.facts = append(r.facts, Fact{Text: text, Source: r.hits[i].Source, Figures: []Span{}})
	}
	why := "chapter credit"
	if ask == askPhoto {
		why = "chapter photos"
	}
	r.why = []extract.PartWhy{{Part: qa.Text, Answered: true, Reason: why + ": " + np.chapter + " " + np.section}}
	return r, true
}
