-- id: store_evidence_cited_ids
-- title: The cited event IDs
-- description: A table the evidence pack fills with the event IDs the findings cite (internal).
CREATE OR REPLACE TABLE cited_ids (event_id VARCHAR)
