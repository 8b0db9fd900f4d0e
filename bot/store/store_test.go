package store

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"yearbookbot/bot/telegram"
)

func openT(t *testing.T, dir string, opts Options) *Store {
	t.Helper()
	if opts.Retention == 0 {
		opts.Retention = DefaultRetention
	}
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenCreatesKeyBesideTheDatabase(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	fi, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	key, _ := os.ReadFile(filepath.Join(dir, KeyFile))
	h := s.ChatHash(42)
	_ = s.Close()
	db, _ := os.ReadFile(filepath.Join(dir, DBFile))
	if bytes.Contains(db, bytes.TrimSpace(key)) || bytes.Contains(db, s.key) {
		t.Error("the database holds the HMAC key")
	}
	// The same key at the next start: the same hashes.
	s2 := openT(t, dir, Options{})
	if s2.ChatHash(42) != h {
		t.Error("chat hash changed across restarts")
	}
	if s2.ChatHash(42) == s2.UserHash(42) {
		t.Error("a chat and a user with the same id hash alike")
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrBusy) {
		t.Errorf("second open of a locked database: %v, want ErrBusy", err)
	}
	_, err = OpenReadOnly(dir)
	if !errors.Is(err, ErrBusy) {
		t.Errorf("read-only open beside a writer: %v, want ErrBusy", err)
	}
	_ = s.Close()

	if os.Geteuid() != 0 {
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ro, Options{}); err == nil {
			t.Error("unwritable folder opened")
		}
	}
	file := filepath.Join(t.TempDir(), "a-file")
	_ = os.WriteFile(file, []byte("x"), 0o600)
	if _, err := Open(file, Options{}); err == nil {
		t.Error("a file as data folder opened")
	}
	bad := t.TempDir()
	_ = os.WriteFile(filepath.Join(bad, KeyFile), []byte("not a key"), 0o600)
	if _, err := Open(bad, Options{}); err == nil {
		t.Error("a garbled key file was accepted")
	}
}

func TestPollerStateAndMigration(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(t.TempDir(), "poller.json")
	fs, err := telegram.NewFileStore(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Save(telegram.State{BotID: 9, Offset: 77, Handled: []int{79}}); err != nil {
		t.Fatal(err)
	}
	s := openT(t, dir, Options{StateFile: stateFile})
	st, err := s.PollerState().Load()
	if err != nil || st.Offset != 77 || len(st.Handled) != 1 || st.BotID != 9 {
		t.Fatalf("migrated state %+v, %v", st, err)
	}
	if err := s.PollerState().Save(telegram.State{BotID: 9, Offset: 100}); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	// The file is read once: a later start keeps the database's state.
	s = openT(t, dir, Options{StateFile: stateFile})
	if st, _ := s.PollerState().Load(); st.Offset != 100 {
		t.Errorf("after restart offset %d, want 100 (not the file's 77 again)", st.Offset)
	}
}

func TestSettingsAndChatMigration(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	if err := s.SetChatSettings(-5, Settings{Scope: "青岛年鉴2021"}); err != nil {
		t.Fatal(err)
	}
	id := s.NewID()
	if err := s.Log(id, Question{ChatID: -5, UserID: 7, Text: "问题"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MigrateChat(-5, -1005); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.ChatSettings(-1005); st.Scope != "青岛年鉴2021" {
		t.Errorf("settings after migration: %+v", st)
	}
	if st, _ := s.ChatSettings(-5); st.Scope != "" {
		t.Errorf("old chat keeps settings: %+v", st)
	}
	if r, _ := s.Report(time.Time{}, 0); r.Questions != 1 {
		t.Fatalf("%d questions after migration, want 1", r.Questions)
	}
	if n, err := s.ChatQuestions(-1005); n != 1 || err != nil {
		t.Errorf("questions of the new chat: %d, %v", n, err)
	}
	if n, _ := s.ChatQuestions(-5); n != 0 {
		t.Errorf("questions left with the old chat: %d", n)
	}
	e := s.entry(t, id)
	if e.Chat != s.ChatHash(-1005) {
		t.Errorf("logged question still keyed to the old chat")
	}
}

func TestVotesOncePerUser(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	id := s.NewID()
	if err := s.Log(id, Question{ChatID: 1, UserID: 1, Text: "q", Answered: true, Cited: []string{"p1"}}); err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		user int64
		v    Vote
		want VoteResult
	}{
		{1, Up, VoteCounted}, {1, Up, VoteRepeated}, {2, Down, VoteCounted}, {2, Down, VoteRepeated}, {1, Down, VoteChanged},
	} {
		got, err := s.AddVote(id, 1, c.user, c.v)
		if err != nil || got != c.want {
			t.Errorf("%d: vote %c by %d: %v, %v; want %v", i, c.v, c.user, got, err, c.want)
		}
	}
	if got, _ := s.AddVote(id+100, 1, 1, Up); got != VoteUnknown {
		t.Errorf("vote on an unknown answer: %v", got)
	}
	if got, _ := s.AddVote(id, 2, 3, Up); got != VoteUnknown {
		t.Errorf("vote from another chat than the question's: %v", got)
	}
	r, _ := s.Report(time.Time{}, 0)
	if r.Up != 0 || r.Down != 2 || len(r.Disliked) != 1 || r.Disliked[0].Cited[0] != "p1" {
		t.Errorf("report %+v", r)
	}
}

func TestReportGroupsUnanswered(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	for i, q := range []string{"青岛人口多少？", "青岛 人口多少", "青岛人口多少?", "烟台GDP", "港口吞吐量"} {
		if err := s.Log(s.NewID(), Question{ChatID: int64(i), Text: q, Answered: q == "港口吞吐量", Cited: []string{"a.1", "b"}}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.Report(time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unanswered) != 2 || r.Unanswered[0].Count != 3 || r.Unanswered[1].Question != "烟台GDP" {
		t.Fatalf("unanswered %+v", r.Unanswered)
	}
	if r.Questions != 5 || r.Answered != 1 || len(r.Cited) != 2 || r.Cited[0].ID != "a.1" {
		t.Errorf("report %+v", r)
	}
	if r, _ := s.Report(time.Now().Add(time.Hour), 0); r.Questions != 0 {
		t.Errorf("--since in the future: %d questions", r.Questions)
	}
}

func TestRetention(t *testing.T) {
	now := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	s := openT(t, dir, Options{Retention: 2 * 24 * time.Hour, Now: func() time.Time { return now }})
	old, fresh := s.NewID(), s.NewID()
	_ = s.Log(old, Question{Time: now.Add(-3 * 24 * time.Hour), Text: "旧"})
	_ = s.Log(fresh, Question{Time: now.Add(-time.Hour), Text: "新"})
	_, _ = s.AddVote(old, 0, 1, Down)
	if n, err := s.Prune(); n != 1 || err != nil {
		t.Fatalf("pruned %d, %v", n, err)
	}
	r, _ := s.Report(time.Time{}, 0)
	if r.Questions != 1 || r.Down != 0 {
		t.Errorf("after prune %+v", r)
	}
	_ = s.Close()
	// Retention 0 keeps nothing, also of what an earlier run logged.
	s0, err := Open(dir, Options{Retention: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer s0.Close()
	if s0.Logging() {
		t.Error("retention 0 logs")
	}
	if r, _ := s0.Report(time.Time{}, 0); r.Questions != 0 {
		t.Errorf("retention 0 kept %d questions", r.Questions)
	}
}

func TestMemoryStoreLeavesNoFile(t *testing.T) {
	s, err := OpenMemory(Options{Retention: DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("memory store has a file at %s: %v", s.Path(), err)
	}
	id := s.NewID()
	if err := s.Log(id, Question{ChatID: 1, Text: "q"}); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.AddVote(id, 1, 1, Up); res != VoteCounted {
		t.Errorf("vote in the memory store: %v", res)
	}
}

// TestNoRawIDsOrNames greps the database file for what must never be in it.
func TestNoRawIDsOrNames(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	const chat, user = int64(-1001987654321), int64(5551234567)
	id := s.NewID()
	_ = s.Log(id, Question{ChatType: "supergroup", ChatID: chat, UserID: user, Text: "青岛港吞吐量", Answered: true, Cited: []string{"p"}})
	_, _ = s.AddVote(id, chat, user, Down)
	_ = s.SetChatSettings(chat, Settings{Scope: "青岛年鉴2021"})
	_ = s.MigrateChat(chat, chat-1)
	_ = s.Close()
	raw, err := os.ReadFile(filepath.Join(dir, DBFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{chat, -chat, user, chat - 1, 1001987654321} {
		if bytes.Contains(raw, []byte(strconv.FormatInt(id, 10))) {
			t.Errorf("database holds raw id %d", id)
		}
	}
}

// TestKillDuringWrites SIGKILLs a child process writing as fast as it can
// and checks that the database opens and reads afterwards.
func TestKillDuringWrites(t *testing.T) {
	if dir := os.Getenv("STORE_KILL_CHILD"); dir != "" {
		writeForever(dir)
		return
	}
	if testing.Short() {
		t.Skip("subprocess test")
	}
	dir := t.TempDir()
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringWrites$")
		cmd.Env = append(os.Environ(), "STORE_KILL_CHILD="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill once it has written something beyond the first commit.
		deadline := time.Now().Add(10 * time.Second)
		for {
			fi, err := os.Stat(filepath.Join(dir, DBFile))
			if err == nil && fi.Size() > 64<<10 {
				break
			}
			if time.Now().After(deadline) {
				_ = cmd.Process.Kill()
				t.Fatalf("child wrote nothing: %s", out.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(20+round*30) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		s, err := Open(dir, Options{Retention: DefaultRetention})
		if err != nil {
			t.Fatalf("round %d: database does not open after kill -9: %v", round, err)
		}
		r, err := s.Report(time.Time{}, 0)
		if err != nil || r.Questions == 0 {
			t.Fatalf("round %d: report after kill -9: %d questions, %v", round, r.Questions, err)
		}
		if err := s.db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		}); err != nil {
			t.Fatalf("round %d: consistency check: %v", round, err)
		}
		_ = s.Close()
	}
}

func writeForever(dir string) {
	s, err := Open(dir, Options{Retention: DefaultRetention})
	if err != nil {
		os.Exit(3)
	}
	for i := 0; ; i++ {
		done := make(chan struct{})
		for w := range 8 {
			go func() {
				id := s.NewID()
				_ = s.Log(id, Question{ChatID: int64(w), UserID: int64(i), Text: "问题" + strconv.Itoa(i), Answered: i%2 == 0, Cited: []string{"p"}})
				_, _ = s.AddVote(id, int64(w), int64(w), Down)
				done <- struct{}{}
			}()
		}
		for range 8 {
			<-done
		}
		_ = s.SetChatSettings(int64(i%10), Settings{Scope: strconv.Itoa(i)})
	}
}
