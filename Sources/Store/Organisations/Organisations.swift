import Domain
import SQLite

/// Organisations: gemeente, koepels, childcare organisations and other partners.
public enum Organisations {
    static let columns: SQL = "id, name, kind, contact_name, contact_email, signatory_name, signatory_title, lock_version"

    static func organisation(_ row: Row) throws -> Organisation {
        Organisation(id: try row.int64(0), name: try row.string(1), kind: try row.string(2), contactName: try row.string(3),
                     contactEmail: try row.string(4), signatoryName: try row.string(5), signatoryTitle: try row.string(6),
                     lockVersion: try row.int64(7))
    }

    /// Names by id, for labels.
    public static func names(_ c: Connection) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try c.rows("SELECT id, name FROM organisations") { names[try row.int64(0)] = try row.string(1) }
        return names
    }

    public static func all(_ c: Connection) throws -> [Organisation] {
        try c.rows("""
            SELECT \(sql: columns) FROM organisations o
            ORDER BY (SELECT position FROM organisation_kinds k WHERE k.code = o.kind), name COLLATE NOCASE
            """).map(organisation)
    }

    /// (id, name) of the organisations of one kind ('koepel', 'kinderopvang'), for pickers.
    public static func named(kind: String, _ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM organisations WHERE kind = \(kind) ORDER BY name COLLATE NOCASE").map {
            (try $0.int64(0), try $0.string(1))
        }
    }

    public static func find(id: Int64, _ c: Connection) throws -> Organisation? {
        try c.row("SELECT \(sql: columns) FROM organisations WHERE id = \(id)").map(organisation)
    }

    public static func nameExists(_ name: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM organisations WHERE name = \(name) AND id <> \(id)") != nil
    }

    public static func create(_ o: Organisation, _ c: Connection) throws -> Int64 {
        if try nameExists(o.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO organisations (name, kind, contact_name, contact_email, signatory_name, signatory_title)
            VALUES (\(o.name), \(o.kind), \(o.contactName), \(o.contactEmail), \(o.signatoryName), \(o.signatoryTitle))
            """)
        return c.lastInsertRowID
    }

    /// Saves `o` over the stored record when that is still version `o.lockVersion`; returns the
    /// record as it was before.
    @discardableResult
    public static func update(_ o: Organisation, _ c: Connection) throws -> Organisation {
        guard let current = try find(id: o.id, c) else { throw StoreError.notFound(record: "organisation", id: o.id) }
        guard current.lockVersion == o.lockVersion else {
            throw StoreError.staleVersion(record: "organisation", id: o.id, expected: o.lockVersion, actual: current.lockVersion)
        }
        if try nameExists(o.name, excluding: o.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE organisations SET name = \(o.name), kind = \(o.kind), contact_name = \(o.contactName),
                contact_email = \(o.contactEmail), signatory_name = \(o.signatoryName), signatory_title = \(o.signatoryTitle),
                lock_version = lock_version + 1
            WHERE id = \(o.id)
            """)
        return current
    }

    /// How many IKCs have this organisation as their koepel (its kind must then stay 'koepel').
    public static func koepelOfCount(id: Int64, _ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs WHERE koepel_id = \(id)")?.int(0) ?? 0
    }

    /// How many IKCs have this organisation as koepel or childcare (shown before a kind change).
    public static func ikcCount(id: Int64, _ c: Connection) throws -> Int {
        try c.row("""
            SELECT (SELECT COUNT(*) FROM ikcs WHERE koepel_id = \(id)) + (SELECT COUNT(*) FROM ikc_childcare WHERE organisation_id = \(id))
            """)?.int(0) ?? 0
    }
}

/// Areas (gebieden) and their indicators per year.
public enum Areas {
    static let columns: SQL = "id, name, is_priority, reassessed_on, notes, lock_version"

    static func area(_ row: Row) throws -> Area {
        Area(id: try row.int64(0), name: try row.string(1), isPriority: try row.bool(2),
             reassessedOn: try row.optionalString(3).flatMap { Day(iso: $0) }, notes: try row.string(4), lockVersion: try row.int64(5))
    }

    public static func name(id: Int64, _ c: Connection) throws -> String? {
        try c.row("SELECT name FROM areas WHERE id = \(id)")?.string(0)
    }

    /// Every area, aandachtsgebieden first.
    public static func all(_ c: Connection) throws -> [Area] {
        try c.rows("SELECT \(sql: columns) FROM areas ORDER BY is_priority DESC, name COLLATE NOCASE").map(area)
    }

    public static func names(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM areas ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    public static func find(id: Int64, _ c: Connection) throws -> Area? {
        try c.row("SELECT \(sql: columns) FROM areas WHERE id = \(id)").map(area)
    }

    public static func nameExists(_ name: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM areas WHERE name = \(name) AND id <> \(id)") != nil
    }

    public static func create(_ a: Area, _ c: Connection) throws -> Int64 {
        if try nameExists(a.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO areas (name, is_priority, reassessed_on, notes)
            VALUES (\(a.name), \(a.isPriority), \(a.reassessedOn?.iso), \(a.notes))
            """)
        return c.lastInsertRowID
    }

    @discardableResult
    public static func update(_ a: Area, _ c: Connection) throws -> Area {
        guard let current = try find(id: a.id, c) else { throw StoreError.notFound(record: "area", id: a.id) }
        guard current.lockVersion == a.lockVersion else {
            throw StoreError.staleVersion(record: "area", id: a.id, expected: a.lockVersion, actual: current.lockVersion)
        }
        if try nameExists(a.name, excluding: a.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE areas SET name = \(a.name), is_priority = \(a.isPriority), reassessed_on = \(a.reassessedOn?.iso),
                notes = \(a.notes), lock_version = lock_version + 1
            WHERE id = \(a.id)
            """)
        return current
    }

    /// The indicators of one area, newest year first.
    public static func indicators(areaID: Int64, _ c: Connection) throws -> [AreaIndicator] {
        try c.rows("""
            SELECT area_id, year, indicator, value, source FROM area_indicators
            WHERE area_id = \(areaID) ORDER BY indicator COLLATE NOCASE, year
            """).map {
            AreaIndicator(areaID: try $0.int64(0), year: try $0.int(1), indicator: try $0.string(2), value: try $0.double(3), source: try $0.string(4))
        }
    }

    /// Stores one figure, replacing the one of the same area, year and indicator; returns the
    /// value it replaced (nil when new), for the audit log.
    @discardableResult
    public static func setIndicator(_ i: AreaIndicator, _ c: Connection) throws -> Double? {
        let old = try c.row("""
            SELECT value FROM area_indicators WHERE area_id = \(i.areaID) AND year = \(i.year) AND indicator = \(i.indicator)
            """)?.double(0)
        try c.execute("""
            INSERT INTO area_indicators (area_id, year, indicator, value, source)
            VALUES (\(i.areaID), \(i.year), \(i.indicator), \(i.value), \(i.source))
            ON CONFLICT (area_id, year, indicator) DO UPDATE SET value = excluded.value, source = excluded.source
            """)
        return old
    }

    public static func deleteIndicator(areaID: Int64, year: Int, indicator: String, _ c: Connection) throws {
        try c.execute("DELETE FROM area_indicators WHERE area_id = \(areaID) AND year = \(year) AND indicator = \(indicator)")
    }

    /// How many indicator rows exist (for tests and the import page).
    public static func indicatorCount(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM area_indicators")?.int(0) ?? 0
    }
}
