package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/metrics"
	"yearbookbot/bot/render"
	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram"
	"yearbookbot/retrieval"
)

// sender is what the handler needs of the transport: *telegram.Sender in
// production, a recorder in unit tests. chatID 0 means "not bound to a
// chat" (inline and callback answers, chat actions).
type sender interface {
	Send(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (tgbotapi.Message, error)
	Request(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error)
}

// Sizes of the handler's memories; each entry is a few dozen bytes.
const (
	repliesSize  = 10000 // asking message → our reply, for edits
	questionSize = 10000 // our answer → its question, for 「更多」
	stashSize    = 10000 // callback data that did not fit 64 bytes
	movedSize    = 1000  // groups upgraded to supergroups while running
	numExamples  = 5
	maxMoreIDs   = 5
	minMoreScore = 0.2 // of the best hit's score, for a passage offered by 「更多」
	inlineCache  = 10  // seconds Telegram may cache inline results
	maxInline    = 50  // Telegram's limit on inline results
)

// typingDelay is how long an answer may take before "typing…" is shown;
// typingTimeout bounds sending it.
const (
	typingDelay   = 300 * time.Millisecond
	typingTimeout = 2 * time.Second
)

// maxQuestionRunes bounds a question; Telegram's own limit on an inline
// query is the same.
const maxQuestionRunes = 256

type msgKey struct {
	chat int64
	msg  int
}

// handler turns updates into replies. It is safe for concurrent use: the
// poller hands it updates of different chats at once.
type handler struct {
	engine  Engine
	out     sender
	self    tgbotapi.User
	allowed map[int64]bool // nil = everyone
	log     *slog.Logger

	titles   []string
	examples []example
	cb       *callbacks
	// replies remembers which of our messages answered a user's message,
	// so an edited question edits its answer.
	replies *lru[msgKey, int]
	// questions remembers the question each of our answers answered, so
	// 「更多」 can pick each passage's best sentence for it.
	questions   *lru[msgKey, string]
	typingDelay time.Duration

	// data is the question log, feedback and chat settings; nil = none
	// (the console).
	data   *store.Store
	admins map[int64]bool // user ids allowed /stats
	// moved remembers groups upgraded to supergroups (old id → new), so
	// what an update of the old id logs goes to the new one.
	moved   *lru[int64, int64]
	metrics *metrics.Metrics // nil = not counted
}

type example struct {
	question string
	answer   retrieval.Answer
}

// newHandler prepares the handler; it asks the engine the candidate example
// questions once, so /help only shows questions that get an answer.
func newHandler(ctx context.Context, e Engine, out sender, self tgbotapi.User, allowed []int64, log *slog.Logger) *handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &handler{
		engine:      e,
		out:         out,
		self:        self,
		log:         log,
		cb:          newCallbacks(stashSize),
		replies:     newLRU[msgKey, int](repliesSize),
		questions:   newLRU[msgKey, string](questionSize),
		typingDelay: typingDelay,
		moved:       newLRU[int64, int64](movedSize),
	}
	if len(allowed) > 0 {
		h.allowed = make(map[int64]bool, len(allowed))
		for _, id := range allowed {
			h.allowed[id] = true
		}
	}
	for _, y := range e.Yearbooks() {
		h.titles = append(h.titles, y.Title)
	}
	h.examples = exampleQuestions(ctx, e, numExamples)
	return h
}

func (h *handler) isAllowed(chatID int64) bool {
	return h.allowed == nil || h.allowed[chatID]
}

// reply is what the bot says, before it is sent to Telegram or printed.
type reply struct {
	msg      render.Message
	markup   *tgbotapi.InlineKeyboardMarkup
	question string // the question answered, "" for other replies
	answer   retrieval.Answer
	logID    uint64 // the id the question is logged under, 0 = not logged
	scope    string
}

// handle is the telegram.Handler. A panic is recovered, logged and
// answered with an apology; the update then counts as handled, since
// delivering it again would only panic again.
func (h *handler) handle(ctx context.Context, u tgbotapi.Update) (err error) {
	var st updateState
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("panic while handling update", "update_id", u.UpdateID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			h.apologize(ctx, u, &st)
			err = nil
		}
	}()
	ctx = inTopic(ctx)
	h.metrics.Update(updateKind(u))
	defer h.metrics.InFlight()()
	switch {
	case u.Message != nil:
		return h.onMessage(ctx, u.Message, false, &st)
	case u.EditedMessage != nil:
		return h.onMessage(ctx, u.EditedMessage, true, &st)
	case u.CallbackQuery != nil:
		return h.onCallback(ctx, u.CallbackQuery)
	case u.InlineQuery != nil:
		return h.onInline(ctx, u.InlineQuery)
	}
	return nil
}

// updateState records what a panic's apology needs to know: whether the
// message was meant for the bot at all.
type updateState struct {
	addressed bool
}

const apology = "抱歉，处理这条消息时出了问题，请稍后再试。"

func (h *handler) apologize(ctx context.Context, u tgbotapi.Update, st *updateState) {
	var err error
	switch {
	case u.Message != nil || u.EditedMessage != nil:
		m := u.Message
		if m == nil {
			m = u.EditedMessage
		}
		if m.Chat == nil || !(m.Chat.IsPrivate() || st.addressed || h.addressedWithoutEntities(m)) {
			return
		}
		_, err = h.out.Send(ctx, m.Chat.ID, h.messageConfig(m, reply{msg: render.Text(apology)}))
	case u.CallbackQuery != nil:
		_, err = h.out.Request(ctx, 0, tgbotapi.NewCallback(u.CallbackQuery.ID, apology))
	case u.InlineQuery != nil:
		_, err = h.out.Request(ctx, 0, tgbotapi.InlineConfig{InlineQueryID: u.InlineQuery.ID, Results: []any{}, CacheTime: 1, IsPersonal: true})
	}
	if err != nil {
		h.log.Warn("could not send apology", "update_id", u.UpdateID, "err", err)
	}
}

// addressedWithoutEntities tells whether a group message was meant for the
// bot when the handler panicked before deciding it, possibly in reading the
// message's entities: so it reads the text alone, and a second panic means
// no.
func (h *handler) addressedWithoutEntities(m *tgbotapi.Message) (yes bool) {
	defer func() {
		if recover() != nil {
			yes = false
		}
	}()
	return h.addressed(incoming{msg: m, text: cmp.Or(m.Text, m.Caption)})
}

// onMessage answers a new or edited message.
func (h *handler) onMessage(ctx context.Context, m *tgbotapi.Message, edited bool, st *updateState) error {
	if m.Chat == nil || m.Chat.IsChannel() || h.ignored(m) {
		return nil
	}
	if m.MigrateToChatID != 0 {
		// The service message of an upgrade: move the chat's data now.
		h.migrate(m.Chat.ID, m.MigrateToChatID)
	}
	start := time.Now()
	private := m.Chat.IsPrivate()
	// A photo or document with a caption asks in its caption; Telegram
	// marks commands and mentions there in caption_entities.
	text, ents := m.Text, m.Entities
	if text == "" && m.Caption != "" {
		text, ents = m.Caption, m.CaptionEntities
	}
	in := incoming{msg: m, text: text, entities: ents}
	var (
		r  reply
		ok bool
	)
	ask := func(q string) (reply, bool) {
		return h.askShowingTyping(ctx, m.Chat.ID, q, h.scopeOf(m.Chat.ID)), true
	}
	switch {
	case !h.isAllowed(m.Chat.ID):
		if edited || !private && !h.addressed(in) || private && h.forOtherBot(text) {
			return nil
		}
		st.addressed = true
		h.metrics.Refusal("chat_not_allowed")
		r, ok = reply{msg: render.Text(refusal)}, true
	case strings.TrimSpace(text) == "":
		// Stickers, photos, voice… and message kinds this library does not
		// know get a hint in private chats; service messages (pins, members
		// joining) are not addressed to anyone.
		if !private || serviceMessage(m) {
			return nil
		}
		r, ok = reply{msg: render.Text(nonTextHint)}, true
	case private:
		st.addressed = true
		if r, ok = h.adminCommand(m, text); !ok {
			if r, ok = h.chatCommand(ctx, m, text); !ok {
				r, ok = h.private(ctx, text, ask)
			}
		}
	default:
		if r, ok = h.chatCommand(ctx, m, text); ok {
			st.addressed = true
		} else {
			r, ok = h.group(ctx, in, st, ask)
		}
	}
	if !ok {
		return nil
	}
	if err := h.deliver(ctx, m, r, edited); err != nil {
		return err
	}
	if r.question != "" {
		h.metrics.Latency(time.Since(start))
	}
	h.logQuestion(m, r)
	return nil
}

// Replies that are not answers.
const (
	refusal     = "抱歉，这个机器人只在指定的聊天中提供服务。"
	nonTextHint = "我只能回答文字提出的问题。请用一句话问我年鉴里的内容，比如数字、时间、排名。发送 /help 查看示例。"
)

// incoming is a message with the text it asks in: its text, or the
// caption of a photo or document.
type incoming struct {
	msg      *tgbotapi.Message
	text     string
	entities []tgbotapi.MessageEntity
}

// ignored reports messages no one meant the bot to answer: its own, those
// it posted through inline mode (via_bot), other bots' and channel posts
// forwarded into a discussion group. An anonymous group admin writes as
// the "GroupAnonymousBot" user with sender_chat set to the group: a person,
// so answered.
func (h *handler) ignored(m *tgbotapi.Message) bool {
	switch {
	case m.IsAutomaticForward:
		return true
	case m.ViaBot != nil && m.ViaBot.ID == h.self.ID:
		return true
	case m.From == nil:
		return false
	case m.From.ID == h.self.ID:
		return true
	}
	return m.From.IsBot && m.SenderChat == nil
}

// forOtherBot reports a command addressed to another bot ("/ask@otherbot").
func (h *handler) forOtherBot(text string) bool {
	c, ok := parseCommand(text)
	return ok && !c.forUs(h.self)
}

// askShowingTyping answers q, showing "typing…" in the chat when the
// answer takes longer than typingDelay: quick replies come without a
// flicker before them, and the indicator never follows the reply.
func (h *handler) askShowingTyping(ctx context.Context, chatID int64, q, scope string) reply {
	var (
		mu   sync.Mutex
		done bool
	)
	t := time.AfterFunc(h.typingDelay, func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		// Bounded: the answer waits for an indicator being sent.
		tctx, cancel := context.WithTimeout(ctx, typingTimeout)
		defer cancel()
		if _, err := h.out.Request(tctx, chatID, tgbotapi.NewChatAction(chatID, tgbotapi.ChatTyping)); err != nil {
			h.log.Debug("typing action failed", "chat_id", chatID, "err", err)
		}
	})
	r := h.answerIn(ctx, q, scope)
	t.Stop()
	mu.Lock()
	done = true
	mu.Unlock()
	return r
}

// serviceMessage reports messages Telegram posts about the chat itself.
func serviceMessage(m *tgbotapi.Message) bool {
	return m.NewChatMembers != nil || m.LeftChatMember != nil || m.NewChatTitle != "" || m.NewChatPhoto != nil ||
		m.DeleteChatPhoto || m.GroupChatCreated || m.SuperGroupChatCreated || m.ChannelChatCreated ||
		m.MessageAutoDeleteTimerChanged != nil || m.MigrateToChatID != 0 || m.MigrateFromChatID != 0 ||
		m.PinnedMessage != nil || m.SuccessfulPayment != nil || m.ConnectedWebsite != "" || m.PassportData != nil ||
		m.ProximityAlertTriggered != nil || m.VoiceChatScheduled != nil || m.VoiceChatStarted != nil ||
		m.VoiceChatEnded != nil || m.VoiceChatParticipantsInvited != nil
}

// addressed reports whether a group message is meant for the bot.
func (h *handler) addressed(in incoming) bool {
	if c, ok := parseCommand(in.text); ok {
		return c.forUs(h.self) && (c.at != "" || c.name == "ask" || c.name == "start" || c.name == "help" || c.name == "about" ||
			c.name == "yearbook" || c.name == "settings")
	}
	if _, ok := mentions(in.text, in.entities, h.self); ok {
		return true
	}
	rm := in.msg.ReplyToMessage
	return rm != nil && rm.From != nil && rm.From.ID == h.self.ID
}

// private is the dialogue of a private chat, shared with Console: every
// text is a question, commands aside. ok is false for a command addressed
// to another bot.
func (h *handler) private(ctx context.Context, text string, ask func(string) (reply, bool)) (reply, bool) {
	c, isCmd := parseCommand(text)
	if !isCmd {
		if q, ok := mentions(text, nil, h.self); ok {
			text = q
		}
		if strings.TrimSpace(text) == "" {
			return h.welcome(), true
		}
		return ask(text)
	}
	if !c.forUs(h.self) {
		return reply{}, false
	}
	switch c.name {
	case "start":
		if q := decodeStartPayload(c.args); q != "" {
			return ask(q)
		}
		return h.welcome(), true
	case "help":
		return h.help(), true
	case "about":
		return h.about(), true
	case "ask":
		if c.args == "" {
			return h.askUsage(), true
		}
		return ask(c.args)
	}
	return reply{msg: render.Text("我不认识这个命令。直接发送问题即可，或发送 /help 查看用法。")}, true
}

// group answers only what is addressed to the bot: our commands, mentions
// of the bot and replies to its messages.
func (h *handler) group(ctx context.Context, in incoming, st *updateState, ask func(string) (reply, bool)) (reply, bool) {
	m := in.msg
	if c, ok := parseCommand(in.text); ok {
		if !c.forUs(h.self) {
			return reply{}, false
		}
		switch c.name {
		case "ask":
			st.addressed = true
			if c.args != "" {
				return ask(c.args)
			}
			// "/ask" sent as a reply asks the replied message's question.
			if rm := m.ReplyToMessage; rm != nil && (rm.From == nil || rm.From.ID != h.self.ID) {
				if q := cmp.Or(rm.Text, rm.Caption); strings.TrimSpace(q) != "" {
					return ask(q)
				}
			}
			return h.askUsage(), true
		case "start", "help", "about":
			st.addressed = true
			return h.private(ctx, in.text, ask)
		}
		// Other commands may be for other bots in the group.
		return reply{}, false
	}
	if q, ok := mentions(in.text, in.entities, h.self); ok {
		st.addressed = true
		if q == "" {
			return h.askUsage(), true
		}
		return ask(q)
	}
	if rm := m.ReplyToMessage; rm != nil && rm.From != nil && rm.From.ID == h.self.ID {
		st.addressed = true
		return ask(in.text)
	}
	return reply{}, false
}

// answer asks the engine and renders the answer with its buttons.
func (h *handler) answer(ctx context.Context, q string) reply { return h.answerIn(ctx, q, "") }

// answerIn is answer within a chat's chosen yearbook ("" = the default).
func (h *handler) answerIn(ctx context.Context, q, scope string) reply {
	if n := utf8.RuneCountInString(q); n > maxQuestionRunes {
		// A pasted article is no question; asking the engine about it
		// would only cost time and quote at random.
		return reply{msg: render.Text(fmt.Sprintf("这条消息太长了（%d 字）。请用一两句话提问，不超过 %d 字。", n, maxQuestionRunes))}
	}
	a, err := askIn(ctx, h.engine, q, scope)
	h.metrics.Answer(answerResult(a, err))
	if err != nil {
		h.log.Error("engine failed", "question_len", len(q), "err", err)
		return reply{msg: render.Text("抱歉，现在无法回答这个问题，请稍后再试。")}
	}
	r := reply{msg: render.Answer(a), markup: h.buttons(a), question: q, answer: a, scope: scope}
	if a.Problem == "" && h.data != nil && h.data.Logging() {
		r.logID = h.data.NewID()
		r.markup = withFeedback(r.markup, r.logID)
	}
	return r
}

// buttons are 「原文」 (the paragraph of the first fact) and 「更多」 (the next
// best paragraphs not quoted yet, when any is close enough to matter); a
// not-found answer offers the closest.
func (h *handler) buttons(a retrieval.Answer) *tgbotapi.InlineKeyboardMarkup {
	if a.Problem != "" {
		return nil
	}
	var row []tgbotapi.InlineKeyboardButton
	shown := map[string]bool{}
	if a.Answered && len(a.Facts) > 0 {
		for _, f := range a.Facts {
			shown[f.Source.ParagraphID] = true
		}
		if id := a.Facts[0].Source.ParagraphID; id != "" {
			row = append(row, tgbotapi.NewInlineKeyboardButtonData("原文", h.cb.passage(id)))
		}
	}
	var more []string
	best := 0.0
	for _, hit := range a.Hits {
		best = max(best, hit.Score)
	}
	for _, hit := range a.Hits {
		if hit.ParagraphID == "" || shown[hit.ParagraphID] {
			continue
		}
		// Far weaker hits only share a word or two with the question:
		// 「更多」 of those would read as noise.
		if hit.Score < minMoreScore*best {
			continue
		}
		shown[hit.ParagraphID] = true
		more = append(more, hit.ParagraphID)
		if len(more) == maxMoreIDs {
			break
		}
	}
	if len(more) > 0 {
		row = append(row, tgbotapi.NewInlineKeyboardButtonData("更多", h.cb.more(more)))
	}
	if len(row) == 0 {
		return nil
	}
	mk := tgbotapi.NewInlineKeyboardMarkup(row)
	return &mk
}

// deliver sends r in reply to m, or edits our earlier reply when m is an
// edited question we answered before.
func (h *handler) deliver(ctx context.Context, m *tgbotapi.Message, r reply, edited bool) error {
	key := msgKey{m.Chat.ID, m.MessageID}
	if edited {
		if id, ok := h.replies.get(key); ok {
			ed := tgbotapi.EditMessageTextConfig{
				BaseEdit:              tgbotapi.BaseEdit{ChatID: m.Chat.ID, MessageID: id, ReplyMarkup: r.markup},
				Text:                  r.msg.HTML,
				ParseMode:             tgbotapi.ModeHTML,
				DisableWebPagePreview: true,
			}
			_, err := h.out.Request(ctx, m.Chat.ID, ed)
			if err == nil || strings.Contains(errText(err), "message is not modified") {
				h.remember(m.Chat.ID, id, r)
				return nil
			}
			if retry, _ := telegram.Retryable(err); retry || ctx.Err() != nil {
				return fmt.Errorf("edit reply %d in chat %d: %w", id, m.Chat.ID, err)
			}
			// The reply was deleted or is too old to edit: answer anew.
			h.log.Info("could not edit earlier reply, sending a new one", "chat_id", m.Chat.ID, "err", err)
		}
	}
	sent, err := h.send(ctx, m.Chat.ID, h.messageConfig(m, r))
	if err != nil {
		return h.sendFailed(ctx, err, "chat_id", m.Chat.ID)
	}
	h.replies.put(key, sent.MessageID)
	h.remember(m.Chat.ID, sent.MessageID, r)
	return nil
}

func (h *handler) remember(chat int64, msgID int, r reply) {
	if r.question != "" && msgID != 0 {
		h.questions.put(msgKey{chat, msgID}, r.question)
	}
}

// messageConfig is a reply to m: HTML, no link previews, quoting m in
// groups and for edited questions (where the answer may come later).
func (h *handler) messageConfig(m *tgbotapi.Message, r reply) tgbotapi.MessageConfig {
	cfg := tgbotapi.NewMessage(m.Chat.ID, r.msg.HTML)
	cfg.ParseMode = tgbotapi.ModeHTML
	cfg.DisableWebPagePreview = true
	if r.markup != nil {
		cfg.ReplyMarkup = *r.markup
	}
	if !m.Chat.IsPrivate() || m.EditDate != 0 {
		cfg.ReplyToMessageID = m.MessageID
		cfg.AllowSendingWithoutReply = true
	}
	return cfg
}

// sendFailed decides what a failed send means for the update: a failure a
// retry may fix (429, 5xx, network, shutdown) leaves it unhandled so it is
// delivered again; anything else (blocked by the user, 400) is logged and
// the update counts as handled, since repeating it would fail the same way.
func (h *handler) sendFailed(ctx context.Context, err error, args ...any) error {
	if retry, _ := telegram.Retryable(err); retry || ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return fmt.Errorf("send reply: %w", err)
	}
	h.log.Warn("reply rejected", append(args, "err", err)...)
	return nil
}

func errText(err error) string {
	var ae *telegram.APIError
	if errors.As(err, &ae) {
		return ae.Description
	}
	return err.Error()
}
