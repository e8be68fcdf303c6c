package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/pressly/goose/v3"
	"golang.org/x/sys/unix"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeout is how long a SQLite connection waits for a lock another
// connection holds (another session's write, another program) before it
// gives up: long enough for twenty sessions writing at once, short enough
// that a person is told soon that another program holds the file.
var busyTimeout = 5 * time.Second

// sqlitePoll is how often a follower of a SQLite store looks for marks
// that other processes wrote to the same file. Within a process an Add
// wakes the followers at once; other processes cannot (SQLite tells no one
// of a commit), so a follower asks for the marks after its last once a
// second: a stat of the file and one indexed query that finds nothing,
// about 50µs (BenchmarkPoll).
var sqlitePoll = time.Second

type sqliteBackend struct {
	path string
	// write admits one writer of this process at a time: SQLite has one
	// writer anyway, and waiting here, in turn, is fairer and faster
	// than twenty connections sleeping in SQLite's busy handler. Writers
	// in other processes still wait in the busy handler.
	write chan struct{}
	// file is the database file as Open found it, to tell when it is
	// deleted or moved away: SQLite, in write-ahead mode, would go on
	// writing to its log beside the path, and the marks would be lost
	// with the file at the next checkpoint.
	file os.FileInfo
}

func sqliteDSN(path string) string {
	q := url.Values{
		"_busy_timeout": {strconv.FormatInt(busyTimeout.Milliseconds(), 10)},
		"_journal_mode": {"WAL"},
		"_synchronous":  {"FULL"}, // WAL synced at every commit: an acknowledged mark survives kill -9 and a power cut
		"_foreign_keys": {"on"},
		"_txlock":       {"immediate"}, // take the write lock at BEGIN, where the busy timeout applies
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*sql.DB, backend, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, path, explained(err, "review store %s: %v", path, err)
	}
	b := &sqliteBackend{path: abs, write: make(chan struct{}, 1)}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, abs, explained(err, "cannot create the folder %s for the review store: %v", dir, pathReason(err))
	}
	if fi, err := os.Stat(abs); err == nil {
		if fi.IsDir() {
			return nil, nil, abs, fmt.Errorf("the review store %s is a folder, not a database file: pass a file's path", abs)
		}
		if err := unix.Access(abs, unix.W_OK); err != nil {
			return nil, nil, abs, b.readOnly(err)
		}
	}
	if err := unix.Access(dir, unix.W_OK); err != nil {
		return nil, nil, abs, b.readOnly(err)
	}
	// A new store is made readable by its owner only (SQLite gives its
	// journal files the same mode); an empty file is an empty database.
	if f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err == nil {
		f.Close()
	}
	db, err := sql.Open("sqlite", sqliteDSN(abs))
	if err != nil {
		return nil, nil, abs, b.explain(err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(time.Minute)
	// SQLite answers busy without waiting in a few moments that another
	// process holds the file for an instant: while it turns a new file to
	// write-ahead logging, or recovers the log after a crash. Open tries
	// again then, for as long as the busy timeout.
	deadline := time.Now().Add(busyTimeout)
	for {
		err := b.setUp(ctx, db)
		if err == nil {
			if b.file, err = os.Stat(abs); err == nil {
				return db, b, abs, nil
			}
		}
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY && time.Now().Before(deadline) && ctx.Err() == nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		db.Close()
		var p *problem
		if errors.As(err, &p) {
			return nil, nil, abs, err
		}
		return nil, nil, abs, b.explain(err)
	}
}

// setUp connects, checks the journal mode, and migrates.
func (b *sqliteBackend) setUp(ctx context.Context, db *sql.DB) error {
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return explained(nil, "the review store %s cannot use write-ahead logging (journal mode %q): is it on a network file system? Keep it on a local disk", b.path, mode)
	}
	return migrate(ctx, db, goose.DialectSQLite3, "sqlite")
}

func (b *sqliteBackend) poll() time.Duration { return sqlitePoll }

func (b *sqliteBackend) follow(*Store) {} // nothing to listen to: see sqlitePoll

// check costs a stat of the file: about a microsecond.
func (b *sqliteBackend) check() error {
	fi, err := os.Stat(b.path)
	if err == nil && os.SameFile(fi, b.file) {
		return nil
	}
	if err == nil {
		return explained(nil, "the review store %s was replaced by another file while copydesk had it open: restart copydesk to use the new one; nothing was written", b.path)
	}
	return explained(err, "the review store %s was deleted or moved away while copydesk had it open: put it back (the marks are in it), or restart copydesk to start a new one; nothing was written", b.path)
}

func (b *sqliteBackend) add(ctx context.Context, db *sql.DB, article string, m Mark) (int64, time.Time, error) {
	select {
	case b.write <- struct{}{}:
		defer func() { <-b.write }()
	case <-ctx.Done():
		return 0, time.Time{}, ctx.Err()
	}
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE
	if err != nil {
		return 0, time.Time{}, err
	}
	defer tx.Rollback()
	at := time.Now().UTC().Truncate(time.Microsecond)
	var id, seq int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO review_articles (name, last_seq) VALUES ($1, 1)
		ON CONFLICT (name) DO UPDATE SET last_seq = last_seq + 1
		RETURNING id, last_seq`, article).Scan(&id, &seq); err != nil {
		return 0, time.Time{}, err
	}
	a := m.Anchor
	if _, err := tx.ExecContext(ctx, `INSERT INTO review_marks (article_id, seq, kind, words, words_before, words_after,
		paragraph, start_byte, end_byte, speaker, figure, reviewer, fingerprint, state, note, marked_at, undoes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		id, seq, string(a.Kind), a.Text, a.Before, a.After, a.Paragraph, a.Start, a.End, a.Speaker, a.Figure,
		m.Reviewer.Name, m.Reviewer.Fingerprint, string(m.State), m.Note, at.UnixMicro(), m.Undoes); err != nil {
		return 0, time.Time{}, err
	}
	if err := tx.Commit(); err != nil {
		return 0, time.Time{}, err
	}
	return seq, at, nil
}

// explain turns SQLite's errors into what a person can do about them.
func (b *sqliteBackend) explain(err error) error {
	if p := (*problem)(nil); errors.As(err, &p) {
		return err // said in words already
	}
	var se *sqlite.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return explained(err, "review store %s: %v", b.path, err)
	case !errors.As(err, &se):
		return explained(err, "review store %s: %v", b.path, err)
	}
	switch code := se.Code(); {
	case code == sqlite3.SQLITE_READONLY_DBMOVED:
		return explained(err, "the review store %s was moved or deleted while copydesk had it open: put it back, or restart copydesk to start a new one (%v)", b.path, err)
	case code&0xff == sqlite3.SQLITE_BUSY, code&0xff == sqlite3.SQLITE_LOCKED:
		return explained(err, "the review store %s is locked by another program (waited %s): close the program that holds it, or try again (%v)", b.path, busyTimeout, err)
	case code&0xff == sqlite3.SQLITE_READONLY, code&0xff == sqlite3.SQLITE_PERM:
		return b.readOnly(err)
	case code&0xff == sqlite3.SQLITE_NOTADB, code&0xff == sqlite3.SQLITE_CORRUPT:
		return explained(err, "%s is not a review database, or it is damaged (SQLite says: %v): move it away, or pass another file", b.path, err)
	case code&0xff == sqlite3.SQLITE_FULL:
		return explained(err, "the disk holding the review store %s is full: free some space and try again; nothing was written (%v)", b.path, err)
	case code&0xff == sqlite3.SQLITE_CANTOPEN:
		if _, statErr := os.Stat(filepath.Dir(b.path)); statErr != nil {
			return explained(err, "cannot open the review store %s: its folder is gone (%v)", b.path, err)
		}
		if unixAccessFails(b.path, filepath.Dir(b.path)) {
			return b.readOnly(err)
		}
		return explained(err, "cannot open the review store %s (%v)", b.path, err)
	case code&0xff == sqlite3.SQLITE_IOERR:
		return explained(err, "cannot read or write the review store %s: disk error (%v)", b.path, err)
	}
	return explained(err, "review store %s: %v", b.path, err)
}

func unixAccessFails(paths ...string) bool {
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil && unix.Access(p, unix.W_OK) != nil {
			return true
		}
	}
	return false
}

// readOnly says which of the file and its folder cannot be written.
func (b *sqliteBackend) readOnly(err error) error {
	dir := filepath.Dir(b.path)
	if _, statErr := os.Stat(b.path); statErr == nil && unix.Access(b.path, unix.W_OK) != nil {
		return explained(err, "the review store %s is read-only: make the file writable (chmod u+w) or pass another path (%v)", b.path, pathReason(err))
	}
	if unix.Access(dir, unix.W_OK) != nil {
		if _, statErr := os.Stat(b.path); statErr != nil {
			return explained(err, "cannot create the review store %s: its folder %s is read-only; make it writable or pass another path (%v)", b.path, dir, pathReason(err))
		}
		return explained(err, "the folder %s of the review store is read-only: SQLite keeps its journal (%s-wal) beside the database, so the folder must be writable too; make it writable or pass another path (%v)", dir, filepath.Base(b.path), pathReason(err))
	}
	return explained(err, "the review store %s cannot be written (%v)", b.path, err)
}

// pathReason keeps the reason of a file system error without repeating
// its path, which the message around it names already.
func pathReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
