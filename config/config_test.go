package config

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
)

const goodToken = "123456789:AAHk-vx_3kq0ZV9fM1w8yH0dXc5lQe2Zr4s"

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestDefaults(t *testing.T) {
	c, rest, err := Load(nil, env())
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		APIEndpoint:  DefaultAPIEndpoint,
		Listen:       ":8080",
		SendRate:     30,
		LogLevel:     slog.LevelInfo,
		LogRetention: 90,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("defaults = %+v, want %+v", c, want)
	}
	if len(rest) != 0 {
		t.Errorf("rest = %q", rest)
	}
	if c.Webhook() {
		t.Error("no webhook URL but Webhook() is true")
	}
}

// Every variable with good values: the value lands in the right field.
func TestGoodValues(t *testing.T) {
	tests := []struct {
		name  string
		env   []string
		check func(Config) bool
	}{
		{"token", []string{"TELEGRAM_BOT_TOKEN", goodToken}, func(c Config) bool { return c.Token == goodToken }},
		{"token trailing newline trimmed", []string{"TELEGRAM_BOT_TOKEN", goodToken + "\n"}, func(c Config) bool { return c.Token == goodToken }},
		{"endpoint", []string{"TELEGRAM_API_ENDPOINT", "http://127.0.0.1:8081/bot%s/%s"}, func(c Config) bool { return c.APIEndpoint == "http://127.0.0.1:8081/bot%s/%s" }},
		{"endpoint with %%", []string{"TELEGRAM_API_ENDPOINT", "https://x.example/a%%20b/bot%s/%s"}, func(c Config) bool { return strings.HasPrefix(c.APIEndpoint, "https://x.example") }},
		{"webhook", []string{"YEARBOOK_WEBHOOK_URL", "https://bot.example.org/tg", "YEARBOOK_WEBHOOK_SECRET", "s3cr-et_X"}, func(c Config) bool {
			return c.Webhook() && c.WebhookURL == "https://bot.example.org/tg" && c.WebhookSecret == "s3cr-et_X"
		}},
		{"http webhook with self-hosted API", []string{"TELEGRAM_API_ENDPOINT", "http://botapi:8081/bot%s/%s", "YEARBOOK_WEBHOOK_URL", "http://bot:8080/tg", "YEARBOOK_WEBHOOK_SECRET", "x"}, func(c Config) bool { return c.WebhookURL == "http://bot:8080/tg" }},
		{"secret alone", []string{"YEARBOOK_WEBHOOK_SECRET", strings.Repeat("a", 256)}, func(c Config) bool { return len(c.WebhookSecret) == 256 && !c.Webhook() }},
		{"listen host:port", []string{"YEARBOOK_LISTEN", "127.0.0.1:9000"}, func(c Config) bool { return c.Listen == "127.0.0.1:9000" }},
		{"listen ipv6", []string{"YEARBOOK_LISTEN", "[::1]:0"}, func(c Config) bool { return c.Listen == "[::1]:0" }},
		{"allowed chats comma", []string{"YEARBOOK_ALLOWED_CHATS", "1,-1001234567890"}, func(c Config) bool { return reflect.DeepEqual(c.AllowedChats, []int64{1, -1001234567890}) }},
		{"allowed chats spaces, dupes", []string{"YEARBOOK_ALLOWED_CHATS", " 5  7, 5 "}, func(c Config) bool { return reflect.DeepEqual(c.AllowedChats, []int64{5, 7}) }},
		{"corpus", []string{"YEARBOOK_CORPUS", "/data/yearbooks"}, func(c Config) bool { return c.Corpus == "/data/yearbooks" }},
		{"index", []string{"YEARBOOK_INDEX", "/index"}, func(c Config) bool { return c.Index == "/index" }},
		{"default", []string{"YEARBOOK_DEFAULT", " 青岛 "}, func(c Config) bool { return c.Default == "青岛" }},
		{"log debug", []string{"YEARBOOK_LOG_LEVEL", "debug"}, func(c Config) bool { return c.LogLevel == slog.LevelDebug }},
		{"log WARN", []string{"YEARBOOK_LOG_LEVEL", "WARN"}, func(c Config) bool { return c.LogLevel == slog.LevelWarn }},
		{"log error", []string{"YEARBOOK_LOG_LEVEL", "error"}, func(c Config) bool { return c.LogLevel == slog.LevelError }},
		{"send rate 0", []string{"YEARBOOK_SEND_RATE", "0"}, func(c Config) bool { return c.SendRate == 0 }},
		{"send rate 2.5", []string{"YEARBOOK_SEND_RATE", "2.5"}, func(c Config) bool { return c.SendRate == 2.5 }},
		{"state", []string{"YEARBOOK_STATE", "/var/lib/yearbookbot/state.json"}, func(c Config) bool { return c.StateFile == "/var/lib/yearbookbot/state.json" }},
		{"data", []string{"YEARBOOK_DATA", "/state"}, func(c Config) bool { return c.DataDir == "/state" }},
		{"retention 0", []string{"YEARBOOK_LOG_RETENTION", "0"}, func(c Config) bool { return c.LogRetention == 0 }},
		{"retention 30", []string{"YEARBOOK_LOG_RETENTION", "30"}, func(c Config) bool { return c.LogRetention == 30 }},
		{"admins", []string{"YEARBOOK_ADMINS", "11, 22"}, func(c Config) bool { return len(c.Admins) == 2 && c.Admins[1] == 22 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Load(nil, env(tt.env...))
			if err != nil {
				t.Fatalf("env %q: %v", tt.env, err)
			}
			if !tt.check(c) {
				t.Errorf("env %q gave %+v", tt.env, c)
			}
		})
	}
}

// Every variable with bad values: a clear error that names the variable and
// says why.
func TestBadValues(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want []string // all must appear in the error
	}{
		{"token without colon", []string{"TELEGRAM_BOT_TOKEN", "123456789AAHkvx3kq0ZV9fM1w8yH0dXc5lQe2Zr4s"}, []string{"TELEGRAM_BOT_TOKEN", "does not look like a bot token"}},
		{"token short secret", []string{"TELEGRAM_BOT_TOKEN", "123:abc"}, []string{"TELEGRAM_BOT_TOKEN"}},
		{"token letters in id", []string{"TELEGRAM_BOT_TOKEN", "bot123:AAHk-vx_3kq0ZV9fM1w8yH0dXc5lQe2Zr4s"}, []string{"TELEGRAM_BOT_TOKEN"}},
		{"token as URL", []string{"TELEGRAM_BOT_TOKEN", "https://api.telegram.org/bot" + goodToken}, []string{"TELEGRAM_BOT_TOKEN"}},
		{"endpoint one %s", []string{"TELEGRAM_API_ENDPOINT", "https://api.telegram.org/bot%s"}, []string{"TELEGRAM_API_ENDPOINT", "two %s"}},
		{"endpoint %d", []string{"TELEGRAM_API_ENDPOINT", "https://x/bot%s/%s/%d"}, []string{"TELEGRAM_API_ENDPOINT", "two %s"}},
		{"endpoint %s glued together", []string{"TELEGRAM_API_ENDPOINT", "https://api.telegram.org/bot%s%s"}, []string{"TELEGRAM_API_ENDPOINT", "separate the two %s with a /"}},
		{"endpoint %s separated by a dash", []string{"TELEGRAM_API_ENDPOINT", "https://api.telegram.org/bot%s-%s"}, []string{"TELEGRAM_API_ENDPOINT", "with a /"}},
		{"endpoint not URL", []string{"TELEGRAM_API_ENDPOINT", "api.telegram.org/bot%s/%s"}, []string{"TELEGRAM_API_ENDPOINT", "http(s) URL"}},
		{"endpoint ftp", []string{"TELEGRAM_API_ENDPOINT", "ftp://x/bot%s/%s"}, []string{"TELEGRAM_API_ENDPOINT"}},
		{"webhook http", []string{"YEARBOOK_WEBHOOK_URL", "http://bot.example.org/tg", "YEARBOOK_WEBHOOK_SECRET", "x"}, []string{"YEARBOOK_WEBHOOK_URL", "https"}},
		{"webhook relative", []string{"YEARBOOK_WEBHOOK_URL", "/tg", "YEARBOOK_WEBHOOK_SECRET", "x"}, []string{"YEARBOOK_WEBHOOK_URL", "absolute URL"}},
		{"webhook with password", []string{"YEARBOOK_WEBHOOK_URL", "https://u:p@bot.example.org/tg", "YEARBOOK_WEBHOOK_SECRET", "x"}, []string{"YEARBOOK_WEBHOOK_URL", "password"}},
		{"webhook without secret", []string{"YEARBOOK_WEBHOOK_URL", "https://bot.example.org/tg"}, []string{"YEARBOOK_WEBHOOK_SECRET is required"}},
		{"secret bad chars", []string{"YEARBOOK_WEBHOOK_SECRET", "no spaces!"}, []string{"YEARBOOK_WEBHOOK_SECRET", "1-256"}},
		{"secret too long", []string{"YEARBOOK_WEBHOOK_SECRET", strings.Repeat("a", 257)}, []string{"YEARBOOK_WEBHOOK_SECRET", "257 characters"}},
		{"listen no port", []string{"YEARBOOK_LISTEN", "localhost"}, []string{"YEARBOOK_LISTEN", "host:port"}},
		{"listen bad port", []string{"YEARBOOK_LISTEN", ":http"}, []string{"YEARBOOK_LISTEN", "not a number"}},
		{"listen port too big", []string{"YEARBOOK_LISTEN", ":70000"}, []string{"YEARBOOK_LISTEN", "65535"}},
		{"chats word", []string{"YEARBOOK_ALLOWED_CHATS", "1,two,3"}, []string{"YEARBOOK_ALLOWED_CHATS", `"two"`}},
		{"chats zero", []string{"YEARBOOK_ALLOWED_CHATS", "0"}, []string{"YEARBOOK_ALLOWED_CHATS", "not a chat id"}},
		{"chats overflow", []string{"YEARBOOK_ALLOWED_CHATS", "99999999999999999999"}, []string{"YEARBOOK_ALLOWED_CHATS"}},
		{"corpus and index", []string{"YEARBOOK_CORPUS", "a.txt", "YEARBOOK_INDEX", "idx"}, []string{"YEARBOOK_CORPUS", "YEARBOOK_INDEX", "only one"}},
		{"log level", []string{"YEARBOOK_LOG_LEVEL", "verbose"}, []string{"YEARBOOK_LOG_LEVEL", `"verbose"`, "debug, info, warn or error"}},
		{"send rate negative", []string{"YEARBOOK_SEND_RATE", "-1"}, []string{"YEARBOOK_SEND_RATE", "≥ 0"}},
		{"send rate word", []string{"YEARBOOK_SEND_RATE", "fast"}, []string{"YEARBOOK_SEND_RATE", `"fast"`}},
		{"send rate NaN", []string{"YEARBOOK_SEND_RATE", "NaN"}, []string{"YEARBOOK_SEND_RATE"}},
		{"send rate Inf", []string{"YEARBOOK_SEND_RATE", "+Inf"}, []string{"YEARBOOK_SEND_RATE"}},
		{"retention negative", []string{"YEARBOOK_LOG_RETENTION", "-1"}, []string{"YEARBOOK_LOG_RETENTION", "days"}},
		{"retention word", []string{"YEARBOOK_LOG_RETENTION", "forever"}, []string{"YEARBOOK_LOG_RETENTION", `"forever"`}},
		{"admins word", []string{"YEARBOOK_ADMINS", "alice"}, []string{"YEARBOOK_ADMINS", `"alice"`}},
		{"two errors at once", []string{"YEARBOOK_SEND_RATE", "-1", "YEARBOOK_LOG_LEVEL", "loud"}, []string{"YEARBOOK_SEND_RATE", "YEARBOOK_LOG_LEVEL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Load(nil, env(tt.env...))
			if err == nil {
				t.Fatalf("env %q: no error", tt.env)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// The token must never appear in an error, whatever is wrong with it.
func TestErrorsNeverQuoteSecrets(t *testing.T) {
	token := "123456789:has spaces and a secret part!!"
	secret := "my secret with spaces"
	_, _, err := Load(nil, env("TELEGRAM_BOT_TOKEN", token, "YEARBOOK_WEBHOOK_SECRET", secret))
	if err == nil {
		t.Fatal("no error")
	}
	for _, s := range []string{token, "secret part", secret} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("error %q quotes a secret", err)
		}
	}
}

func TestFlagsWin(t *testing.T) {
	full := env(
		"TELEGRAM_API_ENDPOINT", "http://env.example/bot%s/%s",
		"YEARBOOK_WEBHOOK_URL", "https://env.example/tg",
		"YEARBOOK_WEBHOOK_SECRET", "s",
		"YEARBOOK_LISTEN", ":1111",
		"YEARBOOK_ALLOWED_CHATS", "1,2",
		"YEARBOOK_CORPUS", "env.txt",
		"YEARBOOK_LOG_LEVEL", "error",
		"YEARBOOK_SEND_RATE", "5",
		"YEARBOOK_STATE", "env.state",
	)
	tests := []struct {
		args  []string
		env   func(string) string
		check func(Config) bool
	}{
		{[]string{"--api-endpoint", "http://flag.example/bot%s/%s"}, full, func(c Config) bool { return c.APIEndpoint == "http://flag.example/bot%s/%s" }},
		{[]string{"--webhook-url=https://flag.example/tg"}, full, func(c Config) bool { return c.WebhookURL == "https://flag.example/tg" }},
		{[]string{"--listen", "127.0.0.1:2222"}, full, func(c Config) bool { return c.Listen == "127.0.0.1:2222" }},
		{[]string{"--allowed-chats", "-3"}, full, func(c Config) bool { return reflect.DeepEqual(c.AllowedChats, []int64{-3}) }},
		{[]string{"--allowed-chats="}, full, func(c Config) bool { return len(c.AllowedChats) == 0 }},
		{[]string{"--corpus", "flag.txt"}, full, func(c Config) bool { return c.Corpus == "flag.txt" }},
		{[]string{"--log-level", "debug"}, full, func(c Config) bool { return c.LogLevel == slog.LevelDebug }},
		{[]string{"--send-rate", "0"}, full, func(c Config) bool { return c.SendRate == 0 }},
		{[]string{"--state", "flag.state"}, full, func(c Config) bool { return c.StateFile == "flag.state" }},
		// An explicitly empty --listen switches the HTTP server off in polling mode.
		{[]string{"--listen="}, env("YEARBOOK_LISTEN", ":1111"), func(c Config) bool { return c.Listen == "" }},
		// A flag naming a corpus beats an index named by the environment, and the other way round.
		{[]string{"--corpus", "mine.txt"}, env("YEARBOOK_INDEX", "/index"), func(c Config) bool { return c.Corpus == "mine.txt" && c.Index == "" }},
		{[]string{"--index", "/mine"}, env("YEARBOOK_CORPUS", "a.txt"), func(c Config) bool { return c.Index == "/mine" && c.Corpus == "" }},
		// Environment untouched where no flag is given.
		{nil, full, func(c Config) bool { return c.Listen == ":1111" && c.SendRate == 5 && c.Corpus == "env.txt" }},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			c, _, err := Load(tt.args, tt.env)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("%q gave %+v", tt.args, c)
			}
		})
	}
}

func TestBadFlagValuesNameTheFlag(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--send-rate", "-2"}, "--send-rate"},
		{[]string{"--log-level", "x"}, "--log-level"},
		{[]string{"--listen", "nope"}, "--listen"},
		{[]string{"--allowed-chats", "a"}, "--allowed-chats"},
		{[]string{"--webhook-url", "ftp://x"}, "--webhook-url"},
		{[]string{"--api-endpoint", "x"}, "--api-endpoint"},
		{[]string{"--corpus", "a", "--index", "b"}, "--corpus and --index"},
	}
	for _, tt := range tests {
		_, _, err := Load(tt.args, env("YEARBOOK_WEBHOOK_SECRET", "s"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want mention of %s", tt.args, err, tt.want)
		}
	}
}

func TestWebhookNeedsListen(t *testing.T) {
	_, _, err := Load([]string{"--listen="}, env("YEARBOOK_WEBHOOK_URL", "https://x.example/tg", "YEARBOOK_WEBHOOK_SECRET", "s"))
	if err == nil || !strings.Contains(err.Error(), "listen") {
		t.Errorf("webhook without listen address: %v", err)
	}
}

func TestNoSecretFlags(t *testing.T) {
	for _, a := range []string{"--token", "--webhook-secret"} {
		if _, _, err := Load([]string{a, "x"}, env()); err == nil {
			t.Errorf("%s accepted: secrets must not be passed on the command line", a)
		}
	}
}

func TestRestArgs(t *testing.T) {
	_, rest, err := Load([]string{"--listen", ":1", "ask", "--json"}, env())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rest, []string{"ask", "--json"}) {
		t.Errorf("rest = %q", rest)
	}
}

func TestAddFlagsSharesAFlagSet(t *testing.T) {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	f := AddFlags(fs)
	jsonOut := fs.Bool("json", false, "")
	if err := fs.Parse([]string{"--json", "--send-rate", "1", "q"}); err != nil {
		t.Fatal(err)
	}
	c, err := f.Resolve(env("YEARBOOK_SEND_RATE", "9"))
	if err != nil {
		t.Fatal(err)
	}
	if !*jsonOut || c.SendRate != 1 || fs.Arg(0) != "q" {
		t.Errorf("json=%v rate=%v args=%q", *jsonOut, c.SendRate, fs.Args())
	}
	if _, err := (*Flags)(nil).Resolve(env("YEARBOOK_SEND_RATE", "9")); err != nil {
		t.Errorf("nil Flags: %v", err)
	}
}

func TestStringAndLogValueRedact(t *testing.T) {
	c, _, err := Load(nil, env("TELEGRAM_BOT_TOKEN", goodToken,
		"YEARBOOK_WEBHOOK_URL", "https://x.example/tg", "YEARBOOK_WEBHOOK_SECRET", "topsecret123"))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "config", c)
	outputs := map[string]string{
		"String":   c.String(),
		"%v":       fmt.Sprintf("%v", c),
		"LogValue": logged.String(),
	}
	for name, out := range outputs {
		if strings.Contains(out, goodToken) || strings.Contains(out, "AAHk") || strings.Contains(out, "topsecret123") {
			t.Errorf("%s leaks a secret: %s", name, out)
		}
		if !strings.Contains(out, "[redacted]") || !strings.Contains(out, "webhook") {
			t.Errorf("%s = %s, want redacted token and the mode", name, out)
		}
	}
}
