package bot

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"yearbookbot/bot/telegram/telegramtest"
	"yearbookbot/retrieval"
)

// closingEngine is the fake engine with Close, failing questions asked
// after it was closed: a question finishing on a closed engine shows.
type closingEngine struct {
	*fakeEngine
	closed atomic.Bool
}

func (e *closingEngine) Close() error {
	e.closed.Store(true)
	return nil
}

func (e *closingEngine) Ask(ctx context.Context, q string) (retrieval.Answer, error) {
	a, err := e.fakeEngine.Ask(ctx, q)
	if e.closed.Load() {
		return retrieval.Answer{}, errors.New("engine closed under a question")
	}
	return a, err
}

// editedEngine is the fake engine over a yearbook whose text was changed.
func editedEngine(old, new string) *fakeEngine {
	e := newFakeEngine()
	for ci := range e.book.Chapters {
		for si := range e.book.Chapters[ci].Sections {
			ps := e.book.Chapters[ci].Sections[si].Paragraphs
			for pi := range ps {
				ps[pi].Text = strings.ReplaceAll(ps[pi].Text, old, new)
			}
		}
	}
	for _, ps := range e.book.Passages() {
		e.byID[ps.Paragraph.ID] = retrieval.Hit{Source: source(ps), Text: ps.Paragraph.Text}
	}
	return e
}

func TestE2EReloadSwapsEngine(t *testing.T) {
	t.Parallel()
	first := &closingEngine{fakeEngine: newFakeEngine()}
	first.slowOn, first.delay = "慢", 600*time.Millisecond
	second := &closingEngine{fakeEngine: editedEngine("6.05亿吨", "7.77亿吨")}
	var loads atomic.Int32
	load := func(context.Context) (Engine, error) {
		switch loads.Add(1) {
		case 1:
			return first, nil
		case 2:
			return nil, errors.New("yearbook file is unreadable")
		}
		return second, nil
	}
	reload := make(chan struct{})
	opts := Options{Reload: reload}
	tb := startBot(t, first.fakeEngine, opts, load).ready()
	waitLog := func(s string, n int) {
		t.Helper()
		if err := tb.srv.WaitUntil(waitCtx(t), func() bool { return strings.Count(tb.logs.String(), s) >= n }); err != nil {
			t.Fatalf("waiting for log %q: %v\n%s", s, err, tb.logs.String())
		}
	}

	// A failed reload keeps the engine and says why.
	reload <- struct{}{}
	waitLog("reload failed", 1)
	wantIn(t, "log of a failed reload", tb.logs.String(), "yearbook file is unreadable")
	tb.say(telegramtest.Private(1), "2020年青岛港货物吞吐量是多少")
	wantIn(t, "answer after a failed reload", tb.sentTo(1, 1).Visible, "6.05亿吨")

	// A question in flight during a reload finishes on the old engine,
	// and updates keep coming: none is lost.
	slow := telegramtest.Private(2)
	tb.say(slow, "慢 2020年青岛港货物吞吐量是多少")
	if err := tb.srv.WaitUntil(waitCtx(t), func() bool { return first.asked.Load() >= tb.asked+2 }); err != nil {
		t.Fatal(err)
	}
	const n = 40
	for i := range n / 2 {
		tb.say(telegramtest.Private(int64(100+i)), "2020年青岛港货物吞吐量是多少")
	}
	reload <- struct{}{}
	waitLog("engine reloaded", 1)
	last := 0
	for i := n / 2; i < n; i++ {
		last, _ = tb.say(telegramtest.Private(int64(100+i)), "2020年青岛港货物吞吐量是多少")
	}
	tb.handled(last)
	wantIn(t, "the question in flight during the reload", tb.sentTo(slow.ID, 1).Visible, "6.05亿吨")
	for i := range n {
		if c := tb.sentCountTo(int64(100 + i)); c != 1 {
			t.Errorf("chat %d got %d replies, want 1", 100+i, c)
		}
	}
	if !first.closed.Load() {
		t.Error("the replaced engine was not closed")
	}
	// From now on the new corpus answers.
	tb.say(telegramtest.Private(3), "2020年青岛港货物吞吐量是多少")
	wantIn(t, "answer after the reload", tb.sentTo(3, 1).Visible, "7.77亿吨")
	if second.closed.Load() {
		t.Error("the current engine was closed")
	}
}
