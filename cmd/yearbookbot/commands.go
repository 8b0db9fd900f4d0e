package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"yearbookbot/bot"
	"yearbookbot/bot/render"
	"yearbookbot/config"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
	"yearbookbot/retrieval/baseline"
	"yearbookbot/retrieval/evaluate"
	"yearbookbot/retrieval/extract"
)

type action = func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error

// loadYearbooks reads the configured corpus, or the embedded yearbook; the
// files of a folder it skipped are logged and returned.
func loadYearbooks(cfg config.Config, log *slog.Logger) ([]corpus.Yearbook, []corpus.Skipped, error) {
	if cfg.Corpus != "" {
		ybs, skipped, err := corpus.LoadAll(cfg.Corpus)
		for _, s := range skipped {
			log.Warn("yearbook file skipped", "file", s.File, "reason", s.Reason)
		}
		return ybs, skipped, err
	}
	yb, err := corpus.Default()
	if err != nil {
		return nil, nil, err
	}
	return []corpus.Yearbook{yb}, nil, nil
}

// openEngine opens the configured index, or builds one in memory from the
// loaded yearbooks.
func openEngine(ctx context.Context, cfg config.Config, log *slog.Logger) (*retrieval.Engine, error) {
	start := time.Now()
	opts := retrieval.Options{Logger: log, Default: cfg.Default}
	var (
		e   *retrieval.Engine
		err error
	)
	if cfg.Index != "" {
		e, err = retrieval.Open(ctx, cfg.Index, opts)
		if err != nil {
			return nil, fmt.Errorf("opening index %s: %w", cfg.Index, err)
		}
	} else {
		ybs, _, lerr := loadYearbooks(cfg, log)
		if lerr != nil {
			return nil, lerr
		}
		if e, err = retrieval.Build(ctx, ybs, opts); err != nil {
			return nil, fmt.Errorf("building the index: %w", err)
		}
	}
	log.Debug("engine ready", "index", cfg.Index, "corpus", cfg.Corpus, "took", time.Since(start))
	return e, nil
}

// yearbooks are the loaded yearbooks: those of the index when one is
// configured (it is what the bot answers from), else the corpus, with the
// files of its folder that were skipped.
func yearbooks(ctx context.Context, cfg config.Config, log *slog.Logger) ([]corpus.Yearbook, []corpus.Skipped, error) {
	if cfg.Index == "" {
		return loadYearbooks(cfg, log)
	}
	e, err := openEngine(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	defer e.Close()
	return e.Yearbooks(), nil, nil
}

func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", name, args)
	}
	return nil
}

func serveCmd(fs *flag.FlagSet) action {
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("serve", args); err != nil {
			return err
		}
		if cfg.Token == "" {
			return errors.New("serve needs TELEGRAM_BOT_TOKEN in the environment (a token from @BotFather); without one, try 'yearbookbot console'")
		}
		log.Info("starting", "config", cfg)
		// Serve calls load at start and again on every SIGHUP, possibly on
		// its own goroutine; it closes the engines a reload replaces, and
		// the last one loaded is closed here after Serve has stopped.
		var (
			mu     sync.Mutex
			loaded *retrieval.Engine
		)
		load := func(ctx context.Context) (bot.Engine, error) {
			eng, err := openEngine(ctx, cfg, log)
			if err != nil {
				return nil, err
			}
			mu.Lock()
			loaded = eng
			mu.Unlock()
			return eng, nil
		}
		err := bot.Serve(ctx, load, bot.Options{
			Reload:        reloadSignals(ctx),
			Token:         cfg.Token,
			APIEndpoint:   cfg.APIEndpoint,
			WebhookURL:    cfg.WebhookURL,
			WebhookSecret: cfg.WebhookSecret,
			Listen:        cfg.Listen,
			AllowedChats:  cfg.AllowedChats,
			SendRate:      cfg.SendRate,
			StateFile:     cfg.StateFile,
			DataDir:       cfg.DataDir,
			LogRetention:  time.Duration(cfg.LogRetention) * 24 * time.Hour,
			Admins:        cfg.Admins,
			Logger:        log,
		})
		mu.Lock()
		if loaded != nil {
			loaded.Close()
		}
		mu.Unlock()
		return err
	}
}

func consoleCmd(fs *flag.FlagSet) action {
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("console", args); err != nil {
			return err
		}
		eng, err := openEngine(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer eng.Close()
		return bot.Console(ctx, eng, e.stdin, e.stdout, e.terminal)
	}
}

// askJSON is one reply of `ask --json`; Text is exactly what a user sees
// of the bot's message, HTML what the bot sends.
type askJSON struct {
	Question string    `json:"question"`
	Answered bool      `json:"answered"`
	Text     string    `json:"text"`
	HTML     string    `json:"html"`
	Hits     []hitJSON `json:"hits"`
	// Why is the selector's reason, per question part: the winning
	// window's features and score, or what made it refuse.
	Why   []extract.PartWhy `json:"why,omitempty"`
	Error string            `json:"error,omitempty"`
}

type hitJSON struct {
	ID       string   `json:"id"`
	Yearbook string   `json:"yearbook"`
	Chapter  string   `json:"chapter"`
	Section  string   `json:"section"`
	Sources  []string `json:"sources"`
	Line     int      `json:"line"`
	Score    float64  `json:"score"`
}

func toJSON(q string, a retrieval.Answer) askJSON {
	msg := render.Answer(a)
	out := askJSON{Question: q, Answered: a.Answered, Text: msg.Text, HTML: msg.HTML, Hits: []hitJSON{}, Why: a.Why}
	for _, h := range a.Hits {
		src := h.Sources
		if src == nil {
			src = []string{}
		}
		out.Hits = append(out.Hits, hitJSON{h.ParagraphID, h.Yearbook, h.Chapter, h.Section, src, h.Line, h.Score})
	}
	return out
}

// askCmd answers the question given as arguments with the bot's full,
// multi-line reply; without arguments it answers every non-blank line of
// standard input with one line each (the reply's newlines become " / "), or
// one JSON object per line with --json, so a question set runs in one
// process.
func askCmd(fs *flag.FlagSet) action {
	asJSON := fs.Bool("json", false, "print each reply as one JSON object per line")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		eng, err := openEngine(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer eng.Close()
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)

		if len(args) > 0 {
			q := strings.Join(args, " ")
			a, err := eng.Ask(ctx, q)
			if err != nil {
				return fmt.Errorf("answering %q: %w", clip(q), err)
			}
			if *asJSON {
				return enc.Encode(toJSON(q, a))
			}
			_, err = fmt.Fprintln(e.stdout, render.Answer(a).Text)
			return err
		}

		in := bufio.NewReader(e.stdin)
		failed, asked := 0, 0
		// On a terminal, say what is expected instead of waiting silently;
		// the prompt goes to stderr so that stdout holds only replies.
		prompt := func() {}
		if e.terminal {
			fmt.Fprintln(e.stderr, askHint)
			prompt = func() { fmt.Fprint(e.stderr, askPrompt) }
		}
		for {
			prompt()
			line, rerr := in.ReadString('\n')
			if rerr != nil && !errors.Is(rerr, io.EOF) {
				return fmt.Errorf("reading questions from standard input: %w", rerr)
			}
			q := strings.TrimRight(line, "\r\n")
			if strings.TrimSpace(q) != "" {
				asked++
				a, err := eng.Ask(ctx, q)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				var werr error
				switch {
				case err != nil && *asJSON:
					failed++
					werr = enc.Encode(askJSON{Question: q, Hits: []hitJSON{}, Error: err.Error()})
				case err != nil:
					failed++
					_, werr = fmt.Fprintf(e.stdout, "error: %s\n", oneLine(err.Error()))
				case *asJSON:
					werr = enc.Encode(toJSON(q, a))
				default:
					_, werr = fmt.Fprintln(e.stdout, strings.ReplaceAll(render.Answer(a).Text, "\n", " / "))
				}
				if werr != nil {
					return fmt.Errorf("writing reply: %w", werr)
				}
			}
			if rerr != nil {
				break
			}
		}
		if failed > 0 {
			return fmt.Errorf("%d of %d questions could not be answered", failed, asked)
		}
		return nil
	}
}

const (
	askHint   = "输入问题，每行一个，回车得到回答；Ctrl-D 结束。"
	askPrompt = "问> "
)

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func evalCmd(fs *flag.FlagSet) action {
	minAcc := fs.Float64("min-accuracy", 0, "fail when the overall accuracy is below this (0-1)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	withBaseline := fs.Bool("baseline", false, "also run the naive baseline (CJK bigrams, BM25, best sentence of the top paragraph) and print both side by side")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if len(args) != 1 {
			return usagef("eval needs one question file (JSON lines), got %d arguments", len(args))
		}
		if math.IsNaN(*minAcc) || *minAcc < 0 || *minAcc > 1 {
			return usagef("--min-accuracy %v: want a fraction from 0 to 1 such as 0.95", *minAcc)
		}
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		qs, err := evaluate.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		eng, err := openEngine(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer eng.Close()
		var passages []corpus.Passage
		for _, yb := range eng.Yearbooks() {
			passages = append(passages, yb.Passages()...)
		}
		judge, err := evaluate.NewJudge(passages)
		if err != nil {
			return err
		}
		rep, err := evaluate.Run(ctx, eng, renderText, judge, qs)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		if *withBaseline {
			return writeWithBaseline(ctx, e, passages, judge, qs, rep, *asJSON, *minAcc, args[0])
		}
		if *asJSON {
			err = writeIndentedJSON(e.stdout, rep)
		} else {
			err = rep.WriteText(e.stdout)
		}
		if err != nil {
			return fmt.Errorf("writing report: %w", err)
		}
		if rep.Accuracy < *minAcc {
			return fmt.Errorf("accuracy %.3f on %s is below --min-accuracy %g", rep.Accuracy, args[0], *minAcc)
		}
		return nil
	}
}

func renderText(a retrieval.Answer) string { return render.Answer(a).Text }

// writeIndentedJSON writes v as indented JSON with Chinese and HTML
// characters as they are, for reports a person reads.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeWithBaseline runs the naive baseline on the same questions and
// prints both reports: the comparison table first, then the engine's
// failures (or, with --json, both reports under "engine" and "baseline").
func writeWithBaseline(ctx context.Context, e env, passages []corpus.Passage, judge *evaluate.Judge, qs []evaluate.Question, rep evaluate.Report, asJSON bool, minAcc float64, name string) error {
	base, err := baseline.New(passages)
	if err != nil {
		return err
	}
	defer base.Close()
	brep, err := evaluate.Run(ctx, base, renderText, judge, qs)
	if err != nil {
		return fmt.Errorf("%s: baseline: %w", name, err)
	}
	if asJSON {
		err = writeIndentedJSON(e.stdout, map[string]evaluate.Report{"engine": rep, "baseline": brep})
	} else {
		err = evaluate.WriteComparison(e.stdout, []string{"engine", "baseline"}, []evaluate.Report{rep, brep})
		if err == nil {
			fmt.Fprintln(e.stdout)
			err = rep.WriteText(e.stdout)
		}
	}
	if err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if rep.Accuracy < minAcc {
		return fmt.Errorf("accuracy %.3f on %s is below --min-accuracy %g", rep.Accuracy, name, minAcc)
	}
	return nil
}

func corpusCmd(fs *flag.FlagSet) action {
	asJSON := fs.Bool("json", false, "print the outline as JSON, every paragraph with its id, line, kind and text")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("corpus", args); err != nil {
			return err
		}
		ybs, skipped, err := yearbooks(ctx, cfg, log)
		if err != nil {
			return err
		}
		if *asJSON {
			return corpus.WriteOutlineJSON(e.stdout, ybs, skipped...)
		}
		return corpus.WriteOutline(e.stdout, ybs, skipped...)
	}
}

func indexCmd(fs *flag.FlagSet) action {
	out := fs.String("out", "", "directory to write the index to (replaced atomically)")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("index", args); err != nil {
			return err
		}
		if *out == "" {
			return usagef("index needs --out DIR")
		}
		ybs, _, err := yearbooks(ctx, cfg, log)
		if err != nil {
			return err
		}
		start := time.Now()
		if err := retrieval.WriteIndex(ctx, ybs, *out, retrieval.Options{Logger: log}); err != nil {
			return fmt.Errorf("writing index to %s: %w", *out, err)
		}
		log.Info("index written", "dir", *out, "yearbooks", len(ybs), "took", time.Since(start))
		return nil
	}
}

// healthURL is where the server listening on listen answers /healthz: a
// wildcard or empty host is reached on loopback.
func healthURL(listen string) (string, error) {
	if listen == "" {
		return "", errors.New("YEARBOOK_LISTEN is empty: no HTTP server to check")
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("YEARBOOK_LISTEN %q: %w", listen, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}

// healthcheckCmd exists because the image has no shell and no curl for
// Docker's HEALTHCHECK.
func healthcheckCmd(fs *flag.FlagSet) action {
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("healthcheck", args); err != nil {
			return err
		}
		u, err := healthURL(cfg.Listen)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		// No proxy: the server is local, whatever HTTP_PROXY says.
		client := &http.Client{Transport: &http.Transport{Proxy: nil}}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("healthcheck: %w", err)
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("healthcheck: %s answered %s", u, resp.Status)
		}
		return nil
	}
}
