import Domain
import HTTP
import Store
import Views

/// The areas (gebieden): the list with the herijking warning, one area with its indicators,
/// the forms and the CSV import of indicators.
struct AreasHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: AreaRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.new, .show): return showNew()
        case (.new, .save): return try saveNew()
        case (.area(let id), .show): return try showArea(id: id)
        case (.area(let id), .save): return try saveArea(id: id)
        case (.indicators(let id), .save): return try saveIndicator(id: id)
        case (.importCSV, .show): return showImport()
        case (.importCSV, .save): return try saveImport()
        case (.index, .save), (.indicators, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showList() throws -> Response {
        let programme = try programme()
        let today = today()
        let areas = try store.read { try Areas.all($0) }
        return page(AreaPages.list(context: user.page, rows: areas.map { AreasHandler.row($0, programme, today: today) },
                                   years: programme.areaReassessmentYears, canEdit: allows(.write, .area),
                                   notice: RecordForms.savedNotice(request)))
    }

    /// An area with its herijking: overdue, and when the next one is due.
    static func row(_ area: Area, _ programme: Programme, today: Day) -> AreaPages.Row {
        AreaPages.Row(area: area, overdue: area.reassessmentOverdue(today: today, years: programme.areaReassessmentYears),
                      nextReassessment: area.reassessedOn?.addingYears(programme.areaReassessmentYears))
    }

    static let nameTaken = "Er is al een gebied met deze naam."

    /// The area form as posted.
    static func form(_ request: Request) -> AreaForm {
        let v = request.formValues()
        return AreaForm(name: v["name"] ?? "", reassessedOn: v["reassessedOn"] ?? "", notes: v["notes"] ?? "", level: Int(v["isPriority"] ?? "") ?? 0)
    }

    /// The form's rules, and the name taken by another area.
    func validate(_ form: AreaForm, nameTaken: Bool) -> ValidationErrors {
        let levels = Set((try? programme())?.areaClasses.map(\.level) ?? [])
        var errors = form.validate(today: today(), levels: levels.isEmpty ? nil : levels)
        if errors["name"] == nil && nameTaken { errors.add("name", AreasHandler.nameTaken) }
        return errors
    }
}
