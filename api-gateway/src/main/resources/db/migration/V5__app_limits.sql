-- Memory and CPU limits: one pair for every task container of the app, one per process type. NULL: no limit.
ALTER TABLE app ADD COLUMN task_memory_bytes BIGINT;
ALTER TABLE app ADD COLUMN task_nano_cpus BIGINT;

CREATE TABLE app_process_limits (
    app_name     VARCHAR(63) NOT NULL REFERENCES app (name),
    process_type VARCHAR(63) NOT NULL,
    memory_bytes BIGINT,
    nano_cpus    BIGINT,
    PRIMARY KEY (app_name, process_type)
);
