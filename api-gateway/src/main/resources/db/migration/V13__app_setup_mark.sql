-- The mark that an app's one-time setup task (app.json scripts.postdeploy) runs or ran, stored before the task
-- starts, by the deployment that runs it: once set it stays, whether the task succeeded or not.
alter table app add column setup_marked_at timestamp(6) with time zone;
alter table app add column setup_deployment_id varchar(36);

-- Apps released before the setup phase existed are past their first deployment: a one-time setup task
-- (a seed, a schema load) must not run on an app that already serves.
update app set setup_marked_at = created_at where current_release_id is not null;
