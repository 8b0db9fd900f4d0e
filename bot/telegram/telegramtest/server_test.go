package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func TestValidateHTML(t *testing.T) {
	tests := []struct {
		in      string
		visible string
		bad     bool
	}{
		{in: "plain 文本", visible: "plain 文本"},
		{in: "<b>12.3</b>亿元 &lt;&gt;&amp;&quot;", visible: "12.3亿元 <>&\""},
		{in: "it&#39;s &#x4E2D;", visible: "it's 中"},
		{in: `<a href="https://x.org/?a=1&amp;b=2">link</a>`, visible: "link"},
		{in: `<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>`, visible: "st"},
		{in: `<pre><code class="language-go">x</code></pre>`, visible: "x"},
		{in: "<blockquote expandable>q</blockquote>", visible: "q"},
		{in: "<b><i>bi</i></b><strong>s</strong><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>s</strike><del>d</del>", visible: "biseuissd"},
		{in: "a < b", bad: true},
		{in: "a > b", bad: true},
		{in: "AT&T", bad: true},
		{in: "&nbsp;", bad: true},
		{in: "<b>open", bad: true},
		{in: "<b><i>x</b></i>", bad: true},
		{in: "</b>", bad: true},
		{in: "<div>x</div>", bad: true},
		{in: "<br/>", bad: true},
		{in: `<span class="other">x</span>`, bad: true},
		{in: "<a>x</a>", bad: true},
		{in: `<b class="x">x</b>`, bad: true},
		{in: "<code><b>x</b></code>", bad: true},
		{in: `<a href="?a=1&b=2">x</a>`, bad: true},
		{in: "bad \xff utf8", bad: true},
	}
	for _, tt := range tests {
		visible, err := ValidateHTML(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ValidateHTML(%q) accepted, want an error", tt.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("ValidateHTML(%q): %v", tt.in, err)
			continue
		}
		if tt.visible != "" && visible != tt.visible {
			t.Errorf("ValidateHTML(%q) visible %q, want %q", tt.in, visible, tt.visible)
		}
	}
}

func TestEntities(t *testing.T) {
	tests := []struct {
		text string
		want []tgbotapi.MessageEntity
	}{
		{"/ask 问题", []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: 4}}},
		{"/ask@yearbook_test_bot 问", []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: 22}}},
		{"📖 @yearbook_test_bot 问", []tgbotapi.MessageEntity{{Type: "mention", Offset: 3, Length: 18}}},
		{"没有命令", nil},
	}
	for _, tt := range tests {
		got := Entities(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Entities(%q) = %+v, want %+v", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].Type != tt.want[i].Type || got[i].Offset != tt.want[i].Offset || got[i].Length != tt.want[i].Length {
				t.Errorf("Entities(%q)[%d] = %+v, want %+v", tt.text, i, got[i], tt.want[i])
			}
		}
	}
	// The library sees the command the way it would from Telegram.
	m := tgbotapi.Message{Text: "/ask@other_bot 问题", Entities: Entities("/ask@other_bot 问题")}
	if m.Command() != "ask" || m.CommandArguments() != "问题" || m.CommandWithAt() != "ask@other_bot" {
		t.Errorf("Command %q args %q withAt %q", m.Command(), m.CommandArguments(), m.CommandWithAt())
	}
}

func newBot(t *testing.T, s *Server) *tgbotapi.BotAPI {
	t.Helper()
	bot, err := tgbotapi.NewBotAPIWithClient(s.Token, s.Endpoint(), &http.Client{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	return bot
}

func TestServerProtocol(t *testing.T) {
	s := NewServer(t)
	if _, err := tgbotapi.NewBotAPIWithClient("1:wrong", s.Endpoint(), http.DefaultClient); err == nil || err.Error() != "Unauthorized" {
		t.Errorf("wrong token: %v, want Unauthorized", err)
	}
	bot := newBot(t, s)
	if bot.Self.UserName != s.Bot().UserName {
		t.Errorf("getMe: %+v", bot.Self)
	}

	// getUpdates: offset confirms, limit bounds.
	u1, _ := s.AddText(Private(1), "一")
	u2, _ := s.AddText(Private(1), "二")
	u3, _ := s.AddText(Group(-100, "g"), "/ask@yearbook_test_bot 三")
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{Limit: 2})
	if err != nil || len(ups) != 2 || ups[0].UpdateID != u1 || ups[1].UpdateID != u2 {
		t.Fatalf("getUpdates limit 2: %+v, %v", ups, err)
	}
	ups, err = bot.GetUpdates(tgbotapi.UpdateConfig{Offset: u3})
	if err != nil || len(ups) != 1 || ups[0].Message.Command() != "ask" || ups[0].Message.Chat.ID != -100 {
		t.Fatalf("getUpdates offset %d: %+v, %v", u3, ups, err)
	}
	if s.Offset() != u3 || s.Pending() != 1 {
		t.Errorf("offset %d pending %d, want %d and 1", s.Offset(), s.Pending(), u3)
	}

	// sendMessage: increasing ids, the chat, the visible text.
	var last int
	visible := []string{"甲", "乙 & 丙"}
	for i, text := range []string{"<b>甲</b>", "乙 &amp; 丙"} {
		resp, err := bot.MakeRequest("sendMessage", tgbotapi.Params{"chat_id": "-100", "text": text, "parse_mode": tgbotapi.ModeHTML,
			"reply_parameters": `{"message_id":5}`, "link_preview_options": `{"is_disabled":true}`})
		if err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
		var sent tgbotapi.Message
		if err := json.Unmarshal(resp.Result, &sent); err != nil {
			t.Fatal(err)
		}
		if sent.MessageID <= last || sent.Chat.ID != -100 || sent.Text != visible[i] {
			t.Errorf("sent %+v", sent)
		}
		last = sent.MessageID
	}
	got := s.Sent()
	if len(got) != 2 || got[0].ReplyTo != 5 || !got[0].NoPreview || got[1].Visible != "乙 & 丙" {
		t.Errorf("recorded %+v", got)
	}

	// editMessageText: Telegram refuses an unchanged text.
	edit := tgbotapi.NewEditMessageText(-100, last, "新")
	if _, err := bot.Send(edit); err != nil {
		t.Fatalf("edit: %v", err)
	}
	if _, err := bot.Send(edit); err == nil || !strings.Contains(err.Error(), "not modified") {
		t.Errorf("unchanged edit: %v, want not modified", err)
	}
	if _, err := bot.Send(tgbotapi.NewEditMessageText(-100, 999999, "x")); err == nil {
		t.Error("edit of an unknown message succeeded")
	}

	// JSON parameters.
	resp, err := http.Post(s.URL+"/bot"+s.Token+"/sendMessage", "application/json",
		strings.NewReader(`{"chat_id":7,"text":"json","reply_parameters":{"message_id":3}}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("JSON sendMessage: %v %v", resp, err)
	}
	resp.Body.Close()
	if m := s.Sent()[3]; m.ChatID != 7 || m.Text != "json" || m.ReplyTo != 3 {
		t.Errorf("JSON params recorded as %+v", m)
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

// TestServerRefusesDeprecatedParams: the fake holds the bot to the current
// Bot API: reply_parameters and link_preview_options, not the fields they
// replace.
func TestServerRefusesDeprecatedParams(t *testing.T) {
	s := NewServer(t)
	bot := newBot(t, s)
	for _, p := range []tgbotapi.Params{
		{"chat_id": "1", "text": "x", "reply_to_message_id": "5"},
		{"chat_id": "1", "text": "x", "disable_web_page_preview": "true"},
		{"chat_id": "1", "text": "x", "reply_parameters": "5"},
	} {
		if _, err := bot.MakeRequest("sendMessage", p); err == nil {
			t.Errorf("sendMessage %v accepted", p)
		}
	}
	if _, err := bot.MakeRequest("answerInlineQuery", tgbotapi.Params{"inline_query_id": "1",
		"results": `[{"type":"article","id":"a","title":"t","input_message_content":{"message_text":"x","disable_web_page_preview":true}}]`}); err == nil {
		t.Error("inline result with disable_web_page_preview accepted")
	}
	if n := len(s.Violations()); n != 4 {
		t.Errorf("%d violations, want 4: %v", n, s.Violations())
	}
}

func TestServerViolations(t *testing.T) {
	long := strings.Repeat("长", MaxMessageLen+1)
	tests := []struct {
		name string
		msg  func() tgbotapi.Chattable
	}{
		{"unescaped <", func() tgbotapi.Chattable {
			m := tgbotapi.NewMessage(1, "a < b")
			m.ParseMode = tgbotapi.ModeHTML
			return m
		}},
		{"too long after entities", func() tgbotapi.Chattable {
			m := tgbotapi.NewMessage(1, "<b>"+long+"</b>")
			m.ParseMode = tgbotapi.ModeHTML
			return m
		}},
		{"empty", func() tgbotapi.Chattable { return tgbotapi.NewMessage(1, "") }},
		{"callback data over 64 bytes", func() tgbotapi.Chattable {
			m := tgbotapi.NewMessage(1, "x")
			m.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
				tgbotapi.NewInlineKeyboardButtonData("原文", strings.Repeat("d", 65))))
			return m
		}},
		{"inline result with bad HTML", func() tgbotapi.Chattable {
			a := tgbotapi.NewInlineQueryResultArticleHTML("r1", "标题", "<i>x")
			return tgbotapi.InlineConfig{InlineQueryID: "q", Results: []any{a}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewServer(t)
			bot := newBot(t, s)
			_, err := bot.Request(tt.msg())
			var te *tgbotapi.Error
			if !errors.As(err, &te) || te.Code != 400 {
				t.Errorf("err = %v, want Telegram's 400", err)
			}
			if v := s.Violations(); len(v) != 1 {
				t.Errorf("violations %v, want 1", v)
			}
		})
	}
	// Exactly the limit passes: 4096 visible characters.
	s := NewServer(t)
	m := tgbotapi.NewMessage(1, "<b>"+long[:len(long)-len("长")]+"</b>")
	m.ParseMode = tgbotapi.ModeHTML
	if _, err := newBot(t, s).Send(m); err != nil {
		t.Errorf("4096 characters refused: %v", err)
	}
}

func TestServerFaults(t *testing.T) {
	s := NewServer(t)
	bot := newBot(t, s)
	s.FailNext("sendMessage", 1, TooManyRequests(7))
	s.FailNext("sendMessage", 1, BadGatewayPage())
	s.FailNext("sendMessage", 1, DropConnection())
	s.FailNext("*", 1, ServerError(503))

	_, err := bot.Send(tgbotapi.NewMessage(1, "x"))
	var te *tgbotapi.Error
	if !errors.As(err, &te) || te.Code != 429 || te.RetryAfter != 7 {
		t.Errorf("first: %v, want 429 retry_after 7", err)
	}
	if _, err = bot.Send(tgbotapi.NewMessage(1, "x")); err == nil || errors.As(err, &te) {
		t.Errorf("second: %v, want a non-JSON body error", err)
	}
	if _, err = bot.Send(tgbotapi.NewMessage(1, "x")); err == nil {
		t.Error("third: dropped connection succeeded")
	}
	if _, err = bot.GetMe(); !errors.As(err, &te) || te.Code != 503 {
		t.Errorf("any-method fault: %v, want 503", err)
	}
	if _, err = bot.Send(tgbotapi.NewMessage(1, "x")); err != nil {
		t.Errorf("after the faults: %v", err)
	}
	statuses := []int{}
	for _, c := range s.CallsTo("sendMessage") {
		statuses = append(statuses, c.Status)
	}
	if want := []int{429, 502, 0, 200}; len(statuses) != 4 || statuses[0] != want[0] || statuses[1] != want[1] || statuses[2] != want[2] || statuses[3] != want[3] {
		t.Errorf("recorded statuses %v, want %v", statuses, want)
	}
}

func TestServerLongPoll(t *testing.T) {
	s := NewServer(t)
	bot := newBot(t, s)
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.AddText(Private(1), "late")
	}()
	start := time.Now()
	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 5})
	if err != nil || len(ups) != 1 {
		t.Fatalf("long poll: %+v, %v", ups, err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("long poll returned after %v, want soon after the update came", d)
	}

	// An empty long poll lasts its timeout, bounded by WithMaxLongPoll.
	s2 := NewServer(t, WithMaxLongPoll(100*time.Millisecond))
	start = time.Now()
	ups, err = newBot(t, s2).GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})
	if err != nil || len(ups) != 0 {
		t.Fatalf("empty long poll: %+v, %v", ups, err)
	}
	if d := time.Since(start); d < 100*time.Millisecond-5*time.Millisecond {
		t.Errorf("empty long poll returned after %v, want its 100ms", d)
	}
}

func TestServerWait(t *testing.T) {
	s := NewServer(t)
	bot := newBot(t, s)
	go func() {
		for i := range 3 {
			_, _ = bot.Send(tgbotapi.NewMessage(int64(i+1), "x"))
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	msgs, err := s.WaitSent(ctx, 3)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("WaitSent: %d, %v", len(msgs), err)
	}
	short, cancel2 := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel2()
	if _, err := s.WaitSent(short, 4); err == nil {
		t.Error("WaitSent(4) returned without a 4th message")
	}
}
