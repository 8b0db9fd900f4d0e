// Command fit fits the answer selector's weights on the question sets and
// writes retrieval/extract/weights.json: the model fitted on every author,
// and one model per held-out author, whose scores it prints (leave one
// author out: the honest estimate of how the selector does on a new
// author's questions).
//
//	go run ./retrieval/internal/fit [-out retrieval/extract/weights.json] [SET.jsonl …]
//
// With no sets named it reads retrieval/testdata/*-questions.jsonl.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
	"yearbookbot/retrieval/evaluate"
	"yearbookbot/retrieval/extract"
	"yearbookbot/retrieval/internal/fitting"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("fit", flag.ContinueOnError)
	out := fs.String("out", "retrieval/extract/weights.json", "where to write the weights")
	cache := fs.String("samples", "", "a file to keep the collected candidates in: read when it exists, else written (only while the features stay the same)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sets := fs.Args()
	if len(sets) == 0 {
		var err error
		if sets, err = filepath.Glob("retrieval/testdata/*-questions.jsonl"); err != nil || len(sets) == 0 {
			return fmt.Errorf("no question sets in retrieval/testdata (run from the repository root): %v", err)
		}
	}
	data, err := samples(ctx, sets, *cache)
	if err != nil {
		return err
	}
	w, report := fitting.FitAll(data)
	w.Source = fmt.Sprintf("go run ./retrieval/internal/fit on %s", strings.Join(baseNames(sets), ", "))
	fmt.Fprint(stdout, report)
	return writeAtomic(*out, w)
}

// samples collects the candidates of every question of the sets, or reads
// them from cache when it exists.
func samples(ctx context.Context, sets []string, cache string) ([]fitting.Sample, error) {
	var data []fitting.Sample
	if cache != "" {
		b, err := os.ReadFile(cache)
		if err == nil {
			if err := json.Unmarshal(b, &data); err != nil {
				return nil, fmt.Errorf("samples cache %s: %w", cache, err)
			}
			return data, nil
		}
		if !errors.Is(err, iofs.ErrNotExist) {
			return nil, err
		}
	}
	qs, err := loadSets(sets)
	if err != nil {
		return nil, err
	}
	yb, err := corpus.Default()
	if err != nil {
		return nil, err
	}
	eng, err := retrieval.Build(ctx, []corpus.Yearbook{yb}, retrieval.Options{})
	if err != nil {
		return nil, err
	}
	defer eng.Close()
	if data, err = fitting.Collect(ctx, eng, qs); err != nil {
		return nil, err
	}
	if cache != "" {
		b, err := json.Marshal(data)
		if err != nil {
			return nil, err
		}
		if err := writeFileAtomic(cache, b); err != nil {
			return nil, fmt.Errorf("samples cache: %w", err)
		}
	}
	return data, nil
}

func loadSets(paths []string) ([]evaluate.Question, error) {
	var qs []evaluate.Question
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		set, err := evaluate.Load(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		qs = append(qs, set...)
	}
	return qs, nil
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// writeAtomic writes the weights beside the target and renames, so an
// interrupted fit never leaves a half-written file to be embedded.
func writeAtomic(path string, w extract.Weights) error {
	b, err := json.MarshalIndent(w, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'))
}

// writeFileAtomic writes b to a temporary file beside path and renames it
// over path.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
