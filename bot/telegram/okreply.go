package telegram

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// A successful Bot API reply is {"ok":true,"result":…}. tgbotapi decodes
// it with a json.Decoder, which scans the reply to find its end, then
// scans the result again to skip it, only to copy it into a RawMessage:
// three passes and a copy of every getUpdates reply, which holds every
// update not yet confirmed at each poll. readOK reads such a reply once,
// checks its result is valid JSON (one pass; for getUpdates only that it
// is one value, see okResult), and hands tgbotapi the same
// reply without its result; do puts the result back. Any other reply
// (errors, other spacing, other keys) goes to tgbotapi as it came.

const okPrefix = `{"ok":true,"result":`

// okWithoutResult is what tgbotapi decodes in place of a reply whose
// result was taken.
var okWithoutResult = []byte(`{"ok":true}`)

// okResult is the result of a successful reply in body, if body is one:
// valid JSON, or with split only one value, its brackets and quotes
// matched. split is for getUpdates, whose result getUpdatesRaw splits
// into updates and decodes, which validates, every update it uses; the
// others are updates in flight, sent again at each poll until handled:
// validating them all again was 2% of the CPU an update cost in
// BenchmarkThroughput/real+store.
func okResult(body []byte, split bool) (json.RawMessage, bool) {
	rest, ok := bytes.CutPrefix(body, []byte(okPrefix))
	if !ok {
		return nil, false
	}
	rest = bytes.TrimRight(rest, " \t\r\n")
	result, ok := bytes.CutSuffix(rest, []byte("}"))
	if !ok || len(result) == 0 {
		return nil, false
	}
	// A getUpdates result is an array: anything else goes to tgbotapi,
	// which reports it as it always has.
	if split && (result[0] != '[' || valueEnd(result, 0) != len(result)) || !split && !json.Valid(result) {
		return nil, false
	}
	return result[:len(result):len(result)], true
}

// readOK reads resp's body (at most maxReplyBytes, as tgbotapi would) and
// returns the result of a successful reply (split: see okResult); resp's
// body then reads what tgbotapi is to decode, and fails as the original
// would have.
func readOK(resp *http.Response, split bool) (json.RawMessage, bool) {
	buf := bytes.NewBuffer(make([]byte, 0, replyCap(resp.ContentLength)))
	_, err := buf.ReadFrom(io.LimitReader(resp.Body, maxReplyBytes))
	body := buf.Bytes()
	result, ok := json.RawMessage(nil), false
	if err == nil {
		if result, ok = okResult(body, split); ok {
			body = okWithoutResult
		}
	}
	var rest io.Reader = bytes.NewReader(body)
	if err != nil {
		rest = io.MultiReader(rest, failingReader{err})
	}
	resp.Body = limitedBody{Reader: rest, Closer: resp.Body}
	return result, ok
}

// replyCap is the buffer a reply of length n (-1: unknown) is read into:
// one allocation when the server says how long it is.
func replyCap(n int64) int {
	if n <= 0 || n > maxReplyBytes {
		return 512
	}
	return int(n) + 1 // room to see the end of the body without growing
}

// failingReader fails as the body did after what was read.
type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }
