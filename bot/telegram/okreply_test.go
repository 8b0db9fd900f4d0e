package telegram

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func TestOKResult(t *testing.T) {
	tests := []struct {
		body, want string
		ok         bool
		// splitOK: taken when only its brackets and quotes are checked
		// (getUpdates, whose updates are validated as they are decoded;
		// its result must be an array).
		splitOK bool
	}{
		{`{"ok":true,"result":[{"update_id":1}]}`, `[{"update_id":1}]`, true, true},
		{`{"ok":true,"result":true}` + "\n", `true`, true, false},
		{`{"ok":true,"result":{"message_id":7,"text":"}"}}`, `{"message_id":7,"text":"}"}`, true, false},
		{`{"ok":true,"result":null}`, `null`, true, false},
		// A getUpdates result that is no array is left to tgbotapi.
		{`{"ok":true,"result":abc}`, "", false, false},
		{`{"ok":true,"result":[{"update_id":1},{"update_id":2,"x":nul}]}`, `[{"update_id":1},{"update_id":2,"x":nul}]`, false, true},
		{`{"ok":true,"result": []}`, ` []`, true, false},
		// Left to tgbotapi: other spacing or keys, errors, results that
		// are not one value.
		{`{"ok": true,"result":[]}`, "", false, false},
		{`{"ok":true,"result":[}`, "", false, false},
		{`{"ok":true,"result":[],"description":"x"}`, "", false, false},
		{`{"ok":true,"result":[{"text":"]}"}],"x":1}`, "", false, false},
		{`{"ok":true,"result":1}}`, "", false, false},
		{`{"ok":true,"result":}`, "", false, false},
		{`{"ok":true,"result":[{]}`, "", false, false},
		{`{"ok":false,"error_code":400,"description":"Bad Request"}`, "", false, false},
		{`<html>502</html>`, "", false, false},
		{``, "", false, false},
	}
	for _, tt := range tests {
		for _, split := range []bool{false, true} {
			want, wantOK := tt.want, tt.ok
			if split {
				wantOK = tt.splitOK
			}
			if !wantOK {
				want = ""
			}
			got, ok := okResult([]byte(tt.body), split)
			if ok != wantOK || string(got) != want {
				t.Errorf("okResult(%q, split %v) = %q, %v; want %q, %v", tt.body, split, got, ok, want, wantOK)
			}
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

// A getUpdates reply is checked update by update as it is decoded: an
// update in flight (not decoded again) may not fail the poll, one to
// decode still does, as does a reply that is not one array.
func TestGetUpdatesChecksWhatItDecodes(t *testing.T) {
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/getMe") {
			_, _ = w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"b","username":"b"}}`))
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(t.Context(), "1:secret", srv.URL+"/bot%s/%s", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(id int) bool { return id > 1 }
	tests := []struct {
		name, body string
		wantIDs    []int
		wantErr    bool
	}{
		{"valid", `{"ok":true,"result":[{"update_id":1},{"update_id":2,"message":{"message_id":5,"text":"青岛"}}]}`, []int{1, 2}, false},
		{"broken in flight", `{"ok":true,"result":[{"update_id":1,"message":{"text":nul}},{"update_id":2}]}`, []int{1, 2}, false},
		{"broken fresh", `{"ok":true,"result":[{"update_id":1},{"update_id":2,"message":{"text":nul}}]}`, nil, true},
		{"not an array", `{"ok":true,"result":[{"update_id":1}}`, nil, true},
	}
	for _, tt := range tests {
		body = tt.body
		ups, _, err := c.getUpdatesRaw(t.Context(), tgbotapi.UpdateConfig{Offset: 1}, fresh)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want error %v", tt.name, err, tt.wantErr)
			continue
		}
		var ids []int
		for _, u := range ups {
			ids = append(ids, u.UpdateID)
		}
		if !slices.Equal(ids, tt.wantIDs) {
			t.Errorf("%s: updates %v, want %v", tt.name, ids, tt.wantIDs)
		}
	}
}
