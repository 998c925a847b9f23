import Domain
import HTTP
import Store
import Views

/// The project leader's review of a submitted plan: approve, or return it with a reason.
extension PlansHandler {
    func saveReview(id: Int64) throws -> Response {
        let plan = try loadPlan(id: id, .review)
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        guard plan.status == .ingediend else {
            throw AppError.conflict(detail: "Dit jaarplan is niet (meer) ingediend; alleen een ingediend plan kan worden beoordeeld.")
        }
        let decision = YearPlan.ReviewDecision(rawValue: values[YearPlan.ReviewDecision.field] ?? "")
        let reason = (values["reason"] ?? "").trimmingWhitespace()
        switch decision {
        case .approve:
            try YearPlans.approve(plan, expected: expected, mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path),
                                  by: principal.userID, in: store)
            app.mailSignal.signal()
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?beoordeeld=goedgekeurd")
        case .giveBack:
            var errors = ValidationErrors()
            Check.required(reason, "reason", "de reden van terugsturen", into: &errors)
            Check.maxLength(reason, YearPlanRules.maxTextLength, "reason", "de reden", multiLine: true, into: &errors)
            guard errors.isEmpty else {
                var model = try planModel(id: id, .review)
                model.reviewErrors = errors
                model.reviewReason = reason
                return page(PlanPage.render(context: user.page, model: model), status: 422)
            }
            try YearPlans.giveBack(plan, expected: expected, reason: reason, mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path),
                                   by: principal.userID, in: store)
            app.mailSignal.signal()
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?beoordeeld=teruggestuurd")
        case nil:
            throw AppError.badRequest("Kies goedkeuren of terugsturen.")
        }
    }
}
