-- When the removal of an app started: from then on the API shows it nowhere, while its rows are
-- forgotten in short transactions of bounded size, and its name is not free again until the row is gone.
alter table app add column removal_started_at timestamp(6) with time zone;
