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
		fmt.Fprintf(bw, "%s (%s): %s, %s\n", yb.Title, yb.File, count(len(yb.Chapters), "chapter"), count(len(yb.Passages()), "paragraph"))
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
				var paras, caps int
				for _, p := range s.Paragraphs {
					if p.Kind == KindCaption {
						caps++
					} else {
						paras++
					}
				}
				fmt.Fprintf(bw, "    - %s: %s", s.Heading, count(paras, "paragraph"))
				if caps > 0 {
					fmt.Fprintf(bw, ", %s", count(caps, "caption"))
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
