package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestFiguresReadListSizes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"入选“2020年中国夜间经济二十强城市”", []string{"二十强"}},
		{"入选“全球独角兽企业500强”", []string{"500强"}},
		{"居中国县域经济“百强榜”", nil},
	} {
		var got []string
		for _, f := range Figures(tc.text) {
			if f.Kind == KindNumber && f.Unit == "强" {
				got = append(got, f.Text(tc.text))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Figures(%q) sized lists = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestSelectAnswersHowManyBest(t *testing.T) {
	q := "夜间经济在全国排进多少强了"
	p := Analyze(q).Parts[0]
	if !slices.Contains(p.Wants, WantRank) || p.Unit != "强" {
		t.Fatalf("Analyze(%q) wants %v unit %q, want rank in 强", q, p.Wants, p.Unit)
	}
	night := Passage{Chapter: "国际时尚城建设攻势", Section: "发展城市时尚文化",
		Text: "2020年,青岛市召开民营经济创意会3场。入选“2020年中国夜间经济二十强城市”。"}
	if fs := ask(q, []string{"夜间经济", "民营经济"}, night); len(fs) != 1 || !strings.Contains(fs[0].Text, "二十强") {
		t.Errorf("%s: got %q, want the clause with 二十强", q, factTexts(fs))
	}
}

func TestSelectTakesTheWholeForItsParts(t *testing.T) {
	// 整个 says the whole is asked, a word the text never writes.
	q := "整个片区试点任务实施了多少项"
	zone := Passage{Chapter: "双招双引攻势", Section: "招商引资主要成效",
		Text: "2020年,青岛片区106项试点任务实施98项、实施率超过九成。"}
	if fs := ask(q, []string{"整个", "片区", "试点", "任务"}, zone); len(fs) != 1 || !strings.Contains(fs[0].Text, "98项") {
		t.Errorf("%s: got %q, want the clause with 98项", q, factTexts(fs))
	}
}

func TestCoordinatedNamesShareTheirHead(t *testing.T) {
	private := Term{Text: "民企", Alts: []string{"民营企业"}}
	private.compile()
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"发出“全市民营和中小企业有序参与”倡议", true},
		{"民营、国有企业", true},
		{"壮大民营经济和中小企业", false},
		{"民营经济", false},
	} {
		if got := coordinatedIn(private, Canon(tc.text)); got != tc.want {
			t.Errorf("coordinatedIn(民企, %q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
