-- The text of the document a plan was made from (the notice as
-- published), kept with the plan so that every view quotes the one the
-- figures were recorded against, whichever plan is open.
ALTER TABLE plans ADD COLUMN notice TEXT NOT NULL DEFAULT '';
