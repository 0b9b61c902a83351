-- A succeeded deployment ends once its release serves; the containers its release replaced are retired after that,
-- at the wait-to-retire time: their engine ids (comma-separated) and due time as the engine reported them, so a
-- retirement a restart cut short can be asked for again, and when the engine reported them retired.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
alter table deployment add column retire_containers varchar(65536);
alter table deployment add column retire_due timestamp(6) with time zone;
alter table deployment add column retired_at timestamp(6) with time zone;
