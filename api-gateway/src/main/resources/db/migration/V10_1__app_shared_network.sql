-- The network an app shares with other apps, as its operator asked. NULL: the app's own network.
ALTER TABLE app ADD COLUMN shared_network VARCHAR(63);
