-- id: store_stage_events
-- title: Stage parsed events
-- description: Pulls the parser threads' Arrow batches into the run's staging table (internal).
CREATE TABLE staged AS SELECT * FROM incoming_batches
