package sshserver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/content"
)

// copydesk serve DIR: every session has the folder's list at once, while
// the articles are analysed; a file copied into the folder shows up on an
// open list without a key press; enter reads an article, q comes back.
func TestServeLibrary(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "content", content.EmbeddedName))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// fifteen versions of the embedded article, each with a title of its own
	for i := range 15 {
		body := fmt.Sprintf("Syria talks, take %02d\n\n%s", i, seed)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("talks-%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	keys := newKeyring(t)
	p := startProc(t, "--db", filepath.Join(t.TempDir(), "review.db"), "--authorized-keys", keys.path, dir)

	start := time.Now()
	alice := openTerm(t, p.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	alice.waitFor("15 articles")
	t.Logf("list on screen %v after connecting", time.Since(start).Round(time.Millisecond))
	bob := openTerm(t, p.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
	bob.waitFor("15 articles")
	alice.waitFor("6 speakers") // analysed: the counts fill in

	// a file copied in shows on both lists by itself
	copied := time.Now()
	body := "Late story on the talks\n\n\"We are not there yet,\" Kerry told reporters on Sunday.\n"
	tmp := filepath.Join(t.TempDir(), "late.txt")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "late.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tm := range []*client{alice, bob} {
		tm.waitFor("16 articles")
		tm.waitFor("Late story on the talks")
	}
	t.Logf("a file copied in listed %v after", time.Since(copied).Round(time.Millisecond))

	// alice reads it and comes back; bob's list is his own
	alice.press("/late")
	alice.waitFor("1 article")
	alice.press("\r\r")
	alice.waitFor("¶ 1/2")
	alice.waitFor("Kerry")
	if strings.Contains(bob.scr.Text(), "¶ 1/2") {
		t.Error("bob's screen follows alice's")
	}
	alice.press("q")
	alice.waitFor("15 filtered")
}
