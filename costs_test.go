package main

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"copydesk/internal/hugeheap"
)

// Every command pays for the initialisation of every package linked in,
// before it reads a byte: a start-up that allocates megabytes is also one
// that takes tens of milliseconds, on every `copydesk analyze` of a short
// file. The bound counts bytes, which do not depend on a busy machine;
// chroma's lexer and style registries alone (Glamour's highlighter, which
// copydesk never calls) allocated 4.2 MB, and the whole start 8 MB.
func TestStartupAllocations(t *testing.T) {
	bin := buildReader(t)
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte("\"We will not pay,\" the mayor said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "analyze", file)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, out)
	}
	type pkgInit struct {
		name  string
		bytes int
	}
	var inits []pkgInit
	total := 0
	// init copydesk/content/text @1.2 ms, 0.23 ms clock, 48336 bytes, 28 allocs
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("unreadable inittrace line %q", line)
		}
		inits = append(inits, pkgInit{f[1], n})
		total += n
	}
	if len(inits) < 20 {
		t.Fatalf("inittrace listed %d packages; is GODEBUG=inittrace=1 honoured?\n%s", len(inits), out)
	}
	slices.SortFunc(inits, func(a, b pkgInit) int { return cmp.Compare(b.bytes, a.bytes) })
	var top strings.Builder
	for _, p := range inits[:5] {
		fmt.Fprintf(&top, "\n  %8d  %s", p.bytes, p.name)
	}
	t.Logf("package initialisation allocated %.1f MB in %d packages; the most:%s", float64(total)/1e6, len(inits), top.String())
	if total > 5e6 {
		t.Errorf("package initialisation allocated %.1f MB, more than 5 MB; the most:%s", float64(total)/1e6, top.String())
	}
}

// minorFaults runs bin with args and returns the page faults it took.
func minorFaults(t *testing.T, bin string, args ...string) int64 {
	t.Helper()
	cmd := exec.Command(bin, args...)
	// a memory limit from the environment would turn the reservation off
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "GOMEMLIMIT=") })
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage for a child process here")
	}
	return ru.Minflt
}

// On a virtual machine each fresh 4 KB page the heap touches costs about
// 10 µs, a third of `analyze`'s time on 3.9 MB: the analysis asks for its
// heap on huge pages (internal/hugeheap). Page faults are counted, not
// timed: analysing a 4 MB article on small pages took about 8.5 faults per
// 4 KB of text beyond a one-line article's; on huge pages under 1 (the
// code the analysis runs is paged in too).
func TestAnalyzeHeapOnHugePages(t *testing.T) {
	if !hugeheap.Offered() {
		t.Skip("huge pages are not given on request here (THP mode is not madvise, or overcommit is strict): the analysis reserves nothing")
	}
	bin := buildReader(t)
	seed, err := os.ReadFile("content/lausanne-syria-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	big, small := filepath.Join(dir, "big.txt"), filepath.Join(dir, "small.txt")
	text := bytes.Repeat(append(seed, "\n\n"...), 4<<20/len(seed))
	if err := os.WriteFile(big, text, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(small, []byte("\"We will not pay,\" the mayor said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := minorFaults(t, bin, "analyze", "--json", small)
	faults := minorFaults(t, bin, "analyze", "--json", big)
	pages := int64(len(text) / 4096)
	t.Logf("%d faults for a one-line article, %d for %d KB: %.1f per 4 KB of text", base, faults, len(text)>>10, float64(faults-base)/float64(pages))
	if faults-base > 4*pages {
		t.Errorf("analysing %d KB took %d page faults more than a one-line article, over 4 per 4 KB of text: is the heap on small pages?", len(text)>>10, faults-base)
	}
}
