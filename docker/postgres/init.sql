-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as the superuser.
-- Mirrors scripts/infra: the owner role project-service migrates and writes with, the read-only role
-- export-service reads with, and the database owned by the first. SELECT grants for the export role
-- come from project-service's Flyway afterMigrate.sql; the roles must exist before it runs.
-- The passwords are local-development defaults; docker-compose.yml passes the same ones to the services.

CREATE ROLE asset_hatch LOGIN PASSWORD 'asset_hatch';

CREATE ROLE asset_hatch_export LOGIN PASSWORD 'asset_hatch_export';
-- export-service only ever reads: even a grant added by mistake cannot make its sessions write.
ALTER ROLE asset_hatch_export SET default_transaction_read_only = on;

-- Owned by asset_hatch so that Flyway, connected as asset_hatch, may create tables in its public schema
-- (Postgres 15+ gives CREATE on public only to the database owner).
CREATE DATABASE asset_hatch OWNER asset_hatch;
