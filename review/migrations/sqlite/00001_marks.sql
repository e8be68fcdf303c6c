-- The review store, SQLite. An article's row counts its marks: Add
-- increments last_seq and inserts the mark with that number in one
-- transaction, so seq runs from 1 without gaps in commit order.

-- +goose Up
CREATE TABLE review_articles (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE,
    last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
) STRICT;

CREATE TABLE review_marks (
    article_id   INTEGER NOT NULL REFERENCES review_articles (id),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    kind         TEXT    NOT NULL CHECK (kind IN ('quote', 'figure', 'paragraph')),
    words        TEXT    NOT NULL,           -- Anchor.Text
    words_before TEXT    NOT NULL,           -- Anchor.Before
    words_after  TEXT    NOT NULL,           -- Anchor.After
    paragraph    INTEGER NOT NULL,
    start_byte   INTEGER NOT NULL,
    end_byte     INTEGER NOT NULL,
    speaker      TEXT    NOT NULL,
    figure       TEXT    NOT NULL,
    reviewer     TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('', 'checked', 'disputed')),
    note         TEXT    NOT NULL CHECK (length(note) <= 2000),
    marked_at    INTEGER NOT NULL,           -- microseconds since 1970-01-01 UTC
    undoes       INTEGER NOT NULL DEFAULT 0, -- the seq this mark takes back, 0 for none
    PRIMARY KEY (article_id, seq)
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE review_marks;
DROP TABLE review_articles;
