import Domain
import SQLite

/// The verbs of the areas pages: each one transaction with its version claim and audit row.
extension Areas {
    /// Adds an area.
    /// - Throws: `StoreError.duplicate(field: "name")` when the name is taken.
    public static func add(_ area: Area, by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let id = try insert(area, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "area", recordID: id, summary: "Gebied \(area.name) aangemaakt",
                                newValues: AuditLog.json(area.fields), c)
            return id
        }
    }

    /// Saves `area` over the stored record as loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion` when it changed since the form was loaded,
    ///   `StoreError.duplicate(field: "name")` when the name is taken.
    public static func change(_ area: Area, expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            try claim(.areas, id: area.id, expected: expected, c)
            guard let old = try find(id: area.id, c) else { throw StoreError.notFound(record: "area", id: area.id) }
            try overwrite(area, c)
            // A reclassified area: each of its Plus IKCs needs a herijking of its predicate.
            if old.isPriority != area.isPriority { try IKCs.flagReassessments(areaID: area.id, nowPriority: area.isPriority, c) }
            if let diff = AuditLog.diff(old.fields, area.fields) {
                try AuditLog.record(userID: actor, action: "update", recordType: "area", recordID: area.id, summary: "Gebied \(area.name) gewijzigd",
                                    oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }

    /// Stores one figure of `area`, replacing the one of the same year and indicator.
    public static func saveIndicator(_ indicator: AreaIndicator, of area: Area, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let old = try setIndicator(indicator, c)
            try AuditLog.record(userID: actor, action: old == nil ? "create" : "update", recordType: "area_indicator", recordID: area.id,
                                summary: "Indicator '\(indicator.indicator)' \(indicator.year) van \(area.name)",
                                oldValues: old.map { AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)), ("value", String($0))]) },
                                newValues: AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)),
                                                          ("value", String(indicator.value)), ("source", indicator.source)]), c)
        }
    }

    /// Stores the figures of a CSV import in one transaction, with one audit row for the file.
    public static func importIndicators(_ indicators: [AreaIndicator], from filename: String?, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            var replaced = 0
            for indicator in indicators where try setIndicator(indicator, c) != nil { replaced += 1 }
            try AuditLog.record(userID: actor, action: "import", recordType: "area_indicator", recordID: nil,
                                summary: "\(indicators.count) gebiedsindicatoren geïmporteerd uit \(filename ?? "CSV") (\(replaced) vervangen)",
                                newValues: AuditLog.json([("rows", String(indicators.count)), ("replaced", String(replaced)), ("file", filename)]), c)
        }
    }
}
