package telegram

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

const testSecret = "hook-Secret_123"

func post(t *testing.T, url, secret, body string) int {
	t.Helper()
	return do(t, http.MethodPost, url, secret, body)
}

func do(t *testing.T, method, url, secret, body string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(SecretHeader, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookRequests(t *testing.T) {
	update := `{"update_id":7,"message":{"message_id":1,"date":1,"chat":{"id":42,"type":"private"},"text":"你好"}}`
	tests := []struct {
		name     string
		method   string
		secret   string
		body     string
		failing  bool // the handler returns an error
		want     int
		wantCall int
	}{
		{name: "right secret", secret: testSecret, body: update, want: 200, wantCall: 1},
		{name: "wrong secret", secret: "hook-Secret_124", body: update, want: 401},
		{name: "secret with a prefix of the right one", secret: testSecret[:5], body: update, want: 401},
		{name: "missing secret", body: update, want: 401},
		{name: "GET", method: http.MethodGet, secret: testSecret, want: 405},
		{name: "oversized body", secret: testSecret, body: `{"update_id":8,"message":{"text":"` + strings.Repeat("长", 1000) + `"}}`, want: 413},
		{name: "bad JSON", secret: testSecret, body: `{"update_id":`, want: 400},
		{name: "no update_id", secret: testSecret, body: `{"message":{}}`, want: 400},
		{name: "a second object after the update", secret: testSecret, body: update + `{"update_id":9}`, want: 400},
		{name: "garbage after the update", secret: testSecret, body: update + `garbage`, want: 400},
		{name: "a newline after the update", secret: testSecret, body: update + "\r\n", want: 200, wantCall: 1},
		{name: "handler fails: 500 so Telegram retries", secret: testSecret, body: update, failing: true, want: 500, wantCall: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls int
			var mu sync.Mutex
			h := func(ctx context.Context, u tgbotapi.Update) error {
				mu.Lock()
				calls++
				mu.Unlock()
				if u.UpdateID != 7 || u.Message.Text != "你好" {
					t.Errorf("handler got %+v", u)
				}
				if tt.failing {
					return errors.New("no answer")
				}
				return nil
			}
			srv := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{MaxBodyBytes: 1024}))
			defer srv.Close()
			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			if got := do(t, method, srv.URL, tt.secret, tt.body); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
			if calls != tt.wantCall {
				t.Errorf("handler called %d times, want %d", calls, tt.wantCall)
			}
		})
	}
}

// TestWebhookDuplicates: Telegram re-sends an update when the reply was
// slow; it is handled once. A failed update is handled again on re-delivery.
func TestWebhookDuplicates(t *testing.T) {
	var mu sync.Mutex
	calls := map[int]int{}
	release := make(chan struct{})
	h := func(ctx context.Context, u tgbotapi.Update) error {
		mu.Lock()
		calls[u.UpdateID]++
		n := calls[u.UpdateID]
		mu.Unlock()
		switch u.UpdateID {
		case 2: // slow: the duplicate arrives while it runs
			<-release
		case 3:
			if n == 1 {
				return errors.New("first try fails")
			}
		}
		return nil
	}
	srv := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{}))
	defer srv.Close()
	body := func(id int) string { return `{"update_id":` + string(rune('0'+id)) + `}` }

	// Sequential duplicate.
	for range 2 {
		if got := post(t, srv.URL, testSecret, body(1)); got != 200 {
			t.Errorf("update 1: status %d", got)
		}
	}
	// Duplicate while the first delivery is still running.
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range 2 {
		wg.Go(func() { statuses[i] = post(t, srv.URL, testSecret, body(2)) })
		for {
			mu.Lock()
			started := calls[2] == 1
			mu.Unlock()
			if started {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	time.Sleep(20 * time.Millisecond) // let the duplicate arrive and wait
	close(release)
	wg.Wait()
	if statuses[0] != 200 || statuses[1] != 200 {
		t.Errorf("concurrent duplicates: statuses %v, want 200 200", statuses)
	}
	// Failed, then delivered again.
	if got := post(t, srv.URL, testSecret, body(3)); got != 500 {
		t.Errorf("failing update: status %d, want 500", got)
	}
	if got := post(t, srv.URL, testSecret, body(3)); got != 200 {
		t.Errorf("re-delivered update: status %d, want 200", got)
	}
	mu.Lock()
	defer mu.Unlock()
	for id, want := range map[int]int{1: 1, 2: 1, 3: 2} {
		if calls[id] != want {
			t.Errorf("update %d handled %d times, want %d", id, calls[id], want)
		}
	}
}

func TestWebhookDeadline(t *testing.T) {
	h := func(ctx context.Context, u tgbotapi.Update) error {
		<-ctx.Done()
		return ctx.Err()
	}
	srv := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{HandleTimeout: 20 * time.Millisecond}))
	defer srv.Close()
	if got := post(t, srv.URL, testSecret, `{"update_id":1}`); got != 500 {
		t.Errorf("status %d, want 500 after the handling deadline", got)
	}
}

// TestWebhookEndToEnd registers the webhook on the fake Bot API and lets it
// deliver an update the way Telegram does.
func TestWebhookEndToEnd(t *testing.T) {
	c, api := testClient(t)
	got := make(chan string, 1)
	h := func(ctx context.Context, u tgbotapi.Update) error {
		got <- u.Message.Text
		return nil
	}
	hook := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{}))
	defer hook.Close()
	if err := SetWebhook(t.Context(), c, hook.URL+"/telegram", testSecret); err != nil {
		t.Fatal(err)
	}
	u, secret := api.Webhook()
	if u != hook.URL+"/telegram" || secret != testSecret {
		t.Fatalf("registered %q with secret %q", u, secret)
	}
	if allowed := api.AllowedUpdates(); allowed != `["message","edited_message","callback_query","inline_query"]` {
		t.Errorf("allowed_updates %s", allowed)
	}
	status, err := api.PostWebhook(t.Context(), tgbotapi.Update{UpdateID: 9, Message: api.NewMessage(telegramtest.Private(5), "问")})
	if err != nil || status != 200 {
		t.Fatalf("delivery: %d, %v", status, err)
	}
	if text := <-got; text != "问" {
		t.Errorf("handled %q", text)
	}
}

func TestSetWebhookRejects(t *testing.T) {
	c, api := testClient(t)
	tests := []struct{ name, url, secret string }{
		{"empty secret", "https://example.org/hook", ""},
		{"secret with a space", "https://example.org/hook", "a b"},
		{"secret too long", "https://example.org/hook", strings.Repeat("a", 257)},
		{"not a URL", "example.org/hook", "ok"},
	}
	for _, tt := range tests {
		if err := SetWebhook(t.Context(), c, tt.url, tt.secret); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	if n := api.CallCount("setWebhook"); n != 0 {
		t.Errorf("%d setWebhook calls made for invalid input", n)
	}
}

// memHandled is a HandledStore shared by two webhook handlers, as the
// data store is shared by a process and the one after its restart.
type memHandled struct {
	mu  sync.Mutex
	ids map[int]bool
}

func (m *memHandled) Handled(id int) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ids[id], nil
}

func (m *memHandled) MarkHandled(id int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ids[id] = true
	return nil
}

// An update handled before a restart, whose 200 Telegram never saw, is
// delivered again to the new process: with a store it is not handled twice.
func TestWebhookRemembersHandledAcrossRestart(t *testing.T) {
	store := &memHandled{ids: map[int]bool{}}
	var mu sync.Mutex
	calls := map[int]int{}
	h := func(ctx context.Context, u tgbotapi.Update) error {
		mu.Lock()
		defer mu.Unlock()
		calls[u.UpdateID]++
		return nil
	}
	before := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{Handled: store}))
	if got := post(t, before.URL, testSecret, `{"update_id":41}`); got != 200 {
		t.Fatalf("first delivery: status %d", got)
	}
	before.Close()
	after := httptest.NewServer(NewWebhookHandler(testSecret, h, WebhookOptions{Handled: store}))
	defer after.Close()
	for _, id := range []string{"41", "42"} {
		if got := post(t, after.URL, testSecret, `{"update_id":`+id+`}`); got != 200 {
			t.Errorf("update %s after the restart: status %d", id, got)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if calls[41] != 1 || calls[42] != 1 {
		t.Errorf("handled %v, want each update once", calls)
	}
	if !store.ids[42] {
		t.Error("update 42 handled but not stored")
	}
}
