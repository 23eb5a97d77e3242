-- Tamper-evident history: each history row's hash, chained to the row
-- before it (store/chain.go): sha256 of the previous row's hash and of
-- this row's every column. A row changed behind the program's back — a
-- SQLite tool, its trigger dropped — no longer fits its hash, and
-- `planreview check` names it. Kept beside history, so the rows
-- themselves stay as they were written; the hashes of the rows already
-- there are computed once as this migration runs (chainExisting).
CREATE TABLE history_chain (
    history_id INTEGER PRIMARY KEY REFERENCES history(id),
    hash       TEXT NOT NULL
);

CREATE TRIGGER history_chain_no_update BEFORE UPDATE ON history_chain
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_chain_no_delete BEFORE DELETE ON history_chain
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
