package telegram

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// TestSenderChatMapBounded: 100,000 distinct chats, each sending once,
// leave the per-chat limiter's map bounded at any rate, 0 (no limits)
// included, and with 429 pauses in between.
func TestSenderChatMapBounded(t *testing.T) {
	for _, rate := range []float64{0, 30, 1e9} {
		t.Run(fmt.Sprint(rate), func(t *testing.T) {
			c, _ := testClient(t)
			s := NewSender(c, SenderOptions{Rate: rate, GlobalBurst: 1 << 30})
			// With a real rate the global limiter would pace 100,000 sends
			// over an hour; only the per-chat state is under test here.
			s.global = gcra{}
			peak := 0
			for i := range 100_000 {
				chat := int64(i + 1)
				if i%2 == 1 {
					chat = -chat // groups keep a second limiter
				}
				if i%1000 == 0 {
					s.pause(chat, time.Millisecond)
					time.Sleep(2 * time.Millisecond)
				}
				if err := s.wait(t.Context(), chat, rate > 0); err != nil {
					t.Fatal(err)
				}
				s.mu.Lock()
				peak = max(peak, len(s.chats))
				s.mu.Unlock()
			}
			if peak > maxChats {
				t.Errorf("the limiter held %d chats at its peak, want ≤ %d", peak, maxChats)
			}
		})
	}
}

// TestSenderTimedOutSlotReturned: sends of a flooding chat that time out
// while waiting for their slot give it back; otherwise each would push the
// chat's next slot further away and its queue would never drain (what a
// webhook update's deadline did).
func TestSenderTimedOutSlotReturned(t *testing.T) {
	c, srv := testClient(t)
	s := fastSender(c, SenderOptions{Rate: 30, PerChat: 0.1, ChatBurst: 1}) // one message per 10 s
	if _, err := s.Send(t.Context(), -42, tgbotapi.NewMessage(-42, "一")); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Millisecond)
		_, err := s.Send(ctx, -42, tgbotapi.NewMessage(-42, "超时"))
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want deadline exceeded while waiting", err)
		}
	}
	s.mu.Lock()
	next := s.chats[-42].chat.earliest(time.Now())
	s.mu.Unlock()
	if wait := time.Until(next); wait > 10*time.Second {
		t.Errorf("the chat's next slot is %v away after 5 abandoned sends, want ≤ 10 s", wait.Round(time.Second))
	}
	if n := srv.CallCount("sendMessage"); n != 1 {
		t.Errorf("%d sendMessage calls, want 1", n)
	}
}
