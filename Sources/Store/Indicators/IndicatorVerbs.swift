import Domain
import SQLite

/// The verbs of the indicator library: each one transaction with its version claim and audit row.
extension Indicators {
    /// Why an indicator was not retired: it is in use (the reason in Dutch).
    public struct InUse: Error, Sendable, Equatable {
        public var reason: String
    }

    /// Adds an indicator to the library with its linked area indicators.
    /// - Throws: `StoreError.duplicate(field: "name")` when one with this name, unit and direction exists.
    public static func add(_ indicator: Indicator, areaIndicators: [String], by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let id = try insert(indicator, c)
            try setAreaLinks(areaIndicators, of: id, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "indicator", recordID: id,
                                summary: "Indicator \(indicator.name) aan de bibliotheek toegevoegd",
                                newValues: AuditLog.json(indicator.fields + [RecordField("area_indicators", "Gebiedsindicatoren", areaIndicators.sorted().joined(separator: "; "))]), c)
            return id
        }
    }

    /// Saves `indicator` over the stored one as loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion`, `StoreError.duplicate(field: "name")`.
    public static func change(_ indicator: Indicator, areaIndicators: [String], expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            try claim(.indicators, id: indicator.id, expected: expected, c)
            guard let old = try use(id: indicator.id, c) else { throw StoreError.notFound(record: "indicator", id: indicator.id) }
            var new = indicator
            new.retired = old.indicator.retired
            try overwrite(new, c)
            try setAreaLinks(areaIndicators, of: indicator.id, c)
            let links = { (names: [String]) in RecordField("area_indicators", "Gebiedsindicatoren", names.sorted().joined(separator: "; ")) }
            if let diff = AuditLog.diff(old.indicator.fields + [links(old.areaIndicators)], new.fields + [links(areaIndicators)]) {
                try AuditLog.record(userID: actor, action: "update", recordType: "indicator", recordID: indicator.id,
                                    summary: "Indicator \(new.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }

    /// Retires an indicator (it is no longer offered for new results) or takes it back.
    /// - Throws: `InUse` with the reason when it is retired while results use it.
    public static func setRetired(_ retired: Bool, id: Int64, expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            guard let current = try use(id: id, c) else { throw StoreError.notFound(record: "indicator", id: id) }
            if retired, let reason = current.retireRefusal { throw InUse(reason: reason) }
            try claim(.indicators, id: id, expected: expected, c)
            try c.execute("UPDATE indicators SET retired = \(retired) WHERE id = \(id)")
            try AuditLog.record(userID: actor, action: "update", recordType: "indicator", recordID: id,
                                summary: retired ? "Indicator \(current.indicator.name) vervallen" : "Indicator \(current.indicator.name) weer in gebruik",
                                oldValues: AuditLog.json([("retired", current.indicator.retired ? "ja" : "nee")]),
                                newValues: AuditLog.json([("retired", retired ? "ja" : "nee")]), c)
        }
    }
}
