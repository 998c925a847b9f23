import Domain
import HTTP
import Store
import Views

/// One source: its budgets, commitments and spending per year, and the agreements drawing on it.
extension FundingHandler {
    func showSource(id: Int64, csv asCSV: Bool) throws -> Response {
        let programme = try programme()
        let loaded = try store.read { c -> (FundingSourceList, FundingSource, Funding.Ledger, [Funding.AgreementFigures], [FundingSources.AgreementLabel])? in
            guard let source = try FundingSources.find(id: id, c) else { return nil }
            return (try FundingSources.list(c), source, try FundingSources.ledger(sources: [source], years: programme.years, c),
                    try FundingSources.agreementFigures(sourceID: id, c), try FundingSources.agreementLabels(c))
        }
        guard let (sources, source, ledger, figures, labels) = loaded else { throw AppError.notFound }
        let rows = FundingHandler.drawingRows(figures: figures, labels: labels, years: programme.years)
        if asCSV {
            if request.query["tabel"] == "ikcs" {
                return csv(FundingCSV.sourceIKCs(programme: programme, sourceID: id, ledger: ledger, rows: rows),
                           filename: "financieringsbron-\(id)-ikcs.csv")
            }
            return csv(FundingCSV.sourceYears(programme: programme, sourceID: id, ledger: ledger), filename: "financieringsbron-\(id).csv")
        }
        let notice = request.query["saved"] == "1" ? "De financieringsbron is opgeslagen." : nil
        return page(FundingPages.source(context: user.page, programme: programme, sources: sources, source: source, ledger: ledger,
                                        rows: rows, canEdit: canEdit, notice: notice))
    }

    /// The agreements that draw on a source (or whose pending version would), ordered by IKC name.
    static func drawingRows(figures: [Funding.AgreementFigures], labels: [FundingSources.AgreementLabel],
                            years: ClosedRange<Int>) -> [FundingPages.DrawingRow] {
        var byAgreement: [Int64: Funding.AgreementFigures] = [:]
        for figure in figures { byAgreement[figure.agreementID] = figure }
        var rows: [FundingPages.DrawingRow] = []
        for label in labels {
            guard let figure = byAgreement[label.agreementID] else { continue }
            var committed: [Int: Int64] = [:], change: [Int: Int64] = [:]
            for key in figure.keys where years.contains(key.year) {
                committed[key.year, default: 0] += figure.committed[key, default: 0]
                change[key.year, default: 0] += figure.change(key)
            }
            guard committed.values.contains(where: { $0 != 0 }) || change.values.contains(where: { $0 != 0 }) else { continue }
            rows.append(FundingPages.DrawingRow(ikcID: label.ikcID, ikcName: label.ikcName, committed: committed, change: change))
        }
        return rows
    }
}
