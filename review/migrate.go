package review

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// The schema, one folder of goose migrations per dialect, applied at Open.
//
//go:embed migrations
var migrations embed.FS

// versionTable is goose's record of the migrations applied, named so that
// it keeps out of the way of other tables in a shared PostgreSQL database.
const versionTable = "review_goose_version"

// migrateLockID is the PostgreSQL advisory lock that two servers opening
// the store at once take in turn while they migrate it ("copydesk review"
// hashed, so as not to share goose's default with other programs).
const migrateLockID = 0x636f70797265766

// migrate applies the dialect's migrations that the database lacks.
//
// On PostgreSQL two processes migrating at once take turns on an advisory
// lock. SQLite has none: there each migration runs in a BEGIN IMMEDIATE
// transaction (the DSN's _txlock), so two processes take turns on the
// write lock, and the one that comes second finds the tables made and
// fails without writing anything (SQLite's DDL is transactional, and goose
// records a migration in the transaction that applies it). It then finds
// nothing left to do on its next try.
func migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect, folder string) error {
	sub, err := fs.Sub(migrations, "migrations/"+folder)
	if err != nil {
		return err
	}
	opts := []goose.ProviderOption{goose.WithTableName(versionTable), goose.WithDisableGlobalRegistry(true)}
	if dialect == goose.DialectPostgres {
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(migrateLockID), lock.WithLockTimeout(1, 120))
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db, sub, opts...)
	if err != nil {
		return err
	}
	var last error
	for try := 0; try < 5; try++ {
		if _, last = p.Up(ctx); last == nil {
			return nil
		}
		if pending, err := p.HasPending(ctx); err == nil && !pending {
			return nil // another process applied them meanwhile
		}
		if dialect == goose.DialectPostgres || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(50<<try) * time.Millisecond)
	}
	var partial *goose.PartialError
	if errors.As(last, &partial) && partial.Failed != nil {
		return fmt.Errorf("migration %s: %w", partial.Failed.Source.Path, partial.Err)
	}
	return last
}
