package evaluate

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// Judge decides whether one reply answers one question.
type Judge struct {
	t2s    *opencc.OpenCC
	places map[int][]place // by 1-based line; several when several yearbooks share line numbers
}

type place struct {
	chapter, section string
	text             string // normalized heading + paragraph, for Check
}

// NewJudge prepares a judge for questions about the given passages (the
// yearbook(s) the engine answers from).
func NewJudge(passages []corpus.Passage) (*Judge, error) {
	if len(passages) == 0 {
		return nil, errors.New("evaluate: no corpus passages to judge against")
	}
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("evaluate: loading OpenCC t2s: %w", err)
	}
	j := &Judge{t2s: cc, places: map[int][]place{}}
	credits := map[int]bool{}
	for _, p := range passages {
		l := p.Paragraph.Line
		j.places[l] = append(j.places[l], place{
			chapter: p.Chapter,
			section: p.Section,
			text:    normalize(p.Section + p.Paragraph.Text),
		})
		credits[p.SourceLine] = credits[p.SourceLine] || len(p.Sources) > 0
	}
	// The line that credits a chapter's departments is no paragraph, but
	// "who wrote this chapter" is a fair question, answered by the source
	// every reply names.
	for _, p := range passages {
		if l := p.SourceLine; l > 0 && credits[l] {
			credits[l] = false
			j.places[l] = append(j.places[l], place{chapter: p.Chapter, text: normalize(strings.Join(p.Sources, ""))})
		}
	}
	return j, nil
}

// Check verifies that the question set fits the loaded yearbook: every gold
// line is a paragraph of it and every gold figure is written in a gold line.
// A mismatch means the set was written for another text (or the parser
// lost a line), and judging would be meaningless.
func (j *Judge) Check(qs []Question) error {
	var errs []error
	for _, q := range qs {
		var texts []string
		for _, l := range q.GoldLines {
			ps, ok := j.places[l]
			if !ok {
				errs = append(errs, fmt.Errorf("%s: gold line %d is not a paragraph of the loaded yearbook", q.ID, l))
				continue
			}
			for _, p := range ps {
				texts = append(texts, p.text)
			}
		}
		for _, f := range q.GoldFigures {
			nf := normalize(f)
			if len(texts) > 0 && !slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, nf) }) {
				errs = append(errs, fmt.Errorf("%s: gold figure %q is not in its gold lines %v of the loaded yearbook", q.ID, f, q.GoldLines))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("question set does not fit the loaded yearbook: %w", errors.Join(errs...))
	}
	return nil
}

// Verdict is the judgement of one reply.
type Verdict struct {
	Correct bool `json:"correct"`
	// Abstained: the engine said it found no answer (Answer.Answered is
	// false and the reply says so).
	Abstained bool `json:"abstained"`
	// Why explains a wrong reply; empty when correct.
	Why string `json:"why,omitempty"`
}

// notFound are the phrases by which a reply says the yearbook lacks the
// answer; they are looked for in the Simplified form of the reply.
var notFound = []string{"没有找到", "未找到", "找不到", "没有相关", "未能找到", "没有查到", "未查到", "没有收录", "未收录", "没有记载", "未记载"}

// Judge applies the README's rules to reply, the text the user sees of a.
func (j *Judge) Judge(q Question, a retrieval.Answer, reply string) Verdict {
	forms := j.forms(reply)
	says := slices.ContainsFunc(notFound, func(p string) bool { return containsAny(forms, p) })
	v := Verdict{Abstained: !a.Answered && says}

	if !q.Answerable() {
		switch {
		case a.Answered:
			v.Why = "answered a question the yearbook does not hold"
		case !says:
			v.Why = "does not say that the yearbook holds no answer"
		case len(a.Facts) > 0:
			v.Why = "refused but still presents figures as the answer"
		default:
			v.Correct = true
		}
		return v
	}
	if v.Abstained {
		v.Why = "false abstention: said no answer, but the yearbook holds it"
		return v
	}

	var why []string
	if q.Type == TypeKeyword {
		if !slices.ContainsFunc(citedLines(a), func(l int) bool { return slices.Contains(q.GoldLines, l) }) {
			why = append(why, fmt.Sprintf("not built on a gold line %v (cited lines %v)", q.GoldLines, citedLines(a)))
		}
	}
	var missing []string
	for _, f := range q.GoldFigures {
		if !j.hasFigure(forms, f) {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		why = append(why, "missing figure "+strings.Join(missing, "、"))
	}
	if names := j.sourceNames(q); !slices.ContainsFunc(names, func(n string) bool {
		return slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(stripForName(f), n) })
	}) {
		why = append(why, "names none of "+strings.Join(names, "、"))
	}
	v.Correct = len(why) == 0
	v.Why = strings.Join(why, "; ")
	return v
}

// citedLines are the lines a reply is built on: the facts it quotes, or
// the top hit when an answer quotes none.
func citedLines(a retrieval.Answer) []int {
	var ls []int
	for _, f := range a.Facts {
		ls = append(ls, f.Source.Line)
	}
	if len(ls) == 0 && a.Answered && len(a.Hits) > 0 {
		ls = append(ls, a.Hits[0].Line)
	}
	return ls
}

// forms are the reply as judged: normalized, and converted to Simplified.
// Both are kept because OpenCC's t2s also rewrites a few characters that
// are valid Simplified (著 → 着 outside its phrase table), which must not
// cost a verbatim quote its match.
func (j *Judge) forms(reply string) []string {
	n := normalize(reply)
	s, err := j.t2s.Convert(n)
	if err != nil || s == n {
		return []string{n}
	}
	return []string{n, s}
}

// sourceNames are the chapters and sections a correct reply may name: those
// the parsed yearbook gives every gold line (either of two chapters for a
// figure repeated in both), plus the question file's own labels.
func (j *Judge) sourceNames(q Question) []string {
	var names []string
	add := func(s string) {
		if n := stripForName(normalize(s)); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, l := range q.GoldLines {
		for _, p := range j.places[l] {
			add(p.chapter)
			add(p.section)
		}
	}
	add(q.Chapter)
	add(q.Section)
	return names
}

// hasFigure reports whether a figure occurs in one of the forms; a figure
// starting with a digit must not be the tail of a longer number (34个 is not
// in 134个, 9.5亿元 is not in 99.5亿元).
func (j *Judge) hasFigure(forms []string, figure string) bool {
	f := normalize(figure)
	if f == "" {
		return false
	}
	startsWithDigit := f[0] >= '0' && f[0] <= '9'
	for _, s := range forms {
		for i := 0; ; {
			k := strings.Index(s[i:], f)
			if k < 0 {
				break
			}
			at := i + k
			if !startsWithDigit || at == 0 || !isNumberByte(s[at-1]) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

func isNumberByte(b byte) bool { return b >= '0' && b <= '9' || b == '.' }

// normalize is the README's normalization: NFKC (full-width digits, ％,
// ，, （） to half-width) and every whitespace removed.
func normalize(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// stripForName removes what may differ between how a reply and the gold
// label write a chapter or section: quotation marks and the word 攻势.
func stripForName(s string) string {
	s = strings.ReplaceAll(s, "攻势", "")
	return strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '\'', '‘', '’', '「', '」', '『', '』':
			return -1
		}
		return r
	}, s)
}

func containsAny(forms []string, sub string) bool {
	return slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(f, sub) })
}
