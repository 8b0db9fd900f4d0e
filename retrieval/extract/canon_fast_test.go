package extract

import (
	"strings"
	"testing"
)

// TestCanonUnchangedSeesEveryRewrite ties canonUnchanged's switch to the
// tables Canon rewrites with: a numeral, quote mark or 首 added to them
// and not to the switch would leave text unrewritten.
func TestCanonUnchangedSeesEveryRewrite(t *testing.T) {
	var rewritten []rune
	for r := range cnValue {
		rewritten = append(rewritten, r)
	}
	for r := range cnPower {
		rewritten = append(rewritten, r)
	}
	rewritten = append(rewritten, []rune(quoteMarks)...)
	rewritten = append(rewritten, '首')
	if canonUnchanged("全长8公里") {
		t.Error("canonUnchanged misses 公里, which Canon writes as 千米")
	}
	for _, r := range rewritten {
		s := "完成" + string(r) + "项"
		if canonUnchanged(s) && Canon(s) != s {
			t.Errorf("canonUnchanged(%q) = true, but Canon rewrites it to %q", s, Canon(s))
		}
		if hasNumeral(s) || strings.ContainsAny(s, quoteMarks) || strings.Contains(s, "首") {
			if canonUnchanged(s) {
				t.Errorf("canonUnchanged(%q) = true, want false", s)
			}
		}
	}
}

func TestCanonUnchanged(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"集装箱吞吐量2201万标准箱", true},
		{"二〇二〇年", false},
		{"〇", true}, // hasNumeral reads no 〇 alone, so Canon keeps it
		{"全国首批", false},
		{"区(市)", false},
		{"“天下青岛人”", false},
		{"千亿", false},
		{"\xff\xfe", true},
	} {
		if got := canonUnchanged(tc.in); got != tc.want {
			t.Errorf("canonUnchanged(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if tc.want && Canon(tc.in) != tc.in {
			t.Errorf("Canon(%q) = %q, want it unchanged", tc.in, Canon(tc.in))
		}
	}
}
