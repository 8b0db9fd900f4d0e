package extract

import "math"

// windowView is what the features read of a window's text whatever the
// question: the text in canonical form (countedOnly reads it) and its
// length feature. Every question reads them again for the same windows,
// so Prepare computes them once for each window the walker visits.
type windowView struct {
	canon  string
	length float64 // FLength
}

// windowViewsOf are the views of a sentence's windows (see
// walker.sentence): clause runs up to maxWindowClauses long, run (i, j)
// at i*maxWindowClauses+j-i, then the whole sentence when it is longer.
func windowViewsOf(text string, cs []clause) []windowView {
	n := len(cs)
	out := make([]windowView, n*maxWindowClauses+1)
	for i := range n {
		for j := i; j < n && j < i+maxWindowClauses; j++ {
			out[i*maxWindowClauses+j-i] = viewOf(text, &cs[i], &cs[j])
		}
	}
	if n > maxWindowClauses {
		out[n*maxWindowClauses] = viewOf(text, &cs[0], &cs[n-1])
	}
	return out
}

func viewOf(text string, first, last *clause) windowView {
	return windowView{
		canon:  Canon(text[first.r.Start:last.r.End]),
		length: lengthFeature(last.runeEnd - first.runeStart),
	}
}

func lengthFeature(runes int) float64 { return math.Log1p(float64(runes)) / 5 }

// view is window w's view, ok false for a window Prepare did not read
// (one not bounded by its clauses, or a run no walker visits).
func (p *Prepared) view(w window) (v windowView, ok bool) {
	s := &p.sentences[w.sent]
	cs := s.clauses
	if w.r != (Range{cs[w.first].r.Start, cs[w.last].r.End}) {
		return windowView{}, false
	}
	k := w.first*maxWindowClauses + w.last - w.first
	switch {
	case w.last-w.first < maxWindowClauses:
	case w.first == 0 && w.last == len(cs)-1:
		k = len(cs) * maxWindowClauses
	default:
		return windowView{}, false
	}
	if k >= len(s.views) {
		return windowView{}, false
	}
	return s.views[k], true
}

// windowCanon is Canon of window w's text.
func (p *Prepared) windowCanon(w window) string {
	if v, ok := p.view(w); ok {
		return v.canon
	}
	return Canon(p.text[w.r.Start:w.r.End])
}

// windowLength is window w's length feature.
func (p *Prepared) windowLength(w window) float64 {
	if v, ok := p.view(w); ok {
		return v.length
	}
	return lengthFeature(p.runeCount(w))
}
