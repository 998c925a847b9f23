-- 0011: money and people as the municipality plans them (issue 19).

-- A budget year is decided (vastgesteld) or expected, awaiting a council decision (onder
-- voorbehoud); a year without a row has no budget (geen budget). Budgets so far count as decided.
ALTER TABLE funding_budgets ADD COLUMN status TEXT NOT NULL DEFAULT 'vastgesteld'
    CHECK (status IN ('vastgesteld', 'onder_voorbehoud'));

-- Earmarks: a source may be a part of another (VVE-middelen within OAB-middelen). Its budget
-- counts inside the parent's; its commitments count against both. No loops (checked by the verb).
ALTER TABLE funding_sources ADD COLUMN parent_id INTEGER REFERENCES funding_sources(id);

-- A source whose budget the municipality keeps per calendar year (year = calendar year) while
-- the programme plans in school years.
ALTER TABLE funding_sources ADD COLUMN calendar_budget INTEGER NOT NULL DEFAULT 0 CHECK (calendar_budget IN (0, 1));

-- Programme-wide settings of the money pages: how a school year is split over the two calendar
-- years it touches (months, adding up to 12: August-December and January-July), and how many
-- weeks a year the staff's hours per week are paid for.
CREATE TABLE funding_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    split_first_months   INTEGER NOT NULL DEFAULT 5 CHECK (split_first_months BETWEEN 0 AND 12),
    split_second_months  INTEGER NOT NULL DEFAULT 7 CHECK (split_second_months BETWEEN 0 AND 12),
    weeks_per_year       INTEGER NOT NULL DEFAULT 40 CHECK (weeks_per_year BETWEEN 1 AND 53),
    lock_version         INTEGER NOT NULL DEFAULT 1,
    -- The staff pool's version: a pool form saved over a newer pool is refused (409).
    pool_lock_version    INTEGER NOT NULL DEFAULT 1,
    CHECK (split_first_months + split_second_months = 12)
);
INSERT INTO funding_settings (id) VALUES (1);

-- The programme's staff pool: per role and year, how many people for how many hours a week,
-- their employer and hourly cost. The agreements' promised hours are summed against it.
CREATE TABLE staff_pools (
    role_code          TEXT NOT NULL REFERENCES staffing_roles(code),
    year               INTEGER NOT NULL,
    people             INTEGER NOT NULL CHECK (people >= 0),
    hours_per_week     REAL NOT NULL CHECK (hours_per_week >= 0),
    employer           TEXT NOT NULL DEFAULT '',
    hourly_cost_cents  INTEGER NOT NULL DEFAULT 0 CHECK (hourly_cost_cents >= 0),
    PRIMARY KEY (role_code, year)
);
