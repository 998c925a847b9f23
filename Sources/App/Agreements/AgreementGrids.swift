import Domain
import HTTP
import Markup
import Store
import Views

/// The three grids of a concept version (targets per result and year, contributions per party,
/// source and year, staffing per role and year): one form each, saved as a whole.
extension AgreementsHandler {
    typealias Grid = AgreementGrid

    func showGrid(_ grid: Grid, id: Int64) throws -> Response {
        let data = try loadEditable(id)
        return page(renderGrid(grid, data, gridValues(grid, data), ValidationErrors()))
    }

    /// Saves the grid (`Agreements.saveGrid`): the agreement is read and the form checked against
    /// it on one snapshot, and the cells are stored in one transaction that claims that version.
    func saveGrid(_ grid: Grid, id: Int64) throws -> Response {
        let form = request.formValues()
        let fields = form.pairs.map { (name: $0.name, value: $0.value) }
        var typed: [String: String] = [:]
        for (name, value) in fields { typed[name] = value }
        let programme = try programme()
        var loaded: AgreementPageData?
        var errors = ValidationErrors()
        do {
            try Agreements.saveGrid(grid, agreementID: id, programme: programme, by: principal.userID, in: store) { agreement, found in
                let data = try editable(writable(agreement, found), status: .concept)
                loaded = data
                return try gridEdit(grid, data, form, fields, errors: &errors)
            }
        } catch let refusal as ClosedYearRefusal {
            throw AppError.conflict(detail: ClosedYears.reason(programme.yearLabel(refusal.year)) + " Er is niets opgeslagen.")
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
            guard let whole = (try? loadEditable(id)) ?? loaded else { throw error }
            return storageFailure(error) { renderGrid(grid, whole, typed, $0) }
        }
        guard errors.isEmpty else { return try refused(grid, id: id, typed, errors) }
        switch grid {
        case .targets: return showSaved(id, saved: "targets")
        case .contributions: return showSaved(id, saved: "contributions")
        case .staffing: return showSaved(id, saved: "staffing")
        }
    }

    /// The cells the form asks for, checked against `data` (the stored agreement as the save read
    /// it), with the audit's changes; nil with `errors` when the form is refused.
    private func gridEdit(_ grid: Grid, _ data: AgreementPageData, _ form: FormValues, _ fields: [(name: String, value: String)],
                          errors: inout ValidationErrors) throws -> Agreements.GridEdit? {
        let expected = try expectedLock(form, data)
        let label = data.programme.yearLabel
        /// The audit's cells: every cell stored before or after, by field name.
        func changes(_ after: [String: String]) -> [(String, String?, String?)] {
            let before = gridValues(grid, data)
            return Set(before.keys).union(after.keys).sorted().map { ($0, before[$0], after[$0]) }
        }
        switch grid {
        case .targets:
            let parsed = AgreementRules.targets(fields: fields, results: data.content.results, years: data.years, yearLabel: label,
                                                parseNumber: DutchFormat.parseDecimal)
            errors = parsed.errors
            guard parsed.errors.isEmpty else { return nil }
            return Agreements.GridEdit(.targets(parsed.values), expected: expected,
                                       changes: AgreementsHandler.targetChanges(data.content.results, parsed.values))
        case .contributions:
            let parsed = AgreementRules.contributions(fields: fields, parties: Set(data.content.parties.map(\.organisationID)),
                                                      sources: Set(data.sources.map(\.id)), years: data.years, yearLabel: label,
                                                      parseEuros: DutchFormat.parseEuros)
            errors = parsed.errors
            guard parsed.errors.isEmpty else { return nil }
            return Agreements.GridEdit(.contributions(parsed.contributions), expected: expected,
                                       changes: changes(AgreementsHandler.contributionCells(parsed.contributions)))
        case .staffing:
            let parsed = AgreementRules.staffing(fields: fields, roles: Set(data.roles.map(\.code)),
                                                 parties: Set(data.content.parties.map(\.organisationID)), years: data.years,
                                                 yearLabel: label, parseNumber: DutchFormat.parseDecimal)
            errors = parsed.errors
            guard parsed.errors.isEmpty else { return nil }
            return Agreements.GridEdit(.staffing(parsed.staffing), expected: expected, changes: changes(AgreementsHandler.staffingCells(parsed.staffing)))
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

    /// The audit's cells of a targets save: each cell whose value changed, came or went, by field
    /// name, as the form shows the values. Unchanged cells, which the audit leaves out, are not
    /// formatted (the grid is saved whole, and most saves change a few cells).
    static func targetChanges(_ results: [AgreementResult], _ after: [Int64: [Int: Double]]) -> [(String, String?, String?)] {
        var changes: [(String, String?, String?)] = []
        for result in results {
            let new = after[result.id] ?? [:]
            for year in Set(result.targets.keys).union(new.keys) where result.targets[year] != new[year] {
                changes.append((GridField.target(resultID: result.id, year: year).name, result.targets[year].map(AgreementFormat.input),
                                new[year].map(AgreementFormat.input)))
            }
        }
        return changes.sorted { $0.0 < $1.0 }
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
