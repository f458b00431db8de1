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
UPDATE project SET owner_id = substr($legacy_owner$ ${legacy_owner}$legacy_owner$, length(' owner:') + 1)
WHERE owner_id IS NULL AND $legacy_owner$ ${legacy_owner}$legacy_owner$ <> ' owner:';
