import Domain
import SQLite

/// What issue 19 adds to the funding figures: budget statuses, earmarks, calendar-year budgets
/// and the programme's split setting.
extension FundingSources {
    /// The status of every budget row: (source, year) -> status.
    public static func budgetStatuses(_ c: Connection) throws -> [Funding.Key: BudgetStatus] {
        var result: [Funding.Key: BudgetStatus] = [:]
        try c.each("SELECT funding_source_id, year, status FROM funding_budgets") { row in
            result[Funding.Key(try row.int64(0), try row.int(1))] = BudgetStatus(rawValue: try row.string(2)) ?? .vastgesteld
        }
        return result
    }

    /// One source's budget statuses: year -> status.
    public static func budgetStatuses(sourceID: Int64, _ c: Connection) throws -> [Int: BudgetStatus] {
        var result: [Int: BudgetStatus] = [:]
        try c.each("SELECT year, status FROM funding_budgets WHERE funding_source_id = \(sourceID)") { row in
            result[try row.int(0)] = BudgetStatus(rawValue: try row.string(1)) ?? .vastgesteld
        }
        return result
    }

    /// The earmarks: source -> the source it is a part of.
    public static func parents(_ c: Connection) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        try c.each("SELECT id, parent_id FROM funding_sources WHERE parent_id IS NOT NULL") { row in
            result[try row.int64(0)] = try row.int64(1)
        }
        return result
    }

    /// The sources whose budget is kept per calendar year.
    public static func calendarSources(_ c: Connection) throws -> Set<Int64> {
        Set(try c.rows("SELECT id FROM funding_sources WHERE calendar_budget = 1").map { try $0.int64(0) })
    }

    /// The programme's split of a school year over calendar years, and the weeks a year staff hours are paid for.
    public static func settings(_ c: Connection) throws -> FundingSettings {
        guard let row = try c.row("SELECT split_first_months, split_second_months, weeks_per_year, lock_version FROM funding_settings WHERE id = 1") else {
            return FundingSettings()
        }
        return FundingSettings(split: Funding.CalendarSplit(first: try row.int(0), second: try row.int(1)), weeksPerYear: try row.int(2),
                               lockVersion: try row.int64(3))
    }

    /// A ledger as every funding page shows it: with earmarks rolled up and calendar-year
    /// sources compared per calendar year (when the programme counts school years).
    public static func plannedLedger(sourceIDs: [Int64], programme: Programme, budgets: [Funding.Key: Int64],
                                     figures: [Funding.AgreementFigures], spending: [Funding.Key: Int64], _ c: Connection) throws -> Funding.Ledger {
        let split: Funding.CalendarSplit? = programme.yearKind == .school ? try settings(c).split : nil
        return Funding.Ledger(sourceIDs: sourceIDs, years: Array(programme.years), budgets: budgets, commitments: Funding.commitments(figures),
                              spending: spending, parents: try parents(c), calendarSources: try calendarSources(c), split: split)
    }

    /// The earmark rules for saving a source, checked against the stored sources (see `Funding.earmarkErrors`).
    /// Budgets outside `years` stay as stored, so they are checked as they will be.
    public static func earmarkErrors(id: Int64?, checked: FundingSourceForm.Checked, years: ClosedRange<Int>? = nil, yearLabel: (Int) -> String,
                                     _ c: Connection) throws -> ValidationErrors {
        var budgetsAfter = checked.budgets
        if let id, let years {
            for (year, cents) in try budgets(sourceID: id, c) where !years.contains(year) { budgetsAfter[year] = cents }
        }
        let sources = try all(c)
        if let parent = checked.source.parentID, !sources.contains(where: { $0.id == parent }) {
            var errors = ValidationErrors()
            errors.add("parent", "Kies een bestaande financieringsbron, of geen.")
            return errors
        }
        let names = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.name) })
        return Funding.earmarkErrors(id: id, parentID: checked.source.parentID, budgets: budgetsAfter, parents: try parents(c),
                                     allBudgets: try budgets(c), name: { names[$0] ?? "Bron \($0)" }, yearLabel: yearLabel)
    }

    /// Saves the programme's split setting and weeks per year, as loaded at version `expected`.
    public static func saveSettings(_ settings: FundingSettings, expected: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let current = try self.settings(c)
            guard current.lockVersion == expected else {
                throw StoreError.staleVersion(record: "funding_settings", id: 1, expected: expected, actual: current.lockVersion)
            }
            try c.execute("""
                UPDATE funding_settings SET split_first_months = \(settings.split.first), split_second_months = \(settings.split.second),
                       weeks_per_year = \(settings.weeksPerYear), lock_version = lock_version + 1 WHERE id = 1
                """)
            let fields: [(String, String?, String?)] = [
                ("split_first_months", String(current.split.first), String(settings.split.first)),
                ("split_second_months", String(current.split.second), String(settings.split.second)),
                ("weeks_per_year", String(current.weeksPerYear), String(settings.weeksPerYear)),
            ]
            if let diff = AuditLog.diff(fields) {
                try AuditLog.record(userID: actor, action: "update", recordType: "funding_settings", recordID: 1,
                                    summary: "Instellingen financiering gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }
}

/// The earmark rules refused a save (checked again inside the transaction); the messages are the form's.
public struct EarmarkRefused: Error, Sendable {
    public var errors: ValidationErrors
}

extension FundingSources {
    /// The sources with budget years not decided, with their names (for the project leader's home page).
    public static func undecidedBudgets(_ c: Connection) throws -> [(name: String, item: Funding.Undecided)] {
        let programme = try ProgrammeSettings.programme(c)
        let sources = try all(c)
        let ledger = try ledger(sources: sources, years: programme.years, c)
        let names = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.name) })
        return Funding.undecided(ledger, statuses: try budgetStatuses(c)).map { (names[$0.sourceID] ?? "Bron \($0.sourceID)", $0) }
    }
}
