package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// sampleQuestion is one line of a question set in the format of
// retrieval/testdata/dev-questions.jsonl.
type sampleQuestion struct {
	ID          string   `json:"id"`
	Question    string   `json:"question"`
	Type        string   `json:"type"`
	GoldLines   []int    `json:"gold_lines"`
	GoldFigures []string `json:"gold_figures"`
	Chapter     string   `json:"chapter"`
	Section     string   `json:"section"`
	Author      string   `json:"author"`
}

func readQuestions(t *testing.T, path string) []sampleQuestion {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var qs []sampleQuestion
	for l := range strings.Lines(string(data)) {
		var q sampleQuestion
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, q)
	}
	return qs
}

// blockTexts maps each line (or block) to the texts of its paragraphs,
// with where they are cited.
func blockTexts(yb Yearbook) map[int][]string {
	m := map[int][]string{}
	for _, p := range yb.Passages() {
		m[p.Paragraph.Line] = append(m[p.Paragraph.Line], p.Chapter+"|"+p.Section+"|"+p.Paragraph.Text)
	}
	return m
}

// TestSampleQuestionSets keeps the question sets of the three formats in
// step: the Word and HTML sets are the Markdown set with each gold line
// replaced by the block that holds the same paragraphs (-update rewrites
// them, and the Markdown set's chapter and section fields).
// The own set (author tables) was written by the table path's developer
// before any tuning, to check that it generalises beyond the first set.
func TestSampleQuestionSets(t *testing.T) {
	for _, base := range []string{"testdata/sample-questions", "testdata/sample-questions-own"} {
		t.Run(base, func(t *testing.T) { checkSampleSet(t, base) })
	}
}

func checkSampleSet(t *testing.T, base string) {
	mdQs := readQuestions(t, base+".md.jsonl")
	md := loadSample(t, sampleMD)
	mdTexts := blockTexts(md)
	for i, q := range mdQs {
		if len(q.GoldLines) == 0 {
			continue
		}
		texts, ok := mdTexts[q.GoldLines[0]]
		if !ok {
			t.Fatalf("%s: gold line %d is not a paragraph", q.ID, q.GoldLines[0])
		}
		parts := strings.SplitN(texts[0], "|", 3)
		mdQs[i].Chapter, mdQs[i].Section = parts[0], parts[1]
	}
	check := func(path string, want []sampleQuestion) {
		if *update {
			var b bytes.Buffer
			for _, q := range want {
				line, _ := json.Marshal(q)
				b.Write(bytes.ReplaceAll(line, []byte(`\u003e`), []byte(">")))
				b.WriteByte('\n')
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got := readQuestions(t, path)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s is stale: run go test ./corpus -run SampleQuestionSets -update", path)
		}
	}
	check(base+".md.jsonl", mdQs)
	for _, f := range []struct{ path, set string }{{sampleDocx, base + ".docx.jsonl"}, {sampleHTML, base + ".html.jsonl"}} {
		texts := blockTexts(loadSample(t, f.path))
		byText := map[string]int{}
		for line, ts := range texts {
			byText[strings.Join(ts, "\n")] = line
		}
		var want []sampleQuestion
		for _, q := range mdQs {
			q.GoldLines = slices.Clone(q.GoldLines)
			for i, l := range q.GoldLines {
				other, ok := byText[strings.Join(mdTexts[l], "\n")]
				if !ok {
					t.Fatalf("%s: %s gold line %d has no counterpart in %s", q.ID, base, l, f.path)
				}
				q.GoldLines[i] = other
			}
			want = append(want, q)
		}
		check(f.set, want)
	}
}
