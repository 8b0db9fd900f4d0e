package extract

import (
	"slices"
	"strings"
	"testing"
)

// A part's passages are read in its own search's order, and their rank
// and score_ratio are its own: in a question of two parts, the second
// part's best passage is not ranked behind the first part's.
func TestPartReadsItsOwnRanking(t *testing.T) {
	pre := []*Prepared{
		Prepare(Passage{Text: "甲港货物吞吐量5亿吨。"}),
		Prepare(Passage{Text: "乙区新建公园12个。"}),
	}
	a := Asked{Part: Analyze("乙区新建公园几个").Parts[0]}
	a.Terms = Terms(a.Part, Lexicon{})
	for _, tc := range []struct {
		name      string
		rank      []Ranked
		wantRank  float64
		wantRatio float64
	}{
		{"its own best first", []Ranked{{1, 4}, {0, 8}}, 1, 0.5},
		{"behind another passage", []Ranked{{0, 8}, {1, 2}}, 0.5, 0.25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found := false
			for _, c := range Candidates(0, a, pre, tc.rank, Setting{}) {
				if c.Passage != 1 || c.X == nil {
					continue
				}
				found = true
				if c.X[FRank] != tc.wantRank || c.X[FScoreRatio] != tc.wantRatio {
					t.Errorf("rank %v score_ratio %v, want %v and %v", c.X[FRank], c.X[FScoreRatio], tc.wantRank, tc.wantRatio)
				}
			}
			if !found {
				t.Fatal("no scored window of the ranked passage")
			}
		})
	}
	// A passage its search did not find is not read for the part.
	cs := Candidates(0, a, pre, []Ranked{{0, 8}}, Setting{})
	if len(cs) == 0 {
		t.Fatal("no window of the passage found")
	}
	for _, c := range cs {
		if c.Passage != 0 {
			t.Errorf("read passage %d, which the part's search did not find", c.Passage)
		}
	}
}

// Two answered parts whose winners quote one same figure, and only it,
// ask two things: the part less likely answered is the one to re-pick.
// Items of one list may share a figure, and a window of two figures may
// answer two parts.
func TestSharingParts(t *testing.T) {
	fig := func(starts ...int) []Figure {
		var out []Figure
		for _, s := range starts {
			out = append(out, Figure{Start: s, End: s + 6})
		}
		return out
	}
	a := &Candidate{Passage: 0, figs: fig(10)}
	same := &Candidate{Passage: 0, figs: fig(10)}
	two := &Candidate{Passage: 0, figs: fig(10, 30)}
	other := &Candidate{Passage: 0, figs: fig(30)}
	elsewhere := &Candidate{Passage: 1, figs: fig(10)}
	answered := func(p ...float64) []PartWhy {
		var out []PartWhy
		for _, v := range p {
			out = append(out, PartWhy{Answered: v > 0, Accept: v})
		}
		return out
	}
	apart := []Asked{{}, {}, {}}
	listed := []Asked{{Part: Part{items: 1}}, {Part: Part{items: 1}}}
	for _, tc := range []struct {
		name  string
		asked []Asked
		tops  []*Candidate
		whys  []PartWhy
		want  []sharing
	}{
		{"the later part is weaker", apart[:2], []*Candidate{a, same}, answered(0.9, 0.7), []sharing{{1, 0}}},
		{"the earlier part is weaker", apart[:2], []*Candidate{a, same}, answered(0.7, 0.9), []sharing{{0, 1}}},
		{"three parts, in part order", apart, []*Candidate{a, same, same}, answered(0.9, 0.8, 0.7), []sharing{{1, 0}, {2, 0}, {2, 1}}},
		{"a window of two figures", apart[:2], []*Candidate{a, two}, answered(0.9, 0.7), nil},
		{"different figures", apart[:2], []*Candidate{a, other}, answered(0.9, 0.7), nil},
		{"another passage", apart[:2], []*Candidate{a, elsewhere}, answered(0.9, 0.7), nil},
		{"one part refused", apart[:2], []*Candidate{a, same}, answered(0.9, 0), nil},
		{"items of one list", listed, []*Candidate{a, same}, answered(0.9, 0.7), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sharingParts(tc.asked, tc.tops, tc.whys); !slices.Equal(got, tc.want) {
				t.Errorf("sharingParts = %v, want %v", got, tc.want)
			}
		})
	}
}

// Parts re-picked for a shared figure are re-picked in part order, the
// same way every time, and a part left with no window of its own keeps
// the figure it shares.
func TestChooseSharedFigureIsStable(t *testing.T) {
	nouns := []string{"东区", "西区", "南区", "口袋公园", "公园"}
	passages := []Passage{
		{Text: "东区、西区、南区各新建口袋公园10个。"},
		{Text: "全市新建口袋公园30个,其中东区12个。"},
	}
	q := "东区新建口袋公园多少个？西区新建口袋公园多少个？南区新建口袋公园多少个？"
	first := factTexts(ask(q, nouns, passages...))
	if len(first) == 0 {
		t.Fatal("no fact quoted")
	}
	for range 20 {
		if got := factTexts(ask(q, nouns, passages...)); !slices.Equal(got, first) {
			t.Fatalf("facts %q, then %q", first, got)
		}
	}
}

// inOrder ranks the passages in the order given, with these search
// scores (a passage past the end of scores scores 0).
func inOrder(scores []float64, passages int) []Ranked {
	out := make([]Ranked, passages)
	for i := range out {
		out[i].Passage = i
		if i < len(scores) {
			out[i].Score = scores[i]
		}
	}
	return out
}

// Two figures named side by side with no question word are asked each on
// its own, neither taking the other's words as context; one figure word
// after both stays one query.
func TestBareFiguresSideBySide(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"甲港货物吞吐量和乙港泊位数", []string{"甲港货物吞吐量多少", "乙港泊位数多少"}},
		{"甲港和乙港的吞吐量", []string{"甲港和乙港的吞吐量"}},
		{"货物和集装箱吞吐量", []string{"货物和集装箱吞吐量"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Analyze(tt.q).Parts {
			got = append(got, strings.TrimSpace(p.Text))
			if p.Context != "" {
				t.Errorf("%q: part %q takes context %q", tt.q, p.Text, p.Context)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Analyze(%q) parts %q, want %q", tt.q, got, tt.want)
		}
	}
}

// A later part naming a thing of its own does not carry the words of the
// parts before, but for places and names; one naming only a figure,
// pointing back or following up carries them all.
func TestStandingPartCarriesNoContext(t *testing.T) {
	seg := posSegmenter(map[string]string{"港口": "n", "吞吐量": "n", "地铁": "n", "运营": "vn", "里程": "n",
		"资产": "n", "企业": "n", "排名": "vn", "乙区": "ns", "甲集团": "nt", "员工": "n", "人数": "n",
		"千亿": "m", "集装箱": "n", "公司": "n"})
	lex := Lexicon{Segment: seg, Setting: Setting{Areas: []string{"乙区"}}}
	for _, tc := range []struct {
		q       string
		carries []string // the carried words the last part's terms hold
	}{
		{"港口吞吐量多少？地铁运营里程多少", nil},
		{"乙区港口吞吐量多少？地铁运营里程多少", []string{"乙区"}},
		{"甲集团资产多少？地铁运营里程多少", []string{"甲集团"}},
		{"港口吞吐量多少？它的排名呢", []string{"港口", "吞吐量"}},
		{"港口吞吐量多少？资产超千亿的几家", []string{"港口", "吞吐量"}},
		{"甲集团资产多少？员工人数多少", []string{"甲集团", "资产"}},
		{"甲集团资产多少？这家公司员工人数多少", []string{"甲集团", "资产"}},
		{"港口吞吐量多少？集装箱呢", []string{"港口", "吞吐量"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			parts := Analyze(tc.q).Parts
			if len(parts) != 2 {
				t.Fatalf("%d parts, want 2", len(parts))
			}
			var got []string
			for _, term := range Terms(parts[1], lex) {
				if term.Context {
					got = append(got, term.Text)
				}
			}
			if !slices.Equal(got, tc.carries) {
				t.Errorf("carried %q, want %q", got, tc.carries)
			}
		})
	}
}

// A character the dictionary tags as a morpheme (zg, ng) standing alone is
// a piece of a word it lacks: joined with its neighbours it is a term when
// the documents write it; a numeral is not such a piece.
func TestMorphemesJoinAsFragments(t *testing.T) {
	pos := map[string]string{"海": "n", "铁": "zg", "联运": "v", "两": "zg", "市": "n", "投资": "vn", "多少": "m"}
	seg := func(s string) []Token {
		var out []Token
		for _, w := range []string{"海", "铁", "联运", "两", "市", "投资", "多少"} {
			if strings.HasPrefix(s, w) {
				out, s = append(out, Token{Text: w, Pos: pos[w], Freq: 100, Known: true}), s[len(w):]
			}
		}
		return out
	}
	written := map[string]bool{"海铁": true, "两市": true}
	lex := Lexicon{Segment: seg, Seen: func(w string) bool { return written[w] }}
	for _, tc := range []struct {
		q    string
		want string // the fragment term, "" for none
	}{
		{"海铁联运多少", "海铁"},
		{"两市投资多少", ""},
	} {
		got := ""
		for _, term := range Terms(Analyze(tc.q).Parts[0], lex) {
			if term.Fragment {
				got = term.Text
			}
		}
		if got != tc.want {
			t.Errorf("%s: fragment %q, want %q", tc.q, got, tc.want)
		}
	}
}
