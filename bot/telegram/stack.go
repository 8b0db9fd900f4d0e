package telegram

// growStack makes the calling goroutine's stack at least handlerStack
// bytes at once, while the stack is shallow. A goroutine starts with a
// small stack that Go doubles whenever a call runs out of it, copying the
// stack and walking each of its frames to move their pointers: answering
// a question runs deep (search, segmentation, JSON) and paid several such
// copies per update, deep in the call (about 3% of the bot's CPU in
// BenchmarkThroughput/real+store). Growing once at the start copies a
// frame or two. n is any number: it only keeps the compiler from
// dropping the buffer.
//
//go:noinline
func growStack(n int) byte {
	var buf [handlerStack / 2]byte
	i := uint(n) % uint(len(buf))
	buf[i] = byte(n)
	return buf[(i+1)%uint(len(buf))]
}

// handlerStack is the stack an update's handler starts with: what
// answering a question with the real engine grows it to.
const handlerStack = 32 << 10
