package retrieval

import (
	"context"

	"yearbookbot/retrieval/extract"
)

// Asker is what the bot and the commands need from the engine: a question
// in, a structured answer out. Implementations are safe for concurrent use.
type Asker interface {
	Ask(ctx context.Context, question string) (Answer, error)
}

// Want is the kind of figure a question asks for, read from its question
// words (多少 → number, 什么时候 → date, 第几 → rank, 哪些 → names).
// Question analysis defines it; the answer carries it.
type Want = extract.Want

const (
	WantAny    = extract.WantAny
	WantNumber = extract.WantNumber
	WantDate   = extract.WantDate
	WantRank   = extract.WantRank
	WantNames  = extract.WantNames
)

// Source says where a passage stands in a yearbook.
type Source struct {
	ParagraphID string   `json:"id"`
	Yearbook    string   `json:"yearbook"`
	Chapter     string   `json:"chapter"`
	Section     string   `json:"section"`
	Sources     []string `json:"sources"`
	Line        int      `json:"line"`
	// ShowYearbook is set when more than one document is loaded: the
	// source label then names the yearbook before chapter › section.
	ShowYearbook bool `json:"-"`
}

// Span marks a figure inside a Fact's text by byte offsets [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Fact is one sentence (or clause run) quoted verbatim from the yearbook
// that answers part of the question, with the figures in it marked.
type Fact struct {
	Text    string `json:"text"`
	Figures []Span `json:"figures"`
	Source  Source `json:"source"`
}

// Hit is one retrieved paragraph, best first.
type Hit struct {
	Source
	Score float64 `json:"score"`
	Text  string  `json:"-"` // the whole paragraph, for 「原文」
	// Table is the row of a table cell or row paragraph with its table's
	// header, for 「原文」; nil for other paragraphs and in search results.
	Table *TableView `json:"-"`
}

// Answer is the engine's reply to one question. Rendering for Telegram and
// for the terminal is built from it; nothing here is formatted.
type Answer struct {
	Question string `json:"question"`
	// Query is the normalized question the engine searched for.
	Query string `json:"query"`
	Wants []Want `json:"wants,omitempty"`
	// Answered is false when the yearbook does not hold the answer; Facts
	// is then empty and Hits are only the closest sections to offer.
	Answered bool   `json:"answered"`
	Facts    []Fact `json:"facts,omitempty"`
	// Hits are the ranked paragraphs retrieved, best first.
	Hits []Hit `json:"hits"`
	// Verdict leads the reply to a yes/no question decided by the quoted
	// figure (超过2000万了吗 → 是, 是3000万吗 → 不是); "" when the question
	// is not one or the comparison is not unambiguous.
	Verdict string `json:"verdict,omitempty"`
	// Related are the sentences closest to what a refused question asks
	// (the best candidate of each refused part): shown under a 相关内容
	// label so the user sees what the yearbook does say, never as the
	// answer. Empty when the question is answered.
	Related []Fact `json:"related,omitempty"`
	// Why tells, for each part of the question, why it was answered or
	// refused: the winning candidate's features and score, or the vetoes
	// and threshold that removed the rest.
	Why []extract.PartWhy `json:"why,omitempty"`
	// Problem is set when the question itself could not be used (empty,
	// emoji only, …): a short user-facing reason in Chinese.
	Problem string `json:"problem,omitempty"`
}
