import Domain
import HTTP
import Store
import Views

/// A version's targets or contributions as a CSV file that Excel opens (decimal comma).
extension AgreementsHandler {
    func showCSV(_ kind: AgreementImport.Kind, id: Int64) throws -> Response {
        let data = try loadAgreement(id, version: versionNumber)
        var rows = kind == .targets ? AgreementsHandler.targetRows(data) : AgreementsHandler.contributionRows(data)
        var name = kind == .targets ? "streefwaarden" : "bijdragen"
        if kind == .contributions && request.query["tabel"] == "afspraken" {
            // Promises kept: the agreed contributions against the approved spending, flagged.
            let lines = try store.read { try Agreements.promisesKept(Agreements.PromiseFilter(agreementID: id), $0) }
            rows = PromisesKeptTable.csvRows(lines, yearLabel: data.programme.yearLabel)
            name = "afspraken-nagekomen"
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"resultaatafspraak-\(id)-versie-\(data.version.number)-\(name).csv\"")
        return Response(status: 200, headers: headers, body: Array(AgreementCSV.write(rows).utf8))
    }

    /// The rows of the targets file: Nr (the result's number across versions), goal, result,
    /// indicator, unit, then one column per year with a decimal comma.
    static func targetRows(_ data: AgreementPageData) -> [[String]] {
        var rows: [[String]] = [AgreementImport.targetHeader + data.years.map(data.programme.yearLabel)]
        for goal in data.goals {
            for result in data.content.results(goal: goal.id) {
                var row = [String(result.lineage), goal.name, result.description, result.indicator, result.unit.label]
                for year in data.years { row.append(result.targets[year].map(AgreementFormat.input) ?? "") }
                rows.append(row)
            }
        }
        return rows
    }

    /// Amounts as Excel reads them: decimal comma, no thousands dots (`12500,00`).
    static func csvAmount(_ cents: Int64) -> String {
        let euros = cents / 100, rest = cents % 100
        return "\(euros)," + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    static func contributionRows(_ data: AgreementPageData) -> [[String]] {
        var rows: [[String]] = [AgreementImport.contributionHeader + data.years.map(data.programme.yearLabel) + ["Totaal"]]
        for party in data.content.parties {
            for source in data.sources {
                let amounts = data.years.map { data.content.contribution(organisation: party.organisationID, source: source.id, year: $0) }
                guard amounts.contains(where: { $0 != nil }) else { continue }
                rows.append([party.organisationName, source.name] + amounts.map { $0.map(csvAmount) ?? "" }
                            + [csvAmount(amounts.reduce(0) { $0 + ($1 ?? 0) })])
            }
        }
        return rows
    }
}
