-- The retention job deletes processed_event rows by age in small chunks, oldest first;
-- without this index every chunk would scan the whole table.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
