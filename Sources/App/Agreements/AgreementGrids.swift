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
        let data = try loadForSaving(id)
        let form = request.formValues()
        let fields = form.pairs.map { (name: $0.name, value: $0.value) }
        var typed: [String: String] = [:]
        for (name, value) in fields { typed[name] = value }
        do {
            return try refusingClosedYears(data) { try saveGrid(grid, id: id, data, form, fields, typed) }
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
        } catch let error as StorageFailure {
            // Reading still works when writing does not; the light data serves if it did not.
            let whole = (try? loadEditable(id)) ?? data
            return storageFailure(error) { renderGrid(grid, whole, typed, $0) }
        }
    }

    private func saveGrid(_ grid: Grid, id: Int64, _ data: AgreementPageData, _ form: FormValues, _ fields: [(name: String, value: String)],
                          _ typed: [String: String]) throws -> Response {
        let expected = try expectedLock(form, data)
        let label = data.programme.yearLabel
        let before = gridValues(grid, data)
        /// The audit's cells: every cell stored before or after, by field name.
        func changes(_ after: [String: String]) -> [(String, String?, String?)] {
            Set(before.keys).union(after.keys).sorted().map { ($0, before[$0], after[$0]) }
        }
        switch grid {
        case .targets:
            let parsed = AgreementRules.targets(fields: fields, results: data.content.results, years: data.years, yearLabel: label,
                                                parseNumber: DutchFormat.parseDecimal)
            guard parsed.errors.isEmpty else { return try refused(grid, id: id, typed, parsed.errors) }
            try Agreements.saveTargets(parsed.values, of: data.agreement, version: data.version, expected: expected,
                                       changes: changes(AgreementsHandler.targetCells(parsed.values)), by: principal.userID, in: store)
            return showSaved(id, saved: "targets")
        case .contributions:
            let parsed = AgreementRules.contributions(fields: fields, parties: Set(data.content.parties.map(\.organisationID)),
                                                      sources: Set(data.sources.map(\.id)), years: data.years, yearLabel: label,
                                                      parseEuros: DutchFormat.parseEuros)
            guard parsed.errors.isEmpty else { return try refused(grid, id: id, typed, parsed.errors) }
            try Agreements.saveContributions(parsed.contributions, of: data.agreement, version: data.version, expected: expected,
                                             changes: changes(AgreementsHandler.contributionCells(parsed.contributions)),
                                             by: principal.userID, in: store)
            return showSaved(id, saved: "contributions")
        case .staffing:
            let parsed = AgreementRules.staffing(fields: fields, roles: Set(data.roles.map(\.code)),
                                                 parties: Set(data.content.parties.map(\.organisationID)), years: data.years,
                                                 yearLabel: label, parseNumber: DutchFormat.parseDecimal)
            guard parsed.errors.isEmpty else { return try refused(grid, id: id, typed, parsed.errors) }
            try Agreements.saveStaffing(parsed.staffing, of: data.agreement, version: data.version, expected: expected,
                                        changes: changes(AgreementsHandler.staffingCells(parsed.staffing)), by: principal.userID, in: store)
            return showSaved(id, saved: "staffing")
        }
    }

    /// The grid again with the typed values and what is wrong with them (422), from the whole agreement.
    private func refused(_ grid: Grid, id: Int64, _ typed: [String: String], _ errors: ValidationErrors) throws -> Response {
        page(renderGrid(grid, try loadEditable(id), typed, errors), status: 422)
    }

    /// The stored cells of a grid by form field name, as the form shows them.
    func gridValues(_ grid: Grid, _ data: AgreementPageData) -> [String: String] {
        switch grid {
        case .targets:
            var values: [Int64: [Int: Double]] = [:]
            for r in data.content.results { values[r.id] = r.targets }
            return AgreementsHandler.targetCells(values)
        case .contributions: return AgreementsHandler.contributionCells(data.content.contributions)
        case .staffing: return AgreementsHandler.staffingCells(data.content.staffing)
        }
    }

    static func targetCells(_ values: [Int64: [Int: Double]]) -> [String: String] {
        var cells: [String: String] = [:]
        for (resultID, years) in values {
            for (year, value) in years { cells[GridField.target(resultID: resultID, year: year).name] = AgreementFormat.input(value) }
        }
        return cells
    }

    static func contributionCells(_ contributions: [Contribution]) -> [String: String] {
        var cells: [String: String] = [:]
        for x in contributions { cells[x.gridField.name] = AgreementFormat.eurosInput(x.cents) }
        return cells
    }

    static func staffingCells(_ staffing: [Staffing]) -> [String: String] {
        var cells: [String: String] = [:]
        for s in staffing {
            cells[GridField.staffing(role: s.roleCode, year: s.year).name] = AgreementFormat.input(s.hours)
            if let payer = s.paidBy { cells[GridField.payer(role: s.roleCode).name] = String(payer) }
        }
        return cells
    }

    func renderGrid(_ grid: Grid, _ data: AgreementPageData, _ values: [String: String], _ errors: ValidationErrors) -> HTML {
        switch grid {
        case .targets: AgreementEditPages.targets(context: user.page, data: data, values: values, errors: errors)
        case .contributions: AgreementEditPages.contributions(context: user.page, data: data, values: values, errors: errors)
        case .staffing: AgreementEditPages.staffing(context: user.page, data: data, values: values, errors: errors)
        }
    }
}
