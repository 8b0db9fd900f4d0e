package telegram

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

// benchTransport pushes b.N updates from 50 chats through the fake server,
// the Poller and the Sender (limits lifted) with a handler that only
// replies, so what it measures is the transport's own cost. pace 0 queues
// them as fast as possible (throughput); otherwise one per pace (latency
// from an update being available to its reply arriving).
func benchTransport(b *testing.B, pace time.Duration) {
	var mu sync.Mutex
	added := map[int]time.Time{} // message id → when its update was queued
	var lat []time.Duration
	srv := telegramtest.NewServer(b, telegramtest.WithoutLog(), telegramtest.WithSendHook(func(m telegramtest.Message) {
		mu.Lock()
		if at, ok := added[m.ReplyTo]; ok {
			lat = append(lat, m.Time.Sub(at))
		}
		mu.Unlock()
	}))
	c, err := NewClient(b.Context(), srv.Token, srv.Endpoint(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	s := NewSender(c, SenderOptions{Rate: 0})
	h := func(ctx context.Context, u tgbotapi.Update) error {
		m := tgbotapi.NewMessage(u.Message.Chat.ID, "<b>答</b> "+u.Message.Text)
		m.ParseMode = tgbotapi.ModeHTML
		m.ReplyToMessageID = u.Message.MessageID
		_, err := s.Send(ctx, u.Message.Chat.ID, m)
		return err
	}
	opts := PollerOptions{} // the defaults production runs with
	ctx, cancel := context.WithCancel(b.Context())
	done := make(chan error, 1)
	go func() { done <- NewPoller(c, NewMemoryStore(), opts).Run(ctx, h) }()

	msgs := make([]*tgbotapi.Message, b.N)
	for i := range msgs {
		msgs[i] = srv.NewMessage(telegramtest.Private(int64(i%50+1)), "问题")
	}
	b.ResetTimer()
	start := time.Now()
	next := start
	for _, m := range msgs {
		if pace > 0 {
			next = next.Add(pace)
			time.Sleep(time.Until(next))
		}
		mu.Lock()
		added[m.MessageID] = time.Now()
		mu.Unlock()
		srv.AddMessage(m)
	}
	wctx, wcancel := context.WithTimeout(b.Context(), time.Minute)
	defer wcancel()
	if err := srv.WaitUntil(wctx, func() bool { return srv.SentCount() >= b.N }); err != nil {
		b.Fatal(err)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "updates/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	if v := srv.Violations(); len(v) > 0 {
		b.Fatalf("violations: %v", v[0])
	}
}

func BenchmarkTransportBurst(b *testing.B) { benchTransport(b, 0) }

// 1000 updates/s: twice what the bot must sustain.
func BenchmarkTransportPaced1000(b *testing.B) { benchTransport(b, time.Millisecond) }
