package fitting

import "math"

// newtonIterations bounds Newton's method; it converges in far fewer on
// the answer model's few thousand rows.
const newtonIterations = 50

// newtonLogistic fits L2-regularized logistic regression by Newton's
// method (iteratively reweighted least squares) to convergence. The
// answer model has one row per question part and a few dozen features, so
// the exact optimum is cheap, and unlike a fixed number of gradient steps
// it gives a rare disagreement (another currency, another year) its full
// weight. Column 0 is the bias and is not regularized.
func newtonLogistic(rows [][]float64, ys []float64, lambda float64) []float64 {
	n := len(rows[0])
	w := make([]float64, n)
	for range newtonIterations {
		g := make([]float64, n)
		h := make([][]float64, n)
		for i := range h {
			h[i] = make([]float64, n)
		}
		for r, z := range rows {
			p := sigmoid(dotS(w, z))
			s := p * (1 - p)
			for i := range z {
				g[i] += (p - ys[r]) * z[i]
				for j := range z {
					h[i][j] += s * z[i] * z[j]
				}
			}
		}
		m := float64(len(rows))
		for i := range g {
			g[i] /= m
			for j := range h[i] {
				h[i][j] /= m
			}
			if i > 0 {
				g[i] += lambda * w[i]
				h[i][i] += lambda
			}
			// A feature constant in every row leaves h singular; a tiny ridge keeps the step defined.
			h[i][i] += 1e-9
		}
		step := solve(h, g)
		size := 0.0
		for i := range w {
			w[i] -= step[i]
			size = math.Max(size, math.Abs(step[i]))
		}
		if size < 1e-8 {
			break
		}
	}
	return w
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting; a and b are overwritten.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if a[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for c := n - 1; c >= 0; c-- {
		if a[c][c] == 0 {
			continue
		}
		s := b[c]
		for k := c + 1; k < n; k++ {
			s -= a[c][k] * x[k]
		}
		x[c] = s / a[c][c]
	}
	return x
}
