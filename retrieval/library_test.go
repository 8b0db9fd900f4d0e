package retrieval_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"yearbookbot/bot/render"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
	"yearbookbot/retrieval/evaluate"
)

// distractorsDir is the shared library of other documents: ../shared beside
// the repository's clone (CI has it there too).
const distractorsDir = "../../shared/corpus/distractors"

// loadLibrary reads the embedded yearbook and the distractor folder; a
// missing folder fails the test with where it looked.
func loadLibrary(tb testing.TB) []corpus.Yearbook {
	tb.Helper()
	abs, _ := filepath.Abs(distractorsDir)
	if _, err := os.Stat(distractorsDir); err != nil {
		tb.Fatalf("the library test needs the distractor documents at %s (../shared/corpus/distractors beside the repository): %v", abs, err)
	}
	yb, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	others, err := corpus.Load(distractorsDir)
	if err != nil {
		tb.Fatalf("load %s: %v", abs, err)
	}
	return append([]corpus.Yearbook{yb}, others...)
}

var (
	libraryOnce   sync.Once
	libraryEngine *retrieval.Engine
	libraryErr    error
)

// buildLibraryEngine builds the library once per test binary: it takes
// seconds, and every library test reads the same one.
func buildLibraryEngine(tb testing.TB) *retrieval.Engine {
	tb.Helper()
	ybs := loadLibrary(tb)
	libraryOnce.Do(func() {
		libraryEngine, libraryErr = retrieval.Build(context.Background(), ybs, retrieval.Options{Default: "青岛"})
	})
	if libraryErr != nil {
		tb.Fatal(libraryErr)
	}
	return libraryEngine
}

// TestLibraryQuestionSets runs every question set with the distractor
// library loaded beside the yearbook and 青岛 as the default (issue #8),
// which asks for a loss of at most 0.02 against the single yearbook. A
// scope of few documents is searched in an index of its own (scoped.go),
// so the selector sees the same passages and features either way.
const maxLibraryLoss = 0.02

func TestLibraryQuestionSets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole library")
	}
	e := buildLibraryEngine(t)
	single, yb := buildDefaultEngine(t)
	j, err := evaluate.NewJudge(yb.Passages())
	if err != nil {
		t.Fatal(err)
	}
	text := func(a retrieval.Answer) string { return render.Answer(a).Text }
	paths, _ := filepath.Glob("testdata/*-questions.jsonl")
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			qs := loadQuestions(t, path)
			base, err := evaluate.RunOnce(t.Context(), single, text, j, qs)
			if err != nil {
				t.Fatal(err)
			}
			// The yearbook holds these answers: one quoted from another
			// document is never right.
			answerable := map[string]string{}
			for _, q := range qs {
				if q.Answerable() {
					answerable[q.Question] = q.ID
				}
			}
			checked := askerFunc(func(ctx context.Context, q string) (retrieval.Answer, error) {
				a, err := e.Ask(ctx, q)
				if err != nil {
					t.Errorf("ask %q: %v", q, err)
				}
				if id, ok := answerable[q]; ok {
					for _, f := range a.Facts {
						if f.Source.Yearbook != yb.Title {
							t.Errorf("%s %s: answered %q from %s", id, q, f.Text, f.Source.Yearbook)
						}
					}
				}
				return a, err
			})
			rep, err := evaluate.RunOnce(t.Context(), checked, text, j, qs)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rep.Failures() {
				t.Logf("FAIL %s [%s] %s\n  %s\n  reply: %s", r.ID, r.Type, r.Question, r.Why, strings.ReplaceAll(r.Reply, "\n", " / "))
			}
			t.Logf("library accuracy %.3f (single yearbook %.3f), false abstentions %d/%d, refused %d/%d",
				rep.Accuracy, base.Accuracy, rep.FalseAbstentions, rep.Answerable, rep.Refused, rep.Unanswerable)
			if rep.Accuracy < base.Accuracy-maxLibraryLoss {
				t.Errorf("library accuracy %.3f, want within %.2f of the single yearbook's %.3f", rep.Accuracy, maxLibraryLoss, base.Accuracy)
			}
		})
	}
}

// provinces are the provincial-level divisions of corpus/divisions.txt.
func provinces(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("../corpus/divisions.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		code, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && !strings.HasPrefix(code, "#") && len(code) == 2 {
			out = append(out, name)
		}
	}
	return out
}

// TestLibraryProvinces asks each province's growth of the library: the
// answer, if any, is a paragraph of that province's report (its dateline
// read) or one naming it, never another province's.
func TestLibraryProvinces(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole library")
	}
	e := buildLibraryEngine(t)
	places := map[string][]string{}
	for _, yb := range loadLibrary(t) {
		for _, p := range yb.Passages() {
			places[p.Paragraph.ID] = p.Paragraph.Places
		}
	}
	ps := provinces(t)
	if len(ps) != 31 {
		t.Fatalf("%d provinces in corpus/divisions.txt, want 31", len(ps))
	}
	answered := 0
	for _, p := range ps {
		a, err := e.Ask(t.Context(), p+"地区生产总值增长多少")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Facts {
			if !slices.Contains(places[f.Source.ParagraphID], p) {
				t.Errorf("%s: answered %q from %s, a paragraph of %v", p, f.Text, f.Source.ParagraphID, places[f.Source.ParagraphID])
			}
		}
		if a.Answered {
			answered++
		}
	}
	t.Logf("%d of %d provinces answered", answered, len(ps))
}

// A follow-up naming only another place (…？甲省呢) asks that place what
// the question asked: every fact quoted states the measure asked, never a
// sentence that merely names the place.
func TestLibraryFollowUpPlaces(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole library")
	}
	e := buildLibraryEngine(t)
	for _, p := range provinces(t) {
		a, err := e.Ask(t.Context(), "集装箱吞吐量多少？"+p+"呢")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Facts {
			if !strings.Contains(f.Text, "吞吐量") {
				t.Errorf("%s呢: quoted %q, which states no 吞吐量", p, f.Text)
			}
		}
	}
}

// A question about the default yearbook alone — naming no place but its
// own and its districts, nor the country — is read beside the library
// exactly as without it: the same candidates, features, scores and
// acceptance (issue #8), since its scope is searched in an index of its
// documents alone, with their words cut as they are cut there.
func TestLibraryReadsAsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole library")
	}
	e := buildLibraryEngine(t)
	single, yb := buildDefaultEngine(t)
	gaz := corpus.NewGazetteer(yb.Meta.Place)
	own := gaz.Codes(yb.Meta.Place.Name)
	if len(own) != 1 {
		t.Fatalf("the yearbook's place %q has codes %v", yb.Meta.Place.Name, own)
	}
	elsewhere := func(q string) bool {
		if strings.Contains(q, "全国") || strings.Contains(q, "中国") {
			return true
		}
		return slices.ContainsFunc(gaz.Find(q), func(name string) bool {
			return !slices.ContainsFunc(gaz.Codes(name), func(c string) bool { return gaz.Within(c, own[0]) })
		})
	}
	paths, _ := filepath.Glob("testdata/*-questions.jsonl")
	asked := 0
	for _, path := range paths {
		for _, q := range loadQuestions(t, path) {
			if elsewhere(q.Question) {
				continue
			}
			asked++
			lib, err := e.Ask(t.Context(), q.Question)
			if err != nil {
				t.Fatal(err)
			}
			alone, err := single.Ask(t.Context(), q.Question)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(lib.Why, alone.Why) {
				t.Errorf("%s %s: read otherwise beside the library\n  library: %+v\n  alone:   %+v", q.ID, q.Question, lib.Why, alone.Why)
			}
		}
	}
	if asked < 1000 {
		t.Errorf("only %d questions compared", asked)
	}
	t.Logf("%d questions naming no other place read as alone", asked)
}
