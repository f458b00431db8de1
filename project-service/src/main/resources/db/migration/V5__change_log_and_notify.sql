-- The change feed comes from what was committed (docs/consistency.md §6): triggers record every change to a
-- project's rows in change_log, in the statement that makes it, and NOTIFY listeners, which Postgres delivers
-- only when (and if) the transaction commits. SSE streams read change_log after the version they last sent, so
-- a dropped notification, a dead instance or a reconnecting browser loses nothing: the next read catches up.

-- One row per committed change: the SSE event it becomes (kind), the row it is about, and its version (the SSE
-- id). The primary key is the index every replay and catch-up reads: one project, versions after a cursor.
CREATE TABLE change_log (
    project_id text        NOT NULL,
    version    bigint      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('project', 'qualities', 'memory-file', 'asset', 'style-anchor',
                                                    'project-deleted')),
    entity_id  text        NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    logged_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, version)
);
-- Pruning removes the oldest rows of all projects.
CREATE INDEX change_log_logged_at_idx ON change_log (logged_at);

-- Versions up to here may have been pruned (or predate the log): a stream asked to resume from an older version
-- cannot replay what it missed and tells its client to refetch instead (a `resync` event). One row.
CREATE TABLE change_log_horizon (
    only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    pruned_through bigint  NOT NULL
);
INSERT INTO change_log_horizon (pruned_through)
SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM row_version_seq;

-- Within one project, versions are taken in commit order: every statement that changes a project's rows first
-- takes a transaction-scoped lock on the project. A transaction holding version v of a project commits before any
-- other transaction can take a version of it, so a reader that sees version v also sees every older version of that
-- project, and "everything after the cursor" never skips a change that commits late. Fires before the triggers
-- that take versions (triggers of one event fire in name order: *_changes_in_order < *_outbox_delete, *_version).
CREATE FUNCTION take_versions_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_project text;
BEGIN
    IF TG_TABLE_NAME = 'project' THEN
        changed_project := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        changed_project := CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('change_log:' || changed_project, 0));
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- Records one change and wakes the listeners of its project. The payload is the project id (at most 64
-- characters by the project table's CHECK); several changes of one project in one transaction are one
-- notification, which is all a listener needs: it reads everything after its cursor.
CREATE FUNCTION log_change(project_id text, version bigint, kind text, entity_id text, deleted boolean)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO change_log (project_id, version, kind, entity_id, deleted) VALUES ($1, $2, $3, $4, $5);
    SELECT pg_notify('asset_hatch_changes', $1);
$$;

-- AFTER INSERT OR UPDATE OR DELETE of a project. An update that touched only qualities is a `qualities` event,
-- any other a `project` event (the two routes change disjoint columns).
CREATE FUNCTION project_logs_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM log_change(OLD.id, nextval('row_version_seq'), 'project-deleted', OLD.id, true);
    ELSIF TG_OP = 'UPDATE'
            AND (OLD.name, OLD.phase, OLD.owner_id) IS NOT DISTINCT FROM (NEW.name, NEW.phase, NEW.owner_id) THEN
        PERFORM log_change(NEW.id, NEW.version, 'qualities', NEW.id, false);
    ELSE
        PERFORM log_change(NEW.id, NEW.version, 'project', NEW.id, false);
    END IF;
    RETURN NULL;
END
$$;

-- A child row deleted because its project is (the cascade runs after the project row is gone) is not logged: the
-- project's `project-deleted` event says it all. Memory files and style anchors are deleted only that way.
CREATE FUNCTION project_is_gone(project_id text) RETURNS boolean LANGUAGE sql AS $$
    SELECT NOT EXISTS (SELECT FROM project WHERE id = $1)
$$;

CREATE FUNCTION memory_file_logs_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM log_change(NEW.project_id, NEW.version, 'memory-file', NEW.id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION generated_asset_logs_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM log_change(NEW.project_id, NEW.version, 'asset', NEW.id, false);
    ELSIF NOT project_is_gone(OLD.project_id) THEN
        PERFORM log_change(OLD.project_id, nextval('row_version_seq'), 'asset', OLD.id, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION style_anchor_logs_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM log_change(NEW.project_id, NEW.version, 'style-anchor', NEW.project_id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER project_changes_in_order BEFORE INSERT OR UPDATE OR DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION take_versions_in_commit_order();
CREATE TRIGGER project_change_log AFTER INSERT OR UPDATE OR DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION project_logs_change();

CREATE TRIGGER memory_file_changes_in_order BEFORE INSERT OR UPDATE OR DELETE ON memory_file
    FOR EACH ROW EXECUTE FUNCTION take_versions_in_commit_order();
CREATE TRIGGER memory_file_change_log AFTER INSERT OR UPDATE OR DELETE ON memory_file
    FOR EACH ROW EXECUTE FUNCTION memory_file_logs_change();

CREATE TRIGGER generated_asset_changes_in_order BEFORE INSERT OR UPDATE OR DELETE ON generated_asset
    FOR EACH ROW EXECUTE FUNCTION take_versions_in_commit_order();
CREATE TRIGGER generated_asset_change_log AFTER INSERT OR UPDATE OR DELETE ON generated_asset
    FOR EACH ROW EXECUTE FUNCTION generated_asset_logs_change();

CREATE TRIGGER style_anchor_changes_in_order BEFORE INSERT OR UPDATE OR DELETE ON style_anchor
    FOR EACH ROW EXECUTE FUNCTION take_versions_in_commit_order();
CREATE TRIGGER style_anchor_change_log AFTER INSERT OR UPDATE OR DELETE ON style_anchor
    FOR EACH ROW EXECUTE FUNCTION style_anchor_logs_change();
