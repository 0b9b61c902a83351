-- Whether the app's last successful process control stopped it (POST /api/v1/apps/{app}/stop): its view shows
-- state "stopped" until a start, restart or deployment runs it again. Runs unchanged on H2 2.x and PostgreSQL 15.
alter table app add column stopped boolean default false not null;
