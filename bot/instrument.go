package bot

import (
	"context"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/metrics"
	"yearbookbot/retrieval"
)

// updateKind is the "type" label of an update.
func updateKind(u tgbotapi.Update) string {
	switch {
	case u.Message != nil:
		return "message"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.CallbackQuery != nil:
		return "callback_query"
	case u.InlineQuery != nil:
		return "inline_query"
	}
	return "other"
}

// answerResult is the "result" label of an answer.
func answerResult(a retrieval.Answer, err error) string {
	switch {
	case err != nil:
		return metrics.Error
	case a.Problem != "":
		return metrics.Problem
	case a.Answered:
		return metrics.Answered
	}
	return metrics.NotFound
}

// countingSender counts the calls waiting in the transport's Sender (rate
// limits, retries) for the metrics.
type countingSender struct {
	sender
	m *metrics.Metrics
}

func (c countingSender) Send(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (tgbotapi.Message, error) {
	defer c.m.Sending()()
	return c.sender.Send(ctx, chatID, ch)
}

func (c countingSender) Request(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	defer c.m.Sending()()
	return c.sender.Request(ctx, chatID, ch)
}
