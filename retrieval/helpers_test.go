package retrieval

import (
	"context"
	"testing"

	"yearbookbot/retrieval/internal/dict"
)

func contextWithCancel(t *testing.T) (context.Context, context.CancelFunc) {
	return context.WithCancel(t.Context())
}

// fullSegmenter is a segmenter over gse's whole zh_s dictionary.
func fullSegmenter() (*segmenter, error) {
	full, err := dict.Full()
	if err != nil {
		return nil, err
	}
	return &segmenter{gse: full}, nil
}
