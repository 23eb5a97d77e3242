-- A period is locked once its brief has gone out: its figures, notes and
-- manual statuses then refuse edits until a reviewer unlocks it with a
-- reason. Both are in history.
CREATE TABLE period_locks (
    period    TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    reason    TEXT NOT NULL DEFAULT '',
    locked_by TEXT NOT NULL,
    locked_at TEXT NOT NULL
);

-- An undo names the change it reverses, so the same change is not undone
-- twice.
ALTER TABLE history ADD COLUMN undoes INTEGER REFERENCES history(id);
