package telegram

import (
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// tgbotapi v5 writes reply_to_message_id, allow_sending_without_reply and
// disable_web_page_preview, which Bot API 7.0 deprecated for
// reply_parameters and link_preview_options. The bot keeps building
// tgbotapi's configs; the messages and edits among them go out here with
// the current fields, written as raw JSON. Everything else goes as tgbotapi
// writes it.

// ReplyParameters is the Bot API's reply_parameters.
type ReplyParameters struct {
	MessageID                int  `json:"message_id"`
	AllowSendingWithoutReply bool `json:"allow_sending_without_reply,omitempty"`
}

// LinkPreviewOptions is the Bot API's link_preview_options.
type LinkPreviewOptions struct {
	IsDisabled bool `json:"is_disabled"`
}

// TextContent is an inline result's input_message_content for a text
// message: tgbotapi's InputTextMessageContent has only the deprecated
// disable_web_page_preview.
type TextContent struct {
	Text        string              `json:"message_text"`
	ParseMode   string              `json:"parse_mode,omitempty"`
	LinkPreview *LinkPreviewOptions `json:"link_preview_options,omitempty"`
}

// currentParams returns the method and parameters of a message or an edit
// with the current fields; ok is false for any other Chattable.
func currentParams(ch tgbotapi.Chattable) (method string, p tgbotapi.Params, ok bool, err error) {
	switch c := ch.(type) {
	case tgbotapi.MessageConfig:
		p, err = messageParams(c)
		return "sendMessage", p, true, err
	case *tgbotapi.MessageConfig:
		p, err = messageParams(*c)
		return "sendMessage", p, true, err
	case tgbotapi.EditMessageTextConfig:
		p, err = editParams(c)
		return "editMessageText", p, true, err
	case *tgbotapi.EditMessageTextConfig:
		p, err = editParams(*c)
		return "editMessageText", p, true, err
	}
	return "", nil, false, nil
}

func messageParams(c tgbotapi.MessageConfig) (tgbotapi.Params, error) {
	p := tgbotapi.Params{}
	if err := p.AddFirstValid("chat_id", c.ChatID, c.ChannelUsername); err != nil {
		return nil, err
	}
	p.AddNonEmpty("text", c.Text)
	p.AddNonEmpty("parse_mode", c.ParseMode)
	p.AddBool("disable_notification", c.DisableNotification)
	var errs []error
	if c.ReplyToMessageID != 0 {
		errs = append(errs, p.AddInterface("reply_parameters", ReplyParameters{MessageID: c.ReplyToMessageID, AllowSendingWithoutReply: c.AllowSendingWithoutReply}))
	}
	if c.DisableWebPagePreview {
		errs = append(errs, p.AddInterface("link_preview_options", LinkPreviewOptions{IsDisabled: true}))
	}
	errs = append(errs, p.AddInterface("entities", c.Entities), p.AddInterface("reply_markup", c.ReplyMarkup))
	return p, firstErr(errs)
}

func editParams(c tgbotapi.EditMessageTextConfig) (tgbotapi.Params, error) {
	p := tgbotapi.Params{}
	if c.InlineMessageID != "" {
		p["inline_message_id"] = c.InlineMessageID
	} else {
		if err := p.AddFirstValid("chat_id", c.ChatID, c.ChannelUsername); err != nil {
			return nil, err
		}
		p.AddNonZero("message_id", c.MessageID)
	}
	p["text"] = c.Text
	p.AddNonEmpty("parse_mode", c.ParseMode)
	var errs []error
	if c.DisableWebPagePreview {
		errs = append(errs, p.AddInterface("link_preview_options", LinkPreviewOptions{IsDisabled: true}))
	}
	errs = append(errs, p.AddInterface("entities", c.Entities), p.AddInterface("reply_markup", c.ReplyMarkup))
	return p, firstErr(errs)
}

func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("encode parameters: %w", err)
		}
	}
	return nil
}
