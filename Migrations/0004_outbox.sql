-- E-mail through a transactional outbox (issue 20): every message is a row written in the same
-- transaction as the event that causes it; the sender thread of `plusikc serve` delivers
-- pending rows and marks them. The Message-ID is fixed when the row is written, so a message
-- sent again after a crash carries the same one.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE,            -- '<...@...>', stable for the row's life
    to_address      TEXT NOT NULL,
    to_name         TEXT NOT NULL DEFAULT '',
    to_user_id      INTEGER REFERENCES users(id),    -- checked again at send time (active, same address)
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,                   -- may hold a set-password link: never shown on a page
    kind            TEXT NOT NULL,                   -- invitation, password_link, reminder, ...
    auto_submitted  INTEGER NOT NULL DEFAULT 0 CHECK (auto_submitted IN (0, 1)),
    created_at      TEXT NOT NULL,                   -- ISO-8601 UTC; the message's Date
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,      -- unix seconds
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

-- Deadline reminders already written to the outbox: at most once per plan (IKC and year),
-- kind and moment ('21', '7', 'late'), also when the job runs twice or after a restart.
CREATE TABLE reminders_sent (
    id        INTEGER PRIMARY KEY,
    ikc_id    INTEGER NOT NULL REFERENCES ikcs(id),
    year      INTEGER NOT NULL,
    plan_id   INTEGER REFERENCES year_plans(id),
    kind      TEXT NOT NULL,
    moment    TEXT NOT NULL,
    sent_on   TEXT NOT NULL,
    UNIQUE (ikc_id, year, kind, moment)
);

-- Each user can turn deadline reminders off (account page).
ALTER TABLE users ADD COLUMN mail_reminders INTEGER NOT NULL DEFAULT 1 CHECK (mail_reminders IN (0, 1));
