package telegram

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

// slack absorbs timer and scheduling granularity in lower-bound checks.
const slack = 5 * time.Millisecond

func fastSender(c *Client, o SenderOptions) *Sender {
	if o.BackoffBase == 0 {
		o.BackoffBase, o.BackoffMax = time.Millisecond, 4*time.Millisecond
	}
	return NewSender(c, o)
}

func TestSenderRetries(t *testing.T) {
	tests := []struct {
		name      string
		faults    []telegramtest.Fault
		wantCalls int
		wantErr   bool
		wantCode  int
	}{
		{name: "no fault", wantCalls: 1},
		{name: "429 with retry_after", faults: []telegramtest.Fault{telegramtest.TooManyRequests(2)}, wantCalls: 2},
		{name: "429 with retry_after 0", faults: []telegramtest.Fault{telegramtest.TooManyRequests(0)}, wantCalls: 2},
		{name: "500", faults: []telegramtest.Fault{telegramtest.ServerError(500)}, wantCalls: 2},
		{name: "HTML 502 page then 503", faults: []telegramtest.Fault{telegramtest.BadGatewayPage(), telegramtest.ServerError(503)}, wantCalls: 3},
		{name: "dropped connection", faults: []telegramtest.Fault{telegramtest.DropConnection()}, wantCalls: 2},
		{name: "400 is not retried", faults: []telegramtest.Fault{{Code: 400, Description: "Bad Request: can't parse entities"}},
			wantCalls: 1, wantErr: true, wantCode: 400},
		{name: "403 is not retried", faults: []telegramtest.Fault{{Code: 403, Description: "Forbidden: bot was blocked by the user"}},
			wantCalls: 1, wantErr: true, wantCode: 403},
		{name: "gives up after MaxAttempts", wantCalls: 3, wantErr: true, wantCode: 500, faults: []telegramtest.Fault{
			telegramtest.ServerError(500), telegramtest.ServerError(500), telegramtest.ServerError(500), telegramtest.ServerError(500)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, srv := testClient(t)
			s := fastSender(c, SenderOptions{Rate: 30, MaxAttempts: 3})
			for _, f := range tt.faults {
				srv.FailNext("sendMessage", 1, f)
			}
			m, err := s.Send(t.Context(), 42, tgbotapi.NewMessage(42, "你好"))
			if got := srv.CallCount("sendMessage"); got != tt.wantCalls {
				t.Errorf("sendMessage calls = %d, want %d", got, tt.wantCalls)
			}
			if tt.wantErr {
				var ae *APIError
				if !errors.As(err, &ae) || ae.Code != tt.wantCode {
					t.Fatalf("err = %v, want APIError %d", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			if m.MessageID == 0 || srv.SentCount() != 1 {
				t.Errorf("message %+v, %d sent; want one message", m, srv.SentCount())
			}
		})
	}
}

func TestSenderHonoursRetryAfter(t *testing.T) {
	c, srv := testClient(t) // retry_after unit: 1ms
	s := fastSender(c, SenderOptions{Rate: 30})
	srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(80))
	if _, err := s.Send(t.Context(), 42, tgbotapi.NewMessage(42, "你好")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	calls := srv.CallsTo("sendMessage")
	if len(calls) != 2 {
		t.Fatalf("%d calls, want 2", len(calls))
	}
	if gap := calls[1].Time.Sub(calls[0].Time); gap < 80*time.Millisecond-slack {
		t.Errorf("retried after %v, want at least retry_after 80ms", gap)
	}
}

// TestSender429PausesChat checks that a 429 holds back the chat's other
// sends too, and on a call bound to no chat, every chat's.
func TestSender429Pauses(t *testing.T) {
	tests := []struct {
		name      string
		firstChat int64
		other     int64
	}{
		{name: "same chat waits", firstChat: 42, other: 42},
		{name: "chat-less 429 pauses every chat", firstChat: 0, other: 43},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, srv := testClient(t)
			s := fastSender(c, SenderOptions{Rate: 1000, PerChat: 1000, ChatBurst: 100})
			method := "sendMessage"
			var first tgbotapi.Chattable = tgbotapi.NewMessage(tt.firstChat, "一")
			if tt.firstChat == 0 {
				method = "answerCallbackQuery"
				first = tgbotapi.NewCallback("cq1", "")
			}
			srv.FailNext(method, 1, telegramtest.TooManyRequests(100))
			done := make(chan error, 1)
			go func() { _, err := s.Request(t.Context(), tt.firstChat, first); done <- err }()
			if err := srv.WaitCalls(t.Context(), method, 1); err != nil {
				t.Fatal(err)
			}
			limitedAt := srv.CallsTo(method)[0].Time
			// The 429 reaches the sender a moment after the server logged
			// the call; send the other message once the pause is in place.
			for !s.paused(tt.firstChat) {
				time.Sleep(time.Millisecond)
			}
			if _, err := s.Send(t.Context(), tt.other, tgbotapi.NewMessage(tt.other, "二")); err != nil {
				t.Fatalf("Send: %v", err)
			}
			if err := <-done; err != nil {
				t.Fatalf("first request: %v", err)
			}
			var otherAt time.Time
			for _, call := range srv.CallsTo("sendMessage") {
				if call.Params["text"] == "二" {
					otherAt = call.Time
				}
			}
			if gap := otherAt.Sub(limitedAt); gap < 100*time.Millisecond-slack {
				t.Errorf("other send went %v after the 429, want the 100ms pause", gap)
			}
		})
	}
}

// sendTimes sends n messages to each chat concurrently and returns when
// each chat's messages reached the server, relative to the start.
func sendTimes(t *testing.T, s *Sender, srv *telegramtest.Server, chats []int64, n int) map[int64][]time.Duration {
	t.Helper()
	start := time.Now()
	var wg sync.WaitGroup
	for _, chat := range chats {
		for i := range n {
			wg.Go(func() {
				if _, err := s.Send(t.Context(), chat, tgbotapi.NewMessage(chat, fmt.Sprint("消息", i))); err != nil {
					t.Errorf("Send to %d: %v", chat, err)
				}
			})
		}
	}
	wg.Wait()
	got := map[int64][]time.Duration{}
	for _, m := range srv.Sent() {
		got[m.ChatID] = append(got[m.ChatID], m.Time.Sub(start))
	}
	return got
}

func TestSenderRateLimits(t *testing.T) {
	const step = 50 * time.Millisecond // one limiter interval in these tests
	tests := []struct {
		name  string
		opts  SenderOptions
		chats []int64
		n     int
		// minAt[i]: the i-th message (over all chats, in arrival order) may
		// not arrive before this.
		minAt []time.Duration
	}{
		{name: "per chat: burst then one per interval", chats: []int64{42}, n: 5,
			opts:  SenderOptions{Rate: 1000, PerChat: 20, ChatBurst: 3},
			minAt: []time.Duration{0, 0, 0, step, 2 * step}},
		{name: "group: also per minute", chats: []int64{-100}, n: 4,
			opts:  SenderOptions{Rate: 1000, PerChat: 1000, ChatBurst: 10, GroupPerMinute: 60 * 20, GroupBurst: 2},
			minAt: []time.Duration{0, 0, step, 2 * step}},
		{name: "private chat: no group limit", chats: []int64{100}, n: 4,
			opts:  SenderOptions{Rate: 1000, PerChat: 1000, ChatBurst: 10, GroupPerMinute: 60 * 20, GroupBurst: 2},
			minAt: []time.Duration{0, 0, 0, 0}},
		{name: "global: across chats", chats: []int64{1, 2, 3, 4, 5}, n: 1,
			opts:  SenderOptions{Rate: 20, GlobalBurst: 2},
			minAt: []time.Duration{0, 0, step, 2 * step, 3 * step}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, srv := testClient(t)
			s := fastSender(c, tt.opts)
			got := sendTimes(t, s, srv, tt.chats, tt.n)
			var all []time.Duration
			for _, ts := range got {
				all = append(all, ts...)
			}
			if len(all) != len(tt.minAt) {
				t.Fatalf("%d messages arrived, want %d", len(all), len(tt.minAt))
			}
			// Sent() is in arrival order per chat; merge for the global case.
			sortDurations(all)
			for i, at := range all {
				if at < tt.minAt[i]-slack {
					t.Errorf("message %d arrived at %v, limit allows it from %v (all: %v)", i, at, tt.minAt[i], all)
				}
			}
			if tt.minAt[len(tt.minAt)-1] == 0 && all[len(all)-1] > 40*time.Millisecond {
				t.Logf("unlimited sends took %v (slow machine?)", all[len(all)-1])
			}
		})
	}
}

func sortDurations(d []time.Duration) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j] < d[j-1]; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

// TestSenderFairness: chat A floods 20 messages; chat B's one message goes
// out while A still waits on its own limiter, not behind A's queue.
func TestSenderFairness(t *testing.T) {
	c, srv := testClient(t)
	// A's 4th message is due 1s after its first; B must not wait for it.
	s := fastSender(c, SenderOptions{Rate: 30, PerChat: 1, ChatBurst: 3})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait()
	for i := range 20 {
		wg.Go(func() { _, _ = s.Send(ctx, 1, tgbotapi.NewMessage(1, fmt.Sprint("A", i))) })
	}
	if err := srv.WaitCalls(ctx, "sendMessage", 3); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Send(ctx, 2, tgbotapi.NewMessage(2, "B")); err != nil {
		t.Fatalf("Send to B: %v", err)
	}
	perChat := map[int64]int{}
	for _, m := range srv.Sent() {
		perChat[m.ChatID]++
	}
	if perChat[2] != 1 || perChat[1] != 3 {
		t.Errorf("when B's message went out: A had %d sent, B %d; want A only its burst of 3, B 1", perChat[1], perChat[2])
	}
	cancel() // A's 17 waiting sends give up
}

// TestSenderRateZero: Rate 0 lifts every limit, for benchmarks.
func TestSenderRateZero(t *testing.T) {
	c, srv := testClient(t)
	s := fastSender(c, SenderOptions{Rate: 0})
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second) // limited, 30 messages to one chat take 27s
	defer cancel()
	for i := range 30 {
		if _, err := s.Send(ctx, -100, tgbotapi.NewMessage(-100, fmt.Sprint(i))); err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
	}
	if srv.SentCount() != 30 {
		t.Errorf("%d sent, want 30", srv.SentCount())
	}
}

// TestSenderChatActionNotLimited: "typing…" must not take the chat's slot
// and delay the answer.
func TestSenderChatActionNotLimited(t *testing.T) {
	c, srv := testClient(t)
	s := fastSender(c, SenderOptions{Rate: 30, PerChat: 0.5, ChatBurst: 1})
	for range 3 {
		if _, err := s.Request(t.Context(), 42, tgbotapi.NewChatAction(42, tgbotapi.ChatTyping)); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	if _, err := s.Send(t.Context(), 42, tgbotapi.NewMessage(42, "答")); err != nil {
		t.Fatal(err)
	}
	// Had the actions counted, the burst-1 limiter would hold this 6s.
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("answer waited %v after chat actions", d)
	}
	if srv.CallCount("sendChatAction") != 3 {
		t.Errorf("chat actions: %d", srv.CallCount("sendChatAction"))
	}
}

func TestSenderContextCancelled(t *testing.T) {
	c, srv := testClient(t)
	s := fastSender(c, SenderOptions{Rate: 30, PerChat: 1, ChatBurst: 1})
	if _, err := s.Send(t.Context(), 42, tgbotapi.NewMessage(42, "一")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := s.Send(ctx, 42, tgbotapi.NewMessage(42, "二")) // its slot is 1s away
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded while waiting", err)
	}
	if srv.CallCount("sendMessage") != 1 {
		t.Errorf("%d sendMessage calls, want 1", srv.CallCount("sendMessage"))
	}
}

func (s *Sender) paused(chatID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if chatID == 0 {
		return s.globalPause.After(time.Now())
	}
	return s.chat(chatID).pause.After(time.Now())
}
