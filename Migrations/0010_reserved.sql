-- 0010: reserved for another branch (the lead replaces this file with that branch's migration on merge).
SELECT 1;
