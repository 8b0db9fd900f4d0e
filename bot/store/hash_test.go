package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"sync"
	"testing"
)

// The pooled HMACs hash as a fresh one does, however often and from
// however many goroutines they are reused.
func TestHashReusesHMACs(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	want := func(kind string, id int64) string {
		m := hmac.New(sha256.New, s.key)
		m.Write([]byte(kind + "\x00" + strconv.FormatInt(id, 10)))
		return hex.EncodeToString(m.Sum(nil)[:16])
	}
	ids := []int64{0, 1, 42, -1001234567890, 1 << 62}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, id := range ids {
					if got := s.ChatHash(id); got != want("chat", id) {
						t.Errorf("ChatHash(%d) = %s, want %s", id, got, want("chat", id))
					}
					if got := s.UserHash(id); got != want("user", id) {
						t.Errorf("UserHash(%d) = %s, want %s", id, got, want("user", id))
					}
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkChatHash(b *testing.B) {
	s, err := Open(b.TempDir(), Options{Retention: DefaultRetention})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	for i := 0; b.Loop(); i++ {
		s.ChatHash(int64(i))
	}
}
