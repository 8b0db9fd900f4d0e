// Package bot is everything a user sees of the yearbook bot: it reads a
// Telegram update, decides whether it is meant for the bot, asks the Engine
// and replies through the transport (package bot/telegram).
//
// Where the bot answers:
//   - Private chats: every text message is a question; /start (a deep-link
//     payload is answered as a question), /help, /about and /ask work too.
//     Stickers, photos, voice … get a short hint; a photo's caption is read
//     as its text.
//   - Groups: /ask 问题, /ask@ourbot 问题, messages that @mention the bot and
//     replies to the bot's own messages. Everything else is ignored, also
//     commands addressed to another bot (/ask@otherbot) and non-text messages.
//     Replies quote the asking message.
//   - Never answered: the bot's own messages and those it posted through
//     inline mode, other bots', channel posts, service messages. A question
//     over 256 characters gets a short request for a shorter one.
//   - Inline mode: "@ourbot 问题" returns one card per fact; an empty query
//     offers example questions (choosing one posts it with its answer).
//
// The example questions of /start, /help and inline mode are made at start
// from the loaded yearbooks (see examples.go) and kept only when the engine
// answers them with the figure they were made from.
//
// Every answer carries buttons: 「原文」 sends the whole paragraph with its
// source as a new message replying to the answer (inline messages, which have
// no chat the bot may post to, are edited instead), 「更多」 sends the next best
// passages the same way. Callback data is at most 64 bytes: paragraph ids that
// do not fit are kept in a bounded in-memory table and referenced by number;
// a button whose data is unknown or expired is still answered, with a hint.
//
// With a store (package bot/store; a data folder, or memory), answers also
// carry 👍/👎, counted once per user and answer and kept with the logged
// question; /yearbook picks a chat's default yearbook (group admins only)
// and /settings shows it; /stats gives YEARBOOK_ADMINS the editors' report.
// Replies go to the forum topic they were asked in; a group upgraded to a
// supergroup is answered at its new id and its data moves with it.
//
// AllowedChats holds chat ids. A message from another chat gets a polite
// refusal (in groups only when addressed to the bot); an inline query is
// allowed when the asking user's id is listed, since a user's id is the id
// of their private chat with the bot, and gets an empty result otherwise.
package bot

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// Engine is all the bot needs from question answering (retrieval.*Engine satisfies it).
type Engine interface {
	Ask(ctx context.Context, question string) (retrieval.Answer, error)
	Passage(id string) (retrieval.Hit, bool)
	Yearbooks() []corpus.Yearbook
}

// Options configure Serve.
type Options struct {
	Token         string // never logged
	APIEndpoint   string // format string like "https://api.telegram.org/bot%s/%s"
	WebhookURL    string // set → webhook mode, else long polling
	WebhookSecret string
	Listen        string  // webhook and /healthz address, e.g. ":8080"; "" = no HTTP server in polling mode
	AllowedChats  []int64 // empty = everyone
	SendRate      float64 // overall messages/s; 0 lifts all send limits
	StateFile     string  // where the poller persists handled update ids / offset ("" = memory only)
	// DataDir is the folder of the bot's database (poller state, chat
	// settings, question log, feedback); "" = memory only. With it, an
	// existing StateFile is migrated into the database once.
	DataDir      string
	LogRetention time.Duration // how long questions are logged; 0 = not at all
	Admins       []int64       // user ids allowed /stats
	// Reload: each value received reloads the engine with the loader given
	// to Serve, in the background (SIGHUP in the command). nil = never.
	Reload     <-chan struct{}
	Logger     *slog.Logger
	HTTPClient *http.Client // nil = a client with timeouts
}
