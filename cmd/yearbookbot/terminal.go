package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"runtime/debug"

	"yearbookbot/config"
)

// isTerminal reports whether r is a terminal: a character device other
// than /dev/null. Tests pass a reader with a Stat method.
func isTerminal(r io.Reader) bool {
	st, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return false
	}
	fi, err := st.Stat()
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}

func versionCmd(fs *flag.FlagSet) action {
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("version", args); err != nil {
			return err
		}
		bi, ok := debug.ReadBuildInfo()
		_, err := fmt.Fprintln(e.stdout, "yearbookbot", version(bi, ok))
		return err
	}
}

// version is the module version the binary was built from ("devel" for a
// build of a working tree), with the commit when the build recorded it.
func version(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		v += " (" + rev
		if modified == "true" {
			v += ", modified"
		}
		v += ")"
	}
	if bi.GoVersion != "" {
		v += " " + bi.GoVersion
	}
	return v
}
