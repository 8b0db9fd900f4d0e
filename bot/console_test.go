package bot

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestConsole(t *testing.T) {
	huge := strings.Repeat("青岛港", 200000) // one 1.8 MB line
	in := strings.NewReader("/help\n\n2020年青岛市港口货物吞吐量多少\n" + huge + "\n/ask@otherbot 港口\n/about")
	var out strings.Builder
	if err := Console(t.Context(), newFakeEngine(), in, &out, true); err != nil {
		t.Fatalf("Console: %v", err)
	}
	got := out.String()
	for _, want := range []string{
		"TELEGRAM_BOT_TOKEN", "@BotFather", "yearbookbot serve", // how to connect a real bot
		"你好", consolePrompt,
		"可以这样问",                       // /help
		"6.05亿吨", "📖 海洋攻势 › 港口航运大幅提升", // the answer, plain
		"不是发给我的",     // /ask@otherbot
		"《青岛年鉴2021》", // /about, the last line without "\n"
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if strings.Contains(got, "<b>") || strings.Contains(got, "&lt;") {
		t.Error("console shows HTML")
	}
	if !utf8.ValidString(got) {
		t.Error("console output is not valid UTF-8")
	}
	if strings.Count(got, consolePrompt) != 7 {
		t.Errorf("%d prompts, want one per line read plus the first", strings.Count(got, consolePrompt))
	}
}

func TestConsoleStopsOnCancel(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	var out strings.Builder
	go func() { done <- Console(ctx, newFakeEngine(), pr, &out, true) }()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Console after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Console did not return after ctx was cancelled")
	}
}

func TestReadLineCutsAtRuneBoundary(t *testing.T) {
	line := strings.Repeat("a", maxConsoleLine-1) + "港口" + "\nnext\n"
	r := bufio.NewReaderSize(strings.NewReader(line), 16)
	got, err := readLine(r)
	if err != nil || !utf8.ValidString(got) || len(got) != maxConsoleLine-1 {
		t.Fatalf("readLine = %d bytes, valid %v, err %v", len(got), utf8.ValidString(got), err)
	}
	if next, err := readLine(r); next != "next" || err != nil {
		t.Fatalf("next line = %q, %v", next, err)
	}
	if _, err := readLine(r); err != io.EOF {
		t.Fatalf("at the end: %v, want EOF", err)
	}
}

// TestConsolePiped: with questions piped in, the output is a transcript:
// no banner, no prompts, each question echoed before its reply.
func TestConsolePiped(t *testing.T) {
	in := strings.NewReader("2020年青岛市港口货物吞吐量多少\n\n/about\n海铁联运箱量多少")
	var out strings.Builder
	if err := Console(t.Context(), newFakeEngine(), in, &out, false); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, unwanted := range []string{"TELEGRAM_BOT_TOKEN", "你好"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("piped console shows the banner (%q):\n%s", unwanted, got)
		}
	}
	q1 := strings.Index(got, consolePrompt+"2020年青岛市港口货物吞吐量多少\n")
	a1 := strings.Index(got, "6.05亿吨")
	q2 := strings.Index(got, consolePrompt+"/about\n")
	q3 := strings.Index(got, consolePrompt+"海铁联运箱量多少\n")
	a3 := strings.Index(got, "165万标准箱")
	if q1 != 0 || !(q1 < a1 && a1 < q2 && q2 < q3 && q3 < a3) {
		t.Errorf("want each question echoed before its reply, in order; got:\n%s", got)
	}
	if n := strings.Count(got, consolePrompt); n != 3 {
		t.Errorf("%d echoed questions, want 3:\n%s", n, got)
	}
}
