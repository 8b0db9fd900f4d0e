// Command yearbookbot answers questions about a yearbook, as a Telegram bot
// (serve), in a local console (console), or one question at a time (ask);
// eval, corpus, index and healthcheck are tools around it. Run
// `yearbookbot help` for the list of commands and settings.
package main

import (
	"cmp"
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
	getenv   func(string) string
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	terminal bool // stdin is a terminal: a person types, so prompt
}

// command is one subcommand: its flags (besides the config ones) and what it does.
type command struct {
	name, args, summary string
	settings            []string                      // the config variables it reads; nil = all
	flags               func(fs *flag.FlagSet) action // registers the flags, returns what to run
}

// offline are the settings of the commands that never talk to Telegram:
// a bad server setting (YEARBOOK_SEND_RATE=abc) must not stop them.
var offline = []string{"YEARBOOK_CORPUS", "YEARBOOK_INDEX", "YEARBOOK_DEFAULT", "YEARBOOK_LOG_LEVEL"}

func commands() []command {
	return []command{
		{"serve", "", "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)", nil, serveCmd},
		{"console", "", "ask questions in the terminal through the bot's own handler, no token needed", offline, consoleCmd},
		{"ask", "[--json] [QUESTION…]", "answer one question; without one, answer each line of standard input", offline, askCmd},
		{"eval", "[--min-accuracy X] [--json] [--baseline] QUESTIONS.jsonl", "judge the engine on a question set; fails below X (0-1)", offline, evalCmd},
		{"corpus", "[--json]", "print the outline of the loaded yearbooks", offline, corpusCmd},
		{"index", "--out DIR", "write a search index of the loaded yearbooks to DIR (atomically)", offline, indexCmd},
		{"healthcheck", "[--timeout 5s]", "exit 0 when GET http://YEARBOOK_LISTEN/healthz answers 200 (for Docker HEALTHCHECK)", []string{"YEARBOOK_LISTEN"}, healthcheckCmd},
		{"version", "", "print the version (also: yearbookbot --version)", []string{}, versionCmd},
		{"report", "[--since DATE] [--json|--csv]", "the editors' report: unanswered questions, 👎 answers, most cited paragraphs (needs YEARBOOK_DATA)", []string{"YEARBOOK_DATA", "YEARBOOK_LISTEN", "YEARBOOK_LOG_LEVEL"}, reportCmd},
	}
}

// run is the whole program with its dependencies passed in; args exclude
// the program name.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr, terminal: isTerminal(stdin)}
	name := ""
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "help" || a == "-h" || a == "-help" || a == "--help":
			return help(stdout, args[1:])
		case a == "--version" || a == "-version":
			name, args = "version", args[1:]
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
	c, ok := findCommand(name)
	if !ok {
		return usagef("unknown command %q", name)
	}
	return c.run(ctx, e, args)
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// help writes the overview, or with a command name that command's usage.
func help(w io.Writer, args []string) error {
	switch len(args) {
	case 0:
		return writeUsage(w)
	case 1:
		c, ok := findCommand(args[0])
		if !ok {
			return usagef("help: unknown command %q", args[0])
		}
		fs, _, _ := c.flagSet()
		return c.writeUsage(w, fs)
	}
	return usagef("help takes at most one command, got %q", args)
}

// flagSet registers the command's own flags and those of the settings it
// reads, and no others: -h shows what the command uses.
func (c command) flagSet() (*flag.FlagSet, *config.Flags, action) {
	fs := flag.NewFlagSet("yearbookbot "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfgFlags *config.Flags
	if c.settings == nil {
		cfgFlags = config.AddFlags(fs)
	} else {
		cfgFlags = config.AddFlagsFor(fs, c.settings...)
	}
	return fs, cfgFlags, c.flags(fs)
}

func (c command) run(ctx context.Context, e env, args []string) error {
	fs, cfgFlags, do := c.flagSet()
	rest, err := parseInterleaved(fs, args)
	if err != nil {
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
	return do(ctx, e, cfg, log, rest)
}

// parseInterleaved parses flags wherever they stand among the arguments
// (`ask 胶东机场 --json`), so that a flag is never read as part of a
// question; after "--" everything is an argument.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

func (c command) writeUsage(w io.Writer, fs *flag.FlagSet) error {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: yearbookbot %s\n\n%s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		b.WriteString("\nflags (before or after the arguments; after -- none are read):\n")
		fs.SetOutput(&b)
		fs.PrintDefaults()
	}
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
	fmt.Fprintf(&b, "  %-12s %s\n", "help", "this text; 'yearbookbot help COMMAND' or 'yearbookbot COMMAND -h' shows a command's flags")
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
	b.WriteString("\nEach command reads only the settings it uses; serve reads all, the others:\n")
	for _, c := range commands() {
		if c.settings == nil {
			continue
		}
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, cmp.Or(strings.Join(c.settings, " "), "none"))
	}
	b.WriteString(`
Flags may stand before or after the arguments:
yearbookbot ask 青岛港去年集装箱吞吐量多少 --json
The token has no flag on purpose: a command line is visible to every user of
the machine (ps, /proc) and stays in shell history.
`)
	_, err := io.WriteString(w, b.String())
	return err
}
