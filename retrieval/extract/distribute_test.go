package extract

import (
	"slices"
	"testing"
)

func TestDistribute(t *testing.T) {
	tests := []struct {
		seg  string
		want []string
	}{
		{"港口和机场各多少", []string{"港口多少", "机场多少"}},
		{"甲、乙和丙分别是多少", []string{"甲是多少", "乙是多少", "丙是多少"}},
		{"东区和西区的投资额各是多少", []string{"东区的投资额是多少", "西区的投资额是多少"}},
		{"各区投资多少", []string{"各区投资多少"}},         // 各 opens the question: no list
		{"港口和机场哪个多", []string{"港口多少", "机场多少"}}, // a comparison asks each item's figure
		{"平度还是莱西谁的增速高", []string{"平度的增速多少", "莱西的增速多少"}},
		{"东区和西区产值谁高", []string{"东区产值多少", "西区产值多少"}}, // the figure word after the last item is every item's
		{"东区和西区固投各多少", []string{"东区固投多少", "西区固投多少"}},
		{"东区和西区固投增速哪个高", []string{"东区固投增速多少", "西区固投增速多少"}},
		{"甲港集装箱量和乙线运营里程各多少", []string{"甲港集装箱量多少", "乙线运营里程多少"}}, // a subject of its own before the last
		{"甲港箱量和乙线运营里程各多少", []string{"甲港箱量多少", "乙线运营里程多少"}},     // a measure of its own
		{"东区和西区工业产值谁高", []string{"东区和西区工业产值谁高"}},               // items of two shapes: nothing shared
		{"东区和西区企业数各多少", []string{"东区和西区企业数各多少"}},               // 数 ends 企业数, not a word of its own
		{"哪个区投资最多", []string{"哪个区投资最多"}},                       // no items named
		{"东区和西区在全省榜单上各排第几", []string{"东区和西区在全省榜单上各排第几"}},       // shared words after the last item
		{"港口和机场各自的情况", []string{"港口和机场各自的情况"}},                 // nothing asked after 各自
		{"东区投资规模和西区企业数量", []string{"东区投资规模多少", "西区企业数量多少"}},    // two figures named side by side
		{"东区县域排名和西区营商榜单排名", []string{"东区县域排名", "西区营商榜单排名"}},    // each side asks its rank already
		{"港口吞吐量和机场旅客人数是多少", []string{"港口吞吐量是多少", "机场旅客人数是多少"}},
		{"港口吞吐量和增速", []string{"港口吞吐量和增速"}},   // the second figure is the first's
		{"港口和机场的吞吐量", []string{"港口和机场的吞吐量"}}, // one figure word, after both
		{"东区的人口总数和西区新落户的高新技术企业数分别多少", []string{"东区的人口总数多少", "西区新落户的高新技术企业数多少"}},
	}
	for _, tt := range tests {
		if got := distribute(tt.seg); !slices.Equal(got, tt.want) {
			t.Errorf("distribute(%q) = %q, want %q", tt.seg, got, tt.want)
		}
	}
}
