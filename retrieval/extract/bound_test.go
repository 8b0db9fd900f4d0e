package extract

import "testing"

// A threshold qualifying the things counted after it is no value of
// theirs: it answers only a question asking the threshold.
func TestBoundFigures(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		bound     bool
	}{
		{"资产超过100亿元的企业达7家", "100亿元", true},
		{"资产超过100亿元的企业达7家", "7家", false},
		{"投资5亿元以上的项目20个", "5亿元", true},
		{"投资5亿元及以上的项目20个", "5亿元", true},
		{"营业收入超过100亿元", "100亿元", false},
		{"人口超过50万人的县有3个", "50万人", true},
		{"增速高于全市3个百分点", "3个百分点", false},
		{"投资5亿元以上,增长3%", "5亿元", false},
		{"投资10亿元以上项目20个", "10亿元", true},
		// A bounded share is the share; a bounded value with no count
		// after it is the value.
		{"全区80%以上的行政村通公交", "80%", false},
		{"完成超过50亿元的固定资产投资", "50亿元", false},
		// A list item ends the words read for the count.
		{"新增规上企业30家以上、高新技术企业50家", "30家", false},
		{"完成投资100亿元以上、新开工项目20个", "100亿元", false},
		// A count after a magnitude counts too.
		{"年产值500万元以上企业1.5万家", "500万元", true},
	} {
		got, ok := figureIn(readFigures(tc.text), tc.text, tc.fig)
		if !ok {
			t.Fatalf("%q: no figure %q", tc.text, tc.fig)
		}
		if got.bound != tc.bound {
			t.Errorf("%q: bound(%s) = %v, want %v", tc.text, tc.fig, got.bound, tc.bound)
		}
	}
}

func TestBoundFiguresAnswerOnlyAThresholdAsked(t *testing.T) {
	text := "资产超过100亿元的企业达7家"
	figs := readFigures(text)
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"甲企业利润多少亿元", false},
		{"资产超过多少亿元的企业有7家", true},
		{"投资多少亿元以上的项目有20个", true},
		{"全市有多少家规模以上工业企业", false},
		{"甲企业资产达到多少亿元", false},
	} {
		p := Analyze(tc.q).Parts[0]
		if got := acceptable(figs[0], text, p); got != tc.want {
			t.Errorf("%q: acceptable(%s) = %v, want %v", tc.q, figs[0].Text(text), got, tc.want)
		}
	}
}
