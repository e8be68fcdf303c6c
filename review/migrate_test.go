package review

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// schema describes what the migrations made: the tables' columns and the
// migrations recorded, each version with the number of times it was.
func schema(t *testing.T, s *Store) string {
	t.Helper()
	q := `SELECT name || ': ' || sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`
	if _, ok := s.be.(*pgBackend); ok {
		q = `SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`
	}
	var out []string
	for _, q := range []string{q, `SELECT version_id || ' applied ' || count(*) || 'x' FROM ` + versionTable + ` GROUP BY version_id ORDER BY version_id`} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			out = append(out, line)
		}
		rows.Close()
	}
	return strings.Join(out, "\n")
}

func TestMigrations(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		ctx := context.Background()
		first := open(t, where)
		want := schema(t, first)
		if !strings.Contains(want, "1 applied 1x") || !strings.Contains(want, "review_marks") {
			t.Fatalf("after the first Open:\n%s", want)
		}
		if _, err := first.Add(ctx, "a.txt", testMark("alice", 1, Checked, "")); err != nil {
			t.Fatal(err)
		}
		first.Close()
		// a second Open changes nothing
		second := open(t, where)
		if got := schema(t, second); got != want {
			t.Errorf("the second Open changed the schema:\n%s\nwant\n%s", got, want)
		}
		if log, err := second.Log(ctx, "a.txt"); err != nil || len(log) != 1 {
			t.Errorf("the mark made before: %v %v", log, err)
		}
	})
}

// TestMigrationsAtOnce opens a new store from four sessions at the same
// moment: each Open works, and the migrations are applied once.
func TestMigrationsAtOnce(t *testing.T) {
	backends(t, func(t *testing.T, where string) {
		const n = 4
		stores := make([]*Store, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				stores[i], errs[i] = Open(ctx, where)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("Open %d of %d at once: %v", i+1, n, err)
			}
			defer stores[i].Close()
		}
		got := schema(t, stores[0])
		for _, v := range []string{"0 applied 1x", "1 applied 1x"} {
			if !strings.Contains(got, v) {
				t.Errorf("want %q:\n%s", v, got)
			}
		}
		// and every one of them writes
		for i, s := range stores {
			if _, err := s.Add(context.Background(), "a.txt", testMark(fmt.Sprint("r", i), 1, Checked, "")); err != nil {
				t.Errorf("store %d: %v", i, err)
			}
		}
	})
}
