package telegramtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxMessageLen is Telegram's limit on a message's text after entity
// parsing. Counted here in UTF-16 code units (what Telegram's entity offsets
// use), which is never fewer than characters, so passing here is passing there.
const MaxMessageLen = 4096

// TextLen is the length Telegram's limits are checked against: UTF-16 code
// units of the visible text.
func TextLen(visible string) int {
	n := 0
	for _, r := range visible {
		n += utf16.RuneLen(r)
	}
	return n
}

// ValidateHTML checks s the way Telegram parses parse_mode=HTML and returns
// the visible text. Allowed: b strong i em u ins s strike del code pre
// tg-spoiler blockquote (optionally expandable), a href=…, span
// class="tg-spoiler", code class="language-…" inside pre; tags closed in
// order; every <, > and & that is not markup escaped as &lt; &gt; &amp;
// (&quot; and numeric entities are the only others).
func ValidateHTML(s string) (visible string, err error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("text is not valid UTF-8")
	}
	var out strings.Builder
	out.Grow(len(s))
	var stack []string
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("byte %d: unescaped '<' (write &lt;)", i)
			}
			raw := s[i+1 : i+end]
			var err error
			stack, err = tag(raw, stack)
			if err != nil {
				return "", fmt.Errorf("byte %d: tag <%s>: %w", i, raw, err)
			}
			i += end + 1
		case '>':
			return "", fmt.Errorf("byte %d: unescaped '>' (write &gt;)", i)
		case '&':
			r, n, err := entity(s[i:])
			if err != nil {
				return "", fmt.Errorf("byte %d: %w", i, err)
			}
			out.WriteRune(r)
			i += n
		default:
			out.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("unclosed tag <%s>", stack[len(stack)-1])
	}
	return out.String(), nil
}

// entity decodes the entity at the start of s ("&…;").
func entity(s string) (rune, int, error) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 12 {
		return 0, 0, fmt.Errorf("unescaped '&' (write &amp;)")
	}
	name := s[1:end]
	switch name {
	case "lt":
		return '<', end + 1, nil
	case "gt":
		return '>', end + 1, nil
	case "amp":
		return '&', end + 1, nil
	case "quot":
		return '"', end + 1, nil
	}
	if strings.HasPrefix(name, "#") {
		num, base := name[1:], 10
		if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err == nil && v > 0 && utf8.ValidRune(rune(v)) {
			return rune(v), end + 1, nil
		}
	}
	return 0, 0, fmt.Errorf("unsupported entity &%s; (only &lt; &gt; &amp; &quot; and numeric ones)", name)
}

var plainTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "tg-spoiler": true,
}

// tag checks one tag's inside (between < and >) against the open tags and
// returns the new stack.
func tag(raw string, stack []string) ([]string, error) {
	if name, ok := strings.CutPrefix(raw, "/"); ok {
		name = strings.ToLower(strings.TrimSpace(name))
		if len(stack) == 0 {
			return nil, fmt.Errorf("closing tag with nothing open")
		}
		if top := stack[len(stack)-1]; top != name {
			return nil, fmt.Errorf("closes <%s> while <%s> is open", name, top)
		}
		return stack[:len(stack)-1], nil
	}
	name, rest, _ := strings.Cut(raw, " ")
	name = strings.ToLower(name)
	attrs, err := attributes(rest)
	if err != nil {
		return nil, err
	}
	for _, open := range stack {
		switch {
		case open == "code", open == "pre" && name != "code":
			return nil, fmt.Errorf("nothing may be nested in <%s>", open)
		case open == name && name == "blockquote", open == name && name == "a":
			return nil, fmt.Errorf("<%s> nested in <%s>", name, open)
		}
	}
	allowed := map[string]bool{}
	switch {
	case plainTags[name], name == "pre":
	case name == "a":
		if _, ok := attrs["href"]; !ok {
			return nil, fmt.Errorf("<a> without href")
		}
		allowed["href"] = true
	case name == "span":
		if attrs["class"] != "tg-spoiler" {
			return nil, fmt.Errorf(`<span> other than class="tg-spoiler"`)
		}
		allowed["class"] = true
	case name == "code":
		if c, ok := attrs["class"]; ok {
			if !strings.HasPrefix(c, "language-") || len(stack) == 0 || stack[len(stack)-1] != "pre" {
				return nil, fmt.Errorf(`<code class> must be class="language-…" directly inside <pre>`)
			}
			allowed["class"] = true
		}
	case name == "blockquote":
		allowed["expandable"] = true
	default:
		return nil, fmt.Errorf("unsupported tag")
	}
	for a := range attrs {
		if !allowed[a] {
			return nil, fmt.Errorf("unsupported attribute %q", a)
		}
	}
	return append(stack, name), nil
}

// attributes parses name="value" pairs (quotes ' or ", or none, or a bare
// name); values must have their & and < escaped like text.
func attributes(s string) (map[string]string, error) {
	attrs := map[string]string{}
	s = strings.TrimSpace(s)
	for s != "" {
		eq := strings.IndexAny(s, "= ")
		if eq < 0 || s[eq] == ' ' {
			name := s
			if eq >= 0 {
				name, s = s[:eq], strings.TrimSpace(s[eq:])
			} else {
				s = ""
			}
			attrs[strings.ToLower(name)] = ""
			continue
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimSpace(s[eq+1:])
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, fmt.Errorf("attribute %s: unclosed quote", name)
			}
			val, s = s[1:1+end], strings.TrimSpace(s[2+end:])
		} else {
			end := strings.IndexByte(s, ' ')
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], strings.TrimSpace(s[end:])
		}
		if name == "" {
			return nil, fmt.Errorf("attribute without a name")
		}
		decoded, err := ValidateHTML(val)
		if err != nil || strings.Contains(val, "<") {
			return nil, fmt.Errorf("attribute %s: value not escaped: %q", name, val)
		}
		attrs[name] = decoded
	}
	return attrs, nil
}
