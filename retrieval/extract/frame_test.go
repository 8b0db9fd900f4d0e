package extract

import (
	"slices"
	"testing"
)

// A place holding the documents' own one, named as the area a share or
// rank is within, is a frame: no place asked, so a sentence writing 全省
// misses nothing. Named as what is asked about, or when it holds no own
// place, it stays a place.
func TestFrames(t *testing.T) {
	places := []string{"甲省", "乙省", "东市"}
	s := Setting{
		IsPlace:  func(w string) bool { return slices.Contains(places, w) },
		Encloses: func(w string) bool { return w == "甲省" },
	}
	nouns := append([]string{"人才", "比例", "里程", "排", "占", "景区"}, places...)
	tests := []struct {
		q     string
		frame bool
	}{
		{"东市人才占甲省全省的比例", true},
		{"东市里程在甲省排第几", true},
		{"东市里程甲省内排第几", true},
		{"甲省全省人才多少", false},    // the province's own figure asked
		{"甲省内有多少个景区", false},   // a count of the area
		{"在甲省有多少个景区", false},   // a count of the area
		{"全甲省景区排第几", false},    // what is ranked
		{"东市人才占乙省的比例", false},  // holds no own place
		{"东市人才在甲省路排第几", false}, // a street's name
	}
	for _, tc := range tests {
		part := Analyze(tc.q).Parts[0]
		frame := false
		for _, term := range Terms(part, Lexicon{Segment: nounSegmenter(nouns), Setting: s}) {
			if term.Text == "甲省" || term.Text == "乙省" {
				frame = term.Frame
			}
		}
		if frame != tc.frame {
			t.Errorf("%s: frame = %v, want %v", tc.q, frame, tc.frame)
		}
	}
}
