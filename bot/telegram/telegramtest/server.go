// Package telegramtest is a fake Telegram Bot API server for tests: an
// httptest server speaking the real protocol (/bot<TOKEN>/<method>, form,
// multipart or JSON parameters, {"ok":…} replies) to the real tgbotapi
// client.
//
// It queues updates and serves them through getUpdates like Telegram (an
// offset confirms and forgets every update below it; a long poll returns as
// soon as an update is queued), answers sendMessage/editMessageText with
// messages of increasing ids, records every call, injects faults per method
// (429 with retry_after, 5xx, an HTML 502 page, a dropped connection), and
// checks every text the bot sends: valid Telegram HTML for parse_mode HTML,
// at most 4096 characters visible, callback data at most 64 bytes. A text
// Telegram would refuse gets Telegram's 400 and is recorded as a Violation,
// so a test can assert there were none.
//
//	srv := telegramtest.NewServer(t)
//	c, _ := telegram.NewClient(ctx, srv.Token, srv.Endpoint(), nil, nil)
//	srv.AddText(telegramtest.Private(42), "问题")
//	msgs, err := srv.WaitSent(ctx, 1)
package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// DefaultToken is the token the server accepts unless WithToken says otherwise.
const DefaultToken = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz"

// Call is one request the server got.
type Call struct {
	Method string
	Params map[string]string
	Time   time.Time
	Status int // HTTP status replied (0 for a dropped connection)
}

// Message is one message the bot sent or edited successfully.
type Message struct {
	Method          string // sendMessage, editMessageText
	ChatID          int64
	MessageID       int
	InlineMessageID string
	Text            string // as sent (HTML source for parse_mode HTML)
	Visible         string // what the user sees
	ParseMode       string
	ReplyTo         int
	ReplyMarkup     string // raw JSON
	NoPreview       bool
	ThreadID        int // message_thread_id: the forum topic it was sent to
	Time            time.Time
}

// Violation is a call Telegram would have refused for its content.
type Violation struct {
	Method  string
	ChatID  string
	Text    string
	Problem string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s to chat %s: %s (text %q)", v.Method, v.ChatID, v.Problem, v.Text)
}

// Fault is an injected failure, replied instead of the real answer.
type Fault struct {
	Code        int    // HTTP status and error_code: 429, 500, 502, 400, 401, 409…
	RetryAfter  int    // 429's retry_after in seconds (scale it with the client's WithRetryAfterUnit)
	Description string // "" = Telegram's usual text for Code
	HTML        bool   // reply an HTML page instead of a Bot API reply, like a proxy's 502
	Drop        bool   // close the connection without any reply
	Delay       time.Duration
	MigrateTo   int64 // a 400's migrate_to_chat_id: the group became this supergroup
}

// TooManyRequests is Telegram's flood-control reply.
func TooManyRequests(retryAfter int) Fault { return Fault{Code: 429, RetryAfter: retryAfter} }

// ServerError is a Bot API reply with a 5xx code.
func ServerError(code int) Fault { return Fault{Code: code} }

// BadGatewayPage is an nginx-style HTML 502 page.
func BadGatewayPage() Fault { return Fault{Code: 502, HTML: true} }

// DropConnection closes the connection after reading the request.
func DropConnection() Fault { return Fault{Drop: true} }

// Option configures a Server.
type Option func(*Server)

// WithToken sets the token the server accepts.
func WithToken(token string) Option { return func(s *Server) { s.Token = token } }

// WithBot sets the bot's own user (getMe).
func WithBot(u tgbotapi.User) Option { return func(s *Server) { s.bot = u } }

// WithoutLog keeps only counts of calls and sent messages, not the calls
// and messages themselves, for benchmarks that send many thousands.
// Violations are still recorded.
func WithoutLog() Option { return func(s *Server) { s.noLog = true } }

// WithSendHook calls f (outside the server's lock) for every message sent
// or edited, e.g. to measure latency per update via Message.ReplyTo.
func WithSendHook(f func(Message)) Option { return func(s *Server) { s.hook = f } }

// WithMaxLongPoll caps getUpdates' timeout (default 10 s), so a test that
// forgets to cancel a poller does not hang for Telegram's 50 s.
func WithMaxLongPoll(d time.Duration) Option { return func(s *Server) { s.maxPoll = d } }

// Server is the fake Bot API. Its methods are safe for concurrent use.
type Server struct {
	URL   string
	Token string

	srv       *httptest.Server
	bot       tgbotapi.User
	noLog     bool
	hook      func(Message)
	maxPoll   time.Duration
	closed    chan struct{}
	closeOnce sync.Once

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every change, to wake waiters
	lastUpdate  int
	queue       []queued // sorted by id
	confirmed   int      // highest offset seen
	nextMsg     int
	calls       []Call
	callCount   map[string]int
	sent        []Message
	sentCount   int
	texts       map[msgKey]string // last text of each message the bot sent, for "not modified"
	violations  []Violation
	faults      map[string][]Fault
	webhookURL  string
	webhookSec  string
	allowedUpds string
	commands    string              // of the last setMyCommands
	commandsBy  map[string]string   // by scope type and language_code, see CommandsFor
	members     map[[2]int64]string // chat, user → status for getChatMember
}

type queued struct {
	id  int
	raw []byte
}

type msgKey struct {
	chat int64
	id   int
}

// NewServer starts a fake server, closed when t ends.
func NewServer(t testing.TB, opts ...Option) *Server {
	s := &Server{
		Token:      DefaultToken,
		bot:        tgbotapi.User{ID: 123456, IsBot: true, FirstName: "Yearbook", UserName: "yearbook_test_bot"},
		maxPoll:    10 * time.Second,
		closed:     make(chan struct{}),
		changed:    make(chan struct{}),
		nextMsg:    1000,
		callCount:  map[string]int{},
		texts:      map[msgKey]string{},
		faults:     map[string][]Fault{},
		commandsBy: map[string]string{},
	}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL
	t.Cleanup(s.Close)
	return s
}

// Close stops the server, ending long polls at once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// Endpoint is the API endpoint format string for this server
// (tgbotapi.NewBotAPIWithAPIEndpoint, telegram.NewClient).
func (s *Server) Endpoint() string { return s.URL + "/bot%s/%s" }

// Bot is the bot's own user, as getMe returns it.
func (s *Server) Bot() tgbotapi.User { return s.bot }

// notify wakes every waiter. Caller holds s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// FailNext makes the next n calls of method ("*" = any method) fail with f.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[method] = append(s.faults[method], f)
	}
}

// FaultsLeft is how many injected faults of method have not fired yet.
func (s *Server) FaultsLeft(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults[method])
}

// ---- updates ----

// AddUpdate queues u for getUpdates (or the webhook). A zero UpdateID gets
// the next id; the id is returned.
func (s *Server) AddUpdate(u tgbotapi.Update) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addLocked(u)
}

func (s *Server) addLocked(u tgbotapi.Update) int {
	if u.UpdateID == 0 {
		u.UpdateID = s.lastUpdate + 1
	}
	s.lastUpdate = max(s.lastUpdate, u.UpdateID)
	raw, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: marshal update: %v", err)) // a test bug, not input
	}
	return s.addRawLocked(u.UpdateID, raw)
}

func (s *Server) addRawLocked(id int, raw []byte) int {
	q := queued{id: id, raw: raw}
	i, _ := slices.BinarySearchFunc(s.queue, q.id, func(e queued, id int) int { return e.id - id })
	s.queue = slices.Insert(s.queue, i, q)
	s.notify()
	return id
}

// Private is a private chat with user id.
func Private(id int64) tgbotapi.Chat {
	return tgbotapi.Chat{ID: id, Type: "private", FirstName: "User" + strconv.FormatInt(id, 10)}
}

// Group is a supergroup (id should be negative, like Telegram's -100…).
func Group(id int64, title string) tgbotapi.Chat {
	return tgbotapi.Chat{ID: id, Type: "supergroup", Title: title}
}

// UserOf is the user writing in chat: the chat's user for private chats,
// user 7 otherwise.
func UserOf(chat tgbotapi.Chat) *tgbotapi.User {
	if chat.ID > 0 {
		return &tgbotapi.User{ID: chat.ID, FirstName: chat.FirstName, LanguageCode: "zh-hans"}
	}
	return &tgbotapi.User{ID: 7, FirstName: "Member", LanguageCode: "zh-hans"}
}

// NewMessage builds a text message from UserOf(chat) the way Telegram
// delivers it, with bot_command and mention entities marked.
func (s *Server) NewMessage(chat tgbotapi.Chat, text string) *tgbotapi.Message {
	s.mu.Lock()
	s.nextMsg++
	id := s.nextMsg
	s.mu.Unlock()
	c := chat
	return &tgbotapi.Message{
		MessageID: id,
		From:      UserOf(chat),
		Chat:      &c,
		Date:      int(time.Now().Unix()),
		Text:      text,
		Entities:  Entities(text),
	}
}

// AddText queues a text message in chat and returns the update and
// message ids.
func (s *Server) AddText(chat tgbotapi.Chat, text string) (updateID, messageID int) {
	m := s.NewMessage(chat, text)
	return s.AddUpdate(tgbotapi.Update{Message: m}), m.MessageID
}

// AddMessage queues m as a new message.
func (s *Server) AddMessage(m *tgbotapi.Message) int {
	return s.AddUpdate(tgbotapi.Update{Message: m})
}

// AddEdit queues an edited_message: message messageID in chat now reads text.
func (s *Server) AddEdit(chat tgbotapi.Chat, messageID int, text string) int {
	c := chat
	m := &tgbotapi.Message{MessageID: messageID, From: UserOf(chat), Chat: &c, Date: int(time.Now().Unix()) - 10,
		EditDate: int(time.Now().Unix()), Text: text, Entities: Entities(text)}
	return s.AddUpdate(tgbotapi.Update{EditedMessage: m})
}

// AddCallback queues a button press on the bot's message messageID in chat.
func (s *Server) AddCallback(chat tgbotapi.Chat, messageID int, data string) int {
	c := chat
	s.mu.Lock()
	s.nextMsg++
	qid := "cq" + strconv.Itoa(s.nextMsg)
	s.mu.Unlock()
	return s.AddUpdate(tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: qid, From: UserOf(chat), ChatInstance: "ci" + strconv.FormatInt(chat.ID, 10), Data: data,
		Message: &tgbotapi.Message{MessageID: messageID, From: &s.bot, Chat: &c, Date: int(time.Now().Unix())},
	}})
}

// AddInlineQuery queues an inline query from user id.
func (s *Server) AddInlineQuery(userID int64, query string) int {
	s.mu.Lock()
	s.nextMsg++
	qid := "iq" + strconv.Itoa(s.nextMsg)
	s.mu.Unlock()
	return s.AddUpdate(tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{
		ID: qid, From: &tgbotapi.User{ID: userID, FirstName: "User"}, Query: query, ChatType: "sender",
	}})
}

// Entities marks /commands and @mentions the way Telegram does (offsets in
// UTF-16 units); tgbotapi's Message.Command relies on them.
func Entities(text string) []tgbotapi.MessageEntity {
	var ents []tgbotapi.MessageEntity
	pos := 0 // UTF-16 offset
	runes := []rune(text)
	for i := 0; i < len(runes); {
		r := runes[i]
		start := i == 0 || isSpace(runes[i-1])
		if start && (r == '/' || r == '@') {
			j := i + 1
			for j < len(runes) && isWordRune(runes[j], r == '/') {
				j++
			}
			if j > i+1 {
				typ := "mention"
				if r == '/' {
					typ = "bot_command"
				}
				l := TextLen(string(runes[i:j]))
				ents = append(ents, tgbotapi.MessageEntity{Type: typ, Offset: pos, Length: l})
				pos += l
				i = j
				continue
			}
		}
		pos += TextLen(string(r))
		i++
	}
	return ents
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

func isWordRune(r rune, command bool) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || command && r == '@'
}

// ---- observation ----

// Calls returns every call recorded so far (none with WithoutLog).
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// CallsTo returns the recorded calls of method.
func (s *Server) CallsTo(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// CallCount is how many calls of method arrived (with WithoutLog too).
func (s *Server) CallCount(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callCount[method]
}

// Sent returns the messages sent or edited successfully, in order.
func (s *Server) Sent() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// SentCount is how many messages were sent or edited (with WithoutLog too).
func (s *Server) SentCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sentCount
}

// Violations returns the texts Telegram would have refused.
func (s *Server) Violations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// Offset is the highest offset a getUpdates call has confirmed.
func (s *Server) Offset() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirmed
}

// Pending is how many queued updates are not confirmed yet.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// Webhook is the registered webhook URL and secret ("" when polling).
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhookURL, s.webhookSec
}

// Commands is the raw JSON of the last setMyCommands.
func (s *Server) Commands() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands
}

// CommandsFor is the raw JSON of the commands set for a scope type
// ("default", "all_group_chats", …) and a language_code ("" = every
// language without a list of its own); "" if none were set.
func (s *Server) CommandsFor(scope, lang string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commandsBy[scope+"|"+lang]
}

// commandsKey is the scope type and language of a setMyCommands or
// getMyCommands call; problem is set for a language_code Telegram refuses.
func commandsKey(p map[string]string) (key, problem string) {
	scope := "default"
	if raw := p["scope"]; raw != "" {
		var sc struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(raw), &sc); err != nil || sc.Type == "" {
			return "", "scope is not a BotCommandScope object"
		}
		scope = sc.Type
	}
	lang := p["language_code"]
	if lang != "" && (len(lang) != 2 || strings.ContainsFunc(lang, func(r rune) bool { return r < 'a' || r > 'z' })) {
		return "", "language_code " + lang + " is not a two-letter ISO 639-1 code"
	}
	return scope + "|" + lang, ""
}

// WaitUntil blocks until cond() is true, re-checking after every change on
// the server, or until ctx is done. cond may call the Server's methods.
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("telegramtest: waiting: %w", context.Cause(ctx))
		case <-s.closed:
			return fmt.Errorf("telegramtest: server closed while waiting")
		case <-ch:
		}
	}
}

// WaitSent waits until at least n messages were sent or edited and returns them.
func (s *Server) WaitSent(ctx context.Context, n int) ([]Message, error) {
	err := s.WaitUntil(ctx, func() bool { return s.SentCount() >= n })
	if err != nil {
		return s.Sent(), fmt.Errorf("%d of %d messages sent: %w", s.SentCount(), n, err)
	}
	return s.Sent(), nil
}

// WaitCalls waits until at least n calls of method arrived.
func (s *Server) WaitCalls(ctx context.Context, method string, n int) error {
	err := s.WaitUntil(ctx, func() bool { return s.CallCount(method) >= n })
	if err != nil {
		return fmt.Errorf("%d of %d %s calls: %w", s.CallCount(method), n, method, err)
	}
	return nil
}

// WaitOffset waits until getUpdates has confirmed every update below offset.
func (s *Server) WaitOffset(ctx context.Context, offset int) error {
	err := s.WaitUntil(ctx, func() bool { return s.Offset() >= offset })
	if err != nil {
		return fmt.Errorf("offset %d, want %d: %w", s.Offset(), offset, err)
	}
	return nil
}

// PostWebhook delivers u to the registered webhook the way Telegram does
// (JSON body, X-Telegram-Bot-Api-Secret-Token) and returns the HTTP status.
func (s *Server) PostWebhook(ctx context.Context, u tgbotapi.Update) (int, error) {
	body, err := json.Marshal(u)
	if err != nil {
		return 0, err
	}
	return s.PostWebhookRaw(ctx, body)
}

// PostWebhookRaw delivers an update given as JSON to the registered
// webhook, for fields tgbotapi's types lack.
func (s *Server) PostWebhookRaw(ctx context.Context, body []byte) (int, error) {
	url, secret := s.Webhook()
	if url == "" {
		return 0, fmt.Errorf("telegramtest: no webhook set")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// ---- protocol ----

type reply struct {
	status int
	body   []byte
	sent   *Message
}

func okReply(result any) reply {
	b, err := json.Marshal(result)
	if err != nil {
		return errReply(500, "Internal Server Error: "+err.Error())
	}
	return okRaw(b)
}

// okPrefix starts every successful reply.
const okPrefix = `{"ok":true,"result":`

func okRaw(result []byte) reply {
	body := make([]byte, 0, len(okPrefix)+len(result)+1)
	body = append(body, okPrefix...)
	body = append(body, result...)
	body = append(body, '}')
	return reply{status: 200, body: body}
}

func errReply(code int, desc string) reply {
	return faultReply(Fault{Code: code, Description: desc})
}

func faultReply(f Fault) reply {
	if f.Description == "" {
		switch f.Code {
		case 429:
			f.Description = "Too Many Requests: retry after " + strconv.Itoa(f.RetryAfter)
		case 401:
			f.Description = "Unauthorized"
		case 404:
			f.Description = "Not Found"
		case 409:
			f.Description = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
		default:
			f.Description = http.StatusText(f.Code)
		}
	}
	if f.HTML {
		return reply{status: f.Code, body: fmt.Appendf(nil, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n", f.Code, http.StatusText(f.Code), f.Code, http.StatusText(f.Code))}
	}
	r := map[string]any{"ok": false, "error_code": f.Code, "description": f.Description}
	if f.Code == 429 {
		r["parameters"] = map[string]int{"retry_after": f.RetryAfter}
	}
	if f.MigrateTo != 0 {
		r["parameters"] = map[string]int64{"migrate_to_chat_id": f.MigrateTo}
	}
	b, _ := json.Marshal(r)
	return reply{status: f.Code, body: b}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	slash := strings.LastIndexByte(rest, '/')
	if !ok || slash < 0 {
		s.write(w, errReply(404, "Not Found"))
		return
	}
	token, method := rest[:slash], rest[slash+1:]
	params, perr := readParams(r)
	now := time.Now()
	rep, fault := s.answer(r.Context(), token, method, params, perr)
	if fault != nil && fault.Delay > 0 {
		_ = waitCtx(r.Context(), s.closed, fault.Delay)
	}
	status := rep.status
	if fault != nil && fault.Drop {
		status = 0
	}
	s.mu.Lock()
	s.callCount[method]++
	if !s.noLog {
		s.calls = append(s.calls, Call{Method: method, Params: params, Time: now, Status: status})
	}
	if rep.sent != nil {
		s.sentCount++
		if !s.noLog {
			s.sent = append(s.sent, *rep.sent)
		}
	}
	s.notify()
	s.mu.Unlock()
	if rep.sent != nil && s.hook != nil {
		s.hook(*rep.sent)
	}
	if fault != nil && fault.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection when hijacking is impossible
	}
	s.write(w, rep)
}

func (s *Server) write(w http.ResponseWriter, rep reply) {
	if bytes.HasPrefix(rep.body, []byte("<")) {
		w.Header().Set("Content-Type", "text/html")
	} else {
		w.Header().Set("Content-Type", "application/json")
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(rep.body)))
	w.WriteHeader(rep.status)
	_, _ = w.Write(rep.body)
}

func waitCtx(ctx context.Context, closed <-chan struct{}, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-closed:
		return fmt.Errorf("closed")
	case <-t.C:
		return nil
	}
}

// readParams accepts what Telegram accepts: query string, urlencoded form,
// multipart form, or a JSON object (non-string values kept as JSON text).
func readParams(r *http.Request) (map[string]string, error) {
	out := map[string]string{}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		var m map[string]json.RawMessage
		if err := json.NewDecoder(io.LimitReader(r.Body, 16<<20)).Decode(&m); err != nil {
			return out, fmt.Errorf("bad JSON body: %w", err)
		}
		for k, v := range m {
			var str string
			if json.Unmarshal(v, &str) == nil {
				out[k] = str
			} else {
				out[k] = string(v)
			}
		}
		for k, v := range r.URL.Query() {
			out[k] = v[0]
		}
		return out, nil
	case "multipart/form-data":
		if err := r.ParseMultipartForm(16 << 20); err != nil {
			return out, fmt.Errorf("bad multipart body: %w", err)
		}
	default:
		if err := r.ParseForm(); err != nil {
			return out, fmt.Errorf("bad form body: %w", err)
		}
	}
	for k, v := range r.Form {
		out[k] = v[0]
	}
	return out, nil
}

// answer computes the reply to one call; fault is the injected fault, if any.
func (s *Server) answer(ctx context.Context, token, method string, p map[string]string, perr error) (reply, *Fault) {
	if token != s.Token {
		return errReply(401, "Unauthorized"), nil
	}
	s.mu.Lock()
	f, ok := s.popFault(method)
	s.mu.Unlock()
	if ok {
		return faultReply(f), &f
	}
	if perr != nil {
		return errReply(400, "Bad Request: "+perr.Error()), nil
	}
	switch method {
	case "getMe":
		return okReply(s.bot), nil
	case "getUpdates":
		return s.getUpdates(ctx, p), nil
	case "sendMessage":
		return s.sendMessage(p), nil
	case "editMessageText":
		return s.editMessageText(p), nil
	case "editMessageReplyMarkup":
		return s.editReplyMarkup(p), nil
	case "answerCallbackQuery":
		return s.answerCallback(p), nil
	case "answerInlineQuery":
		return s.answerInline(p), nil
	case "sendChatAction":
		if _, err := chatID(p); err != nil {
			return errReply(400, "Bad Request: chat not found"), nil
		}
		return okRaw([]byte("true")), nil
	case "setMyCommands":
		return s.setMyCommands(p), nil
	case "getMyCommands":
		key, _ := commandsKey(p)
		s.mu.Lock()
		cmds := s.commandsBy[key]
		s.mu.Unlock()
		if cmds == "" {
			cmds = "[]"
		}
		return okRaw([]byte(cmds)), nil
	case "setWebhook":
		return s.setWebhook(p), nil
	case "deleteWebhook":
		s.mu.Lock()
		s.webhookURL, s.webhookSec = "", ""
		if p["drop_pending_updates"] == "true" {
			s.queue = nil
		}
		s.notify()
		s.mu.Unlock()
		return okRaw([]byte("true")), nil
	case "getWebhookInfo":
		s.mu.Lock()
		info := tgbotapi.WebhookInfo{URL: s.webhookURL, PendingUpdateCount: len(s.queue)}
		s.mu.Unlock()
		return okReply(info), nil
	case "getChatMember":
		return s.getChatMember(p), nil
	case "deleteMessage", "logOut", "close":
		return okRaw([]byte("true")), nil
	}
	return errReply(404, "Not Found"), nil
}

func (s *Server) popFault(method string) (Fault, bool) {
	for _, key := range []string{method, "*"} {
		if fs := s.faults[key]; len(fs) > 0 {
			s.faults[key] = fs[1:]
			return fs[0], true
		}
	}
	return Fault{}, false
}

func intParam(p map[string]string, key string, def int) int {
	v, ok := p[key]
	if !ok || v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f, ferr := strconv.ParseFloat(v, 64)
		if ferr != nil {
			return def
		}
		return int(f)
	}
	return n
}

func (s *Server) getUpdates(ctx context.Context, p map[string]string) reply {
	offset := intParam(p, "offset", 0)
	limit := intParam(p, "limit", 100)
	if limit < 1 || limit > 100 {
		limit = 100
	}
	timeout := min(time.Duration(intParam(p, "timeout", 0))*time.Second, s.maxPoll)
	deadline := time.Now().Add(timeout)
	for {
		s.mu.Lock()
		if s.webhookURL != "" {
			s.mu.Unlock()
			return errReply(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
		}
		if v, ok := p["allowed_updates"]; ok {
			s.allowedUpds = v
		}
		if offset > 0 {
			if offset > s.confirmed {
				s.confirmed = offset
				s.notify()
			}
			i, _ := slices.BinarySearchFunc(s.queue, offset, func(e queued, id int) int { return e.id - id })
			if i > 0 {
				s.queue = slices.Delete(s.queue, 0, i)
			}
		}
		batch := s.queue
		if offset < 0 {
			batch = batch[max(0, len(batch)+offset):]
		}
		batch = batch[:min(limit, len(batch))]
		if len(batch) > 0 || time.Now().After(deadline) || timeout <= 0 {
			// The reply is written whole in one buffer: it holds every
			// unconfirmed update, again at each poll.
			n := len(okPrefix) + 3
			for _, q := range batch {
				n += len(q.raw) + 1
			}
			buf := make([]byte, 0, n)
			buf = append(buf, okPrefix+"["...)
			for i, q := range batch {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = append(buf, q.raw...)
			}
			buf = append(buf, "]}"...)
			s.mu.Unlock()
			return reply{status: 200, body: buf}
		}
		ch := s.changed
		s.mu.Unlock()
		t := time.NewTimer(time.Until(deadline))
		select {
		case <-ch:
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return errReply(500, "client gone")
		case <-s.closed:
			t.Stop()
			return okRaw([]byte("[]"))
		}
		t.Stop()
	}
}

func chatID(p map[string]string) (int64, error) {
	return strconv.ParseInt(p["chat_id"], 10, 64)
}

// checkText validates a text as Telegram would and returns what the user
// sees, or the problem.
func checkText(text, parseMode string) (string, string) {
	visible := text
	switch strings.ToLower(parseMode) {
	case "html":
		v, err := ValidateHTML(text)
		if err != nil {
			return "", "can't parse entities: " + err.Error()
		}
		visible = v
	case "", "markdown", "markdownv2":
	default:
		return "", "unsupported parse_mode " + parseMode
	}
	if strings.TrimSpace(visible) == "" {
		return "", "message text is empty"
	}
	if n := TextLen(visible); n > MaxMessageLen {
		return "", fmt.Sprintf("message is too long (%d > %d)", n, MaxMessageLen)
	}
	return visible, ""
}

// checkMarkup validates an inline keyboard: every button has a text and one
// action, callback data 1–64 bytes.
func checkMarkup(raw string) string {
	if raw == "" {
		return ""
	}
	var m struct {
		InlineKeyboard [][]map[string]json.RawMessage `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return "reply_markup is not JSON: " + err.Error()
	}
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			var text, data string
			_ = json.Unmarshal(b["text"], &text)
			if text == "" {
				return "BUTTON_TEXT_EMPTY"
			}
			if d, ok := b["callback_data"]; ok {
				_ = json.Unmarshal(d, &data)
				if data == "" || len(data) > 64 {
					return fmt.Sprintf("BUTTON_DATA_INVALID (callback_data %d bytes, want 1-64)", len(data))
				}
			} else if _, ok := b["url"]; !ok && len(b) <= 1 {
				return "BUTTON_TYPE_INVALID"
			}
		}
	}
	return ""
}

func (s *Server) violation(method, chat, text, problem string) reply {
	s.mu.Lock()
	s.violations = append(s.violations, Violation{Method: method, ChatID: chat, Text: text, Problem: problem})
	s.mu.Unlock()
	return errReply(400, "Bad Request: "+problem)
}

func chatOf(id int64) *tgbotapi.Chat {
	if id < 0 {
		return &tgbotapi.Chat{ID: id, Type: "supergroup", Title: "Group"}
	}
	return &tgbotapi.Chat{ID: id, Type: "private"}
}

// deprecatedParams are the parameters Bot API 7.0 replaced with
// reply_parameters and link_preview_options. Telegram still takes them;
// the fake refuses them, so the bot is held to the current API.
var deprecatedParams = []string{"reply_to_message_id", "allow_sending_without_reply", "disable_web_page_preview"}

func checkDeprecated(p map[string]string) string {
	for _, k := range deprecatedParams {
		if _, ok := p[k]; ok {
			return "deprecated parameter " + k + " (use reply_parameters / link_preview_options)"
		}
	}
	return ""
}

// replyTo reads reply_parameters' message_id (0 when absent); problem is
// set when it is not the JSON object Telegram wants.
func replyTo(p map[string]string) (id int, problem string) {
	raw, ok := p["reply_parameters"]
	if !ok {
		return 0, ""
	}
	var rp struct {
		MessageID int `json:"message_id"`
	}
	if err := json.Unmarshal([]byte(raw), &rp); err != nil || rp.MessageID == 0 {
		return 0, "reply_parameters is not a JSON object with message_id"
	}
	return rp.MessageID, ""
}

// noPreview reads link_preview_options' is_disabled.
func noPreview(p map[string]string) (bool, string) {
	raw, ok := p["link_preview_options"]
	if !ok {
		return false, ""
	}
	var lp struct {
		IsDisabled bool `json:"is_disabled"`
	}
	if err := json.Unmarshal([]byte(raw), &lp); err != nil {
		return false, "link_preview_options is not a JSON object"
	}
	return lp.IsDisabled, ""
}

// checkOptions validates the parameters shared by messages and edits.
func checkOptions(p map[string]string) (reply int, noPrev bool, problem string) {
	problem = checkDeprecated(p)
	if problem == "" {
		reply, problem = replyTo(p)
	}
	if problem == "" {
		noPrev, problem = noPreview(p)
	}
	return reply, noPrev, problem
}

func (s *Server) sendMessage(p map[string]string) reply {
	id, err := chatID(p)
	if err != nil || id == 0 {
		return errReply(400, "Bad Request: chat not found")
	}
	visible, problem := checkText(p["text"], p["parse_mode"])
	if problem == "" {
		problem = checkMarkup(p["reply_markup"])
	}
	rt, noPrev, optProblem := checkOptions(p)
	if problem == "" {
		problem = optProblem
	}
	if problem != "" {
		return s.violation("sendMessage", p["chat_id"], p["text"], problem)
	}
	now := time.Now()
	s.mu.Lock()
	s.nextMsg++
	mid := s.nextMsg
	s.texts[msgKey{id, mid}] = p["text"] + "\x00" + p["reply_markup"]
	s.mu.Unlock()
	msg := &tgbotapi.Message{MessageID: mid, From: &s.bot, Chat: chatOf(id), Date: int(now.Unix()), Text: visible}
	if rt != 0 {
		msg.ReplyToMessage = &tgbotapi.Message{MessageID: rt, Chat: chatOf(id)}
	}
	rep := okReply(msg)
	rep.sent = &Message{Method: "sendMessage", ChatID: id, MessageID: mid, Text: p["text"], Visible: visible,
		ParseMode: p["parse_mode"], ReplyTo: rt, ReplyMarkup: p["reply_markup"], NoPreview: noPrev,
		ThreadID: intParam(p, "message_thread_id", 0), Time: now}
	return rep
}

func (s *Server) editMessageText(p map[string]string) reply {
	visible, problem := checkText(p["text"], p["parse_mode"])
	if problem == "" {
		problem = checkMarkup(p["reply_markup"])
	}
	_, noPrev, optProblem := checkOptions(p)
	if problem == "" {
		problem = optProblem
	}
	if problem != "" {
		return s.violation("editMessageText", p["chat_id"], p["text"], problem)
	}
	now := time.Now()
	sent := &Message{Method: "editMessageText", InlineMessageID: p["inline_message_id"], Text: p["text"], Visible: visible,
		ParseMode: p["parse_mode"], ReplyMarkup: p["reply_markup"], NoPreview: noPrev, Time: now}
	if sent.InlineMessageID != "" {
		rep := okRaw([]byte("true"))
		rep.sent = sent
		return rep
	}
	id, err := chatID(p)
	if err != nil || id == 0 {
		return errReply(400, "Bad Request: chat not found")
	}
	mid := intParam(p, "message_id", 0)
	key := msgKey{id, mid}
	content := p["text"] + "\x00" + p["reply_markup"]
	s.mu.Lock()
	old, ok := s.texts[key]
	if ok && old != content {
		s.texts[key] = content
	}
	s.mu.Unlock()
	switch {
	case !ok:
		return errReply(400, "Bad Request: message to edit not found")
	case old == content:
		return errReply(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	sent.ChatID, sent.MessageID = id, mid
	rep := okReply(&tgbotapi.Message{MessageID: mid, From: &s.bot, Chat: chatOf(id), Date: int(now.Unix()) - 1, EditDate: int(now.Unix()), Text: visible})
	rep.sent = sent
	return rep
}

func (s *Server) editReplyMarkup(p map[string]string) reply {
	if problem := checkMarkup(p["reply_markup"]); problem != "" {
		return s.violation("editMessageReplyMarkup", p["chat_id"], "", problem)
	}
	if p["inline_message_id"] != "" {
		return okRaw([]byte("true"))
	}
	id, err := chatID(p)
	if err != nil || id == 0 {
		return errReply(400, "Bad Request: chat not found")
	}
	mid := intParam(p, "message_id", 0)
	s.mu.Lock()
	old, ok := s.texts[msgKey{id, mid}]
	if ok {
		text, _, _ := strings.Cut(old, "\x00")
		s.texts[msgKey{id, mid}] = text + "\x00" + p["reply_markup"]
	}
	s.mu.Unlock()
	if !ok {
		return errReply(400, "Bad Request: message to edit not found")
	}
	return okReply(&tgbotapi.Message{MessageID: mid, From: &s.bot, Chat: chatOf(id), Date: int(time.Now().Unix())})
}

func (s *Server) answerCallback(p map[string]string) reply {
	if p["callback_query_id"] == "" {
		return errReply(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
	}
	if n := TextLen(p["text"]); n > 200 {
		return s.violation("answerCallbackQuery", "", p["text"], fmt.Sprintf("callback answer text too long (%d > 200)", n))
	}
	return okRaw([]byte("true"))
}

func (s *Server) answerInline(p map[string]string) reply {
	if p["inline_query_id"] == "" {
		return errReply(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
	}
	var results []struct {
		ID                  string          `json:"id"`
		Type                string          `json:"type"`
		Title               string          `json:"title"`
		ReplyMarkup         json.RawMessage `json:"reply_markup"`
		InputMessageContent *struct {
			MessageText string          `json:"message_text"`
			ParseMode   string          `json:"parse_mode"`
			OldNoPrev   json.RawMessage `json:"disable_web_page_preview"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(p["results"]), &results); err != nil {
		return s.violation("answerInlineQuery", "", p["results"], "results are not a JSON array: "+err.Error())
	}
	if len(results) > 50 {
		return s.violation("answerInlineQuery", "", "", fmt.Sprintf("RESULTS_TOO_MUCH (%d > 50)", len(results)))
	}
	ids := map[string]bool{}
	for _, r := range results {
		switch {
		case r.ID == "" || len(r.ID) > 64:
			return s.violation("answerInlineQuery", "", r.ID, "RESULT_ID_INVALID (want 1-64 bytes)")
		case ids[r.ID]:
			return s.violation("answerInlineQuery", "", r.ID, "RESULT_ID_DUPLICATE")
		case r.Type == "article" && r.Title == "":
			return s.violation("answerInlineQuery", "", r.ID, "article result without title")
		}
		ids[r.ID] = true
		if c := r.InputMessageContent; c != nil {
			if c.OldNoPrev != nil {
				return s.violation("answerInlineQuery", "", c.MessageText, "result "+r.ID+": deprecated disable_web_page_preview (use link_preview_options)")
			}
			if _, problem := checkText(c.MessageText, c.ParseMode); problem != "" {
				return s.violation("answerInlineQuery", "", c.MessageText, "result "+r.ID+": "+problem)
			}
		}
		if len(r.ReplyMarkup) > 0 {
			if problem := checkMarkup(string(r.ReplyMarkup)); problem != "" {
				return s.violation("answerInlineQuery", "", string(r.ReplyMarkup), "result "+r.ID+": "+problem)
			}
		}
	}
	return okRaw([]byte("true"))
}

func (s *Server) setMyCommands(p map[string]string) reply {
	var cmds []tgbotapi.BotCommand
	if err := json.Unmarshal([]byte(p["commands"]), &cmds); err != nil {
		return s.violation("setMyCommands", "", p["commands"], "commands are not a JSON array: "+err.Error())
	}
	for _, c := range cmds {
		ok := len(c.Command) >= 1 && len(c.Command) <= 32
		for _, r := range c.Command {
			ok = ok && (r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}
		if !ok {
			return s.violation("setMyCommands", "", c.Command, "BOT_COMMAND_INVALID (1-32 of a-z 0-9 _)")
		}
		if n := TextLen(c.Description); n < 1 || n > 256 {
			return s.violation("setMyCommands", "", c.Description, "BOT_COMMAND_DESCRIPTION_INVALID (1-256 characters)")
		}
	}
	key, problem := commandsKey(p)
	if problem != "" {
		return s.violation("setMyCommands", "", p["commands"], problem)
	}
	s.mu.Lock()
	s.commands = p["commands"]
	s.commandsBy[key] = p["commands"]
	s.mu.Unlock()
	return okRaw([]byte("true"))
}

func (s *Server) setWebhook(p map[string]string) reply {
	url := p["url"]
	secret := p["secret_token"]
	if len(secret) > 256 || strings.ContainsFunc(secret, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		return errReply(400, "Bad Request: secret token contains unallowed characters")
	}
	s.mu.Lock()
	s.webhookURL, s.webhookSec = url, secret
	if v, ok := p["allowed_updates"]; ok {
		s.allowedUpds = v
	}
	s.notify()
	s.mu.Unlock()
	return okRaw([]byte("true"))
}

// AllowedUpdates is the raw allowed_updates of the last getUpdates or
// setWebhook that sent one.
func (s *Server) AllowedUpdates() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.allowedUpds
}

// Params of a call as a sorted "k=v" list, for test failure messages.
func (c Call) String() string {
	keys := slices.Sorted(maps.Keys(c.Params))
	var b strings.Builder
	b.WriteString(c.Method)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%q", k, c.Params[k])
	}
	return b.String()
}
