import Domain
import SQLite

/// The audit page's reads: the filtered rows and the names that make them readable.
extension AuditLog {
    /// The rows that match `filter`, newest first, at most `limit`.
    public static func entries(_ filter: AuditFilter, limit: Int = 500, _ c: Connection) throws -> [AuditEntry] {
        var sql: SQL = """
            SELECT a.id, a.at, u.name, a.action, a.record_type, a.record_id, a.summary, a.old_values, a.new_values, a.user_id
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE 1 = 1
            """
        if let userID = filter.userID { sql = sql + " AND a.user_id = \(userID)" }
        if let recordType = filter.recordType { sql = sql + " AND a.record_type = \(recordType)" }
        if let recordID = filter.recordID { sql = sql + " AND a.record_id = \(recordID)" }
        if let from = filter.from { sql = sql + " AND a.at >= \(from)" }
        if let until = filter.until { sql = sql + " AND a.at < \(until)" }
        sql = sql + " ORDER BY a.id DESC LIMIT \(limit)"
        return try c.rows(sql).map { row in
            AuditEntry(id: try row.int64(0), at: try row.string(1), userName: try row.optionalString(2), action: try row.string(3),
                       recordType: try row.string(4), recordID: try row.optionalInt64(5), summary: try row.string(6),
                       oldValues: try row.optionalString(7), newValues: try row.optionalString(8))
        }
    }

    /// Every name an audit row may refer to by id.
    public static func names(_ c: Connection) throws -> AuditNames {
        var names = AuditNames()
        func table(_ sql: SQL) throws -> [Int64: String] {
            var out: [Int64: String] = [:]
            for row in try c.rows(sql) { out[try row.int64(0)] = try row.string(1) }
            return out
        }
        names.schoolYears = try ProgrammeSettings.programme(c).yearKind == .school
        names.users = try table("SELECT id, name FROM users")
        names.ikcs = try table("SELECT id, name FROM ikcs")
        names.areas = try table("SELECT id, name FROM areas")
        names.organisations = try table("SELECT id, name FROM organisations")
        names.fundingSources = try table("SELECT id, name FROM funding_sources")
        names.results = try table("SELECT id, description FROM agreement_results")
        names.conditions = try table("SELECT id, text FROM plus_conditions")
        for row in try c.rows("SELECT code, label FROM funding_source_kinds") { names.fundingKinds[try row.string(0)] = try row.string(1) }
        for row in try c.rows("SELECT code, label FROM staffing_roles") { names.roles[try row.string(0)] = try row.string(1) }
        for row in try c.rows("SELECT a.id, i.name, a.first_year, a.last_year FROM agreements a JOIN ikcs i ON i.id = a.ikc_id") {
            names.agreements[try row.int64(0)] = "\(try row.string(1)), \(names.yearLabel(try row.int(2))) t/m \(names.yearLabel(try row.int(3)))"
        }
        for row in try c.rows("SELECT p.id, i.name, p.year FROM year_plans p JOIN ikcs i ON i.id = p.ikc_id") {
            names.plans[try row.int64(0)] = "\(try row.string(1)), \(names.yearLabel(try row.int(2)))"
        }
        for row in try c.rows("SELECT id, year, edition FROM reports") {
            names.reports[try row.int64(0)] = "\(names.yearLabel(try row.int(1))), editie \(try row.int(2))"
        }
        return names
    }

    /// The people who appear in the log, by name, for the filter's list.
    public static func people(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM users ORDER BY name").map { (try $0.int64(0), try $0.string(1)) }
    }
}
