-- Every change to a cached row takes its version from this one sequence, in the statement that
-- changes the row. Versions are therefore unique and increasing across deletes and re-creates,
-- which is what lets Redis refuse any write older than the one it holds (tombstones included).
CREATE SEQUENCE row_version_seq;

CREATE TABLE project (
    id              text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    phase           text NOT NULL DEFAULT 'planning'
                    CHECK (phase IN ('planning', 'style', 'generation', 'export')),
    owner_id        text,
    art_style       text,
    base_resolution text,
    perspective     text,
    game_genre      text,
    theme           text,
    mood            text,
    color_palette   text,
    version         bigint NOT NULL DEFAULT nextval('row_version_seq'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_updated_at_idx ON project (updated_at DESC);

CREATE TABLE memory_file (
    id          text PRIMARY KEY,
    project_id  text NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    type        text NOT NULL CHECK (type IN ('project.json', 'entities.json', 'style-anchor.json',
                                              'generation-log.json', 'conversation.json', 'style-draft.json')),
    content     text NOT NULL CHECK (length(content) >= 1),
    version     bigint NOT NULL DEFAULT nextval('row_version_seq'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, type)
);

CREATE TABLE generated_asset (
    id          text PRIMARY KEY,
    project_id  text NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    asset_id    text NOT NULL,
    variant_id  text,
    status      text NOT NULL CHECK (status IN ('generated', 'approved', 'rejected')),
    seed        bigint NOT NULL DEFAULT 0,
    prompt_used text,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    image       bytea NOT NULL,
    media_type  text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
    byte_size   integer NOT NULL,
    sha256      text NOT NULL,
    width       integer,
    height      integer,
    version     bigint NOT NULL DEFAULT nextval('row_version_seq'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX generated_asset_project_idx ON generated_asset (project_id, status, created_at, id);

-- One anchor per project: a PUT replaces it, so "the latest" is simply the row.
CREATE TABLE style_anchor (
    project_id        text PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    image             bytea,
    media_type        text CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
    byte_size         integer,
    sha256            text,
    width             integer,
    height            integer,
    style_keywords    text,
    lighting_keywords text,
    color_palette     text[] NOT NULL DEFAULT '{}',
    model             text,
    version           bigint NOT NULL DEFAULT nextval('row_version_seq'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((image IS NULL) = (media_type IS NULL))
);

-- A repair the cache still owes: written in the transaction that changed the row, deleted once
-- Redis holds that row's version (or newer). No foreign key: a deleted project still needs its
-- cache keys cleared.
CREATE TABLE cache_outbox (
    id              bigserial PRIMARY KEY,
    entity_type     text NOT NULL,
    entity_id       text NOT NULL,
    project_id      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX cache_outbox_due_idx ON cache_outbox (next_attempt_at);
CREATE INDEX cache_outbox_project_idx ON cache_outbox (project_id);
