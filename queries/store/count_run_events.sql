-- id: store_count_run_events
-- title: Events a run wrote
-- description: How many events the run's event files hold, from their Parquet footers; a run whose ID hashes prove it repeats no event must hold every parsed one (internal).
SELECT count(*) FROM run_events
