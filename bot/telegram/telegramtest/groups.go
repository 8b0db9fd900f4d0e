package telegramtest

import (
	"encoding/json"
	"fmt"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Telegram's replies for forum topics and upgraded groups.
const (
	ThreadNotFound = "Bad Request: message thread not found"
	GroupUpgraded  = "Bad Request: group chat was upgraded to a supergroup chat"
)

// MigratedTo is the 400 a group upgraded to supergroup id answers with.
func MigratedTo(id int64) Fault {
	return Fault{Code: 400, Description: GroupUpgraded, MigrateTo: id}
}

// AddTopicText queues a text message sent in forum topic thread of chat
// (a supergroup with topics), with the fields tgbotapi's types lack:
// message_thread_id and is_topic_message, and the chat's is_forum.
func (s *Server) AddTopicText(chat tgbotapi.Chat, thread int, text string) (updateID, messageID int) {
	m := s.NewMessage(chat, text)
	return s.AddUpdateWith(tgbotapi.Update{Message: m}, func(u map[string]any) {
		msg := u["message"].(map[string]any)
		msg["message_thread_id"] = thread
		msg["is_topic_message"] = true
		msg["chat"].(map[string]any)["is_forum"] = true
	}), m.MessageID
}

// AddUpdateWith queues u after patch has changed its JSON object, for
// fields tgbotapi's types lack. A zero UpdateID gets the next id.
func (s *Server) AddUpdateWith(u tgbotapi.Update, patch func(map[string]any)) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.UpdateID == 0 {
		u.UpdateID = s.lastUpdate + 1
	}
	s.lastUpdate = max(s.lastUpdate, u.UpdateID)
	raw, err := json.Marshal(u)
	var obj map[string]any
	if err == nil {
		err = json.Unmarshal(raw, &obj)
	}
	if err == nil {
		patch(obj)
		raw, err = json.Marshal(obj)
	}
	if err != nil {
		panic(fmt.Sprintf("telegramtest: patch update: %v", err)) // a test bug, not input
	}
	return s.addRawLocked(u.UpdateID, raw)
}

// SetChatMember sets what getChatMember answers for user in chat:
// "creator", "administrator", "member" (the default), "left"…
func (s *Server) SetChatMember(chat, user int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.members == nil {
		s.members = map[[2]int64]string{}
	}
	s.members[[2]int64{chat, user}] = status
}

func (s *Server) getChatMember(p map[string]string) reply {
	chat, err := chatID(p)
	user, uerr := strconv.ParseInt(p["user_id"], 10, 64)
	if err != nil || uerr != nil || chat == 0 || user == 0 {
		return errReply(400, "Bad Request: chat or user not found")
	}
	s.mu.Lock()
	status, ok := s.members[[2]int64{chat, user}]
	s.mu.Unlock()
	if !ok {
		status = "member"
	}
	return okReply(tgbotapi.ChatMember{User: &tgbotapi.User{ID: user, FirstName: "User"}, Status: status})
}
