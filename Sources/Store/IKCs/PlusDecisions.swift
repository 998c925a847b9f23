import Domain
import SQLite

/// The Plus rules' records (migration 0008): the decisions that granted or renewed a predicate,
/// the reason an IKC outside an aandachtsgebied holds one, and the herijkingen that an area's
/// reclassification asks for.
extension IKCs {
    /// The decisions about an IKC's predicate, oldest first.
    public static func decisions(ikcID: Int64, _ c: Connection) throws -> [PlusDecision] {
        try c.rows("""
            SELECT kind, decided_on, body, note FROM plus_decisions WHERE ikc_id = \(ikcID) ORDER BY decided_on, id
            """).compactMap { row in
            guard let kind = PlusDecision.Kind(rawValue: try row.string(0)), let day = Day(iso: try row.string(1)) else { return nil }
            return PlusDecision(kind: kind, decidedOn: day, body: try row.string(2), note: try row.string(3))
        }
    }

    /// Why the IKC holds the predicate outside an aandachtsgebied, if recorded.
    public static func outsideAreaReason(ikcID: Int64, _ c: Connection) throws -> String? {
        try c.row("SELECT reason FROM plus_exceptions WHERE ikc_id = \(ikcID)")?.string(0)
    }

    /// The Plus IKCs whose area was reclassified and whose predicate awaits a herijking.
    public static func reassessmentsDue(_ c: Connection) throws -> [PlusReassessmentDue] {
        try c.rows("""
            SELECT d.ikc_id, i.name, a.name, d.now_priority FROM plus_reassessments_due d
            JOIN ikcs i ON i.id = d.ikc_id JOIN areas a ON a.id = d.area_id
            ORDER BY i.name
            """).map {
            PlusReassessmentDue(ikcID: try $0.int64(0), ikcName: try $0.string(1), areaName: try $0.string(2), nowPriority: try $0.int64(3) != 0)
        }
    }

    /// Stores (or with an empty reason removes) the reason; inside the caller's transaction.
    static func setOutsideAreaReason(_ reason: String, ikcID: Int64, by actor: Int64, _ c: Connection) throws {
        if reason.isEmpty {
            try c.execute("DELETE FROM plus_exceptions WHERE ikc_id = \(ikcID)")
            return
        }
        try c.execute("""
            INSERT INTO plus_exceptions (ikc_id, reason, recorded_by, recorded_at) VALUES (\(ikcID), \(reason), \(actor), \(Timestamp.now()))
            ON CONFLICT (ikc_id) DO UPDATE SET reason = excluded.reason, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            """)
    }

    /// Records a grant or herijking; it settles a herijking asked for by a reclassification.
    static func recordDecision(_ d: PlusDecision, ikcID: Int64, by actor: Int64, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO plus_decisions (ikc_id, kind, decided_on, body, note, recorded_by, recorded_at)
            VALUES (\(ikcID), \(d.kind.rawValue), \(d.decidedOn.iso), \(d.body), \(d.note), \(actor), \(Timestamp.now()))
            """)
        try c.execute("DELETE FROM plus_reassessments_due WHERE ikc_id = \(ikcID)")
    }

    /// Asks a herijking of every Plus IKC in the area (kind plus, or holding the predicate);
    /// inside the caller's transaction (the area's change).
    static func flagReassessments(areaID: Int64, nowPriority: Bool, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO plus_reassessments_due (ikc_id, area_id, now_priority, flagged_at)
            SELECT i.id, i.area_id, \(nowPriority ? 1 : 0), \(Timestamp.now()) FROM ikcs i
            WHERE i.area_id = \(areaID) AND (i.kind IN (SELECT code FROM ikc_kinds WHERE carries_predicate = 1) OR EXISTS (SELECT 1 FROM plus_predicates p WHERE p.ikc_id = i.id))
            ON CONFLICT (ikc_id) DO UPDATE SET area_id = excluded.area_id, now_priority = excluded.now_priority, flagged_at = excluded.flagged_at
            """)
    }
}

extension IKCs {
    /// The Plus rules of one IKC, for its page and its predicate page.
    public static func plusRules(ikcID: Int64, _ c: Connection) throws -> PlusRules {
        let priority = try c.row("""
            SELECT a.is_priority FROM ikcs i LEFT JOIN areas a ON a.id = i.area_id WHERE i.id = \(ikcID)
            """)?.optionalInt64(0)
        return PlusRules(outsideArea: priority != 1, outsideAreaReason: try outsideAreaReason(ikcID: ikcID, c),
                         decisions: try decisions(ikcID: ikcID, c),
                         reassessmentDue: try reassessmentsDue(c).first { $0.ikcID == ikcID })
    }
}
