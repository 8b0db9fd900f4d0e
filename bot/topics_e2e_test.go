package bot

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram/telegramtest"
)

// pressInTopic queues a button press on the bot's message msgID, which is
// in forum topic thread.
func pressInTopic(srv *telegramtest.Server, chat tgbotapi.Chat, thread, msgID int, data string) int {
	c := chat
	return srv.AddUpdateWith(tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: "cq-topic", From: telegramtest.UserOf(chat), Data: data,
		Message: &tgbotapi.Message{MessageID: msgID, Chat: &c, Date: int(time.Now().Unix())},
	}}, func(u map[string]any) {
		m := u["callback_query"].(map[string]any)["message"].(map[string]any)
		m["message_thread_id"] = thread
		m["is_topic_message"] = true
	})
}

func TestE2EForumTopic(t *testing.T) {
	t.Parallel()
	e := newFakeEngine()
	e.slowOn, e.delay = "慢", 400*time.Millisecond
	tb := startBot(t, e, Options{}, nil).ready()
	forum := telegramtest.Group(-100777, "论坛")
	const topic = 42

	tb.srv.AddTopicText(forum, topic, "/ask 2020年青岛港货物吞吐量是多少")
	ans := tb.sentTo(forum.ID, 1)
	if ans.ThreadID != topic {
		t.Fatalf("answer sent to thread %d, want the asking topic %d", ans.ThreadID, topic)
	}
	// 「原文」 pressed in the topic replies in the topic.
	pressInTopic(tb.srv, forum, topic, ans.MessageID, buttonData(t, ans)["原文"])
	if m := tb.sentTo(forum.ID, 2); m.ThreadID != topic {
		t.Errorf("原文 sent to thread %d, want %d", m.ThreadID, topic)
	}
	// "typing…" of a slow answer shows in the topic too.
	tb.srv.AddTopicText(forum, topic, "/ask 慢 海铁联运箱量多少")
	tb.sentTo(forum.ID, 3)
	actions := tb.srv.CallsTo("sendChatAction")
	if len(actions) == 0 || actions[0].Params["message_thread_id"] != "42" {
		t.Errorf("typing actions %v, want one in thread 42", actions)
	}
	// The General topic has no thread id: the reply goes without one.
	tb.say(forum, "/ask 地铁运营里程多少")
	if m := tb.sentTo(forum.ID, 4); m.ThreadID != 0 {
		t.Errorf("General topic reply sent to thread %d", m.ThreadID)
	}
	// A topic deleted meanwhile: the reply lands in General.
	tb.srv.FailNext("sendMessage", 1, telegramtest.Fault{Code: 400, Description: telegramtest.ThreadNotFound})
	tb.srv.AddTopicText(forum, 99, "/ask 海铁联运箱量多少")
	if m := tb.sentTo(forum.ID, 5); m.ThreadID != 0 || m.Visible == "" {
		t.Errorf("reply after 'thread not found': %+v", m)
	}
}

func TestE2EMigratedGroup(t *testing.T) {
	t.Parallel()
	opts := dataOptions(t)
	const oldID, newID = int64(-500), int64(-1000000500)
	st, err := store.Open(opts.DataDir, store.Options{Retention: store.DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetChatSettings(oldID, store.Settings{Scope: "青岛年鉴2021"}); err != nil {
		t.Fatal(err)
	}
	_ = st.Close()

	tb := startBot(t, newFakeEngine(), opts, nil).ready()
	group := tgbotapi.Chat{ID: oldID, Type: "group", Title: "老群"}
	tb.srv.FailNext("sendMessage", 1, telegramtest.MigratedTo(newID))
	id, _ := tb.say(group, "/ask 2020年青岛港货物吞吐量是多少")
	m := tb.sentTo(newID, 1)
	wantIn(t, "answer at the new id", m.Visible, "6.05亿吨")
	tb.handled(id)
	tb.stop()

	st, err = store.Open(opts.DataDir, store.Options{Retention: store.DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s, _ := st.ChatSettings(newID); s.Scope != "青岛年鉴2021" {
		t.Errorf("settings at the new id: %+v", s)
	}
	if n, _ := st.ChatQuestions(newID); n != 1 {
		t.Errorf("%d questions logged at the new id, want 1", n)
	}
	if n, _ := st.ChatQuestions(oldID); n != 0 {
		t.Errorf("%d questions left at the old id", n)
	}
}

// In webhook mode the topic comes from the posted JSON just the same.
func TestE2EForumTopicByWebhook(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	tb := startBot(t, newFakeEngine(), Options{Listen: addr, WebhookURL: "http://" + addr + "/hook", WebhookSecret: "topic_secret"}, nil).ready()
	forum := telegramtest.Group(-100888, "论坛")
	m := tb.srv.NewMessage(forum, "/ask 2020年青岛港货物吞吐量是多少")
	raw, err := json.Marshal(tgbotapi.Update{UpdateID: 9, Message: m})
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte(`"message":{`), []byte(`"message":{"message_thread_id":5,"is_topic_message":true,`), 1)
	if code, err := tb.srv.PostWebhookRaw(t.Context(), raw); err != nil || code != 200 {
		t.Fatalf("delivery: %d, %v", code, err)
	}
	if got := tb.sentTo(forum.ID, 1); got.ThreadID != 5 {
		t.Errorf("webhook answer sent to thread %d, want 5", got.ThreadID)
	}
}
