package bot

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/render"
	"yearbookbot/retrieval"
)

// maxMoreSentence bounds each quote of 「更多」, so several passages fit.
const maxMoreSentence = 400

// onCallback answers a button press. Every callback query is answered
// (Telegram shows a spinner until it is), also for unknown or expired data.
func (h *handler) onCallback(ctx context.Context, cq *tgbotapi.CallbackQuery) error {
	answer := func(text string) {
		if _, err := h.out.Request(ctx, 0, tgbotapi.NewCallback(cq.ID, text)); err != nil {
			// An unanswered callback only leaves a spinner for a few
			// seconds; the reply itself matters more.
			h.log.Warn("answerCallbackQuery failed", "err", err)
		}
	}
	chatID := int64(0)
	if cq.Message != nil && cq.Message.Chat != nil {
		chatID = cq.Message.Chat.ID
	} else if cq.From != nil {
		chatID = cq.From.ID
	}
	if !h.isAllowed(chatID) {
		h.metrics.Refusal("chat_not_allowed")
		answer(refusal)
		return nil
	}
	if strings.HasPrefix(cq.Data, dataScope) {
		return h.onScope(ctx, cq)
	}
	if id, v, ok := parseVote(cq.Data); ok {
		return h.onVote(ctx, cq, id, v)
	}
	kind, ids, ok := h.cb.parse(cq.Data)
	if !ok {
		answer("这个按钮已失效，请重新提问。")
		return nil
	}
	var msg render.Message
	switch kind {
	case dataPassage:
		hit, found := h.engine.Passage(ids[0])
		if !found {
			answer("找不到这段原文了，请重新提问。")
			return nil
		}
		msg = render.Passage(hit)
	case dataMore:
		question := ""
		if cq.Message != nil && cq.Message.Chat != nil {
			question, _ = h.questions.get(msgKey{cq.Message.Chat.ID, cq.Message.MessageID})
			if question == "" && cq.Message.ReplyToMessage != nil {
				question = cq.Message.ReplyToMessage.Text
			}
		}
		var facts []retrieval.Fact
		for _, id := range ids {
			if hit, found := h.engine.Passage(id); found {
				facts = append(facts, bestSentence(hit, question))
			}
		}
		if len(facts) == 0 {
			answer("这些段落已找不到了，请重新提问。")
			return nil
		}
		msg = render.More("更多相关内容：", facts)
	}
	answer("")
	if cq.Message == nil || cq.Message.Chat == nil {
		// A message posted through inline mode belongs to a chat the bot
		// may not write to: show the content in that message instead.
		if cq.InlineMessageID == "" {
			return nil
		}
		ed := tgbotapi.EditMessageTextConfig{
			BaseEdit:              tgbotapi.BaseEdit{InlineMessageID: cq.InlineMessageID},
			Text:                  msg.HTML,
			ParseMode:             tgbotapi.ModeHTML,
			DisableWebPagePreview: true,
		}
		if _, err := h.out.Request(ctx, 0, ed); err != nil && !strings.Contains(errText(err), "message is not modified") {
			return h.sendFailed(ctx, err, "inline_message_id", cq.InlineMessageID)
		}
		return nil
	}
	// A new message quoting the answer keeps the answer itself in view.
	cfg := tgbotapi.NewMessage(chatID, msg.HTML)
	cfg.ParseMode = tgbotapi.ModeHTML
	cfg.DisableWebPagePreview = true
	cfg.ReplyToMessageID = cq.Message.MessageID
	cfg.AllowSendingWithoutReply = true
	if _, err := h.send(ctx, chatID, cfg); err != nil {
		return h.sendFailed(ctx, err, "chat_id", chatID)
	}
	return nil
}

// bestSentence picks the sentence of a paragraph that shares the most
// character pairs with the question (the first sentence with a figure when
// there is no question), with its numbers marked as figures.
func bestSentence(hit retrieval.Hit, question string) retrieval.Fact {
	qpairs := pairs(question)
	best, bestScore := "", -1.0
	for _, s := range sentences(hit.Text) {
		score := 0.0
		for p := range pairs(s) {
			if qpairs[p] {
				score++
			}
		}
		if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
			score += 0.5
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	best = render.Cut(best, maxMoreSentence)
	return retrieval.Fact{Text: best, Figures: numberSpans(best), Source: hit.Source}
}

// sentences splits a paragraph after 。！？；, keeping the punctuation.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。！？；!?;", r) {
			end := i + utf8.RuneLen(r)
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func pairs(s string) map[[2]rune]bool {
	out := map[[2]rune]bool{}
	var prev rune
	for i, r := range []rune(s) {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			prev = 0
			continue
		}
		if i > 0 && prev != 0 {
			out[[2]rune{prev, r}] = true
		}
		prev = r
	}
	return out
}

// numberSpans marks runs like "22.4" or "97%" so they show in bold.
func numberSpans(s string) []retrieval.Span {
	var out []retrieval.Span
	start := -1
	for i := 0; i <= len(s); i++ {
		in := i < len(s) && (s[i] >= '0' && s[i] <= '9' || start >= 0 && (s[i] == '.' || s[i] == '%'))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			end := i
			for end > start && s[end-1] == '.' {
				end--
			}
			out = append(out, retrieval.Span{Start: start, End: end})
			start = -1
		}
	}
	return out
}
