-- Reporting rounds (填报): for one period the program writes each unit a
-- workbook of its items to fill and send back. A round keeps what those
-- workbooks carry (its id, the period, the due date) and a secret from
-- which each row's key is made (domain.RowKey), so a returned workbook is
-- recognised as this round's and a row key altered or copied fails.
CREATE TABLE rounds (
    plan_id    TEXT NOT NULL REFERENCES plans(id),
    id         TEXT NOT NULL,
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    due        TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    secret     TEXT NOT NULL CHECK (length(secret) >= 16),
    started_by TEXT NOT NULL,
    started_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, id)
);

-- The units sent a workbook in a round, with how many items it held.
CREATE TABLE round_units (
    plan_id  TEXT NOT NULL,
    round_id TEXT NOT NULL,
    unit_id  INTEGER NOT NULL,
    items    INTEGER NOT NULL CHECK (items > 0),
    PRIMARY KEY (plan_id, round_id, unit_id),
    FOREIGN KEY (plan_id, round_id) REFERENCES rounds(plan_id, id),
    FOREIGN KEY (plan_id, unit_id) REFERENCES units(plan_id, id)
);
