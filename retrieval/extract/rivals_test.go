package extract

import "testing"

func TestWithRivals(t *testing.T) {
	var own, other Features
	own[FCoverSent], other[FCoverSent] = 0.5, 0.8
	if got := BestCover([]Features{own, other}); got != 0.8 {
		t.Errorf("BestCover = %v, want 0.8", got)
	}
	if got := WithRivals(own, 0.8)[FRivalCover]; got < 0.299 || got > 0.301 {
		t.Errorf("rival_cover of a winner covering 0.5 against 0.8 = %v, want 0.3", got)
	}
	if got := WithRivals(other, 0.8)[FRivalCover]; got != 0 {
		t.Errorf("rival_cover of the best covering winner = %v, want 0", got)
	}
}

// The picker gives its winner the rival coverage of every candidate it
// scored, whichever won.
func TestPickerSetsRivalCover(t *testing.T) {
	m := &Model{Threshold: 0.5}
	m.Rank[FUnitOK] = 1 // the figure in the asked unit wins
	k := picker{m: m}
	var inUnit, covering Features
	inUnit[FUnitOK], inUnit[FCoverSent] = 1, 0.4
	covering[FCoverSent] = 0.9
	for _, x := range []Features{inUnit, covering} {
		k.add(&Candidate{X: &x})
	}
	top, why := k.result()
	if top == nil || (*top.X)[FUnitOK] != 1 {
		t.Fatalf("winner %v, want the candidate in the asked unit", top)
	}
	if got := why.Features["rival_cover"]; got != 0.5 {
		t.Errorf("rival_cover = %v, want 0.5", got)
	}
}
