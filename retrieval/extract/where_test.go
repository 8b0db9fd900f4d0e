package extract

import "testing"

// A where question is met by a sentence naming a place: one of the
// documents' areas, a division the gazetteer knows, a town or a venue;
// the documents' own place does not say where.
func TestPlaceUnnamed(t *testing.T) {
	s := Setting{
		PlaceWords: []string{"甲市"},
		Areas:      []string{"东区"},
		PlacesIn: func(text string) []string {
			if containsAny(text, []string{"乙省"}) {
				return []string{"乙省"}
			}
			if containsAny(text, []string{"甲市"}) {
				return []string{"甲市"}
			}
			return nil
		},
	}
	nouns := []string{"灯会", "游客"}
	tests := []struct {
		q, text string
		want    float64
	}{
		{"灯会在哪办的", "甲市灯会吸引游客20万人次。", 1},
		{"灯会在哪个区办的", "全国首个灯会吸引游客20万人次。", 1},
		{"灯会在哪办的", "灯会在东区举办,吸引游客20万人次。", 0},
		{"灯会在哪办的", "灯会在乙省举办,吸引游客20万人次。", 0},
		{"灯会在哪办的", "灯会在甲河镇举办,吸引游客20万人次。", 0},
		{"灯会在哪办的", "灯会在三河广场举办,吸引游客20万人次。", 0},
		{"灯会在哪办的", "灯会在甲河小镇举办,吸引游客20万人次。", 0},
		{"灯会在哪办的", "甲河镇村民办灯会,吸引游客20万人次。", 0},
		{"灯会在哪办的", "全区涉农镇街都办灯会,吸引游客20万人次。", 1},
		// 城镇 and 每个镇 are no town's name.
		{"灯会在哪办的", "全市城镇居民观看灯会,吸引游客20万人次。", 1},
		{"灯会在哪办的", "灯会办到每个镇,吸引游客20万人次。", 1},
		{"灯会吸引多少游客", "甲市灯会吸引游客20万人次。", 0},
	}
	for _, tt := range tests {
		x := featuresIn(t, s, tt.q, nouns, Passage{Text: tt.text}, tt.text)
		if x[FPlaceUnnamed] != tt.want {
			t.Errorf("%s in %q: place_unnamed = %v, want %v", tt.q, tt.text, x[FPlaceUnnamed], tt.want)
		}
	}
}

// Where-words that ask something else: a year, a market, a level.
func TestAsksWhere(t *testing.T) {
	for q, want := range map[string]bool{
		"灯会在哪办的":         true,
		"甲公司落户哪个区":       true,
		"灯会在哪一年开始办的":     false,
		"甲企业出口到哪个市场":     false,
		"甲园区获评哪个国家级称号":   false,
		"甲企业在哪些方面有突破":    false,
		"灯会在哪个公园举办":      true,
		"灯会在哪座城市举办":      true,
		"灯会在哪几年办的":       false,
		"甲公司在哪个平台上线":     false,
		"甲企业在哪两个方面有突破":   false,
		"乙协会和哪些城市联合办展":   true,
		"甲企业用哪个区块链平台":    false,
		"哪个区三年内完成改造":     true,
		"灯会在哪个社区办的":      true,
		"甲企业在哪个市场销量最高":   false,
		"甲企业几乎在哪些地方都有分厂": true,
		"甲企业在哪些国家设了分公司":  true,
	} {
		if got := AsksWhere(Analyze(q).Parts[0]); got != want {
			t.Errorf("AsksWhere(%s) = %v, want %v", q, got, want)
		}
	}
}
