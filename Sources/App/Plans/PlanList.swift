import Domain
import HTTP
import Store
import Views

/// The plans of a year (or a director's own plans), and approving several submitted plans at once.
extension PlansHandler {
    func showList(error: String? = nil, status: Int = 200) throws -> Response {
        let today = self.today()
        let principal = self.principal
        let programme = try programme()
        let current = min(max(programme.year(containing: today), programme.firstYear), programme.lastYear)
        let isDirector = principal.role == .directeur
        // A partner sees the approved plans of its organisation's IKCs, like a director its own.
        let isPartner = principal.role == .partner
        var year: Int? = nil
        if !isDirector && !isPartner {
            let asked = request.query["jaar"].flatMap { Int($0) }
            year = asked.map { programme.years.contains($0) ? $0 : current } ?? current
        }
        let (deadlines, rows, reminders) = try store.read { c -> ([PlanDeadline], [YearPlans.ListRow], [PlanReminders.Item]) in
            let deadlines = try PlanDeadlines.all(c)
            guard isDirector || isPartner else { return (deadlines, try YearPlans.overview(year: year ?? current, c), []) }
            var all: [YearPlans.ListRow] = []
            for y in programme.years.reversed() where y <= current + 1 {
                all += try YearPlans.overview(year: y, ikcIDs: principal.ikcIDs, c).filter {
                    isPartner ? $0.status == .goedgekeurd : ($0.planID != nil || $0.hasAgreementInForce)
                }
            }
            guard isDirector else { return (deadlines, all, []) }
            return (deadlines, all, try PlanReminders.forDirector(ikcIDs: principal.ikcIDs, today: today, c))
        }
        let viewRows = rows.map { row -> PlanListPage.Row in
            let submitted = PlansHandler.day(fromMoment: row.submittedAt)
            let deadline = deadlines.first { $0.year == row.year }
            let expected = row.planID != nil || row.hasAgreementInForce
            let late = expected && (deadline?.isLate(status: row.status, submittedOn: submitted, today: today) ?? false)
            return PlanListPage.Row(ikcID: row.ikcID, ikcName: row.ikcName, year: row.year, planID: row.planID, status: row.status,
                                    submittedOn: submitted, lockVersion: row.lockVersion, canOpen: row.hasAgreementInForce, late: late)
        }
        var notice: String? = nil
        if let count = request.query["goedgekeurd"].flatMap({ Int($0) }) {
            notice = count == 1 ? "Eén jaarplan is goedgekeurd." : "\(count) jaarplannen zijn goedgekeurd."
        }
        var model = PlanListPage.Model(year: year, years: Array(programme.years), rows: viewRows,
                                       deadline: deadlines.first { $0.year == (year ?? current) },
                                       canReview: allows(.review, .yearPlan), canWrite: allows(.write, .yearPlan), notice: notice, error: error)
        if isDirector { model.reminders = reminders }
        return page(PlanListPage.render(context: user.page, model: model), status: status)
    }

    /// Approves every ticked submitted plan in one transaction; a plan that changed since the
    /// list was loaded makes the whole batch a 409, so nothing is approved unseen.
    func saveApproveMany() throws -> Response {
        var picks: [(id: Int64, version: Int64)] = []
        for value in request.formValues().all("plans") {
            let parts = value.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[0]), let version = Int64(parts[1]) else { throw AppError.badRequest("Onbekend jaarplan in de keuze.") }
            picks.append((id, version))
        }
        guard !picks.isEmpty else {
            return try showList(error: "Vink minstens één ingediend jaarplan aan om goed te keuren.", status: 422)
        }
        let year: Int
        do {
            year = try YearPlans.approve(picks: picks, mailLink: { [app] in app.absoluteURL(Route.plans(.plan($0)).path) },
                                         by: principal.userID, in: store)
            app.mailSignal.signal()
        } catch YearPlanError.notSubmitted(let year, let ikcName) {
            throw AppError.conflict(detail: "Het jaarplan \(year) van \(ikcName) is niet (meer) ingediend. Er is niets goedgekeurd.")
        }
        return Response.redirect(to: Route.plans(.index).path + "?jaar=\(year)&goedgekeurd=\(picks.count)")
    }
}
