package extract

import (
	"strings"
	"testing"
)

// TestRuneSetSkipsOnlyAbsentWords checks that the character-set shortcuts
// of termMatch and its memo of whole passages never change its result: every term built from pieces of
// the test passages (present, absent, halves, synonyms, invalid UTF-8)
// matches each clause and sentence as it does when every form is searched.
func TestRuneSetSkipsOnlyAbsentWords(t *testing.T) {
	var texts []canonText
	for _, p := range []Passage{airport, overview, business} {
		pp := Prepare(p)
		if pp.canon.wide == nil || pp.canon.passage != pp {
			t.Fatalf("%s: the passage text has no wide set or memo key", p.Section)
		}
		texts = append(texts, pp.canon, pp.heading)
		for _, s := range pp.sentences {
			texts = append(texts, s.withPrev, s.around)
			for _, c := range s.clauses {
				texts = append(texts, c.canon)
			}
		}
	}
	texts = append(texts, newCanonText("青岛\xe6港"), newCanonText(""))
	var words []string
	for _, c := range texts[:6] {
		rs := []rune(c.s)
		for i := range rs {
			for n := 1; n <= 4 && i+n <= len(rs); n++ {
				words = append(words, string(rs[i:i+n]))
			}
		}
	}
	words = append(words, "青岛港", "胶东机场", "\xe6", "港\xe6", "16号线", "6号线")
	checked := 0
	for i, w := range words {
		term := Term{Text: w, Alts: []string{words[(i*7)%len(words)], "机场"}, Not: []string{"青岛胶东国际机场"}}
		term.compile()
		memoized := term
		forms := *term.termForms
		memoized.termForms = &forms
		memoized.memo = &termMemo{}
		for _, c := range texts {
			slow := canonText{s: c.s, runes: fullRuneSet}
			want := termMatch(term, slow)
			for _, got := range []float64{termMatch(term, c), termMatch(memoized, c), termMatch(memoized, c)} {
				if got != want {
					t.Fatalf("termMatch(%q, %q) = %v with the rune sets and memo, %v without", w, c.s, got, want)
				}
			}
			checked++
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d checks", checked)
	}
}

func TestRuneSetOf(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		may        bool
	}{
		{"青岛港集装箱吞吐量", "吞吐", true},
		{"青岛港集装箱吞吐量", "港青", true}, // a set has no order
		{"青岛港集装箱吞吐量", "货物", false},
		{"2201万标准箱", "2201", true},
		{"2201万标准箱", "2201万", true},
		{"", "", true},
		{"ab\xffc", "机场", true}, // an invalid text may hold anything
	} {
		if got := runeSetOf(tc.text).mayHold(wordSetOf(tc.word)); got != tc.may {
			t.Errorf("%q may hold %q = %v, want %v", tc.text, tc.word, got, tc.may)
		}
	}
}

func TestPairSetOf(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		may        bool
	}{
		{"青岛港集装箱吞吐量", "集装箱", true},
		{"青岛港集装箱吞吐量", "吞吐", true},
		{"青岛港集装箱吞吐量", "港青", false}, // both characters, not in that order
		{"青岛港集装箱吞吐量", "岛港集装箱吞", true},
		{"青岛港集装箱吞吐量", "港", true}, // one character has no pair
		{"2201万标准箱", "2201万", true},
		{"2201万标准箱", "201万标", true},
		{"2201万标准箱", "万标箱", false},
		{"", "机场", false},
		{"ab\xffc", "机场", true}, // an invalid text may hold anything
		{"青岛港", "岛\xe6", true},  // so may an invalid word
		{strings.Repeat("青岛港集装箱吞吐量增长", 200) + "机场", "机场", true},
	} {
		if got := pairSetOf(tc.text).mayHoldPairs(wordSigOf(tc.word).pairs); got != tc.may {
			t.Errorf("%q may hold %q = %v, want %v", tc.text, tc.word, got, tc.may)
		}
	}
}

// TestClausePairsSkipOnlyAbsentBigrams checks that a clause's pair set
// never hides a character pair its text holds (clauseFactsOf skips the
// search of a pair the set lacks).
func TestClausePairsSkipOnlyAbsentBigrams(t *testing.T) {
	var bigrams []string
	var clauses []string
	var sets []pairSet
	for _, p := range []Passage{airport, overview, business} {
		pp := Prepare(p)
		bigrams = append(bigrams, hanBigrams(pp.text)...)
		for _, s := range pp.sentences {
			for _, c := range s.clauses {
				clauses = append(clauses, pp.text[c.r.Start:c.r.End])
				sets = append(sets, c.raw)
			}
		}
	}
	skipped := 0
	for k, cl := range clauses {
		for _, b := range bigrams {
			if sets[k].mayHoldPairs(wordSigOf(b).pairs) {
				continue
			}
			skipped++
			if strings.Contains(cl, b) {
				t.Fatalf("the pair set of %q lacks %q", cl, b)
			}
		}
	}
	if skipped == 0 {
		t.Fatal("no pair skipped: the test checks nothing")
	}
}
