import Domain
import HTTP
import Store
import Views

/// The submission deadline and grace days of each programme year.
extension PlansHandler {
    func showDeadlines() throws -> Response {
        let programme = try programme()
        let deadlines = try store.read { try PlanDeadlines.all($0) }
        let rows = programme.years.map { year in PlansHandler.row(year, deadlines.first { $0.year == year }) }
        let notice = request.query["saved"] == "1" ? "De inleverdata zijn opgeslagen." : nil
        return page(PlanFormsPage.deadlines(context: user.page, rows: rows, errors: ValidationErrors(), notice: notice))
    }

    static func row(_ year: Int, _ deadline: PlanDeadline?) -> PlanFormsPage.DeadlineRow {
        PlanFormsPage.DeadlineRow(year: year, dueOn: deadline?.dueOn.iso ?? "", graceDays: deadline.map { String($0.graceDays) } ?? "",
                                  accountDueOn: deadline?.accountDueOn?.iso ?? "",
                                  accountGraceDays: deadline.flatMap { $0.accountDueOn == nil ? nil : String($0.accountGraceDays) } ?? "")
    }

    /// Saves the jaarplan's and the verantwoording's deadline and grace days per year. A date
    /// that is not a date, or lies outside its year (the jaarplan's in the year itself, the
    /// verantwoording's in the year after), is refused with the typed value kept.
    func saveDeadlines() throws -> Response {
        let programme = try programme()
        let deadlines = try store.read { try PlanDeadlines.all($0) }
        let values = request.formValues()
        var errors = ValidationErrors()
        var rows: [PlanFormsPage.DeadlineRow] = []
        var wanted: [(year: Int, deadline: PlanDeadline?)] = []
        // A year whose field is absent from the form is left as it is.
        for year in programme.years {
            guard values["due_\(year)"] != nil else {
                rows.append(PlansHandler.row(year, deadlines.first { $0.year == year }))
                continue
            }
            let text = { (name: String) in (values["\(name)_\(year)"] ?? "").trimmingWhitespace() }
            let row = PlanFormsPage.DeadlineRow(year: year, dueOn: text("due"), graceDays: text("grace"),
                                                accountDueOn: text("account_due"), accountGraceDays: text("account_grace"))
            rows.append(row)
            let label = programme.yearLabel(year)
            func day(_ name: String, _ typed: String, _ what: String, inYear wantedYear: Int) -> Day? {
                guard !typed.isEmpty else { return nil }
                guard let day = PlanForm.day(typed) else {
                    errors.add("\(name)_\(year)", "Vul de inleverdatum van \(what) \(label) in als dd-mm-jjjj.")
                    return nil
                }
                guard programme.year(containing: day) == wantedYear else {
                    errors.add("\(name)_\(year)", "De inleverdatum van \(what) \(label) moet in \(programme.yearLabel(wantedYear)) liggen.")
                    return nil
                }
                return day
            }
            func grace(_ name: String, _ typed: String, _ what: String) -> Int? {
                let number: Int? = typed.isEmpty ? 0 : Int(typed)
                guard let number, (0...365).contains(number) else {
                    errors.add("\(name)_\(year)", "Vul voor \(what) \(label) een uitloop van 0 tot 365 dagen in.")
                    return nil
                }
                return number
            }
            let due = day("due", row.dueOn, "het jaarplan", inYear: year)
            let graceDays = grace("grace", row.graceDays, "het jaarplan")
            let accountDue = day("account_due", row.accountDueOn, "de verantwoording", inYear: year + 1)
            let accountGrace = grace("account_grace", row.accountGraceDays, "de verantwoording")
            if row.dueOn.isEmpty {
                wanted.append((year, nil))
            } else if let due, let graceDays, let accountGrace {
                wanted.append((year, PlanDeadline(year: year, dueOn: due, graceDays: graceDays, accountDueOn: accountDue, accountGraceDays: accountGrace)))
            }
        }
        guard errors.isEmpty else {
            return page(PlanFormsPage.deadlines(context: user.page, rows: rows, errors: errors, notice: nil), status: 422)
        }
        try PlanDeadlines.change(wanted, by: principal.userID, in: store)
        return Response.redirect(to: Route.plans(.deadlines).path + "?saved=1")
    }
}
