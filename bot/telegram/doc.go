// Package telegram is the bot's transport to the Telegram Bot API, built on
// github.com/go-telegram-bot-api/telegram-bot-api/v5 (tgbotapi) but replacing
// the parts of it that lose updates or hang: its update channel confirms
// updates before they are handled, sleeps a fixed 3 s on errors and has no
// context, and its default http.Client has no timeout.
//
// # Client
//
//	func NewClient(ctx context.Context, token, endpoint string, hc *http.Client, log *slog.Logger, opts ...ClientOption) (*Client, error)
//	func (c *Client) Self() tgbotapi.User
//	func (c *Client) Request(ctx context.Context, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) // one attempt
//	func (c *Client) Send(ctx context.Context, ch tgbotapi.Chattable) (tgbotapi.Message, error)        // one attempt
//	func (c *Client) Call(ctx context.Context, method string, params tgbotapi.Params) (*tgbotapi.APIResponse, error)
//	func (c *Client) GetUpdates(ctx context.Context, offset, limit, timeoutSec int) ([]tgbotapi.Update, error)
//	func NewHTTPClient() *http.Client // what NewClient uses when hc is nil
//	ClientOption: WithRetryAfterUnit(d) (tests: retry_after N means N*d), WithCallTimeout(d), WithStartupAttempts(n)
//
// NewClient calls getMe (retrying network errors, 5xx and 429) and fails
// with an error wrapping ErrUnauthorized on 401. Every call carries ctx and a
// per-call deadline. Every error it returns has the token replaced by
// "<token>"; errors.Is/As still see context.Canceled, *APIError and so on.
// A Bot API error reply ({"ok":false,…}) becomes *APIError; an HTTP error
// status with a body that is not JSON (a proxy's HTML 502 page) becomes an
// *APIError with that status; a dropped connection is a network error.
//
//	type APIError struct{ Method string; Code int; Description string; RetryAfter time.Duration; MigrateToChatID int64 }
//	var ErrUnauthorized // errors.Is(err, ErrUnauthorized) for a 401 reply
//	var ErrConflict     // 409: a webhook is set, or another instance polls
//	type RequestError struct{ Method string; Err error } // no Bot API reply: network, timeout, dropped, garbled
//	func Retryable(err error) (retry bool, after time.Duration) // 429 (after = retry_after), 5xx, network, garbled reply
//
// # Sender
//
//	func NewSender(c *Client, opts SenderOptions) *Sender
//	func (s *Sender) Send(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (tgbotapi.Message, error)
//	func (s *Sender) Request(ctx context.Context, chatID int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error)
//
// The Sender is the one way replies leave the bot. Messages and edits wait
// for their chat's limiter (≈1/s, burst 3), groups (chatID < 0) also for
// 20/min, then for the overall limiter (SenderOptions.Rate per second; 0
// lifts every limit). Chat actions (typing…), callback and inline answers and
// chatID 0 are not rate limited. 429 pauses that chat (chatID 0: every chat)
// for retry_after and retries; 5xx, network errors and garbled replies retry
// with exponential backoff and jitter; other errors (400…) are returned at
// once. Each chat waits on its own limiter, so one flooding chat never delays
// another.
//
// # Poller
//
//	type Handler func(ctx context.Context, u tgbotapi.Update) error // error = not handled, deliver again
//	func NewPoller(c *Client, store Store, opts PollerOptions) *Poller
//	func (p *Poller) Run(ctx context.Context, h Handler) error
//	type Store interface{ Load() (State, error); Save(State) error }
//	func NewFileStore(path string) (Store, error)
//	func NewMemoryStore() Store
//
// Run is the getUpdates loop. Updates of one chat are handled in order, of
// different chats concurrently. The offset sent to Telegram only ever moves
// past updates that have been handled, and handled update ids above it are
// kept in the Store, so after a crash or restart unhandled updates come again
// and handled ones are skipped. Run deletes a leftover webhook first (else
// every getUpdates gets 409). Errors back off exponentially with jitter, 429
// waits retry_after. A handler error is retried a few times with backoff,
// then the update is skipped (logged) so one poison update cannot block the
// bot; a handler panic is recovered, logged and skipped. Run returns nil once
// ctx is cancelled, after letting the updates in flight finish (queued ones
// wait for the next run), confirming the offset with a last getUpdates and
// saving the state: within ShutdownGrace (3 s) + 1.5 s. It returns an error
// wrapping ErrUnauthorized on 401.
//
// # Webhook
//
//	func NewWebhookHandler(secret string, h Handler, opts WebhookOptions) http.Handler
//	func SetWebhook(ctx context.Context, c *Client, url, secret string) error
//	func DeleteWebhook(ctx context.Context, c *Client, dropPending bool) error
//	func AllowedUpdates() []string // message, edited_message, callback_query, inline_query
//	const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"
//
// # Fields tgbotapi lacks
//
//	func RawUpdate(ctx context.Context) json.RawMessage // the handled update's JSON (poller and webhook set it)
//	func WithParams(ctx context.Context, params map[string]string, methods ...string) context.Context
//	func ThreadParams(thread int) map[string]string // message_thread_id
//
// The handler's ctx carries the update as Telegram sent it, for fields the
// library's types lack (message_thread_id of forum topics). Calls made with
// a ctx from WithParams carry those parameters too when their method is
// listed (sendMessage in a topic); WithParams(ctx, nil) removes them.
//
// Package telegramtest holds a fake Bot API server for tests.
package telegram
