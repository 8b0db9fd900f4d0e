package telegram

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func deliver(h http.Handler, secret string, id int) int {
	req := httptest.NewRequest(http.MethodPost, "/hook", strings.NewReader(fmt.Sprintf(`{"update_id":%d}`, id)))
	req.Header.Set(SecretHeader, secret)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

// TestWebhookRemembersManyIDs: a re-delivery is recognised long after
// 1,024 other updates (the old memory); the memory is a window of the last
// Remember ids, so it stays bounded.
func TestWebhookRemembersManyIDs(t *testing.T) {
	var mu sync.Mutex
	calls := map[int]int{}
	h := NewWebhookHandler(testSecret, func(_ context.Context, u tgbotapi.Update) error {
		mu.Lock()
		calls[u.UpdateID]++
		mu.Unlock()
		return nil
	}, WebhookOptions{})
	const n = 50_000
	for id := 1; id <= n; id++ {
		if code := deliver(h, testSecret, id); code != 200 {
			t.Fatalf("update %d: status %d", id, code)
		}
	}
	for _, id := range []int{1, 2, n / 2, n} {
		if code := deliver(h, testSecret, id); code != 200 {
			t.Fatalf("re-delivered update %d: status %d", id, code)
		}
		if calls[id] != 1 {
			t.Errorf("update %d handled %d times after %d others, want once", id, calls[id], n)
		}
	}

	// Bounded: with a window of 128 ids the oldest are forgotten.
	small := NewWebhookHandler(testSecret, func(_ context.Context, u tgbotapi.Update) error {
		mu.Lock()
		calls[-u.UpdateID]++
		mu.Unlock()
		return nil
	}, WebhookOptions{Remember: 128})
	for id := 1; id <= 1000; id++ {
		deliver(small, testSecret, id)
	}
	deliver(small, testSecret, 1000)
	deliver(small, testSecret, 1)
	if calls[-1000] != 1 || calls[-1] != 2 {
		t.Errorf("window of 128: update 1000 handled %d times (want 1), update 1 %d times (want 2, forgotten)", calls[-1000], calls[-1])
	}
}

func TestIDWindowRenumbered(t *testing.T) {
	w := newIDWindow(1024)
	for id := 5_000_000; id < 5_000_100; id++ {
		w.add(id)
	}
	// Telegram picked a new, lower starting id: the new ids are remembered.
	w.add(17)
	w.add(18)
	if !w.has(17) || !w.has(18) || w.has(19) || w.has(5_000_050) {
		t.Errorf("after renumbering: has(17)=%v has(18)=%v has(19)=%v has(old)=%v", w.has(17), w.has(18), w.has(19), w.has(5_000_050))
	}
	// Ids rising past the window's end reuse its slots cleanly.
	for id := 19; id < 19+3000; id++ {
		w.add(id)
	}
	if w.has(18) || !w.has(3018) || !w.has(3018-1023) || w.has(3018-1024) {
		t.Errorf("sliding: has(18)=%v has(3018)=%v", w.has(18), w.has(3018))
	}
}

// TestWebhookWrongSecretLogRateLimited: anyone who finds the webhook's URL
// may post to it; each wrong-secret request must not write a log line.
func TestWebhookWrongSecretLogRateLimited(t *testing.T) {
	var logs bytes.Buffer
	h := NewWebhookHandler(testSecret, func(context.Context, tgbotapi.Update) error { return nil },
		WebhookOptions{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	for i := range 500 {
		if code := deliver(h, "wrong-secret", i+1); code != 401 {
			t.Fatalf("status %d, want 401", code)
		}
	}
	if n := strings.Count(logs.String(), "wrong or missing secret"); n != 1 {
		t.Errorf("%d log lines for 500 wrong-secret requests within a minute, want 1:\n%s", n, logs.String()[:min(len(logs.String()), 500)])
	}
}
