-- 责任单位: the departments that answer for a plan's items. Each plan has
-- its own unit list (a city's 市商务局 is not another city's); an item has
-- at most one lead unit and any number of co-operating ones. Plans made
-- from an office's table kept their units in the item's note
-- (责任单位：A、B); the program reads those notes into assignments as
-- this migration runs (store.seedUnits), first named the lead.

-- A plan's units. id is stable within the plan (history refers to it);
-- the full name is unique in the plan, the short name need not be (two
-- units may both be 发改局 in different 区县 lists; matching then asks
-- for the full name).
CREATE TABLE units (
    plan_id    TEXT NOT NULL REFERENCES plans(id),
    id         INTEGER NOT NULL CHECK (id > 0),
    short_name TEXT NOT NULL CHECK (length(trim(short_name)) > 0),
    full_name  TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    ord        INTEGER NOT NULL,
    PRIMARY KEY (plan_id, id),
    UNIQUE (plan_id, full_name)
);

-- Which units answer for which items. role: 'lead' 牵头 (one per item at
-- most), 'with' 协办; ord keeps the co-operating units in the order given.
CREATE TABLE item_units (
    plan_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('lead', 'with')),
    ord     INTEGER NOT NULL,
    PRIMARY KEY (plan_id, item_id, unit_id),
    FOREIGN KEY (plan_id, item_id) REFERENCES items(plan_id, id),
    FOREIGN KEY (plan_id, unit_id) REFERENCES units(plan_id, id)
);
CREATE UNIQUE INDEX item_units_one_lead ON item_units (plan_id, item_id) WHERE role = 'lead';
CREATE INDEX item_units_by_unit ON item_units (plan_id, unit_id);
