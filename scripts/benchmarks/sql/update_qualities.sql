-- pgbench's side of the PATCH qualities row: the single-row UPDATE a PATCH commits (a new value, a new version
-- from the shared sequence, the row back), one transaction each, on the same project as the PATCHes.
-- Variables: :project (pgbench -D project=…). Run with -M prepared, as the service's client prepares statements.
\set n random(1, 1000000000)
UPDATE project SET mood = 'pgbench-' || :n, version = nextval('row_version_seq'), updated_at = now()
WHERE id = :project RETURNING *;
