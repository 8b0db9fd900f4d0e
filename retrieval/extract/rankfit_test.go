package extract

import "testing"

func TestRankFits(t *testing.T) {
	tests := []struct {
		question, text string
		want           bool
	}{
		{"东区出口在全省排第几", "东区出口额居全省第3位", true},
		{"东区出口在全省排第几", "东区出口额居全国第30位", false},     // another area
		{"东区出口在全国排第几", "东区出口额保持全国前列", false},      // among the best is no place
		{"东区出口全国排名怎么样", "东区出口额保持全国前列", true},      // no place asked: it answers
		{"东区出口额全国排第几", "东区出口额增速居全国首位", false},     // a growth ranked
		{"东区出口增速全国排第几", "东区出口额增速居全国首位", true},     // the growth asked
		{"东区出口额全国排第几", "东区出口额增长12%,居全国第2位", true}, // the clause before the rank states no growth
		{"东区企业数量全国排第几", "东区企业数量和营收增长均居全国第一", false},
		{"东区工业全省排第几", "东区工业增加值居全省第2位", true}, // 增加值 is a level
	}
	for _, tc := range tests {
		if got := anyFits(t, KindRank, rankFits, tc.question, tc.text); got != tc.want {
			t.Errorf("rankFits(%q, %q) = %v, want %v", tc.question, tc.text, got, tc.want)
		}
	}
}

// anyFits reports whether fits accepts a figure of kind in text for
// question, failing the test when text holds none of that kind.
func anyFits(t *testing.T, kind Kind, fits func(Figure, string, Part) bool, question, text string) bool {
	t.Helper()
	p, _ := analyzePart(question)
	got, seen := false, 0
	for _, f := range Figures(text) {
		if f.Kind == kind {
			seen++
			got = got || fits(f, text, p)
		}
	}
	if seen == 0 {
		t.Fatalf("no figure of kind %v read in %q", kind, text)
	}
	return got
}

// An ordinal answers a rank unless it is the first of a sequence
// (首批: when, not where) or told within another area than the one asked.
func TestOrdinalFits(t *testing.T) {
	tests := []struct {
		question, text string
		want           bool
	}{
		{"甲中心数量在全国排第几", "东区建成全国首个甲中心", true},
		{"甲中心数量在全国排第几", "东区建成首个甲中心", true}, // no area told: as a rank
		{"甲中心数量在全国排第几", "东区5家机构入选首批甲中心", false},
		{"甲中心数量在全国排第几", "东区甲中心入选全国首批", false},
		{"甲中心数量在全国排第几", "东区建成全省首个甲中心", false},
		{"甲中心数量排第几", "东区5家机构入选首批甲中心", false},
		{"甲中心是第几批", "东区5家机构入选首批甲中心", true}, // the batch asked
	}
	for _, tc := range tests {
		if got := anyFits(t, KindOrdinal, ordinalFits, tc.question, tc.text); got != tc.want {
			t.Errorf("ordinalFits(%q, %q) = %v, want %v", tc.question, tc.text, got, tc.want)
		}
	}
}
