-- The original app's newest client (issue 12): a project's mode, chosen at creation, and a stable id for the
-- style anchor that GET /api/style-anchor?id= accepts (besides the project id).
ALTER TABLE project ADD COLUMN mode text NOT NULL DEFAULT '2d' CHECK (mode IN ('2d', '3d', 'hybrid'));

ALTER TABLE style_anchor ADD COLUMN id text NOT NULL DEFAULT gen_random_uuid()::text;
ALTER TABLE style_anchor ADD CONSTRAINT style_anchor_id_key UNIQUE (id);

-- Cached copies (Redis) of existing rows lack the new fields, and the cache only ever replaces a copy with a
-- newer version. New versions make the schema's outbox triggers owe a rewrite of every such copy; the version
-- trigger is held back so updated_at keeps meaning "last changed by someone" (lists are ordered by it).
-- Projects without an owner (V3) are left alone: nobody can reach them, V3's check refuses any change to them, and
-- the update that later gives them an owner (afterMigrate.sql) gives them a new version anyway.
ALTER TABLE project DISABLE TRIGGER project_version;
UPDATE project SET version = nextval('row_version_seq') WHERE owner_id IS NOT NULL;
ALTER TABLE project ENABLE TRIGGER project_version;

ALTER TABLE style_anchor DISABLE TRIGGER style_anchor_version;
UPDATE style_anchor SET version = nextval('row_version_seq');
ALTER TABLE style_anchor ENABLE TRIGGER style_anchor_version;
