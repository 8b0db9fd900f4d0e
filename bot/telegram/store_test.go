package telegram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		dir = "/sys"
		if f, err := os.CreateTemp(dir, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			t.Skip("no read-only folder available to this user")
		}
	}
	return dir
}

func TestFileStoreRejectsReadOnlyFolder(t *testing.T) {
	dir := readOnlyDir(t)
	_, err := NewFileStore(filepath.Join(dir, "poller.json"))
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("NewFileStore in read-only %s = %v, want a 'not writable' error", dir, err)
	}
	// The probe leaves nothing behind in a writable folder.
	ok := t.TempDir()
	if _, err := NewFileStore(filepath.Join(ok, "poller.json")); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(ok); len(ents) != 0 {
		t.Errorf("probe left %v", ents)
	}
}
