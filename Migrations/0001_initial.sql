-- 0001: the whole data model of ../shared/DOMAIN.md as far as it is known today.
-- Conventions: money is whole cents (INTEGER); a "year" is an INTEGER: the calendar year, or
-- for a programme that counts school years the year a school year starts (2024 = 2024-2025).
-- Dates are TEXT 'YYYY-MM-DD'; moments are TEXT ISO-8601 UTC ('2026-11-23T10:15:00Z').
-- Every editable record has `lock_version` for optimistic concurrency (a stale save is a 409).

-- The programme is data, not code: one row of settings plus its goals and code lists.
CREATE TABLE programme (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    first_year    INTEGER NOT NULL,
    last_year     INTEGER NOT NULL CHECK (last_year >= first_year),
    year_kind     TEXT NOT NULL CHECK (year_kind IN ('school', 'calendar')),
    plus_term_years        INTEGER NOT NULL DEFAULT 4,
    plus_reassessment_years INTEGER NOT NULL DEFAULT 2,
    area_reassessment_years INTEGER NOT NULL DEFAULT 2
);

CREATE TABLE programme_goals (
    id        INTEGER PRIMARY KEY,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL UNIQUE
);

CREATE TABLE organisation_kinds (
    code      TEXT PRIMARY KEY,
    label     TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE funding_source_kinds (
    code      TEXT PRIMARY KEY,
    label     TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE staffing_roles (
    code          TEXT PRIMARY KEY,
    label         TEXT NOT NULL,
    default_hours REAL,
    position      INTEGER NOT NULL
);

-- The conditions (voorwaarden) a Plus IKC must meet (section 2.2 A of the programme).
CREATE TABLE plus_conditions (
    id        INTEGER PRIMARY KEY,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL
);

-- People in the system are staff accounts; no data on children.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role           TEXT NOT NULL CHECK (role IN ('projectleider', 'ontwikkelgroep', 'directeur')),
    password_hash  TEXT,                         -- yescrypt ($y$...); NULL until a password is set
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT NOT NULL,
    lock_version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
    token_hash     TEXT PRIMARY KEY,             -- hex SHA-256 of the cookie's 32 random bytes
    user_id        INTEGER NOT NULL REFERENCES users(id),
    csrf_token     TEXT NOT NULL,
    created_at     INTEGER NOT NULL,             -- unix seconds, for cheap expiry checks
    last_seen_at   INTEGER NOT NULL,
    remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL COLLATE NOCASE,
    remote_address TEXT NOT NULL,
    attempted_at   INTEGER NOT NULL,             -- unix seconds
    succeeded      INTEGER NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX login_attempts_email ON login_attempts(email, attempted_at);
CREATE INDEX login_attempts_address ON login_attempts(remote_address, attempted_at);

-- One-time links to set a password (invitation or reset); only the hash is stored.
CREATE TABLE password_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    user_id      INTEGER REFERENCES users(id),
    action       TEXT NOT NULL,                  -- create, update, delete, login, submit, approve, ...
    record_type  TEXT NOT NULL,                  -- user, organisation, ikc, agreement, ...
    record_id    INTEGER,
    summary      TEXT NOT NULL DEFAULT '',
    old_values   TEXT,                           -- JSON object of changed fields, or NULL
    new_values   TEXT
);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id, id);

CREATE TABLE organisations (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind             TEXT NOT NULL REFERENCES organisation_kinds(code),
    contact_name     TEXT NOT NULL DEFAULT '',
    contact_email    TEXT NOT NULL DEFAULT '',
    signatory_name   TEXT NOT NULL DEFAULT '',   -- who signs agreements for it
    signatory_title  TEXT NOT NULL DEFAULT '',
    lock_version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE areas (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    is_priority      INTEGER NOT NULL DEFAULT 0 CHECK (is_priority IN (0, 1)),
    reassessed_on    TEXT,                       -- last two-yearly herijking of the classification
    notes            TEXT NOT NULL DEFAULT '',
    lock_version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE area_indicators (
    id          INTEGER PRIMARY KEY,
    area_id     INTEGER NOT NULL REFERENCES areas(id),
    year        INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    value       REAL NOT NULL,
    source      TEXT NOT NULL DEFAULT '',        -- Kinderen in Tel, CBS OAB dashboard, Jeugdmonitor
    UNIQUE (area_id, year, indicator)
);

CREATE TABLE ikcs (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind           TEXT NOT NULL CHECK (kind IN ('plus', 'regulier', 'kleine_kern', 'speciaal')),
    koepel_id      INTEGER NOT NULL REFERENCES organisations(id),
    area_id        INTEGER REFERENCES areas(id),
    director_name  TEXT NOT NULL DEFAULT '',
    children_count INTEGER CHECK (children_count BETWEEN 1 AND 2000),
    profile        TEXT NOT NULL DEFAULT '',
    lock_version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ikcs_koepel ON ikcs(koepel_id);
CREATE INDEX ikcs_area ON ikcs(area_id);

CREATE TABLE ikc_childcare (
    ikc_id          INTEGER NOT NULL REFERENCES ikcs(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (ikc_id, organisation_id)
);

CREATE TABLE user_ikcs (
    user_id  INTEGER NOT NULL REFERENCES users(id),
    ikc_id   INTEGER NOT NULL REFERENCES ikcs(id),
    PRIMARY KEY (user_id, ikc_id)
);
CREATE INDEX user_ikcs_ikc ON user_ikcs(ikc_id);

-- Plus predicate: granted for a term (4 years), re-assessed every 2 years.
CREATE TABLE plus_predicates (
    ikc_id            INTEGER PRIMARY KEY REFERENCES ikcs(id) ON DELETE CASCADE,
    granted_on        TEXT NOT NULL,
    last_reassessed_on TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    lock_version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plus_condition_checks (
    ikc_id        INTEGER NOT NULL REFERENCES ikcs(id) ON DELETE CASCADE,
    condition_id  INTEGER NOT NULL REFERENCES plus_conditions(id),
    state         TEXT NOT NULL CHECK (state IN ('met', 'not_yet', 'not_met')),
    note          TEXT NOT NULL DEFAULT '',
    set_by        INTEGER REFERENCES users(id),
    set_at        TEXT NOT NULL,
    PRIMARY KEY (ikc_id, condition_id)
);

CREATE TABLE funding_sources (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind             TEXT NOT NULL REFERENCES funding_source_kinds(code),
    organisation_id  INTEGER REFERENCES organisations(id),
    notes            TEXT NOT NULL DEFAULT '',
    lock_version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE funding_budgets (
    funding_source_id INTEGER NOT NULL REFERENCES funding_sources(id) ON DELETE CASCADE,
    year              INTEGER NOT NULL,
    amount_cents      INTEGER NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (funding_source_id, year)
);

-- A resultaatafspraak: one per Plus IKC and period. Its content lives in versions; version n+1
-- is an amendment (bijstelling) that replaces the figures of version n, never adds to them.
CREATE TABLE agreements (
    id          INTEGER PRIMARY KEY,
    ikc_id      INTEGER NOT NULL REFERENCES ikcs(id),
    first_year  INTEGER NOT NULL,
    last_year   INTEGER NOT NULL CHECK (last_year >= first_year),
    created_at  TEXT NOT NULL,
    UNIQUE (ikc_id, first_year)
);

CREATE TABLE agreement_versions (
    id              INTEGER PRIMARY KEY,
    agreement_id    INTEGER NOT NULL REFERENCES agreements(id),
    number          INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('concept', 'ter_ondertekening', 'vastgesteld')),
    reason          TEXT NOT NULL DEFAULT '',    -- why this amendment
    section_analysis      TEXT NOT NULL DEFAULT '', -- data analysis and the offer that follows
    section_governance    TEXT NOT NULL DEFAULT '', -- aansturing
    section_job_structure TEXT NOT NULL DEFAULT '', -- functiehuis
    section_organisation  TEXT NOT NULL DEFAULT '', -- organisation of education and childcare
    created_by      INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL,
    fixed_at        TEXT,                        -- when it became vastgesteld
    lock_version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (agreement_id, number)
);

CREATE TABLE agreement_parties (
    version_id       INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
    role             TEXT NOT NULL CHECK (role IN ('gemeente', 'koepel', 'kinderopvang', 'partner')),
    signatory_name   TEXT NOT NULL DEFAULT '',
    signatory_title  TEXT NOT NULL DEFAULT '',
    signed_on        TEXT,
    signed_recorded_by INTEGER REFERENCES users(id),
    PRIMARY KEY (version_id, organisation_id)
);

CREATE TABLE agreement_results (
    id              INTEGER PRIMARY KEY,
    version_id      INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    lineage         INTEGER NOT NULL,            -- the same result across versions (for compare)
    goal_id         INTEGER NOT NULL REFERENCES programme_goals(id),
    position        INTEGER NOT NULL,
    description     TEXT NOT NULL,
    indicator       TEXT NOT NULL,
    unit            TEXT NOT NULL CHECK (unit IN ('percent', 'number', 'euro', 'score', 'yesno')),
    baseline_value  REAL,
    baseline_year   INTEGER,
    direction       TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'reach')),
    data_source     TEXT NOT NULL DEFAULT '',
    accumulation    TEXT NOT NULL DEFAULT 'per_year' CHECK (accumulation IN ('per_year', 'cumulative'))
);
CREATE INDEX agreement_results_version ON agreement_results(version_id, goal_id, position);

CREATE TABLE result_targets (
    result_id  INTEGER NOT NULL REFERENCES agreement_results(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (result_id, year)
);

CREATE TABLE contributions (
    version_id        INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    organisation_id   INTEGER NOT NULL REFERENCES organisations(id),
    funding_source_id INTEGER NOT NULL REFERENCES funding_sources(id),
    year              INTEGER NOT NULL,
    amount_cents      INTEGER NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (version_id, organisation_id, funding_source_id, year)
);
CREATE INDEX contributions_source ON contributions(funding_source_id, year);

CREATE TABLE staffing (
    version_id       INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    role_code        TEXT NOT NULL REFERENCES staffing_roles(code),
    year             INTEGER NOT NULL,
    hours_per_week   REAL NOT NULL CHECK (hours_per_week >= 0),
    paid_by          INTEGER REFERENCES organisations(id),
    PRIMARY KEY (version_id, role_code, year)
);

-- The signed document (PDF scan) of a version lives in the database, so a backup holds it.
CREATE TABLE agreement_documents (
    id            INTEGER PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    filename      TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    data          BLOB NOT NULL,
    uploaded_by   INTEGER REFERENCES users(id),
    uploaded_at   TEXT NOT NULL
);

-- Yearly plans: the PDCA record of one IKC for one year.
CREATE TABLE plan_deadlines (
    year        INTEGER PRIMARY KEY,
    due_on      TEXT NOT NULL,
    grace_days  INTEGER NOT NULL DEFAULT 0 CHECK (grace_days >= 0)
);

CREATE TABLE year_plans (
    id                   INTEGER PRIMARY KEY,
    ikc_id               INTEGER NOT NULL REFERENCES ikcs(id),
    year                 INTEGER NOT NULL,
    agreement_version_id INTEGER REFERENCES agreement_versions(id),
    status               TEXT NOT NULL DEFAULT 'concept'
                         CHECK (status IN ('concept', 'ingediend', 'teruggestuurd', 'goedgekeurd')),
    intention            TEXT NOT NULL DEFAULT '',   -- Plan: the overall intention
    act_changes          TEXT NOT NULL DEFAULT '',   -- Act: what changes next year
    act_amendment_proposal TEXT NOT NULL DEFAULT '', -- Act: proposal to amend the agreement
    submitted_at         TEXT,
    reviewed_at          TEXT,
    reviewed_by          INTEGER REFERENCES users(id),
    return_reason        TEXT NOT NULL DEFAULT '',
    reviewed_snapshot    TEXT,                       -- JSON of the plan as reviewed (to show changes)
    created_at           TEXT NOT NULL,
    lock_version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (ikc_id, year)
);

CREATE TABLE plan_activities (
    plan_id     INTEGER NOT NULL REFERENCES year_plans(id) ON DELETE CASCADE,
    result_id   INTEGER NOT NULL REFERENCES agreement_results(id),
    activities  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, result_id)
);

CREATE TABLE plan_spending (
    plan_id            INTEGER NOT NULL REFERENCES year_plans(id) ON DELETE CASCADE,
    funding_source_id  INTEGER NOT NULL REFERENCES funding_sources(id),
    planned_cents      INTEGER CHECK (planned_cents >= 0),
    spent_cents        INTEGER CHECK (spent_cents >= 0),   -- Check: NULL = not yet known, never 0
    PRIMARY KEY (plan_id, funding_source_id)
);

CREATE TABLE progress_notes (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES year_plans(id) ON DELETE CASCADE,
    noted_on    TEXT NOT NULL,
    text        TEXT NOT NULL,
    author_id   INTEGER REFERENCES users(id),
    created_at  TEXT NOT NULL
);

-- Check: the measured value of an indicator. "Niet gemeten" (a reason, no value) is not 0.
CREATE TABLE measurements (
    plan_id             INTEGER NOT NULL REFERENCES year_plans(id) ON DELETE CASCADE,
    result_id           INTEGER NOT NULL REFERENCES agreement_results(id),
    value               REAL,
    not_measured_reason TEXT,
    data_source         TEXT NOT NULL DEFAULT '',
    measured_on         TEXT,
    PRIMARY KEY (plan_id, result_id),
    CHECK (value IS NULL OR not_measured_reason IS NULL)
);

CREATE TABLE staffing_actuals (
    plan_id         INTEGER NOT NULL REFERENCES year_plans(id) ON DELETE CASCADE,
    role_code       TEXT NOT NULL REFERENCES staffing_roles(code),
    hours_per_week  REAL CHECK (hours_per_week >= 0),
    PRIMARY KEY (plan_id, role_code)
);

-- Annual reports: a live draft per year, published editions frozen as snapshots.
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL,
    edition         INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    foreword        TEXT NOT NULL DEFAULT '',
    conclusions     TEXT NOT NULL DEFAULT '',
    snapshot_html   TEXT,                        -- the rendered content at publication
    snapshot_json   TEXT,                        -- the figures it was made from
    data_fingerprint TEXT,                       -- to tell when newer figures exist
    published_at    TEXT,
    published_by    INTEGER REFERENCES users(id),
    withdrawn_at    TEXT,
    share_token_hash TEXT UNIQUE,
    share_revoked_at TEXT,
    lock_version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (year, edition)
);
