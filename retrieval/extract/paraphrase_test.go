package extract

import (
	"slices"
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

// A count of kinds (三大产业) is read, and answers only a question asking
// how many kinds (几大).
func TestCountsOfKinds(t *testing.T) {
	text := "港口、物流、会展等三大产业稳步发展,带动一大批项目落地。"
	var kinds []Figure
	for _, f := range Figures(text) {
		if f.Unit == "大" {
			kinds = append(kinds, f)
		}
	}
	if len(kinds) != 1 || kinds[0].Text(text) != "三大" {
		t.Fatalf("counts of kinds in %q = %v, want only 三大", text, kinds)
	}
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"这个攻势讲的是几大产业", true},
		{"这个攻势带动了多少项目", false},
	} {
		p := Analyze(tc.q).Parts[0]
		if got := acceptable(kinds[0], text, p); got != tc.want {
			t.Errorf("三大 answers %q: %v, want %v", tc.q, got, tc.want)
		}
	}
}
