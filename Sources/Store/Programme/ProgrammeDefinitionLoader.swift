import Domain
import SQLite

/// Loads a programme definition file into a migrated database that holds no data yet: the
/// settings of migration 0002 (KvK2) are replaced by the file's, in one transaction.
public enum ProgrammeDefinitionLoader {
    public struct NotEmpty: Error, Sendable, CustomStringConvertible {
        public var counts: [(table: String, rows: Int)]
        public var description: String {
            "the database is not empty (" + counts.map { "\($0.rows) \($0.table)" }.joined(separator: ", ") + "); init needs a fresh database"
        }
    }

    public static func load(_ d: ProgrammeDefinition, into db: Database) throws {
        try db.write { c in try load(d, c) }
    }

    static func load(_ d: ProgrammeDefinition, _ c: Connection) throws {
        var counts: [(String, Int)] = []
        let tables: [(String, SQL)] = [
            ("organisations", "SELECT COUNT(*) FROM organisations"), ("areas", "SELECT COUNT(*) FROM areas"),
            ("ikcs", "SELECT COUNT(*) FROM ikcs"), ("agreements", "SELECT COUNT(*) FROM agreements"),
            ("funding_sources", "SELECT COUNT(*) FROM funding_sources"), ("users", "SELECT COUNT(*) FROM users"),
        ]
        for (table, sql) in tables {
            let rows = try c.row(sql)?.int(0) ?? 0
            if rows > 0 { counts.append((table, rows)) }
        }
        guard counts.isEmpty else { throw NotEmpty(counts: counts) }
        let p = d.programme
        try c.execute("""
            UPDATE programme SET name = \(p.name), short_name = \(p.shortName), site_name = \(p.siteName), municipality = \(p.municipality),
                first_year = \(p.firstYear), last_year = \(p.lastYear), year_kind = \(p.yearKind.rawValue), steering_group = \(p.steeringGroup),
                min_age = \(p.minAge), max_age = \(p.maxAge), plus_term_years = \(p.plusTermYears),
                plus_reassessment_years = \(p.plusReassessmentYears), require_every_goal = \(p.requiresEveryGoal)
            WHERE id = 1
            """)
        let clear: [SQL] = ["DELETE FROM plus_conditions", "DELETE FROM programme_goals", "DELETE FROM organisation_kinds",
                            "DELETE FROM ikc_kinds", "DELETE FROM area_classes", "DELETE FROM funding_source_kinds", "DELETE FROM staffing_roles"]
        for sql in clear { try c.execute(sql) }
        for (index, goal) in d.goals.enumerated() {
            try c.execute("INSERT INTO programme_goals (id, position, name) VALUES (\(index + 1), \(index + 1), \(goal))")
        }
        for (index, e) in d.organisationKinds.enumerated() {
            try c.execute("INSERT INTO organisation_kinds (code, label, position, signs) VALUES (\(e.code), \(e.label), \(index + 1), \(e.flags.contains("signs")))")
        }
        for (index, e) in d.ikcKinds.enumerated() {
            try c.execute("""
                INSERT INTO ikc_kinds (code, label, position, in_programme, carries_predicate)
                VALUES (\(e.code), \(e.label), \(index + 1), \(e.flags.contains("in_programme")), \(e.flags.contains("carries_predicate")))
                """)
        }
        for (index, e) in d.areaClasses.enumerated() {
            try c.execute("INSERT INTO area_classes (level, label, qualifies) VALUES (\(index), \(e.label), \(e.flags.contains("qualifies")))")
        }
        for (index, e) in d.fundingKinds.enumerated() {
            try c.execute("INSERT INTO funding_source_kinds (code, label, position) VALUES (\(e.code), \(e.label), \(index + 1))")
        }
        for (index, e) in d.staffingRoles.enumerated() {
            try c.execute("INSERT INTO staffing_roles (code, label, default_hours, position) VALUES (\(e.code), \(e.label), \(e.hours), \(index + 1))")
        }
        for (index, text) in d.conditions.enumerated() {
            try c.execute("INSERT INTO plus_conditions (id, position, text) VALUES (\(index + 1), \(index + 1), \(text))")
        }
        try AuditLog.record(userID: nil, action: "create", recordType: "programme", recordID: 1,
                            summary: "Programma ‘\(p.name)’ ingelezen uit een programmabestand", c)
    }
}
