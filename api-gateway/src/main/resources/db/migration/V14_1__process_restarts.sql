-- How often the engine restarted each reported process container, and when its process last started, as the engine
-- reported them (null when it did not say). Runs unchanged on H2 2.x and PostgreSQL 15.
alter table process_container add column restarts integer;
alter table process_container add column started_at timestamp(6) with time zone;
