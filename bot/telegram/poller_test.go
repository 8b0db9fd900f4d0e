package telegram

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

func fastPollerOptions() PollerOptions {
	return PollerOptions{
		LongPoll:           2 * time.Second,
		HandlerAttempts:    3,
		HandlerBackoffBase: time.Millisecond, HandlerBackoffMax: 5 * time.Millisecond,
		BackoffBase: time.Millisecond, BackoffMax: 10 * time.Millisecond,
		BusyPollMin: time.Millisecond, BusyPollMax: 20 * time.Millisecond,
		ShutdownGrace: 2 * time.Second, CommitTimeout: time.Second,
		SaveEvery: time.Millisecond,
	}
}

// recorder is a Handler that records what it handled.
type recorder struct {
	mu      sync.Mutex
	handled []int              // update ids, in completion order
	texts   map[int64][]string // per chat, in completion order
	changed chan struct{}
}

func newRecorder() *recorder {
	return &recorder{texts: map[int64][]string{}, changed: make(chan struct{}, 1)}
}

func (r *recorder) record(u tgbotapi.Update) {
	r.mu.Lock()
	r.handled = append(r.handled, u.UpdateID)
	if u.Message != nil {
		r.texts[u.Message.Chat.ID] = append(r.texts[u.Message.Chat.ID], u.Message.Text)
	}
	r.mu.Unlock()
	select {
	case r.changed <- struct{}{}:
	default:
	}
}

func (r *recorder) handle(_ context.Context, u tgbotapi.Update) error {
	r.record(u)
	return nil
}

func (r *recorder) ids() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Sorted(slices.Values(r.handled))
}

func (r *recorder) waitCount(t *testing.T, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	for {
		r.mu.Lock()
		got := len(r.handled)
		r.mu.Unlock()
		if got >= n {
			return
		}
		select {
		case <-r.changed:
		case <-ctx.Done():
			t.Fatalf("handled %d updates, want %d", got, n)
		}
	}
}

// startPoller runs p in the background. stop cancels it and returns Run's
// error and how long the shutdown took; done is closed when Run returned.
func startPoller(t *testing.T, p *Poller, h Handler) (stop func() (time.Duration, error), done <-chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	finished := make(chan struct{})
	var runErr error
	go func() {
		runErr = p.Run(ctx, h)
		close(finished)
	}()
	var once sync.Once
	var took time.Duration
	stop = func() (time.Duration, error) {
		once.Do(func() {
			start := time.Now()
			cancel()
			select {
			case <-finished:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return within 10s of cancel")
			}
			took = time.Since(start)
		})
		return took, runErr
	}
	t.Cleanup(func() { stop() })
	return stop, finished
}

func ids(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func TestPollerHandlesAllInOrderPerChat(t *testing.T) {
	c, srv := testClient(t)
	chats := []int64{1, 2, -100}
	last := 0
	for i := range 5 {
		for _, chat := range chats {
			last, _ = srv.AddText(telegramtest.Private(chat), fmt.Sprint(i))
		}
	}
	rec := newRecorder()
	stop, _ := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), rec.handle)
	rec.waitCount(t, 15)
	if err := srv.WaitOffset(t.Context(), last+1); err != nil {
		t.Fatal(err)
	}
	if _, err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := rec.ids(); !slices.Equal(got, ids(1, last)) {
		t.Errorf("handled %v, want each of 1..%d once", got, last)
	}
	for _, chat := range chats {
		if got := rec.texts[chat]; !slices.Equal(got, []string{"0", "1", "2", "3", "4"}) {
			t.Errorf("chat %d handled in order %v", chat, got)
		}
	}
}

// TestPollerChatsConcurrent: a slow chat does not hold up another chat's
// updates, even those fetched later.
func TestPollerChatsConcurrent(t *testing.T) {
	c, srv := testClient(t)
	release := make(chan struct{})
	rec := newRecorder()
	h := func(ctx context.Context, u tgbotapi.Update) error {
		if u.Message.Chat.ID == 1 {
			select {
			case <-release:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return rec.handle(ctx, u)
	}
	slow, _ := srv.AddText(telegramtest.Private(1), "slow")
	srv.AddText(telegramtest.Private(2), "a")
	stop, _ := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), h)
	rec.waitCount(t, 1)
	srv.AddText(telegramtest.Private(2), "b") // arrives while chat 1 is stuck
	last, _ := srv.AddText(telegramtest.Private(3), "c")
	rec.waitCount(t, 3)

	// Nothing is handled past the slow update as far as Telegram knows.
	if off := srv.Offset(); off > slow {
		t.Errorf("offset %d confirmed past unhandled update %d", off, slow)
	}
	close(release)
	rec.waitCount(t, 4)
	if err := srv.WaitOffset(t.Context(), last+1); err != nil {
		t.Fatal(err)
	}
	if _, err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

// TestPollerOffsetOnlyAfterHandling checks every getUpdates call: its
// offset never passes an update that was not yet handled at that moment.
func TestPollerOffsetOnlyAfterHandling(t *testing.T) {
	c, srv := testClient(t)
	var mu sync.Mutex
	handledAt := map[int]time.Time{}
	h := func(ctx context.Context, u tgbotapi.Update) error {
		time.Sleep(time.Duration(u.UpdateID%3) * 5 * time.Millisecond)
		mu.Lock()
		handledAt[u.UpdateID] = time.Now()
		mu.Unlock()
		return nil
	}
	last := 0
	for i := range 12 {
		last, _ = srv.AddText(telegramtest.Private(int64(i%4+1)), "q")
	}
	stop, _ := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), h)
	if err := srv.WaitOffset(t.Context(), last+1); err != nil {
		t.Fatal(err)
	}
	stop()
	mu.Lock()
	defer mu.Unlock()
	for _, call := range srv.CallsTo("getUpdates") {
		off := intOr(call.Params["offset"], 0)
		for id := 1; id < off; id++ {
			at, ok := handledAt[id]
			if !ok || at.After(call.Time) {
				t.Errorf("getUpdates with offset %d at %v confirmed update %d before it was handled (%v)", off, call.Time, id, at)
			}
		}
	}
}

func intOr(s string, def int) int {
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		return def
	}
	return n
}

// TestPollerRestartMidBatch: the first run is stopped while update 1 is
// stuck; 3 and 4 are handled. The second run, on the same store, handles
// exactly 1 and 2 (2 waited behind 1 in its chat): nothing lost, nothing
// answered twice.
func TestPollerRestartMidBatch(t *testing.T) {
	c, srv := testClient(t)
	store := NewMemoryStore()
	a, b, d := telegramtest.Private(1), telegramtest.Private(2), telegramtest.Private(3)
	srv.AddText(a, "A1") // 1
	srv.AddText(a, "A2") // 2
	srv.AddText(b, "B1") // 3
	srv.AddText(d, "C1") // 4

	var mu sync.Mutex
	count := map[int]int{}
	firstRec := newRecorder()
	first := func(ctx context.Context, u tgbotapi.Update) error {
		if u.UpdateID == 1 {
			<-ctx.Done() // stuck until the shutdown grace runs out
			return ctx.Err()
		}
		mu.Lock()
		count[u.UpdateID]++
		mu.Unlock()
		return firstRec.handle(ctx, u)
	}
	opts := fastPollerOptions()
	opts.ShutdownGrace = 50 * time.Millisecond
	stop, _ := startPoller(t, NewPoller(c, store, opts), first)
	firstRec.waitCount(t, 2)
	if took, err := stop(); err != nil || took > 5*time.Second {
		t.Fatalf("first Run: %v after %v", err, took)
	}
	st, _ := store.Load()
	if st.Offset != 1 || !slices.Equal(st.Handled, []int{3, 4}) {
		t.Fatalf("saved state %+v, want offset 1, handled [3 4]", st)
	}

	secondRec := newRecorder()
	second := func(ctx context.Context, u tgbotapi.Update) error {
		mu.Lock()
		count[u.UpdateID]++
		mu.Unlock()
		return secondRec.handle(ctx, u)
	}
	stop2, _ := startPoller(t, NewPoller(c, store, fastPollerOptions()), second)
	secondRec.waitCount(t, 2)
	if err := srv.WaitOffset(t.Context(), 5); err != nil {
		t.Fatal(err)
	}
	if _, err := stop2(); err != nil {
		t.Fatalf("second Run: %v", err)
	}
	if got := secondRec.ids(); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("second run handled %v, want [1 2]", got)
	}
	if got := secondRec.texts[1]; !slices.Equal(got, []string{"A1", "A2"}) {
		t.Errorf("chat A handled as %v, want A1 then A2", got)
	}
	for id := 1; id <= 4; id++ {
		if count[id] != 1 {
			t.Errorf("update %d handled %d times, want once", id, count[id])
		}
	}
	if st, _ := store.Load(); st.Offset != 5 || len(st.Handled) != 0 {
		t.Errorf("final state %+v, want offset 5", st)
	}
}

// TestPollerSkipsHandledAfterCrash: a crash leaves the state with handled
// ids above the offset (saved, but the offset never confirmed); the next
// run handles only the others.
func TestPollerSkipsHandledAfterCrash(t *testing.T) {
	c, srv := testClient(t)
	for i := range 6 {
		srv.AddText(telegramtest.Private(int64(i+1)), "q")
	}
	store := NewMemoryStore()
	if err := store.Save(State{Offset: 2, Handled: []int{3, 5}}); err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	stop, _ := startPoller(t, NewPoller(c, store, fastPollerOptions()), rec.handle)
	if err := srv.WaitOffset(t.Context(), 7); err != nil {
		t.Fatal(err)
	}
	stop()
	// Update 1 is below the saved offset: Telegram would not send it
	// again, and handling it now would answer it twice.
	if got := rec.ids(); !slices.Equal(got, []int{2, 4, 6}) {
		t.Errorf("handled %v, want [2 4 6]", got)
	}
}

func TestPollerRecoversGetUpdatesErrors(t *testing.T) {
	tests := []struct {
		name    string
		faults  []telegramtest.Fault
		minWait time.Duration // between the failed call and the next
	}{
		{name: "500", faults: []telegramtest.Fault{telegramtest.ServerError(500)}},
		{name: "HTML 502 page", faults: []telegramtest.Fault{telegramtest.BadGatewayPage()}},
		{name: "dropped connections", faults: []telegramtest.Fault{telegramtest.DropConnection(), telegramtest.DropConnection()}},
		{name: "429 waits retry_after", faults: []telegramtest.Fault{telegramtest.TooManyRequests(60)}, minWait: 60 * time.Millisecond},
		{name: "409 conflict", faults: []telegramtest.Fault{{Code: 409}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, srv := testClient(t)
			for _, f := range tt.faults {
				srv.FailNext("getUpdates", 1, f)
			}
			id, _ := srv.AddText(telegramtest.Private(1), "q")
			rec := newRecorder()
			stop, _ := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), rec.handle)
			rec.waitCount(t, 1)
			if err := srv.WaitOffset(t.Context(), id+1); err != nil {
				t.Fatal(err)
			}
			if _, err := stop(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			calls := srv.CallsTo("getUpdates")
			if len(calls) < len(tt.faults)+1 {
				t.Fatalf("%d getUpdates calls, want more than the %d faults", len(calls), len(tt.faults))
			}
			if gap := calls[1].Time.Sub(calls[0].Time); gap < tt.minWait-slack {
				t.Errorf("retried after %v, want at least %v", gap, tt.minWait)
			}
			if !slices.Equal(rec.ids(), []int{id}) {
				t.Errorf("handled %v, want [%d]", rec.ids(), id)
			}
		})
	}
}

func TestPollerUnauthorizedStops(t *testing.T) {
	tests := []struct{ method string }{{"getUpdates"}, {"deleteWebhook"}}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			c, srv := testClient(t)
			srv.FailNext(tt.method, 1, telegramtest.Fault{Code: 401})
			stop, done := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), newRecorder().handle)
			select {
			case <-done:
				if _, err := stop(); !errors.Is(err, ErrUnauthorized) {
					t.Fatalf("Run = %v, want ErrUnauthorized", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run kept going after 401")
			}
		})
	}
}

// TestPollerDeletesWebhook: a bot left in webhook mode would get 409 on
// every getUpdates.
func TestPollerDeletesWebhook(t *testing.T) {
	c, srv := testClient(t)
	if err := SetWebhook(t.Context(), c, "https://example.org/hook", "s3cret"); err != nil {
		t.Fatal(err)
	}
	id, _ := srv.AddText(telegramtest.Private(1), "q")
	rec := newRecorder()
	startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), rec.handle)
	rec.waitCount(t, 1)
	if err := srv.WaitOffset(t.Context(), id+1); err != nil {
		t.Fatal(err)
	}
	if u, _ := srv.Webhook(); u != "" {
		t.Errorf("webhook still %q", u)
	}
}

// TestPollerShutdownFinishesInFlight: cancelled while three updates are
// being handled, Run lets them finish, confirms the offset past them with a
// last getUpdates, and returns nil well within 5 s.
func TestPollerShutdownFinishesInFlight(t *testing.T) {
	c, srv := testClient(t)
	started := make(chan int, 3)
	var mu sync.Mutex
	var finished []int
	h := func(ctx context.Context, u tgbotapi.Update) error {
		started <- u.UpdateID
		select {
		case <-time.After(200 * time.Millisecond): // e.g. answering and sending
		case <-ctx.Done():
			return ctx.Err()
		}
		mu.Lock()
		finished = append(finished, u.UpdateID)
		mu.Unlock()
		return nil
	}
	last := 0
	for i := range 3 {
		last, _ = srv.AddText(telegramtest.Private(int64(i+1)), "q")
	}
	store := NewMemoryStore()
	stop, _ := startPoller(t, NewPoller(c, store, fastPollerOptions()), h)
	for range 3 {
		<-started
	}
	took, err := stop()
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if took > 5*time.Second {
		t.Errorf("shutdown took %v, want under 5s", took)
	}
	mu.Lock()
	n := len(finished)
	mu.Unlock()
	if n != 3 {
		t.Errorf("%d of 3 in-flight updates finished", n)
	}
	if off := srv.Offset(); off != last+1 {
		t.Errorf("server saw offset %d, want the final confirmation %d", off, last+1)
	}
	polls := srv.CallsTo("getUpdates")
	if final := polls[len(polls)-1]; final.Params["offset"] != fmt.Sprint(last+1) || final.Params["limit"] != "1" || final.Params["timeout"] != "" {
		t.Errorf("last getUpdates %v, want offset %d, limit 1, no timeout", final, last+1)
	}
	if st, _ := store.Load(); st.Offset != last+1 {
		t.Errorf("saved offset %d, want %d", st.Offset, last+1)
	}
	if srv.Pending() != 0 {
		t.Errorf("%d updates still pending on the server", srv.Pending())
	}
}

// TestPollerHandlerFailures: an error is retried; an update failing every
// time is skipped after the attempts, and a panic is recovered, so neither
// blocks the updates behind it.
func TestPollerHandlerFailures(t *testing.T) {
	c, srv := testClient(t)
	var mu sync.Mutex
	attempts := map[string]int{}
	rec := newRecorder()
	h := func(ctx context.Context, u tgbotapi.Update) error {
		text := u.Message.Text
		mu.Lock()
		attempts[text]++
		n := attempts[text]
		mu.Unlock()
		switch {
		case text == "flaky" && n < 2:
			return errors.New("temporary")
		case text == "poison":
			return errors.New("always")
		case text == "panic":
			panic("handler bug")
		}
		return rec.handle(ctx, u)
	}
	chat := telegramtest.Private(1)
	srv.AddText(chat, "flaky")
	srv.AddText(chat, "poison")
	srv.AddText(chat, "panic")
	last, _ := srv.AddText(chat, "after")
	stop, _ := startPoller(t, NewPoller(c, NewMemoryStore(), fastPollerOptions()), h)
	if err := srv.WaitOffset(t.Context(), last+1); err != nil {
		t.Fatal(err)
	}
	if _, err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]int{"flaky": 2, "poison": 3, "panic": 1, "after": 1}
	for text, n := range want {
		if attempts[text] != n {
			t.Errorf("%q attempted %d times, want %d", text, attempts[text], n)
		}
	}
	if got := rec.texts[1]; !slices.Equal(got, []string{"flaky", "after"}) {
		t.Errorf("handled %v", got)
	}
}

func TestChatKey(t *testing.T) {
	chat := &tgbotapi.Chat{ID: -100}
	user := &tgbotapi.User{ID: 7}
	tests := []struct {
		name string
		u    tgbotapi.Update
		want int64
	}{
		{"message", tgbotapi.Update{Message: &tgbotapi.Message{Chat: chat}}, -100},
		{"edit", tgbotapi.Update{EditedMessage: &tgbotapi.Message{Chat: chat}}, -100},
		{"callback on a message", tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{From: user, Message: &tgbotapi.Message{Chat: chat}}}, -100},
		{"callback on an inline message", tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{From: user}}, 7},
		{"inline query", tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{From: user}}, 7},
		{"message without chat", tgbotapi.Update{UpdateID: 5, Message: &tgbotapi.Message{}}, -1<<63 + 5},
	}
	for _, tt := range tests {
		if got := chatKey(tt.u); got != tt.want {
			t.Errorf("%s: key %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestFileStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s, err := NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := s.Load(); err != nil || st.Offset != 0 || len(st.Handled) != 0 {
		t.Fatalf("fresh Load = %+v, %v; want zero state", st, err)
	}
	want := State{Offset: 42, Handled: []int{44, 47}}
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	s2, err := NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s2.Load(); err != nil || got.Offset != 42 || !slices.Equal(got.Handled, want.Handled) {
		t.Errorf("Load after Save = %+v, %v; want %+v", got, err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the state (no temp files left)", len(entries))
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NewFileStore(bad); err == nil {
		t.Error("NewFileStore accepted a corrupt state file")
	}
	if _, err := NewFileStore(filepath.Join(dir, "missing", "state.json")); err == nil {
		t.Error("NewFileStore accepted a path in a missing directory")
	}
}

// TestPollerFileStoreRestart runs two pollers one after the other on a file
// store, as two processes would.
func TestPollerFileStoreRestart(t *testing.T) {
	c, srv := testClient(t)
	path := filepath.Join(t.TempDir(), "state.json")
	store, err := NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	srv.AddText(telegramtest.Private(1), "a")
	rec := newRecorder()
	stop, _ := startPoller(t, NewPoller(c, store, fastPollerOptions()), rec.handle)
	rec.waitCount(t, 1)
	stop()
	last, _ := srv.AddText(telegramtest.Private(1), "b")
	store2, err := NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	rec2 := newRecorder()
	stop2, _ := startPoller(t, NewPoller(c, store2, fastPollerOptions()), rec2.handle)
	rec2.waitCount(t, 1)
	if err := srv.WaitOffset(t.Context(), last+1); err != nil {
		t.Fatal(err)
	}
	stop2()
	if !slices.Equal(rec2.ids(), []int{last}) {
		t.Errorf("second run handled %v, want only [%d]", rec2.ids(), last)
	}
}

// TestPollerStateOfAnotherBot: a state file left by another bot (token)
// must not make this one poll with a foreign offset and miss its updates.
func TestPollerStateOfAnotherBot(t *testing.T) {
	c, srv := testClient(t)
	srv.AddText(telegramtest.Private(1), "q")
	store := NewMemoryStore()
	if err := store.Save(State{BotID: c.Self().ID + 1, Offset: 500, Handled: []int{1}}); err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	stop, _ := startPoller(t, NewPoller(c, store, fastPollerOptions()), rec.handle)
	rec.waitCount(t, 1)
	stop()
	if st, _ := store.Load(); st.BotID != c.Self().ID || st.Offset != 2 {
		t.Errorf("saved %+v, want this bot's id and offset 2", st)
	}
}

// TestPollerFollowsRenumberedIDs: Telegram renumbers update ids after a
// week without updates; an update below the offset is handled, not
// ignored forever.
func TestPollerFollowsRenumberedIDs(t *testing.T) {
	c, _ := testClient(t)
	rec := newRecorder()
	r := newRun(t.Context(), NewPoller(c, nil, fastPollerOptions()), rec.handle, State{Offset: 1000})
	defer r.hardCancel()
	msg := func(id int) tgbotapi.Update {
		return tgbotapi.Update{UpdateID: id, Message: &tgbotapi.Message{Chat: &tgbotapi.Chat{ID: 1}, Text: "q"}}
	}
	if n := r.dispatch([]tgbotapi.Update{msg(17), msg(18)}, 1000); n != 2 {
		t.Fatalf("dispatched %d updates, want 2", n)
	}
	rec.waitCount(t, 2)
	r.workers.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.offset != 19 {
		t.Errorf("offset %d, want 19", r.offset)
	}
}
