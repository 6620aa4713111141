-- id: store_stage_events
-- title: Stage parsed events
-- description: Streams the parser threads' Arrow batches into one zstd Parquet staging file (internal).
COPY (SELECT * FROM incoming_batches) TO {{staging_file}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 65536)
