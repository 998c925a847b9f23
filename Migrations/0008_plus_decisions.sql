-- 0008: the Plus rules (issue 21). New tables only: ikcs and areas are left as they are.

-- The decisions that granted or renewed (herijking) an IKC's Plus predicate: the date, the body
-- that decided (e.g. the Ontwikkelgroep, the college) and a note. Newest last.
CREATE TABLE plus_decisions (
    id           INTEGER PRIMARY KEY,
    ikc_id       INTEGER NOT NULL REFERENCES ikcs(id),
    kind         TEXT NOT NULL CHECK (kind IN ('toekenning', 'herijking')),
    decided_on   TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    recorded_by  INTEGER REFERENCES users(id),
    recorded_at  TEXT NOT NULL
);
CREATE INDEX plus_decisions_ikc ON plus_decisions(ikc_id, decided_on);

-- Why an IKC outside an aandachtsgebied holds the Plus predicate (seed 002 gives the predicate
-- to the IKCs in aandachtsgebieden; anything else is an explicit, recorded exception).
CREATE TABLE plus_exceptions (
    ikc_id       INTEGER PRIMARY KEY REFERENCES ikcs(id),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    recorded_by  INTEGER REFERENCES users(id),
    recorded_at  TEXT NOT NULL
);

-- The Plus IKCs of an area whose classification (aandachtsgebied or not) changed: each needs a
-- herijking of its predicate; the row goes when the herijking is recorded.
CREATE TABLE plus_reassessments_due (
    ikc_id        INTEGER PRIMARY KEY REFERENCES ikcs(id),
    area_id       INTEGER NOT NULL REFERENCES areas(id),
    now_priority  INTEGER NOT NULL CHECK (now_priority IN (0, 1)),
    flagged_at    TEXT NOT NULL
);
