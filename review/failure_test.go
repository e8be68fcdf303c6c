package review

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"copydesk/internal/pgtest"
)

// A store that fails after Open: Add says why, a follower gets an error
// batch; when the store is back, Add works again and the follower
// catches up. Nothing acknowledged is lost.

// waitErr reads the feed until an error batch, failing on marks.
func waitErr(t *testing.T, f *Feed, wait time.Duration) error {
	t.Helper()
	for {
		b := next(t, f, wait)
		if len(b.Marks) > 0 {
			t.Fatalf("marks %v where an error was due", seqs(b.Marks))
		}
		if b.Err != nil {
			return b.Err
		}
	}
}

// waitMarks reads the feed until it has n marks, failing on an error
// batch after the first empty one (the one that says the store is back).
func waitMarks(t *testing.T, f *Feed, n int, wait time.Duration) []int64 {
	t.Helper()
	var got []int64
	for len(got) < n {
		b := next(t, f, wait)
		if b.Err != nil {
			continue // the store was not back yet when the feed looked
		}
		got = append(got, seqs(b.Marks)...)
	}
	return got
}

func TestSQLiteFileGone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "review.db")
	s := open(t, path)
	if _, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, "")); err != nil {
		t.Fatal(err)
	}
	f := s.Follow("a.txt")
	defer f.Close()
	next(t, f, 5*time.Second)

	if err := os.Rename(path, path+".away"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Add(ctx, "a.txt", testMark("bob", 1, Disputed, ""))
	wantErr(t, "Add with the file moved away", err, path, "deleted or moved away", "nothing was written")
	wantErr(t, "the follower", waitErr(t, f, 3*time.Second), path, "deleted or moved away")

	if err := os.Rename(path+".away", path); err != nil {
		t.Fatal(err)
	}
	m, err := s.Add(ctx, "a.txt", testMark("bob", 1, Disputed, ""))
	if err != nil || m.Seq != 2 {
		t.Fatalf("with the file back: seq %d, %v", m.Seq, err)
	}
	if got := waitMarks(t, f, 1, 3*time.Second); !slices.Equal(got, []int64{2}) {
		t.Errorf("the follower after: %v", got)
	}
}

// TestSQLiteDiskFull fills a small file system (a tmpfs that the test
// mounts, as root) under a store.
func TestSQLiteDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system to fill needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	ctx := context.Background()
	path := filepath.Join(dir, "review.db")
	s := open(t, path)
	var acked []int64
	add := func() error {
		m, err := s.Add(ctx, "a.txt", testMark("alice", len(acked), Checked, strings.Repeat("n", 1000)))
		if err == nil {
			acked = append(acked, m.Seq)
		}
		return err
	}
	if err := add(); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	fill, _ := os.Create(filler)
	fill.Write(make([]byte, 2<<20)) // as much as fits
	fill.Close()
	var err error
	for range 1000 {
		if err = add(); err != nil {
			break
		}
	}
	wantErr(t, "Add on a full disk", err, path, "is full", "free some space")
	os.Remove(filler)
	if err := add(); err != nil {
		t.Fatalf("with space again: %v", err)
	}
	log, err := s.Log(ctx, "a.txt")
	if err != nil || !slices.Equal(seqs(log), acked) {
		t.Errorf("the log %v, acknowledged %v (%v)", seqs(log), acked, err)
	}
}

// TestPostgresDown stops PostgreSQL under two stores: Open and Add say
// it cannot be reached, a follower gets an error batch; when it is back,
// Add works and the follower of the other store gets the new marks.
func TestPostgresDown(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Start(t)
	one, two := open(t, url), open(t, url)
	if _, err := one.Add(ctx, "a.txt", testMark("alice", 1, Checked, "")); err != nil {
		t.Fatal(err)
	}
	f := two.Follow("a.txt")
	defer f.Close()
	next(t, f, 5*time.Second)

	pgtest.Stop(t)
	resumed := false
	defer func() {
		if !resumed {
			pgtest.Resume(t)
		}
	}()
	wantErr(t, "the follower", waitErr(t, f, 5*time.Second), "PostgreSQL at "+one.Where())
	_, err := one.Add(ctx, "a.txt", testMark("bob", 1, Disputed, ""))
	wantErr(t, "Add", err, "PostgreSQL at "+one.Where())
	_, err = openErr(url)
	wantErr(t, "Open", err, "cannot reach PostgreSQL at "+one.Where(), "no such file or directory")

	pgtest.Resume(t)
	resumed = true
	var m Mark
	deadline := time.Now().Add(10 * time.Second)
	for m, err = one.Add(ctx, "a.txt", testMark("bob", 1, Disputed, "")); err != nil; m, err = one.Add(ctx, "a.txt", testMark("bob", 1, Disputed, "")) {
		if time.Now().After(deadline) {
			t.Fatalf("Add after PostgreSQL is back: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if m.Seq != 2 {
		t.Errorf("the mark after: seq %d, want 2", m.Seq)
	}
	if got := waitMarks(t, f, 1, 10*time.Second); !slices.Equal(got, []int64{2}) {
		t.Errorf("the follower after: %v", got)
	}
}

// TestSQLiteOtherProcess has two Stores on one SQLite file, as two
// processes: a mark added through one reaches a follower of the other at
// its next look (sqlitePoll), not at once.
func TestSQLiteOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.db")
	one, two := open(t, path), open(t, path)
	f := two.Follow("a.txt")
	defer f.Close()
	next(t, f, 5*time.Second)
	lat := measure(t, 3, func() error {
		_, err := one.Add(context.Background(), "a.txt", testMark("alice", 1, Checked, ""))
		return err
	}, f)
	t.Logf("Add to a follower of another Store on the same SQLite file: %s", lat)
	slices.Sort(lat)
	if lat[len(lat)-1] > sqlitePoll+500*time.Millisecond {
		t.Errorf("a mark took %v to reach the other Store", lat[len(lat)-1])
	}
}

// BenchmarkPoll is what a SQLite follower's look once a second costs when
// nothing is new.
func BenchmarkPoll(b *testing.B) {
	s := open(b, filepath.Join(b.TempDir(), "review.db"))
	ctx := context.Background()
	for range 1000 {
		if _, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, "")); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if err := s.be.check(); err != nil {
			b.Fatal(err)
		}
		if ms, err := s.since(ctx, "a.txt", 1000); err != nil || len(ms) != 0 {
			b.Fatal(ms, err)
		}
	}
}
