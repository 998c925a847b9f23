-- 0006: a year plan has two moments, each with its own state and review (issue 16).
-- The jaarplan (Plan and the intended Do) is due before or at the start of the school year; it
-- keeps the existing columns status, submitted_at, reviewed_at, reviewed_by, return_reason and
-- reviewed_snapshot. The verantwoording (Check and Act) is due after the year; it gets the
-- account_* columns below. Only an approved verantwoording counts as realised.
ALTER TABLE year_plans ADD COLUMN account_status TEXT NOT NULL DEFAULT 'concept'
    CHECK (account_status IN ('concept', 'ingediend', 'teruggestuurd', 'goedgekeurd'));
ALTER TABLE year_plans ADD COLUMN account_submitted_at TEXT;
ALTER TABLE year_plans ADD COLUMN account_reviewed_at TEXT;
ALTER TABLE year_plans ADD COLUMN account_reviewed_by INTEGER REFERENCES users(id);
ALTER TABLE year_plans ADD COLUMN account_return_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE year_plans ADD COLUMN account_reviewed_snapshot TEXT;

-- Until now one approval covered Plan, Do, Check and Act: an approved plan is an approved
-- jaarplan and an approved verantwoording, with the same moments and reviewer.
UPDATE year_plans
SET account_status = 'goedgekeurd', account_submitted_at = submitted_at,
    account_reviewed_at = reviewed_at, account_reviewed_by = reviewed_by
WHERE status = 'goedgekeurd';

-- Two deadlines per year. The single deadline so far was the whole record's, due after the year:
-- it becomes the verantwoording's; the jaarplan is due on 1 October of the school year itself
-- (KvK2), with the same grace period.
ALTER TABLE plan_deadlines ADD COLUMN account_due_on TEXT;
ALTER TABLE plan_deadlines ADD COLUMN account_grace_days INTEGER NOT NULL DEFAULT 0 CHECK (account_grace_days >= 0);
UPDATE plan_deadlines
SET account_due_on = due_on, account_grace_days = grace_days, due_on = printf('%04d-10-01', year);
