package telegram

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func TestOKResult(t *testing.T) {
	tests := []struct {
		body, want string
		ok         bool
	}{
		{`{"ok":true,"result":[{"update_id":1}]}`, `[{"update_id":1}]`, true},
		{`{"ok":true,"result":true}` + "\n", `true`, true},
		{`{"ok":true,"result":{"message_id":7,"text":"}"}}`, `{"message_id":7,"text":"}"}`, true},
		{`{"ok":true,"result":null}`, `null`, true},
		// Left to tgbotapi: other spacing or keys, errors, invalid results.
		{`{"ok": true,"result":[]}`, "", false},
		{`{"ok":true,"result":[],"description":"x"}`, "", false},
		{`{"ok":true,"result":[}`, "", false},
		{`{"ok":true,"result":1}}`, "", false},
		{`{"ok":true,"result":}`, "", false},
		{`{"ok":false,"error_code":400,"description":"Bad Request"}`, "", false},
		{`<html>502</html>`, "", false},
		{``, "", false},
	}
	for _, tt := range tests {
		got, ok := okResult([]byte(tt.body))
		if ok != tt.ok || string(got) != tt.want {
			t.Errorf("okResult(%q) = %q, %v; want %q, %v", tt.body, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCallAsTgbotapi: every reply, whether its result is read by readOK or
// left to tgbotapi, gives what tgbotapi alone gives.
func TestCallAsTgbotapi(t *testing.T) {
	bodies := []string{
		`{"ok":true,"result":[{"update_id":1,"message":{"message_id":2,"text":"青岛"}}]}`,
		`{"ok":true,"result":true}` + "\n",
		`{"ok":true,"result":null}`,
		`{"ok": true, "result": {"message_id": 3}}`,
		`{"ok":true,"result":[],"description":"x"}`,
		`{"ok":true,"result":1}}`,
		`{"ok":true,"result":[}`,
		`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}`,
		`{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`,
		`<html>502</html>`,
		``,
	}
	me := `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"b","username":"b"}}`
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/getMe") {
			_, _ = w.Write([]byte(me))
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	const token = "1:secret"
	ep := srv.URL + "/bot%s/%s"
	c, err := NewClient(t.Context(), token, ep, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := tgbotapi.NewBotAPIWithAPIEndpoint(token, ep)
	if err != nil {
		t.Fatal(err)
	}
	for _, body = range bodies {
		want, wantErr := plain.MakeRequest("sendMessage", tgbotapi.Params{"chat_id": "1"})
		got, gotErr := c.Call(t.Context(), "sendMessage", tgbotapi.Params{"chat_id": "1"})
		if (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%q: error %v, tgbotapi's %v", body, gotErr, wantErr)
			continue
		}
		var te *tgbotapi.Error
		var ae *APIError
		if errors.As(wantErr, &te) && (!errors.As(gotErr, &ae) || ae.Code != te.Code || ae.Description != te.Message) {
			t.Errorf("%q: error %v, tgbotapi's %v", body, gotErr, wantErr)
		}
		if wantErr == nil && (got.Ok != want.Ok || string(got.Result) != string(want.Result)) {
			t.Errorf("%q: reply %+v, tgbotapi's %+v", body, got, want)
		}
	}
}
