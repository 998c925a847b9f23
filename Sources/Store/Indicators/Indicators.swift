import Domain
import SQLite

/// The programme's indicator library (table `indicators`) and what uses each indicator.
public enum Indicators {
    static let columns: SQL = """
        id, name, definition, unit, direction, cumulative, source, decimals, numerator_label, denominator_label, retired, lock_version
        """

    static func indicator(_ row: Row) throws -> Indicator {
        Indicator(id: try row.int64(0), name: try row.string(1), definition: try row.string(2),
                  unit: ResultUnit(rawValue: try row.string(3)) ?? .number, direction: IndicatorDirection(rawValue: try row.string(4)) ?? .higher,
                  cumulative: try row.bool(5), source: try row.string(6), decimals: try row.int(7), numeratorLabel: try row.string(8),
                  denominatorLabel: try row.string(9), retired: try row.bool(10), lockVersion: try row.int64(11))
    }

    /// Every indicator with its use, in use and active first, then by name.
    public static func all(_ c: Connection) throws -> [IndicatorUse] {
        var uses: [Int64: (Int, Int)] = [:]
        for row in try c.rows("""
            SELECT r.indicator_id, COUNT(*), COUNT(DISTINCT a.ikc_id) FROM agreement_results r
            JOIN agreement_versions v ON v.id = r.version_id JOIN agreements a ON a.id = v.agreement_id
            WHERE r.indicator_id IS NOT NULL GROUP BY r.indicator_id
            """) {
            uses[try row.int64(0)] = (try row.int(1), try row.int(2))
        }
        let links = try areaLinks(c)
        return try c.rows("SELECT \(sql: columns) FROM indicators ORDER BY retired, name COLLATE NOCASE, unit").map { row in
            let i = try indicator(row)
            return IndicatorUse(indicator: i, results: uses[i.id]?.0 ?? 0, ikcs: uses[i.id]?.1 ?? 0, areaIndicators: links[i.id] ?? [])
        }
    }

    /// The indicators a result may choose: not retired, by name.
    public static func active(_ c: Connection) throws -> [Indicator] {
        try c.rows("SELECT \(sql: columns) FROM indicators WHERE retired = 0 ORDER BY name COLLATE NOCASE, unit").map(indicator)
    }

    public static func find(id: Int64, _ c: Connection) throws -> Indicator? {
        try c.row("SELECT \(sql: columns) FROM indicators WHERE id = \(id)").map(indicator)
    }

    /// One indicator with its use.
    public static func use(id: Int64, _ c: Connection) throws -> IndicatorUse? {
        guard let i = try find(id: id, c) else { return nil }
        let row = try c.row("""
            SELECT COUNT(*), COUNT(DISTINCT a.ikc_id) FROM agreement_results r
            JOIN agreement_versions v ON v.id = r.version_id JOIN agreements a ON a.id = v.agreement_id
            WHERE r.indicator_id = \(id)
            """)
        return IndicatorUse(indicator: i, results: try row?.int(0) ?? 0, ikcs: try row?.int(1) ?? 0, areaIndicators: try areaLinks(c)[id] ?? [])
    }

    /// The area indicators linked to each library indicator.
    static func areaLinks(_ c: Connection) throws -> [Int64: [String]] {
        var links: [Int64: [String]] = [:]
        for row in try c.rows("SELECT indicator_id, area_indicator FROM indicator_area_links ORDER BY area_indicator COLLATE NOCASE") {
            links[try row.int64(0), default: []].append(try row.string(1))
        }
        return links
    }

    /// The names of the area indicators the programme keeps (Kinderen in Tel, CBS, Jeugdmonitor).
    public static func areaIndicatorNames(_ c: Connection) throws -> [String] {
        try c.rows("SELECT DISTINCT indicator FROM area_indicators ORDER BY indicator COLLATE NOCASE").map { try $0.string(0) }
    }

    /// Whether another indicator has this name, unit and direction.
    public static func exists(_ i: Indicator, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("""
            SELECT 1 FROM indicators WHERE name = \(i.name) AND unit = \(i.unit.rawValue) AND direction = \(i.direction.rawValue) AND id <> \(id)
            """) != nil
    }

    static func insert(_ i: Indicator, _ c: Connection) throws -> Int64 {
        if try exists(i, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO indicators (name, definition, unit, direction, cumulative, source, decimals, numerator_label, denominator_label)
            VALUES (\(i.name), \(i.definition), \(i.unit.rawValue), \(i.direction.rawValue), \(i.cumulative), \(i.source), \(i.decimals),
                    \(i.numeratorLabel), \(i.denominatorLabel))
            """)
        return c.lastInsertRowID
    }

    static func overwrite(_ i: Indicator, _ c: Connection) throws {
        if try exists(i, excluding: i.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE indicators SET name = \(i.name), definition = \(i.definition), unit = \(i.unit.rawValue), direction = \(i.direction.rawValue),
                cumulative = \(i.cumulative), source = \(i.source), decimals = \(i.decimals), numerator_label = \(i.numeratorLabel),
                denominator_label = \(i.denominatorLabel)
            WHERE id = \(i.id)
            """)
    }

    static func setAreaLinks(_ names: [String], of id: Int64, _ c: Connection) throws {
        try c.execute("DELETE FROM indicator_area_links WHERE indicator_id = \(id)")
        for name in Set(names) {
            try c.execute("INSERT INTO indicator_area_links (indicator_id, area_indicator) VALUES (\(id), \(name))")
        }
    }
}
