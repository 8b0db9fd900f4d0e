package telegram

import (
	"math"
	"testing"
)

func TestGrowStack(t *testing.T) {
	for _, n := range []int{0, 1, -1, handlerStack, math.MaxInt, math.MinInt} {
		growStack(n) // any update id, even a negative one, is a valid n
	}
}

// deep uses about depth × 1 KB of stack, as a question's handling does.
//
//go:noinline
func deep(depth int) byte {
	var frame [1000]byte
	frame[depth%len(frame)] = byte(depth)
	if depth == 0 {
		return frame[0]
	}
	return deep(depth-1) + frame[(depth+1)%len(frame)]
}

// BenchmarkHandlerStack is a goroutine per update that runs 24 KB deep,
// as the poller starts one per chat, with its stack grown step by step
// (plain) or at once (grown).
func BenchmarkHandlerStack(b *testing.B) {
	for _, grow := range []bool{false, true} {
		name := "plain"
		if grow {
			name = "grown"
		}
		b.Run(name, func(b *testing.B) {
			done := make(chan byte)
			for i := 0; b.Loop(); i++ {
				go func() {
					if grow {
						growStack(i)
					}
					done <- deep(24)
				}()
				<-done
			}
		})
	}
}
