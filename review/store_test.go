package review

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// backends runs fn on each database: a new SQLite file, and a new
// database on the test binary's PostgreSQL (skipped, saying why, where
// there is none).
func backends(t *testing.T, fn func(t *testing.T, where string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "review.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.Start(t)) })
}

func open(t testing.TB, where string) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Open(ctx, where)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testMark is a mark on the n-th quote of a made-up paragraph.
func testMark(reviewer string, n int, state State, note string) Mark {
	para := fmt.Sprintf("Kerry said the talks were “useful %d” and would resume.", n)
	s := strings.Index(para, "useful")
	a := NewAnchor(Quote, para, n, s, s+len(fmt.Sprintf("useful %d", n)))
	a.Speaker = "John Kerry"
	return Mark{Anchor: a, Reviewer: Reviewer{Name: reviewer, Fingerprint: "SHA256:" + reviewer}, State: state, Note: note}
}

func TestAddLogArticles(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		ctx := context.Background()
		s := open(t, where)
		if log, err := s.Log(ctx, "nothing.txt"); err != nil || len(log) != 0 {
			t.Fatalf("the log of an article never marked: %v, %v", log, err)
		}
		if names, err := s.Articles(ctx); err != nil || len(names) != 0 {
			t.Fatalf("articles of an empty store: %v, %v", names, err)
		}
		escape := "see \x1b]8;;http://evil\x07here\x1b]8;;\x07 \x1b[31mred\x1b[0m\ttab\r\nline — “quoted”"
		before := time.Now().Add(-time.Second)
		var added []Mark
		for i, a := range []struct {
			article string
			m       Mark
		}{
			{"b.txt", testMark("alice", 1, Checked, "")},
			{"a.txt", testMark("bob", 2, Disputed, escape)},
			{"b.txt", testMark("bob", 1, Disputed, "the UN says 6,000")},
			{"b.txt", Mark{Anchor: testMark("alice", 1, "", "").Anchor, Reviewer: Reviewer{Name: "alice"}, Undoes: 1}},
		} {
			m, err := s.Add(ctx, a.article, a.m)
			if err != nil {
				t.Fatalf("add %d: %v", i, err)
			}
			if m.At.Before(before) || m.At.After(time.Now().Add(time.Second)) || m.At.Location() != time.UTC {
				t.Errorf("add %d: time %v", i, m.At)
			}
			if a.article == "b.txt" {
				added = append(added, m)
			}
		}
		if got := []int64{added[0].Seq, added[1].Seq, added[2].Seq}; !slices.Equal(got, []int64{1, 2, 3}) {
			t.Errorf("b.txt seqs %v, want 1 2 3", got)
		}
		log, err := s.Log(ctx, "b.txt")
		if err != nil {
			t.Fatal(err)
		}
		if !equalMarks(log, added) {
			t.Errorf("log of b.txt:\n%+v\nwant\n%+v", log, added)
		}
		a, _ := s.Log(ctx, "a.txt")
		if len(a) != 1 || a[0].Seq != 1 || a[0].Note != escape {
			t.Errorf("a.txt: %+v (the note must come back verbatim)", a)
		}
		names, err := s.Articles(ctx)
		if err != nil || !slices.Equal(names, []string{"a.txt", "b.txt"}) {
			t.Errorf("articles %v, %v", names, err)
		}
		// and all of it again from a new Store
		s.Close()
		s2 := open(t, where)
		again, err := s2.Log(ctx, "b.txt")
		if err != nil || !equalMarks(again, added) {
			t.Errorf("after reopening: %+v %v", again, err)
		}
		if m, err := s2.Add(ctx, "b.txt", testMark("carol", 3, Checked, "")); err != nil || m.Seq != 4 {
			t.Errorf("after reopening, the next seq: %d, %v", m.Seq, err)
		}
	})
}

func equalMarks(a, b []Mark) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !x.At.Equal(y.At) {
			return false
		}
		x.At, y.At = time.Time{}, time.Time{}
		if x != y {
			return false
		}
	}
	return true
}

func TestAddRefuses(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		ctx := context.Background()
		s := open(t, where)
		long := strings.Repeat("é", MaxNote+1)
		_, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, long))
		if !errors.Is(err, ErrNoteTooLong) || !strings.Contains(err.Error(), "2001") || !strings.Contains(err.Error(), "2000 characters") {
			t.Errorf("a note of 2001 characters: %v", err)
		}
		if _, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, strings.Repeat("é", MaxNote))); err != nil {
			t.Errorf("a note of 2000 characters (4000 bytes): %v", err)
		}
		for _, bad := range []string{"nul\x00byte", "invalid \xff byte"} {
			if _, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, bad)); !errors.Is(err, ErrNotText) {
				t.Errorf("note %q: %v", bad, err)
			}
		}
		m := testMark("alice", 1, "approved", "")
		if _, err := s.Add(ctx, "a.txt", m); err == nil || !strings.Contains(err.Error(), "checked, disputed") {
			t.Errorf("an unknown state: %v", err)
		}
		log, _ := s.Log(ctx, "a.txt")
		if len(log) != 1 || log[0].Seq != 1 {
			t.Errorf("what was refused was written: %+v", log)
		}
	})
}

// TestConcurrentWriters has twenty sessions add marks to one article for
// two seconds while four follow it, one of them slowly: the log holds
// every mark whose Add returned nil, numbered 1..n, and every follower
// ends with exactly those, in order.
func TestConcurrentWriters(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		ctx := context.Background()
		s := open(t, where)
		const article = "busy.txt"
		type seen struct {
			marks []Mark
			err   []error
		}
		followers := make([]*seen, 4)
		var fw sync.WaitGroup
		feeds := make([]*Feed, len(followers))
		for i := range followers {
			followers[i] = &seen{}
			feeds[i] = s.Follow(article)
			fw.Add(1)
			go func(i int) {
				defer fw.Done()
				for b := range feeds[i].C {
					if b.Err != nil {
						followers[i].err = append(followers[i].err, b.Err)
					}
					followers[i].marks = append(followers[i].marks, b.Marks...)
					if i == 0 {
						time.Sleep(50 * time.Millisecond) // the slow reader
					}
				}
			}(i)
		}

		const writers = 20
		duration := 2 * time.Second
		var (
			mu    sync.Mutex
			acked []Mark
			errs  []error
			wg    sync.WaitGroup
		)
		start := time.Now()
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; time.Since(start) < duration; n++ {
					m, err := s.Add(ctx, article, testMark(fmt.Sprintf("writer%d", w), n, Checked, fmt.Sprint(w, "/", n)))
					mu.Lock()
					if err != nil {
						errs = append(errs, err)
					} else {
						acked = append(acked, m)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		if len(errs) > 0 {
			t.Fatalf("%d adds failed, the first: %v", len(errs), errs[0])
		}
		sort.Slice(acked, func(i, j int) bool { return acked[i].Seq < acked[j].Seq })
		t.Logf("%d writers: %d marks in %v, %.0f marks/s", writers, len(acked), elapsed.Round(time.Millisecond), float64(len(acked))/elapsed.Seconds())
		for i, m := range acked {
			if m.Seq != int64(i+1) {
				t.Fatalf("acknowledged seqs are not 1..n: the %d-th is %d", i+1, m.Seq)
			}
		}
		log, err := s.Log(ctx, article)
		if err != nil {
			t.Fatal(err)
		}
		if !equalMarks(log, acked) {
			t.Fatalf("the log (%d marks) is not the acknowledged marks (%d)", len(log), len(acked))
		}
		deadline := time.Now().Add(20 * time.Second)
		for _, f := range feeds {
			for {
				mu.Lock()
				done := true
				for _, fo := range followers {
					done = done && len(fo.marks) >= len(acked)
				}
				mu.Unlock()
				if done || time.Now().After(deadline) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			f.Close()
		}
		fw.Wait()
		for i, fo := range followers {
			if len(fo.err) > 0 {
				t.Errorf("follower %d: error batches: %v", i, fo.err)
			}
			if !equalMarks(fo.marks, acked) {
				t.Errorf("follower %d has %d marks, want the %d acknowledged in order", i, len(fo.marks), len(acked))
			}
		}
	})
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := DefaultPath(); p != "/data/copydesk/review.db" {
		t.Errorf("with XDG_DATA_HOME: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ann")
	if p, _ := DefaultPath(); p != "/home/ann/.local/share/copydesk/review.db" {
		t.Errorf("without: %s", p)
	}
	// Open("") uses it, and makes the folder 0700
	home := t.TempDir()
	t.Setenv("HOME", home)
	s := open(t, "")
	want := filepath.Join(home, ".local/share/copydesk/review.db")
	if s.Where() != want {
		t.Errorf("Where %s, want %s", s.Where(), want)
	}
	if fi, err := os.Stat(filepath.Dir(want)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v %v", fi.Mode(), err)
	}
	if _, err := s.Add(context.Background(), "a.txt", testMark("alice", 1, Checked, "")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{want, want + "-wal"} {
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, fi.Mode(), err)
		}
	}
}
