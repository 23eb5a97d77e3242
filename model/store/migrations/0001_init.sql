-- The plan, its items, and everything reviewers record against them.

-- One row per plan held in this database. dataset is the plan file as it
-- was bundled, so the database carries its own plan and a program reads
-- back exactly the items the figures were recorded against.
CREATE TABLE plans (
    id               TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    year             INTEGER NOT NULL,
    dataset_revision INTEGER NOT NULL,
    dataset_version  TEXT NOT NULL,
    dataset          BLOB NOT NULL
);

-- The plan's items, kept as rows so that figures, notes and history can
-- refer to them with foreign keys. An item a corrected dataset drops is
-- kept as retired while anything refers to it.
CREATE TABLE items (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plans(id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    section      TEXT NOT NULL,
    name         TEXT NOT NULL,
    target_text  TEXT NOT NULL,
    source_quote TEXT NOT NULL,
    retired      INTEGER NOT NULL DEFAULT 0
);

-- A recorded figure: cumulative through the period's month (1-N月).
-- Milestones record an outcome instead of a value.
CREATE TABLE actuals (
    item_id     TEXT NOT NULL REFERENCES items(id),
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    value       REAL,
    outcome     TEXT CHECK (outcome IN ('done', 'in_progress', 'not_done')),
    source      TEXT NOT NULL DEFAULT '',
    source_date TEXT NOT NULL DEFAULT '',
    entered_by  TEXT NOT NULL,
    entered_at  TEXT NOT NULL,
    PRIMARY KEY (item_id, period),
    CHECK ((value IS NULL) <> (outcome IS NULL))
);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    item_id    TEXT NOT NULL REFERENCES items(id),
    period     TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL CHECK (length(trim(body)) > 0),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX notes_item ON notes(item_id);

-- A status a reviewer sets by hand; it holds from its period on.
CREATE TABLE manual_statuses (
    item_id TEXT NOT NULL REFERENCES items(id),
    period  TEXT NOT NULL,
    code    TEXT NOT NULL,
    reason  TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL,
    PRIMARY KEY (item_id, period)
);

-- A target the notice leaves open (按省下达目标安排), as a reviewer entered it.
CREATE TABLE target_overrides (
    item_id TEXT PRIMARY KEY REFERENCES items(id),
    text    TEXT NOT NULL,
    reason  TEXT NOT NULL DEFAULT '',
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL
);

-- Every change, written in the same transaction as the change itself.
-- before and after are JSON objects (or NULL for a creation or deletion).
CREATE TABLE history (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    action  TEXT NOT NULL,
    item_id TEXT NOT NULL DEFAULT '',
    period  TEXT NOT NULL DEFAULT '',
    before  TEXT,
    after   TEXT,
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_item ON history(item_id, id);

-- History is never edited: the database itself refuses.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
