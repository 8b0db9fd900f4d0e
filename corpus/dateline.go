package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// datelineYear reads a line that opens a document inside a file of many,
// with its year (written in digits or in Chinese numerals, 二〇二六年): a
// line of one sentence at most that is
//   - a session line (…在山东省第十四届人民代表大会第四次会议上), which may
//     end in a full stop when it opens with its date
//     (2025年1月14日在北京市…会议上北京市市长…作政府工作报告。);
//   - a title ending in 年鉴, 报告 or 公报;
//   - a dash and a date before 在, without a full stop (——2026年1月26日在
//     广东省第十四届, a dateline cut short).
func datelineYear(text string) (int, bool) {
	if utf8.RuneCountInString(text) > maxDatelineRunes {
		return 0, false
	}
	t := arabicYears(text)
	y := dominantYear(t)
	if y == 0 {
		return 0, false
	}
	session := strings.Contains(t, "人民代表大会") && strings.Contains(t, "会议")
	if !strings.ContainsAny(t, "。；！？") {
		titled := strings.HasSuffix(t, "年鉴") || strings.HasSuffix(t, "报告") || strings.HasSuffix(t, "公报")
		dashed := strings.IndexAny(t, "—―-－") == 0 && datedOpening.MatchString(t)
		return y, session || titled || dashed
	}
	if strings.ContainsAny(strings.TrimSuffix(t, "。"), "。；！？") {
		return 0, false
	}
	return y, session && datedOpening.MatchString(t)
}

// datedOpening is a line opening with a date followed by 在 (where it was
// given), after any dashes, brackets or spaces.
var datedOpening = regexp.MustCompile(`^[—―\-－(（ 　]*(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日在`)

const cnDigits = "〇一二三四五六七八九"

// cnYear is a year written in Chinese numerals (二〇二六年).
var cnYear = regexp.MustCompile(`[〇零一二三四五六七八九]{4}年`)

// arabicYears writes the Chinese-numeral years of text in digits
// (二〇二六年 → 2026年).
func arabicYears(text string) string {
	return cnYear.ReplaceAllStringFunc(text, func(s string) string {
		var b strings.Builder
		for _, r := range strings.ReplaceAll(strings.TrimSuffix(s, "年"), "零", "〇") {
			// Each numeral is three bytes long.
			b.WriteByte(byte('0' + strings.IndexRune(cnDigits, r)/len("〇")))
		}
		return b.String() + "年"
	})
}
