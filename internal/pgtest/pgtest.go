// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's
// postgresql binaries, run as the postgres user through runuser, with its
// data and its socket in a temporary folder, no TCP port, no fsync. One
// server serves a whole test binary; each Start gives the calling test a
// database of its own on it (for two "servers" sharing a desk, open the
// same URL twice). A test binary that uses it calls Main from its
// TestMain, which stops the server and removes its folder when the tests
// end; a watcher process does the same, a second later, if the binary ends
// otherwise (no TestMain, a panic, a timeout, kill -9).
//
// Tests skip, saying what is missing, when PostgreSQL is not installed or
// they do not run as root (initdb must run as the postgres user). .ci/run
// installs the postgresql package where initdb is missing.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PasswordUser is a role of the server that logs in with a password
// (Password) over scram-sha-256, where every other role is trusted: for
// tests of a login refused.
const (
	PasswordUser = "pgtest_password"
	Password     = "pgtest-secret"
)

type server struct {
	bin     string // the folder of initdb, pg_ctl, postgres
	dir     string // temporary: data/, the socket, the log
	data    string
	watcher *exec.Cmd
	err     error  // why the server cannot be had
	skip    string // set instead of err when something is missing
}

var (
	once    sync.Once
	srv     *server
	mu      sync.Mutex // serialises database creation and restarts
	created int
)

// Main runs the tests of a binary that uses Start, then stops the server
// and removes its folder, then runs after (the binary's own clean-up).
// Call it from TestMain: func TestMain(m *testing.M) { pgtest.Main(m) }.
func Main(m *testing.M, after ...func()) {
	code := m.Run()
	stop()
	for _, f := range after {
		f()
	}
	os.Exit(code)
}

// Start returns the URL of a new, empty database on the test binary's
// server, starting the server on first use (about two seconds). The URL
// names the server by its socket folder: postgres:///DB?host=DIR&user=postgres.
func Start(tb testing.TB) string {
	tb.Helper()
	s := get(tb)
	mu.Lock()
	defer mu.Unlock()
	created++
	name := fmt.Sprintf("t%d_%s", created, strings.ToLower(nonWord.ReplaceAllString(tb.Name(), "_")))
	if len(name) > 60 {
		name = name[:60]
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.url("postgres", "postgres"))
	if err != nil {
		tb.Fatalf("pgtest: connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("pgtest: creating database %s: %v", name, err)
	}
	return s.url(name, "postgres")
}

var nonWord = regexp.MustCompile(`\W+`)

// Restart restarts the server (pg_ctl restart, fast mode): every
// connection to it is cut, and it accepts new ones when Restart returns.
func Restart(tb testing.TB) {
	tb.Helper()
	s := get(tb)
	mu.Lock()
	defer mu.Unlock()
	if out, err := s.pgctl("restart", "-m", "fast"); err != nil {
		tb.Fatalf("pgtest: pg_ctl restart: %v\n%s", err, out)
	}
}

// Stop stops the server until Resume: for tests of a store that is gone
// for a while.
func Stop(tb testing.TB) {
	tb.Helper()
	s := get(tb)
	mu.Lock()
	defer mu.Unlock()
	if out, err := s.pgctl("stop", "-m", "fast"); err != nil {
		tb.Fatalf("pgtest: pg_ctl stop: %v\n%s", err, out)
	}
}

// Resume starts the server stopped by Stop again.
func Resume(tb testing.TB) {
	tb.Helper()
	s := get(tb)
	mu.Lock()
	defer mu.Unlock()
	if out, err := s.start(); err != nil {
		tb.Fatalf("pgtest: pg_ctl start: %v\n%s", err, out)
	}
}

// SocketDir is the folder of the server's socket.
func SocketDir(tb testing.TB) string {
	return get(tb).dir
}

func get(tb testing.TB) *server {
	tb.Helper()
	once.Do(func() { srv = launch() })
	if srv.skip != "" {
		tb.Skip("pgtest: " + srv.skip)
	}
	if srv.err != nil {
		tb.Fatalf("pgtest: %v", srv.err)
	}
	return srv
}

func (s *server) url(db, user string) string {
	q := url.Values{"host": {s.dir}, "user": {user}}
	return "postgres:///" + url.PathEscape(db) + "?" + q.Encode()
}

// findBin returns the folder of the newest installed initdb.
func findBin() string {
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	best, bestV := "", -1
	for _, m := range matches {
		v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(m))))
		if v > bestV {
			best, bestV = filepath.Dir(m), v
		}
	}
	if best != "" {
		return best
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func launch() *server {
	s := &server{bin: findBin()}
	switch {
	case s.bin == "":
		s.skip = "PostgreSQL is not installed: no initdb in /usr/lib/postgresql/*/bin or on PATH (apt-get install postgresql)"
		return s
	case os.Geteuid() != 0:
		s.skip = fmt.Sprintf("the throwaway PostgreSQL needs root, to run initdb as the postgres user through runuser (running as uid %d)", os.Geteuid())
		return s
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		s.skip = "runuser is not installed (util-linux): it runs initdb as the postgres user"
		return s
	}
	pg, err := user.Lookup("postgres")
	if err != nil {
		s.skip = "there is no postgres user (the postgresql package creates it)"
		return s
	}
	uid, _ := strconv.Atoi(pg.Uid)
	gid, _ := strconv.Atoi(pg.Gid)

	// /tmp rather than $TMPDIR: the postgres user must reach the folder,
	// and a socket path must stay under about 100 bytes.
	base := "/tmp"
	if _, err := os.Stat(base); err != nil {
		base = os.TempDir()
	}
	s.dir, err = os.MkdirTemp(base, "pgtest-")
	if err != nil {
		s.err = err
		return s
	}
	s.data = filepath.Join(s.dir, "data")
	if err := os.Chown(s.dir, uid, gid); err != nil {
		s.fail(err)
		return s
	}
	s.watch()
	init := exec.Command("runuser", "-u", "postgres", "--", filepath.Join(s.bin, "initdb"),
		"-D", s.data, "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C")
	init.Dir = s.dir // the postgres user may not reach the test's folder
	if out, err := init.CombinedOutput(); err != nil {
		s.fail(fmt.Errorf("initdb: %v\n%s", err, out))
		return s
	}
	// One role logs in with a password, for tests of a login refused;
	// the rest are trusted on the socket.
	hba := "local all " + PasswordUser + " scram-sha-256\nlocal all all trust\n"
	if err := os.WriteFile(filepath.Join(s.data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		s.fail(err)
		return s
	}
	_ = os.Chown(filepath.Join(s.data, "pg_hba.conf"), uid, gid)
	if out, err := s.start(); err != nil {
		s.fail(fmt.Errorf("pg_ctl start: %v\n%s", err, out))
		return s
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.url("postgres", "postgres"))
	if err != nil {
		s.fail(fmt.Errorf("connecting to the new server: %v", err))
		return s
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE ROLE "+PasswordUser+" LOGIN PASSWORD '"+Password+"'"); err != nil {
		s.fail(err)
	}
	return s
}

func (s *server) start() ([]byte, error) {
	return s.pgctl("start", "-l", filepath.Join(s.dir, "log"),
		"-o", "-k "+s.dir+" -c listen_addresses='' -F")
}

func (s *server) pgctl(args ...string) ([]byte, error) {
	args = append([]string{"-u", "postgres", "--", filepath.Join(s.bin, "pg_ctl"), "-D", s.data, "-w", "-t", "60"}, args...)
	// Output to a file, not a pipe: the server pg_ctl starts would hold
	// a pipe open, and reading it would wait for the server to end.
	out, err := os.CreateTemp("", "pgtest-pg_ctl-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd := exec.Command("runuser", args...)
	cmd.Dir = s.dir
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Run()
	text, _ := os.ReadFile(out.Name())
	return text, err
}

// watch starts a process, in a session of its own, that outlives this
// one: when this process is gone without having stopped the server, it
// stops it and removes the folder.
func (s *server) watch() {
	script := fmt.Sprintf(`while kill -0 %d 2>/dev/null; do sleep 1; done
if [ -d %[2]s/data ]; then runuser -u postgres -- %[3]s/pg_ctl -D %[2]s/data stop -m immediate >/dev/null 2>&1; fi
rm -rf %[2]s`, os.Getpid(), shellQuote(s.dir), shellQuote(s.bin))
	cmd := exec.Command("sh", "-c", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if cmd.Start() == nil {
		s.watcher = cmd
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (s *server) fail(err error) {
	s.err = err
	s.remove()
}

func (s *server) remove() {
	if s.data != "" {
		if _, err := os.Stat(filepath.Join(s.data, "postmaster.pid")); err == nil {
			_, _ = s.pgctl("stop", "-m", "immediate")
		}
	}
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
	}
	if s.watcher != nil {
		_ = s.watcher.Process.Kill()
		_ = s.watcher.Wait()
	}
}

func stop() {
	if srv != nil && srv.skip == "" && srv.err == nil {
		srv.remove()
	}
}
