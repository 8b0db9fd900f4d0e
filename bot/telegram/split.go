package telegram

import (
	"encoding/json"
	"slices"
)

// splitArray returns the elements of the JSON array data as slices of it,
// without the copy and the second scan json.Unmarshal into
// []json.RawMessage makes: a getUpdates reply repeats every update still
// in flight at each poll, so most of what is polled is only split and its
// id read. ok is false when data is not an array as the Bot API writes
// them (or not valid JSON); the caller then decodes it the slow way.
func splitArray(data []byte) (elems []json.RawMessage, ok bool) {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '[' {
		return nil, false
	}
	elems = []json.RawMessage{}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return elems, skipSpace(data, i+1) == len(data)
	}
	for i < len(data) {
		end := valueEnd(data, i)
		if end <= i {
			return nil, false
		}
		elems = append(elems, data[i:end:end])
		i = skipSpace(data, end)
		switch {
		case i == len(data):
			return nil, false
		case data[i] == ']':
			return elems, skipSpace(data, i+1) == len(data)
		case data[i] != ',':
			return nil, false
		}
		i = skipSpace(data, i+1)
	}
	return nil, false
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t') {
		i++
	}
	return i
}

// valueEnd is the end of the JSON value starting at i, -1 when it does not
// end. Objects and arrays are matched by depth, strings by their quotes;
// a scalar runs to the next delimiter. Whether the value is valid JSON is
// left to its decoding: an update is decoded in full when it is handled.
func valueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			if i = stringEnd(data, i); i < 0 {
				return -1
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of a scalar before a closing bracket
			}
			if depth--; depth == 0 {
				return i + 1
			}
		case ',', ' ', '\n', '\r', '\t':
			if depth == 0 {
				return i
			}
		}
	}
	if depth == 0 {
		return i
	}
	return -1
}

// stringEnd is the index of the quote closing the string opened at i, -1
// when there is none.
func stringEnd(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// cloneRaw is a copy of raw that does not keep the reply it was split from.
func cloneRaw(raw json.RawMessage) json.RawMessage { return slices.Clone(raw) }
