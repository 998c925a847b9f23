import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

/// Compare, print, CSV export and import of agreements.
extension Application {
    func getAgreementCompare(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let to = try loadAgreement(id, version: request.query["to"].flatMap { Int($0) }, context)
        let fromNumber = request.query["from"].flatMap { Int($0) } ?? max(1, to.version.number - 1)
        guard to.versions.contains(where: { $0.number == fromNumber }) else { throw AppError.notFound }
        let from = try loadAgreement(id, version: fromNumber, context)
        let comparison = AgreementComparison(from: from.content, to: to.content, years: to.years)
        return page(AgreementComparePage.render(context: context.page, from: from, to: to, comparison: comparison))
    }

    func getAgreementPrint(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadAgreement(id, version: versionNumber(request), context)
        return page(AgreementPrintPage.render(data: data))
    }

    // MARK: - CSV

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

    func getAgreementCSV(_ kind: AgreementImport.Kind, id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadAgreement(id, version: versionNumber(request), context)
        let rows = kind == .targets ? Application.targetRows(data) : Application.contributionRows(data)
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        let name = kind == .targets ? "streefwaarden" : "bijdragen"
        headers.set("Content-Disposition", "attachment; filename=\"resultaatafspraak-\(id)-versie-\(data.version.number)-\(name).csv\"")
        return Response(status: 200, headers: headers, body: Array(AgreementCSV.write(rows).utf8))
    }

    // MARK: - Import

    func getAgreementImport(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        return page(AgreementImportPage.render(context: context.page, data: data, kind: "targets", csv: "", preview: nil, errors: ValidationErrors()))
    }

    func importPreview(_ kind: AgreementImport.Kind, _ csv: String, _ data: AgreementPageData) -> AgreementImport {
        switch kind {
        case .targets:
            return AgreementImport.targets(csv, content: data.content, years: data.years, yearLabel: data.programme.yearLabel,
                                           parseNumber: DutchFormat.parseDecimal)
        case .contributions:
            return AgreementImport.contributions(csv, content: data.content, sources: data.sources, years: data.years,
                                                 yearLabel: data.programme.yearLabel, parseEuros: DutchFormat.parseEuros)
        }
    }

    func postAgreementImport(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let kindText = values["kind"] ?? ""
        let csv = values["csv"] ?? ""
        var errors = ValidationErrors()
        guard let kind = AgreementImport.Kind(rawValue: kindText) else {
            errors.add("kind", "Kies wat het bestand bevat: streefwaarden of bijdragen.")
            return page(AgreementImportPage.render(context: context.page, data: data, kind: kindText, csv: csv, preview: nil, errors: errors), status: 422)
        }
        if csv.trimmingWhitespace().isEmpty { errors.add("csv", "Plak de inhoud van het CSV-bestand.") }
        if csv.utf8.count > 512 * 1024 { errors.add("csv", "Het bestand is te groot (hoogstens 512 kB).") }
        guard errors.isEmpty else {
            return page(AgreementImportPage.render(context: context.page, data: data, kind: kindText, csv: csv, preview: nil, errors: errors), status: 422)
        }
        let preview = importPreview(kind, csv, data)
        guard values["step"] == "save", !preview.hasErrors else {
            return page(AgreementImportPage.render(context: context.page, data: data, kind: kindText, csv: csv, preview: preview,
                                                   errors: ValidationErrors()), status: preview.hasErrors ? 422 : 200)
        }
        let label = data.programme.yearLabel
        var changes: [(String, String?, String?)] = []
        for t in preview.targetChanges {
            changes.append(("\(t.indicator) \(label(t.year))", t.old.map(AgreementFormat.input), AgreementFormat.input(t.new)))
        }
        for a in preview.amountChanges {
            changes.append(("\(data.organisationName(a.organisationID)) \(data.sourceName(a.fundingSourceID)) \(label(a.year))",
                            a.old.map(AgreementFormat.eurosInput), AgreementFormat.eurosInput(a.new)))
        }
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, c)
            try Agreements.setTargets(preview.targetChanges.map { ($0.resultID, $0.year, $0.new) }, version: data.version, c)
            try Agreements.setContributions(preview.amountChanges.map {
                Contribution(organisationID: $0.organisationID, fundingSourceID: $0.fundingSourceID, year: $0.year, cents: $0.new)
            }, version: data.version, c)
            try audit(data, context, action: "import", summary: "CSV geïmporteerd (\(kind == .targets ? "streefwaarden" : "bijdragen"))",
                      changes: changes, c)
        }
        return showAgreement(id, saved: "imported")
    }
}
