import Domain
import HTTP
import Store
import Views

/// The overview of sources × years, and one year across the sources (with their CSV tables).
extension FundingHandler {
    func showOverview(csv asCSV: Bool) throws -> Response {
        let programme = try programme()
        let (sources, ledger, statuses, settings) = try store.read { [self] c in
            let sources = readable(try FundingSources.list(c))
            return (sources, try FundingSources.ledger(sources: sources.list, years: programme.years, c), try FundingSources.budgetStatuses(c),
                    try FundingSources.settings(c))
        }
        let promises = try store.read { try Agreements.promisesKept(promiseFilter(), $0) }
        if asCSV {
            if request.query["tabel"] == "afspraken" { return promisesCSV(promises, programme: programme, filename: "financiering-afspraken-nagekomen.csv") }
            return csv(FundingCSV.overview(programme: programme, sources: sources, ledger: ledger), filename: "financiering-overzicht.csv")
        }
        return page(FundingPages.overview(context: user.page, programme: programme, sources: sources, ledger: ledger,
                                          canEdit: canEdit, notice: nil, undecided: Funding.undecided(ledger, statuses: statuses), settings: settings,

                                          promises: FundingPages.promises(promises, programme: programme,
                                                                          csv: Route.funding(.indexCSV).path + "?tabel=afspraken", onlyOver: true)))
    }

    func showYear(_ year: Int, csv asCSV: Bool) throws -> Response {
        let programme = try programme()
        guard programme.years.contains(year) else { throw AppError.notFound }
        // A partner sees its own organisation's sources only, and the IKCs drawing on them.
        let (sources, figures, labels, ledger) = try store.read { [self] c in
            let sources = readable(try FundingSources.list(c)), figures = try FundingSources.agreementFigures(c)
            let rolled = Funding.rolledUp(figures: figures, parents: try FundingSources.parents(c))
            return (sources, rolled, try FundingSources.agreementLabels(c),
                    try FundingSources.plannedLedger(sourceIDs: sources.list.map(\.id), programme: programme, budgets: try FundingSources.budgets(c),
                                                     figures: figures, spending: try FundingSources.spending(c), c))
        }
        let rows = Funding.yearRows(figures: figures, labels: labels, sourceIDs: sources.list.map(\.id), year: year)
        var filter = promiseFilter()
        filter.year = year
        let promises = try store.read { [filter] in try Agreements.promisesKept(filter, $0) }
        if asCSV {
            if request.query["tabel"] == "afspraken" { return promisesCSV(promises, programme: programme, filename: "financiering-\(year)-afspraken-nagekomen.csv") }
            if request.query["tabel"] == "ikcs" {
                return csv(FundingCSV.yearIKCs(year: year, sources: sources, ledger: ledger, rows: rows), filename: "financiering-\(year)-ikcs.csv")
            }
            return csv(FundingCSV.yearSources(year: year, sources: sources, ledger: ledger), filename: "financiering-\(year).csv")
        }
        return page(FundingPages.year(context: user.page, programme: programme, sources: sources, year: year, ledger: ledger, rows: rows,
                                      promises: FundingPages.promises(promises, programme: programme,
                                                                      csv: Route.funding(.yearCSV(year)).path + "?tabel=afspraken", onlyOver: true)))
    }
}
