package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	bolt "go.etcd.io/bbolt"
)

// Report is the editors' summary of the question log.
type Report struct {
	Since      time.Time       `json:"since,omitzero"`
	Questions  int             `json:"questions"`
	Answered   int             `json:"answered"`
	Up         int             `json:"thumbs_up"`
	Down       int             `json:"thumbs_down"`
	Unanswered []QuestionCount `json:"unanswered"`
	Disliked   []Disliked      `json:"disliked"`
	Cited      []CitedCount    `json:"most_cited"`
}

// QuestionCount is a question asked Count times (its spellings grouped
// after normalization), shown as its most frequent spelling.
type QuestionCount struct {
	Question string    `json:"question"`
	Count    int       `json:"count"`
	Last     time.Time `json:"last"`
}

// Disliked is an answer that got 👎.
type Disliked struct {
	Question string    `json:"question"`
	Time     time.Time `json:"time"`
	Answered bool      `json:"answered"`
	Cited    []string  `json:"cited"`
	Down     int       `json:"thumbs_down"`
	Up       int       `json:"thumbs_up"`
}

// CitedCount is a paragraph id and how many answers cited it.
type CitedCount struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// Report summarizes the questions logged since since (zero = all), with at
// most limit rows per list (0 = all).
func (s *Store) Report(since time.Time, limit int) (Report, error) {
	s.Flush()
	r := Report{Since: since, Unanswered: []QuestionCount{}, Disliked: []Disliked{}, Cited: []CitedCount{}}
	type group struct {
		spellings map[string]int
		count     int
		last      time.Time
	}
	groups := map[string]*group{}
	cited := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		votes := tx.Bucket(bucketVotes)
		return tx.Bucket(bucketLog).ForEach(func(k, v []byte) error {
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("log entry %d: %w", idOf(k), err)
			}
			if e.Time.Before(since) {
				return nil
			}
			r.Questions++
			if e.Answered {
				r.Answered++
				for _, id := range e.Cited {
					cited[id]++
				}
			} else {
				key := Normalize(cmp.Or(e.Query, e.Text))
				g := groups[key]
				if g == nil {
					g = &group{spellings: map[string]int{}}
					groups[key] = g
				}
				g.count++
				g.spellings[e.Text]++
				g.last = e.Time
			}
			up, down := 0, 0
			c := votes.Cursor()
			for vk, vv := c.Seek(k); vk != nil && bytes.HasPrefix(vk, k); vk, vv = c.Next() {
				if Vote(vv[0]) == Up {
					up++
				} else {
					down++
				}
			}
			r.Up += up
			r.Down += down
			if down > 0 {
				r.Disliked = append(r.Disliked, Disliked{Question: e.Text, Time: e.Time, Answered: e.Answered,
					Cited: append([]string{}, e.Cited...), Down: down, Up: up})
			}
			return nil
		})
	})
	if err != nil {
		return Report{}, fmt.Errorf("store: report: %w", err)
	}
	for _, g := range groups {
		best, n := "", -1
		for sp, c := range g.spellings {
			if c > n || c == n && sp < best {
				best, n = sp, c
			}
		}
		r.Unanswered = append(r.Unanswered, QuestionCount{Question: best, Count: g.count, Last: g.last})
	}
	slices.SortFunc(r.Unanswered, func(a, b QuestionCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), b.Last.Compare(a.Last), strings.Compare(a.Question, b.Question))
	})
	slices.SortStableFunc(r.Disliked, func(a, b Disliked) int {
		return cmp.Or(cmp.Compare(b.Down, a.Down), b.Time.Compare(a.Time))
	})
	for id, n := range cited {
		r.Cited = append(r.Cited, CitedCount{ID: id, Count: n})
	}
	slices.SortFunc(r.Cited, func(a, b CitedCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.ID, b.ID))
	})
	if limit > 0 {
		r.Unanswered = r.Unanswered[:min(limit, len(r.Unanswered))]
		r.Disliked = r.Disliked[:min(limit, len(r.Disliked))]
		r.Cited = r.Cited[:min(limit, len(r.Cited))]
	}
	return r, nil
}

// Normalize is the key questions are grouped by: width-folded (NFKC),
// lower case, without spaces, punctuation and symbols, so "青岛 人口？"
// and "青岛人口" count as one question.
func Normalize(q string) string {
	q = norm.NFKC.String(q)
	var b strings.Builder
	for _, r := range q {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
