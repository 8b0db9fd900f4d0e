package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Lines returns the first and last line of the chapter, its closing credit
// included.
func (c Chapter) Lines() (first, last int) {
	for _, s := range c.Sections {
		a, b := s.Lines()
		if a > 0 && (first == 0 || a < first) {
			first = a
		}
		last = max(last, b)
	}
	return first, max(last, c.SourceLine)
}

// Lines returns the first and last line of the section's paragraphs.
func (s Section) Lines() (first, last int) {
	for _, p := range s.Paragraphs {
		if first == 0 || p.Line < first {
			first = p.Line
		}
		last = max(last, p.Line)
	}
	return first, last
}

// WriteOutline prints the yearbooks as a tree for people: title and file,
// then each chapter with its line range and credits, then each section with
// how many paragraphs and captions it holds; then the files skipped, if any.
func WriteOutline(w io.Writer, ybs []Yearbook, skipped ...Skipped) error {
	bw := bufio.NewWriter(w)
	for i, yb := range ybs {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "%s (%s): %s, %s", yb.Title, yb.File, count(len(yb.Chapters), "chapter"), count(yb.count(KindParagraph)+yb.count(KindCaption), "paragraph"))
		if n := yb.tables(); n > 0 {
			fmt.Fprintf(bw, ", %s (%s)", count(n, "table"), count(yb.count(KindCell), "cell"))
		}
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "    %s\n", DescribeMeta(yb))
		for ci, ch := range yb.Chapters {
			a, b := ch.Lines()
			fmt.Fprintf(bw, "%2d. %s  [%s]", ci+1, ch.Title, lineRange(a, b))
			if len(ch.Sources) > 0 {
				fmt.Fprintf(bw, "  (%s)", strings.Join(ch.Sources, "、"))
			}
			fmt.Fprintln(bw)
			for _, s := range ch.Sections {
				a, b := s.Lines()
				kinds := map[Kind]int{}
				for _, p := range s.Paragraphs {
					kinds[p.Kind]++
				}
				fmt.Fprintf(bw, "    - %s: %s", s.Heading, count(kinds[KindParagraph], "paragraph"))
				if kinds[KindCaption] > 0 {
					fmt.Fprintf(bw, ", %s", count(kinds[KindCaption], "caption"))
				}
				for _, t := range s.Tables {
					fmt.Fprintf(bw, ", table %q (%s, %s)", t.Title, count(len(t.Rows), "row"), count(len(t.Columns), "column"))
				}
				fmt.Fprintf(bw, "  [%s]\n", lineRange(a, b))
			}
		}
	}
	for i, s := range skipped {
		if i == 0 && len(ybs) > 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "skipped %s: %s\n", s.File, s.Reason)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write outline: %w", err)
	}
	return nil
}

// DescribeMeta is one line about what a document is: "yearbook, edition
// 2021, covers 2020, place 青岛市 (青岛 岛城 琴岛; 10 places under it)".
func DescribeMeta(yb Yearbook) string {
	kind := yb.Meta.Kind
	if kind == "" {
		kind = DocOther
	}
	parts := []string{string(kind)}
	if yb.Meta.Edition > 0 {
		parts = append(parts, fmt.Sprintf("edition %d", yb.Meta.Edition))
	}
	if yb.Year > 0 {
		parts = append(parts, fmt.Sprintf("covers %d", yb.Year))
	}
	p := yb.Meta.Place
	if p.Name == "" {
		parts = append(parts, "no place of its own (each paragraph's places count)")
	} else {
		s := "place " + p.Name
		var more []string
		if len(p.Aliases) > 0 {
			more = append(more, strings.Join(p.Aliases, " "))
		}
		if len(p.Under) > 0 {
			more = append(more, count(len(p.Under), "place")+" under it")
		}
		if len(more) > 0 {
			s += " (" + strings.Join(more, "; ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// count is how many paragraphs of a kind the yearbook holds.
func (y Yearbook) count(k Kind) int {
	n := 0
	for _, c := range y.Chapters {
		for _, s := range c.Sections {
			for _, p := range s.Paragraphs {
				if p.Kind == k {
					n++
				}
			}
		}
	}
	return n
}

func (y Yearbook) tables() int {
	n := 0
	for _, c := range y.Chapters {
		for _, s := range c.Sections {
			n += len(s.Tables)
		}
	}
	return n
}

func lineRange(a, b int) string {
	if a == b {
		return fmt.Sprintf("line %d", a)
	}
	return fmt.Sprintf("lines %d-%d", a, b)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

type outlineJSON struct {
	Yearbooks []Yearbook `json:"yearbooks"`
	Skipped   []Skipped  `json:"skipped,omitempty"`
}

// WriteOutlineJSON prints the yearbooks as
// {"yearbooks":[{"title","file","chapters":[{"title","sources","sections":
// [{"heading","paragraphs":[{"id","line","kind","text"}]}]}]}]}, with empty
// lists as [] rather than null so consumers need no null checks.
func WriteOutlineJSON(w io.Writer, ybs []Yearbook, skipped ...Skipped) error {
	out := outlineJSON{Yearbooks: make([]Yearbook, 0, len(ybs)), Skipped: skipped}
	for _, yb := range ybs {
		chs := make([]Chapter, 0, len(yb.Chapters))
		for _, ch := range yb.Chapters {
			if ch.Sources == nil {
				ch.Sources = []string{}
			}
			secs := make([]Section, 0, len(ch.Sections))
			for _, s := range ch.Sections {
				if s.Paragraphs == nil {
					s.Paragraphs = []Paragraph{}
				}
				secs = append(secs, s)
			}
			ch.Sections = secs
			chs = append(chs, ch)
		}
		yb.Chapters = chs
		out.Yearbooks = append(out.Yearbooks, yb)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write outline json: %w", err)
	}
	return nil
}
