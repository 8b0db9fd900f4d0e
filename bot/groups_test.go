package bot

import (
	"math"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/store"
)

func TestParseVote(t *testing.T) {
	for _, c := range []struct {
		data string
		id   uint64
		v    store.Vote
		ok   bool
	}{
		{"v+1", 1, store.Up, true},
		{"v-zz", 36*36 - 1, store.Down, true},
		{"v*1", 0, 0, false},
		{"v+", 0, 0, false},
		{"v+0", 0, 0, false},
		{"v+!", 0, 0, false},
		{"p:v+1", 0, 0, false},
	} {
		id, v, ok := parseVote(c.data)
		if id != c.id || v != c.v || ok != c.ok {
			t.Errorf("parseVote(%q) = %d, %c, %v; want %d, %c, %v", c.data, id, v, ok, c.id, c.v, c.ok)
		}
	}
}

func TestFeedbackButtonsFit(t *testing.T) {
	row := tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("原文", "p:x"))
	mk := tgbotapi.NewInlineKeyboardMarkup(row)
	got := withFeedback(&mk, math.MaxUint64)
	if len(got.InlineKeyboard) != 1 || len(got.InlineKeyboard[0]) != 3 || len(mk.InlineKeyboard[0]) != 1 {
		t.Fatalf("feedback row %+v (original %+v), want 原文 👍 👎 and the original untouched", got, mk)
	}
	for _, b := range got.InlineKeyboard[0] {
		if len(*b.CallbackData) > maxCallbackData {
			t.Errorf("%s: %d bytes", b.Text, len(*b.CallbackData))
		}
	}
	if id, v, ok := parseVote(*got.InlineKeyboard[0][2].CallbackData); !ok || id != math.MaxUint64 || v != store.Down {
		t.Errorf("👎 data does not parse back")
	}
	if got := withFeedback(nil, 5); len(got.InlineKeyboard[0]) != 2 {
		t.Errorf("feedback without other buttons: %+v", got)
	}
}

func TestThreadOf(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want int
	}{
		{`{"update_id":1,"message":{"message_id":5,"text":"q"}}`, 0},
		{`{"update_id":1,"message":{"message_thread_id":7,"is_topic_message":true}}`, 7},
		// A reply thread in an ordinary group, or the General topic: no topic.
		{`{"update_id":1,"message":{"message_thread_id":7,"is_topic_message":false}}`, 0},
		{`{"update_id":1,"message":{"message_thread_id":7}}`, 0},
		{`{"update_id":1,"edited_message":{"message_thread_id":8,"is_topic_message":true}}`, 8},
		{`{"update_id":1,"callback_query":{"id":"c","message":{"message_thread_id":9,"is_topic_message":true}}}`, 9},
		{`{"is_topic_message": garbage`, 0},
		{``, 0},
	} {
		if got := threadOf([]byte(c.raw)); got != c.want {
			t.Errorf("threadOf(%s) = %d, want %d", c.raw, got, c.want)
		}
	}
}

func TestScopeDataFitsAndExpires(t *testing.T) {
	e := newScopedEngine()
	h, _ := newTestHandler(t, e.fakeEngine)
	h.engine = e
	long := ""
	for range 200 {
		long += "年"
	}
	if d := scopeData(999, long); len(d) > maxCallbackData {
		t.Errorf("scope data %d bytes", len(d))
	}
	for _, c := range []struct {
		data  string
		scope string
		ok    bool
	}{
		{scopeData(1, otherBook), otherBook, true},
		{scopeData(0, "青岛年鉴2021"), "青岛年鉴2021", true},
		{dataNoScope, "", true},
		{scopeData(0, otherBook), "", false}, // the list changed since the button was made
		{scopeData(5, otherBook), "", false},
		{"y:x:1", "", false},
	} {
		scope, ok := h.parseScope(c.data)
		if scope != c.scope || ok != c.ok {
			t.Errorf("parseScope(%q) = %q, %v; want %q, %v", c.data, scope, ok, c.scope, c.ok)
		}
	}
}
