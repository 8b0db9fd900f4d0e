package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram/telegramtest"
)

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

func unansweredCount(t *testing.T, out string, question string) int {
	t.Helper()
	var rep store.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report --json: %v\n%s", err, out)
	}
	for _, q := range rep.Unanswered {
		if store.Normalize(q.Question) == store.Normalize(question) {
			return q.Count
		}
	}
	return 0
}

// A question the yearbook does not answer, asked three times (spelled
// three ways), is listed once with count 3: beside the running bot (through
// its listener) and after it stopped (from the file).
func TestReportBesideServingBot(t *testing.T) {
	srv := telegramtest.NewServer(t, telegramtest.WithMaxLongPoll(300*time.Millisecond))
	data := t.TempDir()
	environ := map[string]string{
		"TELEGRAM_BOT_TOKEN":    srv.Token,
		"TELEGRAM_API_ENDPOINT": srv.Endpoint(),
		"YEARBOOK_DATA":         data,
		"YEARBOOK_LISTEN":       freePort(t),
		"YEARBOOK_SEND_RATE":    "0",
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() {
		var out bytes.Buffer
		served <- run(ctx, []string{"serve"}, func(k string) string { return environ[k] }, strings.NewReader(""), &out, &out)
	}()
	wait, waitCancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer waitCancel()
	if err := srv.WaitCalls(wait, "getUpdates", 1); err != nil {
		cancel()
		t.Fatalf("bot not polling: %v", err)
	}
	last := 0
	for i, q := range []string{"上海地铁几条线？", "上海 地铁几条线", "上海地铁几条线", "青岛港去年集装箱吞吐量多少"} {
		last, _ = srv.AddText(telegramtest.Private(int64(800+i)), q)
	}
	if err := srv.WaitOffset(wait, last+1); err != nil {
		cancel()
		t.Fatal(err)
	}
	r := yb(t, environ, "", "report", "--json")
	if r.err != nil {
		t.Errorf("report beside the running bot: %v", r.err)
	} else if n := unansweredCount(t, r.stdout, "上海地铁几条线"); n != 3 {
		t.Errorf("beside the bot: unanswered 上海地铁几条线 counted %d, want 3\n%s", n, r.stdout)
	}
	// Without the listener the report says why it cannot read.
	noListen := map[string]string{"YEARBOOK_DATA": data, "YEARBOOK_LISTEN": ""}
	if r := yb(t, noListen, "", "report"); r.err == nil || !strings.Contains(r.err.Error(), "the bot is running") {
		t.Errorf("report beside the bot without a listener: %v", r.err)
	}
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
	r = yb(t, map[string]string{"YEARBOOK_DATA": data}, "", "report", "--json")
	if r.err != nil {
		t.Fatalf("report after the bot stopped: %v", r.err)
	}
	if n := unansweredCount(t, r.stdout, "上海地铁几条线"); n != 3 {
		t.Errorf("unanswered 上海地铁几条线 counted %d, want 3\n%s", n, r.stdout)
	}
	for _, args := range [][]string{{"report"}, {"report", "--csv"}} {
		r = yb(t, map[string]string{"YEARBOOK_DATA": data}, "", args...)
		if r.err != nil || !strings.Contains(r.stdout, "上海") {
			t.Errorf("%q: %v\n%s", args, r.err, r.stdout)
		}
	}
	if r := yb(t, map[string]string{"YEARBOOK_DATA": data}, "", "report", "--since", "2999-01-01", "--json"); r.err != nil || unansweredCount(t, r.stdout, "上海地铁几条线") != 0 {
		t.Errorf("--since in the future: %v\n%s", r.err, r.stdout)
	}
}

func TestReportUsage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
		code int
	}{
		{nil, []string{"report"}, "YEARBOOK_DATA", 1},
		{map[string]string{"YEARBOOK_DATA": t.TempDir()}, []string{"report"}, "no database", 1},
		{nil, []string{"report", "--since", "yesterday"}, "--since", 2},
		{nil, []string{"report", "--json", "--csv"}, "exclude", 2},
	} {
		r := yb(t, c.env, "", c.args...)
		if r.err == nil || !strings.Contains(r.err.Error(), c.want) || exitCode(r.err) != c.code {
			t.Errorf("%q: %v (exit %d), want %q, exit %d", c.args, r.err, exitCode(r.err), c.want, c.code)
		}
	}
}
