import Domain
import SQLite

/// The IKC registry's queries.
public enum IKCs {
    /// One row of the IKC overview (`/ikcs`).
    public struct OverviewRow: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var kind: IKCKind
        public var koepel: String
        public var area: String?
        public var agreementStatus: String?
        public var results: Int
        public var targets: Int
        public var contributionCents: Int64
    }

    /// Filters of the overview; nil means all.
    public struct Filter: Sendable, Equatable {
        public var kind: IKCKind?
        public var koepelID: Int64?
        public var areaID: Int64?
        public init(kind: IKCKind? = nil, koepelID: Int64? = nil, areaID: Int64? = nil) {
            self.kind = kind
            self.koepelID = koepelID
            self.areaID = areaID
        }
    }

    /// Every IKC with its koepel, area, the status of its newest agreement version, and that
    /// version's results, yearly targets and contributions. Correlated subqueries so that one
    /// aggregate cannot multiply another.
    public static func overview(_ filter: Filter = Filter(), _ c: Connection) throws -> [OverviewRow] {
        var sql: SQL = """
            SELECT i.id, i.name, i.kind, k.name, a.name, v.status,
                   (SELECT COUNT(*) FROM agreement_results r WHERE r.version_id = v.id),
                   (SELECT COUNT(*) FROM agreement_results r JOIN result_targets t ON t.result_id = r.id
                     WHERE r.version_id = v.id),
                   (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions c WHERE c.version_id = v.id)
            FROM ikcs i
            JOIN organisations k ON k.id = i.koepel_id
            LEFT JOIN areas a ON a.id = i.area_id
            LEFT JOIN agreements ag ON ag.ikc_id = i.id
            LEFT JOIN agreement_versions v ON v.agreement_id = ag.id
                 AND v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id)
            WHERE 1 = 1
            """
        if let kind = filter.kind { sql = sql + " AND i.kind = \(kind.rawValue)" }
        if let koepel = filter.koepelID { sql = sql + " AND i.koepel_id = \(koepel)" }
        if let area = filter.areaID { sql = sql + " AND i.area_id = \(area)" }
        sql = sql + " ORDER BY i.name COLLATE NOCASE"
        return try c.rows(sql).map { row in
            OverviewRow(id: try row.int64(0), name: try row.string(1), kind: IKCKind(rawValue: try row.string(2)) ?? .regulier,
                        koepel: try row.string(3), area: try row.optionalString(4), agreementStatus: try row.optionalString(5),
                        results: try row.int(6), targets: try row.int(7), contributionCents: try row.int64(8))
        }
    }

    public static func find(id: Int64, _ c: Connection) throws -> IKC? {
        guard let row = try c.row("""
            SELECT id, name, kind, koepel_id, area_id, director_name, children_count, profile, lock_version
            FROM ikcs WHERE id = \(id)
            """) else { return nil }
        let childcare = try c.rows("SELECT organisation_id FROM ikc_childcare WHERE ikc_id = \(id) ORDER BY organisation_id").map { try $0.int64(0) }
        return IKC(id: try row.int64(0), name: try row.string(1), kind: IKCKind(rawValue: try row.string(2)) ?? .regulier,
                   koepelID: try row.int64(3), areaID: try row.optionalInt64(4), directorName: try row.string(5),
                   childrenCount: try row.optionalInt(6), profile: try row.string(7), childcareIDs: childcare,
                   lockVersion: try row.int64(8))
    }

    /// (id, name) of every IKC, for pickers.
    public static func names(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM ikcs ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    public static func count(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs")?.int(0) ?? 0
    }

    public static func countPlus(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs WHERE kind = 'plus'")?.int(0) ?? 0
    }
}
