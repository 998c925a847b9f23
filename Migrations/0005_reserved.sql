-- Placeholder so this branch migrates without a gap; the real 0005 is the totp branch's 0005_two_factor.sql.
-- Drop this file when merging.
SELECT 1;
