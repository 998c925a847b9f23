import Domain
import SQLite

/// Funding sources, their budgets, and the figures the commitment arithmetic (Domain `Funding`)
/// works on. Every figure is aggregated in SQL (GROUP BY), one query per table.
public enum FundingSources {
    // MARK: - Sources

    public static func all(_ c: Connection) throws -> [FundingSource] {
        try c.rows("""
            SELECT id, name, kind, organisation_id, notes, lock_version, parent_id, calendar_budget FROM funding_sources
            ORDER BY name COLLATE NOCASE, id
            """).map(source)
    }

    public static func find(id: Int64, _ c: Connection) throws -> FundingSource? {
        try c.row("""
            SELECT id, name, kind, organisation_id, notes, lock_version, parent_id, calendar_budget FROM funding_sources WHERE id = \(id)
            """).map(source)
    }

    static func source(_ row: Row) throws -> FundingSource {
        FundingSource(id: try row.int64(0), name: try row.string(1), kind: try row.string(2), organisationID: try row.optionalInt64(3),
                      notes: try row.string(4), lockVersion: try row.int64(5), parentID: try row.optionalInt64(6),
                      calendarBudget: try row.int(7) == 1)
    }

    /// Whether another source (not `exceptID`) has this name (names are unique, case-insensitively).
    public static func nameExists(_ name: String, exceptID: Int64?, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM funding_sources WHERE name = \(name) COLLATE NOCASE AND id IS NOT \(exceptID)") != nil
    }

    /// The sources with the kinds a source can have and the organisations' names: what every
    /// funding page shows.
    public static func list(_ c: Connection) throws -> FundingSourceList {
        FundingSourceList(list: try all(c), kinds: try ProgrammeSettings.fundingSourceKinds(c), organisationNames: try Organisations.names(c))
    }

    // MARK: - Figures

    /// Every budget: (source, year) -> cents.
    public static func budgets(_ c: Connection) throws -> [Funding.Key: Int64] {
        var result: [Funding.Key: Int64] = [:]
        try c.each("SELECT funding_source_id, year, amount_cents FROM funding_budgets") { row in
            result[Funding.Key(try row.int64(0), try row.int(1))] = try row.int64(2)
        }
        return result
    }

    /// One source's budgets: year -> cents.
    public static func budgets(sourceID: Int64, _ c: Connection) throws -> [Int: Int64] {
        var result: [Int: Int64] = [:]
        try c.each("SELECT year, amount_cents FROM funding_budgets WHERE funding_source_id = \(sourceID)") { row in
            result[try row.int(0)] = try row.int64(1)
        }
        return result
    }

    /// Every agreement version, for working out which one is in force.
    public static func versions(_ c: Connection) throws -> [Funding.Version] {
        try c.rows("SELECT id, agreement_id, number, status FROM agreement_versions").map { row in
            Funding.Version(id: try row.int64(0), agreementID: try row.int64(1), number: try row.int(2),
                            isFixed: try row.string(3) == "vastgesteld")
        }
    }

    /// The contributions of the given versions, one per contributing party: callers sum them
    /// (`Funding.agreementFigures` does). A GROUP BY here cost SQLite a sort of every row.
    public static func amounts(versionIDs: [Int64], sourceID: Int64? = nil, _ c: Connection) throws -> [Funding.Amount] {
        guard !versionIDs.isEmpty else { return [] }
        var sql: SQL = """
            SELECT version_id, funding_source_id, year, amount_cents FROM contributions
            WHERE version_id IN (\(list: versionIDs))
            """
        if let sourceID { sql = sql + " AND funding_source_id = \(sourceID)" }
        var result: [Funding.Amount] = []
        try c.each(sql) { row in
            result.append(Funding.Amount(versionID: try row.int64(0), sourceID: try row.int64(1), year: try row.int(2), cents: try row.int64(3)))
        }
        return result
    }

    /// The figures of every agreement (version in force and pending version), optionally for one source only.
    public static func agreementFigures(sourceID: Int64? = nil, _ c: Connection) throws -> [Funding.AgreementFigures] {
        let versions = try versions(c)
        let amounts = try amounts(versionIDs: Funding.countingVersionIDs(versions), sourceID: sourceID, c)
        return Funding.agreementFigures(versions: versions, amounts: amounts)
    }

    /// Realised spending per source and year: the sum of the Check figures
    /// (`plan_spending.spent_cents`) of that year's APPROVED plans (the annual report's rule: a
    /// figure a reviewer has not approved is not shown as realised). A source and year where no
    /// approved plan knows its spending has no entry (unknown, not 0).
    public static func spending(_ c: Connection) throws -> [Funding.Key: Int64] {
        var result: [Funding.Key: Int64] = [:]
        try c.each("""
            SELECT s.funding_source_id, p.year, SUM(s.spent_cents)
            FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id
            WHERE s.spent_cents IS NOT NULL AND p.account_status = 'goedgekeurd'
            GROUP BY s.funding_source_id, p.year
            """) { row in
            result[Funding.Key(try row.int64(0), try row.int(1))] = try row.int64(2)
        }
        return result
    }

    /// Sources × the programme's years with budgets, commitments and spending (earmarks rolled
    /// up, calendar-year sources per calendar year: `plannedLedger`).
    public static func ledger(sources: [FundingSource], years: ClosedRange<Int>, _ c: Connection) throws -> Funding.Ledger {
        var programme = try ProgrammeSettings.programme(c)
        programme.firstYear = years.lowerBound
        programme.lastYear = years.upperBound
        return try plannedLedger(sourceIDs: sources.map(\.id), programme: programme, budgets: try budgets(c),
                                 figures: try agreementFigures(c), spending: try spending(c), c)
    }

    // MARK: - Agreements as the funding pages name them

    public static func agreementLabels(_ c: Connection) throws -> [FundingAgreementLabel] {
        try c.rows("""
            SELECT a.id, a.ikc_id, i.name, a.first_year, a.last_year
            FROM agreements a JOIN ikcs i ON i.id = a.ikc_id
            ORDER BY i.name COLLATE NOCASE, a.first_year
            """).map { row in
            FundingAgreementLabel(agreementID: try row.int64(0), ikcID: try row.int64(1), ikcName: try row.string(2),
                           firstYear: try row.int(3), lastYear: try row.int(4))
        }
    }

    // MARK: - For the home page

    /// A source that is over-committed in at least one programme year.
    public struct OverCommitted: Sendable, Equatable {
        public var sourceID: Int64
        public var name: String
        /// (year, by how many cents the commitments exceed the budget), by year.
        public var years: [(year: Int, cents: Int64)]

        public static func == (lhs: OverCommitted, rhs: OverCommitted) -> Bool {
            lhs.sourceID == rhs.sourceID && lhs.name == rhs.name
                && lhs.years.map(\.year) == rhs.years.map(\.year) && lhs.years.map(\.cents) == rhs.years.map(\.cents)
        }
    }

    /// The sources whose fixed commitments exceed their budget in some year of the programme
    /// (for the project leader's home page; link each to `FundingRoute.source(id)`).
    public static func overCommitted(_ c: Connection) throws -> [OverCommitted] {
        let programme = try ProgrammeSettings.programme(c)
        let sources = try all(c)
        let ledger = try ledger(sources: sources, years: programme.years, c)
        var result: [OverCommitted] = []
        for source in sources {
            let years = programme.years.compactMap { year -> (year: Int, cents: Int64)? in
                let balance = ledger.balance(source.id, year)
                return balance.isOverCommitted ? (year, balance.overCommitment) : nil
            }
            if !years.isEmpty { result.append(OverCommitted(sourceID: source.id, name: source.name, years: years)) }
        }
        return result
    }
}
