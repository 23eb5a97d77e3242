-- One database holds any number of plans: an item ID is unique within its
-- plan only (next year's plan has its own A1-01), so items are keyed by
-- (plan_id, id) and everything recorded against an item, every lock and
-- every history row carries the plan it belongs to.
--
-- SQLite cannot change a primary key in place: each table is rebuilt as
-- https://www.sqlite.org/lang_altertable.html §7 describes (new table,
-- copy, drop, rename, indexes and triggers), all inside this migration's
-- one transaction. Foreign keys stay on: the new tables refer to
-- items_new until the old tables are gone, and the rename then points
-- them at items; migrate runs PRAGMA foreign_key_check before it commits.
-- Every row is copied as it was (history's ids too, so its order and the
-- rows undo names are kept); the only thing added is the plan, and a
-- database of an earlier release holds exactly one.

-- The city (or 区/县) a plan is for and the document it was made from;
-- the city is read from the plan file each plan was stored with, and the
-- bundled plan's document is the notice that issued it.
ALTER TABLE plans ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN source_document TEXT NOT NULL DEFAULT '';
UPDATE plans SET city = coalesce(json_extract(CAST(dataset AS TEXT), '$.plan.city'), '')
    WHERE json_valid(CAST(dataset AS TEXT));
UPDATE plans SET source_document = '嘉兴市人民政府关于下达2023年嘉兴市国民经济和社会发展计划的通知'
    WHERE id = 'jiaxing-2023';

CREATE TABLE items_new (
    plan_id      TEXT NOT NULL REFERENCES plans(id),
    id           TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    section      TEXT NOT NULL,
    name         TEXT NOT NULL,
    target_text  TEXT NOT NULL,
    source_quote TEXT NOT NULL,
    retired      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, id)
);
INSERT INTO items_new (plan_id, id, seq, kind, section, name, target_text, source_quote, retired)
    SELECT plan_id, id, seq, kind, section, name, target_text, source_quote, retired FROM items;

CREATE TABLE actuals_new (
    plan_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    value       REAL,
    outcome     TEXT CHECK (outcome IN ('done', 'in_progress', 'not_done')),
    source      TEXT NOT NULL DEFAULT '',
    source_date TEXT NOT NULL DEFAULT '',
    entered_by  TEXT NOT NULL,
    entered_at  TEXT NOT NULL,
    PRIMARY KEY (plan_id, item_id, period),
    FOREIGN KEY (plan_id, item_id) REFERENCES items_new(plan_id, id),
    CHECK ((value IS NULL) <> (outcome IS NULL))
);
INSERT INTO actuals_new (plan_id, item_id, period, value, outcome, source, source_date, entered_by, entered_at)
    SELECT i.plan_id, a.item_id, a.period, a.value, a.outcome, a.source, a.source_date, a.entered_by, a.entered_at
    FROM actuals a JOIN items i ON i.id = a.item_id;

CREATE TABLE notes_new (
    id         INTEGER PRIMARY KEY,
    plan_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    period     TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL CHECK (length(trim(body)) > 0),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (plan_id, item_id) REFERENCES items_new(plan_id, id)
);
INSERT INTO notes_new (id, plan_id, item_id, period, body, author, created_at, updated_at)
    SELECT n.id, i.plan_id, n.item_id, n.period, n.body, n.author, n.created_at, n.updated_at
    FROM notes n JOIN items i ON i.id = n.item_id;

CREATE TABLE manual_statuses_new (
    plan_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    period  TEXT NOT NULL,
    code    TEXT NOT NULL,
    reason  TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL,
    PRIMARY KEY (plan_id, item_id, period),
    FOREIGN KEY (plan_id, item_id) REFERENCES items_new(plan_id, id)
);
INSERT INTO manual_statuses_new (plan_id, item_id, period, code, reason, set_by, set_at)
    SELECT i.plan_id, m.item_id, m.period, m.code, m.reason, m.set_by, m.set_at
    FROM manual_statuses m JOIN items i ON i.id = m.item_id;

CREATE TABLE target_overrides_new (
    plan_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    text    TEXT NOT NULL,
    reason  TEXT NOT NULL DEFAULT '',
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL,
    PRIMARY KEY (plan_id, item_id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items_new(plan_id, id)
);
INSERT INTO target_overrides_new (plan_id, item_id, text, reason, set_by, set_at)
    SELECT i.plan_id, t.item_id, t.text, t.reason, t.set_by, t.set_at
    FROM target_overrides t JOIN items i ON i.id = t.item_id;

-- A lock is of one plan's period: locking 2023's 1-9月 in one plan leaves
-- another plan's open.
CREATE TABLE period_locks_new (
    plan_id   TEXT NOT NULL REFERENCES plans(id),
    period    TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    reason    TEXT NOT NULL DEFAULT '',
    locked_by TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, period)
);
INSERT INTO period_locks_new (plan_id, period, reason, locked_by, locked_at)
    SELECT (SELECT id FROM plans ORDER BY rowid LIMIT 1), period, reason, locked_by, locked_at FROM period_locks;

-- History says which plan each change was to. plan_id is '' only for a
-- row about no plan at all; removing a plan keeps its history, so it is
-- not a foreign key.
CREATE TABLE history_new (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    action  TEXT NOT NULL,
    item_id TEXT NOT NULL DEFAULT '',
    period  TEXT NOT NULL DEFAULT '',
    before  TEXT,
    after   TEXT,
    detail  TEXT NOT NULL DEFAULT '',
    undoes  INTEGER REFERENCES history_new(id)
);
INSERT INTO history_new (id, plan_id, at, who, action, item_id, period, before, after, detail, undoes)
    SELECT id, coalesce((SELECT id FROM plans ORDER BY rowid LIMIT 1), ''), at, who, action, item_id, period,
        before, after, detail, undoes
    FROM history ORDER BY id;

-- Children first, so no table left refers to one already gone.
DROP TABLE history;
DROP TABLE period_locks;
DROP TABLE target_overrides;
DROP TABLE manual_statuses;
DROP TABLE notes;
DROP TABLE actuals;
DROP TABLE items;

ALTER TABLE items_new RENAME TO items;
ALTER TABLE actuals_new RENAME TO actuals;
ALTER TABLE notes_new RENAME TO notes;
ALTER TABLE manual_statuses_new RENAME TO manual_statuses;
ALTER TABLE target_overrides_new RENAME TO target_overrides;
ALTER TABLE period_locks_new RENAME TO period_locks;
ALTER TABLE history_new RENAME TO history;

CREATE INDEX notes_item ON notes(plan_id, item_id);
CREATE INDEX history_item ON history(plan_id, item_id, id);
CREATE INDEX history_plan ON history(plan_id, id);

-- History is never edited: the database itself refuses (the triggers went
-- with the old table).
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
