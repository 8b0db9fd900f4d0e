// Package textsearch finds words in Chinese text.
package textsearch

import "strings"

// Index is strings.Index(s, w), faster on long Chinese text:
// strings.Index skips ahead to w's first byte, and in UTF-8 Chinese that
// is one of a few lead bytes (0xE4–0xE9) nearly every character starts
// with, so it stops at almost every character. The
// last byte of w's first character is a continuation byte, one of 64
// values, which a long text holds far less often: Index skips ahead
// to it instead. Both compare bytes, so they find the same first match.
func Index(s, w string) int {
	if len(s) <= 64 || len(w) < 3 || w[0] < 0xE0 || w[0] >= 0xF0 {
		return strings.Index(s, w)
	}
	const at = 2 // the anchor: the last byte of w's first (3-byte) character
	anchor := w[at]
	for i := at; i+len(w)-at <= len(s); {
		j := strings.IndexByte(s[i:len(s)-len(w)+at+1], anchor)
		if j < 0 {
			return -1
		}
		start := i + j - at
		if s[start:start+len(w)] == w {
			return start
		}
		i += j + 1
	}
	return -1
}
