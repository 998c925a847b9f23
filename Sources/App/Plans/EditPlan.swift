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
        if request.query["gecorrigeerd"] == "1" { model.notice = "\(noun) is gecorrigeerd en opnieuw goedgekeurd." }
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
        let action = YearPlan.FormAction(rawValue: values[YearPlan.FormAction.field] ?? "")
        let wantsSubmit = action?.moment
        if action?.correcting != nil, principal.role != .projectleider { throw AppError.forbidden }
        if let moment = action?.correcting, !YearPlanRules.canApproveCorrection(moment, plan: plan, role: principal.role) {
            // A refusal because of the state says which state and what to do, not "somebody else was first".
            throw AppError.notEditable(detail: YearPlanRules.stateRefusal(moment, status: plan.state(moment).status, action: "gecorrigeerd en opnieuw goedgekeurd"))
        }
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
        var approving: YearPlan.Moment? = nil
        if let moment = action?.correcting,
           YearPlanRules.missing(moment, content: form.content, results: model.results, funding: model.funding).isEmpty {
            approving = moment
        }
        let corrected = YearPlanRules.corrected(plan: plan, content: form.content, role: principal.role)
        let note = form.noteDay.flatMap { day in form.noteText.isEmpty ? nil : (day: day, text: form.noteText) }
        let submitted: Bool
        do {
            submitted = try YearPlans.save(plan, expected: expected, content: form.content, note: note, submitting: submitting,
                                           corrected: corrected, approving: approving,
                                           mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path), by: principal.userID, in: store)
            app.mailSignal.signal()
        } catch YearPlanError.notReturned(let moment, let status) {
            throw AppError.notEditable(detail: YearPlanRules.stateRefusal(moment, status: status, action: "gecorrigeerd en opnieuw goedgekeurd"))
        } catch let error as StorageFailure {
            model.values = form.raw
            return storageFailure(error) { [model, user] errors in
                var shown = model
                shown.errors = errors
                return PlanPage.render(context: user.page, model: shown)
            }
        }
        if let moment = approving {
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?gecorrigeerd=1&\(YearPlan.Moment.field)=\(moment.rawValue)")
        }
        if submitted {
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + (submitting == .verantwoording ? "?ingediend=verantwoording" : "?ingediend=1"))
        }
        if let moment = wantsSubmit ?? action?.correcting {
            // Saved, but not submitted: say what is missing instead of failing silently.
            var refused = try planModel(id: id, .read)
            refused.submitRefused = moment
            return page(PlanPage.render(context: user.page, model: refused), status: 422)
        }
        return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?saved=1")
    }
}
