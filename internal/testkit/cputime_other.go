//go:build !unix

package testkit

import "time"

// cpuTime falls back to wall time where the processor time is not known.
func cpuTime() time.Duration { return wallTime() }
