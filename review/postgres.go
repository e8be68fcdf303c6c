package review

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
)

// connectTimeout bounds a connection attempt to PostgreSQL when the URL
// does not (connect_timeout).
const connectTimeout = 5 * time.Second

// notifyChannel is the channel of PostgreSQL's NOTIFY on which every Add
// names its article (as its payload, or "" for a name too long for one:
// then every follower looks).
const notifyChannel = "copydesk_review"

// listenerCheck is how often the listener, when nothing comes, makes sure
// its connection still stands (a server gone without closing it would
// otherwise leave it waiting for ever).
var listenerCheck = 15 * time.Second

type pgBackend struct {
	cfg   *pgx.ConnConfig
	where string
}

func openPostgres(ctx context.Context, u string) (*sql.DB, backend, string, error) {
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		var pe *pgconn.ParseConfigError
		if errors.As(err, &pe) && pe.Unwrap() != nil {
			err = pe.Unwrap()
		}
		return nil, nil, "PostgreSQL", fmt.Errorf("the PostgreSQL URL is not valid: %v", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
		cfg.DialFunc = (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext
	}
	b := &pgBackend{cfg: cfg, where: pgWhere(cfg)}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	// PingContext retries a refused connection once; bound the whole.
	pctx, cancel := context.WithTimeout(ctx, 2*cfg.ConnectTimeout+time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, nil, b.where, b.explain(err)
	}
	if err := migrate(ctx, db, goose.DialectPostgres, "postgres"); err != nil {
		db.Close()
		return nil, nil, b.where, b.explain(err)
	}
	return db, b, b.where, nil
}

// pgWhere names a server for people: host:port/database, the host being
// the socket's folder for a Unix socket. No user, no password.
func pgWhere(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
}

func (b *pgBackend) poll() time.Duration { return 0 }

func (b *pgBackend) check() error { return nil }

// add appends the mark in one statement, which is one transaction: the
// upsert increments the article's counter and holds its row's lock until
// the commit, so the article's writers, on any server, take turns; the
// notification goes out when it commits.
func (b *pgBackend) add(ctx context.Context, db *sql.DB, article string, m Mark) (int64, time.Time, error) {
	a := m.Anchor
	var (
		seq    int64
		at     time.Time
		notify string
	)
	err := db.QueryRowContext(ctx, `WITH a AS (
			INSERT INTO review_articles AS r (name, last_seq) VALUES ($1, 1)
			ON CONFLICT (name) DO UPDATE SET last_seq = r.last_seq + 1
			RETURNING id, last_seq
		), m AS (
			INSERT INTO review_marks (article_id, seq, kind, words, words_before, words_after,
				paragraph, start_byte, end_byte, speaker, figure, reviewer, fingerprint, state, note, marked_at, undoes)
			SELECT a.id, a.last_seq, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, clock_timestamp(), $15 FROM a
			RETURNING seq, marked_at
		)
		SELECT m.seq, m.marked_at, pg_notify('`+notifyChannel+`', CASE WHEN octet_length($1) < 7900 THEN $1 ELSE '' END)::text FROM m`,
		article, string(a.Kind), a.Text, a.Before, a.After, a.Paragraph, a.Start, a.End, a.Speaker, a.Figure,
		m.Reviewer.Name, m.Reviewer.Fingerprint, string(m.State), m.Note, m.Undoes).Scan(&seq, &at, &notify)
	return seq, at.UTC(), err
}

// follow starts the listener: one connection of its own that LISTENs and
// wakes the article's feeds at each notification. When it loses the
// connection, every feed is told (an error batch), and it connects again,
// waiting from 100 ms up to 2 s between tries; once it listens again,
// every feed looks for the marks after its last, so none committed
// meanwhile is missed.
func (b *pgBackend) follow(s *Store) {
	if s.ctx.Err() != nil {
		return // closed
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		wait := 100 * time.Millisecond
		for {
			listened, err := b.listen(s)
			if s.ctx.Err() != nil {
				return
			}
			if listened {
				wait = 100 * time.Millisecond
			}
			lost := fmt.Errorf("not hearing of other sessions' marks: %w", b.explain(err))
			s.live.set(lost)
			s.hub.fail(lost)
			select {
			case <-time.After(wait):
			case <-s.ctx.Done():
				return
			}
			wait = min(2*wait, 2*time.Second)
		}
	}()
}

// listen connects, listens and wakes feeds until the connection fails;
// listened says whether it got as far as listening.
func (b *pgBackend) listen(s *Store) (listened bool, err error) {
	cctx, cancel := context.WithTimeout(s.ctx, b.cfg.ConnectTimeout)
	conn, err := pgx.ConnectConfig(cctx, b.cfg)
	cancel()
	if err != nil {
		return false, err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(s.ctx, "LISTEN "+notifyChannel); err != nil {
		return false, err
	}
	s.live.set(nil)
	s.hub.wakeAll() // catch up on what was committed before we listened
	for {
		wctx, cancel := context.WithTimeout(s.ctx, listenerCheck)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			if n.Payload == "" {
				s.hub.wakeAll()
			} else {
				s.hub.wake(n.Payload)
			}
		case s.ctx.Err() != nil:
			return true, err
		case wctx.Err() != nil && !conn.IsClosed():
			pctx, cancel := context.WithTimeout(s.ctx, b.cfg.ConnectTimeout)
			err = conn.Ping(pctx)
			cancel()
			if err != nil {
				return true, err
			}
		default:
			return true, err
		}
	}
}

// explain turns PostgreSQL's and the driver's errors into what a person
// can do about them.
func (b *pgBackend) explain(err error) error {
	if p := (*problem)(nil); errors.As(err, &p) {
		return err // said in words already
	}
	if err == nil {
		return nil
	}
	var (
		pe *pgconn.PgError
		ce *pgconn.ConnectError
		oe *net.OpError
	)
	switch {
	case errors.As(err, &pe):
		switch {
		case pe.Code == "28P01" || pe.Code == "28000":
			return explained(err, "PostgreSQL at %s refused the login of user %q (authentication failed: %s): check the user and password in the URL or ~/.pgpass", b.where, b.cfg.User, pe.Message)
		case pe.Code == "3D000":
			return explained(err, "PostgreSQL at %s has no database %q: create it (createdb %s) or fix the URL", b.where, b.cfg.Database, b.cfg.Database)
		case strings.HasPrefix(pe.Code, "57P"):
			return explained(err, "PostgreSQL at %s is shutting down or restarting (%s): try again in a moment", b.where, pe.Message)
		case pe.Code == "53300":
			return explained(err, "PostgreSQL at %s has no connection to spare (%s): try again later, or raise max_connections", b.where, pe.Message)
		case pe.Code == "53100":
			return explained(err, "the disk of PostgreSQL at %s is full: free some space and try again; nothing was written", b.where)
		case pe.Code == "42501":
			return explained(err, "user %q may not use the review tables on PostgreSQL at %s (%s): grant them, or connect as their owner", b.cfg.User, b.where, pe.Message)
		case pe.Code == "25006":
			return explained(err, "PostgreSQL at %s is read-only (a standby?): connect to the primary", b.where)
		}
		return explained(err, "PostgreSQL at %s: %s (SQLSTATE %s)", b.where, pe.Message, pe.Code)
	case errors.As(err, &ce):
		reason := ce.Unwrap()
		if errors.As(err, &oe) {
			reason = oe
		}
		if pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) {
			return explained(err, "cannot reach PostgreSQL at %s: no answer within %s (is the server up, and are the host and port right?)", b.where, b.cfg.ConnectTimeout)
		}
		return explained(err, "cannot reach PostgreSQL at %s: %s (is the server running, and are the host and port right?)", b.where, reasonOf(reason))
	case errors.Is(err, context.Canceled):
		return err
	case pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded):
		return explained(err, "PostgreSQL at %s did not answer in time", b.where)
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &oe), strings.Contains(err.Error(), "conn closed"):
		return explained(err, "lost the connection to PostgreSQL at %s (%v): it may be restarting; try again in a moment", b.where, err)
	}
	return explained(err, "PostgreSQL at %s: %v", b.where, err)
}

// reasonOf is the part of a dial error that says what went wrong, without
// the words the message around it says already.
func reasonOf(err error) string {
	if err == nil {
		return "unknown reason"
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		addr := ""
		if oe.Addr != nil {
			addr = " " + oe.Addr.String()
		}
		return fmt.Sprintf("%s%s: %v", oe.Op, addr, oe.Err)
	}
	return err.Error()
}
