-- 0007: agreements the parties sign and follow themselves (issue 17).

-- Goal coverage is a warning unless the programme requires a result under every goal.
-- KvK2: not required (an IKC may choose its goals).
ALTER TABLE programme ADD COLUMN require_every_goal INTEGER NOT NULL DEFAULT 0 CHECK (require_every_goal IN (0, 1));

-- The partner role: a person of an organisation that is party to agreements. The role is in a
-- CHECK constraint, which ALTER TABLE cannot change, so users is rebuilt following
-- https://sqlite.org/lang_altertable.html#otheralter: new table, copy, drop, rename, indexes,
-- foreign_key_check (the Migrator runs it after every migration).
-- A migration runs inside a transaction, where PRAGMA foreign_keys=OFF (step 1) has no effect.
-- With foreign keys on, DROP TABLE users is an implicit DELETE that counts every session, audit
-- row, plan review … pointing at a user as a deferred violation; SQLite takes such a count back
-- only when the parent row is inserted again. So the rows are kept aside, the new table takes the
-- name first and the rows are inserted into it after: every count taken is given back, and the
-- commit's deferred check passes (https://sqlite.org/foreignkeys.html#fk_deferred).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE users_before_0007 AS SELECT * FROM main.users;

CREATE TABLE users_new (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role           TEXT NOT NULL CHECK (role IN ('projectleider', 'ontwikkelgroep', 'directeur', 'partner')),
    password_hash  TEXT,                         -- yescrypt ($y$...); NULL until a password is set
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT NOT NULL,
    lock_version   INTEGER NOT NULL DEFAULT 1,
    -- The organisation a partner acts for; only partners have one, and every partner has one.
    -- Whether the user gets deadline reminders by e-mail (0004_outbox).
    mail_reminders INTEGER NOT NULL DEFAULT 1 CHECK (mail_reminders IN (0, 1)),
    organisation_id INTEGER REFERENCES organisations(id),
    CHECK ((role = 'partner') = (organisation_id IS NOT NULL))
);

DROP TABLE main.users;
ALTER TABLE users_new RENAME TO users;

INSERT INTO users (id, name, email, role, password_hash, must_change_password, active, created_at, lock_version, mail_reminders)
SELECT id, name, email, role, password_hash, must_change_password, active, created_at, lock_version, mail_reminders
FROM temp.users_before_0007;

DROP TABLE temp.users_before_0007;

CREATE INDEX users_organisation ON users(organisation_id) WHERE organisation_id IS NOT NULL;

-- A signature given in the application by a partner (or the project leader for the
-- municipality): who, and the moment, besides the date signed_on that paper signatures have too.
ALTER TABLE agreement_parties ADD COLUMN signed_by INTEGER REFERENCES users(id);
ALTER TABLE agreement_parties ADD COLUMN signed_at TEXT;

-- Closed years: a project leader may open one year of one agreement for amendments, with a reason.
CREATE TABLE agreement_year_unlocks (
    agreement_id  INTEGER NOT NULL REFERENCES agreements(id),
    year          INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    unlocked_by   INTEGER REFERENCES users(id),
    unlocked_at   TEXT NOT NULL,
    PRIMARY KEY (agreement_id, year)
);
