//go:build unix

package testkit

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, user and system:
// other processes on a busy machine stretch the wall time of a run but not
// this.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return wallTime()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
