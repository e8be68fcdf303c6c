package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/content"
)

func story(speaker string, n int) string {
	return fmt.Sprintf("Talks on item %d\n\n\"We will not give up,\" %s said on Friday, after %d hours of talks.\n", n, speaker, n+2)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor waits for the library to satisfy ok, checking at each change;
// the deadline is generous, since the machine may be busy: what matters
// is that it happens without a restart.
func waitFor(t *testing.T, l *Library, what string, ok func([]Item) bool) []Item {
	t.Helper()
	ch, stop := l.Changes()
	defer stop()
	deadline := time.After(30 * time.Second)
	for {
		items := l.Items()
		if ok(items) {
			return items
		}
		select {
		case <-ch:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatalf("%s: not after 30 s; items: %+v", what, items)
		}
	}
}

func byName(items []Item, name string) (Item, bool) {
	for _, it := range items {
		if it.Name == name {
			return it, true
		}
	}
	return Item{}, false
}

func allRead(items []Item) bool {
	for _, it := range items {
		if !it.Ready && it.Err == nil {
			return false
		}
	}
	return true
}

func TestLibraryFollowsFolder(t *testing.T) {
	dir := t.TempDir()
	for i, sp := range []string{"Kerry", "Lavrov", "Zarif"} {
		write(t, filepath.Join(dir, fmt.Sprintf("story-%d.txt", i)), story(sp, i))
	}
	write(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8\xff")            // not an article
	write(t, filepath.Join(dir, ".story.txt.swp"), "editor's swap file") // hidden
	write(t, filepath.Join(dir, "broken.txt"), "\x00\x01binary")

	l, err := Open(dir, content.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := len(l.Items()); got != 4 {
		t.Fatalf("listed at once: %d items, want 4 (3 stories and the broken one)", got)
	}
	items := waitFor(t, l, "all read", allRead)
	for _, it := range items {
		if it.Name == "broken.txt" {
			if it.Ready || it.Err == nil || !strings.Contains(it.Err.Error(), "NUL byte") {
				t.Errorf("broken.txt: ready %v, err %v; want an error naming the NUL byte", it.Ready, it.Err)
			}
			continue
		}
		if !it.Ready || it.Quotes != 1 || it.Speakers != 1 || it.Figures == 0 || !strings.HasPrefix(it.Title, "Talks on item") {
			t.Errorf("%s: %+v", it.Name, it)
		}
	}
	if done, total := l.Progress(); done != 4 || total != 4 {
		t.Errorf("progress %d/%d, want 4/4", done, total)
	}

	// A follower of an article hears of its new version.
	eds, stop := l.Follow("story-1.txt")
	defer stop()

	cases := []struct {
		name string
		do   func()
		ok   func([]Item) bool
	}{
		{"a file copied in", func() { write(t, filepath.Join(dir, "new.md"), story("Obama", 7)) },
			func(items []Item) bool { it, ok := byName(items, "new.md"); return ok && it.Ready }},
		{"a file renamed in", func() {
			tmp := filepath.Join(t.TempDir(), "x.txt")
			write(t, tmp, story("Merkel", 8))
			if err := os.Rename(tmp, filepath.Join(dir, "renamed.txt")); err != nil {
				t.Skip("rename across folders:", err)
			}
		}, func(items []Item) bool { it, ok := byName(items, "renamed.txt"); return ok && it.Ready }},
		{"a file written in place", func() { write(t, filepath.Join(dir, "story-1.txt"), story("Putin", 1)+"\nA second paragraph.\n") },
			func(items []Item) bool { it, _ := byName(items, "story-1.txt"); return it.Version == 2 }},
		{"a file removed", func() { os.Remove(filepath.Join(dir, "story-2.txt")) },
			func(items []Item) bool { _, ok := byName(items, "story-2.txt"); return !ok }},
		{"a file renamed away", func() { os.Rename(filepath.Join(dir, "story-0.txt"), filepath.Join(dir, "story-0.bak")) },
			func(items []Item) bool { _, ok := byName(items, "story-0.txt"); return !ok }},
	}
	for _, c := range cases {
		c.do()
		waitFor(t, l, c.name, c.ok)
	}
	select {
	case ed := <-eds:
		if len(ed.Article.Paragraphs) != 3 || !strings.Contains(ed.Article.Paragraphs[1].Text, "Putin") {
			t.Errorf("the follower got %+v", ed.Article.Paragraphs)
		}
	case <-time.After(10 * time.Second):
		t.Error("the follower of story-1.txt heard of no new version")
	}
	if ed, ok := l.Edition("story-1.txt"); !ok || len(ed.Article.Paragraphs) != 3 {
		t.Errorf("Edition(story-1.txt) = %v, %v", ed.Article, ok)
	}
}

func TestOpenRefuses(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	write(t, file, "text")
	for _, c := range []struct{ path, want string }{
		{filepath.Join(t.TempDir(), "missing"), "no such file or directory"},
		{file, "not a folder"},
	} {
		if _, err := Open(c.path, content.DefaultMaxSize); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%s): %v, want %q", c.path, err, c.want)
		}
	}
}

func TestArticles(t *testing.T) {
	for name, want := range map[string]bool{
		"a.txt": true, "b.MD": true, "c.html": true, "d.htm": true, "e.markdown": true,
		"f.jpg": false, "g": false, ".h.txt": false, "i.txt~": false, "#j.txt#": false, "k.pdf": false,
	} {
		if got := Articles(name); got != want {
			t.Errorf("Articles(%q) = %v, want %v", name, got, want)
		}
	}
}
