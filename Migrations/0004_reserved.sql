-- Placeholder so this branch migrates without a gap; the real 0004 is the mail branch's 0004_outbox.sql.
-- Drop this file when merging.
SELECT 1;
