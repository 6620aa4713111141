-- id: store_count_unbalanced_sources
-- title: Run files whose records do not add up
-- description: How many of the run's manifest rows do not read records = stored + duplicates + rejected, or hold a negative count, as a wrong correction after deduplication would; a run has none (internal).
SELECT count(*)
FROM run_sources
WHERE records_read <> stored + duplicates + rejected OR stored < 0 OR duplicates < 0 OR rejected < 0
