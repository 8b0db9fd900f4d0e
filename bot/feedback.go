package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/store"
)

// Feedback buttons carry "v+<id>" or "v-<id>": the vote and the logged
// question's id in base 36, well under 64 bytes.
const dataVote = "v"

// Labels of the feedback buttons.
const (
	thumbUp   = "👍"
	thumbDown = "👎"
)

// Acknowledgements of a press, by what it did.
var voteReplies = map[store.VoteResult]string{
	store.VoteCounted:  "谢谢反馈！",
	store.VoteChanged:  "已更改你的评价。",
	store.VoteRepeated: "你已经评价过这条回答了。",
	store.VoteUnknown:  "这条回答已不在记录中，无法评价。",
}

// withFeedback adds 👍 and 👎 for the logged question id to mk's first
// row, beside 「原文」 and 「更多」.
func withFeedback(mk *tgbotapi.InlineKeyboardMarkup, id uint64) *tgbotapi.InlineKeyboardMarkup {
	n := strconv.FormatUint(id, 36)
	votes := []tgbotapi.InlineKeyboardButton{
		tgbotapi.NewInlineKeyboardButtonData(thumbUp, dataVote+string(store.Up)+n),
		tgbotapi.NewInlineKeyboardButtonData(thumbDown, dataVote+string(store.Down)+n),
	}
	if mk == nil {
		out := tgbotapi.NewInlineKeyboardMarkup(votes)
		return &out
	}
	rows := append([][]tgbotapi.InlineKeyboardButton{}, mk.InlineKeyboard...)
	rows[0] = append(append([]tgbotapi.InlineKeyboardButton{}, rows[0]...), votes...)
	return &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// parseVote reads feedback button data.
func parseVote(data string) (id uint64, v store.Vote, ok bool) {
	rest, found := strings.CutPrefix(data, dataVote)
	if !found || len(rest) < 2 {
		return 0, 0, false
	}
	v = store.Vote(rest[0])
	if v != store.Up && v != store.Down {
		return 0, 0, false
	}
	id, err := strconv.ParseUint(rest[1:], 36, 64)
	if err != nil || id == 0 {
		return 0, 0, false
	}
	return id, v, true
}

// onVote counts a 👍/👎 press once per user and answer and acknowledges it.
func (h *handler) onVote(ctx context.Context, cq *tgbotapi.CallbackQuery, id uint64, v store.Vote) error {
	res := store.VoteUnknown
	if h.data != nil && cq.From != nil && cq.Message != nil && cq.Message.Chat != nil {
		var err error
		if res, err = h.data.AddVote(id, h.chatNow(cq.Message.Chat.ID), cq.From.ID, v); err != nil {
			h.log.Error("could not store feedback", "err", err)
			h.ackCallback(ctx, cq, "抱歉，暂时无法记录评价，请稍后再试。")
			return nil
		}
	}
	if res == store.VoteCounted || res == store.VoteChanged {
		h.metrics.Feedback(map[store.Vote]string{store.Up: "up", store.Down: "down"}[v])
	}
	h.ackCallback(ctx, cq, voteReplies[res])
	return nil
}

func (h *handler) ackCallback(ctx context.Context, cq *tgbotapi.CallbackQuery, text string) {
	if _, err := h.out.Request(ctx, 0, tgbotapi.NewCallback(cq.ID, text)); err != nil {
		h.log.Warn("answerCallbackQuery failed", "err", err)
	}
}

// logQuestion stores an answered message's question in the question log,
// after the reply went out: the reply does not wait for the disk.
func (h *handler) logQuestion(m *tgbotapi.Message, r reply) {
	if h.data == nil || r.logID == 0 {
		return
	}
	q := store.Question{Time: time.Now(), ChatType: m.Chat.Type, ChatID: h.chatNow(m.Chat.ID), Text: r.question,
		Query: r.answer.Query, Answered: r.answer.Answered, Scope: r.scope}
	if m.From != nil {
		q.UserID = m.From.ID
	}
	if r.answer.Answered {
		for _, f := range r.answer.Facts {
			if id := f.Source.ParagraphID; id != "" && !slices.Contains(q.Cited, id) {
				q.Cited = append(q.Cited, id)
			}
		}
	}
	defer h.metrics.LogWrite()()
	if err := h.data.Log(r.logID, q); err != nil {
		h.log.Error("could not log question", "err", err)
	}
}
