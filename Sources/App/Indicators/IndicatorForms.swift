import Domain
import HTTP
import Store
import Views

/// Adding and editing a library indicator, and retiring it (refused with the reason while in use).
extension IndicatorsHandler {
    func showNew() throws -> Response {
        let areaNames = try store.read { try Indicators.areaIndicatorNames($0) }
        return page(IndicatorPages.new(context: user.page, form: IndicatorForm(unit: ""), errors: ValidationErrors(), areaNames: areaNames))
    }

    func saveNew() throws -> Response {
        let form = IndicatorsHandler.form(request.formValues())
        var errors = form.validate()
        if errors.isEmpty, let indicator = form.indicator() {
            do {
                let id = try Indicators.add(indicator, areaIndicators: form.areaIndicators, by: principal.userID, in: store)
                return Response.redirect(to: Route.indicators(.show(id)).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", IndicatorsHandler.nameTaken)
            }
        }
        let areaNames = try store.read { try Indicators.areaIndicatorNames($0) }
        return page(IndicatorPages.new(context: user.page, form: form, errors: errors, areaNames: areaNames), status: 422)
    }

    func showEdit(id: Int64) throws -> Response {
        try editPage(id: id, form: nil, lockVersion: nil, errors: ValidationErrors(), refusal: nil, notice: RecordForms.savedNotice(request))
    }

    func saveEdit(id: Int64) throws -> Response {
        let form = IndicatorsHandler.form(request.formValues())
        let expected = try RecordForms.lockVersion(request)
        guard let stored = try store.read({ try Indicators.find(id: id, $0) }) else { throw AppError.notFound }
        var errors = form.validate(stored: stored)
        if errors.isEmpty, let indicator = form.indicator(id: id, retired: stored.retired, lockVersion: expected) {
            do {
                try Indicators.change(indicator, areaIndicators: form.areaIndicators, expected: expected, by: principal.userID, in: store)
                return Response.redirect(to: Route.indicators(.edit(id)).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try store.read({ try Indicators.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = RecordForms.conflictFields(stored: current.fields, submitted: indicator.fields)
                return page(ConflictPanel.page(context: user.page.with(.indicators), title: "Indicator \(current.name)", fields: fields,
                                               reopen: .indicators(.edit(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", IndicatorsHandler.nameTaken)
            }
        }
        return try editPage(id: id, form: form, lockVersion: expected, errors: errors, refusal: nil, notice: nil, status: 422)
    }

    func saveRetire(id: Int64) throws -> Response {
        let expected = try RecordForms.lockVersion(request)
        let retired = request.formValues()["retired"] != "0"
        do {
            try Indicators.setRetired(retired, id: id, expected: expected, by: principal.userID, in: store)
            return Response.redirect(to: Route.indicators(.edit(id)).path + "?saved=1")
        } catch let refused as Indicators.InUse {
            return try editPage(id: id, form: nil, lockVersion: nil, errors: ValidationErrors(), refusal: refused.reason, notice: nil, status: 409)
        }
    }

    /// The edit page: as stored, or with the form as typed and its messages.
    func editPage(id: Int64, form: IndicatorForm?, lockVersion: Int64?, errors: ValidationErrors, refusal: String?, notice: String?,
                  status: Int = 200) throws -> Response {
        let (found, areaNames) = try store.read { c in (try Indicators.use(id: id, c), try Indicators.areaIndicatorNames(c)) }
        guard let use = found else { throw AppError.notFound }
        return page(IndicatorPages.edit(context: user.page, use: use, form: form ?? IndicatorForm(use), lockVersion: lockVersion ?? use.indicator.lockVersion,
                                        errors: errors, areaNames: areaNames, refusal: refusal, notice: notice), status: status)
    }
}
