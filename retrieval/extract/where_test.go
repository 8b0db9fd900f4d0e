package extract

import "testing"

// A where question is met by a sentence naming a place: one of the
// documents' areas, a division the gazetteer knows or a town; the
// documents' own place and the country do not say where.
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
		{"灯会在哪办的", "灯会在河口镇举办,吸引游客20万人次。", 0},
		{"灯会吸引多少游客", "甲市灯会吸引游客20万人次。", 0},
	}
	for _, tt := range tests {
		x := featuresIn(t, s, tt.q, nouns, Passage{Text: tt.text}, tt.text)
		if x[FPlaceUnnamed] != tt.want {
			t.Errorf("%s in %q: place_unnamed = %v, want %v", tt.q, tt.text, x[FPlaceUnnamed], tt.want)
		}
	}
}
