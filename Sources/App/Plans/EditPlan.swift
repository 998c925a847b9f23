import Domain
import HTTP
import Store
import Views

/// The plan page (Plan, Do, Check, Act): showing it, and saving it, with a Do note, or submitting it.
extension PlansHandler {
    func showPlan(id: Int64) throws -> Response {
        var model = try planModel(id: id, .read)
        if request.query["saved"] == "1" { model.notice = "Het jaarplan is opgeslagen." }
        if request.query["saved"] == "geopend" { model.notice = "Het jaarplan is geopend. Vul het in en dien het in bij de projectleider." }
        if request.query["ingediend"] == "1" { model.notice = "Het jaarplan is ingediend bij de projectleider." }
        if request.query["ingediend"] == "verantwoording" { model.notice = "De verantwoording is ingediend bij de projectleider." }
        let moment = YearPlan.Moment(rawValue: request.query[YearPlan.Moment.field] ?? "") ?? .jaarplan
        let noun = moment.noun.prefix(1).uppercased() + moment.noun.dropFirst()
        if request.query["beoordeeld"] == "goedgekeurd" { model.notice = "\(noun) is goedgekeurd." }
        if request.query["beoordeeld"] == "teruggestuurd" { model.notice = "\(noun) is teruggestuurd naar de directeur." }
        if request.query["heropend"] == "1" { model.notice = "\(noun) is heropend en gaat terug naar de directeur." }
        return page(PlanPage.render(context: user.page, model: model))
    }

    func savePlan(id: Int64) throws -> Response {
        var model = try planModel(id: id, .write)
        let plan = model.plan
        guard model.isEditable(.jaarplan) || model.isEditable(.verantwoording) else {
            // Refused, not silently ignored: the page says why the plan cannot be changed.
            model.notice = "Er is niets opgeslagen."
            return page(PlanPage.render(context: user.page, model: model), status: 403)
        }
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        let wantsSubmit = YearPlan.FormAction(rawValue: values[YearPlan.FormAction.field] ?? "")?.moment
        var form = PlanForm(values, results: model.results, funding: model.funding, staffing: model.staffing, today: today())
        // A part that cannot be edited (submitted, approved, not yet open) keeps what is stored.
        for moment in YearPlan.Moment.allCases where !model.isEditable(moment) {
            form.content = form.content.keeping(moment, from: plan.content)
        }
        guard form.errors.isEmpty else {
            model.values = form.raw
            model.errors = form.errors
            return page(PlanPage.render(context: user.page, model: model), status: 422)
        }
        var submitting: YearPlan.Moment? = nil
        if let moment = wantsSubmit, model.isEditable(moment), YearPlanRules.canSubmit(moment, plan: plan),
           YearPlanRules.missing(moment, content: form.content, results: model.results, funding: model.funding).isEmpty {
            submitting = moment
        }
        let note = form.noteDay.flatMap { day in form.noteText.isEmpty ? nil : (day: day, text: form.noteText) }
        let submitted: Bool
        do {
            submitted = try YearPlans.save(plan, expected: expected, content: form.content, note: note, submitting: submitting,
                                           mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path), by: principal.userID, in: store)
            app.mailSignal.signal()
        } catch let error as StorageFailure {
            model.values = form.raw
            return storageFailure(error) { [model, user] errors in
                var shown = model
                shown.errors = errors
                return PlanPage.render(context: user.page, model: shown)
            }
        }
        if submitted {
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + (submitting == .verantwoording ? "?ingediend=verantwoording" : "?ingediend=1"))
        }
        if let moment = wantsSubmit {
            // Saved, but not submitted: say what is missing instead of failing silently.
            var refused = try planModel(id: id, .read)
            refused.submitRefused = moment
            return page(PlanPage.render(context: user.page, model: refused), status: 422)
        }
        return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?saved=1")
    }
}
