package telegram

import (
	"context"
	"math/rand/v2"
	"time"
)

// backoff is exponential with jitter: attempt n waits a random time in
// [d/2, d] where d = Base·2^(n-1) capped at Max. The jitter keeps many
// clients (or many chats of one bot) from retrying in lockstep.
type backoff struct {
	Base, Max time.Duration
}

func (b backoff) delay(attempt int) time.Duration {
	if b.Base <= 0 {
		return 0
	}
	d := b.Base
	for i := 1; i < attempt && d < b.Max; i++ {
		d *= 2
	}
	if b.Max > 0 && d > b.Max {
		d = b.Max
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// sleep waits d or until ctx is done, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
