package retrieval

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// quoteTable makes the table path's answer r's: the quoted cells or rows,
// verbatim with their figures marked.
// r.hits must lead with them (tableHits).
func (e *Engine) quoteTable(r *result, qa extract.Question, tr tableResult) {
	r.byTable = true
	if len(tr.titles) > 0 {
		for i, title := range tr.titles {
			r.facts = append(r.facts, titleFact(title, r.hits[i].Source))
		}
		r.why = []extract.PartWhy{{Part: qa.Text, Answered: true, Reason: tr.why}}
		return
	}
	r.lead = tr.lead
	for i := range tr.quote {
		h := r.hits[i]
		r.facts = append(r.facts, Fact{Text: h.Text, Source: h.Source, Figures: figureSpans(h.Text)})
	}
	r.why = []extract.PartWhy{{Part: qa.Text, Answered: true, Reason: tr.why}}
}

// titleFact quotes a table's title without its number (表3 is not what
// was asked, and glued to the year it would read as one number), its
// years marked.
func titleFact(title string, src Source) Fact {
	text := titleNumber.ReplaceAllString(title, "")
	f := Fact{Text: text, Source: src}
	for _, m := range anyYear.FindAllStringIndex(text, -1) {
		f.Figures = append(f.Figures, Span{Start: m[0], End: m[1]})
	}
	return f
}

// refuseTable settles a question naming a row and a year its table
// lacks: a sentence the selector found that states one of the years asked
// stands; otherwise the question is refused with the table's reason, its
// row shown as related content.
func (e *Engine) refuseTable(r *result, qa extract.Question, tr tableResult) {
	var years []string
	for _, y := range tr.years {
		years = append(years, strconv.Itoa(y))
	}
	if len(r.facts) > 0 && !slices.ContainsFunc(r.facts, func(f Fact) bool {
		return e.inTable(f.Source.ParagraphID) || !slices.ContainsFunc(years, func(y string) bool { return strings.Contains(f.Text, y) })
	}) {
		return
	}
	r.facts, r.byTable = nil, true
	r.hits = e.leadHits(r.hits, []int{tr.related})
	e.prepareHits(r)
	text := r.hits[0].Text
	closest := extract.Fact{Passage: 0, Text: text}
	for _, s := range figureSpans(text) {
		closest.Figures = append(closest.Figures, extract.Range{Start: s.Start, End: s.End})
	}
	r.why = []extract.PartWhy{{Part: qa.Text, Reason: "refused: " + tr.why, Closest: &closest}}
}

// statesChange reports whether the selector's facts are sentences that
// write each of the question's row words (常住人口 in 示例市常住人口…比上年末
// 增加8.5万人): they state the difference asked, which a growth cell does
// not.
func (e *Engine) statesChange(facts []Fact, stated []string) bool {
	return len(facts) > 0 && !slices.ContainsFunc(facts, func(f Fact) bool {
		return e.inTable(f.Source.ParagraphID) || slices.ContainsFunc(stated, func(w string) bool { return !strings.Contains(dict.Fold(f.Text), w) })
	})
}

// tableHits are the quoted passages, then, for 「更多」, the rows of the
// quoted cells and the other cells of those rows.
func (e *Engine) tableHits(quote []int) []Hit {
	ix := e.tables
	ps := slices.Clone(quote)
	add := func(p int) {
		if p >= 0 && !slices.Contains(ps, p) && len(ps) < searchHits {
			ps = append(ps, p)
		}
	}
	for _, q := range quote {
		pl := ix.byPassage[q]
		add(ix.tables[pl.table].rowPassages[pl.row])
	}
	for _, q := range quote {
		pl := ix.byPassage[q]
		for _, c := range ix.tables[pl.table].rowCells[pl.row] {
			add(ix.cells[c].passage)
		}
	}
	return e.leadHits(nil, ps)
}

// leadHits puts the passages first among hits, each once.
func (e *Engine) leadHits(hits []Hit, passages []int) []Hit {
	top := 0.0
	if len(hits) > 0 {
		top = hits[0].Score
	}
	out := make([]Hit, 0, len(hits)+len(passages))
	for _, p := range passages {
		out = append(out, e.hit(p, top))
	}
	for _, h := range hits {
		if !slices.ContainsFunc(out, func(o Hit) bool { return o.ParagraphID == h.ParagraphID }) {
			out = append(out, h)
		}
	}
	return out[:min(len(out), max(searchHits, len(passages)))]
}

// quoteSentence is the answer quoting text, a sentence of passage, for
// part: that passage is the one hit, text's figures are marked, and reason
// is why it answers.
func (e *Engine) quoteSentence(t tier, passage int, text, part, reason string) result {
	r := result{set: e.settingFor(t), usable: true, byTable: true}
	r.hits = e.leadHits(nil, []int{passage})
	e.prepareHits(&r)
	f := Fact{Text: text, Source: r.hits[0].Source, Figures: []Span{}}
	for _, fig := range extract.Figures(text) {
		f.Figures = append(f.Figures, Span{Start: fig.Start, End: fig.End})
	}
	r.facts = []Fact{f}
	r.why = []extract.PartWhy{{Part: part, Answered: true, Reason: reason}}
	return r
}

// figureSpans marks the figure ending each segment of a cell or row text
// (出生人口（2022年）：7.8万人; 出生人口：2022年 7.8万人；增长-4.9%).
func figureSpans(text string) []Span {
	var out []Span
	off := 0
	for seg := range strings.SplitSeq(text, "；") {
		start := off
		if i := strings.LastIndex(seg, "："); i >= 0 {
			start += i + len("：")
		}
		if loc := figureAtEnd.FindStringIndex(text[start : off+len(seg)]); loc != nil {
			out = append(out, Span{Start: start + loc[0], End: start + loc[1]})
		}
		off += len(seg) + len("；")
	}
	return out
}

// dropUnnamedTableHits removes the cells and rows whose row the question
// does not name: a table cell answers only a question about its row, not
// one that shares a word with it (迁入人口 and 出生人口, 农村居民人均可支配收入
// and 城镇居民人均可支配收入). A row is named by its label or a synonym, or by
// part of the label when the question says nothing else (常住人口 for
// 年末常住人口).
func (e *Engine) dropUnnamedTableHits(question string, hits []Hit) []Hit {
	ix := e.tables
	if ix == nil || len(ix.byPassage) == 0 {
		return hits
	}
	q := dict.Fold(question)
	return slices.DeleteFunc(hits, func(h Hit) bool {
		pl, ok := ix.byPassage[e.byID[h.ParagraphID]]
		return ok && !e.namesRow(q, pl)
	})
}

// namesRow reports whether q names the row (or the cell) at pl.
func (e *Engine) namesRow(q string, pl tablePlace) bool {
	ix := e.tables
	info := ix.tables[pl.table]
	names := info.rowNames[pl.row]
	var words []string
	if pl.cell >= 0 {
		c := ix.cells[pl.cell]
		names = c.names
		words = append(words, c.unit, c.rate)
	}
	if len(names) == 0 {
		return true
	}
	var spans []span
	for _, n := range names {
		s, ok := ix.nameSpan(q, n)
		if !ok {
			return false
		}
		spans = append(spans, s)
	}
	return e.residueEmpty(q, spans, words, []string{info.title})
}

// nameSpan is where q states name: a form of it whole, else its longest
// common part of two or more characters and half the name or more.
func (ix *tableIndex) nameSpan(q, name string) (span, bool) {
	for _, v := range ix.variants[name] {
		if i := strings.Index(q, v); i >= 0 {
			return span{i, i + len(v)}, true
		}
	}
	s, ok := commonPart(q, name, minNameRunes)
	if !ok || 2*utf8.RuneCountInString(q[s.start:s.end]) < utf8.RuneCountInString(name) {
		return span{}, false // 学校 does not name 普通高等学校
	}
	return s, true
}

// commonPart is the longest substring of q that name also holds, of at
// least min runes.
func commonPart(q, name string, min int) (span, bool) {
	qr, nr := []rune(q), []rune(name)
	best, end := 0, 0
	prev := make([]int, len(nr)+1)
	cur := make([]int, len(nr)+1)
	for i := 1; i <= len(qr); i++ {
		for j := 1; j <= len(nr); j++ {
			cur[j] = 0
			if qr[i-1] == nr[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best, end = cur[j], i
				}
			}
		}
		prev, cur = cur, prev
	}
	if best < min {
		return span{}, false
	}
	start := len(string(qr[:end-best]))
	return span{start, start + len(string(qr[end-best:end]))}, true
}

// answerPartsByTable answers by a table each part of a question of
// several parts that the selector refused and that the table path
// answers on its own (甲渠今年挖了多少米？总共多深: the second is a cell):
// the whole question is no table question, but a part may be. The facts
// then stand as chosen (byTable): choosing again by place would drop the
// table's.
func (e *Engine) answerPartsByTable(r *result, qa extract.Question, t tier) {
	if len(qa.Parts) < 2 || len(r.why) != len(qa.Parts) {
		return
	}
	for i, why := range r.why {
		if why.Answered {
			continue
		}
		tr, ok := e.answerTable(extract.Analyze(qa.Parts[i].Text), t)
		if !ok || tr.refused || len(tr.stated) > 0 || len(tr.titles) > 0 || tr.lead != "" {
			continue
		}
		for _, h := range e.tableHits(tr.quote)[:len(tr.quote)] {
			r.facts = append(r.facts, Fact{Text: h.Text, Source: h.Source, Figures: figureSpans(h.Text)})
		}
		r.why[i] = extract.PartWhy{Part: why.Part, Answered: true, Reason: tr.why}
		r.byTable = true
	}
}
