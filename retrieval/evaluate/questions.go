// Package evaluate runs a question set through an Asker and judges every
// reply by the rules of retrieval/testdata/dev-questions.README.md: the gold
// figures quoted verbatim (after NFKC, whitespace removal and Traditional →
// Simplified), the source chapter or section named, keyword questions built
// on a gold line, unanswerable questions refused. It also scores retrieval
// alone (top-1/top-3 by gold lines), reply length and latency.
//
// The judge knows the yearbook only through the corpus passages it is given,
// so the chapter and section a reply must name come from the parsed
// yearbook, not from the question file; Check refuses a question set whose
// gold lines and figures do not fit the loaded yearbook.
package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Question types of the question-set format.
const (
	TypeFigure       = "figure"
	TypeDate         = "date"
	TypeRank         = "rank"
	TypeEntity       = "entity"
	TypeMulti        = "multi"
	TypeKeyword      = "keyword"
	TypeTraditional  = "traditional"
	TypeUnanswerable = "unanswerable"
)

// Types lists the question types in report order.
var types = []string{TypeFigure, TypeDate, TypeRank, TypeEntity, TypeMulti, TypeKeyword, TypeTraditional, TypeUnanswerable}

// Question is one line of a question set.
type Question struct {
	ID          string   `json:"id"`
	Question    string   `json:"question"`
	Type        string   `json:"type"`
	GoldLines   []int    `json:"gold_lines"`
	GoldFigures []string `json:"gold_figures"`
	Chapter     string   `json:"chapter"`
	Section     string   `json:"section"`
	// Author names who wrote the question (optional), for accuracy by author.
	Author string `json:"author,omitempty"`
}

// Answerable reports whether the yearbook holds the answer.
func (q Question) Answerable() bool { return q.Type != TypeUnanswerable }

// Load reads a question set, one JSON object per line (blank lines are
// skipped). Errors name the line and the field.
func Load(r io.Reader) ([]Question, error) {
	br := bufio.NewReader(r)
	var qs []Question
	seen := map[string]int{}
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("reading questions, line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			q, perr := parseQuestion(line)
			if perr != nil {
				return nil, fmt.Errorf("questions line %d: %w", n, perr)
			}
			if prev, dup := seen[q.ID]; dup {
				return nil, fmt.Errorf("questions line %d: id %q already used on line %d", n, q.ID, prev)
			}
			seen[q.ID] = n
			qs = append(qs, q)
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if len(qs) == 0 {
		return nil, errors.New("question set is empty")
	}
	return qs, nil
}

func parseQuestion(line []byte) (Question, error) {
	// Fields are checked for presence, not only for value, so a misspelt
	// "gold_line" is an error instead of an unanswerable question.
	var present map[string]json.RawMessage
	if err := json.Unmarshal(line, &present); err != nil {
		return Question{}, fmt.Errorf("not a JSON object: %w", err)
	}
	for _, f := range []string{"id", "question", "type", "gold_lines", "gold_figures", "chapter", "section"} {
		if _, ok := present[f]; !ok {
			return Question{}, fmt.Errorf("missing field %q", f)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var q Question
	if err := dec.Decode(&q); err != nil {
		return Question{}, fmt.Errorf("bad field: %w", err)
	}
	if strings.TrimSpace(q.ID) == "" {
		return Question{}, errors.New(`field "id" is empty`)
	}
	if strings.TrimSpace(q.Question) == "" {
		return Question{}, fmt.Errorf("%s: field \"question\" is empty", q.ID)
	}
	known := false
	for _, t := range types {
		known = known || q.Type == t
	}
	if !known {
		return Question{}, fmt.Errorf("%s: unknown type %q (want one of %s)", q.ID, q.Type, strings.Join(types, ", "))
	}
	for _, l := range q.GoldLines {
		if l < 1 {
			return Question{}, fmt.Errorf("%s: gold line %d is not a 1-based line number", q.ID, l)
		}
	}
	for _, f := range q.GoldFigures {
		if strings.TrimSpace(f) == "" {
			return Question{}, fmt.Errorf("%s: empty gold figure", q.ID)
		}
	}
	switch {
	case q.Type == TypeUnanswerable && (len(q.GoldLines) > 0 || len(q.GoldFigures) > 0):
		return Question{}, fmt.Errorf("%s: an unanswerable question has no gold lines or figures", q.ID)
	case q.Type != TypeUnanswerable && len(q.GoldLines) == 0:
		return Question{}, fmt.Errorf("%s: a %s question needs gold_lines", q.ID, q.Type)
	case q.Type != TypeUnanswerable && q.Type != TypeKeyword && len(q.GoldFigures) == 0:
		return Question{}, fmt.Errorf("%s: a %s question needs gold_figures", q.ID, q.Type)
	}
	return q, nil
}
