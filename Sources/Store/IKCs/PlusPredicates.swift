import Domain
import SQLite

/// The Plus predicate of an IKC and its checklist of conditions.
extension IKCs {
    public static func predicate(ikcID: Int64, _ c: Connection) throws -> PlusPredicate? {
        guard let row = try c.row("""
            SELECT granted_on, last_reassessed_on, notes, lock_version FROM plus_predicates WHERE ikc_id = \(ikcID)
            """), let granted = Day(iso: try row.string(0)) else { return nil }
        return PlusPredicate(ikcID: ikcID, grantedOn: granted, lastReassessedOn: try row.optionalString(1).flatMap { Day(iso: $0) },
                             notes: try row.string(2), lockVersion: try row.int64(3))
    }

    /// Creates the predicate or saves over the stored one; the verb `savePredicate` claimed its
    /// version first.
    static func upsert(_ p: PlusPredicate, exists: Bool, _ c: Connection) throws {
        if exists {
            try c.execute("""
                UPDATE plus_predicates SET granted_on = \(p.grantedOn.iso), last_reassessed_on = \(p.lastReassessedOn?.iso), notes = \(p.notes)
                WHERE ikc_id = \(p.ikcID)
                """)
        } else {
            try c.execute("""
                INSERT INTO plus_predicates (ikc_id, granted_on, last_reassessed_on, notes)
                VALUES (\(p.ikcID), \(p.grantedOn.iso), \(p.lastReassessedOn?.iso), \(p.notes))
                """)
        }
    }

    /// The programme's conditions with this IKC's check of each (state nil when never set).
    public static func conditions(ikcID: Int64, _ c: Connection) throws -> [ConditionCheck] {
        try c.rows("""
            SELECT pc.id, pc.text, x.state, x.note, u.name, x.set_at
            FROM plus_conditions pc
            LEFT JOIN plus_condition_checks x ON x.condition_id = pc.id AND x.ikc_id = \(ikcID)
            LEFT JOIN users u ON u.id = x.set_by
            ORDER BY pc.position
            """).map {
            ConditionCheck(conditionID: try $0.int64(0), text: try $0.string(1), state: try $0.optionalString(2).flatMap { ConditionState(rawValue: $0) },
                           note: try $0.optionalString(3) ?? "", setBy: try $0.optionalString(4), setAt: try $0.optionalString(5))
        }
    }

    /// Sets one condition's state and note; a no-op (returns false) when nothing changed, so
    /// "who set it when" stays the last real change.
    static func setCondition(ikcID: Int64, conditionID: Int64, state: ConditionState, note: String, userID: Int64?, at: String, _ c: Connection) throws -> Bool {
        if let row = try c.row("SELECT state, note FROM plus_condition_checks WHERE ikc_id = \(ikcID) AND condition_id = \(conditionID)"),
           try row.string(0) == state.rawValue, try row.string(1) == note {
            return false
        }
        try c.execute("""
            INSERT INTO plus_condition_checks (ikc_id, condition_id, state, note, set_by, set_at)
            VALUES (\(ikcID), \(conditionID), \(state.rawValue), \(note), \(userID), \(at))
            ON CONFLICT (ikc_id, condition_id) DO UPDATE SET state = excluded.state, note = excluded.note,
                set_by = excluded.set_by, set_at = excluded.set_at
            """)
        return true
    }
}
