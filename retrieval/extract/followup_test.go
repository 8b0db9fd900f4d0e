package extract

import (
	"slices"
	"strings"
	"testing"
)

// A follow-up (那乙呢, 乙呢？) is a part of its own asking what the part
// before asked of the thing it names; words after a question without 呢
// or a question mark still refine it.
func TestFollowUpParts(t *testing.T) {
	type part struct {
		key    string
		wants  []Want
		change bool
	}
	for _, tc := range []struct {
		q    string
		want []part
	}{
		// The area of a rank carries over; an area a count names does not.
		{"东区GDP全省排第几？西区呢", []part{{"东区GDP全省", []Want{WantRank}, false}, {"西区", []Want{WantRank}, false}}},
		{"甲港货物吞吐量多少？那集装箱呢", []part{{"甲港货物吞吐量", []Want{WantNumber}, false}, {"集装箱", []Want{WantNumber}, false}}},
		{"东区投资涨了多少，西区呢", []part{{"东区投资涨", []Want{WantNumber}, true}, {"西区", []Want{WantNumber}, true}}},
		{"东区投资涨了多少？那么西区呢？", []part{{"东区投资涨", []Want{WantNumber}, true}, {"西区", []Want{WantNumber}, true}}},
		// A follow-up asking its own kind keeps it.
		{"东区投资多少？全省排第几呢", []part{{"东区投资", []Want{WantNumber}, false}, {"全省", []Want{WantRank}, false}}},
		// No 呢 and no question mark: the words refine the question.
		{"东区投资多少，2020年的", []part{{"东区投资 2020年", []Want{WantNumber}, false}}},
		// 多快 asks a figure as 多远 does, so a part ending in it is asked;
		// after 很 or 更, 多 is "many".
		{"甲站投用没？乙车能跑多快", []part{{"甲站投用没", nil, false}, {"乙车能跑", []Want{WantNumber}, false}}},
		{"很多快递企业来投资，有几家", []part{{"很多快递企业来投资 有", []Want{WantNumber}, false}}},
		{"这么多快递企业，有几家上市", []part{{"这么多快递企业 有 上市", []Want{WantNumber}, false}}},
		// A follow-up naming a measure of its own asks that figure, not
		// the kind asked before; a character of another word (数 of
		// 数字经济) names none.
		{"甲馆哪年建成？面积呢", []part{{"甲馆 建成", []Want{WantDate}, false}, {"面积", []Want{WantNumber}, false}}},
		{"东区投资增长了多少？那西区总量呢", []part{{"东区投资增长", []Want{WantNumber}, true}, {"西区总量", []Want{WantNumber}, false}}},
		{"东区哪年设立？数字经济呢", []part{{"东区 设立", []Want{WantDate}, false}, {"数字经济", []Want{WantDate}, false}}},
		// Punctuation after 呢 still closes the follow-up.
		{"甲港吞吐量多少，乙港呢~", []part{{"甲港吞吐量", []Want{WantNumber}, false}, {"乙港", []Want{WantNumber}, false}}},
		// 呢 before any question marks a topic, not a follow-up.
		{"甲港呢，集装箱航线开通了吗", []part{{"甲港 集装箱航线开通", nil, false}}},
		// 那 starting a word of its own stays.
		{"东区投资多少？那个园区呢", []part{{"东区投资", []Want{WantNumber}, false}, {"那个园区", []Want{WantNumber}, false}}},
	} {
		q := Analyze(tc.q)
		if len(q.Parts) != len(tc.want) {
			t.Errorf("%q: %d parts %+v, want %d", tc.q, len(q.Parts), q.Parts, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			p := q.Parts[i]
			if p.Key != w.key || !slices.Equal(p.Wants, w.wants) || p.Change != w.change {
				t.Errorf("%q part %d = {%q %v change=%v}, want {%q %v change=%v}", tc.q, i, p.Key, p.Wants, p.Change, w.key, w.wants, w.change)
			}
		}
	}
}

// A follow-up with no key word has its own words made key, whatever their
// kind: they are all it asks. Words naming no thing stay as they are.
func TestFollowUpWordsAreKey(t *testing.T) {
	for _, tc := range []struct {
		terms []Term
		want  []bool
	}{
		{[]Term{{Text: "海"}, {Text: "联运"}, {Text: "的", Soft: true}}, []bool{false, true, false}},
		{[]Term{{Text: "加起来"}}, []bool{false}},
		// A key word already there is what the follow-up asks.
		{[]Term{{Text: "集装箱", Key: true}, {Text: "出来"}}, []bool{true, false}},
	} {
		keyFollowUp(tc.terms)
		for i, want := range tc.want {
			if tc.terms[i].Key != want {
				t.Errorf("%v: term %q key = %v, want %v", tc.terms, tc.terms[i].Text, tc.terms[i].Key, want)
			}
		}
	}
}

func TestFollowUpScope(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"东区GDP全省排第几？西区呢", ScopeProvince},
		{"全省有几个甲级景区？东区呢", ""},
	} {
		if got := Analyze(tc.q).Parts[1].Scope; got != tc.want {
			t.Errorf("%q: follow-up scope %q, want %q", tc.q, got, tc.want)
		}
	}
}

// A follow-up naming only an area (乙省呢, 全国呢) asks of it what the part
// before asked: the words carried over are its own, key as they would be
// there, so a sentence naming the area alone does not answer it.
func TestFollowUpOfAnAreaAsksTheMeasure(t *testing.T) {
	lex := Lexicon{Segment: nounSegmenter([]string{"吞吐量", "集装箱", "乙省", "全国"}), Setting: Setting{IsPlace: func(w string) bool { return w == "乙省" }}}
	for _, tc := range []struct {
		q       string
		ownWord string // a carried word the follow-up must hold as its own
		want    bool
	}{
		{"集装箱吞吐量多少？乙省呢", "吞吐量", true},
		{"集装箱吞吐量多少？全国呢", "吞吐量", true},
		// A follow-up naming a thing of its own keeps the rest as context.
		{"吞吐量多少？集装箱呢", "吞吐量", false},
	} {
		parts := Analyze(tc.q).Parts
		if len(parts) != 2 {
			t.Fatalf("%s: %d parts, want 2", tc.q, len(parts))
		}
		got := false
		terms := Terms(parts[1], lex)
		for _, term := range terms {
			if term.Text == tc.ownWord {
				got = term.Key && !term.Context
			}
		}
		if got != tc.want {
			t.Errorf("%s: carried %q own and key = %v, want %v", tc.q, tc.ownWord, got, tc.want)
		}
		// Its character pairs are asked too (bigrams).
		if asked := askedText(Asked{Part: parts[1], Terms: terms}); strings.Contains(asked, tc.ownWord) != tc.want {
			t.Errorf("%s: asked text %q, want %q in it: %v", tc.q, asked, tc.ownWord, tc.want)
		}
	}
}
