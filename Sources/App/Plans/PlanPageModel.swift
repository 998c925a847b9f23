import Domain
import HTTP
import Store
import Views

extension PlansHandler {
    /// The plan `id` with everything its page shows, read in one snapshot, once the principal
    /// may `action` it (404, then 403).
    func planModel(id: Int64, _ action: Action) throws -> PlanPage.Model {
        let today = self.today()
        let principal = self.principal
        let loaded = try store.read { c -> (YearPlan, PlanPage.Model?)? in
            guard let plan = try YearPlans.find(id: id, c) else { return nil }
            guard Authorization.allows(principal, action, .yearPlan, ikcID: plan.ikcID) else { return (plan, nil) }
            let versionID = plan.agreementVersionID
            let results = try versionID.map { try YearPlans.results(versionID: $0, year: plan.year, ikcID: plan.ikcID, c) } ?? []
            let funding = try YearPlans.funding(versionID: versionID, year: plan.year, c)
            let staffing = try YearPlans.staffing(versionID: versionID, year: plan.year, c)
            let number = try versionID.flatMap { try YearPlans.agreement(ofVersion: $0, c)?.number }
            var carryOver: [PlanPage.CarryOver] = []
            var previousAct: String? = nil
            if let previousID = try YearPlans.id(ikcID: plan.ikcID, year: plan.year - 1, c), let previous = try YearPlans.find(id: previousID, c),
               let previousVersion = previous.agreementVersionID {
                let earlier = try YearPlans.results(versionID: previousVersion, year: previous.year, ikcID: previous.ikcID, c)
                for result in earlier where result.status(previous.content.measurements[result.id]) == .behind {
                    carryOver.append(PlanPage.CarryOver(result: result, measurement: previous.content.measurements[result.id]))
                }
                previousAct = previous.content.actChanges
            }
            let deadline = try PlanDeadlines.find(year: plan.year, c)
            let late = deadline?.isLate(status: plan.status, submittedOn: PlansHandler.day(fromMoment: plan.submittedAt), today: today) ?? false
            var changes: [PlanChange]? = nil
            if plan.status == .ingediend, let snapshot = YearPlans.snapshot(fromJSON: plan.reviewedSnapshot) {
                changes = PlanDiff.changes(from: snapshot, to: plan.content.flattened)
            }
            let editability = YearPlanRules.editability(status: plan.status, role: principal.role)
            return (plan, PlanPage.Model(
                plan: plan, agreementNumber: number, results: results, funding: funding, staffing: staffing,
                notes: try YearPlans.notes(planID: plan.id, c), carryOver: carryOver, previousActChanges: carryOver.isEmpty ? nil : previousAct,
                missing: YearPlanRules.missing(content: plan.content, results: results, funding: funding),
                editability: editability, canSubmit: editability.isEditable && YearPlanRules.canSubmit(plan.status),
                canReview: YearPlanRules.canReview(plan.status) && Authorization.allows(principal, .review, .yearPlan),
                changes: changes, deadline: deadline, late: late))
        }
        guard let (_, model) = loaded else { throw AppError.notFound }
        guard let model else { throw AppError.forbidden }
        return model
    }
}
