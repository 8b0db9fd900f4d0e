package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"yearbookbot/bot/telegram/telegramtest"
)

func TestVersion(t *testing.T) {
	bad := map[string]string{"YEARBOOK_SEND_RATE": "abc", "YEARBOOK_LOG_LEVEL": "loud"}
	var outs []string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		r := yb(t, bad, "", args...)
		if r.err != nil {
			t.Fatalf("%q: %v", args, r.err)
		}
		if !strings.HasPrefix(r.stdout, "yearbookbot ") || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%q printed %q, want one line 'yearbookbot VERSION'", args, r.stdout)
		}
		outs = append(outs, r.stdout)
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Errorf("version and --version differ: %q", outs)
	}
	if r := yb(t, nil, "", "version", "extra"); exitCode(r.err) != 2 {
		t.Errorf("version extra: %v, want a usage error", r.err)
	}
}

func TestVersionString(t *testing.T) {
	for _, c := range []struct {
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{nil, false, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, GoVersion: "go1.26.0"}, true, "v1.2.3 go1.26.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, true, "devel (0123456789ab, modified)"},
	} {
		if got := version(c.bi, c.ok); got != c.want {
			t.Errorf("version(%+v) = %q, want %q", c.bi, got, c.want)
		}
	}
}

// TestCommandHelp: `help COMMAND` and `COMMAND -h` show that command's
// usage with the flags it uses, and only those.
func TestCommandHelp(t *testing.T) {
	for _, c := range []struct {
		cmd          string
		want, unwant []string
	}{
		{"ask", []string{"usage: yearbookbot ask [--json] [QUESTION…]", "-json", "-corpus", "-index", "-log-level"}, []string{"-send-rate", "-listen", "-api-endpoint", "-state"}},
		{"eval", []string{"-min-accuracy", "-json", "-corpus"}, []string{"-send-rate", "-webhook-url"}},
		{"index", []string{"-out", "-corpus"}, []string{"-allowed-chats"}},
		{"healthcheck", []string{"-timeout", "-listen"}, []string{"-corpus", "-send-rate"}},
		{"serve", []string{"-send-rate", "-listen", "-webhook-url", "-state", "-corpus"}, []string{"-json"}},
		{"version", []string{"usage: yearbookbot version"}, []string{"flags", "-corpus"}},
	} {
		var outs []string
		for _, args := range [][]string{{"help", c.cmd}, {c.cmd, "-h"}, {c.cmd, "--help"}} {
			r := yb(t, nil, "", args...)
			if r.err != nil {
				t.Fatalf("%q: %v", args, r.err)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("%q lacks %q:\n%s", args, w, r.stdout)
				}
			}
			for _, u := range c.unwant {
				if strings.Contains(r.stdout, u+" ") || strings.Contains(r.stdout, u+"\n") {
					t.Errorf("%q shows %q, which %s does not use:\n%s", args, u, c.cmd, r.stdout)
				}
			}
			outs = append(outs, r.stdout)
		}
		if outs[0] != outs[1] {
			t.Errorf("help %s and %s -h differ:\n%s\n---\n%s", c.cmd, c.cmd, outs[0], outs[1])
		}
	}
	if r := yb(t, nil, "", "help", "frobnicate"); exitCode(r.err) != 2 {
		t.Errorf("help frobnicate: %v, want a usage error", r.err)
	}
}

// TestOfflineCommandsIgnoreServerSettings: commands that never talk to
// Telegram run whatever is wrong with the server's settings.
func TestOfflineCommandsIgnoreServerSettings(t *testing.T) {
	bad := map[string]string{
		"YEARBOOK_SEND_RATE":     "abc",
		"TELEGRAM_API_ENDPOINT":  "https://api.telegram.org/bot%s%s",
		"YEARBOOK_LISTEN":        "nope",
		"YEARBOOK_WEBHOOK_URL":   "http://insecure.example.org",
		"YEARBOOK_ALLOWED_CHATS": "everyone",
		"YEARBOOK_STATE":         "/nonexistent/state.json",
	}
	qs := filepath.Join(t.TempDir(), "one.jsonl")
	line := `{"id": "d003", "question": "青岛海水淡化一天能产多少水", "type": "figure", "gold_lines": [7], "gold_figures": ["22.4万立方米"], "chapter": "海洋攻势", "section": "壮大海洋产业"}` + "\n"
	if err := os.WriteFile(qs, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"ask", "青岛海水淡化一天能产多少水"},
		{"corpus"},
		{"eval", qs},
		{"index", "--out", filepath.Join(t.TempDir(), "idx")},
		{"console"},
	} {
		if r := yb(t, bad, "", args...); r.err != nil {
			t.Errorf("%q with bad server settings: %v", args, r.err)
		}
	}
	// serve still refuses them.
	bad["TELEGRAM_BOT_TOKEN"] = token
	if r := yb(t, bad, "", "serve"); r.err == nil || !strings.Contains(r.err.Error(), "YEARBOOK_SEND_RATE") || exitCode(r.err) != 1 {
		t.Errorf("serve with bad settings: %v", r.err)
	}
}

// TestAskFlagAfterQuestion: a flag after the question is a flag, never
// part of the question; after -- it is.
func TestAskFlagAfterQuestion(t *testing.T) {
	r := yb(t, nil, "", "ask", "胶东机场竣工验收是什么时候", "--json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	var a askJSON
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("ask Q --json did not print JSON: %v\n%s", err, r.stdout)
	}
	if a.Question != "胶东机场竣工验收是什么时候" || !a.Answered {
		t.Errorf("question %q (answered %v), want the question without the flag", a.Question, a.Answered)
	}
	if r := yb(t, nil, "", "ask", "胶东机场", "--nope"); exitCode(r.err) != 2 {
		t.Errorf("ask Q --nope: %v, want a usage error", r.err)
	}
	r = yb(t, nil, "", "ask", "--json", "--", "胶东机场竣工验收是什么时候", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &a); r.err != nil || err != nil || a.Question != "胶东机场竣工验收是什么时候 --json" {
		t.Errorf("ask --json -- Q --json: question %q, %v %v", a.Question, r.err, err)
	}
}

func TestMinAccuracyRange(t *testing.T) {
	for _, v := range []string{"1.5", "95", "-0.1", "NaN"} {
		r := yb(t, nil, "", "eval", "--min-accuracy", v, devQuestions)
		if exitCode(r.err) != 2 || !strings.Contains(fmtErr(r.err), "0 to 1") {
			t.Errorf("--min-accuracy %s: %v (exit %d), want a usage error naming the range", v, r.err, exitCode(r.err))
		}
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// tty is standard input as a terminal: a reader whose Stat says
// character device.
type tty struct{ *strings.Reader }

func (tty) Stat() (fs.FileInfo, error) { return ttyInfo{}, nil }

type ttyInfo struct{}

func (ttyInfo) Name() string       { return "tty" }
func (ttyInfo) Size() int64        { return 0 }
func (ttyInfo) Mode() fs.FileMode  { return fs.ModeDevice | fs.ModeCharDevice | 0o620 }
func (ttyInfo) ModTime() time.Time { return time.Time{} }
func (ttyInfo) IsDir() bool        { return false }
func (ttyInfo) Sys() any           { return nil }

func ybTTY(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(t.Context(), args, func(string) string { return "" }, tty{strings.NewReader(stdin)}, &out, &errOut)
	return result{out.String(), errOut.String(), err}
}

// TestAskPromptsOnTerminal: `ask` without a question on a terminal says
// what it waits for and prompts (on stderr, so stdout holds only replies);
// piped, it prompts nothing.
func TestAskPromptsOnTerminal(t *testing.T) {
	r := ybTTY(t, "青岛港去年集装箱吞吐量多少\n", "ask")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.stderr, askHint) || !strings.Contains(r.stderr, askPrompt) {
		t.Errorf("ask on a terminal did not prompt; stderr:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "2201万标准箱") || strings.Contains(r.stdout, askPrompt) {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	piped := yb(t, nil, "青岛港去年集装箱吞吐量多少\n", "ask")
	if strings.Contains(piped.stderr, askPrompt) || strings.Contains(piped.stdout, askPrompt) {
		t.Errorf("piped ask prompted:\n%s%s", piped.stdout, piped.stderr)
	}
}

// TestConsoleOnTerminal: on a terminal the console shows its banner and
// prompts, and does not echo what the terminal already shows.
func TestConsoleOnTerminal(t *testing.T) {
	r := ybTTY(t, "青岛港去年集装箱吞吐量多少\n", "console")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.stdout, "TELEGRAM_BOT_TOKEN") || !strings.Contains(r.stdout, "2201万标准箱") {
		t.Errorf("console on a terminal lacks the banner or the answer:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "问> 青岛港去年集装箱吞吐量多少") {
		t.Errorf("console on a terminal echoed the question:\n%s", r.stdout)
	}
}

func TestIsTerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) || isTerminal(strings.NewReader("")) || !isTerminal(tty{strings.NewReader("")}) {
		t.Errorf("isTerminal: /dev/null %v, string %v, tty %v", isTerminal(null), isTerminal(strings.NewReader("")), isTerminal(tty{strings.NewReader("")}))
	}
}

// TestServeReadOnlyStateFolder: serve with a state file in a folder that
// takes no file stops at start with exit status 1.
func TestServeReadOnlyStateFolder(t *testing.T) {
	dir := telegramtest.ReadOnlyDir(t)
	srv := telegramtest.NewServer(t)
	r := yb(t, map[string]string{
		"TELEGRAM_BOT_TOKEN":    srv.Token,
		"TELEGRAM_API_ENDPOINT": srv.Endpoint(),
		"YEARBOOK_LISTEN":       "127.0.0.1:0",
		"YEARBOOK_STATE":        filepath.Join(dir, "poller.json"),
	}, "", "serve")
	if r.err == nil || exitCode(r.err) != 1 || !strings.Contains(r.err.Error(), "not writable") {
		t.Errorf("serve with a read-only state folder: %v (exit %d), want exit 1 naming it", r.err, exitCode(r.err))
	}
}
