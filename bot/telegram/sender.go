package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SenderOptions tune a Sender. The zero value means: no rate limits (Rate
// 0), Telegram's per-chat and per-group limits, 5 attempts.
type SenderOptions struct {
	// Rate is the overall messages per second (Telegram allows 30). 0 lifts
	// every limit, per chat and per group too: for benchmarks and for a
	// self-hosted Bot API server.
	Rate float64
	// PerChat and ChatBurst limit one chat (default 1/s, burst 3).
	PerChat   float64
	ChatBurst int
	// GroupPerMinute and GroupBurst additionally limit groups, chatID < 0
	// (default 20/min, burst 20).
	GroupPerMinute float64
	GroupBurst     int
	// GlobalBurst is the overall limiter's burst (default Rate, at least 1).
	GlobalBurst int
	// MaxAttempts bounds the tries of one send (default 5).
	MaxAttempts int
	// Backoff between tries after 5xx or network errors (default 200 ms
	// doubling up to 5 s, with jitter); also the wait after a 429 with
	// retry_after 0.
	BackoffBase, BackoffMax time.Duration
	Logger                  *slog.Logger
}

// Sender sends through Telegram's rate limits and retries transient
// failures; see the package doc.
type Sender struct {
	c    *Client
	opts SenderOptions
	bo   backoff
	log  *slog.Logger

	mu          sync.Mutex
	chats       map[int64]*chatLimit
	global      gcra
	globalPause time.Time
	reserves    int // reservations since the last sweep of idle chats
}

// chatLimit is one chat's limiter state. waiters counts sends holding a
// reservation, so the sweep never drops a chat something is waiting on.
type chatLimit struct {
	chat    gcra
	group   gcra // used for groups only
	pause   time.Time
	waiters int
}

// gcra is a token bucket in its virtual-scheduling form: tat is the
// theoretical arrival time of the next send; one may go at t when
// t ≥ tat − (burst−1)·interval.
type gcra struct {
	interval time.Duration
	tol      time.Duration
	tat      time.Time
}

func newGCRA(perSecond float64, burst int) gcra {
	if perSecond <= 0 {
		return gcra{}
	}
	iv := time.Duration(float64(time.Second) / perSecond)
	return gcra{interval: iv, tol: time.Duration(max(burst, 1)-1) * iv}
}

func (g *gcra) earliest(now time.Time) time.Time {
	if g.interval == 0 {
		return now
	}
	if t := g.tat.Add(-g.tol); t.After(now) {
		return t
	}
	return now
}

func (g *gcra) take(at time.Time) {
	if g.interval == 0 {
		return
	}
	g.tat = later(g.tat, at).Add(g.interval)
}

// giveBack returns a slot taken by a send that gave up waiting for it (its
// context ended): otherwise every timed-out send of a flooding chat would
// push the chat's next slot further away, and its queue would never drain.
// Sends that reserved later slots keep them; the schedule only loses the
// abandoned one.
func (g *gcra) giveBack() {
	if g.interval == 0 {
		return
	}
	g.tat = g.tat.Add(-g.interval)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// NewSender returns a Sender sending through c.
func NewSender(c *Client, opts SenderOptions) *Sender {
	if opts.PerChat <= 0 {
		opts.PerChat = 1
	}
	if opts.ChatBurst <= 0 {
		opts.ChatBurst = 3
	}
	if opts.GroupPerMinute <= 0 {
		opts.GroupPerMinute = 20
	}
	if opts.GroupBurst <= 0 {
		opts.GroupBurst = max(1, int(opts.GroupPerMinute))
	}
	if opts.GlobalBurst <= 0 {
		opts.GlobalBurst = max(1, int(opts.Rate))
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 5
	}
	if opts.BackoffBase <= 0 {
		opts.BackoffBase = 200 * time.Millisecond
	}
	if opts.BackoffMax <= 0 {
		opts.BackoffMax = 5 * time.Second
	}
	log := opts.Logger
	if log == nil {
		log = c.log
	}
	s := &Sender{c: c, opts: opts, log: log, bo: backoff{Base: opts.BackoffBase, Max: opts.BackoffMax}, chats: map[int64]*chatLimit{}}
	if opts.Rate > 0 {
		s.global = newGCRA(opts.Rate, opts.GlobalBurst)
	}
	return s
}

// Send sends ch (a message or an edit) to chatID and returns the sent message.
func (s *Sender) Send(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (tgbotapi.Message, error) {
	resp, err := s.Request(ctx, chatID, ch)
	if err != nil {
		return tgbotapi.Message{}, err
	}
	return decodeMessage(resp)
}

// Request sends ch; chatID 0 = not bound to a chat (answerCallbackQuery,
// answerInlineQuery), which only honours a global 429 pause.
func (s *Sender) Request(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	limited := chatID != 0 && s.opts.Rate > 0 && countsAsMessage(ch)
	for attempt := 1; ; attempt++ {
		if err := s.wait(ctx, chatID, limited); err != nil {
			return nil, fmt.Errorf("telegram: send to chat %d: %w", chatID, err)
		}
		resp, err := s.c.Request(ctx, ch)
		if err == nil {
			return resp, nil
		}
		retry, after := Retryable(err)
		if !retry || ctx.Err() != nil {
			return nil, fmt.Errorf("telegram: send to chat %d: %w", chatID, err)
		}
		if attempt >= s.opts.MaxAttempts {
			return nil, fmt.Errorf("telegram: send to chat %d: giving up after %d attempts: %w", chatID, attempt, err)
		}
		var ae *APIError
		if errors.As(err, &ae) && ae.Code == 429 {
			if after <= 0 {
				after = s.bo.delay(attempt)
			}
			// The pause applies to every send of that chat (or to all, when
			// the call was bound to no chat), not only this retry: the ones
			// already waiting would run into the same 429.
			s.pause(chatID, after)
			s.log.Warn("telegram: rate limited, pausing", "chat", chatID, "retry_after", after, "attempt", attempt)
			continue
		}
		d := s.bo.delay(attempt)
		s.log.Warn("telegram: send failed, retrying", "chat", chatID, "attempt", attempt, "wait", d, "err", err)
		if err := sleep(ctx, d); err != nil {
			return nil, fmt.Errorf("telegram: send to chat %d: %w", chatID, err)
		}
	}
}

// countsAsMessage tells whether ch counts against Telegram's message
// limits. A typing indicator or a callback/inline answer does not, and must
// not make the answer itself wait a second.
func countsAsMessage(ch tgbotapi.Chattable) bool {
	switch ch.(type) {
	case tgbotapi.ChatActionConfig, *tgbotapi.ChatActionConfig,
		tgbotapi.CallbackConfig, *tgbotapi.CallbackConfig,
		tgbotapi.InlineConfig, *tgbotapi.InlineConfig:
		return false
	}
	return true
}

func (s *Sender) pause(chatID int64, d time.Duration) {
	until := time.Now().Add(d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if chatID == 0 {
		s.globalPause = later(s.globalPause, until)
		return
	}
	cl := s.chat(chatID)
	cl.pause = later(cl.pause, until)
}

// maxChats bounds the limiter's map. Above it, chats nobody waits on and
// no 429 pauses are forgotten even if their bucket is not full yet: such a
// chat may send at once anyway, and at worst gets a fresh burst.
const maxChats = 4096

// chat returns chatID's limiter, creating it. Caller holds s.mu.
func (s *Sender) chat(chatID int64) *chatLimit {
	cl, ok := s.chats[chatID]
	if !ok {
		if len(s.chats) >= maxChats {
			s.sweep(time.Now())
		}
		cl = &chatLimit{chat: newGCRA(s.opts.PerChat, s.opts.ChatBurst)}
		if chatID < 0 {
			cl.group = newGCRA(s.opts.GroupPerMinute/60, s.opts.GroupBurst)
		}
		s.chats[chatID] = cl
	}
	return cl
}

// wait blocks until a send to chatID may go. First the chat's own limiter
// (where a flooding chat queues up, alone), then the global one: global
// slots are taken only by sends whose chat is ready, so a chat with 20
// messages queued holds no global slots while it waits. A send whose ctx
// ends while it waits gives its slots back. An unlimited send only honours
// 429 pauses and keeps no state for its chat.
func (s *Sender) wait(ctx context.Context, chatID int64, limited bool) error {
	s.mu.Lock()
	var cl *chatLimit
	switch {
	case chatID != 0 && limited:
		cl = s.chat(chatID)
	case chatID != 0:
		cl = s.chats[chatID] // present only while it has a pause to honour
	}
	if cl != nil {
		cl.waiters++
		defer func() {
			s.mu.Lock()
			cl.waiters--
			s.mu.Unlock()
		}()
	}
	giveBack := func(global bool) {
		s.mu.Lock()
		cl.chat.giveBack()
		cl.group.giveBack()
		if global {
			s.global.giveBack()
		}
		s.mu.Unlock()
	}
	if limited {
		now := time.Now()
		at := later(cl.chat.earliest(now), cl.group.earliest(now))
		cl.chat.take(at)
		cl.group.take(at)
		s.reserves++
		if s.reserves >= 1024 {
			s.sweep(now)
		}
		s.mu.Unlock()
		if err := sleep(ctx, time.Until(at)); err != nil {
			giveBack(false)
			return err
		}
		s.mu.Lock()
	}
	for {
		// A 429 may have paused the chat or everything while this send
		// slept on its reservation.
		now := time.Now()
		until := s.globalPause
		if cl != nil {
			until = later(until, cl.pause)
		}
		if until.After(now) {
			s.mu.Unlock()
			if err := sleep(ctx, until.Sub(now)); err != nil {
				if limited {
					giveBack(false)
				}
				return err
			}
			s.mu.Lock()
			continue
		}
		if !limited {
			s.mu.Unlock()
			return nil
		}
		at := s.global.earliest(now)
		s.global.take(at)
		s.mu.Unlock()
		if err := sleep(ctx, time.Until(at)); err != nil {
			giveBack(true)
			return err
		}
		return nil
	}
}

// sweep forgets chats with nothing pending: their buckets are full again
// and nobody waits on them, so a fresh limiter is the same. When that
// leaves more than maxChats/2, it also forgets idle chats whose bucket is
// still refilling (see maxChats). Memory stays bounded by the chats with a
// send waiting or a 429 pause, whatever the rate. Caller holds s.mu.
func (s *Sender) sweep(now time.Time) {
	s.reserves = 0
	idle := func(cl *chatLimit) bool { return cl.waiters == 0 && !cl.pause.After(now) }
	for id, cl := range s.chats {
		if idle(cl) && !cl.chat.tat.After(now) && !cl.group.tat.After(now) {
			delete(s.chats, id)
		}
	}
	if len(s.chats) <= maxChats/2 {
		return
	}
	for id, cl := range s.chats {
		if idle(cl) {
			delete(s.chats, id)
		}
	}
}
