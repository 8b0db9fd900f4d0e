// Package config reads yearbookbot's settings from the environment and from
// command-line flags (a flag wins over its variable), validates them once and
// hands the rest of the program one checked Config.
//
// The bot token is read from TELEGRAM_BOT_TOKEN only, and the webhook secret
// from YEARBOOK_WEBHOOK_SECRET only: there are no flags for them, because a command line is visible to every user of the machine
// through ps and /proc, and ends up in shell history. Config never prints the
// token or the webhook secret (see String and LogValue), and no error message
// here quotes them.
package config

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Defaults.
const (
	DefaultAPIEndpoint = "https://api.telegram.org/bot%s/%s"
	DefaultListen      = ":8080"
	DefaultSendRate    = 30.0
	// DefaultLogRetention is in days.
	DefaultLogRetention = 90
)

// Config is the validated configuration of one run.
type Config struct {
	Token         string // TELEGRAM_BOT_TOKEN; "" = no bot (console mode)
	APIEndpoint   string // TELEGRAM_API_ENDPOINT, a format string with two %s (token, method)
	WebhookURL    string // YEARBOOK_WEBHOOK_URL; set → webhook mode
	WebhookSecret string // YEARBOOK_WEBHOOK_SECRET; required with WebhookURL
	Listen        string // YEARBOOK_LISTEN, host:port of the webhook and /healthz server; "" = none
	AllowedChats  []int64
	Corpus        string // YEARBOOK_CORPUS, a yearbook file or a folder of them
	Index         string // YEARBOOK_INDEX, a directory written by `yearbookbot index`
	Default       string // YEARBOOK_DEFAULT, the place, title or file questions naming no place are answered from
	LogLevel      slog.Level
	SendRate      float64 // messages per second overall; 0 lifts all send limits
	StateFile     string  // YEARBOOK_STATE; "" = keep the poller's state in memory
	DataDir       string  // YEARBOOK_DATA, folder of the bot's database; "" = memory only
	LogRetention  int     // YEARBOOK_LOG_RETENTION, days questions are kept; 0 = none logged
	Admins        []int64 // YEARBOOK_ADMINS, user ids allowed /stats
}

// Webhook reports whether the bot receives updates by webhook rather than
// by long polling.
func (c Config) Webhook() bool { return c.WebhookURL != "" }

// Var describes one setting: its environment variable, its flag (empty when
// there is none) and its meaning, for flag registration and the help text.
type Var struct {
	Env     string
	Flag    string
	Default string
	Usage   string
}

// Vars lists every setting in the order the help text shows them.
func Vars() []Var {
	return []Var{
		{"TELEGRAM_BOT_TOKEN", "", "", "bot token from @BotFather; set → serve (no flag: a command line leaks through ps)"},
		{"TELEGRAM_API_ENDPOINT", "api-endpoint", DefaultAPIEndpoint, "Bot API URL format: %s token, %s method (self-hosted Bot API servers, tests)"},
		{"YEARBOOK_WEBHOOK_URL", "webhook-url", "", "public https URL Telegram posts updates to; set → webhook mode, else long polling"},
		{"YEARBOOK_WEBHOOK_SECRET", "", "", "secret Telegram sends with each webhook call (1-256 of A-Z a-z 0-9 _ -); required with a webhook URL"},
		{"YEARBOOK_LISTEN", "listen", DefaultListen, "host:port of the HTTP server: webhook, /healthz, /metrics, /report (empty flag value = none in polling mode)"},
		{"YEARBOOK_ALLOWED_CHATS", "allowed-chats", "", "chat ids allowed to use the bot, comma or space separated (empty = everyone)"},
		{"YEARBOOK_CORPUS", "corpus", "", "yearbook file or folder of files (default: the embedded Qingdao yearbook)"},
		{"YEARBOOK_INDEX", "index", "", "index directory written by 'yearbookbot index --out DIR', opened instead of building at start"},
		{"YEARBOOK_DEFAULT", "default", "", "place (青岛), yearbook title or file that questions naming no place are answered from (empty = every document)"},
		{"YEARBOOK_LOG_LEVEL", "log-level", "info", "debug, info, warn or error"},
		{"YEARBOOK_SEND_RATE", "send-rate", "30", "messages per second overall; 0 lifts all send limits"},
		{"YEARBOOK_STATE", "state", "", "file where the poller keeps its offset and handled update ids (empty = memory only)"},
		{"YEARBOOK_DATA", "data", "", "folder of the bot's database: poller state, chat settings, question log, feedback (empty = memory only)"},
		{"YEARBOOK_LOG_RETENTION", "log-retention", "90", "days logged questions are kept (0 = none is logged)"},
		{"YEARBOOK_ADMINS", "admins", "", "user ids allowed /stats, comma or space separated"},
	}
}

// Flags holds the config flags registered on a FlagSet, remembering which
// ones the command line actually set so that only those override the
// environment.
type Flags struct {
	vals map[string]*flagValue // by env name
	only map[string]bool       // the settings a command reads (nil = all); see AddFlagsFor
}

type flagValue struct {
	s   string
	set bool
}

func (v *flagValue) String() string {
	if v == nil {
		return ""
	}
	return v.s
}

func (v *flagValue) Set(s string) error { v.s, v.set = s, true; return nil }

// AddFlags registers the config flags on fs. Values are taken as text and
// validated by Resolve together with the environment, so a bad value gives
// the same message whichever way it came in.
func AddFlags(fs *flag.FlagSet) *Flags {
	f := &Flags{vals: map[string]*flagValue{}}
	for _, v := range Vars() {
		if v.Flag == "" {
			continue
		}
		fv := &flagValue{}
		f.vals[v.Env] = fv
		usage := v.Usage + " (env " + v.Env + ")"
		fs.Var(fv, v.Flag, usage)
	}
	return f
}

// Load parses args (without the program name) for the config flags only and
// resolves them with the environment. It returns the arguments left after
// the flags.
func Load(args []string, getenv func(string) string) (Config, []string, error) {
	fs := flag.NewFlagSet("yearbookbot", flag.ContinueOnError)
	fs.SetOutput(discard{})
	f := AddFlags(fs)
	if err := fs.Parse(args); err != nil {
		return Config{}, nil, err
	}
	c, err := f.Resolve(getenv)
	return c, fs.Args(), err
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// setting is one raw value and where it came from, for error messages.
type setting struct {
	value  string
	origin string // "YEARBOOK_LISTEN" or "--listen"
	set    bool
	flag   bool
}

// Resolve combines the environment (read through getenv) with the flags
// set on the command line, applies defaults and validates everything. A nil
// receiver means no flags. Every error names the variable or flag and the
// reason; it quotes the value except for the token and the secret.
func (f *Flags) Resolve(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	raw := map[string]setting{}
	for _, v := range Vars() {
		if f != nil && f.only != nil && !f.only[v.Env] {
			continue // not read by this command: neither validated nor set
		}
		s := setting{origin: v.Env}
		if e := getenv(v.Env); strings.TrimSpace(e) != "" {
			// Values from env files and secrets mounts often carry a
			// trailing newline; it is never meaningful here.
			s = setting{value: strings.TrimSpace(e), origin: v.Env, set: true}
		}
		if f != nil {
			if fv := f.vals[v.Env]; fv != nil && fv.set {
				s = setting{value: strings.TrimSpace(fv.s), origin: "--" + v.Flag, set: true, flag: true}
			}
		}
		raw[v.Env] = s
	}

	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	c := Config{
		APIEndpoint:  DefaultAPIEndpoint,
		Listen:       DefaultListen,
		SendRate:     DefaultSendRate,
		LogLevel:     slog.LevelInfo,
		LogRetention: DefaultLogRetention,
	}

	if s := raw["TELEGRAM_BOT_TOKEN"]; s.set {
		add(checkToken(s))
		c.Token = s.value
	}
	if s := raw["TELEGRAM_API_ENDPOINT"]; s.set {
		add(checkEndpoint(s))
		c.APIEndpoint = s.value
	}
	if s := raw["YEARBOOK_WEBHOOK_SECRET"]; s.set {
		add(checkSecret(s))
		c.WebhookSecret = s.value
	}
	if s := raw["YEARBOOK_LISTEN"]; s.set {
		if s.value != "" {
			add(checkListen(s))
		}
		c.Listen = s.value
	}
	if s := raw["YEARBOOK_WEBHOOK_URL"]; s.set {
		add(checkWebhookURL(s, c.APIEndpoint != DefaultAPIEndpoint))
		c.WebhookURL = s.value
		if c.WebhookSecret == "" {
			add(fmt.Errorf("YEARBOOK_WEBHOOK_SECRET is required with %s: Telegram sends it with every update so that no one else can post fake ones; choose 1-256 characters of A-Z a-z 0-9 _ -", s.origin))
		}
		if c.Listen == "" {
			add(fmt.Errorf("%s needs an address to listen on: %s is empty", s.origin, raw["YEARBOOK_LISTEN"].origin))
		}
	}
	if s := raw["YEARBOOK_ALLOWED_CHATS"]; s.set {
		ids, err := parseChats(s)
		add(err)
		c.AllowedChats = ids
	}

	corpus, index := raw["YEARBOOK_CORPUS"], raw["YEARBOOK_INDEX"]
	switch {
	case corpus.set && index.set && corpus.flag != index.flag:
		// A flag beats the other source's variable: --corpus on a
		// machine whose environment names an index means "use this
		// corpus instead".
		if corpus.flag {
			index = setting{origin: index.origin}
		} else {
			corpus = setting{origin: corpus.origin}
		}
	case corpus.set && index.set && corpus.value != "" && index.value != "":
		add(fmt.Errorf("%s and %s are both set: an index already holds its yearbooks; set only one (a --corpus or --index flag overrides the other variable)", corpus.origin, index.origin))
	}
	c.Corpus, c.Index = corpus.value, index.value
	// Whether the default names a loaded document or place is checked
	// when the yearbooks are loaded.
	c.Default = raw["YEARBOOK_DEFAULT"].value

	if s := raw["YEARBOOK_LOG_LEVEL"]; s.set {
		lvl, err := parseLevel(s)
		add(err)
		c.LogLevel = lvl
	}
	if s := raw["YEARBOOK_SEND_RATE"]; s.set {
		r, err := parseRate(s)
		add(err)
		c.SendRate = r
	}
	if s := raw["YEARBOOK_STATE"]; s.set {
		c.StateFile = s.value
	}
	if s := raw["YEARBOOK_DATA"]; s.set {
		c.DataDir = s.value
	}
	if s := raw["YEARBOOK_LOG_RETENTION"]; s.set {
		days, err := strconv.Atoi(s.value)
		if err != nil || days < 0 || days > 36500 {
			add(fmt.Errorf("%s=%q: want a number of days from 0 (keep no questions) to 36500", s.origin, s.value))
		}
		c.LogRetention = days
	}
	if s := raw["YEARBOOK_ADMINS"]; s.set {
		ids, err := parseChats(s)
		add(err)
		c.Admins = ids
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return c, nil
}

// Telegram tokens are "<bot id>:<35 characters>"; the check is loose on the
// length so that test servers and future formats pass, strict enough to
// catch a pasted URL, quotes or a missing half.
var tokenRE = regexp.MustCompile(`^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$`)

func checkToken(s setting) error {
	if !tokenRE.MatchString(s.value) {
		return fmt.Errorf("%s does not look like a bot token (expected <digits>:<about 35 letters, digits, _ or ->, as @BotFather gives it; value not shown)", s.origin)
	}
	return nil
}

var secretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

func checkSecret(s setting) error {
	if !secretRE.MatchString(s.value) {
		return fmt.Errorf("%s must be 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule for secret_token; %d characters given, value not shown)", s.origin, len([]rune(s.value)))
	}
	return nil
}

func checkEndpoint(s setting) error {
	if n := strings.Count(strings.ReplaceAll(s.value, "%%", ""), "%"); n != 2 || strings.Count(s.value, "%s") != 2 {
		return fmt.Errorf("%s=%q must be a format string with exactly two %%s (token, then method), like %q", s.origin, s.value, DefaultAPIEndpoint)
	}
	// The method is a path segment of its own: "bot%s%s" would glue it to
	// the token and every call would be a 404.
	_, afterToken, _ := strings.Cut(s.value, "%s")
	if between, _, _ := strings.Cut(afterToken, "%s"); !strings.Contains(between, "/") {
		return fmt.Errorf("%s=%q must separate the two %%s with a /, like %q", s.origin, s.value, DefaultAPIEndpoint)
	}
	u, err := url.Parse(fmt.Sprintf(s.value, "0:x", "getMe"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s=%q is not an http(s) URL format, like %q", s.origin, s.value, DefaultAPIEndpoint)
	}
	return nil
}

// Telegram only posts to https webhooks; a self-hosted Bot API server
// (a non-default endpoint) may post to plain http on a local network.
func checkWebhookURL(s setting, selfHosted bool) error {
	u, err := url.Parse(s.value)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("%s=%q is not an absolute URL like https://bot.example.org/telegram", s.origin, s.value)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && selfHosted:
	case u.Scheme == "http":
		return fmt.Errorf("%s=%q must use https: Telegram only delivers webhooks over TLS (plain http is allowed only with a self-hosted TELEGRAM_API_ENDPOINT)", s.origin, s.value)
	default:
		return fmt.Errorf("%s=%q must be an https URL", s.origin, s.value)
	}
	if u.User != nil {
		return fmt.Errorf("%s must not contain a user name or password", s.origin)
	}
	return nil
}

func checkListen(s setting) error {
	_, port, err := net.SplitHostPort(s.value)
	if err != nil {
		return fmt.Errorf("%s=%q is not host:port (e.g. \":8080\" or \"127.0.0.1:8080\"): %v", s.origin, s.value, err)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%s=%q: port %q is not a number from 0 to 65535", s.origin, s.value, port)
	}
	return nil
}

func parseChats(s setting) ([]int64, error) {
	fields := strings.FieldsFunc(s.value, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	var ids []int64
	seen := map[int64]bool{}
	for _, f := range fields {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("%s=%q: %q is not a chat id (a non-zero integer such as 123456789 or -1001234567890)", s.origin, s.value, f)
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func parseLevel(s setting) (slog.Level, error) {
	switch strings.ToLower(s.value) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return slog.LevelInfo, fmt.Errorf("%s=%q: want debug, info, warn or error", s.origin, s.value)
}

func parseRate(s setting) (float64, error) {
	r, err := strconv.ParseFloat(s.value, 64)
	if err != nil || math.IsNaN(r) || math.IsInf(r, 0) || r < 0 {
		return DefaultSendRate, fmt.Errorf("%s=%q: want a number of messages per second ≥ 0 (0 lifts all send limits)", s.origin, s.value)
	}
	return r, nil
}

// String describes the configuration for humans with the token and the
// webhook secret redacted.
func (c Config) String() string {
	var b strings.Builder
	for _, a := range c.attrs() {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%v", a.Key, a.Value)
	}
	return b.String()
}

// LogValue makes slog print the configuration with secrets redacted.
func (c Config) LogValue() slog.Value { return slog.GroupValue(c.attrs()...) }

func (c Config) attrs() []slog.Attr {
	redact := func(s string) string {
		if s == "" {
			return "unset"
		}
		return "[redacted]"
	}
	mode := "polling"
	if c.Webhook() {
		mode = "webhook"
	}
	if c.Token == "" {
		mode = "console"
	}
	return []slog.Attr{
		slog.String("mode", mode),
		slog.String("token", redact(c.Token)),
		slog.String("api_endpoint", c.APIEndpoint),
		slog.String("webhook_url", c.WebhookURL),
		slog.String("webhook_secret", redact(c.WebhookSecret)),
		slog.String("listen", c.Listen),
		slog.Any("allowed_chats", c.AllowedChats),
		slog.String("corpus", c.Corpus),
		slog.String("index", c.Index),
		slog.String("default", c.Default),
		slog.String("log_level", c.LogLevel.String()),
		slog.Float64("send_rate", c.SendRate),
		slog.String("state", c.StateFile),
		slog.String("data", c.DataDir),
		slog.Int("log_retention_days", c.LogRetention),
		slog.Any("admins", c.Admins),
	}
}
