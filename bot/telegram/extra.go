package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// tgbotapi's types predate fields the bot needs (message_thread_id of forum
// topics, and more to come). Two context values carry them past it: the raw
// JSON of the update being handled, and extra parameters for the calls
// made while handling it.

type rawUpdateKey struct{}

// WithRawUpdate returns ctx carrying the update's JSON as Telegram sent it.
func WithRawUpdate(ctx context.Context, raw json.RawMessage) context.Context {
	return context.WithValue(ctx, rawUpdateKey{}, raw)
}

// RawUpdate is the JSON of the update a handler was called with (the
// poller and the webhook both set it); nil when unknown.
func RawUpdate(ctx context.Context) json.RawMessage {
	raw, _ := ctx.Value(rawUpdateKey{}).(json.RawMessage)
	return raw
}

type extraParamsKey struct{}

type extraParams struct {
	methods []string
	values  url.Values
}

// WithParams returns ctx whose calls of the given methods carry params in
// addition to those of their tgbotapi config, e.g. message_thread_id on
// sendMessage. Empty params remove what an outer ctx added.
func WithParams(ctx context.Context, params map[string]string, methods ...string) context.Context {
	if len(params) == 0 {
		return context.WithValue(ctx, extraParamsKey{}, (*extraParams)(nil))
	}
	v := url.Values{}
	for k, s := range params {
		v.Set(k, s)
	}
	return context.WithValue(ctx, extraParamsKey{}, &extraParams{methods: methods, values: v})
}

// ThreadParams are the parameters of a reply in forum topic thread.
func ThreadParams(thread int) map[string]string {
	return map[string]string{"message_thread_id": strconv.Itoa(thread)}
}

// addParams appends ctx's extra parameters to a form-encoded request of one
// of their methods (tgbotapi sends every call without a file upload so).
func addParams(ctx context.Context, req *http.Request, method string) error {
	ep, _ := ctx.Value(extraParamsKey{}).(*extraParams)
	if ep == nil || !slices.Contains(ep.methods, method) || req.Body == nil ||
		req.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		return nil
	}
	body, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return err
	}
	if len(body) > 0 {
		body = append(body, '&')
	}
	body = append(body, ep.values.Encode()...)
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return nil
}
