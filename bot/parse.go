package bot

import (
	"encoding/base64"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// command is a parsed "/name@bot args" message.
type command struct {
	name string // lower case, without "/" and "@bot"
	at   string // the bot the command is addressed to, "" when none
	args string
}

// parseCommand reads a command from the start of text. It does not trust
// Message.Command(), which drops "@otherbot": a command is "/" followed by
// Telegram's command characters, optionally "@botname", then the arguments
// (which may follow without a space: "/ask青岛港" asks "青岛港").
func parseCommand(text string) (command, bool) {
	if !strings.HasPrefix(text, "/") {
		return command{}, false
	}
	rest := text[1:]
	n := commandChars(rest)
	if n == 0 || n > 32 {
		return command{}, false
	}
	c := command{name: strings.ToLower(rest[:n])}
	rest = rest[n:]
	if strings.HasPrefix(rest, "@") {
		m := commandChars(rest[1:])
		if m == 0 {
			return command{}, false
		}
		c.at = rest[1 : 1+m]
		rest = rest[1+m:]
	}
	// "/ask/foo" or "/ask.x" are not commands a user meant.
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && r < utf8.RuneSelf && !unicode.IsSpace(r) {
		return command{}, false
	}
	c.args = strings.TrimSpace(rest)
	return c, true
}

func commandChars(s string) int {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_') {
			return i
		}
	}
	return len(s)
}

// forUs reports whether a command is addressed to the bot: no "@bot" part,
// or ours, compared case-insensitively as Telegram does for usernames.
func (c command) forUs(self tgbotapi.User) bool {
	return c.at == "" || strings.EqualFold(c.at, self.UserName)
}

// mentions reports whether text mentions the bot and returns the text with
// those mentions cut out. It reads the entities Telegram sent (offsets in
// UTF-16 code units): "mention" entities matching our username, and
// "text_mention" of our user id. Without entities it looks for "@username".
func mentions(text string, entities []tgbotapi.MessageEntity, self tgbotapi.User) (string, bool) {
	u := utf16.Encode([]rune(text))
	type span struct{ start, end int }
	var cut []span
	for _, e := range entities {
		// Written so that no sum can overflow: a forged entity with an
		// offset near MaxInt must not wrap around into a valid range.
		if e.Offset < 0 || e.Length <= 0 || e.Offset > len(u) || e.Length > len(u)-e.Offset {
			continue
		}
		switch e.Type {
		case "mention":
			name := string(utf16.Decode(u[e.Offset : e.Offset+e.Length]))
			if self.UserName != "" && strings.EqualFold(strings.TrimPrefix(name, "@"), self.UserName) {
				cut = append(cut, span{e.Offset, e.Offset + e.Length})
			}
		case "text_mention":
			if e.User != nil && e.User.ID == self.ID {
				cut = append(cut, span{e.Offset, e.Offset + e.Length})
			}
		}
	}
	if len(cut) == 0 {
		if entities != nil || self.UserName == "" {
			return text, false
		}
		return mentionsInText(text, self.UserName)
	}
	var out []uint16
	pos := 0
	for _, s := range cut {
		if s.start < pos {
			continue
		}
		out = append(out, u[pos:s.start]...)
		out = append(out, ' ')
		pos = s.end
	}
	out = append(out, u[pos:]...)
	return tidyQuestion(string(utf16.Decode(out))), true
}

// mentionsInText finds "@username" as a whole word, for messages that came
// without entities (forwarded text, hand-made updates).
func mentionsInText(text, username string) (string, bool) {
	lower := strings.ToLower(text)
	at := "@" + strings.ToLower(username)
	found := false
	var b strings.Builder
	for i := 0; i < len(text); {
		j := strings.Index(lower[i:], at)
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		end := i + j + len(at)
		if end < len(text) && commandChars(text[end:end+1]) == 1 {
			b.WriteString(text[i:end])
			i = end
			continue
		}
		b.WriteString(text[i : i+j])
		b.WriteByte(' ')
		found = true
		i = end
	}
	if !found {
		return text, false
	}
	return tidyQuestion(b.String()), true
}

// tidyQuestion trims the spaces and the punctuation a mention leaves
// behind ("@bot，青岛港…" → "青岛港…").
func tidyQuestion(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",:;，：；、", r)
	})
}

// decodeStartPayload turns a /start deep-link payload into a question.
// Payloads may only use [A-Za-z0-9_-] and 64 characters, so a Chinese
// question travels base64url-encoded (UTF-8, padding optional); a payload
// that does not decode to printable UTF-8 is read as plain ASCII with "_"
// standing for spaces.
func decodeStartPayload(p string) string {
	p = strings.TrimSpace(p)
	if p == "" {
		return ""
	}
	if b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "=")); err == nil && len(b) > 0 && printable(string(b)) {
		return strings.TrimSpace(string(b))
	}
	return strings.TrimSpace(strings.ReplaceAll(p, "_", " "))
}

// encodeStartPayload is the inverse, for links like t.me/ourbot?start=…;
// ok is false when the question is too long for a payload.
func encodeStartPayload(q string) (string, bool) {
	p := base64.RawURLEncoding.EncodeToString([]byte(q))
	return p, len(p) <= 64
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
