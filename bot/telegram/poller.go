package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Handler handles one update; an error means "not handled, deliver again".
type Handler func(ctx context.Context, u tgbotapi.Update) error

// PollerOptions tune a Poller; zero values take the defaults shown.
type PollerOptions struct {
	Limit          int           // updates per getUpdates (100)
	LongPoll       time.Duration // getUpdates timeout when idle (30 s)
	AllowedUpdates []string      // AllowedUpdates()
	MaxConcurrency int           // updates handled at once, over all chats (64)

	// A failing handler is retried this often (5), waiting HandlerBackoff
	// (500 ms doubling up to 10 s) in between, then skipped.
	HandlerAttempts                       int
	HandlerBackoffBase, HandlerBackoffMax time.Duration

	// getUpdates errors back off from BackoffBase up to BackoffMax (500 ms, 30 s).
	BackoffBase, BackoffMax time.Duration

	// While updates are in flight the offset cannot move past them, so
	// getUpdates cannot long poll (it would return them at once). New
	// updates are then fetched when one finishes, at most every BusyPollMin
	// (5 ms), and, while nothing finishes (one chat's update is slow), every
	// BusyPollMin doubling up to BusyPollMax (250 ms): the delay other chats
	// may see behind a slow one.
	BusyPollMin, BusyPollMax time.Duration

	// On shutdown, updates being handled get ShutdownGrace (3 s) to finish,
	// then their context is cancelled; the offset is confirmed within
	// CommitTimeout (1 s).
	ShutdownGrace, CommitTimeout time.Duration

	// SaveEvery spaces state saves (20 ms): a crash may answer again what was
	// handled in the last SaveEvery, a file store is not rewritten per update.
	SaveEvery time.Duration

	// KeepWebhook skips deleteWebhook at start.
	KeepWebhook bool

	Logger *slog.Logger
}

// Poller is the getUpdates loop; see the package doc.
type Poller struct {
	c     *Client
	store Store
	o     PollerOptions
	log   *slog.Logger
}

// NewPoller returns a poller fetching through c and remembering what it
// handled in store (nil = memory only).
func NewPoller(c *Client, store Store, opts PollerOptions) *Poller {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if opts.Limit <= 0 || opts.Limit > 100 {
		opts.Limit = 100
	}
	def(&opts.LongPoll, 30*time.Second)
	if opts.AllowedUpdates == nil {
		opts.AllowedUpdates = AllowedUpdates()
	}
	if opts.MaxConcurrency <= 0 {
		opts.MaxConcurrency = 64
	}
	if opts.HandlerAttempts <= 0 {
		opts.HandlerAttempts = 5
	}
	def(&opts.HandlerBackoffBase, 500*time.Millisecond)
	def(&opts.HandlerBackoffMax, 10*time.Second)
	def(&opts.BackoffBase, 500*time.Millisecond)
	def(&opts.BackoffMax, 30*time.Second)
	def(&opts.BusyPollMin, 5*time.Millisecond)
	def(&opts.BusyPollMax, 250*time.Millisecond)
	def(&opts.ShutdownGrace, 3*time.Second)
	def(&opts.CommitTimeout, time.Second)
	def(&opts.SaveEvery, 20*time.Millisecond)
	if store == nil {
		store = NewMemoryStore()
	}
	log := opts.Logger
	if log == nil {
		log = c.log
	}
	return &Poller{c: c, store: store, o: opts, log: log}
}

// run is the state of one Run.
type run struct {
	p   *Poller
	h   Handler
	log *slog.Logger

	stop       context.Context // Run's ctx: done = stop fetching and starting updates
	handlerCtx context.Context // outlives stop by the grace period
	hardCancel context.CancelFunc
	sem        chan struct{}
	workers    sync.WaitGroup
	progress   chan struct{} // an update was handled or the offset moved
	saveWanted chan struct{}
	saverDone  chan struct{}
	lastPolled int // offset of the last successful getUpdates
	lastPollAt time.Time
	mu         sync.Mutex
	offset     int          // next offset: every fetched update below it is handled
	maxSeen    int          // highest update id fetched
	pending    []int        // fetched ids ≥ offset, ascending, not all handled
	done       map[int]bool // handled ids ≥ offset (some maybe not fetched yet, from the store)
	chats      map[int64]*[]tgbotapi.Update
	raw        map[int]json.RawMessage // queued update id → its JSON (WithRawUpdate)
	stopping   bool
}

// Run fetches and handles updates until ctx is done (returns nil after
// finishing in-flight updates and confirming the offset) or a fatal error
// (401: wraps ErrUnauthorized).
func (p *Poller) Run(ctx context.Context, h Handler) error {
	st, err := p.store.Load()
	if err != nil {
		return fmt.Errorf("telegram: poller: %w", err)
	}
	if self := p.c.Self().ID; st.BotID != 0 && st.BotID != self {
		p.log.Warn("telegram: poller state belongs to another bot; starting afresh", "state_bot", st.BotID, "bot", self)
		st = State{}
	}
	r := newRun(ctx, p, h, st)
	defer r.hardCancel()
	saverStop := make(chan struct{})
	go r.saver(saverStop)

	var fatal error
	if !p.o.KeepWebhook {
		// A bot that ran in webhook mode before gets 409 on every getUpdates
		// until its webhook is deleted.
		if err := DeleteWebhook(ctx, p.c, false); err != nil {
			if errors.Is(err, ErrUnauthorized) {
				fatal = fmt.Errorf("telegram: polling: %w", err)
			} else if ctx.Err() == nil {
				p.log.Warn("telegram: deleteWebhook failed; polling anyway", "err", err)
			}
		}
	}
	if fatal == nil {
		fatal = r.fetch(ctx)
	}
	r.shutdown(ctx)
	close(saverStop)
	<-r.saverDone
	r.save()
	return fatal
}

func newRun(ctx context.Context, p *Poller, h Handler, st State) *run {
	r := &run{
		p: p, h: h, log: p.log, stop: ctx,
		sem:        make(chan struct{}, p.o.MaxConcurrency),
		progress:   make(chan struct{}, 1),
		saveWanted: make(chan struct{}, 1),
		saverDone:  make(chan struct{}),
		offset:     st.Offset,
		maxSeen:    st.Offset - 1,
		done:       map[int]bool{},
		chats:      map[int64]*[]tgbotapi.Update{},
		raw:        map[int]json.RawMessage{},
	}
	for _, id := range st.Handled {
		if id >= st.Offset {
			r.done[id] = true
		}
	}
	r.handlerCtx, r.hardCancel = context.WithCancel(context.WithoutCancel(ctx))
	return r
}

// fetch is the getUpdates loop; it returns nil when ctx is done.
func (r *run) fetch(ctx context.Context) error {
	o := r.p.o
	bo := backoff{Base: o.BackoffBase, Max: o.BackoffMax}
	failures := 0
	busyWait := o.BusyPollMin
	for ctx.Err() == nil {
		r.mu.Lock()
		offset, busy, seen := r.offset, len(r.pending) > 0, r.maxSeen
		r.mu.Unlock()
		timeout := int(o.LongPoll / time.Second)
		if busy {
			timeout = 0
		}
		r.lastPollAt = time.Now()
		// Only this goroutine moves maxSeen, so updates up to seen are
		// known to dispatchRaw, which skips them; ids below the offset
		// mean Telegram renumbered, and dispatchRaw then takes them all.
		unseen := func(id int) bool { return id > seen || id < offset }
		ups, raws, err := r.p.c.getUpdatesRaw(ctx, tgbotapi.UpdateConfig{Offset: offset, Limit: o.Limit, Timeout: timeout, AllowedUpdates: o.AllowedUpdates}, unseen)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, ErrUnauthorized) {
				return fmt.Errorf("telegram: polling stopped: %w", err)
			}
			failures++
			wait := bo.delay(failures)
			var ae *APIError
			switch {
			case errors.As(err, &ae) && ae.Code == 429:
				wait = max(ae.RetryAfter, o.BackoffBase)
				r.log.Warn("telegram: getUpdates rate limited", "retry_after", wait)
			case errors.Is(err, ErrConflict):
				wait = o.BackoffMax
				r.log.Error("telegram: getUpdates conflict (409): a webhook is set for this bot, or another instance polls with the same token; only one may run", "retry_in", wait, "err", err)
			default:
				r.log.Warn("telegram: getUpdates failed, retrying", "failures", failures, "retry_in", wait, "err", err)
			}
			if sleep(ctx, wait) != nil {
				return nil
			}
			continue
		}
		failures = 0
		r.lastPolled = offset
		fresh := r.dispatchRaw(ups, raws, offset)
		r.mu.Lock()
		busy = len(r.pending) > 0
		r.mu.Unlock()
		if !busy {
			busyWait = o.BusyPollMin
			continue
		}
		if fresh > 0 {
			busyWait = o.BusyPollMin
		}
		if !r.waitBusy(ctx, &busyWait) {
			return nil
		}
	}
	return nil
}

// waitBusy waits, while updates are in flight, for a reason to poll again:
// one finished (the offset moved), or busyWait passed (new updates may
// have come behind a slow one; the wait doubles while nothing happens).
func (r *run) waitBusy(ctx context.Context, busyWait *time.Duration) bool {
	o := r.p.o
	t := time.NewTimer(*busyWait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-r.progress:
		*busyWait = o.BusyPollMin
	case <-t.C:
		*busyWait = min(*busyWait*2, o.BusyPollMax)
	}
	if d := o.BusyPollMin - time.Since(r.lastPollAt); d > 0 {
		return sleep(ctx, d) == nil
	}
	return true
}

// dispatch queues the updates not seen before on their chats' queues and
// returns how many there were. Updates handled before a restart are only
// recorded, so the offset can move past them.
func (r *run) dispatch(ups []tgbotapi.Update, sentOffset int) int {
	return r.dispatchRaw(ups, nil, sentOffset)
}

// dispatchRaw is dispatch keeping each queued update's JSON (raws[i] is
// ups[i]'s) for its handler's context.
func (r *run) dispatchRaw(ups []tgbotapi.Update, raws []json.RawMessage, sentOffset int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(ups) > 0 && ups[0].UpdateID < sentOffset && len(r.pending) == 0 {
		// Telegram sent an update below the offset it was given (not below
		// r.offset, which may have moved while the call was out): its ids
		// were renumbered (it picks a random next id after a week without
		// updates). Follow it rather than ignore that update forever.
		r.log.Warn("telegram: update ids restarted below the offset", "update_id", ups[0].UpdateID, "offset", sentOffset)
		r.offset, r.maxSeen = ups[0].UpdateID, ups[0].UpdateID-1
		r.lastPolled = 0
		clear(r.done)
	}
	fresh := 0
	for i, u := range ups {
		id := u.UpdateID
		if id <= r.maxSeen {
			continue // in flight, or handled and waiting for an earlier one
		}
		r.maxSeen = id
		r.pending = append(r.pending, id)
		fresh++
		if r.done[id] {
			r.log.Info("telegram: skipping update handled before restart", "update_id", id)
			continue
		}
		if i < len(raws) {
			r.raw[id] = raws[i]
		}
		key := chatKey(u)
		q, running := r.chats[key]
		if !running {
			q = new([]tgbotapi.Update)
			r.chats[key] = q
		}
		*q = append(*q, u)
		if !running {
			r.workers.Add(1)
			go r.work(key, q)
		}
	}
	r.advance()
	return fresh
}

// chatKey groups updates that must be handled in order: those of one chat
// (or, without a chat, of one user). Others get a key of their own.
func chatKey(u tgbotapi.Update) int64 {
	msg := func(m *tgbotapi.Message) (int64, bool) {
		if m != nil && m.Chat != nil {
			return m.Chat.ID, true
		}
		return 0, false
	}
	for _, m := range []*tgbotapi.Message{u.Message, u.EditedMessage, u.ChannelPost, u.EditedChannelPost} {
		if id, ok := msg(m); ok {
			return id
		}
	}
	switch {
	case u.CallbackQuery != nil:
		if id, ok := msg(u.CallbackQuery.Message); ok {
			return id
		}
		if u.CallbackQuery.From != nil {
			return u.CallbackQuery.From.ID
		}
	case u.InlineQuery != nil && u.InlineQuery.From != nil:
		return u.InlineQuery.From.ID
	case u.ChosenInlineResult != nil && u.ChosenInlineResult.From != nil:
		return u.ChosenInlineResult.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	case u.ChatMember != nil:
		return u.ChatMember.Chat.ID
	}
	return math.MinInt64 + int64(u.UpdateID) // far below any chat id
}

// advance moves the offset past the handled prefix. Caller holds r.mu.
func (r *run) advance() {
	i := 0
	for i < len(r.pending) && r.done[r.pending[i]] {
		delete(r.done, r.pending[i])
		i++
	}
	r.pending = r.pending[i:]
	next := r.maxSeen + 1
	if len(r.pending) > 0 {
		next = r.pending[0]
	}
	if next <= r.offset {
		return
	}
	r.offset = next
	for id := range r.done {
		if id < next {
			delete(r.done, id)
		}
	}
	r.wake()
}

// wake tells the fetch loop that an update was handled or the offset
// moved, and the saver that there is state to save; neither waits.
func (r *run) wake() {
	select {
	case r.progress <- struct{}{}:
	default:
	}
	select {
	case r.saveWanted <- struct{}{}:
	default:
	}
}

// work handles one chat's queue in order, one update at a time.
func (r *run) work(key int64, q *[]tgbotapi.Update) {
	defer r.workers.Done()
	for {
		r.mu.Lock()
		if len(*q) == 0 || r.stopping || r.stop.Err() != nil {
			delete(r.chats, key)
			r.mu.Unlock()
			return
		}
		u := (*q)[0]
		*q = (*q)[1:]
		r.mu.Unlock()

		select {
		case r.sem <- struct{}{}:
		case <-r.stop.Done():
			r.mu.Lock()
			delete(r.chats, key) // the rest is delivered again after restart
			r.mu.Unlock()
			return
		}
		growStack(u.UpdateID)
		handled := r.handle(u)
		<-r.sem

		r.mu.Lock()
		if !handled {
			// Stopped before it was handled: later updates of this chat must
			// not overtake it, so the whole queue waits for the next run.
			delete(r.chats, key)
			r.mu.Unlock()
			return
		}
		r.done[u.UpdateID] = true
		r.wake()
		r.advance()
		r.mu.Unlock()
	}
}

// handle runs the handler with retries. It returns false when shutdown
// interrupted the update before it was handled.
func (r *run) handle(u tgbotapi.Update) bool {
	defer func() {
		r.mu.Lock()
		delete(r.raw, u.UpdateID)
		r.mu.Unlock()
	}()
	o := r.p.o
	bo := backoff{Base: o.HandlerBackoffBase, Max: o.HandlerBackoffMax}
	for attempt := 1; ; attempt++ {
		err, panicked := r.call(u)
		if err == nil {
			return true
		}
		if panicked {
			// A panic is a bug, and deterministic more often than not:
			// running the update again would panic again, and may repeat a
			// reply sent before the panic. Logged with its stack, skipped.
			return true
		}
		if r.handlerCtx.Err() != nil || r.stop.Err() != nil {
			return false
		}
		if attempt >= o.HandlerAttempts {
			// Skipping loses this update, but holding the offset on it would
			// block every later update for good: one poison update must not
			// stop the bot.
			r.log.Error("telegram: giving up on update, skipping it", "update_id", u.UpdateID, "attempts", attempt, "err", err)
			return true
		}
		wait := bo.delay(attempt)
		r.log.Warn("telegram: handler failed, retrying", "update_id", u.UpdateID, "attempt", attempt, "retry_in", wait, "err", err)
		if sleep(r.stop, wait) != nil {
			return false
		}
	}
}

func (r *run) call(u tgbotapi.Update) (err error, panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			r.log.Error("telegram: handler panicked", "update_id", u.UpdateID, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err, panicked = fmt.Errorf("handler panicked: %v", v), true
		}
	}()
	r.mu.Lock()
	raw := r.raw[u.UpdateID]
	r.mu.Unlock()
	return r.h(WithRawUpdate(r.handlerCtx, raw), u), false
}

// shutdown lets in-flight updates finish within the grace period, then
// confirms the offset with a last getUpdates.
func (r *run) shutdown(ctx context.Context) {
	o := r.p.o
	r.mu.Lock()
	r.stopping = true
	r.mu.Unlock()
	finished := make(chan struct{})
	go func() { r.workers.Wait(); close(finished) }()
	t := time.NewTimer(o.ShutdownGrace)
	select {
	case <-finished:
	case <-t.C:
		r.log.Warn("telegram: updates still in flight after the grace period, cancelling them", "grace", o.ShutdownGrace)
		r.hardCancel()
		select {
		case <-finished:
		case <-time.After(o.CommitTimeout / 2):
			r.log.Error("telegram: a handler ignores cancellation; its update will be delivered again")
		}
	}
	t.Stop()

	r.mu.Lock()
	offset := r.offset
	r.mu.Unlock()
	if offset > r.lastPolled {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.CommitTimeout)
		_, err := r.p.c.getUpdates(cctx, tgbotapi.UpdateConfig{Offset: offset, Limit: 1, Timeout: 0, AllowedUpdates: r.p.o.AllowedUpdates})
		cancel()
		if err != nil {
			r.log.Warn("telegram: could not confirm the offset; the saved state skips handled updates on restart", "offset", offset, "err", err)
		} else {
			r.lastPolled = offset
		}
	}
}

// saver writes the state when it changed, at most every SaveEvery.
func (r *run) saver(stop <-chan struct{}) {
	defer close(r.saverDone)
	for {
		select {
		case <-stop:
			return
		case <-r.saveWanted:
		}
		r.save()
		select {
		case <-stop:
			return
		case <-time.After(r.p.o.SaveEvery):
		}
	}
}

func (r *run) save() {
	r.mu.Lock()
	st := State{BotID: r.p.c.Self().ID, Offset: r.offset}
	for id := range r.done {
		st.Handled = append(st.Handled, id)
	}
	r.mu.Unlock()
	slices.Sort(st.Handled)
	if err := r.p.store.Save(st); err != nil {
		r.log.Error("telegram: saving poller state failed; a restart may answer some updates again", "err", err)
	}
}
