package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const devQuestions = "../../retrieval/testdata/dev-questions.jsonl"

type result struct {
	stdout, stderr string
	err            error
}

// yb runs the program as a user would, with only the given environment.
func yb(t *testing.T, environ map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return environ[k] }
	err := run(t.Context(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	return result{out.String(), errOut.String(), err}
}

func TestCorpusOutline(t *testing.T) {
	r := yb(t, nil, "", "corpus")
	if r.err != nil {
		t.Fatalf("corpus: %v\n%s", r.err, r.stderr)
	}
	chapters := []string{"综述", "海洋攻势", "“双招双引”攻势", "交通基础设施建设攻势", "乡村振兴攻势", "突破平度莱西攻势",
		"国际航运贸易金融创新中心建设攻势", "“高端制造业+人工智能”攻势", "推进国有企业改革攻势", "壮大民营经济攻势",
		"科技引领城建设攻势", "城市品质改善提升攻势", "国际时尚城建设攻势", "高效青岛建设攻势"}
	for _, c := range chapters {
		if !strings.Contains(r.stdout, c) {
			t.Errorf("outline lacks chapter %s:\n%s", c, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "14 chapters") {
		t.Errorf("outline does not count 14 chapters:\n%s", r.stdout)
	}
}

func TestCorpusJSON(t *testing.T) {
	r := yb(t, nil, "", "corpus", "--json")
	if r.err != nil {
		t.Fatalf("corpus --json: %v\n%s", r.err, r.stderr)
	}
	var outline struct {
		Yearbooks []struct {
			Title    string
			Chapters []struct {
				Title    string
				Sections []struct {
					Heading    string
					Paragraphs []struct {
						Line int
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &outline); err != nil {
		t.Fatalf("corpus --json is not JSON: %v\n%s", err, r.stdout)
	}
	if len(outline.Yearbooks) != 1 || len(outline.Yearbooks[0].Chapters) != 14 {
		t.Fatalf("want 1 yearbook of 14 chapters, got %+v", outline)
	}
	if ch := outline.Yearbooks[0].Chapters[1]; ch.Title != "海洋攻势" || ch.Sections[0].Paragraphs[0].Line != 6 {
		t.Errorf("second chapter = %q starting at line %d, want 海洋攻势 at line 6", ch.Title, ch.Sections[0].Paragraphs[0].Line)
	}
}

func TestAskOneQuestion(t *testing.T) {
	r := yb(t, nil, "", "ask", "青岛港去年集装箱吞吐量多少？")
	if r.err != nil {
		t.Fatalf("ask: %v\n%s", r.err, r.stderr)
	}
	for _, w := range []string{"2201万标准箱", "海洋攻势"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("reply lacks %s:\n%s", w, r.stdout)
		}
	}
}

func TestAskArgsAreJoined(t *testing.T) {
	r := yb(t, nil, "", "ask", "--json", "青岛港去年", "集装箱吞吐量多少")
	if r.err != nil {
		t.Fatalf("ask: %v\n%s", r.err, r.stderr)
	}
	var a askJSON
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if a.Question != "青岛港去年 集装箱吞吐量多少" || !a.Answered || !strings.Contains(a.Text, "2201万标准箱") ||
		!strings.Contains(a.HTML, "<b>") || len(a.Hits) == 0 || a.Hits[0].ID == "" || a.Hits[0].Line == 0 {
		t.Errorf("ask --json = %+v", a)
	}
}

func TestAskFromStdin(t *testing.T) {
	stdin := "青岛港去年集装箱吞吐量多少？\n\n   \n胶东机场竣工验收是什么时候\r\n地铁6号线啥时候开工" // blank lines skipped, no final newline
	r := yb(t, nil, stdin, "ask", "--json")
	if r.err != nil {
		t.Fatalf("ask: %v\n%s", r.err, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines for 3 questions:\n%s", len(lines), r.stdout)
	}
	wantQ := []string{"青岛港去年集装箱吞吐量多少？", "胶东机场竣工验收是什么时候", "地铁6号线啥时候开工"}
	for i, l := range lines {
		var a askJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, l)
		}
		if a.Question != wantQ[i] || a.Text == "" || a.Hits == nil {
			t.Errorf("line %d = %+v", i+1, a)
		}
	}
	if !strings.Contains(lines[0], "2201万标准箱") {
		t.Errorf("first reply lacks the figure: %s", lines[0])
	}
}

func TestAskFromStdinTextIsOneLinePerQuestion(t *testing.T) {
	r := yb(t, nil, "青岛港去年集装箱吞吐量多少？\n胶东机场竣工验收是什么时候\n", "ask")
	if r.err != nil {
		t.Fatalf("ask: %v\n%s", r.err, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "2201万标准箱") || !strings.Contains(lines[0], " / ") {
		t.Errorf("want 2 one-line replies, sources after ' / ':\n%s", r.stdout)
	}
}

func TestAskEmptyQuestion(t *testing.T) {
	for _, q := range []string{"", "   ", "😀😀"} {
		r := yb(t, nil, "", "ask", q)
		if r.err != nil {
			t.Errorf("ask %q: %v", q, r.err)
		}
		if strings.TrimSpace(r.stdout) == "" {
			t.Errorf("ask %q: no reply", q)
		}
	}
}

func TestEval(t *testing.T) {
	r := yb(t, nil, "", "eval", "--min-accuracy", "0.0", devQuestions)
	if r.err != nil {
		t.Fatalf("eval: %v\n%s", r.err, r.stderr)
	}
	for _, w := range []string{"accuracy", "unanswerable", "top-1", "median reply", "latency p50"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("report lacks %q:\n%s", w, r.stdout)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	r := yb(t, nil, "", "eval", "--json", devQuestions)
	if r.err != nil {
		t.Fatalf("eval: %v\n%s", r.err, r.stderr)
	}
	var rep struct {
		Questions int      `json:"questions"`
		Accuracy  *float64 `json:"accuracy"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Questions != 50 || rep.Accuracy == nil {
		t.Errorf("eval --json: %v %+v\n%s", err, rep, r.stdout)
	}
}

func TestEvalBelowMinAccuracyFails(t *testing.T) {
	// One question whose gold answer is another paragraph's figure: accuracy 0.
	qs := filepath.Join(t.TempDir(), "wrong.jsonl")
	line := `{"id": "w1", "question": "青岛海水淡化一天能产多少水", "type": "figure", "gold_lines": [1], "gold_figures": ["244亿元"], "chapter": "综述", "section": "综述"}` + "\n"
	if err := os.WriteFile(qs, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	r := yb(t, nil, "", "eval", "--min-accuracy", "0.5", qs)
	if r.err == nil || !strings.Contains(r.err.Error(), "below --min-accuracy 0.5") {
		t.Fatalf("eval --min-accuracy 0.5: err = %v", r.err)
	}
	if exitCode(r.err) != 1 || !strings.Contains(r.stdout, "accuracy") {
		t.Errorf("exit %d, report:\n%s", exitCode(r.err), r.stdout)
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "a", "b"}, {"eval", "--min-accuracy", "x", devQuestions}, {"eval", "--min-accuracy", "-1", devQuestions}} {
		if r := yb(t, nil, "", args...); exitCode(r.err) != 2 {
			t.Errorf("%q: err %v, want a usage error", args, r.err)
		}
	}
	r := yb(t, nil, "", "eval", filepath.Join(t.TempDir(), "missing.jsonl"))
	if r.err == nil || exitCode(r.err) != 1 || !strings.Contains(r.err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", r.err)
	}
}

func TestIndexThenAskFromIt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if r := yb(t, nil, "", "index", "--out", dir); r.err != nil {
		t.Fatalf("index: %v\n%s", r.err, r.stderr)
	}
	r := yb(t, map[string]string{"YEARBOOK_INDEX": dir}, "", "ask", "青岛港去年集装箱吞吐量多少？")
	if r.err != nil {
		t.Fatalf("ask from index: %v\n%s", r.err, r.stderr)
	}
	if !strings.Contains(r.stdout, "2201万标准箱") {
		t.Errorf("reply from the index lacks the figure:\n%s", r.stdout)
	}
	r = yb(t, map[string]string{"YEARBOOK_INDEX": dir}, "", "corpus", "--json")
	if r.err != nil || !strings.Contains(r.stdout, "海洋攻势") {
		t.Errorf("corpus from the index: %v", r.err)
	}
}

func TestIndexNeedsOut(t *testing.T) {
	if r := yb(t, nil, "", "index"); exitCode(r.err) != 2 || !strings.Contains(r.err.Error(), "--out") {
		t.Errorf("index without --out: %v", r.err)
	}
}

func TestMissingIndexOrCorpus(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing-here")
	for _, k := range []string{"YEARBOOK_INDEX", "YEARBOOK_CORPUS"} {
		r := yb(t, map[string]string{k: missing}, "", "ask", "青岛港")
		if r.err == nil || !strings.Contains(r.err.Error(), "nothing-here") {
			t.Errorf("%s=%s: err %v, want it to name the path", k, missing, r.err)
		}
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"YEARBOOK_SEND_RATE": "-1", "TELEGRAM_BOT_TOKEN": token}, []string{"serve"}, "YEARBOOK_SEND_RATE"},
		{map[string]string{"YEARBOOK_LOG_LEVEL": "loud"}, []string{"ask", "x"}, "YEARBOOK_LOG_LEVEL"},
		{nil, []string{"healthcheck", "--listen", "nope"}, "--listen"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": "not-a-token"}, []string{"serve"}, "TELEGRAM_BOT_TOKEN"},
	}
	for _, tt := range tests {
		r := yb(t, tt.env, "", tt.args...)
		if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
			t.Errorf("%v %q: err %v, want it to name %s", tt.env, tt.args, r.err, tt.want)
			continue
		}
		if exitCode(r.err) != 1 {
			t.Errorf("%v %q: exit %d, want 1", tt.env, tt.args, exitCode(r.err))
		}
		if strings.Contains(r.err.Error(), "not-a-token") {
			t.Errorf("error quotes the token: %v", r.err)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"ask", "--nope"}, {"corpus", "extra"}, {"--token", "x"}} {
		r := yb(t, nil, "", args...)
		if exitCode(r.err) != 2 {
			t.Errorf("%q: err %v (exit %d), want a usage error (exit 2)", args, r.err, exitCode(r.err))
		}
	}
	r := yb(t, nil, "", "frobnicate")
	if !strings.Contains(r.err.Error(), `unknown command "frobnicate"`) || !strings.Contains(r.err.Error(), "yearbookbot help") {
		t.Errorf("unknown command error: %v", r.err)
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		r := yb(t, nil, "", arg)
		if r.err != nil {
			t.Fatalf("%s: %v", arg, r.err)
		}
		for _, w := range []string{"serve", "console", "ask", "eval", "corpus", "index", "healthcheck",
			"TELEGRAM_BOT_TOKEN", "TELEGRAM_API_ENDPOINT", "YEARBOOK_WEBHOOK_URL", "YEARBOOK_WEBHOOK_SECRET", "YEARBOOK_LISTEN",
			"YEARBOOK_ALLOWED_CHATS", "YEARBOOK_CORPUS", "YEARBOOK_INDEX", "YEARBOOK_LOG_LEVEL", "YEARBOOK_SEND_RATE", "YEARBOOK_STATE", "--send-rate"} {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s output lacks %s", arg, w)
			}
		}
	}
	r := yb(t, nil, "", "eval", "-h")
	if r.err != nil || !strings.Contains(r.stdout, "-min-accuracy") || !strings.Contains(r.stdout, "-corpus") {
		t.Errorf("eval -h: %v\n%s", r.err, r.stdout)
	}
}

func TestServeWithoutToken(t *testing.T) {
	r := yb(t, nil, "", "serve")
	if r.err == nil || !strings.Contains(r.err.Error(), "TELEGRAM_BOT_TOKEN") {
		t.Errorf("serve without token: %v", r.err)
	}
}

const token = "123456789:AAHk-vx_3kq0ZV9fM1w8yH0dXc5lQe2Zr4s"

// With a token, the bare command serves: against a Bot API that rejects the
// token it must stop with an error that does not quote the token.
func TestBareCommandServesWithToken(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"ok":false,"error_code":401,"description":"Unauthorized"}`))
	}))
	defer api.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	environ := map[string]string{
		"TELEGRAM_BOT_TOKEN":    token,
		"TELEGRAM_API_ENDPOINT": api.URL + "/bot%s/%s",
		"YEARBOOK_LISTEN":       "127.0.0.1:0",
	}
	err := run(ctx, nil, func(k string) string { return environ[k] }, strings.NewReader(""), &out, &errOut)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("serve with a rejected token: err %v, ctx %v; want the 401", err, ctx.Err())
	}
	t.Logf("serve stopped with: %v", err)
	for _, s := range []string{err.Error(), out.String(), errOut.String()} {
		if strings.Contains(s, token) || strings.Contains(s, "AAHk") {
			t.Errorf("token leaked: %s", s)
		}
	}
}

func TestConsole(t *testing.T) {
	for _, args := range [][]string{{"console"}, nil} { // the bare command without a token is the console
		r := yb(t, nil, "/help\n青岛港去年集装箱吞吐量多少\n", args...)
		if r.err != nil {
			t.Fatalf("%q: %v\n%s", args, r.err, r.stderr)
		}
		// Piped: a transcript, each question echoed before its reply, no banner.
		q := strings.Index(r.stdout, "问> 青岛港去年集装箱吞吐量多少\n")
		if q < 0 || !strings.Contains(r.stdout[q:], "2201万标准箱") || strings.Contains(r.stdout, "TELEGRAM_BOT_TOKEN") {
			t.Errorf("%q: piped console output wants the question echoed before its answer and no banner:\n%s", args, r.stdout)
		}
	}
}

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	listen := strings.TrimPrefix(srv.URL, "http://")
	env := map[string]string{"YEARBOOK_LISTEN": listen}
	if r := yb(t, env, "", "healthcheck"); r.err != nil {
		t.Errorf("healthy server: %v", r.err)
	}
	status = http.StatusServiceUnavailable
	if r := yb(t, env, "", "healthcheck"); r.err == nil || exitCode(r.err) != 1 || !strings.Contains(r.err.Error(), "503") {
		t.Errorf("server not ready: %v", r.err)
	}
	srv.Close()
	if r := yb(t, env, "", "healthcheck", "--timeout", "2s"); r.err == nil {
		t.Error("no server: healthcheck passed")
	}
}

func TestHealthURL(t *testing.T) {
	tests := []struct{ listen, want string }{
		{":8080", "http://127.0.0.1:8080/healthz"},
		{"0.0.0.0:80", "http://127.0.0.1:80/healthz"},
		{"[::]:8080", "http://[::1]:8080/healthz"},
		{"10.0.0.5:9000", "http://10.0.0.5:9000/healthz"},
		{"localhost:1", "http://localhost:1/healthz"},
	}
	for _, tt := range tests {
		got, err := healthURL(tt.listen)
		if err != nil || got != tt.want {
			t.Errorf("healthURL(%q) = %q, %v; want %q", tt.listen, got, err, tt.want)
		}
	}
	if _, err := healthURL(""); err == nil {
		t.Error("empty listen address accepted")
	}
}

func TestExitCodeAndOneLine(t *testing.T) {
	if exitCode(nil) != 0 || exitCode(errors.New("x")) != 1 || exitCode(usagef("x")) != 2 {
		t.Error("exit codes")
	}
	if got := oneLine("a\nb\n  c"); got != "a; b; c" {
		t.Errorf("oneLine = %q", got)
	}
}
