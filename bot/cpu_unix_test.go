//go:build unix

package bot

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, on all cores: on a
// machine shared with other work it varies much less than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
