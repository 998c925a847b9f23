-- 0004: PLACEHOLDER on the totp branch only. Version 0004 belongs to the mail branch; this empty
-- file keeps the versions gap-free until it arrives. Delete this file when merging (the Migrator
-- refuses two files with version 0004, so a merge that keeps both fails loudly at start-up).
SELECT 1;
