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
