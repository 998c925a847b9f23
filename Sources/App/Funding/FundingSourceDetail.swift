import Domain
import HTTP
import Store
import Views

/// One source: its budgets, commitments and spending per year, and the agreements drawing on it.
extension FundingHandler {
    func showSource(id: Int64, csv asCSV: Bool) throws -> Response {
        let programme = try programme()
        let principal = self.principal
        let loaded = try store.read { [self] c -> (FundingSourceList, FundingSource, Funding.Ledger, [Funding.AgreementFigures], [FundingAgreementLabel])? in
            guard let source = try FundingSources.find(id: id, c) else { return nil }
            return (readable(try FundingSources.list(c)), source, try FundingSources.ledger(sources: [source], years: programme.years, c),
                    Funding.rolledUp(figures: try FundingSources.agreementFigures(c), parents: try FundingSources.parents(c))
                        .map { $0.only(sourceID: id) }, try FundingSources.agreementLabels(c))
        }
        guard let (sources, source, ledger, figures, labels) = loaded else { throw AppError.notFound }
        guard Authorization.allows(principal, .read, .fundingSource, on: Authorization.Subject(organisationID: source.organisationID)) else {
            throw AppError.forbidden
        }
        let (statuses, settings) = try store.read { c in (try FundingSources.budgetStatuses(sourceID: id, c), try FundingSources.settings(c)) }
        let rows = Funding.drawingRows(figures: figures, labels: labels, years: programme.years)
        var filter = promiseFilter()
        filter.sourceID = id
        let promises = try store.read { [filter] in try Agreements.promisesKept(filter, $0) }
        if asCSV {
            if request.query["tabel"] == "afspraken" { return promisesCSV(promises, programme: programme, filename: "financieringsbron-\(id)-afspraken-nagekomen.csv") }
            if request.query["tabel"] == "ikcs" {
                return csv(FundingCSV.sourceIKCs(programme: programme, sourceID: id, ledger: ledger, rows: rows),
                           filename: "financieringsbron-\(id)-ikcs.csv")
            }
            return csv(FundingCSV.sourceYears(programme: programme, sourceID: id, ledger: ledger), filename: "financieringsbron-\(id).csv")
        }
        let notice = request.query["saved"] == "1" ? "De financieringsbron is opgeslagen." : nil
        return page(FundingPages.source(context: user.page, programme: programme, sources: sources, source: source, ledger: ledger,
                                        rows: rows, canEdit: canEdit, notice: notice, statuses: statuses, settings: settings,

                                        promises: FundingPages.promises(promises, programme: programme,
                                                                        csv: Route.funding(.sourceCSV(id)).path + "?tabel=afspraken", onlyOver: false)))
    }
}
