package store

import (
	"testing"
)

// BenchmarkLog is the question log's write path as the bot uses it: many
// handlers logging at once, the queue writing them many to a commit (each
// a real fsync), timed until the last is durable. ns/op is the throughput's
// inverse, not one write's latency.
//
//	go test ./bot/store -run '^$' -bench Log -benchtime 5000x
func BenchmarkLog(b *testing.B) {
	s, err := Open(b.TempDir(), Options{Retention: DefaultRetention})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	q := Question{ChatType: "private", ChatID: 42, UserID: 42, Text: "2020年青岛港货物吞吐量是多少", Query: "2020年青岛港货物吞吐量是多少",
		Answered: true, Cited: []string{"qingdao-2021-0042"}}
	b.SetParallelism(32) // the poller handles up to 64 updates at once on 2 cores
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := s.Log(s.NewID(), q); err != nil {
				b.Error(err)
				return
			}
		}
	})
	s.Flush()
}
