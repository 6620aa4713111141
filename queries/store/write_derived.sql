-- id: store_write_derived
-- title: Write one derived table of a run
-- description: Writes the rows of one derived table ({{rows}}: its store_derive_* query, given as text to DuckDB's query() function) into the run directory as Parquet (internal).
--   The writer settings are the events' (stage_events.sql): zstd level 1, V2 pages, no bloom filters; on 1M events
--   the focus events took 0.37-0.39 s to write instead of 0.44-0.58 s, and 9 % less space.
COPY (FROM query({{rows}}))
TO {{path}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2, WRITE_BLOOM_FILTER false)
