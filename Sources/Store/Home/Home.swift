import Domain
import SQLite

/// What the start page reads beyond the other features' queries.
public enum Home {
    /// The verantwoordingen submitted and waiting for review (plan id, IKC name, year), oldest first:
    /// the project leader's start page lists them next to the submitted jaarplannen.
    public static func submittedAccounts(_ c: Connection) throws -> [(planID: Int64, name: String, year: Int)] {
        try c.rows("""
            SELECT p.id, i.name, p.year FROM year_plans p JOIN ikcs i ON i.id = p.ikc_id
            WHERE p.account_status = 'ingediend' ORDER BY p.account_submitted_at, i.name COLLATE NOCASE
            """).map { (try $0.int64(0), try $0.string(1), try $0.int(2)) }
    }

    /// The published report editions (not drafts, not withdrawn), newest first: the
    /// Ontwikkelgroep's start page lists them.
    public static func publishedReports(_ c: Connection) throws -> [(id: Int64, year: Int, edition: Int)] {
        try c.rows("SELECT id, year, edition FROM reports WHERE status = 'published' ORDER BY year DESC, edition DESC").map {
            (try $0.int64(0), try $0.int(1), try $0.int(2))
        }
    }
}
