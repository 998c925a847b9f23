import Domain
import SQLite

extension Agreements {
    /// The closed years of an agreement: an approved verantwoording of its IKC, not unlocked.
    public static func closedYears(agreementID: Int64, _ c: Connection) throws -> Set<Int> {
        guard let range = try c.row("SELECT first_year, last_year, ikc_id FROM agreements WHERE id = \(agreementID)") else { return [] }
        let first = try range.int(0), last = try range.int(1), ikcID = try range.int64(2)
        let approved = try c.rows("""
            SELECT year FROM year_plans WHERE ikc_id = \(ikcID) AND account_status = 'goedgekeurd' AND year BETWEEN \(first) AND \(last)
            """).map { try $0.int(0) }
        let unlocked = try c.rows("SELECT year FROM agreement_year_unlocks WHERE agreement_id = \(agreementID)").map { try $0.int(0) }
        return ClosedYears.closed(approved: approved, unlocked: unlocked, years: first...max(first, last))
    }

    /// The years of an agreement opened again, oldest first.
    public static func yearUnlocks(agreementID: Int64, _ c: Connection) throws -> [YearUnlock] {
        try c.rows("""
            SELECT u.year, u.reason, us.name, u.unlocked_at FROM agreement_year_unlocks u LEFT JOIN users us ON us.id = u.unlocked_by
            WHERE u.agreement_id = \(agreementID) ORDER BY u.year
            """).map { YearUnlock(year: try $0.int(0), reason: try $0.string(1), unlockedByName: try $0.optionalString(2), unlockedAt: try $0.string(3)) }
    }

    /// Opens one closed year of an agreement for amendments, with the reason, in the audit log.
    /// - Throws: `StoreError.notFound` without the agreement; a year that is not closed is left as it is.
    public static func unlockYear(_ year: Int, of agreement: Agreement, reason: String, yearLabel: String, by actor: Int64,
                                  in store: DataStore) throws {
        try store.write { c in
            guard try closedYears(agreementID: agreement.id, c).contains(year) else { return }
            try c.execute("""
                INSERT INTO agreement_year_unlocks (agreement_id, year, reason, unlocked_by, unlocked_at)
                VALUES (\(agreement.id), \(year), \(reason), \(actor), \(Timestamp.now()))
                """)
            try AuditLog.record(userID: actor, action: "unlock", recordType: "agreement", recordID: agreement.id,
                                summary: "Jaar \(yearLabel) weer geopend voor bijstelling (\(agreement.ikcName)): \(reason)", c)
        }
    }

    /// The grids of a version whose closed-year cells a verb may change.
    struct Grids: OptionSet {
        let rawValue: Int
        static let targets = Grids(rawValue: 1)
        static let contributions = Grids(rawValue: 2)
        static let staffing = Grids(rawValue: 4)
    }

    /// Runs `change`, then refuses it (throwing, so the transaction rolls back) when it changed a
    /// cell of a closed year in `grids` (targets, contributions, staffing) of `versionID`: the
    /// grids the change can write, so that a save reads back only its own grid.
    static func keepingClosedYears(agreementID: Int64, versionID: Int64, of grids: Grids, _ c: Connection,
                                   _ change: () throws -> Void) throws {
        let closed = try closedYears(agreementID: agreementID, c)
        guard !closed.isEmpty else { return try change() }
        let before = try closedCells(versionID: versionID, years: closed, of: grids, c)
        try change()
        let after = try closedCells(versionID: versionID, years: closed, of: grids, c)
        let changed = before.symmetricDifference(after)
        if let year = changed.compactMap({ Int($0.prefix(while: { $0 != "|" })) }).min() {
            throw ClosedYearRefusal(year: year)
        }
    }

    /// Every cell of `years` in `grids` as "year|kind|key=value": results by lineage, zero amounts as none.
    static func closedCells(versionID: Int64, years: Set<Int>, of grids: Grids, _ c: Connection) throws -> Set<String> {
        let list = years.sorted()
        var cells = Set<String>()
        if grids.contains(.targets) {
            try c.each("""
                SELECT t.year || '|t|' || r.lineage || '=' || t.value FROM result_targets t JOIN agreement_results r ON r.id = t.result_id
                WHERE r.version_id = \(versionID) AND t.year IN (\(list: list))
                """) { cells.insert(try $0.string(0)) }
        }
        if grids.contains(.contributions) {
            try c.each("""
                SELECT year || '|c|' || organisation_id || '/' || funding_source_id || '=' || amount_cents FROM contributions
                WHERE version_id = \(versionID) AND year IN (\(list: list)) AND amount_cents <> 0
                """) { cells.insert(try $0.string(0)) }
        }
        if grids.contains(.staffing) {
            try c.each("""
                SELECT year || '|s|' || role_code || '=' || hours_per_week || '/' || COALESCE(paid_by, '') FROM staffing
                WHERE version_id = \(versionID) AND year IN (\(list: list))
                """) { cells.insert(try $0.string(0)) }
        }
        return cells
    }
}
