package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/content"
	"copydesk/library"
)

// waitGone waits for want to leave the screen.
func (s *screenTerm) waitGone(want string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(s.Text(), want) {
		if time.Now().After(deadline) {
			s.t.Fatalf("%q is still on the screen:\n%s", want, s.Text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A notice from the host, through Terminal.Notices, takes the reader's
// status line, cleaned and cut to the width, whatever the mode, until the
// next key; "" takes it away too.
func TestRunNotice(t *testing.T) {
	st, term := newScreenTerm(t, 80, 24)
	notices := make(chan string)
	term.Notices = notices
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: asciiRenderer()}), term)
	st.waitFor("¶ 1/18")

	notices <- "idle: this session closes in 1:00 — press any key to keep it"
	st.waitFor("idle: this session closes in 1:00")
	if !strings.Contains(st.Row(23), "press any key") {
		t.Errorf("the notice is not on the status line:\n%s", st.Text())
	}
	st.press("j")
	st.waitFor("¶ 2/18")
	st.waitGone("idle:")

	// the host's text is never trusted: no escapes, one line, the width
	before, top := len(st.Output()), st.Row(0)
	notices <- "bad\x1b[2J\nnews " + strings.Repeat("x", 200)
	st.waitFor("bad")
	if strings.Contains(st.Output()[before:], "\x1b[2J") {
		t.Error("an escape in a notice reached the terminal")
	}
	if !strings.Contains(st.Row(23), "bad news xxx") || st.Row(0) != top {
		t.Errorf("the notice is not on the status line:\n%s", st.Text())
	}
	// in a search the notice shows too, and a key takes it away
	st.press("/")
	st.waitFor("search the article") // the key first: a key takes a notice away
	notices <- "closes soon"
	st.waitFor("closes soon")
	st.press("w")
	st.waitGone("closes soon")
	st.press("\x1b")
	st.waitFor("¶ 2/18") // the search closed first, as above
	notices <- "taken back"
	st.waitFor("taken back")
	notices <- ""
	st.waitGone("taken back")
	st.waitFor("¶ 2/18")

	st.press("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
}

// The library shows a notice on its list, and passes one to its open
// reader; a key takes it away in either.
func TestLibraryNotice(t *testing.T) {
	lib, err := library.Open(libraryDir(t, 2), content.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	st, term := newScreenTerm(t, 100, 30)
	notices := make(chan string)
	term.Notices = notices
	done := runAsync(context.Background(), NewLibrary(lib, Options{Renderer: asciiRenderer()}), term)
	defer func() { st.press("\x03"); wait(t, done) }()
	st.waitFor("2 articles")

	notices <- "on the list"
	st.waitFor("on the list")
	st.press("j")
	st.waitGone("on the list")

	st.press("\r")
	st.waitFor("¶ 1/3")
	notices <- "in the reader"
	st.waitFor("in the reader")
	if !strings.Contains(st.Row(29), "in the reader") {
		t.Errorf("the notice is not on the reader's status line:\n%s", st.Text())
	}
	st.press("j")
	st.waitGone("in the reader")
	st.waitFor("¶ 2/3")
}
