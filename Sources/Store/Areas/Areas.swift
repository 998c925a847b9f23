import Domain
import SQLite

/// Areas (gebieden) and their indicators per year.
public enum Areas {
    static let columns: SQL = "id, name, is_priority, reassessed_on, notes, lock_version"

    static func area(_ row: Row) throws -> Area {
        Area(id: try row.int64(0), name: try row.string(1),
             reassessedOn: try row.optionalString(3).flatMap { Day(iso: $0) }, notes: try row.string(4), lockVersion: try row.int64(5),
             level: try row.int(2))
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

    /// Inserts `a`; the verb `add` wraps it with its audit row.
    static func insert(_ a: Area, _ c: Connection) throws -> Int64 {
        if try nameExists(a.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO areas (name, is_priority, reassessed_on, notes)
            VALUES (\(a.name), \(a.level), \(a.reassessedOn?.iso), \(a.notes))
            """)
        return c.lastInsertRowID
    }

    /// Overwrites the stored fields of `a.id`; the verb `change` claimed its version first.
    static func overwrite(_ a: Area, _ c: Connection) throws {
        if try nameExists(a.name, excluding: a.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE areas SET name = \(a.name), is_priority = \(a.level), reassessed_on = \(a.reassessedOn?.iso), notes = \(a.notes)
            WHERE id = \(a.id)
            """)
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
    static func setIndicator(_ i: AreaIndicator, _ c: Connection) throws -> Double? {
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

    /// How many indicator rows exist (for tests and the import page).
    public static func indicatorCount(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM area_indicators")?.int(0) ?? 0
    }
}
