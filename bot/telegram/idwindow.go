package telegram

// idWindow remembers which of the last size update ids were seen, in one
// bit each (1<<20 ids in 128 KiB): Telegram's update ids rise by one per
// update, so the ids worth remembering are a window below the highest.
type idWindow struct {
	size int // ids covered: (top-size, top]
	top  int // highest id added; 0 = none yet
	bits []uint64
}

func newIDWindow(size int) *idWindow {
	size = (max(size, 64) + 63) / 64 * 64
	return &idWindow{size: size, bits: make([]uint64, size/64)}
}

func (w *idWindow) slot(id int) (int, uint64) {
	i := id % w.size
	if i < 0 {
		i += w.size
	}
	return i / 64, 1 << (i % 64)
}

func (w *idWindow) has(id int) bool {
	if w.top == 0 || id > w.top || id <= w.top-w.size {
		return false
	}
	word, bit := w.slot(id)
	return w.bits[word]&bit != 0
}

func (w *idWindow) add(id int) {
	switch {
	case w.top == 0 || id <= w.top-w.size || id-w.top >= w.size:
		// The first id, a jump past the whole window, or an id far below
		// it: Telegram renumbers its ids after a week without updates, and
		// what the window held is of no use any more.
		clear(w.bits)
		w.top = id
	case id > w.top:
		for j := w.top + 1; j <= id; j++ {
			word, bit := w.slot(j)
			w.bits[word] &^= bit
		}
		w.top = id
	}
	word, bit := w.slot(id)
	w.bits[word] |= bit
}
