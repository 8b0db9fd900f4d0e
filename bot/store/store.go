// Package store is the bot's data: one bbolt file in the data folder
// (YEARBOOK_DATA) holding the poller's state, per-chat settings, the
// question log and its feedback.
//
// Chat and user ids are never stored: the log and the settings key them by
// an HMAC-SHA256 of the id with a key generated at first start and kept in
// its own 0600 file beside the database, not in it. Telegram ids are few
// enough that a hash with a known salt could be brute-forced; without the
// key file the database alone does not tell who asked what. (The poller's
// state keeps the bot's own id, which is public: it is the token's prefix.)
//
// The question log is written in the background, many questions to a
// commit (logqueue.go); every write is a transaction, so a crash leaves the
// last committed state, losing at most the questions still queued.
package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Files in the data folder.
const (
	DBFile  = "yearbookbot.db"
	KeyFile = "yearbookbot.key"
)

// DefaultRetention is how long questions are kept unless configured.
const DefaultRetention = 90 * 24 * time.Hour

// lockTimeout bounds the wait for bbolt's file lock: another process
// holding it is a configuration mistake to report, not to wait out.
const lockTimeout = time.Second

// Buckets.
var (
	bucketMeta    = []byte("meta")
	bucketPoller  = []byte("poller")
	bucketChats   = []byte("chats")
	bucketLog     = []byte("log")
	bucketVotes   = []byte("votes")
	bucketWebhook = []byte("webhook")
	allBuckets    = [][]byte{bucketMeta, bucketPoller, bucketChats, bucketLog, bucketVotes, bucketWebhook}

	keyPollerState  = []byte("state")
	keyStateMigrate = []byte("state_migrated_from")
)

// Options tune Open.
type Options struct {
	// Retention is how long logged questions are kept (0 = none is logged).
	Retention time.Duration
	// StateFile is a YEARBOOK_STATE file whose poller state is migrated
	// into the database once, when the database has none.
	StateFile string
	Logger    *slog.Logger
	// Now is the clock (tests); nil = time.Now.
	Now func() time.Time
}

// Store is the opened database. It is safe for concurrent use.
type Store struct {
	db        *bolt.DB
	key       []byte // nil when opened read-only: reports need no ids
	retention time.Duration
	now       func() time.Time
	log       *slog.Logger
	lastID    atomic.Uint64
	readOnly  bool
	queue     *logQueue // nil when read-only
	// macs are HMACs keyed with key, reset for each id: making one hashes
	// the key's pads, which is most of hashing a short id.
	macs sync.Pool
}

// Open opens (creating it if needed) the store in dir. A folder that cannot
// be written, a key file that is not one, or a database locked by another
// process is an error naming the path.
func Open(dir string, opts Options) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: data folder %s: %w", dir, err)
	}
	if err := checkWritable(dir); err != nil {
		return nil, err
	}
	key, err := loadKey(filepath.Join(dir, KeyFile))
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, DBFile)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := newStore(db, key, opts)
	if err := s.init(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if err := s.migrateState(opts.StateFile); err != nil {
		_ = db.Close()
		return nil, err
	}
	if _, err := s.Prune(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// OpenMemory is the store of a bot without a data folder: a database file
// that is deleted as soon as it is open, so nothing outlives the process,
// with a key that exists in memory only.
func OpenMemory(opts Options) (*Store, error) {
	f, err := os.CreateTemp("", "yearbookbot-*.db")
	if err != nil {
		return nil, fmt.Errorf("store: temporary database: %w", err)
	}
	path := f.Name()
	_ = f.Close()
	_ = os.Remove(path) // bbolt creates it anew
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, NoSync: true})
	_ = os.Remove(path) // the open file lives on, unnamed
	if err != nil {
		return nil, fmt.Errorf("store: temporary database: %w", err)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	s := newStore(db, key, opts)
	if err := s.init(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens dir's database for reading, beside no writer: bbolt
// locks the file, so while the bot runs this fails with ErrBusy after a
// second.
func OpenReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, DBFile)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("store: no database in %s: %w", dir, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		return nil, openError(path, err)
	}
	s := newStore(db, nil, Options{})
	s.readOnly = true
	return s, nil
}

// ErrBusy is what opening a database another process holds returns.
var ErrBusy = errors.New("store: the database is locked by another process")

func openError(path string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%w: %s (is a yearbookbot already running with this data folder?)", ErrBusy, path)
	}
	return fmt.Errorf("store: open %s: %w", path, err)
}

func newStore(db *bolt.DB, key []byte, opts Options) *Store {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Store{db: db, key: key, retention: opts.Retention, now: now, log: log}
	if key != nil {
		s.queue = newLogQueue(db, log)
	}
	return s
}

// init creates the buckets and finds the last log id.
func (s *Store) init() error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if k, _ := tx.Bucket(bucketLog).Cursor().Last(); k != nil {
			s.lastID.Store(binary.BigEndian.Uint64(k))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: initialise %s: %w", s.db.Path(), err)
	}
	return nil
}

// Close writes the questions still queued and closes the database.
func (s *Store) Close() error {
	if s.queue != nil {
		s.queue.close()
	}
	return s.db.Close()
}

// Flush returns once every question logged before the call is written.
// What reads the log (the report, votes, a chat's migration) flushes first.
func (s *Store) Flush() {
	if s.queue != nil {
		s.queue.flush()
	}
}

// Path is the database file.
func (s *Store) Path() string { return s.db.Path() }

func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
	}
	name := f.Name()
	_ = f.Close()
	_ = os.Remove(name)
	return nil
}

// loadKey reads the HMAC key, creating it (0600, O_EXCL) at first start.
func loadKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("store: key file %s: %w", path, err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) < 32 {
		return nil, fmt.Errorf("store: key file %s is not a key (64 hex digits); restore it from a backup, or delete it and the database together", path)
	}
	return key, nil
}

func createKey(path string) ([]byte, error) {
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: create key file %s: %w", path, err)
	}
	_, err = f.WriteString(hex.EncodeToString(key) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return nil, fmt.Errorf("store: write key file %s: %w", path, err)
	}
	return key, nil
}

// hash is the keyed hash under which an id is stored; kind keeps a chat and
// a user with the same number apart.
func (s *Store) hash(kind string, id int64) string {
	m, ok := s.macs.Get().(hash.Hash)
	if ok {
		m.Reset()
	} else {
		m = hmac.New(sha256.New, s.key)
	}
	var buf [sha256.Size]byte
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write(strconv.AppendInt(buf[:0], id, 10))
	sum := m.Sum(buf[:0])
	s.macs.Put(m)
	return hex.EncodeToString(sum[:16])
}

// ChatHash is how chat id is stored.
func (s *Store) ChatHash(id int64) string { return s.hash("chat", id) }

// UserHash is how user id is stored.
func (s *Store) UserHash(id int64) string { return s.hash("user", id) }

func (s *Store) writable() error {
	if s.readOnly {
		return errors.New("store: opened read-only")
	}
	return nil
}

func itob(id uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], id)
	return b[:]
}

func getJSON(b *bolt.Bucket, key []byte, v any) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("store: record %q: %w", key, err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// ReportToken is the bearer token of the running bot's /report endpoint:
// derived from the key, so whoever may read the key file (the operator,
// `yearbookbot report` on the same data folder) may read the report, and
// nobody reaching the HTTP port from elsewhere.
func (s *Store) ReportToken() string { return reportToken(s.key) }

// ReportTokenIn reads the report token of the data folder dir.
func ReportTokenIn(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, KeyFile))
	if err != nil {
		return "", fmt.Errorf("store: key file: %w", err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return "", fmt.Errorf("store: key file %s is not a key", filepath.Join(dir, KeyFile))
	}
	return reportToken(key), nil
}

func reportToken(key []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("report access"))
	return hex.EncodeToString(m.Sum(nil))
}
