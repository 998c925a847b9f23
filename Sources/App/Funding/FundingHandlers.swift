import Domain
import Foundation
import HTTP
import Markup
import SQLite
import Store
import Views

/// Funding sources, budgets and commitments (issue 8). Reads for project leaders and the
/// Ontwikkelgroep, writes for project leaders (the route's requirement, checked before these run).
extension Application {
    func handleFunding(_ route: FundingRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getFundingOverview(request, context, csv: false)
        case .indexCSV: return try getFundingOverview(request, context, csv: true)
        case .new: return isPost ? try postFundingSource(id: nil, request, context) : try getFundingSourceForm(id: nil, context)
        case .source(let id): return try getFundingSource(id: id, request, context, csv: false)
        case .sourceEdit(let id): return isPost ? try postFundingSource(id: id, request, context) : try getFundingSourceForm(id: id, context)
        case .sourceCSV(let id): return try getFundingSource(id: id, request, context, csv: true)
        case .year(let year): return try getFundingYear(year, request, context, csv: false)
        case .yearCSV(let year): return try getFundingYear(year, request, context, csv: true)
        case .scenario: return try getFundingScenario(request, context, csv: false)
        case .scenarioCSV: return try getFundingScenario(request, context, csv: true)
        }
    }

    // MARK: - Shared

    func fundingProgramme(_ context: Context, _ c: Connection) throws -> Programme {
        try context.page.programme ?? ProgrammeSettings.programme(c)
    }

    func fundingSources(_ c: Connection) throws -> FundingPages.Sources {
        FundingPages.Sources(list: try FundingSources.all(c), kinds: try ProgrammeSettings.fundingSourceKinds(c),
                             organisationNames: try Organisations.names(c))
    }

    func canEditFunding(_ context: Context) -> Bool {
        context.principal.map { Authorization.allows($0, .write, .fundingSource) } ?? false
    }

    func csvResponse(_ bytes: [UInt8], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return Response(status: 200, headers: headers, body: bytes)
    }

    // MARK: - Overview

    func getFundingOverview(_ request: Request, _ context: Context, csv: Bool) throws -> Response {
        let (programme, sources, ledger) = try database.read { c in
            let programme = try fundingProgramme(context, c)
            let sources = try fundingSources(c)
            return (programme, sources, try FundingSources.ledger(sources: sources.list, years: programme.years, c))
        }
        if csv {
            return csvResponse(FundingCSV.overview(programme: programme, sources: sources, ledger: ledger), filename: "financiering-overzicht.csv")
        }
        return page(FundingPages.overview(context: context.page, programme: programme, sources: sources, ledger: ledger,
                                          canEdit: canEditFunding(context), notice: nil))
    }

    // MARK: - One source

    func getFundingSource(id: Int64, _ request: Request, _ context: Context, csv: Bool) throws -> Response {
        let loaded = try database.read { c -> (Programme, FundingPages.Sources, FundingSource, Funding.Ledger, [FundingPages.DrawingRow])? in
            guard let source = try FundingSources.find(id: id, c) else { return nil }
            let programme = try fundingProgramme(context, c)
            let sources = try fundingSources(c)
            let ledger = try FundingSources.ledger(sources: [source], years: programme.years, c)
            let figures = try FundingSources.agreementFigures(sourceID: id, c)
            let rows = Application.drawingRows(figures: figures, labels: try FundingSources.agreementLabels(c), years: programme.years)
            return (programme, sources, source, ledger, rows)
        }
        guard let (programme, sources, source, ledger, rows) = loaded else { throw AppError.notFound }
        if csv {
            if request.query["tabel"] == "ikcs" {
                return csvResponse(FundingCSV.sourceIKCs(programme: programme, sourceID: id, ledger: ledger, rows: rows),
                                   filename: "financieringsbron-\(id)-ikcs.csv")
            }
            return csvResponse(FundingCSV.sourceYears(programme: programme, sourceID: id, ledger: ledger), filename: "financieringsbron-\(id).csv")
        }
        let notice = request.query["saved"] == "1" ? "De financieringsbron is opgeslagen." : nil
        return page(FundingPages.source(context: context.page, programme: programme, sources: sources, source: source, ledger: ledger,
                                        rows: rows, canEdit: canEditFunding(context), notice: notice))
    }

    /// The agreements that draw on a source (or whose pending version would), ordered by IKC name.
    static func drawingRows(figures: [Funding.AgreementFigures], labels: [FundingSources.AgreementLabel], years: ClosedRange<Int>) -> [FundingPages.DrawingRow] {
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

    // MARK: - The form

    func getFundingSourceForm(id: Int64?, _ context: Context) throws -> Response {
        let loaded = try database.read { c -> (Programme, FundingPages.Sources, FundingSource?, [Int: Int64]) in
            let source = try id.flatMap { try FundingSources.find(id: $0, c) }
            let budgets = try id.map { try FundingSources.budgets(sourceID: $0, c) } ?? [:]
            return (try fundingProgramme(context, c), try fundingSources(c), source, budgets)
        }
        let (programme, sources, source, budgets) = loaded
        if id != nil && source == nil { throw AppError.notFound }
        var form = FundingSourceForm()
        if let source {
            form = FundingSourceForm(name: source.name, kind: source.kind, organisation: source.organisationID.map { String($0) } ?? "",
                                     notes: source.notes, budgetTexts: budgets.mapValues(FundingPages.amountText))
        }
        return page(FundingPages.form(context: context.page, programme: programme, sources: sources, sourceID: id,
                                      lockVersion: source?.lockVersion, form: form, errors: ValidationErrors()))
    }

    func postFundingSource(id: Int64?, _ request: Request, _ context: Context) throws -> Response {
        let values = request.formValues()
        let (programme, sources, current, oldBudgets) = try database.read { c -> (Programme, FundingPages.Sources, FundingSource?, [Int: Int64]) in
            let source = try id.flatMap { try FundingSources.find(id: $0, c) }
            let budgets = try id.map { try FundingSources.budgets(sourceID: $0, c) } ?? [:]
            return (try fundingProgramme(context, c), try fundingSources(c), source, budgets)
        }
        if id != nil && current == nil { throw AppError.notFound }
        var expected: Int64?
        if id != nil {
            guard let version = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
            expected = version
        }
        var texts: [Int: String] = [:]
        for year in programme.years { texts[year] = values[FundingSourceForm.budgetField(year)] ?? "" }
        let form = FundingSourceForm(name: values["name"] ?? "", kind: values["kind"] ?? "", organisation: values["organisation"] ?? "",
                                     notes: values["notes"] ?? "", budgetTexts: texts)
        var (errors, checked) = form.validate(years: programme.years, kinds: sources.kindCodes,
                                              organisationIDs: Set(sources.organisationNames.keys), yearLabel: programme.yearLabel,
                                              parse: DutchFormat.parseEuros)
        func rerender(_ errors: ValidationErrors) -> Response {
            page(FundingPages.form(context: context.page, programme: programme, sources: sources, sourceID: id, lockVersion: expected,
                                   form: form, errors: errors), status: 422)
        }
        if let checked, try database.read({ try FundingSources.nameExists(checked.source.name, exceptID: id, $0) }) {
            errors.add("name", "Er is al een financieringsbron met deze naam.")
        }
        guard errors.isEmpty, let checked else { return rerender(errors) }

        let actor = context.principal?.userID
        let savedID: Int64
        do {
            savedID = try database.write { c -> Int64 in
                if let id, let current, let expected {
                    try FundingSources.update(id: id, expectedVersion: expected, checked.source, budgets: checked.budgets, years: programme.years, c)
                    var fields: [(String, String?, String?)] = [
                        ("name", current.name, checked.source.name), ("kind", current.kind, checked.source.kind),
                        ("organisation_id", current.organisationID.map { String($0) }, checked.source.organisationID.map { String($0) }),
                        ("notes", current.notes, checked.source.notes),
                    ]
                    for year in programme.years {
                        fields.append(("budget_\(year)", oldBudgets[year].map { String($0) }, checked.budgets[year].map { String($0) }))
                    }
                    if let diff = AuditLog.diff(fields) {
                        try AuditLog.record(userID: actor, action: "update", recordType: "funding_source", recordID: id,
                                            summary: "Financieringsbron \(checked.source.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
                    }
                    return id
                }
                let newID = try FundingSources.create(checked.source, budgets: checked.budgets, c)
                var fields: [(String, String?)] = [
                    ("name", checked.source.name), ("kind", checked.source.kind),
                    ("organisation_id", checked.source.organisationID.map { String($0) }), ("notes", checked.source.notes),
                ]
                for year in programme.years { fields.append(("budget_\(year)", checked.budgets[year].map { String($0) })) }
                try AuditLog.record(userID: actor, action: "create", recordType: "funding_source", recordID: newID,
                                    summary: "Financieringsbron \(checked.source.name) aangemaakt", newValues: AuditLog.json(fields), c)
                return newID
            }
        } catch StoreError.duplicate {
            errors.add("name", "Er is al een financieringsbron met deze naam.")
            return rerender(errors)
        }
        return Response.redirect(to: Route.funding(.source(savedID)).path + "?saved=1")
    }

    // MARK: - One year

    func getFundingYear(_ year: Int, _ request: Request, _ context: Context, csv: Bool) throws -> Response {
        let (programme, sources, ledger, figures, labels) = try database.read { c in
            let programme = try fundingProgramme(context, c)
            let sources = try fundingSources(c)
            let figures = try FundingSources.agreementFigures(c)
            let ledger = Funding.Ledger(sourceIDs: sources.list.map(\.id), years: Array(programme.years), budgets: try FundingSources.budgets(c),
                                        commitments: Funding.commitments(figures), spending: try FundingSources.spending(c))
            return (programme, sources, ledger, figures, try FundingSources.agreementLabels(c))
        }
        guard programme.years.contains(year) else { throw AppError.notFound }
        var byAgreement: [Int64: Funding.AgreementFigures] = [:]
        for figure in figures { byAgreement[figure.agreementID] = figure }
        var rows: [FundingPages.YearRow] = []
        for label in labels {
            guard let figure = byAgreement[label.agreementID] else { continue }
            var committed: [Int64: Int64] = [:]
            for source in sources.list {
                let amount = figure.committed[Funding.Key(source.id, year), default: 0]
                if amount != 0 { committed[source.id] = amount }
            }
            if !committed.isEmpty { rows.append(FundingPages.YearRow(ikcID: label.ikcID, ikcName: label.ikcName, committed: committed)) }
        }
        if csv {
            if request.query["tabel"] == "ikcs" {
                return csvResponse(FundingCSV.yearIKCs(year: year, sources: sources, ledger: ledger, rows: rows), filename: "financiering-\(year)-ikcs.csv")
            }
            return csvResponse(FundingCSV.yearSources(year: year, sources: sources, ledger: ledger), filename: "financiering-\(year).csv")
        }
        return page(FundingPages.year(context: context.page, programme: programme, sources: sources, year: year, ledger: ledger, rows: rows))
    }

    // MARK: - Scenario (writes nothing)

    func getFundingScenario(_ request: Request, _ context: Context, csv: Bool) throws -> Response {
        let query = request.query
        let (programme, sources, labels, budgets, figures, spending) = try database.read { c in
            (try fundingProgramme(context, c), try fundingSources(c), try FundingSources.agreementLabels(c), try FundingSources.budgets(c),
             try FundingSources.agreementFigures(c), try FundingSources.spending(c))
        }
        let years = Array(programme.years)
        var input = FundingPages.ScenarioInput()
        var scenario = Funding.Scenario()
        var errors = ValidationErrors()

        if let id = Int64(query["source"] ?? ""), sources.list.contains(where: { $0.id == id }) {
            input.sourceID = id
            if query["for_source"] == String(id) {
                for year in years { input.budgetTexts[year] = query[FundingPages.ScenarioInput.budgetField(year)] ?? "" }
            } else {
                for year in years { input.budgetTexts[year] = budgets[Funding.Key(id, year)].map(FundingPages.amountText) ?? "" }
            }
            let parsed = Funding.parseAmounts(input.budgetTexts, field: FundingPages.ScenarioInput.budgetField,
                                              label: programme.yearLabel, parse: DutchFormat.parseEuros)
            for message in parsed.errors.messages { errors.add(message.field, message.message) }
            scenario.budgetSourceID = id
            scenario.budgets = parsed.amounts
        }

        if let id = Int64(query["agreement"] ?? ""), let label = labels.first(where: { $0.agreementID == id }) {
            input.agreementID = id
            input.agreementYears = years.filter { $0 >= label.firstYear && $0 <= label.lastYear }
            let figure = figures.first { $0.agreementID == id }
            // Without a fixed version the what-if starts from the concept's figures.
            let current = (figure?.committed.isEmpty ?? true) ? (figure?.proposed ?? [:]) : (figure?.committed ?? [:])
            for source in sources.list {
                for year in input.agreementYears {
                    let key = Funding.Key(source.id, year)
                    if query["for_agreement"] == String(id) {
                        input.contributionTexts[key] = query[FundingPages.ScenarioInput.contributionField(key)] ?? ""
                    } else {
                        input.contributionTexts[key] = current[key].map(FundingPages.amountText) ?? ""
                    }
                }
            }
            let names = Dictionary(uniqueKeysWithValues: sources.list.map { ($0.id, $0.name) })
            let parsed = Funding.parseAmounts(input.contributionTexts, field: FundingPages.ScenarioInput.contributionField,
                                              label: { "\(names[$0.sourceID] ?? "") in \(programme.yearLabel($0.year))" },
                                              parse: DutchFormat.parseEuros)
            for message in parsed.errors.messages { errors.add(message.field, message.message) }
            // The agreement's figures outside the years shown stay as they are.
            var contributions = parsed.amounts
            for (key, cents) in current where !input.agreementYears.contains(key.year) { contributions[key] = cents }
            scenario.agreementID = id
            scenario.contributions = contributions
        }

        input.errors = errors
        input.query = Application.scenarioQuery(query)
        let outcome = errors.isEmpty && !scenario.isEmpty
            ? Funding.ScenarioOutcome(scenario: scenario, sourceIDs: sources.list.map(\.id), years: years, budgets: budgets,
                                      figures: figures, spending: spending)
            : nil
        if csv {
            guard let outcome else { throw AppError.badRequest("Kies eerst een scenario met geldige bedragen.") }
            if query["tabel"] == "bronnen" {
                return csvResponse(FundingCSV.scenarioSources(programme: programme, sources: sources, outcome: outcome), filename: "scenario-bronnen.csv")
            }
            return csvResponse(FundingCSV.scenarioYears(programme: programme, outcome: outcome), filename: "scenario.csv")
        }
        let agreements = labels.map { (id: $0.agreementID, label: "\($0.ikcName) (\(programme.yearLabel($0.firstYear)) t/m \(programme.yearLabel($0.lastYear)))") }
        return page(FundingPages.scenario(context: context.page, programme: programme, sources: sources, agreements: agreements,
                                          input: input, outcome: outcome), status: errors.isEmpty ? 200 : 422)
    }

    /// The scenario's own fields of a query, encoded again (for the CSV links).
    static func scenarioQuery(_ query: FormValues) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return query.pairs.filter { $0.name != "tabel" && $0.name != "stap" }
            .map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }
}
