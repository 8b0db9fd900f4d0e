package retrieval

import (
	"slices"
	"testing"
)

func TestMeasureForms(t *testing.T) {
	e := tableEngine(t, `# 虚构县年鉴2024

## 交通

### 公交

全县公交运营车辆420辆，出租汽车1200辆，公交线路36条。
`)
	for _, tc := range []struct {
		q, term string
		want    []string
	}{
		{"公交车一共几辆", "公交车", []string{"公交运营车辆"}},
		{"出租车有多少辆", "出租车", []string{"出租汽车"}},
		// No figure counted with the measure word asked, none asked, a
		// term the yearbook writes, a term too short to tell.
		{"公交车有几条", "公交车", nil},
		{"公交车多少", "公交车", nil},
		{"公交线路几条", "公交线路", nil},
		{"车辆几辆", "车辆", nil},
	} {
		if got := e.measureForms(tc.q, tc.term, nil); !slices.Equal(got, tc.want) {
			t.Errorf("%s (%s): %v, want %v", tc.q, tc.term, got, tc.want)
		}
	}
}
