package bot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yearbookbot/bot/telegram/telegramtest"
)

// readOnlyDir returns a folder no file can be created in: a chmod 0555
// temp folder, or /sys where the tests run as root (root ignores modes).
func readOnlyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	for _, d := range []string{dir, "/sys"} {
		f, err := os.CreateTemp(d, "probe")
		if err != nil {
			return d
		}
		f.Close()
		os.Remove(f.Name())
	}
	t.Skip("no read-only folder available to this user")
	return ""
}

// TestServeReadOnlyStateFolder: a state file whose folder takes no new
// file stops Serve at start, before it talks to Telegram, instead of
// failing every save later.
func TestServeReadOnlyStateFolder(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer(t)
	state := filepath.Join(readOnlyDir(t), "poller.json")
	err := Serve(t.Context(), func(context.Context) (Engine, error) { return newFakeEngine(), nil },
		Options{Token: srv.Token, APIEndpoint: srv.Endpoint(), StateFile: state})
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Serve = %v, want a 'not writable' error", err)
	}
	if n := len(srv.Calls()); n != 0 {
		t.Errorf("Serve made %d calls to Telegram before refusing the state folder", n)
	}
}
