package bot

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

// TestServeReadOnlyStateFolder: a state file whose folder takes no new
// file stops Serve at start, before it talks to Telegram, instead of
// failing every save later.
func TestServeReadOnlyStateFolder(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer(t)
	state := filepath.Join(telegramtest.ReadOnlyDir(t), "poller.json")
	err := Serve(t.Context(), func(context.Context) (Engine, error) { return newFakeEngine(), nil },
		Options{Token: srv.Token, APIEndpoint: srv.Endpoint(), StateFile: state})
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Serve = %v, want a 'not writable' error", err)
	}
	if n := len(srv.Calls()); n != 0 {
		t.Errorf("Serve made %d calls to Telegram before refusing the state folder", n)
	}
}

// TestE2EMentionEntityOverflow: an entity whose offset + length overflows
// int passed the bounds check and panicked in the mention parser; in a
// group the update was then dropped without a reply.
func TestE2EMentionEntityOverflow(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	group := telegramtest.Group(-1002, "青岛群")
	m := tb.srv.NewMessage(group, "@"+tb.bot.UserName+" 2020年青岛港货物吞吐量是多少")
	m.Entities = append(m.Entities,
		tgbotapi.MessageEntity{Type: "mention", Offset: math.MaxInt - 2, Length: 5},
		tgbotapi.MessageEntity{Type: "text_mention", Offset: 3, Length: math.MaxInt, User: &tb.bot})
	tb.srv.AddMessage(m)
	wantIn(t, "mention with overflowing entities", tb.sentTo(group.ID, 1).Text, "<b>6.05</b>亿吨")
	if strings.Contains(tb.logs.String(), "panic") {
		t.Error("the mention parser panicked")
	}
}

func TestMentionsOverflowingEntities(t *testing.T) {
	text := "@OurYearbookBot 问题"
	for _, e := range []tgbotapi.MessageEntity{
		{Type: "mention", Offset: math.MaxInt, Length: 1},
		{Type: "mention", Offset: math.MaxInt - 2, Length: 5},
		{Type: "mention", Offset: 1, Length: math.MaxInt},
		{Type: "text_mention", Offset: 2, Length: math.MaxInt - 1, User: &testSelf},
	} {
		if q, ok := mentions(text, []tgbotapi.MessageEntity{e}, testSelf); ok || q != text {
			t.Errorf("entity %+v: mentions = %q, %v; want the text unchanged", e, q, ok)
		}
	}
}

// TestApologyInGroupBeforeAddressed: a panic before the handler decided
// whether a group message was meant for it (in the mention parser) still
// gets the apology when the text addresses the bot.
func TestApologyInGroupBeforeAddressed(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	for _, c := range []struct {
		text string
		want bool
	}{
		{"@OurYearbookBot 问题", true},
		{"/ask 问题", true},
		{"大家好", false},
	} {
		before := len(rec.messages())
		m := textMsg(groupChat, c.text)
		h.apologize(t.Context(), tgbotapi.Update{UpdateID: 1, Message: m}, &updateState{})
		msgs := rec.messages()
		if got := len(msgs) > before; got != c.want {
			t.Errorf("%q: apology sent %v, want %v", c.text, got, c.want)
			continue
		}
		if c.want && !strings.Contains(msgs[len(msgs)-1].Text, "出了问题") {
			t.Errorf("%q: sent %q, want the apology", c.text, msgs[len(msgs)-1].Text)
		}
	}
}
