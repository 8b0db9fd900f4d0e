package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeText turns raw file bytes into UTF-8 text. Yearbooks published in
// China often come as GBK/GB18030, so anything that is not valid UTF-8 is
// tried as GB18030 (a superset of GBK and GB2312) before giving up.
func decodeText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("file is empty")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fmt.Errorf("file is empty: only white space")
	}
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode UTF-16: %w", err)
		}
		return checkText(string(out))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("binary file: NUL byte at line %d", lineAt(data, i))
	}
	if utf8.Valid(data) {
		return checkText(string(data))
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("neither UTF-8 nor GBK/GB18030: %w", err)
	}
	// The x/text decoders replace bytes they cannot decode with U+FFFD
	// rather than failing, so a replacement rune is how an undecodable
	// byte shows.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", fmt.Errorf("neither UTF-8 nor GBK/GB18030: undecodable bytes at line %d (first invalid UTF-8 at line %d)",
			lineAt(out, i), lineAt(data, firstInvalidUTF8(data)))
	}
	return checkText(string(out))
}

// checkText rejects decoded text that is mostly control characters: such a
// file is binary even when it happens to decode.
func checkText(s string) (string, error) {
	var ctrl, total int
	for _, r := range s {
		total++
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			ctrl++
		}
	}
	if total > 0 && ctrl*10 > total {
		return "", fmt.Errorf("binary file: %d of %d characters are control characters", ctrl, total)
	}
	return s, nil
}

func lineAt(data []byte, off int) int {
	if off < 0 {
		off = 0
	}
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// splitLines splits text into cleaned physical lines, so that line numbers
// match what an editor shows. CRLF, lone CR, and Unicode line and paragraph
// separators all end a line.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.NewReplacer("\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	return lines
}

// cleanLine drops characters that are invisible in print (control and
// zero-width characters, stray BOMs) and trims all kinds of white space,
// including the full-width ideographic space. Everything else is kept
// verbatim.
func cleanLine(l string) string {
	needs := false
	for _, r := range l {
		if r == '\t' || dropRune(r) {
			needs = true
			break
		}
	}
	if needs {
		var b strings.Builder
		for _, r := range l {
			switch {
			case r == '\t':
				b.WriteByte(' ')
			case dropRune(r):
			default:
				b.WriteRune(r)
			}
		}
		l = b.String()
	}
	return strings.TrimFunc(l, unicode.IsSpace)
}

func dropRune(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', utf8.RuneError:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
