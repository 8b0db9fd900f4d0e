// Command yearbookbot answers questions about a yearbook, as a Telegram bot
// (serve), in a local console (console), or one question at a time (ask);
// eval, corpus, index and healthcheck are tools around it. Run
// `yearbookbot help` for the list of commands and settings.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"yearbookbot/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal starts a graceful stop, a second one
		// kills the process the default way.
		<-ctx.Done()
		stop()
	}()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "yearbookbot: "+oneLine(err.Error()))
	}
	os.Exit(exitCode(err))
}

// usageError is a mistake in the command line itself (unknown command or
// flag, missing argument): exit status 2, like the flag package.
type usageError struct{ msg string }

func (e usageError) Error() string {
	return e.msg + " (run 'yearbookbot help' for usage)"
}

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return 2
	default:
		return 1
	}
}

// oneLine keeps the final error on one line: config errors are joined with
// newlines, one per bad setting.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// env is what every command gets: the process's streams and environment,
// passed in so that tests drive run with buffers and a fake environment.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand: its flags (besides the config ones) and what it does.
type command struct {
	name, args, summary string
	flags               func(fs *flag.FlagSet) action // registers the flags, returns what to run
}

func commands() []command {
	return []command{
		{"serve", "", "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)", serveCmd},
		{"console", "", "ask questions in the terminal through the bot's own handler, no token needed", consoleCmd},
		{"ask", "[--json] [QUESTION…]", "answer one question; without one, answer each line of standard input", askCmd},
		{"eval", "[--min-accuracy X] [--json] QUESTIONS.jsonl", "judge the engine on a question set; fails below X", evalCmd},
		{"corpus", "[--json]", "print the outline of the loaded yearbooks", corpusCmd},
		{"index", "--out DIR", "write a search index of the loaded yearbooks to DIR (atomically)", indexCmd},
		{"report", "[--since DATE] [--json|--csv]", "the editors' report: unanswered questions, 👎 answers, most cited paragraphs (needs YEARBOOK_DATA)", reportCmd},
		{"healthcheck", "", "exit 0 when GET http://YEARBOOK_LISTEN/healthz answers 200 (for Docker HEALTHCHECK)", healthcheckCmd},
	}
}

// run is the whole program with its dependencies passed in; args exclude
// the program name.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	name := ""
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "help" || a == "-h" || a == "-help" || a == "--help":
			return writeUsage(stdout)
		case !strings.HasPrefix(a, "-"):
			name, args = a, args[1:]
		}
	}
	if name == "" {
		// The bare command does what a user most likely wants: serve
		// when a token is configured, the console otherwise.
		name = "console"
		if strings.TrimSpace(getenv("TELEGRAM_BOT_TOKEN")) != "" {
			name = "serve"
		}
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, args)
		}
	}
	return usagef("unknown command %q", name)
}

func (c command) run(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("yearbookbot "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfgFlags := config.AddFlags(fs)
	do := c.flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c.writeUsage(e.stdout, fs)
		}
		return usagef("%s: %v", c.name, err)
	}
	cfg, err := cfgFlags.Resolve(e.getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	return do(ctx, e, cfg, log, fs.Args())
}

func (c command) writeUsage(w io.Writer, fs *flag.FlagSet) error {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: yearbookbot %s %s\n\n%s\n\nflags:\n", c.name, c.args, c.summary)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	_, err := io.WriteString(w, b.String())
	return err
}

func writeUsage(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`yearbookbot answers questions about a yearbook, with the figure and where it comes from.

usage: yearbookbot [COMMAND] [FLAGS] [ARGS]

With no command it serves the Telegram bot when TELEGRAM_BOT_TOKEN is set,
and opens the local console otherwise.

commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.summary)
		if c.args != "" {
			fmt.Fprintf(&b, "  %-12s   yearbookbot %s %s\n", "", c.name, c.args)
		}
	}
	fmt.Fprintf(&b, "  %-12s %s\n", "help", "this text; 'yearbookbot COMMAND -h' shows a command's flags")
	b.WriteString("\nsettings (environment variable, flag; a flag wins over its variable):\n")
	for _, v := range config.Vars() {
		fl := "(environment only)"
		if v.Flag != "" {
			fl = "--" + v.Flag
		}
		fmt.Fprintf(&b, "  %-24s %-18s %s", v.Env, fl, v.Usage)
		if v.Default != "" {
			fmt.Fprintf(&b, " [default %s]", v.Default)
		}
		b.WriteString("\n")
	}
	b.WriteString(`
Flags come before a command's arguments: yearbookbot ask --json 青岛港去年集装箱吞吐量多少
The token has no flag on purpose: a command line is visible to every user of
the machine (ps, /proc) and stays in shell history.
`)
	_, err := io.WriteString(w, b.String())
	return err
}
