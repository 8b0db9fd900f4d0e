package bot

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram/telegramtest"
)

// dataOptions are Options with a data folder and the default retention.
func dataOptions(t *testing.T) Options {
	return Options{DataDir: t.TempDir(), LogRetention: store.DefaultRetention}
}

var pressSeq atomic.Int64

// press queues a button press on message msgID in chat by user and
// returns the update id.
func press(srv *telegramtest.Server, chat tgbotapi.Chat, msgID int, user *tgbotapi.User, data string) int {
	id, _ := pressQuery(srv, chat, msgID, user, data)
	return id
}

// pressQuery is press also returning the callback query's id.
func pressQuery(srv *telegramtest.Server, chat tgbotapi.Chat, msgID int, user *tgbotapi.User, data string) (updateID int, queryID string) {
	c := chat
	queryID = "press" + strconv.FormatInt(pressSeq.Add(1), 10)
	return srv.AddUpdate(tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: queryID, From: user, Data: data,
		Message: &tgbotapi.Message{MessageID: msgID, Chat: &c, Date: int(time.Now().Unix())},
	}}), queryID
}

func TestE2EFeedbackStoredOncePerUser(t *testing.T) {
	t.Parallel()
	opts := dataOptions(t)
	tb := startBot(t, newFakeEngine(), opts, nil).ready()
	group := telegramtest.Group(-1009988776655, "编辑部")
	tb.say(group, "/ask 2020年青岛港货物吞吐量是多少")
	ans := tb.sentTo(group.ID, 1)
	b := buttonData(t, ans)
	if b["原文"] == "" || b["更多"] == "" || b[thumbUp] == "" || b[thumbDown] == "" {
		t.Fatalf("answer buttons %v, want 原文, 更多, 👍, 👎", b)
	}
	alice := &tgbotapi.User{ID: 5550001, FirstName: "Alice"}
	bob := &tgbotapi.User{ID: 5550002, FirstName: "Bob"}
	other := telegramtest.Group(-1001112223334, "别的群")
	presses := []struct {
		chat tgbotapi.Chat
		user *tgbotapi.User
		data string
		want string
	}{
		{group, alice, b[thumbUp], voteReplies[store.VoteCounted]},
		{group, alice, b[thumbUp], voteReplies[store.VoteRepeated]},
		{group, bob, b[thumbDown], voteReplies[store.VoteCounted]},
		{group, bob, b[thumbDown], voteReplies[store.VoteRepeated]},
		// The same data pressed (or forged) in another chat counts nothing.
		{other, bob, b[thumbUp], voteReplies[store.VoteUnknown]},
	}
	ids := make([]string, len(presses))
	for i, p := range presses {
		_, ids[i] = pressQuery(tb.srv, p.chat, ans.MessageID, p.user, p.data)
		// One at a time: the order of presses in different chats is not
		// the order they are handled in.
		if err := tb.srv.WaitCalls(waitCtx(t), "answerCallbackQuery", i+1); err != nil {
			t.Fatal(err)
		}
	}
	acks := map[string]string{}
	for _, c := range tb.srv.CallsTo("answerCallbackQuery") {
		acks[c.Params["callback_query_id"]] = c.Params["text"]
	}
	for i, p := range presses {
		if got := acks[ids[i]]; got != p.want {
			t.Errorf("press %d: acknowledged %q, want %q", i, got, p.want)
		}
	}
	tb.stop()

	st, err := store.OpenReadOnly(opts.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Report(time.Time{}, 0)
	_ = st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 1 || r.Up != 1 || r.Down != 1 || len(r.Disliked) != 1 || len(r.Disliked[0].Cited) == 0 {
		t.Fatalf("report %+v, want one question with one 👍 and one 👎 citing its paragraph", r)
	}
	if r.Disliked[0].Question != "2020年青岛港货物吞吐量是多少" {
		t.Errorf("disliked question %q", r.Disliked[0].Question)
	}

	// Neither raw ids nor names are in the database file.
	raw, err := os.ReadFile(filepath.Join(opts.DataDir, store.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"9988776655", "5550001", "5550002", "Alice", "Bob", "编辑部", "Member"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("database file holds %q", s)
		}
	}
}
