import Domain
import HTTP
import Store
import Views

/// The project leader's review of a submitted jaarplan or verantwoording: approve, or return it
/// with a reason; and reopening an approved one, with a reason (issue 16).
extension PlansHandler {
    func saveReview(id: Int64) throws -> Response {
        let plan = try loadPlan(id: id, .review)
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        let moment = YearPlan.Moment(rawValue: values[YearPlan.Moment.field] ?? "") ?? .jaarplan
        let status = plan.state(moment).status
        guard YearPlanRules.canReview(status) else {
            throw AppError.notEditable(detail: YearPlanRules.stateRefusal(moment, status: status, action: "beoordeeld"))
        }
        let decision = YearPlan.ReviewDecision(rawValue: values[YearPlan.ReviewDecision.field] ?? "")
        let field = PlanPage.reviewReasonField(moment)
        let reason = (values[field] ?? "").trimmingWhitespace()
        let done = Route.plans(.plan(plan.id)).path + "?\(YearPlan.Moment.field)=\(moment.rawValue)&beoordeeld="
        switch decision {
        case .approve:
            try YearPlans.approve(plan, moment, expected: expected, mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path), by: principal.userID, in: store)
            app.mailSignal.signal()
            return Response.redirect(to: done + "goedgekeurd")
        case .giveBack:
            let errors = PlansHandler.reasonErrors(reason, field: field, purpose: "de reden van terugsturen")
            guard errors.isEmpty else {
                var model = try planModel(id: id, .review)
                model.reviewErrors = errors
                model.reviewReason = reason
                model.reviewMoment = moment
                return page(PlanPage.render(context: user.page, model: model), status: 422)
            }
            try YearPlans.giveBack(plan, moment, expected: expected, reason: reason, mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path), by: principal.userID, in: store)
            app.mailSignal.signal()
            return Response.redirect(to: done + "teruggestuurd")
        case nil:
            throw AppError.badRequest("Kies goedkeuren of terugsturen.")
        }
    }

    /// goedgekeurd → teruggestuurd with a required reason; only project leaders (the route's rule).
    func saveReopen(id: Int64) throws -> Response {
        let plan = try loadPlan(id: id, .review)
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        guard let moment = YearPlan.Moment(rawValue: values[YearPlan.Moment.field] ?? "") else {
            throw AppError.badRequest("Kies het jaarplan of de verantwoording.")
        }
        let status = plan.state(moment).status
        guard YearPlanRules.canReopen(status) else {
            throw AppError.notEditable(detail: YearPlanRules.stateRefusal(moment, status: status, action: "heropend"))
        }
        let field = PlanPage.reopenReasonField(moment)
        let reason = (values[field] ?? "").trimmingWhitespace()
        let errors = PlansHandler.reasonErrors(reason, field: field, purpose: "de reden van heropenen")
        guard errors.isEmpty else {
            var model = try planModel(id: id, .review)
            model.reopenErrors = errors
            model.reopenReason = reason
            model.reopenMoment = moment
            return page(PlanPage.render(context: user.page, model: model), status: 422)
        }
        try YearPlans.reopen(plan, moment, expected: expected, reason: reason, mailLink: app.absoluteURL(Route.plans(.plan(plan.id)).path), by: principal.userID, in: store)
        app.mailSignal.signal()
        return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?\(YearPlan.Moment.field)=\(moment.rawValue)&heropend=1")
    }
}

extension PlansHandler {
    /// A reviewer's reason (returning or reopening a moment): required, and no longer than a plan text.
    static func reasonErrors(_ reason: String, field: String, purpose: String) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(reason, field, purpose, into: &errors)
        Check.maxLength(reason, YearPlanRules.maxTextLength, field, "de reden", multiLine: true, into: &errors)
        return errors
    }
}
