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
