-- The change log's per-project lock (V5) in one place: the triggers take it before a change gets its version, and
-- ProjectRepository.delete takes it before the project row's lock (see there why). Both now call this function, so
-- the key cannot drift between them. The key is V5's, unchanged: an instance still running the previous release
-- (which spells it itself) takes the same lock as this one during a rolling deploy.
CREATE FUNCTION lock_change_log(project_id text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('change_log:' || $1, 0));
$$;

-- V5's function with the key replaced by the call; the triggers that execute it stay as they are.
CREATE OR REPLACE FUNCTION take_versions_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_project text;
BEGIN
    IF TG_TABLE_NAME = 'project' THEN
        changed_project := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        changed_project := CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END;
    END IF;
    PERFORM lock_change_log(changed_project);
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
