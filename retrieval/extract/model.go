package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Model holds the fitted weights of the answer selector: Rank orders the
// candidates of a part (a pairwise logistic ranker: the right window
// against the others of the same question), Accept turns the winner's
// score and features into the probability that it answers, and Threshold
// is the probability below which the part is refused. Every number comes
// from `go run ./retrieval/internal/fit`, never from hand tuning.
type Model struct {
	Rank        Features
	AcceptBias  float64
	AcceptScore float64
	Accept      Features
	Threshold   float64
}

// ModelFile is the JSON form of a model: weights by feature name, so a
// file stays readable and a renamed feature fails loudly.
type ModelFile struct {
	Rank        map[string]float64 `json:"rank"`
	AcceptBias  float64            `json:"accept_bias"`
	AcceptScore float64            `json:"accept_score"`
	Accept      map[string]float64 `json:"accept"`
	Threshold   float64            `json:"threshold"`
}

// Weights is the whole weights file: the model fitted on every question
// set, and one per held-out author (fitted without that author's
// questions), which is how question sets are judged honestly.
type Weights struct {
	// Source says how the file was made (command, sets, date).
	Source string               `json:"source"`
	Model  ModelFile            `json:"model"`
	Folds  map[string]ModelFile `json:"folds"`
}

//go:embed weights.json
var weightsJSON []byte

// DefaultWeights parses the embedded weights file.
func DefaultWeights() (Weights, error) {
	var w Weights
	if err := json.Unmarshal(weightsJSON, &w); err != nil {
		return w, fmt.Errorf("embedded weights.json: %w", err)
	}
	return w, nil
}

// Compile turns a model file into a Model, checking every name.
func (f ModelFile) Compile() (*Model, error) {
	m := &Model{AcceptBias: f.AcceptBias, AcceptScore: f.AcceptScore, Threshold: f.Threshold}
	var err error
	if m.Rank, err = byName(f.Rank); err != nil {
		return nil, fmt.Errorf("rank weights: %w", err)
	}
	if m.Accept, err = byName(f.Accept); err != nil {
		return nil, fmt.Errorf("accept weights: %w", err)
	}
	return m, nil
}

// File is the JSON form of m.
func (m *Model) File() ModelFile {
	return ModelFile{Rank: m.Rank.Map(), AcceptBias: m.AcceptBias, AcceptScore: m.AcceptScore, Accept: m.Accept.Map(), Threshold: m.Threshold}
}

func byName(ws map[string]float64) (Features, error) {
	var x Features
	for name, v := range ws {
		i := featureIndex(name)
		if i < 0 {
			return x, fmt.Errorf("unknown feature %q", name)
		}
		x[i] = v
	}
	return x, nil
}

func featureIndex(name string) Feature {
	for i, n := range featureNames {
		if n == name {
			return Feature(i)
		}
	}
	return -1
}

func (m *Model) score(x Features) float64 { return dot(m.Rank, x) }

// accept is the probability that a part's best candidate answers it.
func (m *Model) accept(score float64, x Features) float64 {
	return sigmoid(m.AcceptBias + m.AcceptScore*score + dot(m.Accept, x))
}

func dot(w, x Features) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Score is the ranking score of a candidate with features x.
func (m *Model) Score(x Features) float64 { return m.score(x) }

// AcceptProb is the probability that a part's best candidate, with
// features x, answers it.
func (m *Model) AcceptProb(x Features) float64 { return m.accept(m.score(x), x) }
