package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// reloadSignals turns SIGHUP into reload requests for bot.Options.Reload
// until ctx is done. Signals arriving during a reload coalesce into one.
func reloadSignals(ctx context.Context) <-chan struct{} {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	reload := make(chan struct{}, 1)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				select {
				case reload <- struct{}{}:
				default:
				}
			}
		}
	}()
	return reload
}
