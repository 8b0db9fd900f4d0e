package bot

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram"
)

// pruneEvery spaces the question log's pruning; retention is counted in
// days, so an hour late is no matter.
const pruneEvery = time.Hour

// openData opens the bot's store: the database in Options.DataDir, or,
// without one, a store that lives in memory only. The poller's state is in
// the database when there is one, else in StateFile (or memory) as before.
// Without a data folder the store is a convenience: when no temporary file
// can be made (a read-only file system) the bot runs without one (nil),
// i.e. without feedback, chat settings and question log.
func openData(opts Options, log *slog.Logger) (*store.Store, telegram.Store, error) {
	so := store.Options{Retention: opts.LogRetention, StateFile: opts.StateFile, Logger: log}
	if opts.DataDir != "" {
		st, err := store.Open(opts.DataDir, so)
		if err != nil {
			return nil, nil, err
		}
		log.Info("data store opened", "path", st.Path(), "retention", opts.LogRetention)
		return st, st.PollerState(), nil
	}
	poller := telegram.NewMemoryStore()
	if opts.StateFile != "" {
		var err error
		if poller, err = telegram.NewFileStore(opts.StateFile); err != nil {
			return nil, nil, fmt.Errorf("bot: %w", err)
		}
	}
	st, err := store.OpenMemory(so)
	if err != nil {
		log.Warn("no in-memory store: running without feedback, chat settings and question log", "err", err)
		return nil, poller, nil
	}
	return st, poller, nil
}

// pruneLoop applies the retention every pruneEvery until ctx is done.
func pruneLoop(ctx context.Context, st *store.Store, log *slog.Logger) {
	if st == nil {
		return
	}
	t := time.NewTicker(pruneEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := st.Prune(); err != nil {
				log.Error("pruning the question log failed", "err", err)
			} else if n > 0 {
				log.Info("question log pruned", "deleted", n)
			}
		}
	}
}
