package bot

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/metrics"
	"yearbookbot/bot/telegram"
)

// defaultListen is where the webhook is served when Options.Listen is empty.
const defaultListen = ":8080"

// shutdownBudget is all the time Serve takes from ctx being cancelled to
// returning: the HTTP server's shutdown runs alongside the updates' grace
// period and the offset's confirmation, all by this one deadline, so the
// process exits within 5 s (Docker's stop waits 10 s).
const shutdownBudget = 4500 * time.Millisecond

// commitTimeout bounds confirming the offset at shutdown; the updates in
// flight get what is left of the budget (the poller may also wait half a
// commitTimeout for a handler that ignores cancellation).
const commitTimeout = time.Second

// Serve runs the bot until ctx is done. It starts the HTTP server (if Listen or webhook)
// at once with /healthz answering 503 until load returns, then loads the engine,
// registers commands (setMyCommands) and the webhook, and serves updates.
// Returns nil on a clean shutdown (ctx cancelled), an error on a fatal one (401…).
//
// In webhook mode updates are served at the path of WebhookURL; a URL with
// no path gets "/telegram/<hash of the token>" appended, which is not the
// token and stays the same across restarts. Without WebhookSecret a random
// secret is made for the run, so the webhook is never open to anyone.
func Serve(ctx context.Context, load func(context.Context) (Engine, error), opts Options) error {
	return serve(ctx, load, opts, serveHooks{})
}

// serveHooks let tests see the HTTP address and speed up the transport.
type serveHooks struct {
	onListen   func(addr string)
	onShutdown func(deadline time.Time) // the HTTP server's shutdown deadline
	clientOpts []telegram.ClientOption
	senderOpts func(*telegram.SenderOptions)
	pollerOpts func(*telegram.PollerOptions)
}

func serve(ctx context.Context, load func(context.Context) (Engine, error), opts Options, hooks serveHooks) error {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Token == "" {
		return errors.New("bot: no bot token (set TELEGRAM_BOT_TOKEN)")
	}
	if load == nil {
		return errors.New("bot: no engine loader")
	}
	// The store opens first: a locked or unwritable data folder is a
	// configuration mistake to report at once.
	data, pollerState, err := openData(opts, log)
	if err != nil {
		return fmt.Errorf("bot: %w", err)
	}
	if data != nil {
		defer data.Close()
	}
	// Background work (pruning, reloads) ends before Serve returns, so no
	// reload swaps an engine after the caller closed the last one.
	bgCtx, stopBackground := context.WithCancel(ctx)
	var background sync.WaitGroup
	defer func() {
		stopBackground()
		background.Wait()
	}()
	background.Go(func() { pruneLoop(bgCtx, data, log) })

	// Metrics count from the start; the engine's size once one is loaded.
	var current atomic.Pointer[live]
	met := metrics.New(func() (int, int) {
		if l := current.Load(); l != nil {
			return engineSize(l.current().engine)
		}
		return 0, 0
	})
	hc := opts.HTTPClient
	if hc == nil {
		hc = telegram.NewHTTPClient()
	}
	counted := *hc
	counted.Transport = met.Transport(hc.Transport)

	webhook := opts.WebhookURL != ""
	hookURL, hookPath := "", ""
	secret := opts.WebhookSecret
	if webhook {
		var err error
		if hookURL, hookPath, err = webhookPath(opts.WebhookURL, opts.Token); err != nil {
			return err
		}
		if secret == "" {
			secret = randomSecret()
		}
	}

	// The HTTP server comes first so /healthz answers while the index loads.
	var (
		ready   atomic.Bool
		updates atomic.Pointer[http.Handler]
	)
	var srv *http.Server
	srvErr := make(chan error, 1)
	if listen := opts.Listen; listen != "" || webhook {
		if listen == "" {
			listen = defaultListen
		}
		mux := http.NewServeMux()
		mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			if !ready.Load() {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("loading\n"))
				return
			}
			_, _ = w.Write([]byte("ok\n"))
		})
		mux.Handle("GET /metrics", met.Handler())
		if opts.DataDir != "" {
			mux.Handle("GET "+ReportPath, reportHandler(data))
		}
		if webhook {
			mux.HandleFunc("POST "+hookPath, func(w http.ResponseWriter, r *http.Request) {
				h := updates.Load()
				if h == nil {
					// Not loaded yet: Telegram keeps the update and retries.
					http.Error(w, "loading", http.StatusServiceUnavailable)
					return
				}
				(*h).ServeHTTP(w, r)
			})
		}
		ln, err := net.Listen("tcp", listen)
		if err != nil {
			return fmt.Errorf("bot: listen on %s: %w", listen, err)
		}
		if hooks.onListen != nil {
			hooks.onListen(ln.Addr().String())
		}
		srv = &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       30 * time.Second,
			WriteTimeout:      60 * time.Second,
			IdleTimeout:       120 * time.Second,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		}
		go func() { srvErr <- srv.Serve(ln) }()
		log.Info("http server listening", "addr", ln.Addr().String(), "webhook", webhook)
	}
	// The HTTP server starts shutting down the moment ctx is done, not
	// after the poller's grace period: both end by the same deadline.
	shutdown := func() {
		if srv == nil {
			return
		}
		deadline := time.Now().Add(shutdownBudget)
		if hooks.onShutdown != nil {
			hooks.onShutdown(deadline)
		}
		sctx, cancel := context.WithDeadline(context.WithoutCancel(ctx), deadline)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			log.Warn("http server shutdown", "err", err)
			_ = srv.Close()
		}
	}
	httpStopped := make(chan struct{})
	stopHTTP := context.AfterFunc(ctx, func() { defer close(httpStopped); shutdown() })
	defer func() {
		if stopHTTP() {
			shutdown() // returning for another reason than ctx: stop it now
			return
		}
		<-httpStopped
	}()

	run := func() error {
		client, err := telegram.NewClient(ctx, opts.Token, opts.APIEndpoint, &counted, log, hooks.clientOpts...)
		if err != nil {
			return fmt.Errorf("bot: %w", err)
		}
		self := client.Self()
		log.Info("connected to telegram", "bot", self.UserName, "bot_id", self.ID)

		start := time.Now()
		engine, err := load(ctx)
		if err != nil {
			return fmt.Errorf("bot: load engine: %w", err)
		}
		if engine == nil {
			return errors.New("bot: load engine: loader returned no engine")
		}
		log.Info("engine loaded", "took", time.Since(start).Round(time.Millisecond))

		so := telegram.SenderOptions{Rate: opts.SendRate, Logger: log}
		if hooks.senderOpts != nil {
			hooks.senderOpts(&so)
		}
		sender := telegram.NewSender(client, so)
		h := newHandler(ctx, engine, countingSender{sender, met}, self, opts.AllowedChats, log)
		h.data = data
		h.admins = idSet(opts.Admins)
		h.metrics = met
		lv := newLive(h, log)
		current.Store(lv)
		background.Go(func() { lv.reloadLoop(bgCtx, opts.Reload, load) })
		if webhook {
			wo := telegram.WebhookOptions{Logger: log}
			if opts.DataDir != "" && data != nil {
				// Handled ids outlive a restart only in a data folder.
				wo.Handled = data
			}
			wh := telegram.NewWebhookHandler(secret, lv.handle, wo)
			updates.Store(&wh)
		}
		// Ready means the index is loaded and a webhook delivery from now on
		// is answered.
		ready.Store(true)
		if err := registerCommands(ctx, sender); err != nil {
			if errors.Is(err, telegram.ErrUnauthorized) {
				return fmt.Errorf("bot: %w", err)
			}
			// A bot without a command menu still answers.
			log.Warn("setMyCommands failed", "err", err)
		}
		if err := registerAdminCommands(ctx, sender, opts.Admins, log); err != nil {
			log.Warn("setMyCommands for admins failed", "err", err)
		}

		if webhook {
			if err := telegram.SetWebhook(ctx, client, hookURL, secret); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return fmt.Errorf("bot: %w", err)
			}
			// The path is not logged: an operator may have put a secret in it.
			log.Info("serving updates by webhook")
			select {
			case <-ctx.Done():
				return nil
			case err := <-srvErr:
				return fmt.Errorf("bot: http server: %w", err)
			}
		}

		// The poller deletes any webhook first: getUpdates fails while one is set.
		po := telegram.PollerOptions{Logger: log, CommitTimeout: commitTimeout, ShutdownGrace: shutdownBudget - commitTimeout*3/2}
		if hooks.pollerOpts != nil {
			hooks.pollerOpts(&po)
		}
		log.Info("serving updates by long polling")
		if err := telegram.NewPoller(client, pollerState, po).Run(ctx, lv.handle); err != nil {
			return fmt.Errorf("bot: %w", err)
		}
		return nil
	}
	err = run()
	if err != nil && ctx.Err() != nil && !errors.Is(err, telegram.ErrUnauthorized) {
		// Cancelled while connecting or loading: a clean shutdown.
		log.Info("stopped while starting", "err", err)
		return nil
	}
	return err
}

// registerCommands sets the command menu for every chat and, explicitly,
// for groups, where Telegram otherwise may show a stale list; each in every
// language of commandLanguages.
func registerCommands(ctx context.Context, s *telegram.Sender) error {
	for _, lang := range commandLanguages {
		cmds := commandsFor(lang)
		for _, cfg := range []tgbotapi.SetMyCommandsConfig{
			tgbotapi.NewSetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeDefault(), lang, cmds...),
			tgbotapi.NewSetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeAllGroupChats(), lang, cmds...),
		} {
			if _, err := s.Request(ctx, 0, cfg); err != nil {
				return fmt.Errorf("setMyCommands (language %q): %w", lang, err)
			}
		}
	}
	return nil
}

// webhookPath returns the URL to register and the path to serve it at.
func webhookPath(raw, token string) (hookURL, path string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", fmt.Errorf("bot: webhook URL %q: %w", raw, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return "", "", fmt.Errorf("bot: webhook URL %q: want https://host/path", raw)
	}
	if u.Path == "" || u.Path == "/" {
		sum := sha256.Sum256([]byte("yearbookbot webhook\x00" + token))
		u.Path = "/telegram/" + hex.EncodeToString(sum[:12])
	}
	return u.String(), u.Path, nil
}

func randomSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return base64.RawURLEncoding.EncodeToString(b)
}

// engineSize is what the metrics report of an engine: its yearbooks and
// their paragraphs.
func engineSize(e Engine) (yearbooks, paragraphs int) {
	ybs := e.Yearbooks()
	for _, y := range ybs {
		for _, c := range y.Chapters {
			for _, sec := range c.Sections {
				paragraphs += len(sec.Paragraphs)
			}
		}
	}
	return len(ybs), paragraphs
}
