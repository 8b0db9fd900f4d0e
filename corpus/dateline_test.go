package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDocumentStart(t *testing.T) {
	g := NewGazetteer()
	for _, tc := range []struct {
		text  string
		place string
		year  int
		ok    bool
	}{
		{"——2026年1月27日在山东省第十四届人民代表大会第四次会议上", "山东省", 2026, true},
		{"2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。", "北京市", 2025, true},
		{"——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上", "甘肃省", 2026, true},
		{"——2026年1月26日在广东省第十四届", "广东省", 2026, true},
		{"（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）", "贵州省", 2026, true},
		{"山东省2025年政府工作报告", "山东省", 2025, true},
		// Sentences of a report or a yearbook open nothing.
		{"2月3日，湖南省第十四届人民代表大会第四次会议在省人民会堂开幕。省长毛伟明作政府工作报告。", "", 0, false},
		{"2020年6月28日在青岛举行开工仪式。", "", 0, false},
		{"2020年，青岛市第十六届人民代表大会第四次会议召开。", "", 0, false},
		{"——这五年综合经济实力大幅提升", "", 0, false},
	} {
		place, year, ok := documentStart(g, tc.text)
		if place != tc.place || year != tc.year || ok != tc.ok {
			t.Errorf("documentStart(%s) = %q %d %v, want %q %d %v", tc.text, place, year, ok, tc.place, tc.year, tc.ok)
		}
	}
}

func TestDatedLineIsNoCredit(t *testing.T) {
	if inner, ok := sourceLine("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）"); ok {
		t.Errorf("a dateline read as the credit %q", inner)
	}
	if _, ok := sourceLine("(市海洋发展局市发展改革委)"); !ok {
		t.Error("a credit line is not read as one")
	}
}

// TestProvincialReportsDatelines: each file of the 31 provinces' reports
// in the shared distractor library opens all 31 documents with a dateline
// giving a province and the year (issue #8).
func TestProvincialReportsDatelines(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared distractor library")
	}
	dir := filepath.Join("..", "..", "shared", "corpus", "distractors")
	abs, _ := filepath.Abs(dir)
	files, _ := filepath.Glob(filepath.Join(dir, "gov-work-reports-provincial-*.txt"))
	if len(files) == 0 {
		t.Fatalf("the test needs the provincial reports of the distractor library in %s (../shared/corpus/distractors beside the repository)", abs)
	}
	g := NewGazetteer()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		yb, err := Parse(filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		var provinces []string
		for _, p := range yb.Passages() {
			place, y, ok := documentStart(g, p.Paragraph.Text)
			if !ok || y == 0 || place == "" {
				continue
			}
			if cs := g.Codes(place); len(cs) > 0 && len(cs[0]) == 2 && !slices.Contains(provinces, place) {
				provinces = append(provinces, place)
			}
		}
		if len(provinces) != 31 {
			t.Errorf("%s: %d provinces' datelines recognised, want 31: %s", filepath.Base(f), len(provinces), strings.Join(provinces, " "))
		}
	}
}
