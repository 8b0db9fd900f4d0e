package corpus

import (
	"slices"
	"testing"
)

func TestProvinceNames(t *testing.T) {
	names := ProvinceNames()
	for _, want := range []string{"浙江省", "浙江", "内蒙古自治区", "内蒙古"} {
		if !slices.Contains(names, want) {
			t.Errorf("ProvinceNames() lacks %q", want)
		}
	}
	// A municipality's documents call it 全市: a city, not a province.
	for _, not := range []string{"杭州市", "杭州", "中国", "全国", "北京市", "北京"} {
		if slices.Contains(names, not) {
			t.Errorf("ProvinceNames() holds %q, no province", not)
		}
	}
	for i := 1; i < len(names); i++ {
		if len(names[i]) > len(names[i-1]) {
			t.Fatalf("ProvinceNames() not longest first at %q", names[i])
		}
	}
}
