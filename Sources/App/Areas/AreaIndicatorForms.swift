import Domain
import HTTP
import Store
import Views

/// The indicators of areas: one figure typed on the area's page, or a CSV file of many.
extension AreasHandler {
    func saveIndicator(id: Int64) throws -> Response {
        guard let area = try store.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
        let programme = try programme()
        let v = request.formValues()
        let form = AreaPages.IndicatorForm(year: v["year"] ?? "", indicator: v["indicator"] ?? "", value: v["value"] ?? "", source: v["source"] ?? "")
        let errors = AreaIndicatorEntry.validate(year: form.year, indicator: form.indicator, value: form.value, source: form.source, years: programme.years)
        guard errors.isEmpty, let indicator = AreaIndicatorEntry.indicator(areaID: id, year: form.year, indicator: form.indicator,
                                                                          value: form.value, source: form.source) else {
            return try areaPage(id: id, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: form,
                                indicatorErrors: errors, notice: nil, status: 422)
        }
        try Areas.saveIndicator(indicator, of: area, by: principal.userID, in: store)
        return Response.redirect(to: Route.areas(.area(id)).path + "?saved=1")
    }

    func showImport() -> Response {
        page(AreaPages.importPage(context: user.page, problems: [], filename: nil, notice: nil))
    }

    func saveImport() throws -> Response {
        guard let parts = request.multipartParts(), let file = parts.first(where: { $0.name == "file" }) else {
            return page(AreaPages.importPage(context: user.page, problems: [ImportProblem(line: 0, message: "Kies een CSV-bestand.")],
                                             filename: nil, notice: nil), status: 422)
        }
        let programme = try programme()
        let areas = try store.read { try Areas.names($0) }
        // Excel writes UTF-8 only when asked ("CSV UTF-8"); anything else is refused, not guessed.
        guard let text = String(validating: file.data, as: UTF8.self) else {
            return page(AreaPages.importPage(context: user.page, problems: [ImportProblem(line: 0, message: "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8'.")],
                                             filename: file.filename, notice: nil), status: 422)
        }
        switch AreaIndicatorImport.parse(text, areas: areas, years: programme.years) {
        case .failure(let problems):
            return page(AreaPages.importPage(context: user.page, problems: problems.items, filename: file.filename, notice: nil), status: 422)
        case .success(let indicators):
            try Areas.importIndicators(indicators, from: file.filename, by: principal.userID, in: store)
            return Response.redirect(to: Route.areas(.index).path + "?saved=import&rows=\(indicators.count)")
        }
    }
}
