package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	bolt "go.etcd.io/bbolt"

	"yearbookbot/bot/telegram"
)

// PollerState is the telegram.Store of the poller's offset and handled ids,
// kept in the database.
func (s *Store) PollerState() telegram.Store { return pollerState{s} }

type pollerState struct{ s *Store }

func (p pollerState) Load() (telegram.State, error) {
	var st telegram.State
	err := p.s.db.View(func(tx *bolt.Tx) error {
		_, err := getJSON(tx.Bucket(bucketPoller), keyPollerState, &st)
		return err
	})
	if err != nil {
		return telegram.State{}, fmt.Errorf("store: poller state: %w", err)
	}
	return st, nil
}

func (p pollerState) Save(st telegram.State) error {
	if err := p.s.writable(); err != nil {
		return err
	}
	err := p.s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketPoller), keyPollerState, st)
	})
	if err != nil {
		return fmt.Errorf("store: save poller state: %w", err)
	}
	return nil
}

// migrateState copies the poller state of a YEARBOOK_STATE file into the
// database once: when the database has no state yet and the file exists.
// The file is left as it was (the database is used from now on).
func (s *Store) migrateState(path string) error {
	if path == "" {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var done bool
	if err := s.db.View(func(tx *bolt.Tx) error {
		done = tx.Bucket(bucketMeta).Get(keyStateMigrate) != nil || tx.Bucket(bucketPoller).Get(keyPollerState) != nil
		return nil
	}); err != nil || done {
		return err
	}
	fst, err := telegram.NewFileStore(path)
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", path, err)
	}
	st, err := fst.Load()
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", path, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketPoller), keyPollerState, st); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyStateMigrate, []byte(path))
	})
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", path, err)
	}
	s.log.Info("poller state migrated into the data folder; the state file is no longer used", "from", path, "offset", st.Offset)
	return nil
}
