package retrieval

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// wordGroups narrows a search of a word list to the lines opening with
// the word's first character. Bisecting the whole 3.4 MB list took some
// 22 probes a lookup, each a cache miss somewhere in it, and questions
// look up many words (mergeAt asks for every run of tokens); within
// one character's lines (a few dozen to a few hundred) a lookup probes
// a few kilobytes. The groups are found on the first lookup, not at
// start (about one pass over the list).
type wordGroups struct {
	once sync.Once
	m    map[rune]lineSpan
}

// lineSpan is [lo, hi) of the list's bytes: lo the first line's start,
// hi the end of the last line's newline.
type lineSpan struct{ lo, hi int32 }

// span is the part of blob whose lines start as s does, or all of it when
// s opens with no character a group was found for.
func (g *wordGroups) span(blob, s string) (lo, hi int) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError || len(blob) > 1<<31-1 {
		return 0, len(blob)
	}
	g.once.Do(func() { g.m = groupsOf(blob) })
	if sp, ok := g.m[r]; ok {
		return int(sp.lo), int(sp.hi)
	}
	return 0, len(blob)
}

// groupsOf finds, for each character lines open with, the run of lines
// opening with it. Lines opening with the same character stand together
// in a sorted list; a character seen in two runs (an unsorted list) gets
// no group, and its words are searched in the whole list.
func groupsOf(blob string) map[rune]lineSpan {
	m := map[rune]lineSpan{}
	split := map[rune]bool{}
	cur, from := rune(-1), -1 // the open run's character and start; from < 0: none open
	closeRun := func(to int) {
		if from < 0 {
			return
		}
		if _, seen := m[cur]; seen {
			split[cur] = true
		}
		m[cur] = lineSpan{int32(from), int32(to)}
		from = -1
	}
	at := 0
	for at < len(blob) {
		end := strings.IndexByte(blob[at:], '\n')
		if end < 0 {
			break // a last line without its newline is not grouped
		}
		end += at
		r, n := utf8.DecodeRuneInString(blob[at:end])
		switch valid := n > 0 && r != utf8.RuneError; {
		case valid && from >= 0 && r == cur:
		case valid:
			closeRun(at)
			cur, from = r, at
		default:
			closeRun(at)
		}
		at = end + 1
	}
	closeRun(at)
	for r := range split {
		delete(m, r)
	}
	return m
}
