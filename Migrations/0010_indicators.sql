-- 0010: one indicator library for the programme (issue 18).
-- An indicator is defined once (name, definition, unit, direction, cumulative or not, source,
-- decimals, and for a percentage optionally what its numerator and denominator count); every
-- agreement result points at one. A retired indicator is kept (results keep pointing at it) but
-- is no longer offered for new results.
CREATE TABLE indicators (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    definition        TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL CHECK (unit IN ('percent', 'number', 'euro', 'score', 'yesno')),
    direction         TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'reach')),
    cumulative        INTEGER NOT NULL DEFAULT 0 CHECK (cumulative IN (0, 1)),
    source            TEXT NOT NULL DEFAULT '',
    decimals          INTEGER NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 3),
    numerator_label   TEXT NOT NULL DEFAULT '',
    denominator_label TEXT NOT NULL DEFAULT '',
    retired           INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    lock_version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (name, unit, direction)
);

-- Existing results: the same text, unit and direction is one indicator. Its source is the one
-- of the oldest result; it is cumulative when any of its results was. Nothing else changes.
INSERT INTO indicators (name, unit, direction, cumulative, source, decimals)
SELECT r.indicator, r.unit, r.direction, MAX(r.accumulation = 'cumulative'),
       (SELECT o.data_source FROM agreement_results o
        WHERE o.indicator = r.indicator AND o.unit = r.unit AND o.direction = r.direction ORDER BY o.id LIMIT 1),
       CASE r.unit WHEN 'number' THEN 0 WHEN 'yesno' THEN 0 WHEN 'euro' THEN 0 ELSE 1 END
FROM agreement_results r
GROUP BY r.indicator, r.unit, r.direction
ORDER BY MIN(r.id);

ALTER TABLE agreement_results ADD COLUMN indicator_id INTEGER REFERENCES indicators(id);
UPDATE agreement_results SET indicator_id = (
    SELECT i.id FROM indicators i
    WHERE i.name = agreement_results.indicator AND i.unit = agreement_results.unit AND i.direction = agreement_results.direction);
CREATE INDEX agreement_results_indicator ON agreement_results(indicator_id);

-- A result written without an indicator (an import, an amendment's copy, older code) is linked
-- by the same rule as above; a missing library entry is made for it.
CREATE TRIGGER agreement_results_link_insert AFTER INSERT ON agreement_results WHEN NEW.indicator_id IS NULL
BEGIN
    INSERT INTO indicators (name, unit, direction, cumulative, source, decimals)
    SELECT NEW.indicator, NEW.unit, NEW.direction, NEW.accumulation = 'cumulative', NEW.data_source,
           CASE NEW.unit WHEN 'number' THEN 0 WHEN 'yesno' THEN 0 WHEN 'euro' THEN 0 ELSE 1 END
    WHERE NOT EXISTS (SELECT 1 FROM indicators WHERE name = NEW.indicator AND unit = NEW.unit AND direction = NEW.direction);
    UPDATE agreement_results SET indicator_id = (
        SELECT id FROM indicators WHERE name = NEW.indicator AND unit = NEW.unit AND direction = NEW.direction)
    WHERE id = NEW.id;
END;

CREATE TRIGGER agreement_results_link_update AFTER UPDATE ON agreement_results WHEN NEW.indicator_id IS NULL
BEGIN
    INSERT INTO indicators (name, unit, direction, cumulative, source, decimals)
    SELECT NEW.indicator, NEW.unit, NEW.direction, NEW.accumulation = 'cumulative', NEW.data_source,
           CASE NEW.unit WHEN 'number' THEN 0 WHEN 'yesno' THEN 0 WHEN 'euro' THEN 0 ELSE 1 END
    WHERE NOT EXISTS (SELECT 1 FROM indicators WHERE name = NEW.indicator AND unit = NEW.unit AND direction = NEW.direction);
    UPDATE agreement_results SET indicator_id = (
        SELECT id FROM indicators WHERE name = NEW.indicator AND unit = NEW.unit AND direction = NEW.direction)
    WHERE id = NEW.id;
END;

-- A percentage may be reported as numerator and denominator (the programme figure is then
-- weighted: the sum of numerators over the sum of denominators). Both or neither.
ALTER TABLE measurements ADD COLUMN numerator REAL CHECK (numerator IS NULL OR numerator >= 0);
ALTER TABLE measurements ADD COLUMN denominator REAL CHECK (denominator IS NULL OR denominator > 0);

-- Area indicators (Kinderen in Tel, CBS, Jeugdmonitor) shown beside a library indicator.
CREATE TABLE indicator_area_links (
    indicator_id   INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    area_indicator TEXT NOT NULL,
    PRIMARY KEY (indicator_id, area_indicator)
);
