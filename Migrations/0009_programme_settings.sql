-- 0009: a second programme is configured, not coded (issue 22). The fixed lists become rows:
-- IKC kinds (a CHECK on ikcs.kind and a Swift enum), the roles of agreement parties (a CHECK on
-- agreement_parties.role and a Swift list) and the area classification (a yes/no CHECK on
-- areas.is_priority); the programme's own words (short name, the site's name, the steering
-- group's name) become columns of `programme`.

ALTER TABLE programme ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN site_name TEXT NOT NULL DEFAULT 'Plus IKC';
ALTER TABLE programme ADD COLUMN steering_group TEXT NOT NULL DEFAULT 'Ontwikkelgroep';
-- The youngest and oldest age the programme is for (KvK2: 0–12; Amsterdam West: 0–13).
ALTER TABLE programme ADD COLUMN min_age INTEGER NOT NULL DEFAULT 0;
ALTER TABLE programme ADD COLUMN max_age INTEGER NOT NULL DEFAULT 12;
UPDATE programme SET short_name = 'KvK2' WHERE id = 1;

-- Which organisation kinds sign an agreement (are put on it as parties when it is drawn up).
-- The codes gemeente, koepel (the IKC's school board) and kinderopvang keep their meaning in
-- every programme; their labels are the programme's words.
ALTER TABLE organisation_kinds ADD COLUMN signs INTEGER NOT NULL DEFAULT 0 CHECK (signs IN (0, 1));
UPDATE organisation_kinds SET signs = 1 WHERE code IN ('gemeente', 'koepel', 'kinderopvang');

-- The kinds of IKC. `in_programme`: IKCs of this kind get agreements and year plans;
-- `carries_predicate`: at most one kind carries the programme's predicate (KvK2: Plus IKC).
CREATE TABLE ikc_kinds (
    code              TEXT PRIMARY KEY,
    label             TEXT NOT NULL,
    position          INTEGER NOT NULL,
    in_programme      INTEGER NOT NULL DEFAULT 0 CHECK (in_programme IN (0, 1)),
    carries_predicate INTEGER NOT NULL DEFAULT 0 CHECK (carries_predicate IN (0, 1))
);
CREATE UNIQUE INDEX ikc_kinds_one_predicate ON ikc_kinds(carries_predicate) WHERE carries_predicate = 1;
INSERT INTO ikc_kinds (code, label, position, in_programme, carries_predicate) VALUES
    ('plus', 'Plus IKC', 1, 1, 1),
    ('regulier', 'Regulier IKC', 2, 0, 0),
    ('kleine_kern', 'IKC in kleine kern', 3, 0, 0),
    ('speciaal', 'IKC speciaal onderwijs', 4, 0, 0);

-- The area classification: a scale of levels, 0 the lowest. KvK2's is yes/no (aandachtsgebied);
-- `qualifies`: IKCs in an area of this level may carry the predicate.
CREATE TABLE area_classes (
    level      INTEGER PRIMARY KEY CHECK (level >= 0),
    label      TEXT NOT NULL,
    qualifies  INTEGER NOT NULL DEFAULT 0 CHECK (qualifies IN (0, 1))
);
INSERT INTO area_classes (level, label, qualifies) VALUES
    (0, 'Geen aandachtsgebied', 0),
    (1, 'Aandachtsgebied', 1);

-- Three tables are rebuilt to trade a CHECK for a reference, following 0007_partners.sql
-- (https://sqlite.org/lang_altertable.html#otheralter, with defer_foreign_keys since
-- foreign_keys cannot be turned off inside the migration's transaction): rows aside, new table
-- takes the name, rows back, indexes again.
-- DROP TABLE ikcs is an implicit DELETE that fires ON DELETE CASCADE, so the rows of the three
-- tables that cascade from ikcs (ikc_childcare, plus_predicates, plus_condition_checks) are kept
-- aside as well and put back after.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE ikcs_before_0009 AS SELECT * FROM main.ikcs;
CREATE TEMP TABLE ikc_childcare_before_0009 AS SELECT * FROM main.ikc_childcare;
CREATE TEMP TABLE plus_predicates_before_0009 AS SELECT * FROM main.plus_predicates;
CREATE TEMP TABLE plus_condition_checks_before_0009 AS SELECT * FROM main.plus_condition_checks;
CREATE TEMP TABLE areas_before_0009 AS SELECT * FROM main.areas;
CREATE TEMP TABLE agreement_parties_before_0009 AS SELECT * FROM main.agreement_parties;

CREATE TABLE ikcs_new (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind           TEXT NOT NULL REFERENCES ikc_kinds(code),
    koepel_id      INTEGER NOT NULL REFERENCES organisations(id),
    area_id        INTEGER REFERENCES areas(id),
    director_name  TEXT NOT NULL DEFAULT '',
    children_count INTEGER CHECK (children_count BETWEEN 1 AND 2000),
    profile        TEXT NOT NULL DEFAULT '',
    lock_version   INTEGER NOT NULL DEFAULT 1
);

-- is_priority keeps its name (every query and the audit log use it) but holds a level of
-- area_classes now: 0/1 in KvK2, as before.
CREATE TABLE areas_new (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    is_priority      INTEGER NOT NULL DEFAULT 0 REFERENCES area_classes(level),
    reassessed_on    TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    lock_version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE agreement_parties_new (
    version_id       INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
    role             TEXT NOT NULL REFERENCES organisation_kinds(code),
    signatory_name   TEXT NOT NULL DEFAULT '',
    signatory_title  TEXT NOT NULL DEFAULT '',
    signed_on        TEXT,
    signed_recorded_by INTEGER REFERENCES users(id),
    signed_by        INTEGER REFERENCES users(id),
    signed_at        TEXT,
    PRIMARY KEY (version_id, organisation_id)
);

DROP TABLE main.agreement_parties;
DROP TABLE main.ikcs;
DROP TABLE main.areas;
ALTER TABLE areas_new RENAME TO areas;
ALTER TABLE ikcs_new RENAME TO ikcs;
ALTER TABLE agreement_parties_new RENAME TO agreement_parties;

INSERT INTO areas (id, name, is_priority, reassessed_on, notes, lock_version)
SELECT id, name, is_priority, reassessed_on, notes, lock_version FROM temp.areas_before_0009;

INSERT INTO ikcs (id, name, kind, koepel_id, area_id, director_name, children_count, profile, lock_version)
SELECT id, name, kind, koepel_id, area_id, director_name, children_count, profile, lock_version FROM temp.ikcs_before_0009;

DELETE FROM main.ikc_childcare;
INSERT INTO ikc_childcare (ikc_id, organisation_id)
SELECT ikc_id, organisation_id FROM temp.ikc_childcare_before_0009;
DELETE FROM main.plus_predicates;
INSERT INTO plus_predicates (ikc_id, granted_on, last_reassessed_on, notes, lock_version)
SELECT ikc_id, granted_on, last_reassessed_on, notes, lock_version FROM temp.plus_predicates_before_0009;
DELETE FROM main.plus_condition_checks;
INSERT INTO plus_condition_checks (ikc_id, condition_id, state, note, set_by, set_at)
SELECT ikc_id, condition_id, state, note, set_by, set_at FROM temp.plus_condition_checks_before_0009;

INSERT INTO agreement_parties (version_id, organisation_id, role, signatory_name, signatory_title, signed_on,
                               signed_recorded_by, signed_by, signed_at)
SELECT version_id, organisation_id, role, signatory_name, signatory_title, signed_on,
       signed_recorded_by, signed_by, signed_at FROM temp.agreement_parties_before_0009;

DROP TABLE temp.ikcs_before_0009;
DROP TABLE temp.ikc_childcare_before_0009;
DROP TABLE temp.plus_predicates_before_0009;
DROP TABLE temp.plus_condition_checks_before_0009;
DROP TABLE temp.areas_before_0009;
DROP TABLE temp.agreement_parties_before_0009;

CREATE INDEX ikcs_koepel ON ikcs(koepel_id);
CREATE INDEX ikcs_area ON ikcs(area_id);
