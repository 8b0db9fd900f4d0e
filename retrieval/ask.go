package retrieval

import (
	"context"
	"strings"
	"unicode"

	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/dict"
)

// ProblemUnusable is the reply to a question with nothing to search for
// (empty, whitespace, emoji or punctuation only).
const ProblemUnusable = "请输入一个关于年鉴的问题，例如：青岛港去年集装箱吞吐量多少？"

// searchHits is how many paragraphs each question part retrieves; the
// extractor reads the best of the merged lists.
const searchHits = 15

// Ask answers one question: it normalizes and analyses it, searches each
// part, and quotes the clause runs that hold the asked figures. When the
// key terms of a part are not all found in a passage, or no sentence there
// holds a figure of the asked kind, the part is not answered; an answer
// with no answered part has Answered false and the closest sections in Hits.
func (e *Engine) Ask(ctx context.Context, question string) (Answer, error) {
	r, err := e.retrieve(ctx, question)
	if err != nil || r.answer.Problem != "" {
		return r.answer, err
	}
	a := r.answer
	var facts []extract.Fact
	if e.model != nil {
		var whys []extract.PartWhy
		facts, whys = extract.Choose(r.asked, r.pre, r.scores, e.setting, e.model)
		a.Why = whys
	} else {
		facts = extract.SelectPrepared(r.asked, r.pre)
	}
	for _, f := range facts {
		fact := Fact{Text: f.Text, Source: a.Hits[f.Passage].Source, Figures: []Span{}}
		for _, r := range f.Figures {
			fact.Figures = append(fact.Figures, Span{Start: r.Start, End: r.End})
		}
		a.Facts = append(a.Facts, fact)
	}
	a.Answered = len(a.Facts) > 0
	return a, nil
}

// retrieved is a question analysed and searched: the parts with their
// terms, and the passages read for them, prepared.
type retrieved struct {
	answer Answer
	asked  []extract.Asked
	pre    []*extract.Prepared
	scores []float64
}

// retrieve normalizes and analyses the question and searches each part.
// A question with nothing to search for comes back with Problem set.
func (e *Engine) retrieve(ctx context.Context, question string) (retrieved, error) {
	if err := ctx.Err(); err != nil {
		return retrieved{}, err
	}
	r := retrieved{answer: Answer{Question: question, Hits: []Hit{}}}
	q := e.Normalize(question)
	r.answer.Query = q
	if !hasContent(q) {
		r.answer.Problem = ProblemUnusable
		return r, nil
	}
	qa := extract.Analyze(q)
	r.answer.Wants = qa.Wants()
	lex := extract.Lexicon{Segment: e.questionTokens, Expand: e.Expand, Longer: e.Longer, Seen: e.Seen}
	var lists [][]Hit
	for _, p := range qa.Parts {
		terms := extract.Terms(p, lex)
		if len(terms) == 0 {
			continue
		}
		r.asked = append(r.asked, extract.Asked{Part: p, Terms: terms, Areas: e.areas})
		words, weights := extract.WeightedSearchWords(terms)
		hits, err := e.search(ctx, words, weights, searchHits)
		if err != nil {
			return retrieved{}, err
		}
		lists = append(lists, hits)
	}
	if len(r.asked) == 0 {
		r.answer.Problem = ProblemUnusable
		return r, nil
	}
	if err := ctx.Err(); err != nil {
		return retrieved{}, err
	}
	r.answer.Hits = interleave(lists, searchHits)
	r.pre = make([]*extract.Prepared, len(r.answer.Hits))
	r.scores = make([]float64, len(r.answer.Hits))
	for i, h := range r.answer.Hits {
		r.pre[i] = e.prepare(h)
		r.scores[i] = h.Score
	}
	return r, nil
}

// PartCandidates is one question part with every window the selector
// weighed for it, unscored, and the passages they come from.
type PartCandidates struct {
	Part       string
	Candidates []extract.Candidate
	Hits       []Hit
}

// Candidates lists, for each part of the question, the candidate windows
// with their features: what `retrieval/internal/fit` fits the selector on.
func (e *Engine) Candidates(ctx context.Context, question string) ([]PartCandidates, error) {
	r, err := e.retrieve(ctx, question)
	if err != nil || r.answer.Problem != "" {
		return nil, err
	}
	out := make([]PartCandidates, 0, len(r.asked))
	for i, a := range r.asked {
		out = append(out, PartCandidates{Part: a.Text, Candidates: extract.Candidates(i, a, r.pre, r.scores, e.setting), Hits: r.answer.Hits})
	}
	return out, nil
}

// WithModel returns a copy of the engine that selects answers with model m
// (nil: the rule-based selector). The copy shares the index and caches.
func (e *Engine) WithModel(m *extract.Model) *Engine {
	c := *e
	c.model = m
	return &c
}

// interleave merges ranked hit lists, taking the best of each list in
// turn, so that every part of a two-part question keeps its top passages.
func interleave(lists [][]Hit, n int) []Hit {
	out := []Hit{}
	seen := map[string]bool{}
	for rank := 0; len(out) < n; rank++ {
		more := false
		for _, l := range lists {
			if rank >= len(l) {
				continue
			}
			more = true
			h := l[rank]
			if !seen[h.ParagraphID] && len(out) < n {
				seen[h.ParagraphID] = true
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

// questionTokens segments question text into top-level words with their
// part of speech: gse's shortest path over the yearbook dictionary, with
// adjacent characters joined when together they form a word of the full
// vocabulary the yearbook lacks (刑事+案件), which then has no POS.
func (e *Engine) questionTokens(text string) []extract.Token {
	folded := dict.Fold(strings.ToValidUTF8(text, "\uFFFD"))
	top := e.seg.top(folded)
	var out []extract.Token
	for i := 0; i < len(top); {
		if j, w := mergeAt(e.seg, e.words, top, i); j > i {
			out = append(out, extract.Token{Text: w, Known: true})
			i = j
			continue
		}
		t := top[i].Token()
		text := t.Text()
		if isWord(text) {
			tok := extract.Token{Text: text, Known: e.Known(text)}
			if f, pos, ok := e.seg.gse.Find(text); ok && f > 0 {
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
	p := extract.Prepare(extract.Passage{Text: h.Text, Chapter: h.Chapter, Section: h.Section})
	if h.ParagraphID != "" {
		e.prepared.Store(h.ParagraphID, p)
	}
	return p
}
