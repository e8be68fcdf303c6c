package review

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"copydesk/internal/pgtest"
)

// next is the feed's next batch, failing the test after wait.
func next(t *testing.T, f *Feed, wait time.Duration) Batch {
	t.Helper()
	select {
	case b, ok := <-f.C:
		if !ok {
			t.Fatal("the feed closed")
		}
		return b
	case <-time.After(wait):
		t.Fatalf("no batch within %v", wait)
	}
	return Batch{}
}

func seqs(ms []Mark) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.Seq)
	}
	return out
}

func TestFollow(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		ctx := context.Background()
		s := open(t, where)
		for _, a := range []string{"a.txt", "a.txt", "b.txt"} {
			if _, err := s.Add(ctx, a, testMark("alice", 1, Checked, "")); err != nil {
				t.Fatal(err)
			}
		}
		fa, fb, fe := s.Follow("a.txt"), s.Follow("b.txt"), s.Follow("empty.txt")
		defer fa.Close()
		if b := next(t, fa, 5*time.Second); b.Err != nil || !slices.Equal(seqs(b.Marks), []int64{1, 2}) {
			t.Fatalf("a.txt's first batch: %v %v", seqs(b.Marks), b.Err)
		}
		if b := next(t, fb, 5*time.Second); b.Err != nil || !slices.Equal(seqs(b.Marks), []int64{1}) {
			t.Fatalf("b.txt's first batch: %v %v", seqs(b.Marks), b.Err)
		}
		if b := next(t, fe, 5*time.Second); b.Err != nil || len(b.Marks) != 0 {
			t.Fatalf("an article without marks: its first batch is empty: %+v", b)
		}
		m, err := s.Add(ctx, "a.txt", testMark("bob", 2, Disputed, "no"))
		if err != nil {
			t.Fatal(err)
		}
		if b := next(t, fa, 2*time.Second); b.Err != nil || len(b.Marks) != 1 || !equalMarks(b.Marks, []Mark{m}) {
			t.Fatalf("the new mark: %+v", b)
		}
		// the followers of other articles hear nothing
		select {
		case b := <-fb.C:
			t.Errorf("b.txt's follower got %+v for a mark on a.txt", b)
		case <-time.After(300 * time.Millisecond):
		}
		// a slow reader is sent, when it reads, everything since its last
		for range 5 {
			if _, err := s.Add(ctx, "b.txt", testMark("bob", 3, Checked, "")); err != nil {
				t.Fatal(err)
			}
		}
		var got []int64
		for len(got) < 5 {
			b := next(t, fb, 2*time.Second)
			got = append(got, seqs(b.Marks)...)
		}
		if !slices.Equal(got, []int64{2, 3, 4, 5, 6}) {
			t.Errorf("b.txt after five adds: %v", got)
		}
		fb.Close()
		if _, ok := <-fb.C; ok {
			t.Error("a closed feed's channel stays open")
		}
		s.Close()
		if _, ok := <-fe.C; ok {
			t.Error("Store.Close leaves a feed open")
		}
		fe.Close() // after the store's Close: no effect
	})
}

// TestFollowLatency measures the time from calling Add to a follower in
// the same process having the mark.
func TestFollowLatency(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		s := open(t, where)
		f := s.Follow("a.txt")
		defer f.Close()
		next(t, f, 5*time.Second)
		lat := measure(t, 200, func() error {
			_, err := s.Add(context.Background(), "a.txt", testMark("alice", 1, Checked, ""))
			return err
		}, f)
		t.Logf("Add to a follower in the same process: %s", lat)
	})
}

type latencies []time.Duration

func (l latencies) String() string {
	s := slices.Clone(l)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return fmt.Sprintf("median %v, max %v over %d marks", s[len(s)/2].Round(time.Microsecond), s[len(s)-1].Round(time.Microsecond), len(s))
}

// measure adds n marks with add, one at a time, and times each from the
// call to f delivering it.
func measure(t *testing.T, n int, add func() error, f *Feed) latencies {
	t.Helper()
	var l latencies
	for range n {
		start := time.Now()
		if err := add(); err != nil {
			t.Fatal(err)
		}
		b := next(t, f, 2*time.Second)
		if b.Err != nil || len(b.Marks) != 1 {
			t.Fatalf("%+v", b)
		}
		l = append(l, time.Since(start))
	}
	return l
}

// TestTwoServers opens two Stores on one PostgreSQL database, as two
// servers sharing a desk: a mark added through one reaches a follower of
// the other within 2 s; a restart of PostgreSQL gives the follower an
// error batch, then the marks added after it.
func TestTwoServers(t *testing.T) {
	url := pgtest.Start(t)
	ctx := context.Background()
	one, two := open(t, url), open(t, url)
	f := two.Follow("a.txt")
	defer f.Close()
	next(t, f, 5*time.Second)
	lat := measure(t, 200, func() error {
		_, err := one.Add(ctx, "a.txt", testMark("alice", 1, Checked, ""))
		return err
	}, f)
	t.Logf("Add to a follower of another Store through PostgreSQL: %s", lat)
	slices.Sort(lat)
	if lat[len(lat)-1] > 2*time.Second {
		t.Errorf("a mark took %v to reach the other server", lat[len(lat)-1])
	}

	pgtest.Restart(t)
	var errBatch error
	for errBatch == nil {
		b := next(t, f, 10*time.Second)
		if len(b.Marks) > 0 {
			t.Fatalf("marks after the restart before any was added: %v", seqs(b.Marks))
		}
		errBatch = b.Err
	}
	t.Logf("the error batch: %v", errBatch)
	var want []int64
	deadline := time.Now().Add(15 * time.Second)
	for len(want) < 3 {
		m, err := one.Add(ctx, "a.txt", testMark("bob", 2, Disputed, ""))
		if err != nil {
			if time.Now().After(deadline) {
				t.Fatalf("Add does not work again after the restart: %v", err)
			}
			time.Sleep(100 * time.Millisecond)
			continue
		}
		want = append(want, m.Seq)
	}
	var got []int64
	for len(got) < len(want) {
		b := next(t, f, 10*time.Second)
		got = append(got, seqs(b.Marks)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("after the restart the follower got %v, want %v", got, want)
	}
	if want[0] != int64(len(lat)+1) {
		t.Errorf("the first mark after the restart is %d, want %d", want[0], len(lat)+1)
	}
}
