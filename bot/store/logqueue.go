package store

import (
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// logQueue writes logged questions in the background, many to a commit.
// A handler that waited for its question's commit would keep its update
// unconfirmed and its concurrency slot taken for a disk sync, which with a
// data folder cost the bot a fifth of its throughput. What a crash loses is
// the few questions still queued, never the database: every commit is a
// transaction.
type logQueue struct {
	in   chan queuedLog
	done chan struct{}
	log  *slog.Logger
	wait time.Duration // logLinger; tests lengthen it

	mu     sync.RWMutex // held for reading while sending on in
	closed bool
}

// queuedLog is one question to write (raw != nil) or a flush marker
// (flushed != nil), closed once everything queued before it is committed.
type queuedLog struct {
	id      uint64
	raw     []byte
	flushed chan struct{}
}

// Sizes of the queue: a full queue makes Log wait, so memory stays
// bounded however far the disk falls behind.
const (
	logQueueSize = 1024
	logBatchMax  = 256
)

var errClosed = errors.New("store: closed")

func newLogQueue(db *bolt.DB, log *slog.Logger) *logQueue {
	q := &logQueue{in: make(chan queuedLog, logQueueSize), done: make(chan struct{}), log: log, wait: logLinger}
	go q.run(db)
	return q
}

func (q *logQueue) put(x queuedLog) error {
	q.mu.RLock()
	defer q.mu.RUnlock()
	if q.closed {
		return errClosed
	}
	q.in <- x
	return nil
}

// flush returns once every question queued before the call is committed.
func (q *logQueue) flush() {
	ch := make(chan struct{})
	if q.put(queuedLog{flushed: ch}) == nil {
		<-ch
	}
}

// close writes what is queued and stops the writer; later puts fail.
func (q *logQueue) close() {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		close(q.in)
	}
	q.mu.Unlock()
	<-q.done
}

func (q *logQueue) run(db *bolt.DB) {
	defer close(q.done)
	batch := make([]queuedLog, 0, logBatchMax)
	for first := range q.in {
		batch = append(batch[:0], first)
		batch = q.linger(q.drain(batch))
		if err := writeLog(db, batch); err != nil {
			q.log.Error("store: could not log questions", "questions", len(batch), "err", err)
		}
		for _, x := range batch {
			if x.flushed != nil {
				close(x.flushed)
			}
		}
	}
}

// drain adds to batch what is already queued, without waiting.
func (q *logQueue) drain(batch []queuedLog) []queuedLog {
	for len(batch) < logBatchMax {
		select {
		case x, ok := <-q.in:
			if !ok {
				return batch
			}
			batch = append(batch, x)
		default:
			return batch
		}
	}
	return batch
}

// logLinger is how long the writer waits for more questions after the
// first of a commit: each commit syncs the disk twice and rewrites a page
// and the meta page, so under load a few milliseconds gather tens of
// questions into one commit instead of one or two.
const logLinger = 5 * time.Millisecond

// linger adds to batch what arrives within q.wait, up to logBatchMax;
// a flush or the queue closing ends it at once.
func (q *logQueue) linger(batch []queuedLog) []queuedLog {
	if len(batch) >= logBatchMax || hasFlush(batch) {
		return batch
	}
	t := time.NewTimer(q.wait)
	defer t.Stop()
	for len(batch) < logBatchMax {
		select {
		case x, ok := <-q.in:
			if !ok {
				return batch
			}
			batch = append(batch, x)
			if x.flushed != nil {
				return batch
			}
		case <-t.C:
			return batch
		}
	}
	return batch
}

func hasFlush(batch []queuedLog) bool {
	return slices.ContainsFunc(batch, func(x queuedLog) bool { return x.flushed != nil })
}

func writeLog(db *bolt.DB, batch []queuedLog) error {
	if !hasEntries(batch) {
		return nil
	}
	return db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketLog)
		for _, x := range batch {
			if x.raw == nil {
				continue
			}
			if err := b.Put(itob(x.id), x.raw); err != nil {
				return err
			}
		}
		return nil
	})
}

func hasEntries(batch []queuedLog) bool {
	return slices.ContainsFunc(batch, func(x queuedLog) bool { return x.raw != nil })
}
