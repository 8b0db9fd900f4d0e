package retrieval

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"yearbookbot/retrieval/extract"
)

// refusalReason tells why the engine did not answer q, from the outside:
// a key term of a part no retrieved passage holds, key terms held only
// by different passages, or every key term in one passage but no clause
// with a figure of the asked kind there.
func refusalReason(e *Engine, lex extract.Lexicon, question string) string {
	qa := extract.Analyze(e.Normalize(question))
	for _, p := range qa.Parts {
		terms := extract.Terms(p, lex)
		words, weights := extract.WeightedSearchWords(terms)
		hits, _ := e.search(context.Background(), words, weights, searchHits, nil)
		var keys []extract.Term
		for _, tm := range terms {
			if tm.Key && !tm.Context {
				keys = append(keys, tm)
			}
		}
		in := func(tm extract.Term, h Hit) bool {
			c := extract.Canon(h.Chapter + h.Section + h.Text)
			for _, w := range append([]string{tm.Text}, tm.Alts...) {
				if strings.Contains(c, extract.Canon(w)) {
					return true
				}
			}
			return false
		}
		allInOne := false
		for _, h := range hits {
			n := 0
			for _, tm := range keys {
				if in(tm, h) {
					n++
				}
			}
			allInOne = allInOne || n == len(keys)
		}
		if allInOne {
			continue
		}
		for _, tm := range keys {
			found := false
			for _, h := range hits {
				found = found || in(tm, h)
			}
			if !found {
				if tm.Unseen {
					return "key term unseen in the yearbook"
				}
				return "key term in no retrieved passage"
			}
		}
		return "key terms split over passages"
	}
	return "no clause with a figure of the asked kind"
}

// TestRefusalReasons prints, when ASK_REFUSALS is set, how often each
// refusal reason fires on answerable and on unanswerable questions over
// every question set in testdata: a reason that mostly refuses
// answerable questions is a rule to loosen.
func TestRefusalReasons(t *testing.T) {
	if os.Getenv("ASK_REFUSALS") == "" {
		t.Skip("set ASK_REFUSALS")
	}
	e := defaultEngine(t)
	lex := extract.Lexicon{Segment: e.questionTokens, Expand: e.Expand, Longer: e.Longer, Seen: e.Seen}
	paths, err := filepath.Glob("testdata/*-questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ answerable, unanswerable int }
	counts := map[string]*count{}
	answered := &count{}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var q struct{ ID, Question, Type string }
			if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			a, err := e.Ask(t.Context(), q.Question)
			if err != nil {
				t.Fatal(err)
			}
			c := answered
			if !a.Answered {
				r := refusalReason(e, lex, q.Question)
				if counts[r] == nil {
					counts[r] = &count{}
				}
				c = counts[r]
				if q.Type != "unanswerable" {
					t.Logf("false abstention %s (%s): %s", q.ID, r, q.Question)
				}
			} else if q.Type == "unanswerable" {
				t.Logf("answered unanswerable %s: %s", q.ID, q.Question)
			}
			if q.Type == "unanswerable" {
				c.unanswerable++
			} else {
				c.answerable++
			}
		}
		f.Close()
	}
	var reasons []string
	for r := range counts {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		t.Logf("refused, %-42s answerable %3d  unanswerable %3d", r, counts[r].answerable, counts[r].unanswerable)
	}
	t.Logf("answered%-43s answerable %3d  unanswerable %3d", "", answered.answerable, answered.unanswerable)
}

// TestDebugQuestion prints, for the questions in ASK_DEBUG (separated by
// |), how the engine analyses them and which key terms the top hits lack.
func TestDebugQuestion(t *testing.T) {
	qs := os.Getenv("ASK_DEBUG")
	if qs == "" {
		t.Skip("set ASK_DEBUG")
	}
	e := defaultEngine(t)
	lex := extract.Lexicon{Segment: e.questionTokens, Expand: e.Expand, Longer: e.Longer, Seen: e.Seen}
	for _, question := range strings.Split(qs, "|") {
		q := e.Normalize(question)
		qa := extract.Analyze(q)
		t.Logf("Q %s", question)
		for _, p := range qa.Parts {
			terms := extract.Terms(p, lex)
			t.Logf(" part %q key=%q wants=%v unit=%q change=%v total=%v ord=%q heads=%v", p.Text, p.Key, p.Wants, p.Unit, p.Change, p.Total, p.Ordinal, p.Heads)
			for _, tm := range terms {
				t.Logf("   term %q alts=%v key=%v ctx=%v head=%v proper=%v listed=%v unseen=%v", tm.Text, tm.Alts, tm.Key, tm.Context, tm.Head, tm.Proper, tm.Listed, tm.Unseen)
			}
			words, weights := extract.WeightedSearchWords(terms)
			hits, _ := e.search(context.Background(), words, weights, 5, nil)
			for _, h := range hits {
				c := extract.Canon(h.Chapter + h.Section + h.Text)
				var miss []string
				for _, tm := range terms {
					if !tm.Key || tm.Context {
						continue
					}
					found := strings.Contains(c, extract.Canon(tm.Text))
					for _, a := range tm.Alts {
						found = found || strings.Contains(c, extract.Canon(a))
					}
					if !found {
						miss = append(miss, tm.Text)
					}
				}
				t.Logf("   hit %s %s missing=%v", h.ParagraphID, h.Section, miss)
			}
		}
		a, _ := e.Ask(context.Background(), question)
		t.Logf(" answered=%v facts=%d", a.Answered, len(a.Facts))
		for _, f := range a.Facts {
			t.Logf("   %s", f.Text)
		}
	}
}
