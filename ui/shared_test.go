package ui

import (
	"runtime"
	"testing"
	"time"
	"weak"

	"copydesk/content"
)

// Readers of one analysis (the sessions of a server) share its
// preparation and the article's blocks; another analysis has its own, and a preparation no reader
// holds any more is let go.
func TestPreparedShared(t *testing.T) {
	art := content.Embedded()
	an := content.Analyze(art)
	a, b := New(art, Options{Renderer: asciiRenderer(), Analysis: an}), New(art, Options{Renderer: asciiRenderer(), Analysis: an})
	if len(a.pane.spans) == 0 || &a.pane.spans[0] != &b.pane.spans[0] {
		t.Fatal("two readers of one analysis hold two sets of highlights")
	}
	if a.pane.blockIndex != b.pane.blockIndex {
		t.Fatal("two readers of one article cut it into blocks twice")
	}
	// at one width, the same layouts; at another, their own
	a = resize(a, 100, 30)
	b = resize(b, 100, 30)
	c := resize(New(art, Options{Renderer: asciiRenderer(), Analysis: an}), 90, 30)
	la, lb, lc := a.pane.lines(0), b.pane.lines(0), c.pane.lines(0)
	if &la[0] != &lb[0] {
		t.Error("two readers at one width laid the first block out twice")
	}
	if &la[0] == &lc[0] || lc[0].width > 90 {
		t.Errorf("a reader 90 columns wide got the layout of 100 (%d columns)", lc[0].width)
	}
	other := content.Analyze(art)
	if preparedFor(art, other) == preparedFor(art, an) {
		t.Fatal("two analyses share a preparation")
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)

	key := weak.Make(other)
	gone := func() bool {
		sharedPrepared.mu.Lock()
		defer sharedPrepared.mu.Unlock()
		_, ok := sharedPrepared.m[key]
		return !ok
	}
	// a cleanup runs after the collection that finds its object gone, on
	// the runtime's own goroutine: a few collections, not one
	for n := 0; !gone(); n++ {
		if n == 1000 {
			t.Fatal("the preparation of an analysis no reader holds is kept")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(an)
}
