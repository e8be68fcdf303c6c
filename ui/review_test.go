package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/content"
	"copydesk/review"
)

// openStore is a review store in a fresh SQLite file.
func openStore(t *testing.T) *review.Store {
	t.Helper()
	s, err := review.Open(context.Background(), filepath.Join(t.TempDir(), "review.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// reviewer runs a reader that reviews the embedded article as name, on an
// emulated 120x40 terminal.
func reviewer(t *testing.T, store *review.Store, name string) *screenTerm {
	t.Helper()
	st, term := newScreenTerm(t, 120, 40)
	rv := &Review{Open: func() (*review.Store, error) {
		if store == nil {
			return nil, errors.New("the review database is read-only")
		}
		return store, nil
	}, Article: "embedded", Reviewer: review.Reviewer{Name: name}}
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: asciiRenderer(), Review: rv}), term)
	t.Cleanup(func() {
		st.press("\x03")
		wait(t, done)
	})
	st.waitFor("¶ 1/18")
	return st
}

// Two readers of one article: what one marks, the other sees without a
// key press, with the reviewer's name; marks are kept, undone, noted.
func TestReviewLive(t *testing.T) {
	store := openStore(t)
	alice, bob := reviewer(t, store, "alice"), reviewer(t, store, "bob")
	alice.waitFor("✓0 ✗0 of 26")

	// alice goes to Lavrov's first quote and checks it
	alice.press("\t/lav\r")
	alice.waitFor("Lavrov 1/4")
	alice.press("c")
	alice.waitFor("saved: checked")
	alice.waitFor("✓1 ✗0 of 26")
	if !strings.Contains(alice.Text(), " 7✓▌") {
		t.Errorf("no ✓ in the gutter of ¶7:\n%s", alice.Text())
	}
	// bob sees it: in the status, the gutter and Lavrov's quotes
	bob.waitFor("✓1 ✗0 of 26")
	bob.press("\t/lav\r")
	bob.waitFor("¶7 ✓ alice said")

	// bob disputes the figure 275,000 with a note; alice sees both
	bob.press("v\t/275,000\r")
	bob.waitFor("count 275,000 → 275000 civilians")
	bob.press("x")
	bob.waitFor("saved: disputed")
	bob.press("a")
	bob.waitFor("note:")
	bob.press("the UN said 275,000 in September\r")
	alice.waitFor("✓1 ✗1 of 26")
	alice.press("vv")
	alice.waitFor("Review (2)")
	alice.waitFor("✗ bob")
	alice.waitFor("✎ the UN said 275,000 in September")

	// a note written by another program, with an escape sequence in it: kept
	// as written, shown without it
	items := review.ItemsOf(content.Embedded(), content.Analyze(content.Embedded()))
	evil := "see \x1b]52;c;cm0gLXJmIH4=\x07the wire"
	if _, err := store.Add(context.Background(), "embedded", review.Mark{Anchor: items.At(items.Len() - 1), Reviewer: review.Reviewer{Name: "carol"}, Note: evil}); err != nil {
		t.Fatal(err)
	}
	alice.waitFor("✎ see the wire")
	if strings.Contains(alice.Output(), "\x1b]52") {
		t.Error("the note's escape sequence reached the terminal")
	}

	// alice's undo takes back her check, for everyone
	alice.press("u")
	alice.waitFor("saved: undone")
	bob.waitFor("✓0 ✗1 of 26")
	log, err := store.Log(context.Background(), "embedded")
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 5 || log[0].Reviewer.Name != "alice" || log[2].Note == "" || log[3].Note != evil || log[4].Undoes != log[0].Seq {
		t.Errorf("the log: %+v", log)
	}
}

// Without a store the reader reads, and says marks are not saved and why.
func TestReviewNotSaved(t *testing.T) {
	st := reviewer(t, nil, "alice")
	st.waitFor("(not saved)")
	st.press("c")
	st.waitFor("not saved: the review database is read-only")
	st.press("j")
	st.waitFor("¶ 2/18")
}

// A note longer than the store takes is refused, never cut short.
func TestReviewLongNote(t *testing.T) {
	store := openStore(t)
	m := New(content.Embedded(), Options{Renderer: asciiRenderer(), Review: &Review{Open: func() (*review.Store, error) { return store, nil }, Article: "a", Reviewer: review.Reviewer{Name: "alice"}}})
	m = resize(m, 120, 40)
	i, _ := m.target()
	_, err := store.Add(context.Background(), "a", review.Mark{Anchor: m.rv.index.Items().At(i), Reviewer: m.rv.cfg.Reviewer, Note: strings.Repeat("n", review.MaxNote+1)})
	if err == nil {
		t.Fatal("a note over the limit was kept")
	}
	if m.note.CharLimit != review.MaxNote {
		t.Errorf("the note line takes %d characters, the store %d", m.note.CharLimit, review.MaxNote)
	}
}

// A new version of the article's file: the marks stay on their quotes,
// wherever they moved, and a mark on words that are gone is outdated.
func TestReviewRevision(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	orig, err := os.ReadFile(filepath.Join("..", "content", content.EmbeddedName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := content.Watch(path, content.DefaultMaxSize, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	store := openStore(t)
	st, term := newScreenTerm(t, 120, 40)
	ed := w.Current()
	rv := &Review{Open: func() (*review.Store, error) { return store, nil }, Article: path, Reviewer: review.Reviewer{Name: "alice"}}
	done := runAsync(context.Background(), New(ed.Article, Options{Renderer: asciiRenderer(), Analysis: ed.Analysis, Review: rv, Editions: w}), term)
	defer func() { st.press("\x03"); wait(t, done) }()
	st.waitFor("¶ 1/")
	// check Lavrov's first quote; dispute paragraph 12, which is rewritten below
	st.press("\t/lav\r")
	st.waitFor("Lavrov 1/4")
	st.press("c")
	st.waitFor("saved: checked")
	st.press("\x1b")
	time.Sleep(200 * time.Millisecond)
	st.press("12gx")
	st.waitFor("saved: disputed")
	st.press("14g")
	st.waitFor("¶ 14/18")

	revised := "A new first paragraph, written after the marks.\n" +
		strings.Replace(string(orig), "the meeting appeared ill-prepared", "the meeting seemed ill-prepared", 1)
	if err := os.WriteFile(path, []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	// The reader is told, and the text changes only when asked to.
	st.waitFor("a new version of this article is on disk: R shows it")
	st.waitFor("¶ 14/18")
	st.press("j")
	st.waitFor("new version: R")
	st.press("R")
	st.waitFor("this is the new version of the article")
	st.waitFor("¶ 16/19") // the reader stays on the paragraph it was on
	st.press("\t/lav\r")
	st.waitFor("¶8 ✓ alice said") // Lavrov's quote, now in ¶8, still checked
	st.press("vv")
	st.waitFor("Review (2)")
	st.waitFor("outdated paragraph")
	st.waitFor("“A Western diplomat in Lausanne")
}

// The review counts what a reader can mark: statements and figures. The
// quoted words inside a reported clause and a quotation's later parts are
// marked through their statement, so they are not counted apart.
func TestReviewItemsCountStatements(t *testing.T) {
	for _, tc := range []struct {
		name, text        string
		quotes, statement int
	}{
		{"an interrupted quotation", "\"The pier is a lost cause,\" said Tom Becker. \"We should sell it.\"", 2, 1},
		{"quoted words in a reported clause", "Mayor Elena Vasquez said the sale was \"a betrayal\" of the town.", 2, 1},
		{"two statements", "\"Sell it,\" said Tom Becker.\n\n\"Keep it,\" said Mayor Elena Vasquez.", 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			art, err := content.Parse("t.txt", []byte("Pier\n\n"+tc.text+"\n\nThe pier cost $4 million in 1990."))
			if err != nil {
				t.Fatal(err)
			}
			an := content.Analyze(art)
			l := reviewItems(art, an)
			if l.quotes != tc.quotes || l.statements != tc.statement {
				t.Fatalf("%d quotes, %d statements; want %d, %d", l.quotes, l.statements, tc.quotes, tc.statement)
			}
			if l.total() != tc.statement+len(an.Figures) || len(an.Figures) == 0 {
				t.Errorf("total %d with %d figures, want the statements and figures", l.total(), len(an.Figures))
			}
			counted := 0
			for i := 0; i < l.quotes+l.figures+len(art.Paragraphs); i++ {
				counted += b2i(l.counted(i))
			}
			if counted != l.total() {
				t.Errorf("%d items counted, want %d", counted, l.total())
			}
		})
	}
}
