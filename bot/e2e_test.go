package bot

// End-to-end tests: the whole bot (Serve: Client, Sender, Poller or webhook,
// handler) against the fake Bot API server, through the real tgbotapi client.
// Every test ends by checking that Serve returned nil within 5 s of ctx
// being cancelled, that every text the fake server got was one Telegram
// accepts (valid HTML, ≤ 4096 characters) and that the logs never show the
// token.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram"
	"yearbookbot/bot/telegram/telegramtest"
	"yearbookbot/retrieval"
)

type testBot struct {
	t      *testing.T
	srv    *telegramtest.Server
	engine *fakeEngine
	addr   string
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
	bot    tgbotapi.User
	// asked is how many questions the engine had answered once ready
	// (the /help examples are asked at start).
	asked int64
	// httpDeadline gets the HTTP server's shutdown deadline.
	httpDeadline chan time.Time
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitCtx bounds every wait of a test.
func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// startBot runs Serve against a fresh fake server; load may be nil (the
// engine is returned at once). It returns once the bot polls (or, in
// webhook mode, has registered its webhook).
func startBot(t *testing.T, e *fakeEngine, opts Options, load func(context.Context) (Engine, error), srvOpts ...telegramtest.Option) *testBot {
	t.Helper()
	srv := telegramtest.NewServer(t, append([]telegramtest.Option{telegramtest.WithMaxLongPoll(300 * time.Millisecond)}, srvOpts...)...)
	return startBotOn(t, srv, e, opts, load)
}

// startBotOn runs Serve against srv, which may have served a bot before:
// a restart.
func startBotOn(t *testing.T, srv *telegramtest.Server, e *fakeEngine, opts Options, load func(context.Context) (Engine, error)) *testBot {
	t.Helper()
	tb := &testBot{t: t, srv: srv, engine: e, done: make(chan error, 1), logs: &syncBuffer{}, bot: srv.Bot(), httpDeadline: make(chan time.Time, 1)}
	opts.Token, opts.APIEndpoint = srv.Token, srv.Endpoint()
	opts.Logger = slog.New(slog.NewTextHandler(tb.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if load == nil {
		load = func(context.Context) (Engine, error) { return e, nil }
	}
	addr := make(chan string, 1)
	hooks := serveHooks{
		onListen:   func(a string) { addr <- a },
		onShutdown: func(d time.Time) { tb.httpDeadline <- d },
		clientOpts: []telegram.ClientOption{telegram.WithRetryAfterUnit(10 * time.Millisecond)},
		senderOpts: func(o *telegram.SenderOptions) { o.BackoffBase, o.BackoffMax = 5*time.Millisecond, 50*time.Millisecond },
		pollerOpts: func(o *telegram.PollerOptions) {
			o.BackoffBase, o.BackoffMax = 5*time.Millisecond, 50*time.Millisecond
			o.HandlerBackoffBase, o.HandlerBackoffMax = 5*time.Millisecond, 50*time.Millisecond
		},
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(t.Context()))
	tb.cancel = cancel
	go func() { tb.done <- serve(ctx, load, opts, hooks) }()
	if opts.Listen != "" || opts.WebhookURL != "" {
		select {
		case tb.addr = <-addr:
		case err := <-tb.done:
			t.Fatalf("Serve ended at start: %v", err)
		case <-time.After(10 * time.Second):
			t.Fatal("the HTTP server did not start")
		}
	}
	t.Cleanup(func() { tb.stop() })
	return tb
}

// ready waits until the bot serves updates.
func (tb *testBot) ready() *testBot {
	tb.t.Helper()
	ctx := waitCtx(tb.t)
	err := tb.srv.WaitUntil(ctx, func() bool {
		if url, _ := tb.srv.Webhook(); url != "" {
			return true
		}
		return tb.srv.CallCount("getUpdates") > 0
	})
	if err != nil {
		tb.t.Fatalf("bot not ready: %v", err)
	}
	tb.asked = tb.engine.asked.Load()
	return tb
}

// stop cancels Serve and checks the clean shutdown, the sent texts and the
// logs; it runs at cleanup and may be called earlier.
func (tb *testBot) stop(afterCancel ...func()) time.Duration {
	t := tb.t
	if tb.cancel == nil {
		return 0
	}
	start := time.Now()
	tb.cancel()
	tb.cancel = nil
	for _, f := range afterCancel {
		f()
	}
	select {
	case err := <-tb.done:
		if err != nil {
			t.Errorf("Serve returned %v after ctx was cancelled, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("Serve did not return within 5 s of ctx being cancelled")
	}
	took := time.Since(start)
	for _, v := range tb.srv.Violations() {
		t.Errorf("Telegram would refuse: %s", v)
	}
	if logs := tb.logs.String(); strings.Contains(logs, tb.srv.Token) || strings.Contains(logs, strings.SplitN(tb.srv.Token, ":", 2)[1]) {
		t.Errorf("the token appears in the logs")
	}
	return took
}

// ask queues text from chat and returns the message ids.
func (tb *testBot) say(chat tgbotapi.Chat, text string) (updateID, messageID int) {
	return tb.srv.AddText(chat, text)
}

// handled waits until every update up to id was handled and confirmed.
func (tb *testBot) handled(id int) {
	tb.t.Helper()
	if err := tb.srv.WaitOffset(waitCtx(tb.t), id+1); err != nil {
		tb.t.Fatal(err)
	}
}

// sentTo waits for the n-th message (1-based) sent to chat and returns it.
func (tb *testBot) sentTo(chat int64, n int) telegramtest.Message {
	tb.t.Helper()
	var got []telegramtest.Message
	err := tb.srv.WaitUntil(waitCtx(tb.t), func() bool {
		got = got[:0]
		for _, m := range tb.srv.Sent() {
			if m.ChatID == chat && m.Method == "sendMessage" {
				got = append(got, m)
			}
		}
		return len(got) >= n
	})
	if err != nil {
		tb.t.Fatalf("waiting for message %d to chat %d: %v (sent: %+v)", n, chat, err, tb.srv.Sent())
	}
	return got[n-1]
}

func (tb *testBot) sentCountTo(chat int64) int {
	n := 0
	for _, m := range tb.srv.Sent() {
		if m.ChatID == chat {
			n++
		}
	}
	return n
}

func wantIn(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// buttonData reads the callback data of a sent message's buttons by label.
func buttonData(t *testing.T, m telegramtest.Message) map[string]string {
	t.Helper()
	var mk tgbotapi.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(m.ReplyMarkup), &mk); err != nil {
		t.Fatalf("reply_markup %q: %v", m.ReplyMarkup, err)
	}
	out := map[string]string{}
	for _, row := range mk.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == nil {
				t.Fatalf("button %q has no callback data", b.Text)
			}
			if len(*b.CallbackData) > 64 {
				t.Fatalf("button %q data is %d bytes", b.Text, len(*b.CallbackData))
			}
			out[b.Text] = *b.CallbackData
		}
	}
	return out
}

func TestE2EPrivateChat(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	// The menu in Chinese (also for languages without a list) and English,
	// for every chat and for groups.
	for _, scope := range []string{"default", "all_group_chats"} {
		for lang, want := range map[string]string{"": "提问", "zh": "提问", "en": "Ask a question"} {
			if cmds := tb.srv.CommandsFor(scope, lang); !strings.Contains(cmds, `"ask"`) || !strings.Contains(cmds, `"help"`) || !strings.Contains(cmds, want) {
				t.Errorf("setMyCommands for scope %s, language %q: %s, want %q", scope, lang, cmds, want)
			}
		}
	}
	payload, _ := encodeStartPayload("海铁联运箱量多少")
	for i, c := range []struct {
		text  string
		wants []string
	}{
		{"2020年青岛港货物吞吐量是多少？", []string{"<b>6.05</b>亿吨", "📖 海洋攻势 › 港口航运大幅提升（市海洋发展局）"}},
		{"/start", []string{"你好", "《青岛年鉴2021》", "多少？", "/help"}},
		{"/start " + payload, []string{"<b>165</b>万标准箱"}},
		{"/help", []string{"可以这样问", "@yearbook_test_bot 问题"}},
		{"/about", []string{"《青岛年鉴2021》", "海洋攻势（2 节，3 段）"}},
		{"/ask", []string{"/ask 后面写上问题"}},
		{"/ask 地铁运营里程多少", []string{"<b>246</b>公里", "📖 交通基础设施建设攻势 › 轨道交通"}},
	} {
		chat := telegramtest.Private(int64(1000 + i))
		tb.say(chat, c.text)
		m := tb.sentTo(chat.ID, 1)
		if m.ParseMode != "HTML" || !m.NoPreview {
			t.Errorf("%q: parse mode %q, no preview %v", c.text, m.ParseMode, m.NoPreview)
		}
		wantIn(t, "reply to "+c.text, m.Text, c.wants...)
	}
	// An answer carries both buttons.
	b := buttonData(t, tb.sentTo(1000, 1))
	if b["原文"] == "" || b["更多"] == "" {
		t.Errorf("answer buttons: %v", b)
	}
	// Quick answers come without "typing…" flickering before them.
	if n := tb.srv.CallCount("sendChatAction"); n != 0 {
		t.Errorf("%d typing actions before quick answers", n)
	}
}

func TestE2EGroup(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	group := telegramtest.Group(-1001, "青岛群")
	name := tb.bot.UserName

	_, chatter := tb.say(group, "今天港口真热闹")
	tb.say(group, "/ask@otherbot 2020年青岛港货物吞吐量是多少")
	tb.say(group, "/help@otherbot")
	_, mention := tb.say(group, "@"+strings.ToUpper(name)+" 2020年青岛港货物吞吐量是多少")
	first := tb.sentTo(group.ID, 1)
	if first.ReplyTo != mention {
		t.Fatalf("first group reply quotes %d, want the mention %d (chatter %d)", first.ReplyTo, mention, chatter)
	}
	wantIn(t, "reply to mention", first.Text, "<b>6.05</b>亿吨")

	// A reply to the bot's answer is a question too.
	reply := tb.srv.NewMessage(group, "海铁联运箱量多少")
	reply.ReplyToMessage = &tgbotapi.Message{MessageID: first.MessageID, From: &tb.bot, Chat: &group, Text: first.Visible}
	tb.srv.AddMessage(reply)
	second := tb.sentTo(group.ID, 2)
	if second.ReplyTo != reply.MessageID {
		t.Errorf("reply to bot answered quoting %d, want %d", second.ReplyTo, reply.MessageID)
	}
	wantIn(t, "reply to a reply", second.Text, "<b>165</b>万标准箱")

	_, ask := tb.say(group, "/ask@"+name+" 地铁运营里程多少")
	third := tb.sentTo(group.ID, 3)
	if third.ReplyTo != ask {
		t.Errorf("/ask@ourbot answered quoting %d, want %d", third.ReplyTo, ask)
	}
	wantIn(t, "/ask@ourbot", third.Text, "<b>246</b>公里")

	last, _ := tb.say(group, "大家晚上好")
	tb.handled(last)
	if n := tb.sentCountTo(group.ID); n != 3 {
		t.Errorf("%d messages in the group, want 3 (chatter and /ask@otherbot ignored): %+v", n, tb.srv.Sent())
	}
}

func TestE2EInline(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	results := func(n int) []map[string]any {
		t.Helper()
		if err := tb.srv.WaitCalls(waitCtx(t), "answerInlineQuery", n); err != nil {
			t.Fatal(err)
		}
		calls := tb.srv.CallsTo("answerInlineQuery")
		var out []map[string]any
		if err := json.Unmarshal([]byte(calls[n-1].Params["results"]), &out); err != nil {
			t.Fatalf("results %q: %v", calls[n-1].Params["results"], err)
		}
		return out
	}
	tb.srv.AddInlineQuery(42, "2020年青岛港货物吞吐量是多少")
	got := results(1)
	if len(got) == 0 {
		t.Fatal("no cards for a question")
	}
	card := fmt.Sprint(got[0])
	wantIn(t, "answer card", card, "6.05", "港口航运大幅提升", "<b>6.05</b>")

	tb.srv.AddInlineQuery(42, "")
	ex := results(2)
	if len(ex) < 3 {
		t.Fatalf("%d example cards for an empty query", len(ex))
	}
	for _, c := range ex {
		if title, _ := c["title"].(string); !strings.HasSuffix(title, "？") {
			t.Errorf("example card title %q is not a question", title)
		}
	}

	tb.srv.AddInlineQuery(42, "火星探测器")
	nf := results(3)
	if len(nf) != 1 || !strings.Contains(fmt.Sprint(nf[0]["title"]), "没有找到") {
		t.Errorf("not-found cards: %v", nf)
	}
}

func TestE2ECallbacks(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	chat := telegramtest.Private(55)
	tb.say(chat, "2020年青岛港货物吞吐量是多少")
	answer := tb.sentTo(chat.ID, 1)
	b := buttonData(t, answer)

	tb.srv.AddCallback(chat, answer.MessageID, b["原文"])
	orig := tb.sentTo(chat.ID, 2)
	if orig.ReplyTo != answer.MessageID {
		t.Errorf("原文 quotes %d, want the answer %d", orig.ReplyTo, answer.MessageID)
	}
	wantIn(t, "原文", orig.Text, "2020年,青岛市港口实现货物吞吐量6.05亿吨", "居全国第五位", "📖 海洋攻势 › 港口航运大幅提升")

	tb.srv.AddCallback(chat, answer.MessageID, b["更多"])
	more := tb.sentTo(chat.ID, 3)
	wantIn(t, "更多", more.Text, "更多相关内容", "📖 ")

	for _, data := range []string{"nonsense", "s:zzzz", "p:gone"} {
		tb.srv.AddCallback(chat, answer.MessageID, data)
	}
	if err := tb.srv.WaitCalls(waitCtx(t), "answerCallbackQuery", 5); err != nil {
		t.Fatal(err)
	}
	for _, c := range tb.srv.CallsTo("answerCallbackQuery")[2:] {
		if c.Params["text"] == "" {
			t.Errorf("unknown callback answered without a hint: %v", c.Params)
		}
	}
	if n := tb.sentCountTo(chat.ID); n != 3 {
		t.Errorf("%d messages, want 3: unknown buttons send nothing", n)
	}
}

func TestE2ENonTextAndEdits(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	private, group := telegramtest.Private(77), telegramtest.Group(-1002, "群")
	for _, chat := range []tgbotapi.Chat{group, private} {
		m := tb.srv.NewMessage(chat, "")
		m.Sticker = &tgbotapi.Sticker{FileID: "CAAC", Emoji: "👍"}
		tb.srv.AddMessage(m)
	}
	wantIn(t, "sticker hint", tb.sentTo(private.ID, 1).Text, "只能回答文字")

	_, q := tb.say(private, "2020年青岛港货物吞吐量是多少")
	answer := tb.sentTo(private.ID, 2)
	last := tb.srv.AddEdit(private, q, "地铁运营里程多少")
	tb.handled(last)
	var edit *telegramtest.Message
	for _, m := range tb.srv.Sent() {
		if m.Method == "editMessageText" {
			edit = &m
		}
	}
	if edit == nil || edit.MessageID != answer.MessageID || !strings.Contains(edit.Text, "<b>246</b>公里") {
		t.Fatalf("edited question: edit %+v, want message %d edited to the new answer", edit, answer.MessageID)
	}
	if n := tb.sentCountTo(group.ID); n != 0 {
		t.Errorf("sticker in a group got %d replies", n)
	}

	// An edit that leaves the question as it was (a typo fixed in
	// punctuation) makes the same reply: Telegram says "message is not
	// modified", which is no failure to retry or report.
	sentBefore, editsBefore := len(tb.srv.Sent()), tb.srv.CallCount("editMessageText")
	last = tb.srv.AddEdit(private, q, "地铁运营里程多少")
	tb.handled(last)
	if n := tb.srv.CallCount("editMessageText"); n != editsBefore+1 {
		t.Errorf("%d edit calls for the unchanged question, want 1", n-editsBefore)
	}
	if n := len(tb.srv.Sent()); n != sentBefore {
		t.Errorf("an unchanged edit sent %d messages", n-sentBefore)
	}
	if logs := tb.logs.String(); strings.Contains(logs, "not modified") {
		t.Errorf("\"message is not modified\" was logged as a problem:\n%s", logs)
	}
}

func TestE2EAllowedChats(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{AllowedChats: []int64{11}}, nil).ready()
	tb.say(telegramtest.Private(12), "2020年青岛港货物吞吐量是多少")
	wantIn(t, "stranger", tb.sentTo(12, 1).Text, "只在指定的聊天")
	tb.say(telegramtest.Private(11), "2020年青岛港货物吞吐量是多少")
	wantIn(t, "allowed", tb.sentTo(11, 1).Text, "<b>6.05</b>")
	group := telegramtest.Group(-1003, "群")
	tb.say(group, "随便聊聊")
	tb.say(group, "/ask 港口")
	wantIn(t, "group", tb.sentTo(group.ID, 1).Text, "只在指定的聊天")
	id := tb.srv.AddInlineQuery(12, "港口")
	tb.handled(id)
	if calls := tb.srv.CallsTo("answerInlineQuery"); len(calls) != 1 || calls[0].Params["results"] != "[]" {
		t.Errorf("inline query of a stranger: %v", calls)
	}
	if n := tb.sentCountTo(group.ID); n != 1 {
		t.Errorf("group got %d messages, want one refusal", n)
	}
}

func TestE2EPanicKeepsRunning(t *testing.T) {
	t.Parallel()
	e := newFakeEngine()
	e.panicOn = "崩溃"
	tb := startBot(t, e, Options{}, nil).ready()
	chat := telegramtest.Private(88)
	tb.say(chat, "崩溃是多少")
	wantIn(t, "after a panic", tb.sentTo(chat.ID, 1).Text, "出了问题")
	tb.say(chat, "2020年青岛港货物吞吐量是多少")
	wantIn(t, "next update", tb.sentTo(chat.ID, 2).Text, "<b>6.05</b>")
	if !strings.Contains(tb.logs.String(), "panic") {
		t.Error("the panic was not logged")
	}
}

func TestE2ESendFaultsStillDeliver(t *testing.T) {
	t.Parallel()
	tb := startBot(t, newFakeEngine(), Options{}, nil).ready()
	tb.srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(2))
	tb.srv.FailNext("sendMessage", 1, telegramtest.ServerError(500))
	tb.srv.FailNext("sendMessage", 1, telegramtest.BadGatewayPage())
	tb.srv.FailNext("sendMessage", 1, telegramtest.DropConnection())
	tb.srv.FailNext("getUpdates", 1, telegramtest.ServerError(502))
	tb.srv.FailNext("getUpdates", 1, telegramtest.TooManyRequests(3))
	tb.srv.FailNext("getUpdates", 1, telegramtest.DropConnection())
	tb.srv.FailNext("getUpdates", 1, telegramtest.BadGatewayPage())
	chat := telegramtest.Private(99)
	tb.say(chat, "2020年青岛港货物吞吐量是多少")
	answer := tb.sentTo(chat.ID, 1)
	wantIn(t, "reply after faults", answer.Text, "<b>6.05</b>")

	// Button and inline answers go through the same retries.
	for _, f := range []telegramtest.Fault{telegramtest.TooManyRequests(1), telegramtest.DropConnection(), telegramtest.ServerError(500)} {
		tb.srv.FailNext("answerCallbackQuery", 1, f)
		tb.srv.FailNext("answerInlineQuery", 1, f)
	}
	tb.srv.AddCallback(chat, answer.MessageID, buttonData(t, answer)["原文"])
	wantIn(t, "原文 after faults", tb.sentTo(chat.ID, 2).Text, "居全国第五位")
	last := tb.srv.AddInlineQuery(99, "2020年青岛港货物吞吐量是多少")
	tb.handled(last)
	for _, m := range []string{"sendMessage", "getUpdates", "answerCallbackQuery", "answerInlineQuery"} {
		if left := tb.srv.FaultsLeft(m); left != 0 {
			t.Errorf("%d %s faults never fired", left, m)
		}
	}
	if n := tb.sentCountTo(chat.ID); n != 2 {
		t.Errorf("%d messages, want 2: a retried send must not be sent twice", n)
	}
	var ok int
	for _, c := range append(tb.srv.CallsTo("answerCallbackQuery"), tb.srv.CallsTo("answerInlineQuery")...) {
		if c.Status == http.StatusOK {
			ok++
		}
	}
	if ok != 2 {
		t.Errorf("%d callback and inline answers got through, want 2", ok)
	}
}

func TestE2EShutdownWithUpdatesInFlight(t *testing.T) {
	t.Parallel()
	e := newFakeEngine()
	e.slowOn, e.delay = "慢", 500*time.Millisecond
	tb := startBot(t, e, Options{}, nil).ready()
	const n = 20
	last := 0
	for i := range n {
		last, _ = tb.say(telegramtest.Private(int64(2000+i)), "慢慢说2020年青岛港货物吞吐量是多少")
	}
	// Cancel once every update is being answered.
	err := tb.srv.WaitUntil(waitCtx(t), func() bool { return e.asked.Load()-tb.asked >= n })
	if err != nil {
		t.Fatalf("only %d updates in flight: %v", e.asked.Load()-tb.asked, err)
	}
	took := tb.stop()
	if took > 5*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	if got := tb.srv.SentCount(); got != n {
		t.Errorf("%d of %d in-flight updates answered", got, n)
	}
	// Each slow answer was preceded by "typing…", sent before it.
	if got := tb.srv.CallCount("sendChatAction"); got != n {
		t.Errorf("%d typing actions for %d slow answers", got, n)
	}
	typing := map[string]time.Time{}
	for _, c := range tb.srv.CallsTo("sendChatAction") {
		typing[c.Params["chat_id"]] = c.Time
	}
	for _, m := range tb.srv.Sent() {
		if at, ok := typing[fmt.Sprint(m.ChatID)]; !ok || at.After(m.Time) {
			t.Errorf("chat %d: typing at %v, answer at %v", m.ChatID, at, m.Time)
		}
	}
	if off := tb.srv.Offset(); off != last+1 {
		t.Errorf("confirmed offset %d, want %d", off, last+1)
	}
}

func TestE2EHealthzInPollingMode(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	e := newFakeEngine()
	load := func(ctx context.Context) (Engine, error) {
		select {
		case <-release:
			return e, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	tb := startBot(t, e, Options{Listen: "127.0.0.1:0"}, load)
	if code, _ := get(t, "http://"+tb.addr+"/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz while loading = %d, want 503", code)
	}
	close(release)
	tb.ready()
	if code, body := get(t, "http://"+tb.addr+"/healthz"); code != http.StatusOK || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz when loaded = %d %q, want 200 ok", code, body)
	}
}

func TestE2EWebhook(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	release := make(chan struct{})
	e := newFakeEngine()
	load := func(ctx context.Context) (Engine, error) {
		<-release
		return e, nil
	}
	tb := startBot(t, e, Options{Listen: addr, WebhookURL: "http://" + addr + "/tg/hook", WebhookSecret: "s3cret_Value-1"}, load)
	base := "http://" + tb.addr
	if code, _ := get(t, base+"/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz while loading = %d, want 503", code)
	}
	// A delivery before the engine is loaded is refused, so Telegram keeps
	// the update and delivers it again.
	early, _ := json.Marshal(tgbotapi.Update{UpdateID: 1, Message: tb.srv.NewMessage(telegramtest.Private(65), "海铁联运箱量多少")})
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/tg/hook", bytes.NewReader(early))
	req.Header.Set(telegram.SecretHeader, "s3cret_Value-1")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("delivery while loading: %d, want 503", resp.StatusCode)
	}
	close(release)
	tb.ready()
	if code, _ := get(t, base+"/healthz"); code != http.StatusOK {
		t.Errorf("/healthz when loaded = %d, want 200", code)
	}
	url, secret := tb.srv.Webhook()
	if url != "http://"+addr+"/tg/hook" || secret != "s3cret_Value-1" {
		t.Fatalf("registered webhook %q with secret %q", url, secret)
	}
	chat := telegramtest.Private(66)
	update := func(text string) tgbotapi.Update {
		return tgbotapi.Update{UpdateID: int(time.Now().UnixNano() % 1e9), Message: tb.srv.NewMessage(chat, text)}
	}
	for _, c := range []struct {
		name, secret string
		want         int
	}{
		{"missing secret", "", http.StatusUnauthorized},
		{"wrong secret", "s3cret_Value-2", http.StatusUnauthorized},
	} {
		body, _ := json.Marshal(update("2020年青岛港货物吞吐量是多少"))
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader(body))
		if c.secret != "" {
			req.Header.Set(telegram.SecretHeader, c.secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.want)
		}
	}
	// A body far beyond any update is refused before it is read whole.
	huge, _ := json.Marshal(update(strings.Repeat("a", 2<<20)))
	req, _ = http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader(huge))
	req.Header.Set(telegram.SecretHeader, secret)
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("%d MB update: status %d, want 413", len(huge)>>20, resp.StatusCode)
	}
	code, err := tb.srv.PostWebhook(t.Context(), update("2020年青岛港货物吞吐量是多少"))
	if err != nil || code != http.StatusOK {
		t.Fatalf("right secret: %d, %v", code, err)
	}
	wantIn(t, "webhook reply", tb.sentTo(chat.ID, 1).Text, "<b>6.05</b>")
	if n := tb.sentCountTo(chat.ID); n != 1 {
		t.Errorf("%d replies, want 1: rejected deliveries must not be answered", n)
	}
	if tb.srv.CallCount("getUpdates") != 0 {
		t.Error("webhook mode polls getUpdates")
	}
}

func TestE2EWebhookPathWithoutURLPath(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	tb := startBot(t, newFakeEngine(), Options{Listen: addr, WebhookURL: "http://" + addr}, nil).ready()
	url, secret := tb.srv.Webhook()
	if !strings.HasPrefix(url, "http://"+addr+"/telegram/") || strings.Contains(url, tb.srv.Token) || strings.Contains(url, strings.SplitN(tb.srv.Token, ":", 2)[1]) {
		t.Errorf("webhook URL %q", url)
	}
	if len(secret) < 32 {
		t.Errorf("generated secret %q is weak", secret)
	}
	chat := telegramtest.Private(67)
	if code, err := tb.srv.PostWebhook(t.Context(), tgbotapi.Update{UpdateID: 5, Message: tb.srv.NewMessage(chat, "/about")}); err != nil || code != 200 {
		t.Fatalf("delivery: %d, %v", code, err)
	}
	wantIn(t, "/about by webhook", tb.sentTo(chat.ID, 1).Text, "已载入的年鉴")
}

func TestE2EUnauthorized(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer(t)
	token := "999:wrong-token_abcdefghijklmnopqrstuvwxyz"
	start := time.Now()
	err := Serve(t.Context(), func(context.Context) (Engine, error) { return newFakeEngine(), nil },
		Options{Token: token, APIEndpoint: srv.Endpoint()})
	if !errors.Is(err, telegram.ErrUnauthorized) {
		t.Fatalf("Serve with a wrong token = %v, want ErrUnauthorized", err)
	}
	if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "wrong-token") {
		t.Errorf("error shows the token: %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("a 401 took %v to be reported", time.Since(start))
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// freeAddr is a loopback address nobody listens on, for a webhook URL that
// must be known before Serve starts.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestE2ERestartMidBatch stops the bot while a batch is half handled (one
// chat's slow question in flight, two more of that chat queued behind it,
// other chats answered) with the offset commit failing, then starts it
// again on the same YEARBOOK_STATE file: every question is answered, none
// twice, and in each chat in order.
func TestE2ERestartMidBatch(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state.json")
	e := newFakeEngine()
	e.slowOn, e.delay = "慢", 300*time.Millisecond
	first := startBot(t, e, Options{StateFile: state}, nil).ready()
	srv := first.srv

	slowChat := telegramtest.Private(3000)
	questions := []string{"慢慢说港口货物吞吐量多少", "海铁联运箱量多少", "地铁运营里程多少"}
	wants := []string{"<b>6.05</b>", "<b>165</b>", "<b>246</b>"}
	for _, q := range questions {
		srv.AddText(slowChat, q)
	}
	const others = 10
	for i := range others {
		srv.AddText(telegramtest.Private(int64(3001+i)), "海水淡化日产能力多少")
	}
	// Stop once the other chats are answered and the slow question is
	// being answered, so the two behind it were fetched but not started.
	err := srv.WaitUntil(waitCtx(t), func() bool {
		n := 0
		for i := range others {
			n += first.sentCountTo(int64(3001 + i))
		}
		return n == others && e.asked.Load()-first.asked == others+1
	})
	if err != nil {
		t.Fatalf("first run: %v (sent %+v)", err, srv.Sent())
	}
	first.stop(func() { srv.FailNext("getUpdates", 2, telegramtest.DropConnection()) })
	if got := first.sentCountTo(slowChat.ID); got != 1 {
		t.Fatalf("the slow chat got %d answers before the restart, want the one in flight", got)
	}

	second := startBotOn(t, srv, e, Options{StateFile: state}, nil)
	if err := srv.WaitUntil(waitCtx(t), func() bool { return second.sentCountTo(slowChat.ID) == len(questions) }); err != nil {
		t.Fatalf("after the restart: %v (sent %+v)", err, srv.Sent())
	}
	last, _ := srv.AddText(telegramtest.Private(3999), "/about")
	second.handled(last)
	second.stop()

	for i, w := range wants {
		if m := first.sentTo(slowChat.ID, i+1); !strings.Contains(m.Text, w) {
			t.Errorf("answer %d in the slow chat lacks %s: %s", i+1, w, m.Text)
		}
	}
	for i := range others {
		if n := first.sentCountTo(int64(3001 + i)); n != 1 {
			t.Errorf("chat %d got %d answers, want 1", 3001+i, n)
		}
	}
	if !strings.Contains(second.logs.String(), "skipping update handled before restart") {
		t.Error("the restarted bot was not offered the updates handled before; the test did not test the state file")
	}
}

// hostileEngine returns what Telegram would refuse if the bot passed it on
// as it is: 60 facts of 5000 characters with HTML in them and long ids, and
// fails or panics on demand.
type hostileEngine struct{ *fakeEngine }

func (h hostileEngine) Ask(ctx context.Context, q string) (retrieval.Answer, error) {
	if strings.Contains(q, "故障") {
		return retrieval.Answer{}, errors.New("index unavailable")
	}
	a := retrieval.Answer{Question: q, Answered: true}
	for i := range 60 {
		text := fmt.Sprintf("<b>第%d条</b> & <i>", i) + strings.Repeat("很长的句子", 1000) + "共12亿元"
		id := fmt.Sprintf("%s-%03d", strings.Repeat("paragraph", 10), i)
		a.Facts = append(a.Facts, retrieval.Fact{Text: text, Figures: []retrieval.Span{{Start: len(text) - len("12亿元"), End: len(text)}},
			Source: retrieval.Source{ParagraphID: id, Chapter: strings.Repeat("章", 500), Section: "节<>", Sources: []string{"部门&"}}})
		a.Hits = append(a.Hits, retrieval.Hit{Source: a.Facts[i].Source, Score: 1, Text: text})
	}
	for i := range 10 {
		src := a.Facts[0].Source
		src.ParagraphID = fmt.Sprintf("%s-more-%03d", strings.Repeat("paragraph", 10), i)
		a.Hits = append(a.Hits, retrieval.Hit{Source: src, Score: 1, Text: "另一段"})
	}
	return a, nil
}

func (h hostileEngine) Passage(id string) (retrieval.Hit, bool) { panic("passage store corrupted") }

func TestE2EHostileEngineOutput(t *testing.T) {
	t.Parallel()
	e := newFakeEngine()
	tb := startBot(t, e, Options{}, func(context.Context) (Engine, error) { return hostileEngine{e}, nil }).ready()
	chat := telegramtest.Private(4000)
	tb.say(chat, "很多事实")
	answer := tb.sentTo(chat.ID, 1)
	if !strings.Contains(answer.Visible, "<b>第0条</b> & <i>") || !strings.Contains(answer.Visible, "…") {
		t.Errorf("answer does not show the text as text, cut: %.200q", answer.Visible)
	}
	b := buttonData(t, answer) // fails on data over 64 bytes
	if len(b) != 2 {
		t.Fatalf("buttons %v, want 原文 and 更多", b)
	}
	for _, label := range []string{"原文", "更多"} {
		tb.srv.AddCallback(chat, answer.MessageID, b[label])
	}
	tb.srv.AddInlineQuery(4000, "很多事实")
	tb.srv.AddInlineQuery(4000, "故障")
	last := tb.srv.AddInlineQuery(4000, "")
	tb.handled(last)

	for _, c := range tb.srv.CallsTo("answerCallbackQuery") {
		if !strings.Contains(c.Params["text"], "出了问题") {
			t.Errorf("a button whose passage panicked was answered %q, want the apology (%v)", c.Params["text"], b)
		}
	}
	if n := tb.srv.CallCount("answerCallbackQuery"); n != 2 {
		t.Errorf("%d of 2 callbacks answered", n)
	}
	calls := tb.srv.CallsTo("answerInlineQuery")
	if len(calls) != 3 {
		t.Fatalf("%d of 3 inline queries answered", len(calls))
	}
	var many, failed []map[string]any
	_ = json.Unmarshal([]byte(calls[0].Params["results"]), &many)
	_ = json.Unmarshal([]byte(calls[1].Params["results"]), &failed)
	if len(many) != 50 {
		t.Errorf("%d inline results for 60 facts, want Telegram's 50", len(many))
	}
	if len(failed) != 1 || !strings.Contains(fmt.Sprint(failed[0]["title"]), "暂时无法回答") || strings.Contains(calls[1].Params["results"], "index unavailable") {
		t.Errorf("inline query the engine failed on: %s", calls[1].Params["results"])
	}
	// Telegram's checks of every text, button and result ran in the fake
	// server; stop reports any it would have refused.
}
