package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { Main(m) }

// TestStart connects to two databases of the server, and to one again
// after a restart.
func TestStart(t *testing.T) {
	ctx := context.Background()
	a, b := Start(t), Start(t)
	if a == b {
		t.Fatalf("two Starts gave the same database %s", a)
	}
	for _, u := range []string{a, b} {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var one int
		if err := conn.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
			t.Fatalf("%s: %v", u, err)
		}
		conn.Close(ctx)
	}
	Restart(t)
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatalf("after a restart: %v", err)
	}
	conn.Close(ctx)
}
