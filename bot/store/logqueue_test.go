package store

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestLoggedQuestionsAreWrittenByClose(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{Retention: DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	const n = 3 * logBatchMax // more than one commit
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if err := s.Log(s.NewID(), Question{ChatID: 7, Text: "q"}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openT(t, dir, Options{})
	if got, err := s.ChatQuestions(7); got != n || err != nil {
		t.Errorf("after close and reopen: %d questions (%v), want %d", got, err, n)
	}
}

func TestFlushMakesLoggedQuestionsVisible(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	id := s.NewID()
	if err := s.Log(id, Question{ChatID: 3, Text: "烟台人口"}); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	if e := s.entry(t, id); e.Text != "烟台人口" || e.Chat != s.ChatHash(3) {
		t.Errorf("entry after flush: %+v", e)
	}
}

func TestVoteRightAfterLogFindsTheQuestion(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	id := s.NewID()
	if err := s.Log(id, Question{ChatID: 1, UserID: 2, Text: "q"}); err != nil {
		t.Fatal(err)
	}
	if res, err := s.AddVote(id, 1, 2, Up); res != VoteCounted || err != nil {
		t.Errorf("vote on a question just logged: %v, %v", res, err)
	}
}

func TestLogAfterCloseFails(t *testing.T) {
	s, err := Open(t.TempDir(), Options{Retention: DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Log(s.NewID(), Question{ChatID: 1, Text: "q"}); !errors.Is(err, errClosed) {
		t.Errorf("Log after Close: %v, want %v", err, errClosed)
	}
	s.Flush() // returns at once: nothing can be queued any more
}

// TestQuestionsArrivingTogetherShareACommit checks that the writer waits
// for more questions after the first of a commit (each commit syncs the
// disk twice), until a flush: ten questions, the first taken alone by the
// writer before the others are logged, go into one commit, not two.
func TestQuestionsArrivingTogetherShareACommit(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	s.queue.wait = time.Minute // only the flush may end the wait
	txid := func() (id int) {
		if err := s.db.View(func(tx *bolt.Tx) error { id = int(tx.ID()); return nil }); err != nil {
			t.Fatal(err)
		}
		return id
	}
	before := txid()
	logQ := func() {
		if err := s.Log(s.NewID(), Question{ChatID: 5, Text: "q"}); err != nil {
			t.Fatal(err)
		}
	}
	logQ()
	for len(s.queue.in) > 0 { // the writer has the first question
		runtime.Gosched()
	}
	for range 9 {
		logQ()
	}
	s.Flush()
	if got, err := s.ChatQuestions(5); got != 10 || err != nil {
		t.Fatalf("after flush: %d questions (%v), want 10", got, err)
	}
	if commits := txid() - before; commits != 1 {
		t.Errorf("10 questions logged together took %d commits, want 1", commits)
	}
}
