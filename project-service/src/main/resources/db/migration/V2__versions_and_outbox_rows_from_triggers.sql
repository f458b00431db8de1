-- Versions and cache-outbox rows come from the schema: triggers give every changed row its version from
-- row_version_seq and record the row's cache_outbox entry in the very statement that changes it, so no
-- code path can change a cached row without owing its cache update (docs/consistency.md).

-- The version the outbox row owes: Redis must come to hold this version of the entity, or a newer one.
-- A writer that stored version v settles every row of that entity with version <= v, in one statement
-- for any number of entities. Rows recorded before this migration have version 0: any write settles them.
ALTER TABLE cache_outbox ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX cache_outbox_entity_idx ON cache_outbox (entity_type, entity_id, version);

-- BEFORE INSERT OR UPDATE: the row's new version (and, for an update, its change time).
CREATE FUNCTION stamp_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('row_version_seq');
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

-- Records one owed cache update. A deletion owes a version newer than any the row had, taken when the
-- row is deleted: a writer that tombstones the row at a version taken after the DELETE (e.g. in its
-- RETURNING list, evaluated after this BEFORE DELETE trigger) therefore settles it.
CREATE FUNCTION owe_cache_update(entity_type text, entity_id text, project_id text, version bigint)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO cache_outbox (entity_type, entity_id, project_id, version) VALUES ($1, $2, $3, $4)
$$;

-- One small function per table: it names the table's entity type and which columns identify it.
-- AFTER INSERT OR UPDATE (a conflicting INSERT ... ON CONFLICT that changes nothing records nothing);
-- BEFORE DELETE (so a deleting statement's RETURNING can take a newer tombstone version).
CREATE FUNCTION project_owes_cache_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM owe_cache_update('project', OLD.id, OLD.id, nextval('row_version_seq'));
        RETURN OLD;
    END IF;
    PERFORM owe_cache_update('project', NEW.id, NEW.id, NEW.version);
    RETURN NEW;
END
$$;

CREATE FUNCTION memory_file_owes_cache_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM owe_cache_update('memory-file', OLD.id, OLD.project_id, nextval('row_version_seq'));
        RETURN OLD;
    END IF;
    PERFORM owe_cache_update('memory-file', NEW.id, NEW.project_id, NEW.version);
    RETURN NEW;
END
$$;

CREATE FUNCTION generated_asset_owes_cache_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM owe_cache_update('asset', OLD.id, OLD.project_id, nextval('row_version_seq'));
        RETURN OLD;
    END IF;
    PERFORM owe_cache_update('asset', NEW.id, NEW.project_id, NEW.version);
    RETURN NEW;
END
$$;

CREATE FUNCTION style_anchor_owes_cache_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM owe_cache_update('style-anchor', OLD.project_id, OLD.project_id, nextval('row_version_seq'));
        RETURN OLD;
    END IF;
    PERFORM owe_cache_update('style-anchor', NEW.project_id, NEW.project_id, NEW.version);
    RETURN NEW;
END
$$;

CREATE TRIGGER project_version BEFORE INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION stamp_row_version();
CREATE TRIGGER project_outbox AFTER INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION project_owes_cache_update();
CREATE TRIGGER project_outbox_delete BEFORE DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION project_owes_cache_update();

CREATE TRIGGER memory_file_version BEFORE INSERT OR UPDATE ON memory_file
    FOR EACH ROW EXECUTE FUNCTION stamp_row_version();
CREATE TRIGGER memory_file_outbox AFTER INSERT OR UPDATE ON memory_file
    FOR EACH ROW EXECUTE FUNCTION memory_file_owes_cache_update();
CREATE TRIGGER memory_file_outbox_delete BEFORE DELETE ON memory_file
    FOR EACH ROW EXECUTE FUNCTION memory_file_owes_cache_update();

CREATE TRIGGER generated_asset_version BEFORE INSERT OR UPDATE ON generated_asset
    FOR EACH ROW EXECUTE FUNCTION stamp_row_version();
CREATE TRIGGER generated_asset_outbox AFTER INSERT OR UPDATE ON generated_asset
    FOR EACH ROW EXECUTE FUNCTION generated_asset_owes_cache_update();
CREATE TRIGGER generated_asset_outbox_delete BEFORE DELETE ON generated_asset
    FOR EACH ROW EXECUTE FUNCTION generated_asset_owes_cache_update();

CREATE TRIGGER style_anchor_version BEFORE INSERT OR UPDATE ON style_anchor
    FOR EACH ROW EXECUTE FUNCTION stamp_row_version();
CREATE TRIGGER style_anchor_outbox AFTER INSERT OR UPDATE ON style_anchor
    FOR EACH ROW EXECUTE FUNCTION style_anchor_owes_cache_update();
CREATE TRIGGER style_anchor_outbox_delete BEFORE DELETE ON style_anchor
    FOR EACH ROW EXECUTE FUNCTION style_anchor_owes_cache_update();
