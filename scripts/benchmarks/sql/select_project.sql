-- pgbench's side of the cache-miss row: the one Postgres query a miss runs (the project row by id, as
-- ProjectRepository.findById), on the same never-read projects, so its rate bounds what misses can reach.
-- Variables: :prefix and :count (pgbench -D). Run with -M prepared, as the service's client prepares statements.
\set i random(0, :count - 1)
SELECT * FROM project WHERE id = :prefix::text || :i::text;
