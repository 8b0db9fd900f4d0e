package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Question is one asked question as the bot knows it; Log stores it with
// the ids replaced by their keyed hashes.
type Question struct {
	Time     time.Time
	ChatType string // private, group, supergroup, inline…
	ChatID   int64
	UserID   int64
	Text     string // as asked
	Query    string // as the engine normalized it (groups the report)
	Answered bool
	Cited    []string // paragraph ids quoted, or offered when not answered
	Scope    string
}

// Entry is a logged question as stored.
type Entry struct {
	ID       uint64    `json:"-"`
	Time     time.Time `json:"t"`
	ChatType string    `json:"ct,omitempty"`
	Chat     string    `json:"c"`
	User     string    `json:"u,omitempty"`
	Text     string    `json:"q"`
	Query    string    `json:"n,omitempty"`
	Answered bool      `json:"a"`
	Cited    []string  `json:"p,omitempty"`
	Scope    string    `json:"s,omitempty"`
}

// Logging reports whether questions are kept at all (retention > 0).
func (s *Store) Logging() bool { return s.retention > 0 && !s.readOnly }

// NewID reserves the id of the next logged question, so that an answer's
// feedback buttons can name it before the question is logged.
func (s *Store) NewID() uint64 { return s.lastID.Add(1) }

// Log queues q to be stored under id (from NewID) and returns: it is
// written with the questions queued beside it, in one commit, and is
// durable after Flush or Close.
func (s *Store) Log(id uint64, q Question) error {
	if !s.Logging() {
		return nil
	}
	e := Entry{Time: q.Time.UTC(), ChatType: q.ChatType, Chat: s.ChatHash(q.ChatID), Text: q.Text, Query: q.Query,
		Answered: q.Answered, Cited: q.Cited, Scope: q.Scope}
	if q.UserID != 0 {
		e.User = s.UserHash(q.UserID)
	}
	if e.Time.IsZero() {
		e.Time = s.now().UTC()
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("store: encode question: %w", err)
	}
	if err := s.queue.put(queuedLog{id: id, raw: raw}); err != nil {
		return fmt.Errorf("store: log question %d: %w", id, err)
	}
	return nil
}

// Vote is a 👍 (Up) or 👎 press.
type Vote byte

const (
	Up   Vote = '+'
	Down Vote = '-'
)

// VoteResult says what a press did.
type VoteResult int

const (
	VoteCounted  VoteResult = iota // first vote of this user on this answer
	VoteChanged                    // the user changed their vote
	VoteRepeated                   // the same vote again: not counted twice
	VoteUnknown                    // no such logged question (pruned, or not kept)
)

// AddVote records user's vote on the answer to question id, once per user
// and answer. The press must come from the chat the question was asked in:
// button data is only as trustworthy as the client sending it.
func (s *Store) AddVote(id uint64, chat, user int64, v Vote) (VoteResult, error) {
	if !s.Logging() {
		return VoteUnknown, nil
	}
	s.Flush() // the question may still be queued
	res := VoteUnknown
	key := append(itob(id), []byte(s.UserHash(user))...)
	chatHash := s.ChatHash(chat)
	err := s.db.Batch(func(tx *bolt.Tx) error {
		res = VoteUnknown
		var e struct {
			Chat string `json:"c"`
		}
		raw := tx.Bucket(bucketLog).Get(itob(id))
		if raw == nil || json.Unmarshal(raw, &e) != nil || e.Chat != chatHash {
			return nil
		}
		votes := tx.Bucket(bucketVotes)
		switch old := votes.Get(key); {
		case old == nil:
			res = VoteCounted
		case old[0] == byte(v):
			res = VoteRepeated
			return nil
		default:
			res = VoteChanged
		}
		return votes.Put(key, []byte{byte(v)})
	})
	if err != nil {
		return VoteUnknown, fmt.Errorf("store: record feedback: %w", err)
	}
	return res, nil
}

// Prune deletes questions (and their votes) older than the retention, all
// of them when the retention is 0. It returns how many were deleted.
func (s *Store) Prune() (int, error) {
	if s.readOnly {
		return 0, nil
	}
	s.Flush()
	cutoff := s.now().Add(-s.retention)
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := pruneWebhook(tx, s.now()); err != nil {
			return err
		}
		lg, votes := tx.Bucket(bucketLog), tx.Bucket(bucketVotes)
		c := lg.Cursor()
		// Ids grow with time, so the old entries come first; one logged
		// late (a slow handler) may stay a little longer.
		for k, v := c.First(); k != nil; k, v = c.First() {
			var e Entry
			if s.retention > 0 && json.Unmarshal(v, &e) == nil && !e.Time.Before(cutoff) {
				break
			}
			if err := c.Delete(); err != nil {
				return err
			}
			n++
			vc := votes.Cursor()
			for vk, _ := vc.Seek(k); vk != nil && bytes.HasPrefix(vk, k); vk, _ = vc.Seek(k) {
				if err := vc.Delete(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("store: prune the question log: %w", err)
	}
	return n, nil
}

func idOf(k []byte) uint64 { return binary.BigEndian.Uint64(k) }
