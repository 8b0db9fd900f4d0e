package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/render"
	"yearbookbot/bot/telegram"
)

// statsRows bounds each list of /stats; `yearbookbot report` has them all.
const statsRows = 5

// statsCommand is shown in the menu of admins' private chats only.
var statsCommand = tgbotapi.BotCommand{Command: "stats", Description: "提问统计（仅管理员）"}

const statsRefusal = "这个命令只对机器人的管理员开放。"

// adminCommand answers /stats in a private chat: the editors' report to a
// user listed in Options.Admins, a refusal to anyone else. ok is false
// for any other text.
func (h *handler) adminCommand(m *tgbotapi.Message, text string) (reply, bool) {
	c, isCmd := parseCommand(text)
	if !isCmd || c.name != statsCommand.Command || !c.forUs(h.self) {
		return reply{}, false
	}
	if m.From == nil || !h.admins[m.From.ID] {
		h.metrics.Refusal("admin_only")
		return reply{msg: render.Text(statsRefusal)}, true
	}
	return reply{msg: render.Text(h.statsText())}, true
}

// statsText is the report's summary in Chinese, over the retained log.
func (h *handler) statsText() string {
	if h.data == nil || !h.data.Logging() {
		return "没有记录提问（YEARBOOK_LOG_RETENTION 为 0 或未设置数据目录）。"
	}
	r, err := h.data.Report(time.Time{}, statsRows)
	if err != nil {
		h.log.Error("stats: report failed", "err", err)
		return "抱歉，现在无法读取统计，请稍后再试。"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "提问 %d 次，回答 %d 次；👍 %d，👎 %d。\n", r.Questions, r.Answered, r.Up, r.Down)
	b.WriteString("\n未能回答最多的问题：\n")
	if len(r.Unanswered) == 0 {
		b.WriteString("（无）\n")
	}
	for _, q := range r.Unanswered {
		fmt.Fprintf(&b, "%d× %s\n", q.Count, q.Question)
	}
	b.WriteString("\n被点 👎 的回答：\n")
	if len(r.Disliked) == 0 {
		b.WriteString("（无）\n")
	}
	for _, d := range r.Disliked {
		fmt.Fprintf(&b, "%d👎 %s〔%s〕\n", d.Down, d.Question, strings.Join(d.Cited, "、"))
	}
	b.WriteString("\n引用最多的段落：\n")
	if len(r.Cited) == 0 {
		b.WriteString("（无）\n")
	}
	for _, c := range r.Cited {
		fmt.Fprintf(&b, "%d× %s\n", c.Count, c.ID)
	}
	b.WriteString("\n完整报告：yearbookbot report")
	return b.String()
}

// registerAdminCommands adds /stats to the menu of each admin's private
// chat (command scope "chat"). An admin who never started the bot has no
// chat with it yet: Telegram refuses, which is logged, not fatal.
func registerAdminCommands(ctx context.Context, s *telegram.Sender, admins []int64, log *slog.Logger) error {
	cmds := append(append([]tgbotapi.BotCommand{}, commandsFor("")...), statsCommand)
	for _, id := range admins {
		cfg := tgbotapi.NewSetMyCommandsWithScope(tgbotapi.NewBotCommandScopeChat(id), cmds...)
		if _, err := s.Request(ctx, 0, cfg); err != nil {
			if retry, _ := telegram.Retryable(err); retry || ctx.Err() != nil {
				return fmt.Errorf("setMyCommands for an admin: %w", err)
			}
			log.Warn("setMyCommands for an admin's private chat failed (has the admin started the bot?)", "err", err)
		}
	}
	return nil
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
