package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// MaxLongPoll is Telegram's cap on getUpdates' timeout parameter.
const MaxLongPoll = 50 * time.Second

// maxReplyBytes bounds what one reply may make us read: a getUpdates batch
// of 100 large updates is a few MB; a broken proxy streaming forever is not.
const maxReplyBytes = 64 << 20

// NewHTTPClient returns the client NewClient uses when given none: every
// phase of a call has a timeout, and the overall one is longer than the
// longest long poll, which is also bounded per call by its context.
func NewHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: MaxLongPoll + 15*time.Second,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          100,
		// Replies to many chats go out concurrently to one host; the default
		// of 2 idle connections would make most of them dial anew.
		MaxIdleConnsPerHost: 64,
		ForceAttemptHTTP2:   true,
	}
	return &http.Client{Transport: tr, Timeout: MaxLongPoll + 25*time.Second}
}

type clientConfig struct {
	retryAfterUnit  time.Duration
	callTimeout     time.Duration
	startupAttempts int
	startupBackoff  backoff
}

// ClientOption tunes a Client.
type ClientOption func(*clientConfig)

// WithRetryAfterUnit sets what one unit of Telegram's retry_after means
// (default time.Second). Telegram sends whole seconds; tests set a
// millisecond so a 429 costs milliseconds.
func WithRetryAfterUnit(d time.Duration) ClientOption {
	return func(c *clientConfig) {
		if d > 0 {
			c.retryAfterUnit = d
		}
	}
}

// WithCallTimeout bounds every call but getUpdates, whose bound is its long
// poll timeout plus this (default 30 s).
func WithCallTimeout(d time.Duration) ClientOption {
	return func(c *clientConfig) {
		if d > 0 {
			c.callTimeout = d
		}
	}
}

// WithStartupAttempts sets how often NewClient tries getMe when Telegram is
// unreachable or failing (default 6, backing off from base up to max).
func WithStartupAttempts(n int, base, max time.Duration) ClientOption {
	return func(c *clientConfig) {
		if n > 0 {
			c.startupAttempts = n
		}
		if base > 0 {
			c.startupBackoff = backoff{Base: base, Max: max}
		}
	}
}

// Client is a tgbotapi.BotAPI with a context and a deadline on every call,
// typed errors and the token redacted from every error.
type Client struct {
	api   *tgbotapi.BotAPI // template: each call uses a copy with its own HTTP client
	token string
	hc    *http.Client
	log   *slog.Logger
	cfg   clientConfig
}

// NewClient checks the token with getMe, retrying network errors, 5xx and
// 429 a few times, and fails at once with an error wrapping ErrUnauthorized
// on 401. endpoint is a format string like tgbotapi.APIEndpoint ("" = that);
// hc nil = NewHTTPClient(); log nil = discard.
func NewClient(ctx context.Context, token, endpoint string, hc *http.Client, log *slog.Logger, opts ...ClientOption) (*Client, error) {
	if token == "" {
		return nil, errors.New("telegram: empty bot token")
	}
	if strings.ContainsAny(token, "/?#% \t\r\n") {
		return nil, errors.New("telegram: the bot token has characters a token never has (expected digits:letters)")
	}
	if endpoint == "" {
		endpoint = tgbotapi.APIEndpoint
	}
	if err := checkEndpoint(endpoint); err != nil {
		return nil, err
	}
	if hc == nil {
		hc = NewHTTPClient()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{token: token, hc: hc, log: log, cfg: clientConfig{
		retryAfterUnit:  time.Second,
		callTimeout:     30 * time.Second,
		startupAttempts: 6,
		startupBackoff:  backoff{Base: 500 * time.Millisecond, Max: 8 * time.Second},
	}}
	for _, o := range opts {
		o(&c.cfg)
	}
	for attempt := 1; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, c.cfg.callTimeout)
		cc := &ctxClient{ctx: callCtx, base: hc}
		api, err := tgbotapi.NewBotAPIWithClient(token, endpoint, cc)
		cancel()
		if err == nil {
			api.Client = hc
			c.api = api
			return c, nil
		}
		err = c.wrapErr("getMe", err, cc)
		retry, after := Retryable(err)
		if !retry || attempt >= c.cfg.startupAttempts || ctx.Err() != nil {
			return nil, fmt.Errorf("telegram: connect (getMe, attempt %d): %w", attempt, err)
		}
		if after == 0 {
			after = c.cfg.startupBackoff.delay(attempt)
		}
		log.Warn("telegram: getMe failed, retrying", "attempt", attempt, "wait", after, "err", err)
		if err := sleep(ctx, after); err != nil {
			return nil, fmt.Errorf("telegram: connect (getMe): %w", err)
		}
	}
}

func checkEndpoint(endpoint string) error {
	_, afterToken, _ := strings.Cut(endpoint, "%s")
	between, _, _ := strings.Cut(afterToken, "%s")
	if strings.Count(endpoint, "%s") != 2 || strings.Count(endpoint, "%") != 2 || !strings.Contains(between, "/") {
		return fmt.Errorf("telegram: API endpoint %q: want a format string with two %%s separated by / (token, method), like %q", endpoint, tgbotapi.APIEndpoint)
	}
	u, err := url.Parse(fmt.Sprintf(endpoint, "TOKEN", "getMe"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("telegram: API endpoint %q: not an http(s) URL", endpoint)
	}
	return nil
}

// Self is the bot's own user, from getMe.
func (c *Client) Self() tgbotapi.User { return c.api.Self }

// Request makes one call (no retry) and returns the raw reply. Messages
// and edits go with the Bot API's current fields (see params.go).
func (c *Client) Request(ctx context.Context, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	if method, p, ok, err := currentParams(ch); ok {
		if err != nil {
			return nil, fmt.Errorf("telegram %s: %w", method, err)
		}
		return c.Call(ctx, method, p)
	}
	return c.do(ctx, c.cfg.callTimeout, func(api *tgbotapi.BotAPI) (*tgbotapi.APIResponse, error) {
		return api.Request(ch)
	})
}

// Send makes one call (no retry) and decodes the sent Message. A reply of
// plain true (editing an inline message) gives a zero Message.
func (c *Client) Send(ctx context.Context, ch tgbotapi.Chattable) (tgbotapi.Message, error) {
	resp, err := c.Request(ctx, ch)
	if err != nil {
		return tgbotapi.Message{}, err
	}
	return decodeMessage(resp)
}

func decodeMessage(resp *tgbotapi.APIResponse) (tgbotapi.Message, error) {
	var m tgbotapi.Message
	if string(resp.Result) == "true" {
		return m, nil
	}
	if err := json.Unmarshal(resp.Result, &m); err != nil {
		return m, fmt.Errorf("telegram: decode sent message: %w", err)
	}
	return m, nil
}

// Call makes one call of any method with form parameters; for methods
// tgbotapi has no config for, or lacks parameters of (setWebhook's
// secret_token).
func (c *Client) Call(ctx context.Context, method string, params tgbotapi.Params) (*tgbotapi.APIResponse, error) {
	return c.do(ctx, c.cfg.callTimeout, func(api *tgbotapi.BotAPI) (*tgbotapi.APIResponse, error) {
		return api.MakeRequest(method, params)
	})
}

// AllowedUpdates are the update kinds the bot asks for, in polling and in
// webhook mode.
func AllowedUpdates() []string {
	return []string{"message", "edited_message", "callback_query", "inline_query"}
}

// GetUpdates makes one getUpdates call, long polling up to timeoutSec
// seconds (capped at Telegram's 50 and below the HTTP client's own timeout).
func (c *Client) GetUpdates(ctx context.Context, offset, limit, timeoutSec int) ([]tgbotapi.Update, error) {
	return c.getUpdates(ctx, tgbotapi.UpdateConfig{Offset: offset, Limit: limit, Timeout: timeoutSec, AllowedUpdates: AllowedUpdates()})
}

func (c *Client) getUpdates(ctx context.Context, cfg tgbotapi.UpdateConfig) ([]tgbotapi.Update, error) {
	ups, _, err := c.getUpdatesRaw(ctx, cfg, nil)
	return ups, err
}

// getUpdatesRaw also returns each update's JSON, for the fields tgbotapi
// lacks (see WithRawUpdate). Only updates for which decode(id) holds (all
// when decode is nil) are decoded in full; the others carry just their id.
// Telegram sends every unconfirmed update again at each poll, so a poller
// with many in flight would otherwise decode each of them many times.
func (c *Client) getUpdatesRaw(ctx context.Context, cfg tgbotapi.UpdateConfig, decode func(id int) bool) ([]tgbotapi.Update, []json.RawMessage, error) {
	cfg.Timeout = c.longPollSeconds(cfg.Timeout)
	resp, err := c.do(ctx, time.Duration(cfg.Timeout)*time.Second+c.cfg.callTimeout, func(api *tgbotapi.BotAPI) (*tgbotapi.APIResponse, error) {
		return api.Request(cfg)
	})
	if err != nil {
		return nil, nil, err
	}
	raws, ok := splitArray(resp.Result)
	if !ok {
		err = json.Unmarshal(resp.Result, &raws)
	}
	ups := make([]tgbotapi.Update, 0, len(raws))
	for i := 0; err == nil && i < len(raws); i++ {
		var u tgbotapi.Update
		u, err = decodeUpdate(raws[i], decode)
		if ok && (decode == nil || decode(u.UpdateID)) {
			// Kept while its update is queued: not the whole reply.
			raws[i] = cloneRaw(raws[i])
		}
		ups = append(ups, u)
	}
	if err != nil {
		return nil, nil, &RequestError{Method: "getUpdates", Err: err, msg: "telegram getUpdates: decode updates: " + redact(err.Error(), c.token)}
	}
	return ups, raws, nil
}

func decodeUpdate(raw json.RawMessage, decode func(id int) bool) (tgbotapi.Update, error) {
	var u tgbotapi.Update
	if decode != nil {
		id, err := updateID(raw)
		if err != nil {
			return u, err
		}
		if !decode(id) {
			u.UpdateID = id
			return u, nil
		}
	}
	err := json.Unmarshal(raw, &u)
	return u, err
}

// updateID reads an update's id without decoding the rest. Telegram writes
// update_id first; anything else is decoded the slow way.
func updateID(raw json.RawMessage) (int, error) {
	const head = `{"update_id":`
	if rest, ok := bytes.CutPrefix(raw, []byte(head)); ok {
		n, end := 0, 0
		for end < len(rest) && end < 19 && rest[end] >= '0' && rest[end] <= '9' {
			n = n*10 + int(rest[end]-'0')
			end++
		}
		if end > 0 && end < len(rest) && (rest[end] == ',' || rest[end] == '}') {
			return n, nil
		}
	}
	var h struct {
		UpdateID int `json:"update_id"`
	}
	err := json.Unmarshal(raw, &h)
	return h.UpdateID, err
}

// longPollSeconds keeps a long poll below both Telegram's cap and the HTTP
// client's overall timeout, which would otherwise cut every idle poll short
// and make it look like a network error.
func (c *Client) longPollSeconds(sec int) int {
	if sec < 0 {
		sec = 0
	}
	sec = min(sec, int(MaxLongPoll/time.Second))
	if t := c.hc.Timeout; t > 0 {
		if limit := int((t - 5*time.Second) / time.Second); sec > limit {
			sec = max(limit, 0)
		}
	}
	return sec
}

// do runs one call on a copy of the BotAPI whose HTTP client carries ctx:
// tgbotapi has no context parameter, and its Chattable.params() is
// unexported, so swapping the client per call is how a call gets one.
func (c *Client) do(ctx context.Context, timeout time.Duration, call func(*tgbotapi.BotAPI) (*tgbotapi.APIResponse, error)) (*tgbotapi.APIResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cc := &ctxClient{ctx: ctx, base: c.hc, takeResult: true}
	api := *c.api
	api.Client = cc
	api.Debug = false // Debug would log.Printf params, outside slog
	resp, err := call(&api)
	if err != nil {
		return nil, c.wrapErr("", err, cc)
	}
	if cc.tookResult {
		resp.Result = cc.result
	}
	return resp, nil
}

// wrapErr turns what tgbotapi returns into *APIError or *RequestError, with
// the token redacted.
func (c *Client) wrapErr(method string, err error, cc *ctxClient) error {
	if cc.method != "" {
		method = cc.method
	}
	var te *tgbotapi.Error
	var tv tgbotapi.Error
	switch {
	case errors.As(err, &te):
		return c.apiError(method, *te, cc.status)
	case errors.As(err, &tv):
		return c.apiError(method, tv, cc.status)
	case !cc.called:
		// Failed before any HTTP request (building the parameters): not
		// something a retry changes.
		return fmt.Errorf("telegram %s: build request: %s", method, redact(err.Error(), c.token))
	case cc.status != 0 && (cc.status < 200 || cc.status > 299):
		// An HTTP error whose body is no Bot API reply: a proxy's HTML 502
		// page, an empty 500.
		return &APIError{Method: method, Code: cc.status,
			Description: fmt.Sprintf("HTTP %d %s without a Bot API reply (%s)", cc.status, http.StatusText(cc.status), redact(err.Error(), c.token))}
	}
	return newRequestError(method, err, c.token)
}

func (c *Client) apiError(method string, e tgbotapi.Error, status int) *APIError {
	code := e.Code
	if code == 0 {
		code = status // tgbotapi's upload path leaves Code empty
	}
	return &APIError{
		Method:          method,
		Code:            code,
		Description:     redact(e.Message, c.token),
		RetryAfter:      time.Duration(e.RetryAfter) * c.cfg.retryAfterUnit,
		MigrateToChatID: e.MigrateToChatID,
	}
}

// ctxClient is the per-call HTTP client: it attaches the call's context and
// remembers the method and HTTP status, which tgbotapi drops when a body is
// not JSON. With takeResult, the result of a successful reply is read here
// (see readOK) and kept in result for do.
type ctxClient struct {
	ctx        context.Context
	base       *http.Client
	called     bool
	method     string
	status     int
	takeResult bool
	tookResult bool
	result     json.RawMessage
}

func (c *ctxClient) Do(req *http.Request) (*http.Response, error) {
	c.called = true
	c.method = path.Base(req.URL.Path)
	if err := addParams(c.ctx, req, c.method); err != nil {
		return nil, err
	}
	resp, err := c.base.Do(req.WithContext(c.ctx))
	if err != nil {
		return nil, err
	}
	c.status = resp.StatusCode
	if c.takeResult {
		c.result, c.tookResult = readOK(resp, c.method == "getUpdates")
		return resp, nil
	}
	resp.Body = limitedBody{Reader: io.LimitReader(resp.Body, maxReplyBytes), Closer: resp.Body}
	return resp, nil
}

type limitedBody struct {
	io.Reader
	io.Closer
}
