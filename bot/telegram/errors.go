package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ErrUnauthorized is what a 401 reply means: the token is wrong or was
// revoked. Nothing a retry can fix, so the bot stops with it.
var ErrUnauthorized = errors.New("telegram: unauthorized (401): the bot token is wrong or was revoked")

// ErrConflict is what a 409 reply to getUpdates means: a webhook is set for
// this bot, or another instance polls with the same token.
var ErrConflict = errors.New("telegram: conflict (409)")

// APIError is a Bot API error reply ({"ok":false,"error_code":…}), or an HTTP
// error status whose body was not a Bot API reply (Code is then that status).
type APIError struct {
	Method      string
	Code        int
	Description string
	// RetryAfter is Telegram's retry_after (whole seconds on the wire), scaled
	// by the client's RetryAfterUnit.
	RetryAfter      time.Duration
	MigrateToChatID int64
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("telegram ")
	b.WriteString(e.Method)
	fmt.Fprintf(&b, ": %d", e.Code)
	if e.Description != "" {
		b.WriteString(" ")
		b.WriteString(e.Description)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrUnauthorized) and errors.Is(err, ErrConflict)
// work on API errors.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Code == 401
	case ErrConflict:
		return e.Code == 409
	}
	return false
}

// RequestError is a call that got no Bot API reply: a network error, a
// timeout, a dropped connection, a garbled body. Its message has the token
// redacted; Unwrap gives the cause (with any *url.Error's URL redacted too),
// so errors.Is(err, context.Canceled) still works.
type RequestError struct {
	Method string
	Err    error
	msg    string
}

func (e *RequestError) Error() string { return e.msg }
func (e *RequestError) Unwrap() error { return e.Err }

const redacted = "<token>"

// redact removes the token from s, also where a URL carries it
// percent-encoded (bot123%3AABC…, either case of the hex) or where only its
// secret half survived some other encoding of the colon.
func redact(s, token string) string {
	if token == "" {
		return s
	}
	s = strings.ReplaceAll(s, token, redacted)
	id, secret, ok := strings.Cut(token, ":")
	if !ok || secret == "" {
		return s
	}
	for _, colon := range []string{"%3A", "%3a", "%253A", "%253a"} {
		s = strings.ReplaceAll(s, id+colon+secret, redacted)
	}
	for _, enc := range []string{url.PathEscape(secret), url.QueryEscape(secret)} {
		s = strings.ReplaceAll(s, enc, redacted)
	}
	return strings.ReplaceAll(s, secret, redacted)
}

// sanitize returns err with the token removed from the places net/http puts
// it: the URL of a *url.Error, which is the outermost error of a failed
// http.Client.Do.
func sanitize(err error, token string) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return &url.Error{Op: ue.Op, URL: redact(ue.URL, token), Err: ue.Err}
	}
	return err
}

func newRequestError(method string, err error, token string) *RequestError {
	return &RequestError{
		Method: method,
		Err:    sanitize(err, token),
		msg:    "telegram " + method + ": " + redact(err.Error(), token),
	}
}

// Retryable tells whether a failed call may succeed when repeated, and how
// long Telegram asked to wait first (429 retry_after; 0 = use backoff).
// 429, 5xx, network errors, timeouts and garbled replies are retryable;
// other API errors (400, 401, 403, 404, 409) and cancellation are not.
func Retryable(err error) (retry bool, after time.Duration) {
	if err == nil || errors.Is(err, context.Canceled) {
		return false, 0
	}
	var ae *APIError
	if errors.As(err, &ae) {
		switch {
		case ae.Code == 429:
			return true, ae.RetryAfter
		case ae.Code >= 500:
			return true, 0
		}
		return false, 0
	}
	var re *RequestError
	if errors.As(err, &re) {
		return true, 0
	}
	return false, 0
}
