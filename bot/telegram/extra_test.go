package telegram

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

func TestWithParamsAddsToItsMethodsOnly(t *testing.T) {
	c, srv := testClient(t)
	ctx := WithParams(t.Context(), ThreadParams(5), "sendMessage")
	if _, err := c.Send(ctx, tgbotapi.NewMessage(1, "问")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Request(ctx, tgbotapi.NewChatAction(1, tgbotapi.ChatTyping)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Send(WithParams(ctx, nil), tgbotapi.NewMessage(1, "答")); err != nil {
		t.Fatal(err)
	}
	sent := srv.Sent()
	if len(sent) != 2 || sent[0].ThreadID != 5 || sent[0].Visible != "问" || sent[1].ThreadID != 0 {
		t.Errorf("sent %+v, want the first in thread 5, the second (params removed) in none", sent)
	}
	if p := srv.CallsTo("sendChatAction")[0].Params; p["message_thread_id"] != "" {
		t.Errorf("sendChatAction got %v, not one of the methods", p)
	}
}

func TestHandlerSeesRawUpdate(t *testing.T) {
	c, srv := testClient(t, telegramtest.WithMaxLongPoll(100*time.Millisecond))
	var (
		mu  sync.Mutex
		raw []string
	)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- NewPoller(c, nil, fastPollerOptions()).Run(ctx, func(ctx context.Context, u tgbotapi.Update) error {
			mu.Lock()
			raw = append(raw, string(RawUpdate(ctx)))
			mu.Unlock()
			return nil
		})
	}()
	id, _ := srv.AddTopicText(telegramtest.Group(-100, "forum"), 9, "问题")
	if err := srv.WaitOffset(t.Context(), id+1); err != nil {
		t.Fatal(err)
	}
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	if len(raw) != 1 || !strings.Contains(raw[0], `"message_thread_id":9`) {
		t.Errorf("raw updates %q, want the topic message's JSON", raw)
	}
}
