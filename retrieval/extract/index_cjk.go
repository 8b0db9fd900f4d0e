package extract

import "yearbookbot/retrieval/internal/textsearch"

// indexWord is strings.Index(s, w) on the selector's Chinese text, the
// same first match found faster (see textsearch.Index).
func indexWord(s, w string) int { return textsearch.Index(s, w) }
