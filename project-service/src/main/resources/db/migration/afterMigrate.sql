-- Runs after every migrate: export-service's role may be created after the tables, so grant
-- every time. It reads, never writes (its role also defaults to read-only transactions).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${export_role}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${export_role}');
        EXECUTE format('GRANT SELECT ON project, memory_file, generated_asset, style_anchor TO %I', '${export_role}');
    END IF;
END
$$;

-- Projects from before owners existed (V3) belong to asset-hatch.auth.legacy-owner once it is set; unset, they keep
-- no owner and nobody can reach them.
-- In batches, each committed before the next: every project row changed takes its change-log lock (V5's trigger) until
-- its transaction ends, and one transaction over all legacy projects would need more locks than Postgres's lock table
-- holds (max_locks_per_transaction x connections, a few thousand entries by default: "out of shared memory"). The
-- COMMITs are why this script runs outside a transaction (afterMigrate.sql.conf); a start that fails halfway leaves
-- the rest for the next start, which runs this again. The placeholder is quoted as in V3.
DO $$
DECLARE
    legacy_owner constant text := substr($legacy_owner$ ${legacy_owner}$legacy_owner$, length(' owner:') + 1);
BEGIN
    IF legacy_owner = '' THEN
        RETURN;
    END IF;
    LOOP
        UPDATE project SET owner_id = legacy_owner
        WHERE id IN (SELECT id FROM project WHERE owner_id IS NULL LIMIT 1000);
        EXIT WHEN NOT FOUND;
        COMMIT;
    END LOOP;
END
$$;
