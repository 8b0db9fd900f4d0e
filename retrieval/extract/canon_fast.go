package extract

// canonUnchanged reports whether Canon leaves s as it is: s writes no 首
// (firstRe), no 公 (公里), no quote mark or bracket (quoteMarks) and no numeral
// hasNumeral reads (〇 alone is none: it sits below the range hasNumeral
// reads). Canon runs on every window, clause and term the selector reads,
// and most of them write none of these: one pass with a switch tells it,
// where the three separate checks each scanned s again.
func canonUnchanged(s string) bool {
	for _, r := range s {
		switch r {
		case '首', '公',
			'“', '”', '‘', '’', '「', '」', '(', ')', '（', '）',
			'零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九',
			'十', '百', '千':
			return false
		}
	}
	return true
}
