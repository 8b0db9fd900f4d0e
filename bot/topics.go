package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram"
)

// threadMethods are the calls that go into a forum topic when given its
// message_thread_id; edits and callback answers find their message anyway.
var threadMethods = []string{"sendMessage", "sendChatAction"}

// rawTopic is what tgbotapi's Message lacks for forum topics.
type rawTopic struct {
	Thread  int  `json:"message_thread_id"`
	IsTopic bool `json:"is_topic_message"`
}

// threadOf returns the forum topic an update was sent in, 0 for none: a
// message outside a forum, in its General topic (which takes no thread id),
// or a reply thread of an ordinary group (which has a thread id but is no
// topic, and replies there quote their message anyway).
func threadOf(raw json.RawMessage) int {
	if !bytes.Contains(raw, []byte(`"is_topic_message"`)) {
		return 0 // the common case, without decoding
	}
	var u struct {
		Message       *rawTopic `json:"message"`
		EditedMessage *rawTopic `json:"edited_message"`
		CallbackQuery *struct {
			Message *rawTopic `json:"message"`
		} `json:"callback_query"`
	}
	if json.Unmarshal(raw, &u) != nil {
		return 0
	}
	m := u.Message
	if m == nil {
		m = u.EditedMessage
	}
	if m == nil && u.CallbackQuery != nil {
		m = u.CallbackQuery.Message
	}
	if m == nil || !m.IsTopic {
		return 0
	}
	return m.Thread
}

// inTopic makes every reply and chat action of the update go to its forum
// topic.
func inTopic(ctx context.Context) context.Context {
	if th := threadOf(telegram.RawUpdate(ctx)); th != 0 {
		return telegram.WithParams(ctx, telegram.ThreadParams(th), threadMethods...)
	}
	return ctx
}

// send sends a message to chatID, following what Telegram answers about
// where it goes: a forum topic that was deleted or closed ("message thread
// not found") gets the reply in the General topic instead; a group upgraded
// to a supergroup (400 with migrate_to_chat_id) gets it at its new id, and
// the chat's settings and log move there too.
func (h *handler) send(ctx context.Context, chatID int64, cfg tgbotapi.MessageConfig) (tgbotapi.Message, error) {
	sent, err := h.out.Send(ctx, chatID, cfg)
	if err != nil && strings.Contains(errText(err), "message thread not found") {
		h.log.Info("forum topic gone, replying in the General topic", "chat_id", chatID)
		ctx = telegram.WithParams(ctx, nil)
		sent, err = h.out.Send(ctx, chatID, cfg)
	}
	if to := migratedTo(err); to != 0 {
		h.migrate(chatID, to)
		cfg.ChatID = to
		// The quoted message stays in the old group.
		cfg.ReplyToMessageID = 0
		sent, err = h.out.Send(ctx, to, cfg)
	}
	return sent, err
}

func migratedTo(err error) int64 {
	var ae *telegram.APIError
	if errors.As(err, &ae) {
		return ae.MigrateToChatID
	}
	return 0
}

// migrate moves a chat's settings and logged questions to the supergroup
// it became.
func (h *handler) migrate(from, to int64) {
	h.log.Info("group upgraded to a supergroup", "chat_id", from, "new_chat_id", to)
	h.moved.put(from, to)
	if h.data == nil {
		return
	}
	if err := h.data.MigrateChat(from, to); err != nil {
		h.log.Error("could not move the chat's data to its new id", "chat_id", from, "new_chat_id", to, "err", err)
	}
}

// chatNow is where chat's data lives now: its supergroup's id once it was
// upgraded.
func (h *handler) chatNow(chat int64) int64 {
	if to, ok := h.moved.get(chat); ok {
		return to
	}
	return chat
}
