import Domain
import HTTP
import Markup
import Store
import Views

/// Targets or contributions pasted from a CSV file into a concept version: first a preview of
/// what changes, then (`step=save`) the change itself.
extension AgreementsHandler {
    func showImport(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        return page(AgreementImportPage.render(context: user.page, data: data, kind: "targets", csv: "", preview: nil, errors: ValidationErrors()))
    }

    func saveImport(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let kindText = values["kind"] ?? ""
        let csv = values["csv"] ?? ""
        var errors = ValidationErrors()
        guard let kind = AgreementImport.Kind(rawValue: kindText) else {
            errors.add("kind", "Kies wat het bestand bevat: streefwaarden of bijdragen.")
            return page(AgreementImportPage.render(context: user.page, data: data, kind: kindText, csv: csv, preview: nil, errors: errors), status: 422)
        }
        if csv.trimmingWhitespace().isEmpty { errors.add("csv", "Plak de inhoud van het CSV-bestand.") }
        if csv.utf8.count > 512 * 1024 { errors.add("csv", "Het bestand is te groot (hoogstens 512 kB).") }
        guard errors.isEmpty else {
            return page(AgreementImportPage.render(context: user.page, data: data, kind: kindText, csv: csv, preview: nil, errors: errors), status: 422)
        }
        let preview = importPreview(kind, csv, data)
        guard values["step"] == "save", !preview.hasErrors else {
            return page(AgreementImportPage.render(context: user.page, data: data, kind: kindText, csv: csv, preview: preview,
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
        try refusingClosedYears(data) { try Agreements.importFigures(
            targets: preview.targetChanges.map { ($0.resultID, $0.year, $0.new) },
            contributions: preview.amountChanges.map {
                Contribution(organisationID: $0.organisationID, fundingSourceID: $0.fundingSourceID, year: $0.year, cents: $0.new)
            },
            kind: kind == .targets ? "streefwaarden" : "bijdragen", of: data.agreement, version: data.version, expected: expected,
            changes: changes, by: principal.userID, in: store) }
        return showSaved(id, saved: "imported")
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
}
