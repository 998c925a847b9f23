import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    /// Today's date, for due and overdue checks (`AppConfiguration.today`).
    func today() -> Day { configuration.today() }

    func programme(_ context: Context) throws -> Programme {
        if let programme = context.page.programme { return programme }
        return try database.read { try ProgrammeSettings.programme($0) }
    }

    func canWrite(_ context: Context, _ record: RecordKind) -> Bool {
        context.principal.map { Authorization.allows($0, .write, record) } ?? false
    }

    static func savedNotice(_ request: Request) -> String? {
        switch request.query["saved"] {
        case "1": "De wijzigingen zijn opgeslagen."
        case "new": "Het gegeven is toegevoegd."
        case "import": "\(request.query["rows"] ?? "De") indicatoren zijn geïmporteerd."
        default: nil
        }
    }


    // MARK: - Home

    func getHome(_ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let programme = try programme(context)
        let today = self.today()
        let year = programme.year(containing: today)
        var summary = try database.read { c -> HomePage.Summary in
            var summary = HomePage.Summary(ikcCount: try IKCs.count(c), plusCount: try IKCs.countPlus(c), currentYear: year)
            let rows = try IKCs.overview(IKCs.Filter(), c)
            switch principal.role {
            case .projectleider:
                summary.agreementsInConcept = rows.compactMap { row in
                    guard let status = row.agreementStatus, status == "concept" || status == "ter_ondertekening" else { return nil }
                    return (row.id, row.name, status)
                }
                summary.predicatesDue = rows.compactMap { row in
                    guard let due = Application.predicateDue(row.predicate, programme: programme, today: today) else { return nil }
                    return (row.id, row.name, due < today ? "\(due.dutch) (verstreken)" : due.dutch)
                }
                summary.submittedPlans = try IKCs.submittedPlans(c).map { ($0.planID, $0.name, $0.year) }
                summary.areasOverdue = try Areas.all(c).filter { $0.reassessmentOverdue(today: today, years: programme.areaReassessmentYears) }
                    .map { ($0.id, $0.name) }
                summary.overCommitted = try FundingSources.overCommitted(c).flatMap { source in
                    source.years.map { (source.sourceID, source.name, $0.year, $0.cents) }
                }
            case .directeur:
                let own = Set(principal.ikcIDs)
                summary.ownIKCs = try rows.filter { own.contains($0.id) }.map { ($0.id, $0.name, try IKCs.planStatus(ikcID: $0.id, year: year, c)) }
                for ikc in summary.ownIKCs {
                    summary.earlierPlans += try IKCs.openPlans(ikcID: ikc.id, before: year, c).map { (ikc.id, $0.planID, $0.year, $0.status) }
                }
            case .ontwikkelgroep:
                summary.reports = try Reports.all(c).filter { $0.status == .published }
                    .map { ($0.id, programme.yearLabel($0.year), $0.edition) }
            }
            return summary
        }
        summary.planReminders = try PlansHandler.reminderItems(for: principal, today: today, in: store)  // year plan deadlines (issue 9)
        return page(HomePage.render(context: context.page, summary: summary))
    }

    /// The date that makes a predicate due (next re-assessment or term end, whichever comes
    /// first) when it falls within three months of today or has passed; nil otherwise.
    static func predicateDue(_ predicate: PlusPredicate?, programme: Programme, today: Day) -> Day? {
        guard let predicate, predicate.isDue(today: today, termYears: programme.plusTermYears, everyYears: programme.plusReassessmentYears) else { return nil }
        return min(predicate.nextReassessment(everyYears: programme.plusReassessmentYears), predicate.termEnds(termYears: programme.plusTermYears))
    }
}
