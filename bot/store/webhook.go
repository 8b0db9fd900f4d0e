package store

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// webhookKeep is how long a handled webhook update id is remembered:
// Telegram keeps an update it could not deliver for 24 hours, so a
// re-delivery after a restart comes within that.
const webhookKeep = 48 * time.Hour

// Handled reports whether the webhook update id was handled before, by
// this process or one before it (telegram.HandledStore).
func (s *Store) Handled(id int) (bool, error) {
	var found bool
	err := s.db.View(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketWebhook).Get(updateKey(id)) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("store: webhook update %d: %w", id, err)
	}
	return found, nil
}

// MarkHandled remembers that the webhook update id was handled; writes
// are batched with the question log's.
func (s *Store) MarkHandled(id int) error {
	if err := s.writable(); err != nil {
		return err
	}
	at := make([]byte, 8)
	binary.BigEndian.PutUint64(at, uint64(s.now().Unix()))
	err := s.db.Batch(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketWebhook).Put(updateKey(id), at)
	})
	if err != nil {
		return fmt.Errorf("store: remember webhook update %d: %w", id, err)
	}
	return nil
}

// pruneWebhook forgets the update ids handled more than webhookKeep ago.
// Ids grow with time, so the old ones come first.
func pruneWebhook(tx *bolt.Tx, now time.Time) error {
	cutoff := uint64(now.Add(-webhookKeep).Unix())
	c := tx.Bucket(bucketWebhook).Cursor()
	for k, v := c.First(); k != nil; k, v = c.First() {
		if len(v) == 8 && binary.BigEndian.Uint64(v) >= cutoff {
			return nil
		}
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

func updateKey(id int) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, uint64(id))
	return k
}
