package bot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// maxConsoleLine bounds one question read from the terminal; Telegram
// messages are at most 4096 characters, so nothing longer could come from a
// chat either. The rest of a longer line is read and dropped.
const maxConsoleLine = 4096 * 4

const consolePrompt = "问> "

const consoleIntro = `年鉴问答 · 本地控制台（未设置 TELEGRAM_BOT_TOKEN，不连接 Telegram）
在这里输入问题，回复与机器人在私聊中的回复相同；/help、/about、/start 也可以用。Ctrl-D 退出。

要连接真正的 Telegram 机器人：在 Telegram 里找 @BotFather 发送 /newbot 创建机器人，
把它给的 token 设为环境变量 TELEGRAM_BOT_TOKEN，然后运行 yearbookbot serve。
`

// Console is the local, token-less mode: reads questions line by line from in, writes the
// replies rendered for a terminal to out, through the same handler logic as private chats
// (/help, /about, /start work too). On a terminal (interactive) it starts by telling the
// user how to connect a real bot and prompts for each question; with piped input it
// writes no banner and no prompts, and echoes each question before its reply, so the
// output reads as a transcript.
func Console(ctx context.Context, e Engine, in io.Reader, out io.Writer, interactive bool) error {
	h := newHandler(ctx, e, nil, tgbotapi.User{}, nil, nil)
	w := bufio.NewWriter(out)
	write := func(s string) error {
		if _, err := w.WriteString(s); err != nil {
			return fmt.Errorf("console: write: %w", err)
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("console: write: %w", err)
		}
		return nil
	}
	// A terminal shows what is typed, so only piped questions are echoed.
	prompt, echo := consolePrompt, ""
	if !interactive {
		prompt, echo = "", consolePrompt
	}
	if interactive {
		if err := write(consoleIntro + "\n" + h.welcome().msg.Text + "\n\n" + consolePrompt); err != nil {
			return err
		}
	}
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		// The reader may block on a terminal after ctx is done; it then
		// ends with the process.
		r := bufio.NewReaderSize(in, 64<<10)
		for {
			line, err := readLine(r)
			if err != nil {
				readErr <- err
				return
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return write(newlineIf(interactive))
		case err := <-readErr:
			if errors.Is(err, io.EOF) {
				return write(newlineIf(interactive))
			}
			return fmt.Errorf("console: read: %w", err)
		case line := <-lines:
			line = strings.TrimSpace(line)
			if line == "" {
				if err := write(prompt); err != nil {
					return err
				}
				continue
			}
			r, ok := h.private(ctx, line, func(q string) (reply, bool) { return h.answer(ctx, q), true })
			text := "（这条命令不是发给我的。）"
			if ok {
				text = r.msg.Text
			}
			if echo != "" {
				text = echo + line + "\n" + text
			}
			if err := write(text + "\n\n" + prompt); err != nil {
				return err
			}
		}
	}
}

// newlineIf ends the terminal's prompt line on exit; piped output ends
// with its last reply.
func newlineIf(interactive bool) string {
	if interactive {
		return "\n"
	}
	return ""
}

// readLine reads one line of any length, keeping at most maxConsoleLine
// bytes of it (cut at a rune boundary). A last line without "\n" counts; EOF
// is returned only when nothing is left.
func readLine(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if room := maxConsoleLine - len(b); room > 0 {
			b = append(b, chunk[:min(room, len(chunk))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == nil:
		case errors.Is(err, io.EOF) && len(b) > 0:
		default:
			return "", err
		}
		// Drop a rune the limit cut in half.
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
		return strings.ToValidUTF8(strings.TrimRight(string(b), "\r\n"), "\uFFFD"), nil
	}
}
