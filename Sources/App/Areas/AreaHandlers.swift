import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleAreas(_ route: AreaRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getAreas(request, context)
        case .new: return isPost ? try postAreaNew(request, context) : page(AreaPages.new(context: context.page, form: AreaForm(), errors: ValidationErrors()))
        case .area(let id): return isPost ? try postArea(id: id, request, context) : try getArea(id: id, request, context)
        case .indicators(let id): return try postAreaIndicator(id: id, request, context)
        case .importCSV: return isPost ? try postAreaImport(request, context) : page(AreaPages.importPage(context: context.page, problems: [], filename: nil, notice: nil))
        }
    }

    // MARK: - Areas

    func areaRow(_ area: Area, _ programme: Programme, today: Day) -> AreaPages.Row {
        AreaPages.Row(area: area, overdue: area.reassessmentOverdue(today: today, years: programme.areaReassessmentYears),
                      nextReassessment: area.reassessedOn?.addingYears(programme.areaReassessmentYears))
    }

    func getAreas(_ request: Request, _ context: Context) throws -> Response {
        let programme = try programme(context)
        let today = self.today()
        let areas = try database.read { try Areas.all($0) }
        return page(AreaPages.list(context: context.page, rows: areas.map { areaRow($0, programme, today: today) },
                                   years: programme.areaReassessmentYears, canEdit: canWrite(context, .area),
                                   notice: Application.savedNotice(request)))
    }

    static func areaForm(_ request: Request) -> AreaForm {
        let v = request.formValues()
        return AreaForm(name: v["name"] ?? "", isPriority: v["isPriority"] == "1", reassessedOn: v["reassessedOn"] ?? "", notes: v["notes"] ?? "")
    }

    static func areaFields(_ a: Area) -> [(String, String, String)] {
        [("name", "Naam", a.name), ("is_priority", "Aandachtsgebied", a.isPriority ? "ja" : "nee"),
         ("reassessed_on", "Laatste herijking", a.reassessedOn?.iso ?? ""), ("notes", "Toelichting", a.notes)]
    }

    func validateArea(_ form: AreaForm, id: Int64) throws -> ValidationErrors {
        var errors = form.validate(today: self.today())
        if errors["name"] == nil, try database.read({ try Areas.nameExists(form.name.trimmingWhitespace(), excluding: id, $0) }) {
            errors.add("name", "Er is al een gebied met deze naam.")
        }
        return errors
    }

    func postAreaNew(_ request: Request, _ context: Context) throws -> Response {
        let form = Application.areaForm(request)
        var errors = try validateArea(form, id: 0)
        if errors.isEmpty {
            let area = form.area()
            let actor = context.principal?.userID
            do {
                let id = try database.write { c -> Int64 in
                    let id = try Areas.create(area, c)
                    try AuditLog.record(userID: actor, action: "create", recordType: "area", recordID: id, summary: "Gebied \(area.name) aangemaakt",
                                        newValues: Application.auditJSON(Application.areaFields(area)), c)
                    return id
                }
                return Response.redirect(to: Route.areas(.area(id)).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een gebied met deze naam.")
            }
        }
        return page(AreaPages.new(context: context.page, form: form, errors: errors), status: 422)
    }

    func areaPage(id: Int64, _ context: Context, form: AreaForm?, lockVersion: Int64?, errors: ValidationErrors,
                  indicatorForm: AreaPages.IndicatorForm, indicatorErrors: ValidationErrors, notice: String?, status: Int = 200) throws -> Response {
        let programme = try programme(context)
        let (found, indicators, ikcs) = try database.read { c in
            (try Areas.find(id: id, c), try Areas.indicators(areaID: id, c),
             try IKCs.overview(IKCs.Filter(areaID: id), c).map { ($0.id, $0.name) })
        }
        guard let area = found else { throw AppError.notFound }
        let detail = AreaPages.Detail(row: areaRow(area, programme, today: self.today()), lockVersion: lockVersion ?? area.lockVersion,
                                      form: form ?? AreaForm(area), indicators: indicators, ikcs: ikcs)
        return page(AreaPages.detail(context: context.page, detail: detail, canEdit: canWrite(context, .area), errors: errors,
                                     indicatorForm: indicatorForm, indicatorErrors: indicatorErrors, notice: notice), status: status)
    }

    func getArea(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        try areaPage(id: id, context, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: AreaPages.IndicatorForm(),
                     indicatorErrors: ValidationErrors(), notice: Application.savedNotice(request))
    }

    func postArea(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard try database.read({ try Areas.find(id: id, $0) }) != nil else { throw AppError.notFound }
        let expected = try Application.lockVersion(request)
        let form = Application.areaForm(request)
        var errors = try validateArea(form, id: id)
        if errors.isEmpty {
            let area = form.area(id: id, lockVersion: expected)
            let actor = context.principal?.userID
            do {
                try database.write { c in
                    let old = try Areas.update(area, c)
                    if let diff = Application.auditDiff(Application.areaFields(old), Application.areaFields(area)) {
                        try AuditLog.record(userID: actor, action: "update", recordType: "area", recordID: id, summary: "Gebied \(area.name) gewijzigd",
                                            oldValues: diff.old, newValues: diff.new, c)
                    }
                }
                return Response.redirect(to: Route.areas(.area(id)).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try database.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = Application.conflictFields(stored: Application.areaFields(current), submitted: Application.areaFields(area))
                return page(ConflictPanel.page(context: context.page.with(.areas), title: "Gebied \(current.name)", fields: fields,
                                               reopen: .areas(.area(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een gebied met deze naam.")
            }
        }
        return try areaPage(id: id, context, form: form, lockVersion: expected, errors: errors, indicatorForm: AreaPages.IndicatorForm(),
                            indicatorErrors: ValidationErrors(), notice: nil, status: 422)
    }

    func postAreaIndicator(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let area = try database.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
        let programme = try programme(context)
        let v = request.formValues()
        let form = AreaPages.IndicatorForm(year: v["year"] ?? "", indicator: v["indicator"] ?? "", value: v["value"] ?? "", source: v["source"] ?? "")
        let errors = AreaIndicatorEntry.validate(year: form.year, indicator: form.indicator, value: form.value, source: form.source, years: programme.years)
        guard errors.isEmpty, let indicator = AreaIndicatorEntry.indicator(areaID: id, year: form.year, indicator: form.indicator,
                                                                          value: form.value, source: form.source) else {
            return try areaPage(id: id, context, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: form,
                                indicatorErrors: errors, notice: nil, status: 422)
        }
        let actor = context.principal?.userID
        try database.write { c in
            let old = try Areas.setIndicator(indicator, c)
            try AuditLog.record(userID: actor, action: old == nil ? "create" : "update", recordType: "area_indicator", recordID: id,
                                summary: "Indicator '\(indicator.indicator)' \(indicator.year) van \(area.name)",
                                oldValues: old.map { AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)), ("value", String($0))]) },
                                newValues: AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)), ("value", String(indicator.value)), ("source", indicator.source)]), c)
        }
        return Response.redirect(to: Route.areas(.area(id)).path + "?saved=1")
    }

    func postAreaImport(_ request: Request, _ context: Context) throws -> Response {
        guard let parts = request.multipartParts(), let file = parts.first(where: { $0.name == "file" }) else {
            return page(AreaPages.importPage(context: context.page, problems: [ImportProblem(line: 0, message: "Kies een CSV-bestand.")],
                                             filename: nil, notice: nil), status: 422)
        }
        let programme = try programme(context)
        let areas = try database.read { try Areas.names($0) }
        // Excel writes UTF-8 only when asked ("CSV UTF-8"); anything else is refused, not guessed.
        guard let text = String(validating: file.data, as: UTF8.self) else {
            return page(AreaPages.importPage(context: context.page, problems: [ImportProblem(line: 0, message: "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8'.")],
                                             filename: file.filename, notice: nil), status: 422)
        }
        switch AreaIndicatorImport.parse(text, areas: areas, years: programme.years) {
        case .failure(let problems):
            return page(AreaPages.importPage(context: context.page, problems: problems.items, filename: file.filename, notice: nil), status: 422)
        case .success(let indicators):
            let actor = context.principal?.userID
            try database.write { c in
                var replaced = 0
                for indicator in indicators where try Areas.setIndicator(indicator, c) != nil { replaced += 1 }
                try AuditLog.record(userID: actor, action: "import", recordType: "area_indicator", recordID: nil,
                                    summary: "\(indicators.count) gebiedsindicatoren geïmporteerd uit \(file.filename ?? "CSV") (\(replaced) vervangen)",
                                    newValues: AuditLog.json([("rows", String(indicators.count)), ("replaced", String(replaced)), ("file", file.filename)]), c)
            }
            return Response.redirect(to: Route.areas(.index).path + "?saved=import&rows=\(indicators.count)")
        }
    }
}
