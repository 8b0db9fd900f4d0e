package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"yearbookbot/bot/telegram/telegramtest"
)

const reloadYearbook = `# 示例市年鉴2022

## 交通建设

### 地铁建设
2021年，示例市地铁1号线开通运营，全长%s公里，设站20座。

来源：市交通运输局
`

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeSIGHUP runs `yearbookbot serve` on a corpus folder, changes the
// yearbook, sends SIGHUP while questions keep coming, and expects the
// answers to follow the new text without an update lost or answered twice.
func TestServeSIGHUP(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the program as a process")
	}
	srv := telegramtest.NewServer(t, telegramtest.WithMaxLongPoll(time.Second))
	dir := t.TempDir()
	book := filepath.Join(dir, "city.md")
	write := func(length string) {
		if err := os.WriteFile(book, []byte(strings.Replace(reloadYearbook, "%s", length, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("25.6")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "serve")
	cmd.Env = append(os.Environ(),
		"YEARBOOKBOT_RUN_MAIN=1",
		"TELEGRAM_BOT_TOKEN="+srv.Token,
		"TELEGRAM_API_ENDPOINT="+srv.Endpoint(),
		"YEARBOOK_CORPUS="+dir,
		"YEARBOOK_INDEX=",
		"YEARBOOK_LISTEN=",
		"YEARBOOK_SEND_RATE=0",
		"YEARBOOK_LOG_LEVEL=info",
	)
	var logs lockedBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
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
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	if err := srv.WaitCalls(ctx, "getUpdates", 1); err != nil {
		t.Fatalf("the bot never polled: %v\n%s", err, logs.String())
	}
	const question = "地铁1号线全长多少"
	ask := func(chat int64) int {
		id, _ := srv.AddText(telegramtest.Private(chat), question)
		return id
	}
	answerTo := func(chat int64) string {
		var got string
		err := srv.WaitUntil(ctx, func() bool {
			for _, m := range srv.Sent() {
				if m.ChatID == chat {
					got = m.Visible
					return true
				}
			}
			return false
		})
		if err != nil {
			t.Fatalf("no answer to chat %d: %v\n%s", chat, err, logs.String())
		}
		return got
	}
	ask(1)
	if a := answerTo(1); !strings.Contains(a, "25.6公里") {
		t.Fatalf("first answer %q", a)
	}

	write("30.1")
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// Questions keep coming while the index is rebuilt.
	last := 0
	for i := range 30 {
		last = ask(int64(100 + i))
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.WaitUntil(ctx, func() bool { return strings.Contains(logs.String(), "engine reloaded") }); err != nil {
		t.Fatalf("no reload: %v\n%s", err, logs.String())
	}
	ask(2)
	if a := answerTo(2); !strings.Contains(a, "30.1公里") {
		t.Errorf("answer after SIGHUP %q, want the new corpus' 30.1公里", a)
	}
	if err := srv.WaitOffset(ctx, last+1); err != nil {
		t.Fatal(err)
	}
	count := map[int64]int{}
	for _, m := range srv.Sent() {
		count[m.ChatID]++
	}
	for i := range 30 {
		if c := count[int64(100+i)]; c != 1 {
			t.Errorf("chat %d: %d answers during the reload, want 1", 100+i, c)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit: %v\n%s", err, logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Error("still running after SIGTERM")
	}
}
