-- Owner-scoped access (issue 9): a project belongs to the user who created it, and every query filters by it.
--
-- Rows from before this change: a project without an owner goes to asset-hatch.auth.legacy-owner when that is set
-- (this statement, and afterMigrate.sql on every later start, so setting it later works too); otherwise it keeps
-- NULL and nobody can reach it. An owner_id a client sent in the body before this change is kept.
-- The placeholder is "owner:<user id>", or "owner:" when unset (application.properties); it is dollar-quoted, so a
-- user id with quotes in it is only ever a value, and a space separates it from the opening tag (Flyway does not
-- replace a placeholder that directly follows a '$'); substr drops the space and the prefix.
UPDATE project SET owner_id = substr($legacy_owner$ ${legacy_owner}$legacy_owner$, length(' owner:') + 1)
WHERE owner_id IS NULL AND $legacy_owner$ ${legacy_owner}$legacy_owner$ <> ' owner:';

-- Every new or changed row has an owner. NOT VALID: the rows above that stayed NULL are not rejected (they cannot be
-- changed anyway: every change filters by owner).
ALTER TABLE project ADD CONSTRAINT project_owner_required CHECK (owner_id IS NOT NULL) NOT VALID;

-- GET /api/projects: the caller's projects, most recently updated first (ORDER BY updated_at DESC, id).
CREATE INDEX project_owner_updated_idx ON project (owner_id, updated_at DESC, id);
-- Replaced by the index above: no query lists every owner's projects any more.
DROP INDEX project_updated_at_idx;
