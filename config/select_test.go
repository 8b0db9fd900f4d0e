package config

import (
	"flag"
	"io"
	"slices"
	"testing"
)

// TestAddFlagsFor: a command reading only some settings offers only their
// flags, and neither validates nor applies the other variables.
func TestAddFlagsFor(t *testing.T) {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := AddFlagsFor(fs, "YEARBOOK_CORPUS", "YEARBOOK_INDEX", "YEARBOOK_LOG_LEVEL")
	var names []string
	fs.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	if want := []string{"corpus", "index", "log-level"}; !slices.Equal(names, want) {
		t.Errorf("flags %v, want %v", names, want)
	}
	if err := fs.Parse([]string{"--send-rate", "5"}); err == nil {
		t.Error("--send-rate accepted by a command that sends nothing")
	}
	if err := fs.Parse([]string{"--corpus", "my.txt"}); err != nil {
		t.Fatal(err)
	}
	c, err := f.Resolve(env(
		"YEARBOOK_SEND_RATE", "abc",
		"TELEGRAM_API_ENDPOINT", "nonsense",
		"YEARBOOK_LISTEN", "localhost",
		"YEARBOOK_LOG_LEVEL", "debug",
	))
	if err != nil {
		t.Fatalf("server-only settings failed an offline command: %v", err)
	}
	if c.Corpus != "my.txt" || c.LogLevel.String() != "DEBUG" || c.SendRate != DefaultSendRate || c.Listen != DefaultListen {
		t.Errorf("config %+v", c)
	}
	// The settings it reads are still validated.
	if _, err := f.Resolve(env("YEARBOOK_LOG_LEVEL", "loud")); err == nil {
		t.Error("bad YEARBOOK_LOG_LEVEL accepted")
	}
}

func TestAddFlagsForUnknownSettingPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an unknown setting")
		}
	}()
	AddFlagsFor(flag.NewFlagSet("x", flag.ContinueOnError), "YEARBOOK_NOPE")
}
