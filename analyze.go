package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/mattn/go-isatty"

	"copydesk/content"
	"copydesk/internal/hugeheap"
	"copydesk/library"
)

// analyzeMany is `copydesk analyze` of several articles: files, and the
// articles of folders. They are analysed on every core, and printed in the
// order given, so the output is the same however the work was shared;
// with --json each document is one line (JSON Lines). An article that
// cannot be read is named on stderr and the others are still printed;
// the exit status is then 1.
func analyzeMany(args []string, asJSON bool, in inputOptions, stdout, stderr io.Writer) int {
	var paths []string
	for _, a := range args {
		if !isDir(a) {
			paths = append(paths, a)
			continue
		}
		des, err := os.ReadDir(a)
		if err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		for _, de := range des { // ReadDir sorts by name
			if library.Articles(de.Name()) && !de.IsDir() {
				paths = append(paths, filepath.Join(a, de.Name()))
			}
		}
	}
	reserveHeap(paths, 16)
	type result struct {
		out  bytes.Buffer
		err  error
		done chan struct{}
	}
	results := make([]*result, len(paths))
	for i := range results {
		results[i] = &result{done: make(chan struct{})}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := results[i]
				art, err := in.load(paths[i], nil)
				if err == nil {
					an := content.Analyze(art)
					if asJSON {
						err = content.WriteJSON(&r.out, art, an)
					} else {
						err = content.WriteSummary(&r.out, art, an)
						r.out.WriteByte('\n')
					}
				}
				r.err = err
				close(r.done)
			}
		}()
	}
	go func() {
		for i := range paths {
			jobs <- i
		}
		close(jobs)
	}()
	progress, clear := func(int) {}, ""
	if f, ok := stderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) && len(paths) > 1 {
		clear = "\r\x1b[K" // the progress bar's line
		progress = func(n int) {
			const width = 30
			fill := n * width / len(paths)
			fmt.Fprintf(stderr, "\r[%s%s] %d/%d", bytes.Repeat([]byte("#"), fill), bytes.Repeat([]byte("."), width-fill), n, len(paths))
			if n == len(paths) {
				fmt.Fprint(stderr, clear)
			}
		}
	}
	status := 0
	for i, r := range results {
		<-r.done
		if r.err != nil {
			fmt.Fprintf(stderr, "%scopydesk: %v\n", clear, r.err)
			status = 1
		} else if _, err := stdout.Write(r.out.Bytes()); err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		results[i] = nil // printed: its memory may go
		progress(i + 1)
	}
	wg.Wait()
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "copydesk: no articles (.txt, .md, .html) in", args)
		return 1
	}
	return status
}

// reserveHeap readies the heap for the articles at paths (see package
// hugeheap), factor times their size, up to 1 GB: the heap only takes what
// it touches. Analysing an article of n bytes allocates about 8n (3.9 MB:
// 31 MB, the read buffer included), and a reservation too short leaves the
// rest on small pages, so analyze asks for 16n. The reader asks for the
// text alone (1n), which it keeps whole: its memory is bounded, and huge
// pages over all of it raised the peak on a 50 MB article from 227–241 to
// 244–250 MB, where the text alone on them left it as it was and brought
// the first screen from 0.40–0.46 s to 0.27–0.40 s. Under 4 MB the
// reservation's collection costs about what it saves. Stdin and addresses
// have no size beforehand and are left as they are.
func reserveHeap(paths []string, factor int64) {
	var n int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
	}
	if n = min(factor*n, 1<<30); n >= 4<<20 {
		hugeheap.Reserve(int(n))
	}
}
