import Domain
import HTTP
import Store
import Views

/// The submission deadline and grace days of each programme year.
extension PlansHandler {
    func showDeadlines() throws -> Response {
        let programme = try programme()
        let deadlines = try store.read { try PlanDeadlines.all($0) }
        let rows = programme.years.map { year in
            let deadline = deadlines.first { $0.year == year }
            return PlanFormsPage.DeadlineRow(year: year, dueOn: deadline?.dueOn.iso ?? "", graceDays: deadline.map { String($0.graceDays) } ?? "")
        }
        let notice = request.query["saved"] == "1" ? "De inleverdata zijn opgeslagen." : nil
        return page(PlanFormsPage.deadlines(context: user.page, rows: rows, errors: ValidationErrors(), notice: notice))
    }

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
                let existing = deadlines.first { $0.year == year }
                rows.append(PlanFormsPage.DeadlineRow(year: year, dueOn: existing?.dueOn.iso ?? "", graceDays: existing.map { String($0.graceDays) } ?? ""))
                continue
            }
            let dueText = (values["due_\(year)"] ?? "").trimmingWhitespace()
            let graceText = (values["grace_\(year)"] ?? "").trimmingWhitespace()
            rows.append(PlanFormsPage.DeadlineRow(year: year, dueOn: dueText, graceDays: graceText))
            if dueText.isEmpty {
                wanted.append((year, nil))
                continue
            }
            let due = PlanForm.day(dueText)
            if due == nil { errors.add("due_\(year)", "Vul de inleverdatum voor \(programme.yearLabel(year)) in als dd-mm-jjjj.") }
            let typed: Int? = graceText.isEmpty ? 0 : Int(graceText)
            let grace = typed.flatMap { (0...365).contains($0) ? $0 : nil }
            if grace == nil { errors.add("grace_\(year)", "Vul voor \(programme.yearLabel(year)) een uitloop van 0 tot 365 dagen in.") }
            let existing = deadlines.first { $0.year == year }
            if let due, let grace {
                wanted.append((year, PlanDeadline(year: year, dueOn: due, graceDays: grace, accountDueOn: existing?.accountDueOn,
                                                  accountGraceDays: existing?.accountGraceDays ?? 0)))
            }
        }
        guard errors.isEmpty else {
            return page(PlanFormsPage.deadlines(context: user.page, rows: rows, errors: errors, notice: nil), status: 422)
        }
        try PlanDeadlines.change(wanted, by: principal.userID, in: store)
        return Response.redirect(to: Route.plans(.deadlines).path + "?saved=1")
    }
}
