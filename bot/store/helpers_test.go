package store

import (
	"encoding/json"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func (s *Store) entry(t *testing.T, id uint64) Entry {
	t.Helper()
	var e Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket(bucketLog).Get(itob(id)), &e)
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
