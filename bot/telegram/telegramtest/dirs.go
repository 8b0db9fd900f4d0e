package telegramtest

import (
	"os"
	"testing"
)

// ReadOnlyDir returns a folder no file can be created in, for tests of a
// state or data folder the bot must refuse: a chmod 0555 temp folder, or
// /sys where the tests run as root (root ignores modes). It skips the test
// when neither refuses a new file.
func ReadOnlyDir(t testing.TB) string {
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
