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
            guard var plan = try YearPlans.find(id: id, c) else { return nil }
            guard Authorization.allows(principal, action, .yearPlan, on: PlansHandler.subject(plan)) else { return (plan, nil) }
            plan = PlansHandler.shown(plan, to: principal)
            let versionID = plan.agreementVersionID
            let results = try versionID.map { try YearPlans.results(versionID: $0, year: plan.year, ikcID: plan.ikcID, c) } ?? []
            let funding = try YearPlans.funding(versionID: versionID, year: plan.year, c)
            let staffing = try YearPlans.staffing(versionID: versionID, year: plan.year, c)
            let number = try versionID.flatMap { try YearPlans.agreement(ofVersion: $0, c)?.number }
            var carryOver: [PlanPage.CarryOver] = []
            var previousAct: String? = nil
            if let previousID = try YearPlans.id(ikcID: plan.ikcID, year: plan.year - 1, c),
               let previous = try YearPlans.find(id: previousID, c).map({ PlansHandler.shown($0, to: principal) }),
               let previousVersion = previous.agreementVersionID {
                let earlier = try YearPlans.results(versionID: previousVersion, year: previous.year, ikcID: previous.ikcID, c)
                for result in earlier where result.status(previous.content.measurements[result.id]) == .behind {
                    carryOver.append(PlanPage.CarryOver(result: result, measurement: previous.content.measurements[result.id]))
                }
                previousAct = previous.content.actChanges
            }
            let deadline = try PlanDeadlines.find(year: plan.year, c)
            var parts: [PlanPage.Part] = []
            let steeringGroup = try ProgrammeSettings.programme(c).steeringGroup
            for moment in YearPlan.Moment.allCases {
                let state = plan.state(moment)
                let editability = YearPlanRules.editability(moment, plan: plan, role: principal.role, steeringGroup: steeringGroup)
                var changes: [PlanChange]? = nil
                if state.status == .ingediend, let snapshot = YearPlans.snapshot(fromJSON: state.reviewedSnapshot) {
                    changes = PlanDiff.changes(from: snapshot.filter { YearPlanContent.moment(ofKey: $0.key) == moment },
                                               to: plan.content.flattened(moment))
                }
                let due = deadline?.moment(moment)
                parts.append(PlanPage.Part(
                    moment: moment, state: state, editability: editability,
                    missing: YearPlanRules.missing(moment, content: plan.content, results: results, funding: funding),
                    canSubmit: editability.isEditable && YearPlanRules.canSubmit(moment, plan: plan),
                    canReview: YearPlanRules.canReview(state.status) && Authorization.allows(principal, .review, .yearPlan),
                    canReopen: YearPlanRules.canReopen(state.status) && Authorization.allows(principal, .review, .yearPlan),
                    changes: changes, dueOn: due?.dueOn, lastDay: due?.lastDay,
                    late: due?.isLate(status: state.status, submittedOn: PlansHandler.day(fromMoment: state.submittedAt), today: today) ?? false))
                parts[parts.count - 1].canCorrect = editability.isEditable && YearPlanRules.canApproveCorrection(moment, plan: plan, role: principal.role)
            }
            let jaarplan = parts[0]
            var model = PlanPage.Model(
                plan: plan, agreementNumber: number, results: results, funding: funding, staffing: staffing,
                notes: try YearPlans.notes(planID: plan.id, c), carryOver: carryOver, previousActChanges: carryOver.isEmpty ? nil : previousAct,
                missing: jaarplan.missing, editability: jaarplan.editability, canSubmit: jaarplan.canSubmit, canReview: jaarplan.canReview,
                changes: jaarplan.changes, deadline: deadline, late: jaarplan.late)
            model.parts = parts
            model.promises = try Agreements.promisesKept(Agreements.PromiseFilter(ikcID: plan.ikcID, year: plan.year), c)
            return (plan, model)
        }
        guard let (_, model) = loaded else { throw AppError.notFound }
        guard let model else { throw AppError.forbidden }
        return model
    }

    /// What a record-level check knows of a plan: its IKC, and whether its jaarplan is approved.
    static func subject(_ plan: YearPlan) -> Authorization.Subject {
        Authorization.Subject(ikcID: plan.ikcID, isApproved: plan.status == .goedgekeurd)
    }

    /// The plan as `principal` may see it: a partner reads approved figures only, so a
    /// verantwoording that is not approved shows as not yet filled in.
    static func shown(_ plan: YearPlan, to principal: Principal) -> YearPlan {
        guard principal.role == .partner, plan.account.status != .goedgekeurd else { return plan }
        var shown = plan
        shown.content = plan.content.keeping(.verantwoording, from: YearPlanContent())
        return shown
    }
}
