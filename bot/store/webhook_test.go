package store

import (
	"testing"
	"time"
)

func TestWebhookIDsSurviveReopenAndArePruned(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s := openT(t, dir, Options{Now: clock})
	if err := s.MarkHandled(7); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openT(t, dir, Options{Now: clock})
	for id, want := range map[int]bool{7: true, 8: false} {
		if got, err := s.Handled(id); err != nil || got != want {
			t.Errorf("Handled(%d) = %v, %v; want %v", id, got, err, want)
		}
	}
	now = now.Add(webhookKeep + time.Hour)
	if err := s.MarkHandled(9); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Prune(); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int]bool{7: false, 9: true} {
		if got, _ := s.Handled(id); got != want {
			t.Errorf("after pruning, Handled(%d) = %v, want %v", id, got, want)
		}
	}
}
