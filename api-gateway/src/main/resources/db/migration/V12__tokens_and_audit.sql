-- API tokens: only a SHA-256 hash of each value is kept (the values are 256 random bits, so no salt is needed to
-- make a guess from the hash hopeless). A revoked token keeps its row, and its name, so the audit log's actor
-- stays unambiguous. apps: the app names it is limited to, comma-separated; NULL for every app.
CREATE TABLE api_token (
    id         VARCHAR(36)                 NOT NULL PRIMARY KEY,
    name       VARCHAR(100)                NOT NULL UNIQUE,
    role       VARCHAR(16)                 NOT NULL,
    apps       VARCHAR(8192),
    value_hash VARCHAR(64)                 NOT NULL UNIQUE,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by VARCHAR(100)                NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE,
    revoked_at TIMESTAMP(6) WITH TIME ZONE
);

-- Who did what: every change and every refused request. Never a config value or a token.
CREATE TABLE audit_entry (
    id             VARCHAR(36)                 NOT NULL PRIMARY KEY,
    at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor          VARCHAR(100),
    role           VARCHAR(16),
    action         VARCHAR(300)                NOT NULL,
    app_name       VARCHAR(63),
    target         VARCHAR(100),
    outcome        VARCHAR(16)                 NOT NULL,
    status         INTEGER,
    source_address VARCHAR(64)
);

CREATE INDEX audit_entry_newest ON audit_entry (at, id);

-- The actor that asked for a deployment: a token's name, or bootstrap for the API token.
ALTER TABLE deployment ADD COLUMN actor VARCHAR(100);
