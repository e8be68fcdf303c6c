package sshserver

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
	"copydesk/internal/pgtest"
	"copydesk/review"
	"copydesk/ui"
)

// keyring is alice@desk and bob@desk in an authorized keys file.
type keyring struct {
	alice, bob gossh.Signer
	path       string
}

func newKeyring(t *testing.T, extra ...gossh.Signer) keyring {
	t.Helper()
	k := keyring{alice: newSigner(t), bob: newSigner(t)}
	var b strings.Builder
	for _, kc := range []struct {
		s gossh.Signer
		c string
	}{{k.alice, "alice@desk"}, {k.bob, "bob@desk"}} {
		b.WriteString(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(kc.s.PublicKey()))) + " " + kc.c + "\n")
	}
	for _, s := range extra {
		b.Write(gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	k.path = filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(k.path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return k
}

// reviewReaders serves the embedded article with review marks kept in store.
func reviewReaders(store *review.Store) func(Client) tea.Model {
	return func(c Client) tea.Model {
		art, an := embedded()
		rv := &ui.Review{Open: func() (*review.Store, error) { return store, nil }, Article: "embedded", Reviewer: review.Reviewer{Name: c.Name, Fingerprint: c.Fingerprint}}
		return ui.New(art, ui.Options{Renderer: c.Renderer, NoColor: c.NoColor, Analysis: an, Review: rv})
	}
}

// checkLavrov has tm go to Lavrov's first quote and check it.
func checkLavrov(tm *client) time.Time {
	tm.press("\t/lav\r")
	tm.waitFor("Lavrov 1/4")
	pressed := time.Now()
	tm.press("c")
	return pressed
}

// disputeFigure has tm dispute the figure 275,000 and leave a note on it.
func disputeFigure(tm *client, note string) time.Time {
	tm.press("v\t/275,000\r")
	tm.waitFor("count 275,000 → 275000 civilians")
	pressed := time.Now()
	tm.press("x")
	tm.waitFor("saved: disputed")
	tm.press("a")
	tm.waitFor("note:")
	tm.press(note + "\r")
	return pressed
}

// seenWithin waits for s on tm's screen and returns how long after since
// it showed.
func seenWithin(t *testing.T, tm *client, s string, since time.Time) time.Duration {
	t.Helper()
	tm.waitFor(s)
	return time.Since(since)
}

// Two reviewers over SSH, one article: a mark or a note of one is on the
// other's screen within a second, with the name of the key's owner.
func TestServeReviewLive(t *testing.T) {
	store, err := review.Open(context.Background(), filepath.Join(t.TempDir(), "review.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	keys := newKeyring(t)
	ts := startServer(t, func(c *Config) {
		c.AuthorizedKeys = keys.path
		c.NewReader = reviewReaders(store)
	})
	alice := openTerm(t, ts.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	bob := openTerm(t, ts.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
	alice.waitFor("✓0 ✗0 of 26")
	bob.press("\t/lav\r")
	bob.waitFor("Lavrov 1/4")

	pressed := checkLavrov(alice)
	d := seenWithin(t, bob, "¶7 ✓ alice said", pressed)
	t.Logf("alice's check on bob's screen %v after the key", d.Round(time.Millisecond))
	if d > time.Second {
		t.Errorf("bob saw alice's check after %v", d)
	}

	alice.press("v")
	alice.waitFor("Figures (10)")
	pressed = disputeFigure(bob, "the UN said 275,000 in September")
	if d := seenWithin(t, alice, "✗ bob", pressed); d > time.Second {
		t.Errorf("alice saw bob's dispute after %v", d)
	}
	alice.press("v")
	alice.waitFor("Review (2)")
	alice.waitFor("✎ the UN said 275,000 in September")
}

// kill -9 of the server, then the same store again: the marks and the note
// are there, and the export lists exactly them.
func TestServeReviewSurvivesKill(t *testing.T) {
	db := filepath.Join(t.TempDir(), "review.db")
	keys := newKeyring(t)
	p := startProc(t, "--db", db, "--authorized-keys", keys.path)
	alice := openTerm(t, p.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	bob := openTerm(t, p.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
	checkLavrov(alice)
	alice.waitFor("saved: checked")
	disputeFigure(bob, "source: UN, 14 October")
	bob.waitFor("✓1 ✗1 of 26")
	bob.waitFor("saved: disputed")
	time.Sleep(100 * time.Millisecond) // the note's answer, after the dispute's
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p.exited

	again := startProc(t, "--db", db, "--authorized-keys", keys.path)
	tm := openTerm(t, again.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	tm.waitFor("✓1 ✗1 of 26")
	tm.press("vv")
	tm.waitFor("✎ source: UN, 14 October")

	bin, err := copydeskBinary()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "review", "export", "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var doc struct {
		Marks []struct {
			Kind     string `json:"kind"`
			State    string `json:"state"`
			Note     string `json:"note"`
			Reviewer struct {
				Name string `json:"name"`
			} `json:"reviewer"`
		} `json:"marks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	var got []string
	for _, m := range doc.Marks {
		got = append(got, fmt.Sprintf("%s %s %s %q", m.Reviewer.Name, m.Kind, m.State, m.Note))
	}
	slices.Sort(got)
	want := []string{`alice quote checked ""`, `bob figure disputed "source: UN, 14 October"`}
	if !slices.Equal(got, want) {
		t.Errorf("export lists %q, want %q", got, want)
	}
}

// Twenty reviewers marking at once for ten seconds lose nothing: every
// mark made is in the store, and every screen ends showing the same
// review.
func TestServeReviewLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("ten seconds of twenty reviewers")
	}
	const reviewers = 20
	db := filepath.Join(t.TempDir(), "review.db")
	p := startProc(t, "--db", db, "--rate-limit", "1000")
	clients := make([]*client, reviewers)
	for i := range clients {
		clients[i] = openTerm(t, p.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0", width: 100, height: 30})
		clients[i].waitFor("of 26")
	}
	var wg sync.WaitGroup
	presses := make([]int, reviewers)
	stop := time.Now().Add(10 * time.Second)
	for i, tm := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// each on a paragraph of its own, then on the figures
			tm.press(fmt.Sprintf("%dg", i%18+1))
			// five keys a second each, far faster than people mark
			for k := 0; time.Now().Before(stop); k++ {
				tm.press([]string{"c", "x", "c", "f"}[k%4])
				if k%4 != 3 {
					presses[i]++
				}
				time.Sleep(200 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range presses {
		total += n
	}
	store, err := review.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var log []review.Mark
	if !eventually(waitLimit, func() bool {
		log, err = store.Log(context.Background(), "embedded:"+content.EmbeddedName)
		return err == nil && len(log) == total
	}) {
		for i, tm := range clients {
			if out := tm.out.String(); strings.Contains(out, "not saved") {
				i0 := strings.Index(out, "not saved")
				t.Logf("reviewer %d was told: %q", i, out[i0:min(len(out), i0+120)])
			}
		}
		t.Fatalf("%d marks made, %d in the store (%v)", total, len(log), err)
	}
	for i, m := range log {
		if m.Seq != int64(i+1) {
			t.Fatalf("seq %d at %d", m.Seq, i)
		}
	}
	art := content.Embedded()
	board := review.Fold(log, review.NewIndex(review.ItemsOf(art, content.Analyze(art))))
	checked, disputed := 0, 0
	for _, i := range board.Items() {
		if i >= 30 { // paragraphs do not count
			continue
		}
		switch g := glyph(board.On(i)); g {
		case "✗":
			disputed++
		case "✓":
			checked++
		}
	}
	want := fmt.Sprintf("✓%d ✗%d of 26", checked, disputed)
	for i, tm := range clients {
		if !tm.sees(want, waitLimit) {
			t.Errorf("reviewer %d never showed %q:\n%s", i, want, tm.scr.Row(29))
		}
	}
	t.Logf("%d reviewers, %d marks in 10 s, every one kept; every screen shows %s", reviewers, total, want)
}

func glyph(ms []review.Mark) string {
	g := ""
	for _, m := range ms {
		switch {
		case m.State == review.Disputed:
			return "✗"
		case m.State == review.Checked:
			g = "✓"
		}
	}
	return g
}

// Two servers on one PostgreSQL: a mark made on one shows on a session of
// the other within two seconds.
func TestServeReviewTwoServers(t *testing.T) {
	url := pgtest.Start(t)
	keys := newKeyring(t)
	one := startProc(t, "--db", url, "--authorized-keys", keys.path)
	two := startProc(t, "--db", url, "--authorized-keys", keys.path)
	alice := openTerm(t, one.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	bob := openTerm(t, two.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
	bob.press("\t/lav\r")
	bob.waitFor("Lavrov 1/4")
	var seen []time.Duration
	pressed := checkLavrov(alice)
	seen = append(seen, seenWithin(t, bob, "¶7 ✓ alice said", pressed))
	pressed = disputeFigure(alice, "per the UN")
	seen = append(seen, seenWithin(t, bob, "✓1 ✗1 of 26", pressed))
	for _, d := range seen {
		if d > 2*time.Second {
			t.Errorf("a mark took %v to reach the other server's session", d)
		}
	}
	t.Logf("marks on the other server's screen after %v", seen)
}

// The served file changes: the marks stay on their quotes, and a mark on
// words that were rewritten is listed as outdated with those words.
func TestServeReviewRevision(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("..", "content", content.EmbeddedName))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	keys := newKeyring(t)
	p := startProc(t, "--db", filepath.Join(t.TempDir(), "review.db"), "--authorized-keys", keys.path, path)
	alice := openTerm(t, p.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
	checkLavrov(alice)
	alice.waitFor("saved: checked")
	alice.press("\x1b")
	time.Sleep(200 * time.Millisecond)
	alice.press("12gx")
	alice.waitFor("✓1 ✗0 of 26")

	revised := "A new first paragraph, written after the marks.\n" +
		strings.Replace(string(orig), "the meeting appeared ill-prepared", "the meeting seemed ill-prepared", 1)
	if err := os.WriteFile(path, []byte(revised), 0o644); err != nil {
		t.Fatal(err)
	}
	alice.waitFor("a new version of this article is on disk: R shows it")
	alice.press("R")
	// a reader who comes after the change reads the new version, marks and all
	bob := openTerm(t, p.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
	for _, tm := range []*client{alice, bob} {
		tm.waitFor("/19")
		tm.press("\t/lav\r")
		tm.waitFor("¶8 ✓ alice said")
		tm.press("vv")
		tm.waitFor("outdated paragraph")
		tm.waitFor("“A Western diplomat in Lausanne")
	}
}

// How long a mark takes from the key to a colleague's screen: on one
// server with SQLite, and between two servers on PostgreSQL.
func TestServeReviewLatency(t *testing.T) {
	measure := func(name string, a, b *serverProc, keys keyring) {
		alice := openTerm(t, a.dial(keys.alice), termOptions{bg: "rgb:0/0/0"})
		bob := openTerm(t, b.dial(keys.bob), termOptions{bg: "rgb:0/0/0"})
		alice.waitFor("✓0 ✗0 of 26")
		bob.waitFor("✓0 ✗0 of 26")
		var took []time.Duration
		for i := 1; i <= 10; i++ {
			alice.press("f")
			alice.waitFor(fmt.Sprintf("figure %d/10", i))
			time.Sleep(50 * time.Millisecond)
			pressed := time.Now()
			alice.press("c")
			took = append(took, seenWithin(t, bob, fmt.Sprintf("✓%d ✗0 of 26", i), pressed))
		}
		slices.Sort(took)
		t.Logf("%s: a mark on a colleague's screen %v after the key (median), at most %v", name, took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
		if took[len(took)-1] > 2*time.Second {
			t.Errorf("%s: a mark took %v", name, took[len(took)-1])
		}
	}
	keys := newKeyring(t)
	one := startProc(t, "--db", filepath.Join(t.TempDir(), "review.db"), "--authorized-keys", keys.path)
	measure("SQLite, one server", one, one, keys)
	url := pgtest.Start(t)
	two, three := startProc(t, "--db", url, "--authorized-keys", keys.path), startProc(t, "--db", url, "--authorized-keys", keys.path)
	measure("PostgreSQL, two servers", two, three, keys)
}
