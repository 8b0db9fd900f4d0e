package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Settings are one chat's choices.
type Settings struct {
	// Scope is the title of the yearbook the chat asks by default; "" =
	// the bot's default.
	Scope   string    `json:"scope,omitempty"`
	Updated time.Time `json:"updated,omitzero"`
}

// ChatSettings returns chat's settings (zero when it has none).
func (s *Store) ChatSettings(chat int64) (Settings, error) {
	var st Settings
	err := s.db.View(func(tx *bolt.Tx) error {
		_, err := getJSON(tx.Bucket(bucketChats), []byte(s.ChatHash(chat)), &st)
		return err
	})
	if err != nil {
		return Settings{}, fmt.Errorf("store: settings of a chat: %w", err)
	}
	return st, nil
}

// SetChatSettings replaces chat's settings.
func (s *Store) SetChatSettings(chat int64, st Settings) error {
	if err := s.writable(); err != nil {
		return err
	}
	st.Updated = s.now().UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketChats), []byte(s.ChatHash(chat)), st)
	})
	if err != nil {
		return fmt.Errorf("store: save settings of a chat: %w", err)
	}
	return nil
}

// MigrateChat re-keys a group's settings and logged questions to the
// supergroup it became (Telegram's migrate_to_chat_id), in one transaction.
func (s *Store) MigrateChat(from, to int64) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.Flush() // the old chat's last questions may still be queued
	oldH, newH := s.ChatHash(from), s.ChatHash(to)
	err := s.db.Update(func(tx *bolt.Tx) error {
		chats := tx.Bucket(bucketChats)
		if v := chats.Get([]byte(oldH)); v != nil {
			if chats.Get([]byte(newH)) == nil {
				if err := chats.Put([]byte(newH), bytes.Clone(v)); err != nil {
					return err
				}
			}
			if err := chats.Delete([]byte(oldH)); err != nil {
				return err
			}
		}
		lg := tx.Bucket(bucketLog)
		type change struct {
			k, v []byte
		}
		var changes []change
		err := lg.ForEach(func(k, v []byte) error {
			var e Entry
			if json.Unmarshal(v, &e) != nil || e.Chat != oldH {
				return nil
			}
			e.Chat = newH
			raw, err := json.Marshal(e)
			if err != nil {
				return err
			}
			changes = append(changes, change{bytes.Clone(k), raw})
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range changes {
			if err := lg.Put(c.k, c.v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: move a migrated chat's data: %w", err)
	}
	return nil
}

// ChatQuestions counts chat's logged questions.
func (s *Store) ChatQuestions(chat int64) (int, error) {
	s.Flush()
	h := s.ChatHash(chat)
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketLog).ForEach(func(_, v []byte) error {
			var e Entry
			if json.Unmarshal(v, &e) == nil && e.Chat == h {
				n++
			}
			return nil
		})
	})
	if err != nil {
		return 0, fmt.Errorf("store: count a chat's questions: %w", err)
	}
	return n, nil
}
