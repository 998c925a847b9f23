import Domain
import HTTP
import Store
import Views

/// Funding sources, budgets and commitments (issue 8). Reads for project leaders and the
/// Ontwikkelgroep, writes for project leaders (the route's requirement, checked before these run).
struct FundingHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: FundingRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showOverview(csv: false)
        case (.indexCSV, .show): return try showOverview(csv: true)
        case (.new, .show): return try showSourceForm(id: nil)
        case (.new, .save): return try saveSourceForm(id: nil)
        case (.source(let id), .show): return try showSource(id: id, csv: false)
        case (.sourceCSV(let id), .show): return try showSource(id: id, csv: true)
        case (.sourceEdit(let id), .show): return try showSourceForm(id: id)
        case (.sourceEdit(let id), .save): return try saveSourceForm(id: id)
        case (.year(let year), .show): return try showYear(year, csv: false)
        case (.yearCSV(let year), .show): return try showYear(year, csv: true)
        case (.scenario, .show): return try showScenario(csv: false)
        case (.scenarioCSV, .show): return try showScenario(csv: true)
        case (.staffing, .show): return try showStaffing(csv: false)
        case (.staffingCSV, .show): return try showStaffing(csv: true)
        case (.staffingRole(let code), .show): return try showPoolForm(role: code)
        case (.staffingRole(let code), .save): return try savePoolForm(role: code)
        case (.settings, .show): return try showSettings()
        case (.settings, .save): return try saveSettings()
        case (.index, .save), (.indexCSV, .save), (.source, .save), (.sourceCSV, .save), (.year, .save), (.yearCSV, .save),
             (.scenario, .save), (.scenarioCSV, .save), (.staffing, .save), (.staffingCSV, .save):
            throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    var canEdit: Bool { allows(.write, .fundingSource) }

    /// Whether the principal reads every source (the year pages and the scenario compare them
    /// all); a partner reads only its own organisation's (`Authorization`, `.ownOrganisation`).
    var readsEverySource: Bool { Authorization.scope(role: principal.role, action: .read, record: .fundingSource) == .any }

    /// Promises kept as the principal may read them: a partner its own organisation's contributions.
    func promiseFilter() -> Agreements.PromiseFilter {
        readsEverySource ? Agreements.PromiseFilter() : Agreements.PromiseFilter(organisationID: principal.organisationID ?? -1)
    }

    /// Promises kept as a CSV file.
    func promisesCSV(_ lines: [PromisesKept.Line], programme: Programme, filename: String) -> Response {
        csv(Array(AgreementCSV.write(PromisesKeptTable.csvRows(lines, yearLabel: programme.yearLabel)).utf8), filename: filename)
    }

    /// The sources the principal may read, with the rest left out.
    func readable(_ sources: FundingSourceList) -> FundingSourceList {
        guard !readsEverySource else { return sources }
        var shown = sources
        shown.list = sources.list.filter {
            Authorization.allows(principal, .read, .fundingSource, on: Authorization.Subject(organisationID: $0.organisationID))
        }
        return shown
    }

    /// A CSV download (`bytes` already UTF-8 with BOM, semicolons, as Excel in the Netherlands expects).
    func csv(_ bytes: [UInt8], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return Response(status: 200, headers: headers, body: bytes)
    }
}
