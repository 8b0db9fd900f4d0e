package bot

import (
	"context"
	"fmt"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/render"
	"yearbookbot/bot/telegram"
	"yearbookbot/retrieval"
)

// Telegram shows about this much of a card's title and description.
const (
	maxCardTitle       = 60
	maxCardDescription = 120
)

// onInline answers "@ourbot 问题" with one card per fact: title = the
// fact's figures, description = its source; choosing a card posts that fact
// with its source. An empty query offers the example questions.
func (h *handler) onInline(ctx context.Context, q *tgbotapi.InlineQuery) error {
	cfg := tgbotapi.InlineConfig{InlineQueryID: q.ID, Results: []any{}, CacheTime: inlineCache}
	switch query := strings.TrimSpace(q.Query); {
	case q.From == nil || !h.isAllowed(q.From.ID):
		h.metrics.Refusal("chat_not_allowed")
		// Results for a refused user must not be cached for others.
		cfg.CacheTime, cfg.IsPersonal = 1, true
	case query == "":
		for i, ex := range h.examples {
			cfg.Results = append(cfg.Results, h.card(fmt.Sprint("ex", i), ex.question, "点按发送这个问题和它的答案",
				render.QuestionAndAnswer(ex.question, ex.answer), ex.answer))
		}
	default:
		a, err := h.engine.Ask(ctx, query)
		h.metrics.Answer(answerResult(a, err))
		switch {
		case err != nil:
			h.log.Error("engine failed on inline query", "query_len", len(query), "err", err)
			cfg.CacheTime = 1
			cfg.Results = append(cfg.Results, h.card("err", "暂时无法回答", "请稍后再试", render.Text("抱歉，现在无法回答这个问题，请稍后再试。"), retrieval.Answer{}))
		case a.Problem != "":
			cfg.Results = append(cfg.Results, h.card("problem", a.Problem, query, render.Text(a.Problem), retrieval.Answer{}))
		case !a.Answered || len(a.Facts) == 0:
			cfg.Results = append(cfg.Results, h.card("none", "年鉴中没有找到答案", "问题："+query, render.Answer(a), retrieval.Answer{}))
		default:
			for i, f := range a.Facts {
				if i == maxInline {
					break
				}
				title := strings.Join(render.Figures(f), "、")
				if title == "" {
					title = f.Text
				}
				one := retrieval.Answer{Question: a.Question, Answered: true, Facts: []retrieval.Fact{f}}
				cfg.Results = append(cfg.Results, h.card(fmt.Sprint("f", i), title, "📖 "+render.SourceLabel(f.Source, false), render.Answer(one), one))
			}
		}
	}
	if _, err := h.out.Request(ctx, 0, cfg); err != nil {
		return h.sendFailed(ctx, err, "inline_query", q.ID)
	}
	return nil
}

// card is one inline result; its message carries the 「原文」 button of a
// fact's paragraph, which then edits the posted message in place.
func (h *handler) card(id, title, description string, msg render.Message, a retrieval.Answer) tgbotapi.InlineQueryResultArticle {
	art := tgbotapi.NewInlineQueryResultArticleHTML(id, render.Cut(oneLine(title), maxCardTitle), msg.HTML)
	art.Description = render.Cut(oneLine(description), maxCardDescription)
	art.InputMessageContent = telegram.TextContent{Text: msg.HTML, ParseMode: tgbotapi.ModeHTML, LinkPreview: &telegram.LinkPreviewOptions{IsDisabled: true}}
	if a.Answered && len(a.Facts) > 0 && a.Facts[0].Source.ParagraphID != "" {
		mk := tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
			tgbotapi.NewInlineKeyboardButtonData("原文", h.cb.passage(a.Facts[0].Source.ParagraphID))))
		art.ReplyMarkup = &mk
	}
	return art
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
