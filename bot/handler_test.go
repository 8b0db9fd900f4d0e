package bot

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram"
	"yearbookbot/retrieval"
)

var testSelf = tgbotapi.User{ID: 999, IsBot: true, FirstName: "Yearbook", UserName: "OurYearbookBot"}

// recorder is a sender that keeps what the handler sent, giving each
// message an id; failNext makes the next sends fail with an error.
type recorder struct {
	mu       sync.Mutex
	calls    []tgbotapi.Chattable
	chats    []int64
	nextID   int
	failNext []error
}

func (r *recorder) Send(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (tgbotapi.Message, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.failNext) > 0 {
		err := r.failNext[0]
		r.failNext = r.failNext[1:]
		return tgbotapi.Message{}, err
	}
	r.calls = append(r.calls, ch)
	r.chats = append(r.chats, chatID)
	r.nextID++
	return tgbotapi.Message{MessageID: 5000 + r.nextID, Chat: &tgbotapi.Chat{ID: chatID}}, nil
}

func (r *recorder) Request(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, ch)
	r.chats = append(r.chats, chatID)
	return &tgbotapi.APIResponse{Ok: true, Result: json.RawMessage("true")}, nil
}

func (r *recorder) all() []tgbotapi.Chattable {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]tgbotapi.Chattable(nil), r.calls...)
}

// messages are the sendMessage calls.
func (r *recorder) messages() []tgbotapi.MessageConfig {
	var out []tgbotapi.MessageConfig
	for _, c := range r.all() {
		if m, ok := c.(tgbotapi.MessageConfig); ok {
			out = append(out, m)
		}
	}
	return out
}

func newTestHandler(t *testing.T, e *fakeEngine, allowed ...int64) (*handler, *recorder) {
	t.Helper()
	rec := &recorder{}
	h := newHandler(t.Context(), e, rec, testSelf, allowed, nil)
	return h, rec
}

var (
	privateChat = tgbotapi.Chat{ID: 42, Type: "private"}
	groupChat   = tgbotapi.Chat{ID: -100123, Type: "supergroup", Title: "群"}
	msgSeq      = 100
)

func textMsg(chat tgbotapi.Chat, text string) *tgbotapi.Message {
	msgSeq++
	c := chat
	return &tgbotapi.Message{MessageID: msgSeq, From: &tgbotapi.User{ID: 7}, Chat: &c, Text: text}
}

func handleMsg(t *testing.T, h *handler, m *tgbotapi.Message) {
	t.Helper()
	if err := h.handle(t.Context(), tgbotapi.Update{UpdateID: m.MessageID, Message: m}); err != nil {
		t.Fatalf("handle %q: %v", m.Text, err)
	}
}

func TestParseCommand(t *testing.T) {
	for _, c := range []struct {
		text          string
		ok            bool
		name, at, arg string
		forUs         bool
	}{
		{"/ask 青岛港吞吐量", true, "ask", "", "青岛港吞吐量", true},
		{"/ask@OurYearbookBot 问题", true, "ask", "OurYearbookBot", "问题", true},
		{"/ASK@ouryearbookbot 问题", true, "ask", "ouryearbookbot", "问题", true},
		{"/ask@otherbot 问题", true, "ask", "otherbot", "问题", false},
		{"/ask", true, "ask", "", "", true},
		{"/ask@OurYearbookBot", true, "ask", "OurYearbookBot", "", true},
		{"/ask\n多行\n问题", true, "ask", "", "多行\n问题", true},
		{"/ask问题", true, "ask", "", "问题", true},
		{"/start cXVlc3Rpb24", true, "start", "", "cXVlc3Rpb24", true},
		{"/usr/bin 是什么", false, "", "", "", false},
		{"/ 你好", false, "", "", "", false},
		{"/ask@ 问题", false, "", "", "", false},
		{"问题 /ask", false, "", "", "", false},
	} {
		got, ok := parseCommand(c.text)
		if ok != c.ok || got.name != c.name || got.at != c.at || got.args != c.arg {
			t.Errorf("parseCommand(%q) = %+v, %v; want %q %q %q, %v", c.text, got, ok, c.name, c.at, c.arg, c.ok)
		}
		if ok && got.forUs(testSelf) != c.forUs {
			t.Errorf("parseCommand(%q).forUs = %v, want %v", c.text, !c.forUs, c.forUs)
		}
	}
}

func TestMentions(t *testing.T) {
	ent := func(typ string, off, n int) tgbotapi.MessageEntity {
		return tgbotapi.MessageEntity{Type: typ, Offset: off, Length: n}
	}
	self := &tgbotapi.User{ID: testSelf.ID}
	for _, c := range []struct {
		name, text string
		ents       []tgbotapi.MessageEntity
		want       string
		ok         bool
	}{
		{"mention first", "@OurYearbookBot 港口吞吐量多少", []tgbotapi.MessageEntity{ent("mention", 0, 15)}, "港口吞吐量多少", true},
		{"case-insensitive", "@ouryearbookbot，港口吞吐量多少", []tgbotapi.MessageEntity{ent("mention", 0, 15)}, "港口吞吐量多少", true},
		// 😀 is two UTF-16 units: the entity offset must be read in units.
		{"after emoji", "😀 港口吞吐量 @OurYearbookBot 多少", []tgbotapi.MessageEntity{ent("mention", 9, 15)}, "😀 港口吞吐量 多少", true},
		{"other bot", "@OtherBot 港口", []tgbotapi.MessageEntity{ent("mention", 0, 9)}, "@OtherBot 港口", false},
		{"text_mention", "Yearbook 港口多少", []tgbotapi.MessageEntity{{Type: "text_mention", Offset: 0, Length: 8, User: self}}, "港口多少", true},
		{"no entities", "请问 @OurYearbookBot 港口", nil, "请问 港口", true},
		{"longer username", "@OurYearbookBot2 港口", nil, "@OurYearbookBot2 港口", false},
		{"bad entity", "@Our", []tgbotapi.MessageEntity{ent("mention", 3, 40)}, "@Our", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := mentions(c.text, c.ents, testSelf)
			if got != c.want || ok != c.ok {
				t.Fatalf("mentions(%q) = %q, %v; want %q, %v", c.text, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestStartPayload(t *testing.T) {
	q := "港口货物吞吐量是多少"
	p, ok := encodeStartPayload(q)
	if !ok {
		t.Fatalf("payload for %q does not fit", q)
	}
	for _, r := range p {
		if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", r) {
			t.Fatalf("payload %q has %q, not allowed in deep links", p, r)
		}
	}
	for _, c := range []struct{ in, want string }{
		{p, q},
		{p + "==", q},
		{"port_throughput", "port throughput"},
		{"help", "help"},
		{"", ""},
	} {
		if got := decodeStartPayload(c.in); got != c.want {
			t.Errorf("decodeStartPayload(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if _, ok := encodeStartPayload(strings.Repeat("长", 30)); ok {
		t.Error("a 90-byte question fits a 64-character payload")
	}
}

func TestCallbackDataFits64Bytes(t *testing.T) {
	cb := newCallbacks(100)
	long := strings.Repeat("y", 200)
	ids := []string{"qingdao-yearbook-2021-offensives-axxxxxxxx", "qingdao-yearbook-2021-offensives-bxxxxxxxx", "short", "a,b"}
	for _, c := range []struct {
		name string
		data string
		kind string
		want []string
	}{
		{"passage", cb.passage(ids[0]), dataPassage, ids[:1]},
		{"long passage id", cb.passage(long), dataPassage, []string{long}},
		{"more of long ids", cb.more(ids), dataMore, ids},
		{"more of short ids", cb.more([]string{"p1", "p2", "p3"}), dataMore, []string{"p1", "p2", "p3"}},
		{"more with only a long id", cb.more([]string{long, "p2"}), dataMore, []string{long, "p2"}},
		{"more with a comma id", cb.more([]string{"a,b"}), dataMore, []string{"a,b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if len(c.data) > maxCallbackData {
				t.Fatalf("data %q is %d bytes", c.data, len(c.data))
			}
			kind, got, ok := cb.parse(c.data)
			if !ok || kind != c.kind || strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("parse(%q) = %q %q %v, want %q %q", c.data, kind, got, ok, c.kind, c.want)
			}
		})
	}
	for _, bad := range []string{"", "x:1", "p:", "m:", "s:zz", "s:!", "s:" + strings.Repeat("9", 30)} {
		if _, _, ok := cb.parse(bad); ok {
			t.Errorf("parse(%q) accepted unknown data", bad)
		}
	}
}

func TestCallbackMoreSurvivesAnEmptyStash(t *testing.T) {
	ids := []string{"qingdao-yearbook-2021-offensives-axxxxxxxx", "qingdao-yearbook-2021-offensives-bxxxxxxxx"}
	data := newCallbacks(10).more(ids)
	kind, got, ok := newCallbacks(10).parse(data) // as after a restart
	if !ok || kind != dataMore || len(got) != 1 || got[0] != ids[0] {
		t.Fatalf("parse(%q) after restart = %q %q %v, want the best id", data, kind, got, ok)
	}
}

func TestCallbackStashIsBounded(t *testing.T) {
	cb := newCallbacks(3)
	first := cb.passage(strings.Repeat("z", 100))
	for i := range 5 {
		cb.passage(strings.Repeat("z", 100+i))
	}
	if cb.stash.len() != 3 {
		t.Fatalf("stash holds %d entries, want 3", cb.stash.len())
	}
	if _, _, ok := cb.parse(first); ok {
		t.Fatal("evicted data still resolves")
	}
}

func TestPrivateQuestion(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	handleMsg(t, h, textMsg(privateChat, "2020年青岛港货物吞吐量是多少"))
	msgs := rec.messages()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1", len(msgs))
	}
	m := msgs[0]
	if m.ParseMode != tgbotapi.ModeHTML || !m.DisableWebPagePreview {
		t.Fatalf("parse mode %q, no preview %v", m.ParseMode, m.DisableWebPagePreview)
	}
	if !strings.Contains(m.Text, "<b>6.05</b>亿吨") || !strings.Contains(m.Text, "📖 海洋攻势 › 港口航运大幅提升（市海洋发展局）") {
		t.Fatalf("answer = %q", m.Text)
	}
	if m.ReplyToMessageID != 0 {
		t.Fatal("a private answer quotes the question")
	}
	mk, ok := m.ReplyMarkup.(tgbotapi.InlineKeyboardMarkup)
	if !ok || len(mk.InlineKeyboard) != 1 || len(mk.InlineKeyboard[0]) != 2 {
		t.Fatalf("buttons = %#v", m.ReplyMarkup)
	}
	for i, label := range []string{"原文", "更多"} {
		b := mk.InlineKeyboard[0][i]
		if b.Text != label || b.CallbackData == nil || len(*b.CallbackData) > maxCallbackData {
			t.Fatalf("button %d = %q %v", i, b.Text, b.CallbackData)
		}
	}
}

func TestPrivateCommands(t *testing.T) {
	payload, _ := encodeStartPayload("港口货物吞吐量")
	for _, c := range []struct {
		text string
		want []string
	}{
		{"/start", []string{"你好", "青岛年鉴2021", "多少？"}},
		{"/start " + payload, []string{"<b>6.05</b>亿吨"}},
		{"/help", []string{"可以这样问", "多少？", "@OurYearbookBot"}},
		{"/about", []string{"《青岛年鉴2021》", "年鉴 · 青岛市（青岛、岛城） · 2021 年版 · 记述 2020 年", "海洋攻势（2 节，3 段）", "共 3 章，6 段"}},
		{"/ask", []string{"请在 /ask 后面写上问题"}},
		{"/ask 海铁联运箱量多少", []string{"<b>165</b>万标准箱"}},
		{"/ask@OurYearbookBot 海铁联运箱量多少", []string{"<b>165</b>万标准箱"}},
		{"/frobnicate", []string{"不认识这个命令"}},
	} {
		t.Run(c.text, func(t *testing.T) {
			h, rec := newTestHandler(t, newFakeEngine())
			handleMsg(t, h, textMsg(privateChat, c.text))
			msgs := rec.messages()
			if len(msgs) != 1 {
				t.Fatalf("got %d messages, want 1", len(msgs))
			}
			for _, w := range c.want {
				if !strings.Contains(msgs[0].Text, w) {
					t.Errorf("reply lacks %q:\n%s", w, msgs[0].Text)
				}
			}
		})
	}
}

func TestHelpExamplesAreAnsweredAndFromTheYearbook(t *testing.T) {
	e := newFakeEngine()
	h, _ := newTestHandler(t, e)
	if len(h.examples) < 3 {
		t.Fatalf("only %d examples: %v", len(h.examples), h.examples)
	}
	chapters := map[string]bool{}
	words := map[string]bool{}
	for _, ex := range h.examples {
		a, err := e.Ask(t.Context(), ex.question)
		if err != nil || !a.Answered {
			t.Errorf("example %q is not answered", ex.question)
			continue
		}
		chapters[a.Facts[0].Source.Chapter] = true
		for _, w := range []string{"多少", "什么时候", "第几"} {
			if strings.Contains(ex.question, w) {
				words[w] = true
			}
		}
	}
	if len(chapters) < 3 {
		t.Errorf("examples come from %d chapter(s), want the yearbook's breadth: %v", len(chapters), h.examples)
	}
	if len(words) < 3 {
		t.Errorf("examples ask with %v, want 多少, 什么时候 and 第几: %v", words, h.examples)
	}
}

// wrongEngine answers every question, but not with the figure asked for:
// it quotes the right sentence as if from another paragraph, or another
// sentence of the right paragraph.
type wrongEngine struct {
	*fakeEngine
	otherParagraph bool
}

func (w wrongEngine) Ask(ctx context.Context, q string) (retrieval.Answer, error) {
	a, err := w.fakeEngine.Ask(ctx, q)
	for i := range a.Facts {
		if w.otherParagraph {
			a.Facts[i].Source.ParagraphID = "another-paragraph"
		} else {
			a.Facts[i].Text = "这一年成绩显著。"
		}
	}
	return a, err
}

func TestExamplesAreOnlyWhatTheEngineAnswers(t *testing.T) {
	for _, other := range []bool{false, true} {
		h := newHandler(t.Context(), wrongEngine{newFakeEngine(), other}, &recorder{}, testSelf, nil, nil)
		if len(h.examples) != 0 {
			t.Fatalf("examples the engine answers with another figure: %v", h.examples)
		}
		if r := h.help(); strings.Contains(r.msg.Text, "可以这样问") {
			t.Errorf("/help offers examples it has not got:\n%s", r.msg.Text)
		}
	}
}

func TestExampleQuestionsReadNaturally(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"第三十届青岛国际啤酒节吸引游客200余万人次,成为全国首个节庆活动。", []string{"第三十届青岛国际啤酒节吸引游客多少人次？"}},
		{"全市海洋生产总值增长6.1%;涉海固定资产投资增速达9.3%,高于全市固定资产投资增速6.1个百分点。",
			[]string{"全市海洋生产总值增长了多少？", "涉海固定资产投资增速是多少？"}},
		{"2020年,青岛市港口实现货物吞吐量6.05亿吨,增长4.7%。", []string{"青岛市港口货物吞吐量是多少？"}},
		{"全年全市新增市场主体35.4万户。", []string{"全市新增市场主体多少户？"}},
		{"企业设立全程电子化登记率提高到95%。", []string{"企业设立全程电子化登记率提高到多少？"}},
		{"普通高中录取率由62%增长至68%。", []string{"普通高中录取率增长到多少？"}},
		{"2020年6月底,完成青岛胶东国际机场竣工验收。", []string{"青岛胶东国际机场什么时候竣工验收？"}},
		{"6月底,开工建设济青高速中线(潍坊至青岛段)。", []string{"济青高速中线什么时候开工建设？"}},
		{"平度市在“全国营商环境百强县”榜单升至第44位。", []string{"平度市在“全国营商环境百强县”榜单升至第几位？"}},
		{"2020年,青岛市开工建设青岛地铁4号线。", nil}, // a year, a line number
		{"海水淡化规模约占全国海水淡化规模的1/4。", nil}, // a fraction
		{"制订《壮大民营经济攻势方案2020》。", nil},   // a title, cut open
		{"纪念“莱西会议”30周年。", nil},         // an anniversary
		{"增长6.1%。", nil},             // no subject
		{"莱西市完成187.9亿元。", nil},       // completed what?
		{"其中,市属企业资产总额2.54万亿元。", nil}, // leans on the sentence before
		{"11月,飞行程序获批。", nil},         // too little to know what is asked
	} {
		var got []string
		for _, q := range paragraphQuestions(c.text) {
			got = append(got, q.question)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("questions from %q = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestGroupAddressing(t *testing.T) {
	botMsg := &tgbotapi.Message{MessageID: 77, From: &testSelf, Chat: &groupChat, Text: "之前的回答"}
	otherMsg := &tgbotapi.Message{MessageID: 78, From: &tgbotapi.User{ID: 8}, Chat: &groupChat, Text: "港口货物吞吐量多少"}
	withReply := func(m, to *tgbotapi.Message) *tgbotapi.Message { m.ReplyToMessage = to; return m }
	withEnts := func(m *tgbotapi.Message, e ...tgbotapi.MessageEntity) *tgbotapi.Message { m.Entities = e; return m }
	for _, c := range []struct {
		name     string
		msg      *tgbotapi.Message
		answered bool
		want     string
	}{
		{"plain chatter", textMsg(groupChat, "今天港口好热闹"), false, ""},
		{"/ask", textMsg(groupChat, "/ask 港口货物吞吐量多少"), true, "6.05"},
		{"/ask@ourbot", textMsg(groupChat, "/ask@ouryearbookbot 港口货物吞吐量多少"), true, "6.05"},
		{"/ask@otherbot", textMsg(groupChat, "/ask@otherbot 港口货物吞吐量多少"), false, ""},
		{"/help@otherbot", textMsg(groupChat, "/help@otherbot"), false, ""},
		{"unknown command", textMsg(groupChat, "/weather"), false, ""},
		{"mention", withEnts(textMsg(groupChat, "@OurYearbookBot 港口货物吞吐量多少"), tgbotapi.MessageEntity{Type: "mention", Length: 15}), true, "6.05"},
		{"mention other", withEnts(textMsg(groupChat, "@SomeoneElse 港口货物吞吐量多少"), tgbotapi.MessageEntity{Type: "mention", Length: 12}), false, ""},
		{"reply to bot", withReply(textMsg(groupChat, "那海铁联运箱量多少"), botMsg), true, "165"},
		{"reply to someone", withReply(textMsg(groupChat, "海铁联运箱量多少"), otherMsg), false, ""},
		{"/ask as reply", withReply(textMsg(groupChat, "/ask"), otherMsg), true, "6.05"},
		{"/ask as reply to a photo", withReply(textMsg(groupChat, "/ask"), &tgbotapi.Message{MessageID: 79, From: &tgbotapi.User{ID: 8}, Chat: &groupChat,
			Photo: []tgbotapi.PhotoSize{{FileID: "p"}}, Caption: "海铁联运箱量多少"}), true, "165"},
		{"bare /ask", textMsg(groupChat, "/ask"), true, "/ask 后面写上问题"},
		{"/help", textMsg(groupChat, "/help"), true, "可以这样问"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, rec := newTestHandler(t, newFakeEngine())
			handleMsg(t, h, c.msg)
			msgs := rec.messages()
			if !c.answered {
				if len(rec.all()) != 0 {
					t.Fatalf("answered %q: %v", c.msg.Text, rec.all())
				}
				return
			}
			if len(msgs) != 1 {
				t.Fatalf("got %d messages, want 1", len(msgs))
			}
			if !strings.Contains(msgs[0].Text, c.want) {
				t.Fatalf("reply %q lacks %q", msgs[0].Text, c.want)
			}
			if msgs[0].ReplyToMessageID != c.msg.MessageID || !msgs[0].AllowSendingWithoutReply {
				t.Fatalf("reply quotes %d (allow %v), want %d", msgs[0].ReplyToMessageID, msgs[0].AllowSendingWithoutReply, c.msg.MessageID)
			}
		})
	}
}

func TestNonTextMessages(t *testing.T) {
	sticker := func(chat tgbotapi.Chat) *tgbotapi.Message {
		m := textMsg(chat, "")
		m.Sticker = &tgbotapi.Sticker{FileID: "s"}
		return m
	}
	h, rec := newTestHandler(t, newFakeEngine())
	handleMsg(t, h, sticker(groupChat))
	if n := len(rec.all()); n != 0 {
		t.Fatalf("sticker in group got %d calls", n)
	}
	handleMsg(t, h, sticker(privateChat))
	if msgs := rec.messages(); len(msgs) != 1 || !strings.Contains(msgs[0].Text, "只能回答文字") {
		t.Fatalf("sticker in private: %v", msgs)
	}
}

func TestAllowedChats(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine(), 42)
	stranger := tgbotapi.Chat{ID: 43, Type: "private"}
	handleMsg(t, h, textMsg(stranger, "港口货物吞吐量多少"))
	handleMsg(t, h, textMsg(groupChat, "闲聊"))
	handleMsg(t, h, textMsg(groupChat, "/ask 港口货物吞吐量多少"))
	handleMsg(t, h, textMsg(stranger, "/ask@otherbot 港口货物吞吐量多少")) // not even for us
	handleMsg(t, h, textMsg(privateChat, "港口货物吞吐量多少"))
	msgs := rec.messages()
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want refusal, refusal, answer", len(msgs))
	}
	for i, chat := range []int64{43, groupChat.ID} {
		if msgs[i].ChatID != chat || !strings.Contains(msgs[i].Text, "只在指定的聊天") {
			t.Errorf("message %d to %d: %q, want a refusal to %d", i, msgs[i].ChatID, msgs[i].Text, chat)
		}
	}
	if msgs[2].ChatID != 42 || !strings.Contains(msgs[2].Text, "6.05") {
		t.Errorf("allowed chat got %q", msgs[2].Text)
	}
	if err := h.handle(t.Context(), tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: "q", From: &tgbotapi.User{ID: 43}, Query: "港口"}}); err != nil {
		t.Fatal(err)
	}
	calls := rec.all()
	ic, ok := calls[len(calls)-1].(tgbotapi.InlineConfig)
	if !ok || len(ic.Results) != 0 || !ic.IsPersonal {
		t.Fatalf("inline query of a stranger answered with %#v", calls[len(calls)-1])
	}
}

func TestPanicIsRecoveredWithApology(t *testing.T) {
	e := newFakeEngine()
	e.panicOn = "爆炸"
	h, rec := newTestHandler(t, e)
	handleMsg(t, h, textMsg(privateChat, "爆炸是多少"))
	handleMsg(t, h, textMsg(groupChat, "/ask 爆炸"))
	handleMsg(t, h, textMsg(privateChat, "港口货物吞吐量多少"))
	msgs := rec.messages()
	if len(msgs) != 3 || !strings.Contains(msgs[0].Text, "出了问题") || !strings.Contains(msgs[1].Text, "出了问题") || !strings.Contains(msgs[2].Text, "6.05") {
		t.Fatalf("messages: %+v", msgs)
	}
}

func TestEngineErrorIsFriendly(t *testing.T) {
	e := newFakeEngine()
	e.failOn = "故障"
	h, rec := newTestHandler(t, e)
	handleMsg(t, h, textMsg(privateChat, "故障多少"))
	msgs := rec.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "无法回答") || strings.Contains(msgs[0].Text, "index") {
		t.Fatalf("messages: %+v", msgs)
	}
}

func TestSlowAnswerShowsTyping(t *testing.T) {
	e := newFakeEngine()
	e.slowOn, e.delay = "慢", 150*time.Millisecond
	h, rec := newTestHandler(t, e)
	h.typingDelay = 20 * time.Millisecond
	handleMsg(t, h, textMsg(privateChat, "港口货物吞吐量多少"))
	handleMsg(t, h, textMsg(privateChat, "慢慢说港口货物吞吐量多少"))
	var kinds []string
	for _, c := range rec.all() {
		switch c := c.(type) {
		case tgbotapi.ChatActionConfig:
			kinds = append(kinds, c.Action)
		case tgbotapi.MessageConfig:
			kinds = append(kinds, "message")
		}
	}
	if got := strings.Join(kinds, ","); got != "message,typing,message" {
		t.Fatalf("calls = %s, want typing only before the slow answer", got)
	}
}

func TestEditedQuestionEditsReply(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	q := textMsg(privateChat, "港口货物吞吐量多少")
	handleMsg(t, h, q)
	edited := *q
	edited.Text, edited.EditDate = "海铁联运箱量多少", 1
	if err := h.handle(t.Context(), tgbotapi.Update{EditedMessage: &edited}); err != nil {
		t.Fatal(err)
	}
	calls := rec.all()
	ed, ok := calls[len(calls)-1].(tgbotapi.EditMessageTextConfig)
	if !ok || ed.MessageID != 5001 || !strings.Contains(ed.Text, "165") {
		t.Fatalf("last call %#v, want an edit of message 5001", calls[len(calls)-1])
	}
	// An edit of a message never answered gets a new reply, quoting it.
	fresh := textMsg(privateChat, "海铁联运箱量多少")
	fresh.EditDate = 1
	if err := h.handle(t.Context(), tgbotapi.Update{EditedMessage: fresh}); err != nil {
		t.Fatal(err)
	}
	msgs := rec.messages()
	if last := msgs[len(msgs)-1]; last.ReplyToMessageID != fresh.MessageID || !strings.Contains(last.Text, "165") {
		t.Fatalf("edit without earlier reply: %+v", last)
	}
}

func TestCallbacks(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	q := textMsg(privateChat, "2020年青岛市港口货物吞吐量多少")
	handleMsg(t, h, q)
	mk := rec.messages()[0].ReplyMarkup.(tgbotapi.InlineKeyboardMarkup)
	answerMsg := &tgbotapi.Message{MessageID: 5001, From: &testSelf, Chat: &privateChat}
	press := func(data string) (cb tgbotapi.CallbackConfig, sent []tgbotapi.MessageConfig) {
		before := len(rec.messages())
		if err := h.handle(t.Context(), tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{ID: "cb-" + data, From: &tgbotapi.User{ID: 42}, Message: answerMsg, Data: data}}); err != nil {
			t.Fatal(err)
		}
		for _, c := range rec.all() {
			if c, ok := c.(tgbotapi.CallbackConfig); ok && c.CallbackQueryID == "cb-"+data {
				cb = c
			}
		}
		if cb.CallbackQueryID == "" {
			t.Fatalf("callback %q not answered", data)
		}
		return cb, rec.messages()[before:]
	}
	_, sent := press(*mk.InlineKeyboard[0][0].CallbackData)
	if len(sent) != 1 || !strings.HasPrefix(sent[0].Text, "2020年,青岛市港口实现货物吞吐量6.05亿吨") || !strings.Contains(sent[0].Text, "📖 海洋攻势 › 港口航运大幅提升") || sent[0].ReplyToMessageID != 5001 {
		t.Fatalf("原文: %+v", sent)
	}
	_, sent = press(*mk.InlineKeyboard[0][1].CallbackData)
	if len(sent) != 1 || !strings.HasPrefix(sent[0].Text, "更多相关内容") || strings.Count(sent[0].Text, "📖") < 2 {
		t.Fatalf("更多: %+v", sent)
	}
	for _, data := range []string{"garbage", "s:zzz", "p:no-such-paragraph"} {
		cb, sent := press(data)
		if len(sent) != 0 || cb.Text == "" {
			t.Fatalf("%q: answered %q and sent %v", data, cb.Text, sent)
		}
	}
}

func TestInline(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	inline := func(query string) tgbotapi.InlineConfig {
		t.Helper()
		if err := h.handle(t.Context(), tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: "iq", From: &tgbotapi.User{ID: 42}, Query: query}}); err != nil {
			t.Fatal(err)
		}
		calls := rec.all()
		ic, ok := calls[len(calls)-1].(tgbotapi.InlineConfig)
		if !ok {
			t.Fatalf("last call %#v", calls[len(calls)-1])
		}
		return ic
	}
	ic := inline("港口货物吞吐量多少")
	if len(ic.Results) == 0 || ic.IsPersonal || ic.CacheTime <= 0 || ic.CacheTime > 60 {
		t.Fatalf("inline answer %+v", ic)
	}
	art := ic.Results[0].(tgbotapi.InlineQueryResultArticle)
	content := art.InputMessageContent.(telegram.TextContent)
	if !strings.Contains(art.Title, "6.05") || !strings.Contains(art.Description, "港口航运大幅提升") ||
		!strings.Contains(content.Text, "<b>6.05</b>") || content.ParseMode != tgbotapi.ModeHTML || content.LinkPreview == nil || !content.LinkPreview.IsDisabled || len(art.ID) > 64 {
		t.Fatalf("card %+v", art)
	}
	ex := inline("")
	if len(ex.Results) != len(h.examples) || len(ex.Results) == 0 {
		t.Fatalf("%d example cards, %d examples", len(ex.Results), len(h.examples))
	}
	for _, r := range ex.Results {
		a := r.(tgbotapi.InlineQueryResultArticle)
		if !strings.HasSuffix(a.Title, "？") {
			t.Errorf("example card title %q", a.Title)
		}
	}
	nf := inline("火星探测器")
	if len(nf.Results) != 1 || !strings.Contains(nf.Results[0].(tgbotapi.InlineQueryResultArticle).Title, "没有找到") {
		t.Fatalf("not-found cards %+v", nf.Results)
	}
}

func TestSendFailures(t *testing.T) {
	h, rec := newTestHandler(t, newFakeEngine())
	rec.failNext = []error{&telegram.APIError{Method: "sendMessage", Code: 403, Description: "Forbidden: bot was blocked by the user"}}
	handleMsg(t, h, textMsg(privateChat, "港口货物吞吐量多少")) // permanent: handled, not retried
	rec.failNext = []error{&telegram.APIError{Method: "sendMessage", Code: 502}}
	err := h.handle(t.Context(), tgbotapi.Update{Message: textMsg(privateChat, "港口货物吞吐量多少")})
	if err == nil {
		t.Fatal("a 502 after the sender's retries counts as handled; want it delivered again")
	}
}

func TestInlineMessageCallbackEditsIt(t *testing.T) {
	e := newFakeEngine()
	h, rec := newTestHandler(t, e)
	id := e.book.Chapters[1].Sections[1].Paragraphs[0].ID
	cq := &tgbotapi.CallbackQuery{ID: "c1", From: &tgbotapi.User{ID: 42}, InlineMessageID: "inl-1", Data: h.cb.passage(id)}
	if err := h.handle(t.Context(), tgbotapi.Update{CallbackQuery: cq}); err != nil {
		t.Fatal(err)
	}
	var answered, edited bool
	for _, c := range rec.all() {
		switch c := c.(type) {
		case tgbotapi.CallbackConfig:
			answered = c.CallbackQueryID == "c1"
		case tgbotapi.EditMessageTextConfig:
			edited = c.InlineMessageID == "inl-1" && strings.Contains(c.Text, "居全国第五位")
		}
	}
	if !answered || !edited {
		t.Fatalf("answered %v, edited %v: %v", answered, edited, rec.all())
	}
}

// TestWhoIsAnswered is the rule of when the bot speaks, message kind by
// message kind, in private chats and groups.
func TestWhoIsAnswered(t *testing.T) {
	photo := []tgbotapi.PhotoSize{{FileID: "p", Width: 10, Height: 10}}
	anonymousAdmin := &tgbotapi.User{ID: 1087968824, IsBot: true, FirstName: "Group", UserName: "GroupAnonymousBot"}
	botMsg := &tgbotapi.Message{MessageID: 77, From: &testSelf, Chat: &groupChat, Text: "之前的回答"}
	huge := strings.Repeat("青岛港货物吞吐量", 100<<10/len("青岛港货物吞吐量")) // 100 KB
	with := func(m *tgbotapi.Message, f func(*tgbotapi.Message)) *tgbotapi.Message { f(m); return m }
	for _, c := range []struct {
		name string
		msg  *tgbotapi.Message
		want string // "" = silence
	}{
		{"private /ask@otherbot", textMsg(privateChat, "/ask@otherbot 港口货物吞吐量多少"), ""},
		{"private /help@otherbot", textMsg(privateChat, "/help@otherbot"), ""},
		{"private /ASK@OURYEARBOOKBOT", textMsg(privateChat, "/ASK@OURYEARBOOKBOT 港口货物吞吐量多少"), "6.05"},
		{"private photo with a question as caption", with(textMsg(privateChat, ""), func(m *tgbotapi.Message) {
			m.Photo, m.Caption = photo, "港口货物吞吐量多少"
		}), "6.05"},
		{"private photo", with(textMsg(privateChat, ""), func(m *tgbotapi.Message) { m.Photo = photo }), "只能回答文字"},
		{"private voice", with(textMsg(privateChat, ""), func(m *tgbotapi.Message) { m.Voice = &tgbotapi.Voice{FileID: "v"} }), "只能回答文字"},
		{"private message of a kind unknown to the library", textMsg(privateChat, ""), "只能回答文字"},
		{"private pinned message", with(textMsg(privateChat, ""), func(m *tgbotapi.Message) { m.PinnedMessage = botMsg }), ""},
		{"private 100 KB message", textMsg(privateChat, huge), "太长"},
		{"group caption /ask", with(textMsg(groupChat, ""), func(m *tgbotapi.Message) {
			m.Photo, m.Caption = photo, "/ask 港口货物吞吐量多少"
			m.CaptionEntities = []tgbotapi.MessageEntity{{Type: "bot_command", Length: 4}}
		}), "6.05"},
		{"group caption /ask@otherbot", with(textMsg(groupChat, ""), func(m *tgbotapi.Message) {
			m.Photo, m.Caption = photo, "/ask@otherbot 港口货物吞吐量多少"
		}), ""},
		{"group caption chatter", with(textMsg(groupChat, ""), func(m *tgbotapi.Message) { m.Photo, m.Caption = photo, "港口的照片" }), ""},
		{"group text_mention", with(textMsg(groupChat, "Yearbook 港口货物吞吐量多少"), func(m *tgbotapi.Message) {
			m.Entities = []tgbotapi.MessageEntity{{Type: "text_mention", Length: 8, User: &tgbotapi.User{ID: testSelf.ID}}}
		}), "6.05"},
		{"group sticker replying to the bot", with(textMsg(groupChat, ""), func(m *tgbotapi.Message) {
			m.Sticker, m.ReplyToMessage = &tgbotapi.Sticker{FileID: "s"}, botMsg
		}), ""},
		{"group new member", with(textMsg(groupChat, ""), func(m *tgbotapi.Message) { m.NewChatMembers = []tgbotapi.User{{ID: 5}} }), ""},
		{"group 100 KB mention", textMsg(groupChat, "@OurYearbookBot "+huge), "太长"},
		{"own message", with(textMsg(privateChat, "港口货物吞吐量多少"), func(m *tgbotapi.Message) { m.From = &testSelf }), ""},
		{"other bot in a group", with(textMsg(groupChat, "/ask 港口货物吞吐量多少"), func(m *tgbotapi.Message) {
			m.From = &tgbotapi.User{ID: 31, IsBot: true, UserName: "SomeBot"}
		}), ""},
		{"our inline answer posted in our private chat", with(textMsg(privateChat, "6.05亿吨 📖 海洋攻势"), func(m *tgbotapi.Message) { m.ViaBot = &testSelf }), ""},
		{"anonymous group admin", with(textMsg(groupChat, "/ask 港口货物吞吐量多少"), func(m *tgbotapi.Message) {
			m.From, m.SenderChat = anonymousAdmin, &groupChat
		}), "6.05"},
		{"channel post forwarded into its discussion group", with(textMsg(groupChat, "/ask 港口货物吞吐量多少"), func(m *tgbotapi.Message) {
			m.IsAutomaticForward = true
		}), ""},
		{"message in a channel", textMsg(tgbotapi.Chat{ID: -100777, Type: "channel"}, "/ask 港口货物吞吐量多少"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newFakeEngine()
			h, rec := newTestHandler(t, e)
			asked := e.asked.Load()
			handleMsg(t, h, c.msg)
			msgs := rec.messages()
			if c.want == "" {
				if calls := rec.all(); len(calls) != 0 {
					t.Fatalf("answered: %+v", calls)
				}
				return
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0].Text, c.want) {
				t.Fatalf("replies %+v, want one with %q", msgs, c.want)
			}
			if c.want == "太长" {
				if e.asked.Load() != asked {
					t.Error("the engine was asked a 100 KB question")
				}
				if n := len([]rune(msgs[0].Text)); n > 100 {
					t.Errorf("reply to a long message is %d characters, want a brief one", n)
				}
			}
		})
	}
	// Channel posts come as their own kind of update.
	h, rec := newTestHandler(t, newFakeEngine())
	post := textMsg(tgbotapi.Chat{ID: -100777, Type: "channel"}, "/ask 港口货物吞吐量多少")
	if err := h.handle(t.Context(), tgbotapi.Update{ChannelPost: post}); err != nil || len(rec.all()) != 0 {
		t.Fatalf("channel post: err %v, calls %v", err, rec.all())
	}
}

func TestMoreOffersOnlyCloseHits(t *testing.T) {
	h, _ := newTestHandler(t, newFakeEngine())
	hit := func(id string, score float64) retrieval.Hit {
		return retrieval.Hit{Source: retrieval.Source{ParagraphID: id}, Score: score}
	}
	a := retrieval.Answer{Answered: true, Facts: []retrieval.Fact{{Text: "甲1吨", Source: retrieval.Source{ParagraphID: "top"}}},
		Hits: []retrieval.Hit{hit("top", 10), hit("near", 5), hit("far", 1), hit("near-too", 2.5)}}
	mk := h.buttons(a)
	if mk == nil || len(mk.InlineKeyboard[0]) != 2 {
		t.Fatalf("buttons %+v, want 原文 and 更多", mk)
	}
	if _, ids, ok := h.cb.parse(*mk.InlineKeyboard[0][1].CallbackData); !ok || strings.Join(ids, ",") != "near,near-too" {
		t.Fatalf("更多 offers %q, want the close hits only", ids)
	}
	a.Hits = []retrieval.Hit{hit("top", 10), hit("far", 1)}
	if mk := h.buttons(a); mk == nil || len(mk.InlineKeyboard[0]) != 1 || mk.InlineKeyboard[0][0].Text != "原文" {
		t.Fatalf("with only far hits: %+v, want 原文 alone", mk)
	}
}
