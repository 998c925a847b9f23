import Domain
import HTTP
import Store
import Views

/// Year plans, the PDCA cycle (issue 9): the list, opening a plan, the plan page with save and
/// submit, review, and the submission deadlines.
struct PlansHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: PlanRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.approveMany, .save): return try saveApproveMany()
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.plan(let id), .show): return try showPlan(id: id)
        case (.plan(let id), .save): return try savePlan(id: id)
        case (.review(let id), .save): return try saveReview(id: id)
        case (.reopen(let id), .save): return try saveReopen(id: id)
        case (.deadlines, .show): return try showDeadlines()
        case (.deadlines, .save): return try saveDeadlines()
        case (.index, .save), (.approveMany, .show), (.review, .show), (.reopen, .show):
            throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    /// The day of a stored moment (ISO-8601 UTC text).
    static func day(fromMoment iso: String?) -> Day? {
        iso.flatMap { Day(iso: String($0.prefix(10))) }
    }

    /// Loads a plan and checks that the principal may `action` it (404, then 403).
    func loadPlan(id: Int64, _ action: Action) throws -> YearPlan {
        guard let plan = try store.read({ try YearPlans.find(id: id, $0) }) else { throw AppError.notFound }
        guard Authorization.allows(principal, action, .yearPlan, on: PlansHandler.subject(plan)) else { throw AppError.forbidden }
        return plan
    }
}
