package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// live is the handler updates go to. A reload (SIGHUP) builds a handler
// around the new engine, sharing the old one's memories (buttons, replies,
// store), and swaps it in atomically: updates already being handled finish
// on the old handler and engine, later ones start on the new. The old
// engine is closed once its last update is done.
type live struct {
	cur atomic.Pointer[generation]
	log *slog.Logger
}

// generation is one engine and the handler around it, with the count of
// updates using them.
type generation struct {
	h       *handler
	mu      sync.Mutex
	calls   int
	retired bool
}

var errNoEngine = errors.New("loader returned no engine")

func newLive(h *handler, log *slog.Logger) *live {
	l := &live{log: log}
	l.cur.Store(&generation{h: h})
	return l
}

// handle is the telegram.Handler.
func (l *live) handle(ctx context.Context, u tgbotapi.Update) error {
	g := l.acquire()
	defer g.release(l.log)
	return g.h.handle(ctx, u)
}

// current is the handler of the latest generation (for metrics and tests).
func (l *live) current() *handler { return l.cur.Load().h }

func (l *live) acquire() *generation {
	for {
		g := l.cur.Load()
		g.mu.Lock()
		if !g.retired {
			g.calls++
			g.mu.Unlock()
			return g
		}
		// Swapped meanwhile: the new generation is stored already.
		g.mu.Unlock()
	}
}

func (g *generation) release(log *slog.Logger) {
	g.mu.Lock()
	g.calls--
	last := g.retired && g.calls == 0
	g.mu.Unlock()
	if last {
		g.close(log)
	}
}

// swap makes h current and retires the generation before it.
func (l *live) swap(h *handler) {
	old := l.cur.Swap(&generation{h: h})
	old.mu.Lock()
	old.retired = true
	idle := old.calls == 0
	old.mu.Unlock()
	if idle {
		old.close(l.log)
	}
}

func (g *generation) close(log *slog.Logger) {
	if c, ok := g.h.engine.(io.Closer); ok {
		if err := c.Close(); err != nil {
			log.Warn("closing the replaced engine", "err", err)
		}
	}
}

// reload loads a new engine and swaps it in. On failure the current
// engine stays and the error is returned.
func (l *live) reload(ctx context.Context, load func(context.Context) (Engine, error)) error {
	start := time.Now()
	e, err := load(ctx)
	if err == nil && e == nil {
		err = errNoEngine
	}
	if err != nil {
		return err
	}
	l.swap(l.current().withEngine(ctx, e))
	l.log.Info("engine reloaded", "yearbooks", len(e.Yearbooks()), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// reloadLoop reloads on every signal until ctx is done, one reload at a
// time (signals during a reload coalesce into one more).
func (l *live) reloadLoop(ctx context.Context, signals <-chan struct{}, load func(context.Context) (Engine, error)) {
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-signals:
			if !ok {
				return
			}
			l.log.Info("reloading the engine")
			err := l.reload(ctx, load)
			l.current().metrics.Reload(err == nil)
			if err != nil && ctx.Err() == nil {
				l.log.Error("reload failed; still answering from the engine loaded before", "err", err)
			}
		}
	}
}

// withEngine is a handler like h answering from e: the same transport,
// settings and memories, the yearbook titles and examples of e.
func (h *handler) withEngine(ctx context.Context, e Engine) *handler {
	n := *h
	n.engine = e
	n.titles = nil
	for _, y := range e.Yearbooks() {
		n.titles = append(n.titles, y.Title)
	}
	n.examples = exampleQuestions(ctx, e, numExamples)
	return &n
}
