-- What the newest report of each pool's engine said about the engine itself, in both modes: when it came, why the
-- engine did not list its containers (then the pool's process rows are the last ones it listed), and whether it
-- enforces memory and CPU limits. Runs unchanged on H2 2.x and PostgreSQL 15.
create table pool_report (
    pool            varchar(63)                 not null primary key,
    engine          varchar(255)                not null,
    reported_at     timestamp(6) with time zone not null,
    engine_error    varchar(500),
    enforces_limits boolean
);
