package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A watched article is read again when its file changes, however it is
// saved, and a change that is no article leaves the edition before it.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(path, "Kerry said the talks failed.\n\nLavrov said they did not.\n")
	errs := make(chan error, 10)
	w, err := Watch(path, DefaultMaxSize, time.Time{}, func(err error) { errs <- err })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if ed := w.Current(); ed.Analysis != nil {
		t.Error("the first edition is analysed before anyone asked")
	}
	if ed := w.Analyzed(); ed.Analysis == nil || w.Current().Analysis != ed.Analysis {
		t.Error("Analyzed does not analyse the first edition once for all")
	}
	if n := len(w.Current().Article.Paragraphs); n != 2 {
		t.Fatalf("%d paragraphs", n)
	}
	eds, stop := w.Follow()
	defer stop()
	next := func(what string) Edition {
		t.Helper()
		select {
		case ed := <-eds:
			return ed
		case <-time.After(10 * time.Second):
			t.Fatalf("no new edition after %s", what)
			return Edition{}
		}
	}

	// written in place
	write(path, "A new first paragraph.\n\nKerry said the talks failed.\n\nLavrov said they did not.\n")
	if ed := next("a write"); len(ed.Article.Paragraphs) != 3 || len(ed.Analysis.Quotes) == 0 {
		t.Errorf("after a write: %d paragraphs, %d quotes", len(ed.Article.Paragraphs), len(ed.Analysis.Quotes))
	}
	// saved as editors do: a new file renamed over the old
	tmp := filepath.Join(dir, ".story.txt.swp")
	write(tmp, "Only this now, Kerry said.\n")
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if ed := next("a rename"); len(ed.Article.Paragraphs) != 1 || w.Current().Article != ed.Article {
		t.Errorf("after a rename: %d paragraphs", len(ed.Article.Paragraphs))
	}
	// a change that is no article: told, and the edition stays
	write(path, "")
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "empty article") {
			t.Errorf("error %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("an empty file was not reported")
	}
	if n := len(w.Current().Article.Paragraphs); n != 1 {
		t.Errorf("the edition before an unreadable change is gone: %d paragraphs", n)
	}
	// the bytes of the edition shown: nothing new; another file in the
	// folder: nothing either
	write(path, "Only this now, Kerry said.\n")
	write(filepath.Join(dir, "other.txt"), "Something else.")
	select {
	case ed := <-eds:
		t.Errorf("an edition nobody wrote: %d paragraphs", len(ed.Article.Paragraphs))
	case <-time.After(500 * time.Millisecond):
	}
}

func TestWatchRefusesWhatOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	if _, err := Watch(dir, DefaultMaxSize, time.Time{}, nil); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := Watch(filepath.Join(dir, "none.txt"), DefaultMaxSize, time.Time{}, nil); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing file: %v", err)
	}
}
