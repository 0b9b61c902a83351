-- An app's own default task timeout; NULL means the engine's default.
ALTER TABLE app ADD COLUMN task_timeout_seconds BIGINT;
