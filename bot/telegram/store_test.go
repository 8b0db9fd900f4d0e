package telegram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yearbookbot/bot/telegram/telegramtest"
)

func TestFileStoreRejectsReadOnlyFolder(t *testing.T) {
	dir := telegramtest.ReadOnlyDir(t)
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
