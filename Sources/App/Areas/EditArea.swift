import Domain
import HTTP
import Store
import Views

/// One area: its page with the form and the indicators, and the change of its facts (or the
/// conflict page when someone saved first).
extension AreasHandler {
    func showArea(id: Int64) throws -> Response {
        try areaPage(id: id, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: AreaPages.IndicatorForm(),
                     indicatorErrors: ValidationErrors(), notice: RecordForms.savedNotice(request))
    }

    func saveArea(id: Int64) throws -> Response {
        let form = AreasHandler.form(request)
        let (found, nameTaken) = try store.read { c in
            (try Areas.find(id: id, c), try Areas.nameExists(form.name.trimmingWhitespace(), excluding: id, c))
        }
        guard found != nil else { throw AppError.notFound }
        let expected = try RecordForms.lockVersion(request)
        var errors = validate(form, nameTaken: nameTaken)
        if errors.isEmpty {
            let area = form.area(id: id, lockVersion: expected)
            do {
                try Areas.change(area, expected: expected, by: principal.userID, in: store)
                return Response.redirect(to: Route.areas(.area(id)).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try store.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = RecordForms.conflictFields(stored: current.fields, submitted: area.fields)
                return page(ConflictPanel.page(context: user.page.with(.areas), title: "Gebied \(current.name)", fields: fields,
                                               reopen: .areas(.area(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", AreasHandler.nameTaken)
            }
        }
        return try areaPage(id: id, form: form, lockVersion: expected, errors: errors, indicatorForm: AreaPages.IndicatorForm(),
                            indicatorErrors: ValidationErrors(), notice: nil, status: 422)
    }

    /// The area page: as stored, or with a form as typed and its messages.
    func areaPage(id: Int64, form: AreaForm?, lockVersion: Int64?, errors: ValidationErrors, indicatorForm: AreaPages.IndicatorForm,
                  indicatorErrors: ValidationErrors, notice: String?, status: Int = 200) throws -> Response {
        let programme = try programme()
        let (found, indicators, ikcs) = try store.read { c in
            (try Areas.find(id: id, c), try Areas.indicators(areaID: id, c),
             try IKCs.overview(IKCs.Filter(areaID: id), c).map { ($0.id, $0.name) })
        }
        guard let area = found else { throw AppError.notFound }
        let detail = AreaPages.Detail(row: AreasHandler.row(area, programme, today: today()), lockVersion: lockVersion ?? area.lockVersion,
                                      form: form ?? AreaForm(area), indicators: indicators, ikcs: ikcs)
        return page(AreaPages.detail(context: user.page, detail: detail, canEdit: allows(.write, .area), errors: errors,
                                     indicatorForm: indicatorForm, indicatorErrors: indicatorErrors, notice: notice), status: status)
    }
}
