// Package testkit holds what copydesk's tests and benchmarks share: the
// data sets in the shared folder beside the repository, read where they lie
// (they are copyrighted or large, and never copied into the module), and a
// measure of how the cost of a function grows with its input that a busy
// machine does not decide.
package testkit

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"
)

// Shared returns the path, relative to the package under test, of an entry
// of the shared data folder (../shared from the repository root), and skips
// the test, naming the path, when it is absent: a fresh clone has no shared
// folder, and the tests that need it say so instead of failing.
func Shared(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{sharedDir(tb)}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found (the shared data sits beside the repository): %v", p, err)
	}
	return p
}

// sharedDir finds the repository root (the folder with go.mod) above the
// working directory, which is the package under test, and returns the
// shared folder beside it, relative to the working directory.
func sharedDir(tb testing.TB) string {
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	rel := ".."
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(rel, "shared")
		}
		if filepath.Dir(dir) == dir {
			tb.Fatalf("no go.mod above %s", wd)
		}
		rel = filepath.Join(rel, "..")
	}
}

// TrainCorpus returns the PolNeAR train texts joined into one text,
// articles separated by blank lines, in name order: 3.9 MB of real news for
// benchmarks. It skips when the corpus is absent.
func TrainCorpus(tb testing.TB) []byte {
	tb.Helper()
	dir := Shared(tb, "data", "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Skipf("no PolNeAR train texts in %s", dir)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		buf.Write(data)
		buf.WriteString("\n\n")
	}
	return buf.Bytes()
}

// Paragraphs splits a text written for a test, or the train corpus, at its
// blank lines into the trimmed paragraphs the analysers are given: what the
// article reader makes of such a text, without importing it.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// MaxGrowth is how much more ten times the input may cost in a linearity
// test: ten for linear work, and room for caches, the garbage collector and
// other processes; work that grows with the square of the input costs a
// hundred times as much.
const MaxGrowth = 40

// Growth returns how many times more processor time large takes than
// small, each the best of five runs. A linear function given ten times the
// input costs about ten times as much. The measure leaves out what makes
// short and long runs differ for other reasons than the work: other
// processes, which a short run often escapes and a long one shares the
// processor with (processor time, not wall time, is counted); the garbage
// collector, whose cycles fall at different points of each run (it is
// stopped while f runs, and what the run before left collected); and the
// first touch of fresh memory (the best run reuses the memory of the others).
func Growth(small, large func()) float64 {
	best := func(f func()) time.Duration {
		b := time.Duration(1<<63 - 1)
		for range 5 {
			runtime.GC()
			gc := debug.SetGCPercent(-1)
			start := cpuTime()
			f()
			b = min(b, cpuTime()-start)
			debug.SetGCPercent(gc)
		}
		return max(b, time.Microsecond)
	}
	s := best(small)
	return float64(best(large)) / float64(s)
}

var start = time.Now()

// wallTime is the time since the tests began.
func wallTime() time.Duration { return time.Since(start) }
