package fitting

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"yearbookbot/retrieval/extract"
)

// scratch experiments, not committed
func TestExp(t *testing.T) {
	path := os.Getenv("EXP_SAMPLES")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	var samples []Sample
	json.Unmarshal(b, &samples)
	if d := os.Getenv("EXP_DROP"); d != "" {
		i := featureIdx(d)
		for s := range samples {
			for p := range samples[s].Parts {
				for k := range samples[s].Parts[p].X {
					samples[s].Parts[p].X[k][i] = 0
				}
			}
		}
	}
	as := authors(samples)
	rankers := map[string]extract.Features{}
	rp := path + ".rankers"
	if b, err := os.ReadFile(rp); err == nil && os.Getenv("EXP_DROP") == "" {
		json.Unmarshal(b, &rankers)
	} else {
		for _, a := range as {
			train, _ := split(samples, a)
			rankers[a] = fitRanker(train)
		}
		b, _ := json.Marshal(rankers)
		if os.Getenv("EXP_DROP") == "" {
			os.WriteFile(rp, b, 0o644)
		}
	}
	for _, v := range []string{"adagrad", "newton0.1", "newton1", "adagrad-rows2", "adagrad-rows3"} {
		models := map[string]*extract.Model{}
		for _, a := range as {
			train, _ := split(samples, a)
			m := &extract.Model{Rank: rankers[a]}
			expAccept(m, train, v)
			models[a] = m
		}
		pooled := func(th float64) Outcome {
			var all Outcome
			for _, a := range as {
				_, test := split(samples, a)
				models[a].Threshold = th
				all = add(all, Judge(models[a], test))
			}
			return all
		}
		th := bestThreshold(pooled)
		o := pooled(th)
		fmt.Printf("%-16s th %.2f acc %.3f refused %d/%d FA %d/%d\n", v, th, o.Accuracy(), o.Refused, o.Unanswerable, o.FalseAbstained, o.Answerable)
		for _, a := range as {
			_, test := split(samples, a)
			o := Judge(models[a], test)
			fmt.Printf("   %-9s %.3f %d/%d %d\n", a, o.Accuracy(), o.Refused, o.Unanswerable, o.FalseAbstained)
		}
	}
}

func featureIdx(name string) int {
	var x extract.Features
	for i := range x {
		if extract.Feature(i).String() == name {
			return i
		}
	}
	panic(name)
}

func expAccept(m *extract.Model, samples []Sample, v string) {
	n := 1
	switch v {
	case "adagrad-rows2":
		n = 2
	case "adagrad-rows3":
		n = 3
	}
	var zs [][]float64
	var ys []float64
	for _, s := range samples {
		for _, p := range s.Parts {
			for _, i := range leaders(m, p, n) {
				zs = append(zs, append([]float64{1, m.Score(p.X[i])}, p.X[i][:]...))
				ys = append(ys, b2f(s.Answerable && p.Pos[i]))
			}
		}
	}
	var w []float64
	switch v {
	default:
		w = logistic(zs, ys, true)
	}
	m.AcceptBias, m.AcceptScore = w[0], w[1]
	copy(m.Accept[:], w[2:])
}

func TestExpDump(t *testing.T) {
	path := os.Getenv("EXP_SAMPLES")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	var samples []Sample
	json.Unmarshal(b, &samples)
	var wf extract.Weights
	b, _ = os.ReadFile(os.Getenv("EXP_WEIGHTS"))
	json.Unmarshal(b, &wf)
	out, _ := os.Create(os.Getenv("EXP_OUT"))
	defer out.Close()
	for _, a := range authors(samples) {
		train, test := split(samples, a)
		_ = train
		m, _ := wf.Folds[a].Compile()
		for _, s := range test {
			for pi, p := range s.Parts {
				i, ok := top(m, p)
				if !ok {
					fmt.Fprintf(out, "%s\t%d\t%v\tnone\n", s.ID, pi, s.Answerable)
					continue
				}
				x := p.X[i]
				fl := map[string]float64{}
				for k, v := range x {
					if v != 0 {
						fl[extract.Feature(k).String()] = v
					}
				}
				fb, _ := json.Marshal(fl)
				anyPos := false
				for _, q := range p.Pos {
					anyPos = anyPos || q
				}
				fmt.Fprintf(out, "%s\t%d\t%v\t%.3f\t%v\t%v\t%s\n", s.ID, pi, s.Answerable, m.AcceptProb(x), p.Pos[i], anyPos, fb)
			}
		}
	}
}
