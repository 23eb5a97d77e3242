-- Last year beside this year: a 人大 committee reads this year's target
-- beside last year's result. An item of a plan is paired with the item of
-- the same city's previous plan that measures the same thing, and a
-- reviewer may type last year's result where the previous plan is not in
-- the workspace. Nothing existing changes; both tables start empty and
-- pairs are made when a plan is created beside its previous year's.

-- One row per paired (or explicitly unpaired) item of a plan. how:
-- 'name' paired automatically by normalised name, 'reviewer' chosen by a
-- reviewer, 'none' a reviewer's 不配对 (the prior columns then NULL, so
-- the reference to the previous plan's item is not checked).
CREATE TABLE prior_pairs (
    plan_id       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    prior_plan_id TEXT,
    prior_item_id TEXT,
    how           TEXT NOT NULL CHECK (how IN ('name', 'reviewer', 'none')),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (plan_id, item_id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items(plan_id, id),
    FOREIGN KEY (prior_plan_id, prior_item_id) REFERENCES items(plan_id, id),
    CHECK ((how = 'none') = (prior_item_id IS NULL)),
    CHECK ((prior_plan_id IS NULL) = (prior_item_id IS NULL)),
    CHECK (prior_plan_id IS NULL OR prior_plan_id <> plan_id)
);
CREATE INDEX prior_pairs_by_prior ON prior_pairs (prior_plan_id, prior_item_id);

-- Last year's result as a reviewer typed it (record-prior): the text as
-- typed, the value read from it in the item's unit, the previous year's
-- 1-12月, and where it comes from (required: a figure with no source
-- cannot be checked).
CREATE TABLE prior_results (
    plan_id    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    value_text TEXT NOT NULL CHECK (length(trim(value_text)) > 0),
    value      REAL NOT NULL,
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-12'),
    source     TEXT NOT NULL CHECK (length(trim(source)) > 0),
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, item_id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items(plan_id, id)
);
