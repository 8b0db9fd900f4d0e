package bot

import (
	"net"
	"testing"
	"time"

	"yearbookbot/bot/telegram/telegramtest"
)

// TestE2EShutdownOneDeadline: a slow HTTP client holds a connection open
// while an update runs past the grace period. The updates' grace and the
// HTTP server's shutdown share one deadline from the moment of the signal,
// instead of running one after the other (3 s + 3 s).
func TestE2EShutdownOneDeadline(t *testing.T) {
	t.Parallel()
	e := newFakeEngine()
	e.slowOn, e.delay = "慢", time.Minute
	tb := startBot(t, e, Options{Listen: "127.0.0.1:0"}, nil).ready()
	conn, err := net.Dial("tcp", tb.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Half a request: the server must wait for the rest or give up on it.
	if _, err := conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: bot\r\n")); err != nil {
		t.Fatal(err)
	}
	tb.say(telegramtest.Private(77), "慢慢说2020年青岛港货物吞吐量是多少")
	if err := tb.srv.WaitUntil(waitCtx(t), func() bool { return e.asked.Load() > tb.asked }); err != nil {
		t.Fatal(err)
	}
	cancelled := time.Now()
	took := tb.stop()
	select {
	case d := <-tb.httpDeadline:
		if left := d.Sub(cancelled); left > 5*time.Second {
			t.Errorf("the HTTP shutdown's deadline is %v after the signal, want ≤ 5 s", left)
		}
	default:
		t.Error("the HTTP server was not shut down")
	}
	if took > 5*time.Second {
		t.Errorf("shutdown took %v", took)
	}
}
