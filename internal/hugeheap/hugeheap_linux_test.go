package hugeheap

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
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
	if !onRequest() {
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
	covered, huge := uintptr(0), 0
	for _, m := range mappings(t) {
		if m.end <= beg || m.start >= end {
			continue
		}
		if !slicesContains(m.flags, "hg") {
			t.Errorf("mapping %x-%x in the reserved range is not advised for huge pages (flags %v)", m.start, m.end, m.flags)
		}
		covered += min(m.end, end) - max(m.start, beg)
		huge += m.hugeKB
	}
	if covered != end-beg {
		t.Errorf("mappings cover %d of the %d reserved bytes", covered, end-beg)
	}
	t.Logf("after 8 MB of allocations: %d KB of the reserved range on huge pages", huge)
	if huge == 0 {
		t.Error("8 MB of allocations after the reservation got no huge page (are they elsewhere in the heap, or is memory too fragmented for 2 MB pages: /proc/buddyinfo?)")
	}
	_ = hold
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
