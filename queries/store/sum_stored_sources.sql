-- id: store_sum_stored_sources
-- title: Records the run's files stored
-- description: The sum of the stored records over the run's manifest rows, which the run's event files must hold (internal).
SELECT coalesce(sum(stored), 0) FROM run_sources
