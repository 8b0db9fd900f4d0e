package telegram

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader carries the webhook's secret_token on every delivery.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// WebhookOptions tune NewWebhookHandler; zero values take the defaults.
type WebhookOptions struct {
	MaxBodyBytes  int64         // larger bodies get 413 (1 MiB)
	HandleTimeout time.Duration // deadline for handling one update (25 s, under Telegram's patience)
	Remember      int           // how many recent update ids are remembered to drop re-deliveries (1<<20)
	// Handled, when set, remembers handled update ids across restarts
	// (the bot's data store): an update handled just before a restart,
	// whose 200 Telegram never saw, is not handled again.
	Handled HandledStore
	Logger  *slog.Logger
}

// HandledStore keeps the ids of handled webhook updates.
type HandledStore interface {
	Handled(id int) (bool, error)
	MarkHandled(id int) error
}

type webhook struct {
	secret [sha256.Size]byte
	check  bool
	h      Handler
	o      WebhookOptions
	log    *slog.Logger

	mu       sync.Mutex
	inflight map[int]*delivery // being handled now
	handled  *idWindow         // handled successfully, the last Remember ids

	warnMu     sync.Mutex
	lastWarn   time.Time
	suppressed int // wrong-secret requests not logged since lastWarn
}

// secretWarnEvery spaces the log lines about requests with a wrong secret:
// anyone who finds the URL could otherwise fill the log.
const secretWarnEvery = time.Minute

// delivery is one update id's handling; done is closed when it ended.
type delivery struct {
	done chan struct{}
	ok   bool
}

// NewWebhookHandler serves Telegram's webhook deliveries: POST only, the
// secret header compared in constant time (401 when wrong or missing; an
// empty secret checks nothing), the body bounded (413), bad JSON 400. The
// update is handled before answering, with a deadline: 200 when handled,
// 500 so Telegram delivers it again otherwise. Telegram re-sends an update
// whose reply was slow; a recent duplicate is not handled twice.
func NewWebhookHandler(secret string, h Handler, opts WebhookOptions) http.Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.HandleTimeout <= 0 {
		opts.HandleTimeout = 25 * time.Second
	}
	if opts.Remember <= 0 {
		opts.Remember = 1 << 20
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &webhook{secret: sha256.Sum256([]byte(secret)), check: secret != "", h: h, o: opts, log: log,
		inflight: map[int]*delivery{}, handled: newIDWindow(opts.Remember)}
}

func (wh *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	if wh.check {
		// Hashing first makes the comparison constant-time in the length too.
		got := sha256.Sum256([]byte(r.Header.Get(SecretHeader)))
		if subtle.ConstantTimeCompare(got[:], wh.secret[:]) != 1 {
			wh.warnSecret(r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
	}
	var u tgbotapi.Update
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, wh.o.MaxBodyBytes))
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(body))
		if err = dec.Decode(&u); err == nil {
			err = endOfBody(dec)
		}
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		http.Error(w, "bad update JSON", http.StatusBadRequest)
		return
	case u.UpdateID <= 0:
		http.Error(w, "update without update_id", http.StatusBadRequest)
		return
	}

	d, first := wh.claim(u.UpdateID)
	if d == nil {
		w.WriteHeader(http.StatusOK) // handled before
		return
	}
	if first && wh.handledBefore(u.UpdateID) {
		wh.finish(u.UpdateID, d, true)
		w.WriteHeader(http.StatusOK)
		return
	}
	if !first {
		// Telegram gave up waiting on the first delivery and sent it
		// again: answer with the first one's outcome, do not handle twice.
		select {
		case <-d.done:
		case <-r.Context().Done():
			return
		}
		if d.ok {
			w.WriteHeader(http.StatusOK)
		} else {
			http.Error(w, "not handled", http.StatusInternalServerError)
		}
		return
	}
	// The handling is not tied to the request: if Telegram hangs up, the
	// update is still answered, and its re-delivery finds it done.
	ctx, cancel := context.WithTimeout(WithRawUpdate(context.WithoutCancel(r.Context()), body), wh.o.HandleTimeout)
	err = wh.call(ctx, u)
	cancel()
	wh.finish(u.UpdateID, d, err == nil)
	if err == nil && wh.o.Handled != nil {
		if merr := wh.o.Handled.MarkHandled(u.UpdateID); merr != nil {
			wh.log.Error("telegram webhook: could not store a handled update id; a re-delivery after a restart would be handled again", "update_id", u.UpdateID, "err", merr)
		}
	}
	if err != nil {
		wh.log.Warn("telegram webhook: update not handled; Telegram will deliver it again", "update_id", u.UpdateID, "err", err)
		http.Error(w, "not handled", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// handledBefore asks the store whether a previous process handled id. A
// store that cannot answer is logged and the update handled: answering
// twice is better than not at all.
func (wh *webhook) handledBefore(id int) bool {
	if wh.o.Handled == nil {
		return false
	}
	done, err := wh.o.Handled.Handled(id)
	if err != nil {
		wh.log.Error("telegram webhook: could not look up a handled update id", "update_id", id, "err", err)
	}
	return done
}

func (wh *webhook) call(ctx context.Context, u tgbotapi.Update) (err error) {
	defer func() {
		if v := recover(); v != nil {
			wh.log.Error("telegram webhook: handler panicked", "update_id", u.UpdateID, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err = nil // a panic is a bug; a re-delivery would panic again
		}
	}()
	return wh.h(ctx, u)
}

// warnSecret logs a request with a wrong secret at most once per
// secretWarnEvery, with the count of those not logged.
func (wh *webhook) warnSecret(remote string) {
	wh.warnMu.Lock()
	now := time.Now()
	if now.Sub(wh.lastWarn) < secretWarnEvery {
		wh.suppressed++
		wh.warnMu.Unlock()
		return
	}
	n := wh.suppressed
	wh.lastWarn, wh.suppressed = now, 0
	wh.warnMu.Unlock()
	wh.log.Warn("telegram webhook: wrong or missing secret token", "remote", remote, "more_since_last_warning", n)
}

// endOfBody checks that only white space follows the update: a body with
// more is not what Telegram sends.
func endOfBody(dec *json.Decoder) error {
	_, err := dec.Token()
	switch {
	case err == io.EOF:
		return nil
	case err == nil:
		return errors.New("data after the update")
	}
	return err
}

// claim returns id's delivery while it is being handled, and whether this
// request is the one to handle it; nil, false when it was handled before.
func (wh *webhook) claim(id int) (*delivery, bool) {
	wh.mu.Lock()
	defer wh.mu.Unlock()
	if d, ok := wh.inflight[id]; ok {
		return d, false
	}
	if wh.handled.has(id) {
		return nil, false
	}
	d := &delivery{done: make(chan struct{})}
	wh.inflight[id] = d
	return d, true
}

// finish records the outcome; a failed update is forgotten, so that its
// re-delivery handles it.
func (wh *webhook) finish(id int, d *delivery, ok bool) {
	wh.mu.Lock()
	defer wh.mu.Unlock()
	d.ok = ok
	close(d.done)
	delete(wh.inflight, id)
	if ok {
		wh.handled.add(id)
	}
}

// validSecret is Telegram's rule for secret_token: 1–256 of A-Z a-z 0-9 _ -.
func validSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// SetWebhook registers hookURL with secret (sent back in SecretHeader on
// every delivery) and AllowedUpdates. tgbotapi's WebhookConfig has no
// secret_token, so the call is made by hand. Transient failures are retried
// a few times.
func SetWebhook(ctx context.Context, c *Client, hookURL, secret string) error {
	u, err := url.Parse(hookURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("telegram: setWebhook: %q is not an http(s) URL", hookURL)
	}
	if !validSecret(secret) {
		return errors.New("telegram: setWebhook: the secret must be 1-256 characters of A-Z a-z 0-9 _ -")
	}
	p := tgbotapi.Params{"url": hookURL, "secret_token": secret}
	if err := p.AddInterface("allowed_updates", AllowedUpdates()); err != nil {
		return fmt.Errorf("telegram: setWebhook: %w", err)
	}
	return callRetrying(ctx, c, "setWebhook", p)
}

// DeleteWebhook removes the webhook, so that getUpdates works.
func DeleteWebhook(ctx context.Context, c *Client, dropPending bool) error {
	p := tgbotapi.Params{}
	p.AddBool("drop_pending_updates", dropPending)
	return callRetrying(ctx, c, "deleteWebhook", p)
}

func callRetrying(ctx context.Context, c *Client, method string, p tgbotapi.Params) error {
	bo := c.cfg.startupBackoff
	for attempt := 1; ; attempt++ {
		_, err := c.Call(ctx, method, p)
		if err == nil {
			return nil
		}
		retry, after := Retryable(err)
		if !retry || attempt >= 3 || ctx.Err() != nil {
			return fmt.Errorf("telegram: %s: %w", method, err)
		}
		if after == 0 {
			after = bo.delay(attempt)
		}
		if err := sleep(ctx, after); err != nil {
			return fmt.Errorf("telegram: %s: %w", method, err)
		}
	}
}
