package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"yearbookbot/bot"
	"yearbookbot/bot/store"
	"yearbookbot/config"
)

// reportCmd prints the editors' report of the question log in the data
// folder. bbolt lets one process hold the database: when the bot runs, the
// report comes from it through its HTTP listener (authorized by the data
// folder's key file), else from the file opened read-only.
func reportCmd(fs *flag.FlagSet) action {
	sinceFlag := fs.String("since", "", "only questions asked on or after this date (YYYY-MM-DD, local time)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	asCSV := fs.Bool("csv", false, "print the report as CSV (kind,text,count,thumbs_up,cited)")
	return func(ctx context.Context, e env, cfg config.Config, log *slog.Logger, args []string) error {
		if err := noArgs("report", args); err != nil {
			return err
		}
		if *asJSON && *asCSV {
			return usagef("report: --json and --csv exclude each other")
		}
		var since time.Time
		if *sinceFlag != "" {
			var err error
			if since, err = time.ParseInLocation(time.DateOnly, *sinceFlag, time.Local); err != nil {
				return usagef("report: --since %q: want a date like 2026-01-31", *sinceFlag)
			}
		}
		if cfg.DataDir == "" {
			return errors.New("report needs the bot's data folder: set YEARBOOK_DATA or --data")
		}
		rep, err := readReport(ctx, cfg, since)
		if err != nil {
			return err
		}
		switch {
		case *asJSON:
			return writeIndentedJSON(e.stdout, rep)
		case *asCSV:
			return rep.WriteCSV(e.stdout)
		}
		return rep.WriteText(e.stdout)
	}
}

func readReport(ctx context.Context, cfg config.Config, since time.Time) (store.Report, error) {
	st, err := store.OpenReadOnly(cfg.DataDir)
	if err == nil {
		defer st.Close()
		return st.Report(since, 0)
	}
	if !errors.Is(err, store.ErrBusy) {
		return store.Report{}, fmt.Errorf("report: %w", err)
	}
	rep, ferr := bot.FetchReport(ctx, cfg.Listen, cfg.DataDir, since)
	if ferr != nil {
		return store.Report{}, fmt.Errorf("report: the bot is running and holds %s, and asking it failed: %w", cfg.DataDir, ferr)
	}
	return rep, nil
}
