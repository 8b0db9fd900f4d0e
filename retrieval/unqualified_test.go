package retrieval

import (
	"testing"

	"yearbookbot/retrieval/extract"
)

func TestPreferUnqualified(t *testing.T) {
	para := "公交线路312条，公交运营车辆4210辆，全年公交客运量3.86亿人次。新开通定制公交线路26条。"
	for _, tc := range []struct {
		q, fact, want string
	}{
		{"公交线路有几条", "新开通定制公交线路26条。", "公交线路312条"},
		{"全市有几条公交线", "新开通定制公交线路26条。", "公交线路312条"},
		// The qualifier asked, or a word too short to tell one thing.
		{"定制公交线路有几条", "新开通定制公交线路26条。", "新开通定制公交线路26条。"},
		{"线路有几条", "新开通定制公交线路26条。", "新开通定制公交线路26条。"},
	} {
		asked := []extract.Asked{{Part: extract.Part{Text: tc.q}}}
		chosen := []extract.Fact{{Passage: 0, Text: tc.fact, Parts: []int{0}}}
		got := preferUnqualified(asked, chosen, []Hit{{Text: para}})
		if got[0].Text != tc.want {
			t.Errorf("%s: %q, want %q", tc.q, got[0].Text, tc.want)
		}
	}
}

func TestQualifierBefore(t *testing.T) {
	for _, tc := range []struct {
		text, w, qual string
		ok            bool
	}{
		{"新开通定制公交线路26条", "公交线路", "定制", true},
		{"定制公交线路共计26条", "公交线路", "定制", true},
		{"定制公交线路共计运营26条", "公交线路", "", false},    // three characters before the figure
		{"公交线路312条", "公交线路", "", false},         // nothing before it
		{"新开公交线路,运营26条", "公交线路", "", false},     // no figure right after
		{"新开公交线路,定制公交线路9条", "公交线路", "定制", true}, // the first place that fits
	} {
		qual, ok := qualifierBefore(tc.text, tc.w)
		if qual != tc.qual || ok != tc.ok {
			t.Errorf("qualifierBefore(%q, %q) = %q, %v; want %q, %v", tc.text, tc.w, qual, ok, tc.qual, tc.ok)
		}
	}
}
