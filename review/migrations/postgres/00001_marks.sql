-- The review store, PostgreSQL. An article's row counts its marks: Add
-- increments last_seq (taking the row's lock until it commits) and inserts
-- the mark with that number in the same transaction, so seq runs from 1
-- without gaps and in commit order, whatever the number of servers.

-- +goose Up
CREATE TABLE review_articles (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text   NOT NULL UNIQUE,
    last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
);

CREATE TABLE review_marks (
    article_id   bigint      NOT NULL REFERENCES review_articles (id),
    seq          bigint      NOT NULL CHECK (seq >= 1),
    kind         text        NOT NULL CHECK (kind IN ('quote', 'figure', 'paragraph')),
    words        text        NOT NULL, -- Anchor.Text
    words_before text        NOT NULL, -- Anchor.Before
    words_after  text        NOT NULL, -- Anchor.After
    paragraph    integer     NOT NULL,
    start_byte   integer     NOT NULL,
    end_byte     integer     NOT NULL,
    speaker      text        NOT NULL,
    figure       text        NOT NULL,
    reviewer     text        NOT NULL,
    fingerprint  text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('', 'checked', 'disputed')),
    note         text        NOT NULL CHECK (char_length(note) <= 2000),
    marked_at    timestamptz NOT NULL,
    undoes       bigint      NOT NULL DEFAULT 0, -- the seq this mark takes back, 0 for none
    PRIMARY KEY (article_id, seq)
);

-- +goose Down
DROP TABLE review_marks;
DROP TABLE review_articles;
