package review

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"copydesk/internal/pgtest"
)

// wantErr fails unless err says every one of words.
func wantErr(t *testing.T, what string, err error, words ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: the error does not say %q:\n%v", what, w, err)
			return
		}
	}
	t.Logf("%s: %v", what, err)
}

func openErr(where string) (time.Duration, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Open(ctx, where)
	if err == nil {
		s.Close()
	}
	return time.Since(start), err
}

func TestSQLiteNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("These are my notes, not a database.\n", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := openErr(path)
	wantErr(t, "a text file", err, path, "is not a review database", "damaged")
}

func TestSQLiteLocked(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 300 * time.Millisecond
	path := filepath.Join(t.TempDir(), "review.db")
	s := open(t, path)
	ctx := context.Background()

	// another program writing, holding the write lock: Add waits the busy
	// timeout, then says who is in the way
	other, closeOther := rawSQLite(t, path, "")
	if _, err := other.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, ""))
	wantErr(t, "Add while another program writes", err, path, "is locked by another program")
	if _, err := other.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, "a.txt", testMark("alice", 1, Checked, "")); err != nil {
		t.Errorf("once the other program is done: %v", err)
	}
	s.Close()
	closeOther()

	// another program holding the file exclusively: Open fails, soon
	excl, _ := rawSQLite(t, path, "locking_mode(EXCLUSIVE)")
	if _, err := excl.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	if _, err := excl.ExecContext(ctx, "UPDATE review_articles SET last_seq = last_seq"); err != nil {
		t.Fatal(err)
	}
	took, err := openErr(path)
	wantErr(t, "Open of a file held exclusively", err, path, "is locked by another program")
	if took > 5*time.Second {
		t.Errorf("Open took %v to fail", took)
	}
}

// rawSQLite is one connection to path that is not a Store's: another
// program.
func rawSQLite(t *testing.T, path, pragma string) (*sql.Conn, func()) {
	t.Helper()
	dsn := "file:" + path + "?_busy_timeout=100"
	if pragma != "" {
		dsn += "&_pragma=" + url.QueryEscape(pragma)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	done := func() { conn.Close(); db.Close() }
	t.Cleanup(done)
	return conn, done
}

// TestSQLiteReadOnly opens stores that cannot be written: a read-only
// file, a read-only folder, a folder that cannot be made. Root may write
// anything, so as root the test runs itself again as the user nobody.
func TestSQLiteReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		asNobody(t, "TestSQLiteReadOnly")
		return
	}
	dir := t.TempDir()
	t.Cleanup(func() { filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o700) }) })
	path := filepath.Join(dir, "review.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	os.Chmod(path, 0o444)
	_, err = openErr(path)
	wantErr(t, "a read-only file", err, path, "is read-only", "chmod")
	os.Chmod(path, 0o644)

	os.Chmod(dir, 0o555)
	_, err = openErr(path)
	wantErr(t, "a file in a read-only folder", err, dir, "folder", "is read-only", "review.db-wal")
	_, err = openErr(filepath.Join(dir, "new.db"))
	wantErr(t, "a new file in a read-only folder", err, filepath.Join(dir, "new.db"), "cannot create", "is read-only")
	_, err = openErr(filepath.Join(dir, "sub", "review.db"))
	wantErr(t, "a folder that cannot be made", err, filepath.Join(dir, "sub"), "cannot create the folder", "permission denied")
}

// asNobody runs the test named in a copy of the test binary as the user
// nobody, and fails with it.
func asNobody(t *testing.T, test string) {
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody to run the test without root's rights")
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	dir, err := os.MkdirTemp("", "review-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "review.test")
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err == nil {
		_, err = io.Copy(dst, src)
		dst.Close()
	}
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "TMPDIR=/tmp")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	out, err := cmd.CombinedOutput()
	t.Logf("as nobody:\n%s", out)
	if err != nil {
		t.Fatalf("as nobody: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatal("the test did not run as nobody")
	}
}

func TestPostgresUnreachable(t *testing.T) {
	// a socket folder with no server
	dir := t.TempDir()
	took, err := openErr("postgres:///postgres?host=" + dir + "&user=postgres")
	wantErr(t, "no socket", err, "cannot reach PostgreSQL at "+dir+":5432/postgres", "no such file or directory")
	// a closed port
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	_, err = openErr(fmt.Sprintf("postgresql://copydesk:secret@127.0.0.1:%d/desk", port))
	wantErr(t, "a closed port", err, fmt.Sprintf("cannot reach PostgreSQL at 127.0.0.1:%d/desk", port), "connection refused")
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("the error shows the password: %v", err)
	}
	// a port that accepts and never answers: Open gives up in time
	l, _ = net.Listen("tcp", "127.0.0.1:0")
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	took, err = openErr(fmt.Sprintf("postgres://copydesk@%s/desk?connect_timeout=1", l.Addr()))
	wantErr(t, "a server that never answers", err, "cannot reach PostgreSQL at 127.0.0.1", "no answer within 1s")
	if took > 4*time.Second {
		t.Errorf("Open took %v to give up", took)
	}
	_, err = openErr("postgres://[::1:bad/x")
	wantErr(t, "a URL that is not one", err, "the PostgreSQL URL is not valid")
}

func TestPostgresRefused(t *testing.T) {
	u, err := url.Parse(pgtest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("user", pgtest.PasswordUser)
	q.Set("password", "wrong")
	u.RawQuery = q.Encode()
	_, err = openErr(u.String())
	wantErr(t, "a wrong password", err, "PostgreSQL at", "refused the login of user \""+pgtest.PasswordUser+"\"", "password authentication failed")
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("the error shows the password: %v", err)
	}
	q.Set("user", "postgres")
	q.Del("password")
	u.RawQuery = q.Encode()
	u.Path = "/no_such_desk"
	_, err = openErr(u.String())
	wantErr(t, "a database that does not exist", err, "has no database \"no_such_desk\"", "createdb")
}

// TestDurability kills a process adding marks at a random moment, three
// times: every mark whose Add returned is in the log after.
func TestDurability(t *testing.T) {
	if path := os.Getenv("REVIEW_DURABILITY_DB"); path != "" {
		durabilityChild(path)
		return
	}
	path := filepath.Join(t.TempDir(), "review.db")
	var printed []int64
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDurability$", "-test.count=1")
		cmd.Env = append(os.Environ(), "REVIEW_DURABILITY_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan int64, 1<<16)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "acked "); ok {
					seq, _ := strconv.ParseInt(n, 10, 64)
					lines <- seq
				}
			}
			close(lines)
		}()
		<-lines // it adds
		time.Sleep(time.Duration(200+rand.IntN(800)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		n := 0
		for seq := range lines {
			printed = append(printed, seq)
			n++
		}
		cmd.Wait()
		t.Logf("round %d: killed after %d acknowledged marks", round+1, n)
	}
	s := open(t, path)
	log, err := s.Log(context.Background(), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	have := map[int64]bool{}
	for i, m := range log {
		if m.Seq != int64(i+1) {
			t.Fatalf("the log's seqs have a gap at %d: %d", i+1, m.Seq)
		}
		have[m.Seq] = true
	}
	for _, seq := range printed {
		if !have[seq] {
			t.Fatalf("mark %d was acknowledged, and is not in the log (%d marks)", seq, len(log))
		}
	}
	t.Logf("%d marks acknowledged, %d in the log", len(printed), len(log))
}

func durabilityChild(path string) {
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		m, err := s.Add(context.Background(), "a.txt", testMark("alice", i, Checked, strings.Repeat("n", i%100)))
		if err != nil {
			fmt.Println("add:", err)
			os.Exit(1)
		}
		fmt.Printf("acked %d\n", m.Seq)
	}
}
