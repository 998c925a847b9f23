import Domain
import SQLite

/// What the start page reads beyond the other features' queries.
public enum Home {
    /// The published report editions (not drafts, not withdrawn), newest first: the
    /// Ontwikkelgroep's start page lists them.
    public static func publishedReports(_ c: Connection) throws -> [(id: Int64, year: Int, edition: Int)] {
        try c.rows("SELECT id, year, edition FROM reports WHERE status = 'published' ORDER BY year DESC, edition DESC").map {
            (try $0.int64(0), try $0.int(1), try $0.int(2))
        }
    }
}
