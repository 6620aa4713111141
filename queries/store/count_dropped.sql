-- id: store_count_dropped
-- title: How many of the run's records are dropped
-- description: The number of the run's records whose event the store or an earlier record of the run already holds (internal).
SELECT count(*) FROM dropped
