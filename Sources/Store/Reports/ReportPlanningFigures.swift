import Domain
import SQLite

/// The annual report's budget statuses and staffing totals of one year (issue 19).
public enum ReportPlanningFigures {
    public static func planning(year: Int, programme: Programme, _ c: Connection) throws -> ReportPlanning {
        let sources = try FundingSources.all(c)
        let ledger = try FundingSources.ledger(sources: sources, years: year...year, c)
        let names = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.name) })
        let undecided = Funding.undecided(ledger, statuses: try FundingSources.budgetStatuses(c)).map {
            ReportPlanning.Undecided(name: names[$0.sourceID] ?? "Bron \($0.sourceID)", item: $0)
        }
        let overview = try StaffingCapacity.overview(years: year...year, c)
        let staffing = overview.lines.map { line in
            ReportPlanning.StaffingTotal(role: overview.roles.first { $0.code == line.roleCode }?.label ?? line.roleCode,
                                         promised: line.promised, available: line.available, realised: line.realised,
                                         shortfall: line.shortfall, costCents: line.promisedCost(weeksPerYear: overview.settings.weeksPerYear))
        }
        return ReportPlanning(undecided: undecided, staffing: staffing)
    }

    /// Commitments and spending per source with every part's amounts added to the sources it lies in.
    public static func rolledUp(committed: [Int64: Int64], spent: [Int64: Int64], parents: [Int64: Int64]) -> ([Int64: Int64], [Int64: Int64]) {
        var c = committed, s = spent
        for (id, cents) in committed { for ancestor in Funding.ancestors(of: id, parents: parents) { c[ancestor, default: 0] += cents } }
        for (id, cents) in spent { for ancestor in Funding.ancestors(of: id, parents: parents) { s[ancestor, default: 0] += cents } }
        return (c, s)
    }
}
