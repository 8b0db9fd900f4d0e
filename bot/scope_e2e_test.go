package bot

import (
	"context"
	"strings"
	"sync"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// scopedEngine is the fake engine with a second yearbook and AskIn, which
// records the scope of each question.
type scopedEngine struct {
	*fakeEngine
	mu     sync.Mutex
	scopes map[string]string // question → scope asked in
}

const otherBook = "烟台年鉴2021"

func newScopedEngine() *scopedEngine {
	return &scopedEngine{fakeEngine: newFakeEngine(), scopes: map[string]string{}}
}

func (e *scopedEngine) Yearbooks() []corpus.Yearbook {
	return append(e.fakeEngine.Yearbooks(), corpus.Yearbook{Title: otherBook, Year: 2020, File: "yantai.txt"})
}

func (e *scopedEngine) AskIn(ctx context.Context, q, scope string) (retrieval.Answer, error) {
	e.mu.Lock()
	e.scopes[q] = scope
	e.mu.Unlock()
	return e.fakeEngine.Ask(ctx, q)
}

func (e *scopedEngine) scopeOf(q string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s, ok := e.scopes[q]
	return s, ok
}

func TestE2EYearbookPerChat(t *testing.T) {
	t.Parallel()
	e := newScopedEngine()
	tb := startBot(t, e.fakeEngine, dataOptions(t), func(context.Context) (Engine, error) { return e, nil }).ready()
	group := telegramtest.Group(-100321, "编辑组")
	member := telegramtest.UserOf(group) // user 7
	admin := &tgbotapi.User{ID: 8, FirstName: "Admin"}
	tb.srv.SetChatMember(group.ID, admin.ID, "administrator")

	// A member may not change the group's yearbook.
	tb.say(group, "/yearbook")
	if got := tb.sentTo(group.ID, 1).Visible; got != scopeAdminsOnly {
		t.Errorf("/yearbook by a member: %q", got)
	}
	// An administrator gets the list.
	m := tb.srv.NewMessage(group, "/yearbook")
	m.From = admin
	tb.srv.AddMessage(m)
	page := tb.sentTo(group.ID, 2)
	b := buttonData(t, page)
	pick := b["《"+otherBook+"》"]
	if pick == "" || b["《青岛年鉴2021》"] == "" || b["✓ "+allYearbooks] == "" {
		t.Fatalf("/yearbook buttons %v, want one per yearbook and the default (chosen)", b)
	}
	// A member's press is refused, the admin's sets the scope.
	press(tb.srv, group, page.MessageID, member, pick)
	id := press(tb.srv, group, page.MessageID, admin, pick)
	tb.handled(id)
	acks := tb.srv.CallsTo("answerCallbackQuery")
	if len(acks) != 2 || acks[0].Params["text"] != scopeAdminsOnly || !strings.Contains(acks[1].Params["text"], otherBook) {
		t.Fatalf("callback answers %v", acks)
	}
	id, _ = tb.say(group, "/ask 海铁联运箱量多少")
	tb.handled(id)
	if s, _ := e.scopeOf("海铁联运箱量多少"); s != otherBook {
		t.Errorf("question asked in scope %q, want %q", s, otherBook)
	}
	tb.say(group, "/settings")
	wantIn(t, "/settings", tb.sentTo(group.ID, 4).Visible, "《"+otherBook+"》", "本聊天 1 条")

	// Another chat keeps the default.
	private := telegramtest.Private(77)
	id, _ = tb.say(private, "地铁运营里程多少")
	tb.handled(id)
	if s, ok := e.scopeOf("地铁运营里程多少"); ok && s != "" {
		t.Errorf("private chat asked in scope %q, want the default", s)
	}
	// In a private chat anyone may choose, without getChatMember.
	calls := tb.srv.CallCount("getChatMember")
	tb.say(private, "/yearbook")
	if b := buttonData(t, tb.sentTo(private.ID, 2)); b["《"+otherBook+"》"] == "" {
		t.Errorf("/yearbook in private: buttons %v", b)
	}
	if n := tb.srv.CallCount("getChatMember"); n != calls {
		t.Errorf("getChatMember asked in a private chat")
	}
}

// An engine without AskIn answers with Ask, whatever the chat chose.
func TestAskInFallsBackToAsk(t *testing.T) {
	e := newFakeEngine()
	a, err := askIn(t.Context(), e, "地铁运营里程多少", otherBook)
	if err != nil || !a.Answered || e.asked.Load() != 1 {
		t.Errorf("askIn on an engine without AskIn: %+v, %v", a, err)
	}
}
