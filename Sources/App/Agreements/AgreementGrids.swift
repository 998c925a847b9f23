import Domain
import HTTP
import Markup
import Store
import Views

/// The three grids of a concept version (targets per result and year, contributions per party,
/// source and year, staffing per role and year): one form each, saved as a whole.
extension AgreementsHandler {
    enum Grid { case targets, contributions, staffing }

    func showGrid(_ grid: Grid, id: Int64) throws -> Response {
        let data = try loadEditable(id)
        return page(renderGrid(grid, data, gridValues(grid, data), ValidationErrors()))
    }

    func saveGrid(_ grid: Grid, id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let form = request.formValues()
        let fields = form.pairs.map { (name: $0.name, value: $0.value) }
        var typed: [String: String] = [:]
        for (name, value) in fields { typed[name] = value }
        do {
            return try saveGrid(grid, id: id, data, form, fields, typed)
        } catch StoreError.staleVersion {
            let what: String, reopen: AgreementRoute
            switch grid {
            case .targets: (what, reopen) = ("De streefwaarden", .targets(id))
            case .contributions: (what, reopen) = ("De bijdragen", .contributions(id))
            case .staffing: (what, reopen) = ("De formatie", .staffing(id))
            }
            return try agreementConflict(id, what: what, reopen: reopen) { current in
                gridConflictFields(grid, stored: current, submitted: typed)
            }
        }
    }

    private func saveGrid(_ grid: Grid, id: Int64, _ data: AgreementPageData, _ form: FormValues, _ fields: [(name: String, value: String)],
                          _ typed: [String: String]) throws -> Response {
        let expected = try expectedLock(form, data)
        let label = data.programme.yearLabel
        let before = gridValues(grid, data)
        var after: [String: String] = [:]
        func changes() -> [(String, String?, String?)] {
            Set(before.keys).union(after.keys).sorted().map { ($0, before[$0], after[$0]) }
        }
        let invalid: ValidationErrors
        let saved: String
        switch grid {
        case .targets:
            let parsed = AgreementRules.targets(fields: fields, results: data.content.results, years: data.years, yearLabel: label,
                                                parseNumber: DutchFormat.parseDecimal)
            invalid = parsed.errors
            for (rid, years) in parsed.values { for (year, v) in years { after[GridField.target(resultID: rid, year: year).name] = AgreementFormat.input(v) } }
            if invalid.isEmpty {
                try Agreements.saveTargets(parsed.values, of: data.agreement, version: data.version, expected: expected, changes: changes(),
                                           by: principal.userID, in: store)
            }
            saved = "targets"
        case .contributions:
            let parsed = AgreementRules.contributions(fields: fields, parties: Set(data.content.parties.map(\.organisationID)),
                                                      sources: Set(data.sources.map(\.id)), years: data.years, yearLabel: label,
                                                      parseEuros: DutchFormat.parseEuros)
            invalid = parsed.errors
            for x in parsed.contributions { after[x.gridField.name] = AgreementFormat.eurosInput(x.cents) }
            if invalid.isEmpty {
                try Agreements.saveContributions(parsed.contributions, of: data.agreement, version: data.version, expected: expected,
                                                 changes: changes(), by: principal.userID, in: store)
            }
            saved = "contributions"
        case .staffing:
            let parsed = AgreementRules.staffing(fields: fields, roles: Set(data.roles.map(\.code)),
                                                 parties: Set(data.content.parties.map(\.organisationID)), years: data.years,
                                                 yearLabel: label, parseNumber: DutchFormat.parseDecimal)
            invalid = parsed.errors
            for s in parsed.staffing {
                after[GridField.staffing(role: s.roleCode, year: s.year).name] = AgreementFormat.input(s.hours)
                if let payer = s.paidBy { after[GridField.payer(role: s.roleCode).name] = String(payer) }
            }
            if invalid.isEmpty {
                try Agreements.saveStaffing(parsed.staffing, of: data.agreement, version: data.version, expected: expected,
                                            changes: changes(), by: principal.userID, in: store)
            }
            saved = "staffing"
        }
        guard invalid.isEmpty else { return page(renderGrid(grid, data, typed, invalid), status: 422) }
        return showSaved(id, saved: saved)
    }

    /// The stored cells of a grid by form field name, as the form shows them.
    func gridValues(_ grid: Grid, _ data: AgreementPageData) -> [String: String] {
        var values: [String: String] = [:]
        switch grid {
        case .targets:
            for r in data.content.results {
                for (year, value) in r.targets { values[GridField.target(resultID: r.id, year: year).name] = AgreementFormat.input(value) }
            }
        case .contributions:
            for x in data.content.contributions {
                values[x.gridField.name] = AgreementFormat.eurosInput(x.cents)
            }
        case .staffing:
            for s in data.content.staffing {
                values[GridField.staffing(role: s.roleCode, year: s.year).name] = AgreementFormat.input(s.hours)
                if let payer = s.paidBy { values[GridField.payer(role: s.roleCode).name] = String(payer) }
            }
        }
        return values
    }

    func renderGrid(_ grid: Grid, _ data: AgreementPageData, _ values: [String: String], _ errors: ValidationErrors) -> HTML {
        switch grid {
        case .targets: AgreementEditPages.targets(context: user.page, data: data, values: values, errors: errors)
        case .contributions: AgreementEditPages.contributions(context: user.page, data: data, values: values, errors: errors)
        case .staffing: AgreementEditPages.staffing(context: user.page, data: data, values: values, errors: errors)
        }
    }
}
