package hugeheap

import (
	"bytes"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

const hugePage = 2 << 20

// Reserve grows the heap by at least n bytes (in whole huge pages) and
// advises the kernel to back them with huge pages when they are first
// touched: the range is allocated, dropped, advised, and freed by a
// collection for the allocations that follow, lowest first. Nothing in it
// is touched until they do, so it costs nothing until it is used.
//
// It does so only where the system gives huge pages on request (THP mode
// "madvise"; with "always" they come anyway, with "never" not at all), and
// not where the range could do harm: under strict overcommit
// (vm.overcommit_memory=2), where mapping it could fail the program, or
// under a memory limit (GOMEMLIMIT), which it would count against; it
// reserves a quarter of the machine's memory at most. It reports whether
// the advice was given.
func Reserve(n int) bool {
	_, _, ok := reserve(n)
	return ok
}

// reserve is Reserve, also returning the advised range.
func reserve(n int) (beg, end uintptr, ok bool) {
	if n <= 0 || !Offered() || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return 0, 0, false
	}
	// Under the kernel's default overcommit heuristic a mapping larger
	// than the memory there is fails, and the runtime with it: a quarter
	// of it at most.
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) != nil {
		return 0, 0, false
	}
	if ram := uint64(si.Totalram) * uint64(si.Unit); uint64(n) > ram/4 {
		n = int(ram / 4)
	}
	if n < hugePage {
		return 0, 0, false
	}
	// Room to start at a huge page past the one holding the first byte.
	n = (n+hugePage-1)&^(hugePage-1) + 2*hugePage
	// With collection off, the allocation starts no cycle that could find
	// it still referenced and keep it.
	gcPercent := debug.SetGCPercent(-1)
	start := grow(n)
	debug.SetGCPercent(gcPercent)
	beg = (start + hugePage) &^ (hugePage - 1)
	end = (start + uintptr(n)) &^ (hugePage - 1)
	// Advised by address, with nothing pointing into it any more: the
	// runtime keeps heap memory mapped, and the advice with it.
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, beg, end-beg, unix.MADV_HUGEPAGE)
	// A cycle now, while the heap is small (about 4 ms), frees the range
	// before the allocations that follow; left to the collector's pace,
	// the first of them (a file's read buffer) would land beside it.
	runtime.GC()
	return beg, end, errno == 0
}

// grow allocates n bytes, drops them, and returns where they were.
//
//go:noinline
func grow(n int) uintptr {
	// A strings.Builder grows without clearing its buffer, where make
	// clears memory that the heap has used before, touching the range on
	// small pages before it could be advised. Its first byte is written to
	// learn where it lies; its page is left out of the advice.
	var sb strings.Builder
	sb.Grow(n)
	sb.WriteByte(0)
	return uintptr(unsafe.Pointer(unsafe.StringData(sb.String())))
}

// Offered reports whether the kernel gives transparent huge pages to
// memory advised to take them and not to other memory, and lets a program
// map more than it will touch: where Reserve can do anything.
func Offered() bool {
	thp, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(thp, []byte("[madvise]")) {
		return false
	}
	oc, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && !bytes.HasPrefix(oc, []byte("2"))
}
