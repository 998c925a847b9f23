import Domain
import SQLite

/// The verbs of the IKC pages: each one transaction that claims the record's version, applies
/// the change and writes its audit row.
extension IKCs {
    /// Adds an IKC; its audit row names the koepel, area and childcare organisations.
    /// - Throws: `StoreError.duplicate(field: "name")` when the name is taken.
    public static func add(_ ikc: IKC, by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let id = try insert(ikc, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "ikc", recordID: id, summary: "IKC \(ikc.name) aangemaakt",
                                newValues: AuditLog.json(try choices(c).fields(of: ikc)), c)
            return id
        }
    }

    /// Saves `ikc` over the stored record as loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion` when it changed since the form was loaded,
    ///   `StoreError.duplicate(field: "name")` when the name is taken.
    public static func change(_ ikc: IKC, expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            try claim(.ikcs, id: ikc.id, expected: expected, c)
            guard let old = try find(id: ikc.id, c) else { throw StoreError.notFound(record: "ikc", id: ikc.id) }
            try overwrite(ikc, c)
            let choices = try choices(c)
            if let diff = AuditLog.diff(choices.fields(of: old), choices.fields(of: ikc)) {
                try AuditLog.record(userID: actor, action: "update", recordType: "ikc", recordID: ikc.id, summary: "IKC \(ikc.name) gewijzigd",
                                    oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }

    /// Records the Plus predicate of `ikc` (`expected` nil: there was none when the form was
    /// loaded) or saves it over the one loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion` when it was recorded or changed since the form was loaded.
    /// Saves the predicate as loaded at `expected`; a new grant or herijking date also records
    /// the decision (with `decisionBody`), which settles a herijking asked for by an area's
    /// reclassification. `outsideAreaReason` (an IKC outside an aandachtsgebied) is kept with it.
    public static func savePredicate(_ predicate: PlusPredicate, of ikc: IKC, expected: Int64?, decisionBody: String = "",
                                     outsideAreaReason: String? = nil, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let old = try IKCs.predicate(ikcID: ikc.id, c)
            if old != nil {
                // A form loaded before the predicate existed expects none: version 0 never matches.
                try claim(.plusPredicates, id: ikc.id, expected: expected ?? 0, c)
            } else if let expected {
                throw StoreError.staleVersion(record: VersionedTable.plusPredicates.record, id: ikc.id, expected: expected, actual: 0)
            }
            try upsert(predicate, exists: old != nil, c)
            let oldReason = try IKCs.outsideAreaReason(ikcID: ikc.id, c) ?? ""
            let reason = outsideAreaReason?.trimmingWhitespace() ?? oldReason
            if reason != oldReason { try setOutsideAreaReason(reason, ikcID: ikc.id, by: actor, c) }
            let decision = PlusDecision.implied(old: old, new: predicate, body: decisionBody.trimmingWhitespace())
            if let decision { try recordDecision(decision, ikcID: ikc.id, by: actor, c) }
            let oldFields = PlusPredicate.fields(old) + [RecordField("decision_body", "Besluit door", ""),
                                                         RecordField("outside_area_reason", "Reden buiten aandachtsgebied", oldReason)]
            let newFields = PlusPredicate.fields(predicate) + [RecordField("decision_body", "Besluit door", decision?.body ?? ""),
                                                               RecordField("outside_area_reason", "Reden buiten aandachtsgebied", reason)]
            // The summary names the predicate as the programme does (KvK2: "Plus-predicaat").
            let name = try ProgrammeSettings.programme(c).predicateName ?? "Predicaat"
            if old == nil {
                try AuditLog.record(userID: actor, action: "create", recordType: "plus_predicate", recordID: ikc.id,
                                    summary: "\(name) van \(ikc.name) vastgelegd", newValues: AuditLog.json(newFields), c)
            } else if let diff = AuditLog.diff(oldFields, newFields) {
                try AuditLog.record(userID: actor, action: "update", recordType: "plus_predicate", recordID: ikc.id,
                                    summary: "\(name) van \(ikc.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }

    /// One condition of the checklist as the user set it.
    public struct ConditionChange: Sendable {
        public var check: ConditionCheck
        public var state: ConditionState
        public var note: String
        public init(check: ConditionCheck, state: ConditionState, note: String) {
            self.check = check
            self.state = state
            self.note = note
        }
    }

    /// Saves the checklist of `ikc`: a condition whose state or note changed gets the actor and
    /// the time, and an audit row; unchanged ones keep who set them when.
    public static func saveConditions(_ changes: [ConditionChange], of ikc: IKC, by actor: Int64, in store: DataStore) throws {
        let now = Timestamp.now()
        try store.write { c in
            for change in changes {
                let id = change.check.conditionID
                guard try setCondition(ikcID: ikc.id, conditionID: id, state: change.state, note: change.note, userID: actor, at: now, c) else {
                    continue
                }
                try AuditLog.record(userID: actor, action: "update", recordType: "plus_condition", recordID: ikc.id,
                                    summary: "Voorwaarde \(id) van \(ikc.name): \(change.state.label)",
                                    oldValues: AuditLog.json([("condition", String(id)), ("state", change.check.state?.rawValue), ("note", change.check.note)]),
                                    newValues: AuditLog.json([("condition", String(id)), ("state", change.state.rawValue), ("note", change.note)]), c)
            }
        }
    }
}
