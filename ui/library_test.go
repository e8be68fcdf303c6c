package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/content"
	"copydesk/library"
	"copydesk/review"
)

// libraryDir is a folder of n small stories, the k-th dated k days after
// 2016-10-01 in its first line's title.
func libraryDir(t *testing.T, n int) string {
	dir := t.TempDir()
	for k := range n {
		body := fmt.Sprintf("Story number %02d about the talks\n\n\"We want peace by %d October,\" Minister Karim Haddad said on Friday.\n\nThe talks lasted %d hours.\n", k, k+1, k+3)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%02d.txt", k)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The library's list through Run, as copydesk DIR shows it: articles are
// listed at once and fill in as they are analysed; enter reads one, q
// comes back, the list filters and orders, and a file copied into the
// folder appears without a key press.
func TestLibraryList(t *testing.T) {
	dir := libraryDir(t, 15)
	lib, err := library.Open(dir, content.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	store := openStore(t)
	rv := &Review{Open: func() (*review.Store, error) { return store, nil }, Reviewer: review.Reviewer{Name: "alice"}}
	st, term := newScreenTerm(t, 100, 40)
	m := NewLibrary(lib, Options{Renderer: asciiRenderer(), Review: rv})
	done := runAsync(context.Background(), m, term)
	defer func() { st.press("\x03"); wait(t, done) }()

	st.waitFor("15 articles")
	st.waitFor("1 statement · 1 speaker")
	st.waitFor("by date")

	// filter, then open the match
	st.press("/number 07")
	st.waitFor("Story number 07")
	st.press("\r") // accept the filter
	st.press("\r") // open the article
	st.waitFor("Story number 07")
	st.waitFor("¶ 1/3")
	st.press("?")
	st.waitFor("back to the list")
	st.press("?")
	st.press("f") // the first figure, checked
	st.waitFor("figure 1/")
	st.press("c")
	st.waitFor("saved: checked")
	st.press("q")
	st.waitFor("1 article • 14 filtered") // back, the filter kept
	st.waitFor("✓1 ✗0 of ")               // the list shows the review's progress
	st.press("\x1b")
	st.waitFor("15 articles")
	if strings.Contains(st.Text(), "¶ 1/3") {
		t.Fatalf("q did not go back to the list:\n%s", st.Text())
	}

	// order by title
	st.press("o")
	st.waitFor("by title")

	// a file copied into the folder shows up by itself
	body := "Zebra crossing story\n\n\"It is late,\" the mayor said.\n"
	if err := os.WriteFile(filepath.Join(dir, "zebra.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	st.waitFor("16 articles")
	st.press("o") // newest first: the new file on top
	st.waitFor("by date")
	st.waitFor("Zebra crossing story")
}

// A change to the open article's file is told, and R shows it.
func TestLibraryArticleChanged(t *testing.T) {
	dir := libraryDir(t, 2)
	lib, err := library.Open(dir, content.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	st, term := newScreenTerm(t, 100, 30)
	done := runAsync(context.Background(), NewLibrary(lib, Options{Renderer: asciiRenderer()}), term)
	defer func() { st.press("\x03"); wait(t, done) }()
	st.waitFor("2 articles")
	for {
		if done, total := lib.Progress(); done == total {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	st.press("\r")
	st.waitFor("¶ 1/3")
	path := filepath.Join(dir, "s01.txt")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	var name string
	for _, it := range lib.Items() {
		if strings.Contains(st.Text(), it.Title) {
			name = it.Name
		}
	}
	if name == "" {
		t.Fatalf("no listed article open:\n%s", st.Text())
	}
	old, _ := os.ReadFile(filepath.Join(dir, name))
	if err := os.WriteFile(filepath.Join(dir, name), append(old, "\nA paragraph added later.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	st.waitFor("R shows it")
	st.press("R")
	st.waitFor("¶ 1/4")
	st.press("\x1b") // esc with nothing to clear: back
	st.waitFor("2 articles")
}

func TestLibFilter(t *testing.T) {
	targets := []string{"The sharing economy is a lie s.html", "What is the sea telling us g.html", "Seasons of change c.html", "Port deal p.html"}
	for _, c := range []struct {
		term string
		want []int
	}{
		{"sea", []int{1, 2}}, // the words typed, in list order; not the fuzzy "s…e…a" of 0
		{"SEA", []int{1, 2}}, // whatever the case
		{"p.html", []int{3}}, // the file name
		{"prtdl", []int{3}},  // nothing holds it: letters in order
		{"zzz", nil},         // nothing at all
	} {
		var got []int
		for _, r := range libFilter(c.term, targets) {
			got = append(got, r.Index)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("libFilter(%q) = %v, want %v", c.term, got, c.want)
		}
	}
}
