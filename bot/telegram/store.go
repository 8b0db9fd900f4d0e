package telegram

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// State is what the poller persists between runs.
type State struct {
	// BotID is the bot the state belongs to: a state file reused with
	// another token would otherwise poll with a foreign offset.
	BotID int64 `json:"bot_id,omitempty"`
	// Offset: every update below it has been handled.
	Offset int `json:"offset"`
	// Handled are ids at or above Offset that have been handled already,
	// though an earlier update is still open (or the offset was not yet
	// confirmed): after a restart they are skipped, not answered twice.
	Handled []int `json:"handled,omitempty"`
}

// Store persists the poller's State.
type Store interface {
	// Load returns the saved state; the zero State if nothing was saved.
	Load() (State, error)
	Save(State) error
}

type memoryStore struct {
	mu sync.Mutex
	st State
}

// NewMemoryStore keeps the state in memory: for tests, and for a bot that
// accepts answering again what it handled just before a restart.
func NewMemoryStore() Store { return &memoryStore{} }

func (m *memoryStore) Load() (State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return State{BotID: m.st.BotID, Offset: m.st.Offset, Handled: slices.Clone(m.st.Handled)}, nil
}

func (m *memoryStore) Save(st State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.st = State{BotID: st.BotID, Offset: st.Offset, Handled: slices.Clone(st.Handled)}
	return nil
}

type fileStore struct {
	path string
	mu   sync.Mutex // one writer at a time: they share the temp-file pattern's directory
}

// NewFileStore keeps the state in a small JSON file at path, replaced
// atomically (write a temp file, sync, rename), so a crash leaves either the
// old or the new state, never a torn one. The directory must exist.
func NewFileStore(path string) (Store, error) {
	if path == "" {
		return nil, errors.New("telegram: state file: empty path")
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("telegram: state file %s: directory %s does not exist", path, dir)
	}
	// Every save replaces the file through a temp file in its folder: a
	// folder that takes no new file would fail each save later, silently
	// turning the restart protection off, so it is refused now.
	if err := probeWritable(dir, filepath.Base(path)); err != nil {
		return nil, fmt.Errorf("telegram: state file %s: folder %s is not writable: %w", path, dir, err)
	}
	s := &fileStore{path: path}
	if _, err := s.Load(); err != nil {
		return nil, err
	}
	return s, nil
}

func probeWritable(dir, base string) error {
	f, err := os.CreateTemp(dir, "."+base+".probe*")
	if err != nil {
		return err
	}
	name := f.Name()
	err = f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}

func (s *fileStore) Load() (State, error) {
	var st State
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("telegram: read state file: %w", err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return State{}, fmt.Errorf("telegram: state file %s is not poller state (delete it to start afresh): %w", s.path, err)
	}
	return st, nil
}

func (s *fileStore) Save(st State) error {
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("telegram: encode state: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("telegram: save state: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, s.path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("telegram: save state to %s: %w", s.path, err)
	}
	// Make the rename itself durable; not every filesystem allows syncing a
	// directory, and the state is already consistent without it.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
