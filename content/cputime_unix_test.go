//go:build unix

package content

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, user and system. A
// loaded machine stretches wall time but not this, so the linearity test
// measures the analyser and not its neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
