package extract

// WithRivals returns winner's features as the answer model reads them:
// with FRivalCover, how much more of the question the best covered
// sentence among the part's candidates (bestCover, their highest
// FCoverSent) covers than the winner's. A winner chosen for its figure
// (the asked unit, a count) while another sentence holds more of the
// question's words has often answered a neighbouring subject: the
// question's own subject is in that other sentence, in another unit or
// not at all. Ranking cannot use it (it compares every candidate with
// the rest), so it is set on the winner only, here and in the fit.
func WithRivals(winner Features, bestCover float64) Features {
	winner[FRivalCover] = max(0, bestCover-winner[FCoverSent])
	return winner
}

// BestCover is the highest FCoverSent of xs, the features of a part's
// candidates that no veto removed; 0 when there are none.
func BestCover(xs []Features) float64 {
	best := 0.0
	for i := range xs {
		best = max(best, xs[i][FCoverSent])
	}
	return best
}
