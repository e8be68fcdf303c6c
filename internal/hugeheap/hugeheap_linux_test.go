package hugeheap

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vma is one mapping of /proc/self/smaps.
type vma struct {
	start, end uintptr
	flags      []string
	hugeKB     int
}

func mappings(t *testing.T) []vma {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	var out []vma
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			lo, hi, _ := strings.Cut(fields[0], "-")
			s, err1 := strconv.ParseUint(lo, 16, 64)
			e, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				out = append(out, vma{start: uintptr(s), end: uintptr(e)})
			}
		case len(fields) == 0:
		case len(out) > 0 && fields[0] == "VmFlags:":
			out[len(out)-1].flags = fields[1:]
		case len(out) > 0 && fields[0] == "AnonHugePages:" && len(fields) > 1:
			out[len(out)-1].hugeKB, _ = strconv.Atoi(fields[1])
		}
	}
	return out
}

// The reserved range is advised for huge pages, and the heap that grows
// into it gets them.
func TestReserveAdvisesTheHeap(t *testing.T) {
	if !Offered() {
		t.Skip("this system's transparent huge pages are not given on request (THP mode is not madvise): nothing to advise")
	}
	const n = 16 << 20
	beg, end, ok := reserve(n)
	if !ok {
		t.Fatal("madvise refused the reservation")
	}
	if end-beg < n {
		t.Fatalf("advised %d bytes, want at least %d", end-beg, n)
	}
	// The heap's next allocations take the reserved pages.
	hold := make([][]byte, 0, 256)
	for range cap(hold) {
		b := make([]byte, 32<<10)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		hold = append(hold, b)
	}
	maps := mappings(t)
	covered := uintptr(0)
	for _, m := range maps {
		if m.end <= beg || m.start >= end {
			continue
		}
		if !slices.Contains(m.flags, "hg") {
			t.Errorf("mapping %x-%x in the reserved range is not advised for huge pages (flags %v)", m.start, m.end, m.flags)
		}
		covered += min(m.end, end) - max(m.start, beg)
	}
	if covered != end-beg {
		t.Errorf("mappings cover %d of the %d reserved bytes", covered, end-beg)
	}
	// Where the allocations went (the reserved range, or one reserved
	// before it in this process, free again): advised, and on huge pages.
	advised, huge := 0, 0
	seen := map[uintptr]bool{}
	for _, b := range hold {
		a := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		for _, m := range maps {
			if a >= m.start && a < m.end {
				if slices.Contains(m.flags, "hg") {
					advised++
					if !seen[m.start] {
						seen[m.start] = true
						huge += m.hugeKB
					}
				}
				break
			}
		}
	}
	t.Logf("%d of %d allocations in advised mappings, which hold %d KB on huge pages", advised, len(hold), huge)
	if advised < len(hold)/2 {
		t.Errorf("only %d of %d allocations made after the reservation are in memory advised for huge pages", advised, len(hold))
	}
	if huge == 0 {
		t.Error("the advised memory the allocations use has no huge page (is memory too fragmented for 2 MB pages: /proc/buddyinfo?)")
	}
}
