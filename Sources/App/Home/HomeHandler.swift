import Domain
import HTTP
import Store
import Views

/// The start page (GET /): per role what needs attention, the own IKC, or the reports.
struct HomeHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ verb: Verb) throws -> Response {
        switch verb {
        case .show: return try showHome()
        case .save: throw AppError.methodNotAllowed(allowed: Route.home.methods)
        }
    }

    func showHome() throws -> Response {
        let programme = try programme()
        let today = today()
        let year = programme.year(containing: today)
        let principal = principal
        let summary = try store.read { c -> HomePage.Summary in
            var summary = HomePage.Summary(ikcCount: try IKCs.count(c), plusCount: try IKCs.countPlus(c), currentYear: year)
            let rows = try IKCs.overview(IKCs.Filter(), c)
            let reminders: [PlanReminders.Item]
            switch principal.role {
            case .projectleider:
                summary.agreementsInConcept = rows.compactMap { row in
                    // An amendment waits apart from the version in force it would replace.
                    if let pending = row.pendingAmendment { return (row.id, row.name + " – " + pending.label, pending.status) }
                    guard let status = row.agreementStatus, status == .concept || status == .terOndertekening else { return nil }
                    return (row.id, row.name, status)
                }
                summary.predicatesDue = rows.compactMap { row in
                    guard let due = row.predicate?.dueDate(today: today, programme: programme) else { return nil }
                    return (row.id, row.name, due < today ? "\(due.dutch) (verstreken)" : due.dutch)
                }
                summary.plusReassessmentsDue = try IKCs.reassessmentsDue(c)
                summary.submittedPlans = try IKCs.submittedPlans(c).map { ($0.planID, $0.name, $0.year) }
                summary.submittedAccounts = try Home.submittedAccounts(c)
                summary.areasOverdue = try Areas.all(c).filter { $0.reassessmentOverdue(today: today, years: programme.areaReassessmentYears) }
                    .map { ($0.id, $0.name) }
                summary.overCommitted = try FundingSources.overCommitted(c).flatMap { source in
                    source.years.map { (source.sourceID, source.name, $0.year, $0.cents) }
                }
                summary.undecidedBudgets = try FundingSources.undecidedBudgets(c)
                summary.overCapacity = try StaffingCapacity.overCapacity(c)
                reminders = try PlanReminders.open(ikcIDs: nil, today: today, c)
            case .directeur:
                let own = Set(principal.ikcIDs)
                summary.ownIKCs = try rows.filter { own.contains($0.id) }.map { ($0.id, $0.name, try IKCs.planStatus(ikcID: $0.id, year: year, c)) }
                for ikc in summary.ownIKCs {
                    summary.earlierPlans += try IKCs.openPlans(ikcID: ikc.id, before: year, c).map { (ikc.id, $0.planID, $0.year, $0.status) }
                }
                reminders = try PlanReminders.forDirector(ikcIDs: principal.ikcIDs, today: today, c)
            case .partner:
                // The agreements of its organisation that wait for signatures.
                let own = Set(principal.ikcIDs)
                summary.agreementsInConcept = rows.compactMap { row in
                    guard own.contains(row.id) else { return nil }
                    if let pending = row.pendingAmendment, pending.status == .terOndertekening {
                        return (row.id, row.name + " – " + pending.label, pending.status)
                    }
                    guard let status = row.agreementStatus, status == .terOndertekening else { return nil }
                    return (row.id, row.name, status)
                }
                reminders = []
            case .ontwikkelgroep:
                summary.reports = try Home.publishedReports(c).map { ($0.id, programme.yearLabel($0.year), $0.edition) }
                reminders = []
            }
            // Jaarplan and verantwoording deadlines: due within 21 days, or late (issues 9 and 16).
            summary.planReminders = reminders
            return summary
        }
        return page(HomePage.render(context: user.page, summary: summary))
    }
}
