import Domain
import SQLite

/// The verbs of the funding source form: each one transaction with its version claim and audit row.
extension FundingSources {
    /// Creates a source with its budgets (of `years`); returns its id.
    /// - Throws: `StoreError.duplicate(field: "name")` when another source has this name.
    /// - Throws: `EarmarkRefused` when the earmark rules refuse it (checked again in the transaction).
    public static func create(_ checked: FundingSourceForm.Checked, years: ClosedRange<Int>, by actor: Int64,
                              yearLabel: (Int) -> String = { String($0) }, in store: DataStore) throws -> Int64 {
        let source = checked.source
        return try store.write { c -> Int64 in
            if try nameExists(source.name, exceptID: nil, c) { throw StoreError.duplicate(field: "name") }
            let refused = try earmarkErrors(id: nil, checked: checked, yearLabel: yearLabel, c)
            if !refused.isEmpty { throw EarmarkRefused(errors: refused) }
            try c.execute("""
                INSERT INTO funding_sources (name, kind, organisation_id, notes, parent_id, calendar_budget)
                VALUES (\(source.name), \(source.kind), \(source.organisationID), \(source.notes), \(source.parentID),
                        \(source.calendarBudget ? 1 : 0))
                """)
            let id = c.lastInsertRowID
            try insertBudgets(id: id, checked, years: nil, c)
            var fields: [(String, String?)] = [
                ("name", source.name), ("kind", source.kind), ("organisation_id", source.organisationID.map { String($0) }), ("notes", source.notes),
                ("parent_id", source.parentID.map { String($0) }), ("calendar_budget", source.calendarBudget ? "1" : "0"),
            ]
            for year in years {
                fields.append(("budget_\(year)", checked.budgets[year].map { String($0) }))
                fields.append(("status_\(year)", checked.budgets[year] == nil ? nil : (checked.statuses[year] ?? .vastgesteld).rawValue))
            }
            try AuditLog.record(userID: actor, action: "create", recordType: "funding_source", recordID: id,
                                summary: "Financieringsbron \(source.name) aangemaakt", newValues: AuditLog.json(fields), c)
            return id
        }
    }

    /// Saves the fields of source `id` as loaded at version `expected`, and its budgets for `years`
    /// (a year without an entry in `checked.budgets` loses its budget).
    /// - Throws: `StoreError.staleVersion` when the source changed since the form was loaded,
    ///   `StoreError.notFound` when it is gone, `StoreError.duplicate(field: "name")` when another
    ///   source has this name.
    public static func change(id: Int64, expected: Int64, to checked: FundingSourceForm.Checked, years: ClosedRange<Int>,
                              by actor: Int64, yearLabel: (Int) -> String = { String($0) }, in store: DataStore) throws {
        let source = checked.source
        try store.write { c in
            guard let current = try find(id: id, c) else { throw StoreError.notFound(record: VersionedTable.fundingSources.record, id: id) }
            let oldBudgets = try budgets(sourceID: id, c)
            let oldStatuses = try budgetStatuses(sourceID: id, c)
            try claim(.fundingSources, id: id, expected: expected, c)
            if try nameExists(source.name, exceptID: id, c) { throw StoreError.duplicate(field: "name") }
            let refused = try earmarkErrors(id: id, checked: checked, years: years, yearLabel: yearLabel, c)
            if !refused.isEmpty { throw EarmarkRefused(errors: refused) }
            try c.execute("""
                UPDATE funding_sources SET name = \(source.name), kind = \(source.kind), organisation_id = \(source.organisationID),
                       notes = \(source.notes), parent_id = \(source.parentID), calendar_budget = \(source.calendarBudget ? 1 : 0)
                WHERE id = \(id)
                """)
            try c.execute("""
                DELETE FROM funding_budgets WHERE funding_source_id = \(id) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
                """)
            try insertBudgets(id: id, checked, years: years, c)
            var fields: [(String, String?, String?)] = [
                ("name", current.name, source.name), ("kind", current.kind, source.kind),
                ("organisation_id", current.organisationID.map { String($0) }, source.organisationID.map { String($0) }),
                ("notes", current.notes, source.notes),
                ("parent_id", current.parentID.map { String($0) }, source.parentID.map { String($0) }),
                ("calendar_budget", current.calendarBudget ? "1" : "0", source.calendarBudget ? "1" : "0"),
            ]
            for year in years {
                fields.append(("budget_\(year)", oldBudgets[year].map { String($0) }, checked.budgets[year].map { String($0) }))
                fields.append(("status_\(year)", oldBudgets[year] == nil ? nil : (oldStatuses[year] ?? .vastgesteld).rawValue,
                               checked.budgets[year] == nil ? nil : (checked.statuses[year] ?? .vastgesteld).rawValue))
            }
            if let diff = AuditLog.diff(fields) {
                try AuditLog.record(userID: actor, action: "update", recordType: "funding_source", recordID: id,
                                    summary: "Financieringsbron \(source.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }

    /// Inserts the checked budgets with their statuses (of `years` only, when given).
    static func insertBudgets(id: Int64, _ checked: FundingSourceForm.Checked, years: ClosedRange<Int>?, _ c: Connection) throws {
        for (year, cents) in checked.budgets.sorted(by: { $0.key < $1.key }) where years?.contains(year) ?? true {
            let status = (checked.statuses[year] ?? .vastgesteld).rawValue
            try c.execute("""
                INSERT INTO funding_budgets (funding_source_id, year, amount_cents, status) VALUES (\(id), \(year), \(cents), \(status))
                """)
        }
    }
}
