package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

// testClient connects to a fresh fake server with retry_after counted in
// milliseconds, so 429 tests stay fast.
func testClient(t *testing.T, opts ...telegramtest.Option) (*Client, *telegramtest.Server) {
	t.Helper()
	srv := telegramtest.NewServer(t, opts...)
	c, err := NewClient(t.Context(), srv.Token, srv.Endpoint(), nil, nil,
		WithRetryAfterUnit(time.Millisecond), WithStartupAttempts(3, time.Millisecond, 5*time.Millisecond))
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, srv
}

func TestNewClient(t *testing.T) {
	srv := telegramtest.NewServer(t)
	fast := WithStartupAttempts(3, time.Millisecond, 5*time.Millisecond)
	tests := []struct {
		name     string
		token    string
		endpoint string
		faults   []telegramtest.Fault
		wantErr  error // nil: connects
		wantAny  bool  // some error, not a particular one
	}{
		{name: "connects", token: srv.Token},
		{name: "wrong token is unauthorized", token: "999:wrong-token-secret", wantErr: ErrUnauthorized},
		{name: "retries a 502 page", token: srv.Token,
			faults: []telegramtest.Fault{telegramtest.BadGatewayPage()}},
		{name: "retries 429", token: srv.Token, faults: []telegramtest.Fault{telegramtest.TooManyRequests(1)}},
		{name: "gives up after the attempts", token: srv.Token, wantAny: true,
			faults: []telegramtest.Fault{telegramtest.ServerError(500), telegramtest.ServerError(500), telegramtest.DropConnection()}},
		{name: "bad endpoint format", token: srv.Token, endpoint: "http://127.0.0.1/bot%s", wantAny: true},
		{name: "endpoint without / between token and method", token: srv.Token, endpoint: srv.URL + "/bot%s%s", wantAny: true},
		{name: "empty token", token: "", wantAny: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range tt.faults {
				srv.FailNext("getMe", 1, f)
			}
			ep := srv.Endpoint()
			if tt.endpoint != "" {
				ep = tt.endpoint
			}
			c, err := NewClient(t.Context(), tt.token, ep, nil, nil, fast, WithRetryAfterUnit(time.Millisecond))
			switch {
			case tt.wantErr == nil && !tt.wantAny:
				if err != nil {
					t.Fatalf("NewClient: %v", err)
				}
				if c.Self().UserName != srv.Bot().UserName {
					t.Errorf("Self = %q, want %q", c.Self().UserName, srv.Bot().UserName)
				}
				if n := srv.FaultsLeft("getMe"); n != 0 {
					t.Errorf("%d faults not consumed", n)
				}
			case err == nil:
				t.Fatalf("NewClient succeeded, want an error")
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil && tt.token != "" && strings.Contains(err.Error(), tt.token) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
}

// TestClientErrorsRedacted checks that no failure mode lets the token into
// an error message, and that each is classified right.
func TestClientErrorsRedacted(t *testing.T) {
	c, srv := testClient(t)
	closed, closedSrv := testClient(t)
	closedSrv.Close()
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()

	msg := tgbotapi.NewMessage(1, "hi")
	tests := []struct {
		name      string
		c         *Client
		ctx       context.Context
		fault     *telegramtest.Fault
		wantCode  int  // APIError code; 0 = not an APIError
		wantRetry bool // Retryable
		wantIs    error
	}{
		{name: "connection refused", c: closed, wantRetry: true},
		{name: "dropped connection", c: c, fault: &telegramtest.Fault{Drop: true}, wantRetry: true},
		{name: "HTML 502 page", c: c, fault: &telegramtest.Fault{Code: 502, HTML: true}, wantCode: 502, wantRetry: true},
		{name: "500 reply", c: c, fault: &telegramtest.Fault{Code: 500}, wantCode: 500, wantRetry: true},
		{name: "429 reply", c: c, fault: &telegramtest.Fault{Code: 429, RetryAfter: 3}, wantCode: 429, wantRetry: true},
		{name: "400 reply naming the token", c: c, fault: &telegramtest.Fault{Code: 400, Description: "Bad Request: " + srv.Token}, wantCode: 400},
		{name: "400 reply echoing the URL percent-encoded", c: c, fault: &telegramtest.Fault{Code: 400, Description: "Bad Request: https://api.telegram.org/bot" + strings.Replace(srv.Token, ":", "%3A", 1) + "/sendMessage and bot" + strings.Replace(srv.Token, ":", "%3a", 1)}, wantCode: 400},
		{name: "401 reply", c: c, fault: &telegramtest.Fault{Code: 401}, wantCode: 401, wantIs: ErrUnauthorized},
		{name: "cancelled context", c: c, ctx: cancelled, wantIs: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.fault != nil {
				srv.FailNext("sendMessage", 1, *tt.fault)
			}
			ctx := tt.ctx
			if ctx == nil {
				ctx = t.Context()
			}
			_, err := tt.c.Send(ctx, msg)
			if err == nil {
				t.Fatal("Send succeeded, want an error")
			}
			_, secretHalf, _ := strings.Cut(srv.Token, ":")
			if strings.Contains(err.Error(), srv.Token) || strings.Contains(err.Error(), secretHalf) {
				t.Errorf("error shows the token: %v", err)
			}
			var ue *url.Error
			if errors.As(err, &ue) && strings.Contains(ue.URL, srv.Token) {
				t.Errorf("wrapped url.Error shows the token: %v", ue.URL)
			}
			var ae *APIError
			gotCode := 0
			if errors.As(err, &ae) {
				gotCode = ae.Code
			}
			if gotCode != tt.wantCode {
				t.Errorf("APIError code = %d, want %d (err %v)", gotCode, tt.wantCode, err)
			}
			if retry, _ := Retryable(err); retry != tt.wantRetry {
				t.Errorf("Retryable = %v, want %v (err %v)", retry, tt.wantRetry, err)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.wantIs)
			}
			if tt.wantCode == 429 {
				if _, after := Retryable(err); after != 3*time.Millisecond {
					t.Errorf("retry after %v, want 3 units of 1ms", after)
				}
			}
		})
	}
}

func TestClientSendAndGetUpdates(t *testing.T) {
	c, srv := testClient(t)
	chat := telegramtest.Private(42)
	id1, _ := srv.AddText(chat, "第一")
	id2, _ := srv.AddText(chat, "第二")

	ups, err := c.GetUpdates(t.Context(), 0, 100, 0)
	if err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(ups) != 2 || ups[0].UpdateID != id1 || ups[1].UpdateID != id2 {
		t.Fatalf("updates = %+v, want ids %d, %d", ups, id1, id2)
	}
	// An offset confirms what is below it.
	ups, err = c.GetUpdates(t.Context(), id2, 100, 0)
	if err != nil || len(ups) != 1 || ups[0].Message.Text != "第二" {
		t.Fatalf("GetUpdates(offset %d) = %+v, %v; want the second update", id2, ups, err)
	}
	if srv.Offset() != id2 {
		t.Errorf("server offset = %d, want %d", srv.Offset(), id2)
	}

	m := tgbotapi.NewMessage(42, "<b>答</b> &amp; 问")
	m.ParseMode = tgbotapi.ModeHTML
	sent, err := c.Send(t.Context(), m)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if sent.MessageID == 0 || sent.Chat.ID != 42 || sent.Text != "答 & 问" {
		t.Errorf("sent = %+v, want a message id, chat 42, visible text", sent)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

// TestClientLongPollCancel checks that a long poll ends when its context
// does, not when the poll times out.
func TestClientLongPollCancel(t *testing.T) {
	c, _ := testClient(t)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetUpdates(ctx, 0, 100, 30)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("long poll returned after %v, want about 100ms", d)
	}
}

func TestLongPollBelowClientTimeout(t *testing.T) {
	c, _ := testClient(t)
	tests := []struct {
		clientTimeout time.Duration
		ask, want     int
	}{
		{0, 30, 30},
		{0, 120, 50},
		{20 * time.Second, 30, 15},
		{3 * time.Second, 30, 0},
		{0, -1, 0},
	}
	for _, tt := range tests {
		cc := *c
		cc.hc = &http.Client{Timeout: tt.clientTimeout}
		if got := cc.longPollSeconds(tt.ask); got != tt.want {
			t.Errorf("client timeout %v, long poll %d: got %d, want %d", tt.clientTimeout, tt.ask, got, tt.want)
		}
	}
}

func TestDecodeUpdateSkipsTheOnesNotAsked(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		decode  func(int) bool
		wantID  int
		wantMsg bool
		wantErr bool
	}{
		{"decoded", `{"update_id":7,"message":{"message_id":1,"text":"q"}}`, func(int) bool { return true }, 7, true, false},
		{"id only", `{"update_id":7,"message":{"message_id":1,"text":"q"}}`, func(int) bool { return false }, 7, false, false},
		{"all without a filter", `{"update_id":8,"message":{"message_id":1}}`, nil, 8, true, false},
		{"id not first", `{"message":{"message_id":1},"update_id":9}`, func(int) bool { return false }, 9, false, false},
		{"spaces", `{ "update_id" : 10 }`, func(int) bool { return false }, 10, false, false},
		{"broken", `{"update_id":11,"message":`, func(int) bool { return true }, 0, false, true},
		{"broken head", `{"update_id":`, func(int) bool { return false }, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := decodeUpdate(json.RawMessage(tt.raw), tt.decode)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if u.UpdateID != tt.wantID || (u.Message != nil) != tt.wantMsg {
				t.Errorf("id %d message %v, want %d %v", u.UpdateID, u.Message != nil, tt.wantID, tt.wantMsg)
			}
		})
	}
}
