package retrieval

import (
	"slices"
	"strconv"
	"testing"
)

// The kept forms are measureFormsOf's, asked again or not, per measure
// word, term and documents; no more are kept than the bound.
func TestMeasureFormsCachedAsScan(t *testing.T) {
	e := tableEngine(t, "# 虚构县年鉴2024\n\n## 交通\n\n### 公交\n\n全县公交运营车辆420辆，出租汽车1200辆，公交线路36条。\n")
	for _, tc := range []struct {
		unit rune
		term string
		docs []int
		want []string
	}{
		{'辆', "公交车", nil, []string{"公交运营车辆"}},
		{'辆', "公交车", []int{0}, []string{"公交运营车辆"}},
		{'辆', "公交车", []int{}, nil}, // no document
		{'条', "公交车", nil, nil},
		{'辆', "出租车", nil, []string{"出租汽车"}},
	} {
		for round := range 2 {
			if got := e.measureFormsCached(tc.unit, tc.term, tc.docs); !slices.Equal(got, tc.want) || !slices.Equal(got, e.measureFormsOf(tc.unit, tc.term, tc.docs)) {
				t.Errorf("round %d: measureFormsCached(%q, %q, %v) = %q, want %q", round, tc.unit, tc.term, tc.docs, got, tc.want)
			}
		}
	}
	for i := range maxMeasureForms + 5 {
		e.measureFormsCached('个', "某"+strconv.Itoa(i), nil)
	}
	if n := e.measureCache.n.Load(); n != maxMeasureForms {
		t.Errorf("%d kept, want %d", n, maxMeasureForms)
	}
}
