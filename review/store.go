package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// A Store keeps the articles' logs of marks: in a SQLite file by default,
// in PostgreSQL when several servers share a desk. It is safe for
// concurrent use.
//
// Each article has a row holding the Seq of its last mark. Add increments
// it and inserts the mark in one transaction, so an article's writers take
// turns on that row: Seq numbers the marks from 1 without gaps (a
// transaction that fails takes its number back with it), and a mark with a
// higher Seq is committed after every mark with a lower one. A reader who
// has seen the marks up to n and asks for those after n therefore never
// misses one committed late.
type Store struct {
	db    *sql.DB
	be    backend
	where string
	hub   hub

	listenOnce sync.Once // starts the backend's listener on the first Follow
	live       liveState // what the listener says

	ctx    context.Context // cancelled by Close: ends feeds and the listener
	cancel context.CancelFunc
	wg     sync.WaitGroup

	closeOnce sync.Once
	closeErr  error
}

// backend is what differs between SQLite and PostgreSQL.
type backend interface {
	// add runs the transaction that appends m to article's log and
	// returns its Seq and time.
	add(ctx context.Context, db *sql.DB, article string, m Mark) (seq int64, at time.Time, err error)
	// explain turns a driver's error into one a person can act on.
	explain(err error) error
	// follow starts what tells followers of marks committed elsewhere,
	// if anything: PostgreSQL's listener. It is called once, on the first
	// Follow.
	follow(s *Store)
	// poll is how often a follower looks for marks committed by other
	// processes on its own, 0 for never.
	poll() time.Duration
	// check says, before a write or a follower's read, whether the store
	// is still there to be used (a SQLite file deleted or moved away
	// would take what is written to it along).
	check() error
}

// ErrNoteTooLong is returned by Add for a note of more than MaxNote
// characters; nothing is written.
var ErrNoteTooLong = errors.New("the note is longer than 2000 characters")

// ErrNotText is returned by Add for a mark whose words, context, speaker,
// figure kind, reviewer or note is not UTF-8 text or holds a NUL
// character: PostgreSQL cannot keep it verbatim, and the JSON exports
// could not write it verbatim. Nothing is written.
var ErrNotText = errors.New("the mark holds something that is not UTF-8 text (invalid bytes or a NUL character)")

// DefaultPath is $XDG_DATA_HOME/copydesk/review.db, else
// ~/.local/share/copydesk/review.db.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "copydesk", "review.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot place the review store: no home folder (%v); set XDG_DATA_HOME or pass a path", err)
	}
	return filepath.Join(home, ".local", "share", "copydesk", "review.db"), nil
}

// Open opens the review store: "" is the default SQLite file
// (DefaultPath), a postgres:// or postgresql:// URL is PostgreSQL, anything
// else is a SQLite file path (created, with its folder 0700, if missing).
// Migrations are applied at open, idempotently.
//
// Open fails, rather than waiting for long, when the store cannot be used:
// a connection attempt to PostgreSQL gives up after 5 seconds unless the
// URL sets connect_timeout, and a SQLite file locked by another program
// after the busy timeout (5 seconds).
func Open(ctx context.Context, where string) (*Store, error) {
	var (
		db    *sql.DB
		be    backend
		name  string
		err   error
		isURL = strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
	)
	if isURL {
		db, be, name, err = openPostgres(ctx, where)
	} else {
		path := where
		if path == "" {
			if path, err = DefaultPath(); err != nil {
				return nil, err
			}
		}
		db, be, name, err = openSQLite(ctx, path)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, be: be, where: name}
	s.hub.feeds = map[string]map[*Feed]struct{}{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s, nil
}

// Where names the store for people: the SQLite file's path, or
// PostgreSQL's host/db (no password).
func (s *Store) Where() string { return s.where }

// Close ends every Feed (their channels are closed), then closes the
// database.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.cancel()
		for _, f := range s.hub.all() {
			f.Close()
		}
		s.wg.Wait()
		s.closeErr = s.db.Close()
	})
	return s.closeErr
}

// validate checks what Add refuses before writing anything.
func validate(m Mark) error {
	if n := utf8.RuneCountInString(m.Note); n > MaxNote {
		return fmt.Errorf("%w (it has %d): shorten it", ErrNoteTooLong, n)
	}
	switch m.Anchor.Kind {
	case Quote, Figure, Paragraph:
	default:
		return fmt.Errorf("a mark is on a quote, a figure or a paragraph, not on %q", m.Anchor.Kind)
	}
	switch m.State {
	case Unmarked, Checked, Disputed:
	default:
		return fmt.Errorf("a mark's state is checked, disputed or none, not %q", m.State)
	}
	a := m.Anchor
	for _, s := range []string{a.Text, a.Before, a.After, a.Speaker, a.Figure, m.Reviewer.Name, m.Reviewer.Fingerprint, m.Note} {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return ErrNotText
		}
	}
	return nil
}

// Add appends m to article's log and returns it as committed (Seq and At
// set by the store). It returns only after the commit is durable: on disk
// for SQLite (synchronous=FULL), acknowledged by PostgreSQL's commit.
// ErrNoteTooLong when m.Note has more than MaxNote characters, ErrNotText
// when a string of m is not text; nothing is written then.
func (s *Store) Add(ctx context.Context, article string, m Mark) (Mark, error) {
	if err := validate(m); err != nil {
		return Mark{}, err
	}
	if !utf8.ValidString(article) || strings.IndexByte(article, 0) >= 0 {
		return Mark{}, fmt.Errorf("article name %q: %w", article, ErrNotText)
	}
	if err := s.be.check(); err != nil {
		return Mark{}, err
	}
	seq, at, err := s.be.add(ctx, s.db, article, m)
	if err != nil {
		return Mark{}, s.be.explain(err)
	}
	m.Seq, m.At = seq, at
	s.hub.push(article, m)
	return m, nil
}

// Log is article's whole log in Seq order.
func (s *Store) Log(ctx context.Context, article string) ([]Mark, error) {
	marks, err := s.since(ctx, article, 0)
	if err != nil {
		return nil, s.be.explain(err)
	}
	return marks, nil
}

// Articles lists the articles that have marks, by name (in byte order).
func (s *Store) Articles(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM review_articles WHERE last_seq > 0`)
	if err != nil {
		return nil, s.be.explain(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, s.be.explain(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, s.be.explain(err)
	}
	slices.Sort(names) // byte order, whatever the database's collation
	return names, nil
}

// since reads article's marks after Seq last, in Seq order. The two
// dialects share the query: $n placeholders are PostgreSQL's and SQLite
// takes them too.
func (s *Store) since(ctx context.Context, article string, last int64) ([]Mark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.seq, m.kind, m.words, m.words_before, m.words_after,
		m.paragraph, m.start_byte, m.end_byte, m.speaker, m.figure,
		m.reviewer, m.fingerprint, m.state, m.note, m.marked_at, m.undoes
		FROM review_marks m JOIN review_articles a ON a.id = m.article_id
		WHERE a.name = $1 AND m.seq > $2 ORDER BY m.seq`, article, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var marks []Mark
	for rows.Next() {
		var (
			m          Mark
			kind, st   string
			at         any
			para, b, e int64
		)
		if err := rows.Scan(&m.Seq, &kind, &m.Anchor.Text, &m.Anchor.Before, &m.Anchor.After,
			&para, &b, &e, &m.Anchor.Speaker, &m.Anchor.Figure,
			&m.Reviewer.Name, &m.Reviewer.Fingerprint, &st, &m.Note, &at, &m.Undoes); err != nil {
			return nil, err
		}
		m.Anchor.Kind, m.State = Kind(kind), State(st)
		m.Anchor.Paragraph, m.Anchor.Start, m.Anchor.End = int(para), int(b), int(e)
		switch at := at.(type) {
		case int64: // SQLite: microseconds since 1970, UTC
			m.At = time.UnixMicro(at).UTC()
		case time.Time: // PostgreSQL: timestamptz
			m.At = at.UTC()
		default:
			return nil, fmt.Errorf("mark %d has a time of type %T", m.Seq, at)
		}
		marks = append(marks, m)
	}
	return marks, rows.Err()
}

// problem is an error said in words a person can act on, that keeps the
// driver's error beneath it for errors.Is and errors.As.
type problem struct {
	msg string
	err error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.err }

// explained says msg (formatted with args) and wraps err.
func explained(err error, format string, args ...any) error {
	return &problem{msg: fmt.Sprintf(format, args...), err: err}
}
