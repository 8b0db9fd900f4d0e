package store

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteText writes the report for a terminal.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	since := "all logged questions"
	if !r.Since.IsZero() {
		since = "questions since " + r.Since.Format(time.DateOnly)
	}
	fmt.Fprintf(&b, "%s: %d asked, %d answered, %d 👍, %d 👎\n", since, r.Questions, r.Answered, r.Up, r.Down)
	b.WriteString("\nmost asked unanswered questions:\n")
	if len(r.Unanswered) == 0 {
		b.WriteString("  (none)\n")
	}
	for _, q := range r.Unanswered {
		fmt.Fprintf(&b, "  %4d  %s\n", q.Count, q.Question)
	}
	b.WriteString("\nanswers marked 👎 (cited paragraphs):\n")
	if len(r.Disliked) == 0 {
		b.WriteString("  (none)\n")
	}
	for _, d := range r.Disliked {
		fmt.Fprintf(&b, "  %4d👎 %d👍  %s  [%s]\n", d.Down, d.Up, d.Question, strings.Join(d.Cited, ", "))
	}
	b.WriteString("\nmost cited paragraphs:\n")
	if len(r.Cited) == 0 {
		b.WriteString("  (none)\n")
	}
	for _, c := range r.Cited {
		fmt.Fprintf(&b, "  %4d  %s\n", c.Count, c.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCSV writes the report as one table: kind (unanswered, disliked,
// cited), text (question or paragraph id), count, thumbs up, cited ids.
func (r Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"kind", "text", "count", "thumbs_up", "cited"})
	for _, q := range r.Unanswered {
		_ = cw.Write([]string{"unanswered", q.Question, strconv.Itoa(q.Count), "", ""})
	}
	for _, d := range r.Disliked {
		_ = cw.Write([]string{"disliked", d.Question, strconv.Itoa(d.Down), strconv.Itoa(d.Up), strings.Join(d.Cited, " ")})
	}
	for _, c := range r.Cited {
		_ = cw.Write([]string{"cited", c.ID, strconv.Itoa(c.Count), "", ""})
	}
	cw.Flush()
	return cw.Error()
}
