import Domain
import SQLite

/// The state changes of one moment of a plan, inside a verb's transaction. The jaarplan keeps
/// the plan's own columns (status, submitted_at, …); the verantwoording has the account_*
/// columns (migration 0006). Each returns whether the row was in the expected state.
extension YearPlans {
    /// concept or teruggestuurd → ingediend; the verantwoording only once the jaarplan is approved.
    static func markSubmitted(_ moment: YearPlan.Moment, id: Int64, _ c: Connection) throws -> Bool {
        let now = Timestamp.now()
        switch moment {
        case .jaarplan:
            try c.execute("""
                UPDATE year_plans SET status = 'ingediend', submitted_at = \(now)
                WHERE id = \(id) AND status IN ('concept', 'teruggestuurd')
                """)
        case .verantwoording:
            try c.execute("""
                UPDATE year_plans SET account_status = 'ingediend', account_submitted_at = \(now)
                WHERE id = \(id) AND account_status IN ('concept', 'teruggestuurd') AND status = 'goedgekeurd'
                """)
        }
        return c.changes == 1
    }

    /// `from` (ingediend; teruggestuurd for a project leader's correction) → goedgekeurd.
    static func markApproved(_ moment: YearPlan.Moment, id: Int64, reviewer: Int64, from: YearPlan.Status = .ingediend,
                             _ c: Connection) throws -> Bool {
        let now = Timestamp.now()
        switch moment {
        case .jaarplan:
            try c.execute("""
                UPDATE year_plans SET status = 'goedgekeurd', reviewed_at = \(now), reviewed_by = \(reviewer)
                WHERE id = \(id) AND status = \(from.rawValue)
                """)
        case .verantwoording:
            try c.execute("""
                UPDATE year_plans SET account_status = 'goedgekeurd', account_reviewed_at = \(now), account_reviewed_by = \(reviewer)
                WHERE id = \(id) AND account_status = \(from.rawValue)
                """)
        }
        return c.changes == 1
    }

    /// `from` (ingediend for a return, goedgekeurd for a reopen) → teruggestuurd with a reason and
    /// the moment's content as it was, so the next submission shows what changed.
    static func markReturned(_ moment: YearPlan.Moment, id: Int64, from: YearPlan.Status, reason: String, snapshot: String,
                             reviewer: Int64, _ c: Connection) throws -> Bool {
        let now = Timestamp.now()
        switch moment {
        case .jaarplan:
            try c.execute("""
                UPDATE year_plans SET status = 'teruggestuurd', reviewed_at = \(now), reviewed_by = \(reviewer),
                    return_reason = \(reason), reviewed_snapshot = \(snapshot)
                WHERE id = \(id) AND status = \(from.rawValue)
                """)
        case .verantwoording:
            try c.execute("""
                UPDATE year_plans SET account_status = 'teruggestuurd', account_reviewed_at = \(now), account_reviewed_by = \(reviewer),
                    account_return_reason = \(reason), account_reviewed_snapshot = \(snapshot)
                WHERE id = \(id) AND account_status = \(from.rawValue)
                """)
        }
        return c.changes == 1
    }
}
