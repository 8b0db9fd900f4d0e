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
	nouns := append([]string{"人才", "比例", "里程", "排", "占", "景区", "内河", "货运量"}, places...)
	tests := []struct {
		q     string
		frame bool
	}{
		{"东市人才占甲省全省的比例", true},
		{"东市里程在甲省排第几", true},
		{"东市里程甲省内排第几", true},
		{"甲省全省人才多少", false},      // the province's own figure asked
		{"甲省内有多少个景区", false},     // a count of the area
		{"在甲省有多少个景区", false},     // a count of the area
		{"全甲省景区排第几", false},      // what is ranked
		{"东市人才占乙省的比例", false},    // holds no own place
		{"东市人才在甲省路排第几", false},   // a street's name
		{"甲省内河货运量增长百分之几", false}, // 内河 is a word of its own
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

// A frame is neither a place the sentence misses nor a name it lacks;
// without the setting's Encloses it is both.
func TestFrameIsNotMissed(t *testing.T) {
	isPlace := func(w string) bool { return w == "甲省" }
	nouns := []string{"人才", "比例", "甲省", "东市"}
	p := Passage{Text: "东市人才占全省的30%。"}
	for _, tc := range []struct {
		s    Setting
		miss bool
	}{
		{Setting{IsPlace: isPlace, Encloses: func(w string) bool { return w == "甲省" }}, false},
		{Setting{IsPlace: isPlace}, true},
	} {
		x := featuresIn(t, tc.s, "东市人才占甲省的比例", nouns, p, p.Text)
		if got := x[FPlaceMiss] > 0 || x[FProperMiss] > 0; got != tc.miss {
			t.Errorf("encloses set %v: place_miss %.0f, proper_miss %.0f, want missed %v", tc.s.Encloses != nil, x[FPlaceMiss], x[FProperMiss], tc.miss)
		}
	}
}
