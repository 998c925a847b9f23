import Domain
import SQLite

/// The verbs of the organisations page: each one transaction with its version claim and audit row.
extension Organisations {
    /// Adds an organisation.
    /// - Throws: `StoreError.duplicate(field: "name")` when the name is taken.
    @discardableResult
    public static func add(_ organisation: Organisation, by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let id = try insert(organisation, c)
            let kinds = try ProgrammeSettings.organisationKinds(c)
            try AuditLog.record(userID: actor, action: "create", recordType: "organisation", recordID: id,
                                summary: "Organisatie \(organisation.name) aangemaakt",
                                newValues: AuditLog.json(organisation.fields(kinds: kinds)), c)
            return id
        }
    }

    /// Saves `organisation` over the stored record as loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion` when it changed since the form was loaded,
    ///   `StoreError.duplicate(field: "name")` when the name is taken.
    public static func change(_ organisation: Organisation, expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            try claim(.organisations, id: organisation.id, expected: expected, c)
            guard let old = try find(id: organisation.id, c) else { throw StoreError.notFound(record: "organisation", id: organisation.id) }
            try overwrite(organisation, c)
            let kinds = try ProgrammeSettings.organisationKinds(c)
            if let diff = AuditLog.diff(old.fields(kinds: kinds), organisation.fields(kinds: kinds)) {
                try AuditLog.record(userID: actor, action: "update", recordType: "organisation", recordID: organisation.id,
                                    summary: "Organisatie \(organisation.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }
}
