package retrieval

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	n, err := newNormalizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"plain", "青岛港集装箱吞吐量多少", "青岛港集装箱吞吐量多少"},
		{"full-width digits and letters", "２０２０年ＧＤＰ增长６．１％", "2020年GDP增长6.1%"},
		{"traditional", "青島港去年集裝箱吞吐量多少？", "青岛港去年集装箱吞吐量多少?"},
		{"traditional airport", "膠東國際機場什麼時候竣工驗收", "胶东国际机场什么时候竣工验收"},
		{"command with bot", "/ask@yearbook_bot 海水淡化能力", "海水淡化能力"},
		{"bare command", "/ask 海水淡化能力", "海水淡化能力"},
		{"mention", "@yearbook_bot 海水淡化能力", "海水淡化能力"},
		{"mention inside", "请问 @yearbook_bot 地铁里程", "请问 地铁里程"},
		{"fraction is not a command", "约占全国的1/7", "约占全国的1/7"},
		{"html tags", "<b>青岛港</b>集装箱<br/>吞吐量<span class=\"x\">多少</span>", "青岛港 集装箱 吞吐量 多少"},
		{"comparison is not a tag", "增速<5%且>2%的项目", "增速<5%且>2%的项目"},
		{"control characters", "海水\x00淡化\x07能力\r\n多少", "海水 淡化 能力 多少"},
		{"zero-width characters", "海\u200b水\u200d淡\ufeff化", "海水淡化"},
		{"whitespace collapsed", "  海水　　淡化\t\t能力  ", "海水 淡化 能力"},
		{"emoji kept for later", "😀海水淡化", "😀海水淡化"},
		{"emoji only", "😀😀", "😀😀"},
		{"empty", "", ""},
		{"whitespace only", " \t\u3000\n", ""},
		{"invalid utf-8", "海水\xff\xfe淡化", "海水\ufffd淡化"},
		{"two-digit year", "21年城镇人口是多少", "2021年城镇人口是多少"},
		{"two-digit years compared", "外来务工的22年和21年哪年多", "外来务工的2022年和2021年哪年多"},
		{"a year compared before 多吗", "财政收入22年比21年多吗", "财政收入2022年比2021年多吗"},
		{"a count of years and more", "工作了21年多", "工作了21年多"},
		{"full year kept", "2021年出生人口", "2021年出生人口"},
		{"a month said with 份", "8月份降雨多少", "8月降雨多少"},
		{"a month in numerals said with 份", "十一月份气温", "十一月气温"},
		{"月份 alone stays", "哪个月份雨最多", "哪个月份雨最多"},
		{"a year digit by digit", "二〇二〇年小麦产量", "2020年小麦产量"},
		{"a year with a circle for zero", "二○二三年人口", "2023年人口"},
		{"a year read out", "两千零二十一年稻谷产量", "2021年稻谷产量"},
		{"a count of years read out stays", "古城有两千零五十年的历史吗", "古城有两千零五十年的历史吗"},
		{"a count of years read out at the end stays", "古城已有两千零五十年", "古城已有两千零五十年"},
		{"digits before any year stay", "一二三四年", "一二三四年"},
		{"two years compared", "二〇二四年小麦比二〇二三年多吗", "2024年小麦比2023年多吗"},
		{"a year digit by digit before 内", "二〇二〇年内建成", "2020年内建成"},
		{"a short year before 历史 as before", "22年历史建筑保护了多少处", "2022年历史建筑保护了多少处"},
		{"a duration is no year", "近10年来增长了多少", "近10年来增长了多少"},
		{"years counted", "建成30年来", "建成30年来"},
		{"an ordinal is no year", "第21年", "第21年"},
		{"a small count is no year", "5年间", "5年间"},
		{"a count before a unit", "120年", "120年"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := n.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeCapsLength(t *testing.T) {
	n, err := newNormalizer()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		strings.Repeat("青岛港集装箱吞吐量", 12000), // ≈ 100 KB
		strings.Repeat("a ", 60000),
		strings.Repeat("\xff", 100000),
		"/ask " + strings.Repeat("@abcde ", 20000) + "海水淡化",
	} {
		got := n.Normalize(in)
		if c := utf8.RuneCountInString(got); c > maxQueryRunes {
			t.Errorf("Normalize of %d bytes gave %d runes, want ≤ %d", len(in), c, maxQueryRunes)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Normalize of %d bytes gave invalid UTF-8", len(in))
		}
	}
}

func FuzzNormalize(f *testing.F) {
	n, err := newNormalizer()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"青島港去年集裝箱吞吐量多少？", "/ask@bot x", "\xff\x00", "+-:*^\"~", "<b>html</b>", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := n.Normalize(s)
		if !utf8.ValidString(got) {
			t.Errorf("Normalize(%q) = %q: invalid UTF-8", s, got)
		}
		if utf8.RuneCountInString(got) > maxQueryRunes {
			t.Errorf("Normalize(%q) longer than %d runes", s, maxQueryRunes)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Errorf("Normalize(%q) = %q: whitespace not collapsed", s, got)
		}
	})
}
