package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"yearbookbot/bot/telegram/telegramtest"
)

// TestMain lets a test run this very binary as the program: with
// YEARBOOKBOT_RUN_MAIN set it is yearbookbot, signals and exit code included.
func TestMain(m *testing.M) {
	if os.Getenv("YEARBOOKBOT_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestServeSIGTERM runs `yearbookbot serve` as a process against a fake Bot
// API, sends it SIGTERM while a burst of questions is being answered, and
// expects exit status 0 within 5 s with no update lost: every update below
// the confirmed offset was answered, once, and the rest are still queued.
func TestServeSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the program as a process")
	}
	srv := telegramtest.NewServer(t, telegramtest.WithMaxLongPoll(2*time.Second))
	state := filepath.Join(t.TempDir(), "state.json")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "serve")
	cmd.Env = append(os.Environ(),
		"YEARBOOKBOT_RUN_MAIN=1",
		"TELEGRAM_BOT_TOKEN="+srv.Token,
		"TELEGRAM_API_ENDPOINT="+srv.Endpoint(),
		"YEARBOOK_STATE="+state,
		"YEARBOOK_LISTEN=127.0.0.1:0",
		"YEARBOOK_WEBHOOK_URL=",
		"YEARBOOK_SEND_RATE=0",
		"YEARBOOK_LOG_LEVEL=debug",
	)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-exited
		}
	})

	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	// The poller deletes any webhook right before it polls.
	if err := srv.WaitCalls(ctx, "deleteWebhook", 1); err != nil {
		t.Fatalf("the bot never polled: %v\n%s", err, stderr.String())
	}
	const n = 200
	for i := range n {
		srv.AddText(telegramtest.Private(int64(5000+i)), "青岛港去年集装箱吞吐量多少")
	}
	if err := srv.WaitUntil(ctx, func() bool { return srv.SentCount() > 0 }); err != nil {
		t.Fatalf("no answer: %v\n%s", err, stderr.String())
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if errors.As(err, &ee) || err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("still running 5 s after SIGTERM\n%s", stderr.String())
	}
	t.Logf("exited %v after SIGTERM with %d of %d answered, offset %d", time.Since(start).Round(time.Millisecond), srv.SentCount(), n, srv.Offset())

	answered := map[int64]int{}
	for _, m := range srv.Sent() {
		answered[m.ChatID]++
		if !strings.Contains(m.Visible, "2201万标准箱") {
			t.Errorf("answer to chat %d: %q", m.ChatID, m.Visible)
		}
	}
	// Updates 1..n were queued in order. Those the bot handled are below
	// the offset it saved or listed as handled in its state; each of them
	// was answered once, every other one not at all, and is still queued at
	// Telegram for the next run.
	raw, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Offset  int   `json:"offset"`
		Handled []int `json:"handled"`
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatalf("state file: %v\n%s", err, raw)
	}
	if srv.Offset() != st.Offset {
		t.Errorf("offset confirmed to Telegram %d, saved %d", srv.Offset(), st.Offset)
	}
	for i := range n {
		chat, id := int64(5000+i), i+1
		want := 0
		if id < st.Offset || slices.Contains(st.Handled, id) {
			want = 1
		}
		if got := answered[chat]; got != want {
			t.Errorf("update %d (saved offset %d, handled above it %v): answered %d times, want %d", id, st.Offset, st.Handled, got, want)
		}
	}
	if got, want := srv.Pending(), n-(srv.Offset()-1); got != want {
		t.Errorf("%d updates still queued, want %d", got, want)
	}
	if logs := stderr.String(); strings.Contains(logs, srv.Token) || strings.Contains(logs, strings.SplitN(srv.Token, ":", 2)[1]) {
		t.Error("the token appears in the logs")
	}
}
