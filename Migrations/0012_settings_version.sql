-- 0012: the programme settings' change counter (issue 24). The settings (the `programme` row, the
-- IKC kinds, organisation kinds and area classes) are read by nearly every request and change
-- a few times a year; every change to them, by any process, counts up `settings_version.n`, so
-- a cache of the settings keys on that number instead of being emptied by every commit.
CREATE TABLE settings_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO settings_version (id, n) VALUES (1, 0);

CREATE TRIGGER programme_insert_counts AFTER INSERT ON programme BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER programme_update_counts AFTER UPDATE ON programme BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER programme_delete_counts AFTER DELETE ON programme BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER ikc_kinds_insert_counts AFTER INSERT ON ikc_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER ikc_kinds_update_counts AFTER UPDATE ON ikc_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER ikc_kinds_delete_counts AFTER DELETE ON ikc_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER organisation_kinds_insert_counts AFTER INSERT ON organisation_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER organisation_kinds_update_counts AFTER UPDATE ON organisation_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER organisation_kinds_delete_counts AFTER DELETE ON organisation_kinds BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER area_classes_insert_counts AFTER INSERT ON area_classes BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER area_classes_update_counts AFTER UPDATE ON area_classes BEGIN UPDATE settings_version SET n = n + 1; END;
CREATE TRIGGER area_classes_delete_counts AFTER DELETE ON area_classes BEGIN UPDATE settings_version SET n = n + 1; END;
