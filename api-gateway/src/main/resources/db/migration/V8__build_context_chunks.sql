-- Remote mode: an uploaded build context is kept in the database, so that a worker downloads it from any
-- gateway replica. One row holds up to 1 MiB of it; seq orders the rows from 0. No foreign key: the rows of a
-- deployment go when it ends, and those of a deleted app's deployments after the app is forgotten.
-- Runs unchanged on H2 2.x (where bytea means binary varying) and PostgreSQL 15.
create table build_context_chunk (
    deployment_id varchar(36) not null,
    seq           integer     not null,
    bytes         bytea       not null,
    primary key (deployment_id, seq)
);
