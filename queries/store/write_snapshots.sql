-- id: store_write_snapshots
-- title: Write a run's snapshot items
-- description: Writes the items of the run's snapshot files (CLI outputs, AWS Config files) as Parquet (internal).
--   In the order the parser threads added them, each file's items together, as a run's event files are: every reader
--   orders what it returns (snapshot_items) or aggregates without regard to order (min, max, bool_or). Sorted by file
--   and item, the COPY of 200,000 AWS Config files' items took 5.5-6.2 s instead of 1.9-2.1 s, and of 500,000 21 s
--   instead of 5.6 s, because the sort spilled under the staging database's memory limit (bench/README.md, round
--   fifteen).
COPY (SELECT * FROM run_snapshots) TO {{path}} (FORMAT parquet, COMPRESSION zstd)
