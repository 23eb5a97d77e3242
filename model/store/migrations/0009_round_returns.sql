-- What a reporting round sent and what came back, kept per round rather
-- than read back from history: a unit's return of an unchanged figure
-- counts as returned, a return counts for its own round (not for any
-- round of the same period), and "the items it was sent" are what its
-- workbook held, not today's assignment.

-- The rows of each unit's workbook. SaveRound writes them with the round.
-- Rounds started before this table existed get the rows the unit's
-- assignment (item_units) gives now: the best that can be known of what
-- their workbooks held, since those rows were not recorded (an item
-- reassigned since the round started shows under its new unit; a body
-- commitment that repeats an indicator, never sent, is left out when
-- read, store.RoundItems, as the plan file and not this table knows it).
CREATE TABLE round_items (
    plan_id  TEXT NOT NULL,
    round_id TEXT NOT NULL,
    unit_id  INTEGER NOT NULL,
    item_id  TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('lead', 'with')),
    PRIMARY KEY (plan_id, round_id, unit_id, item_id),
    FOREIGN KEY (plan_id, round_id) REFERENCES rounds(plan_id, id),
    FOREIGN KEY (plan_id, unit_id) REFERENCES units(plan_id, id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items(plan_id, id)
);
INSERT INTO round_items (plan_id, round_id, unit_id, item_id, role)
    SELECT ru.plan_id, ru.round_id, iu.unit_id, iu.item_id, iu.role
    FROM round_units ru JOIN item_units iu ON iu.plan_id = ru.plan_id AND iu.unit_id = ru.unit_id;

-- The latest return of each item by each unit in a round: one row per
-- filled row of the workbook collected. value and outcome are the figure
-- (both NULL for a row with progress text only); state says what became
-- of it:
--   written     the figure was recorded from this return (or, for a
--               text-only row, its progress note was)
--   unchanged   the same figure was already recorded: returned, nothing
--               to write
--   pending     it differs from the figure recorded for the item and
--               period (by hand or from another return): held for the
--               reviewer, nothing overwritten
--   picked      the reviewer chose this return in a conflict
--   not_picked  the reviewer chose another figure
CREATE TABLE round_returns (
    plan_id      TEXT NOT NULL,
    round_id     TEXT NOT NULL,
    unit_id      INTEGER NOT NULL,
    item_id      TEXT NOT NULL,
    value        REAL,
    outcome      TEXT CHECK (outcome IN ('done', 'in_progress', 'not_done')),
    progress     TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    person       TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    file         TEXT NOT NULL,
    collected_at TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('written', 'unchanged', 'pending', 'picked', 'not_picked')),
    PRIMARY KEY (plan_id, round_id, unit_id, item_id),
    FOREIGN KEY (plan_id, round_id) REFERENCES rounds(plan_id, id),
    FOREIGN KEY (plan_id, unit_id) REFERENCES units(plan_id, id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items(plan_id, id),
    CHECK (value IS NULL OR outcome IS NULL)
);
CREATE INDEX round_returns_pending ON round_returns (plan_id, round_id, state);
