package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/render"
	"yearbookbot/retrieval"
)

// scopedAsker is an engine that can answer within one yearbook (a place,
// a yearbook title or a file name; "" = the engine's default). Engines
// without it answer from all their yearbooks.
type scopedAsker interface {
	AskIn(ctx context.Context, question, scope string) (retrieval.Answer, error)
}

// Button data of /yearbook: "y:<index>:<crc of the title>" picks a loaded
// yearbook (the checksum makes a button from before a reload that changed
// the list expire rather than pick another book), "y:-" the bot's default.
const (
	dataScope    = "y:"
	dataNoScope  = "y:-"
	allYearbooks = "全部年鉴（机器人的默认设置）"
)

// Replies of /yearbook and /settings.
const (
	scopeAdminsOnly = "只有群管理员可以更改本群的默认年鉴。"
	scopeNoStore    = "没有数据目录，无法保存聊天设置。"
)

// askIn asks within scope when the engine supports it and a scope is set.
func askIn(ctx context.Context, e Engine, q, scope string) (retrieval.Answer, error) {
	if s, ok := e.(scopedAsker); ok && scope != "" {
		return s.AskIn(ctx, q, scope)
	}
	return e.Ask(ctx, q)
}

// scopeOf is chat's chosen yearbook, "" when none is chosen or the chosen
// one is no longer loaded.
func (h *handler) scopeOf(chat int64) string {
	if h.data == nil {
		return ""
	}
	st, err := h.data.ChatSettings(h.chatNow(chat))
	if err != nil {
		h.log.Error("could not read chat settings", "err", err)
		return ""
	}
	if st.Scope == "" {
		return ""
	}
	for _, y := range h.engine.Yearbooks() {
		if y.Title == st.Scope {
			return st.Scope
		}
	}
	return ""
}

// chatCommand answers /yearbook and /settings, in private chats and
// groups; ok is false for any other text.
func (h *handler) chatCommand(ctx context.Context, m *tgbotapi.Message, text string) (reply, bool) {
	c, isCmd := parseCommand(text)
	if !isCmd || !c.forUs(h.self) {
		return reply{}, false
	}
	switch c.name {
	case "yearbook":
		if !h.mayConfigure(ctx, m.Chat, m.From, m.SenderChat) {
			h.metrics.Refusal("admin_only")
			return reply{msg: render.Text(scopeAdminsOnly)}, true
		}
		return h.yearbookPage(m.Chat.ID), true
	case "settings":
		return h.settingsPage(m.Chat), true
	}
	return reply{}, false
}

// yearbookPage lists the loaded yearbooks with a button each.
func (h *handler) yearbookPage(chat int64) reply {
	current := h.scopeOf(chat)
	var b render.Builder
	b.Plain("本聊天提问时默认查询：")
	b.Bold(scopeLabel(current))
	b.Plain("\n点按下面的按钮更改：")
	var rows [][]tgbotapi.InlineKeyboardButton
	for i, y := range h.engine.Yearbooks() {
		label := "《" + y.Title + "》"
		if y.Title == current {
			label = "✓ " + label
		}
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(render.Cut(label, 60), scopeData(i, y.Title))))
	}
	label := allYearbooks
	if current == "" {
		label = "✓ " + label
	}
	rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(label, dataNoScope)))
	mk := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return reply{msg: b.Message(), markup: &mk}
}

func scopeLabel(scope string) string {
	if scope == "" {
		return allYearbooks
	}
	return "《" + scope + "》"
}

func scopeData(i int, title string) string {
	return dataScope + strconv.Itoa(i) + ":" + strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(title))), 36)
}

// settingsPage shows the chat's settings.
func (h *handler) settingsPage(chat *tgbotapi.Chat) reply {
	var b strings.Builder
	fmt.Fprintf(&b, "本聊天的设置：\n默认年鉴：%s（/yearbook 更改）\n", scopeLabel(h.scopeOf(chat.ID)))
	switch {
	case h.data == nil || !h.data.Logging():
		b.WriteString("提问记录：关闭\n")
	default:
		n, err := h.data.ChatQuestions(h.chatNow(chat.ID))
		if err != nil {
			h.log.Error("could not count a chat's questions", "err", err)
		}
		fmt.Fprintf(&b, "提问记录：开启（只存问题和匿名化的聊天标识，不存姓名），本聊天 %d 条\n", n)
	}
	if !chat.IsPrivate() {
		b.WriteString("只有群管理员可以更改设置。")
	}
	return reply{msg: render.Text(strings.TrimSpace(b.String()))}
}

// onScope sets the chat's default yearbook from a /yearbook button.
func (h *handler) onScope(ctx context.Context, cq *tgbotapi.CallbackQuery) error {
	if cq.Message == nil || cq.Message.Chat == nil {
		h.ackCallback(ctx, cq, "这个按钮已失效，请重新发送 /yearbook。")
		return nil
	}
	chat := cq.Message.Chat
	if !h.mayConfigure(ctx, chat, cq.From, nil) {
		h.metrics.Refusal("admin_only")
		h.ackCallback(ctx, cq, scopeAdminsOnly)
		return nil
	}
	scope, ok := h.parseScope(cq.Data)
	if !ok {
		h.ackCallback(ctx, cq, "年鉴列表已更新，请重新发送 /yearbook。")
		return nil
	}
	if h.data == nil {
		h.ackCallback(ctx, cq, scopeNoStore)
		return nil
	}
	st, err := h.data.ChatSettings(h.chatNow(chat.ID))
	if err == nil {
		st.Scope = scope
		err = h.data.SetChatSettings(h.chatNow(chat.ID), st)
	}
	if err != nil {
		h.log.Error("could not save chat settings", "err", err)
		h.ackCallback(ctx, cq, "抱歉，暂时无法保存设置，请稍后再试。")
		return nil
	}
	h.ackCallback(ctx, cq, "已设为："+scopeLabel(scope))
	page := h.yearbookPage(chat.ID)
	ed := tgbotapi.EditMessageTextConfig{
		BaseEdit:  tgbotapi.BaseEdit{ChatID: chat.ID, MessageID: cq.Message.MessageID, ReplyMarkup: page.markup},
		Text:      page.msg.HTML,
		ParseMode: tgbotapi.ModeHTML,
	}
	if _, err := h.out.Request(ctx, chat.ID, ed); err != nil && !strings.Contains(errText(err), "message is not modified") {
		h.log.Info("could not update the /yearbook message", "err", err)
	}
	return nil
}

// parseScope reads /yearbook button data into the title to store.
func (h *handler) parseScope(data string) (string, bool) {
	if data == dataNoScope {
		return "", true
	}
	rest, _ := strings.CutPrefix(data, dataScope)
	idx, _, _ := strings.Cut(rest, ":")
	i, err := strconv.Atoi(idx)
	ybs := h.engine.Yearbooks()
	if err != nil || i < 0 || i >= len(ybs) || scopeData(i, ybs[i].Title) != data {
		return "", false
	}
	return ybs[i].Title, true
}

// mayConfigure reports whether user may change chat's settings: anyone in
// a private chat, administrators in groups (asked with getChatMember; an
// anonymous admin writes as the group itself).
func (h *handler) mayConfigure(ctx context.Context, chat *tgbotapi.Chat, user *tgbotapi.User, senderChat *tgbotapi.Chat) bool {
	if chat.IsPrivate() {
		return true
	}
	if senderChat != nil && senderChat.ID == chat.ID {
		return true
	}
	if user == nil {
		return false
	}
	cfg := tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: chat.ID, UserID: user.ID}}
	resp, err := h.out.Request(ctx, 0, cfg)
	if err != nil {
		h.log.Warn("getChatMember failed; treating the user as no admin", "chat_id", chat.ID, "err", err)
		return false
	}
	var member tgbotapi.ChatMember
	if err := json.Unmarshal(resp.Result, &member); err != nil {
		h.log.Warn("getChatMember: unexpected reply", "err", err)
		return false
	}
	return member.IsCreator() || member.IsAdministrator()
}
