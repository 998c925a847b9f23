import Domain
import Foundation
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handlePlans(_ route: PlanRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        switch route {
        case .index: return try getPlans(request, context, principal)
        case .new: return isPost ? try postPlanNew(request, context, principal) : try getPlanNew(request, context, principal)
        case .approveMany: return try postApproveMany(request, context, principal)
        case .deadlines: return isPost ? try postDeadlines(request, context) : try getDeadlines(request, context)
        case .plan(let id): return isPost ? try postPlan(id: id, request, context, principal) : try getPlan(id: id, request, context, principal)
        case .review(let id): return try postReview(id: id, request, context, principal)
        }
    }

    // `today()` (RegistryHandlers.swift, from AppConfiguration.today) gives the date plans compare with deadlines.

    static func day(fromMoment iso: String?) -> Day? {
        iso.flatMap { Day(iso: String($0.prefix(10))) }
    }

    /// The plan reminders for the home page (hook for getHome): a director's own IKCs from 21
    /// days before the deadline; for a project leader every late or missing plan; none otherwise.
    /// Render with `PlanReminderSection.render(context:items:)`.
    func planReminderItems(_ principal: Principal, today: Day) throws -> [PlanReminderSection.Item] {
        let items: [PlanReminders.Item]
        switch principal.role {
        case .directeur: items = try database.read { try PlanReminders.forDirector(ikcIDs: principal.ikcIDs, today: today, $0) }
        case .projectleider: items = try database.read { try PlanReminders.late(today: today, $0) }
        case .ontwikkelgroep: items = []
        }
        return items.map {
            PlanReminderSection.Item(ikcName: $0.ikcName, year: $0.year, planID: $0.planID, ikcID: $0.ikcID, deadline: $0.deadline, reminder: $0.reminder)
        }
    }

    // MARK: - The list

    func getPlans(_ request: Request, _ context: Context, _ principal: Principal, error: String? = nil, status: Int = 200) throws -> Response {
        let today = self.today()
        let (programme, deadlines) = try database.read { c in (try ProgrammeSettings.programme(c), try PlanDeadlines.all(c)) }
        let current = min(max(programme.year(containing: today), programme.firstYear), programme.lastYear)
        let isDirector = principal.role == .directeur
        var year: Int? = nil
        var rows: [YearPlans.ListRow] = []
        if isDirector {
            rows = try database.read { c in
                var all: [YearPlans.ListRow] = []
                for y in programme.years.reversed() where y <= current + 1 {
                    all += try YearPlans.overview(year: y, ikcIDs: principal.ikcIDs, c).filter { $0.planID != nil || $0.hasAgreementInForce }
                }
                return all
            }
        } else {
            let asked = request.query["jaar"].flatMap { Int($0) }
            let chosen = asked.map { programme.years.contains($0) ? $0 : current } ?? current
            year = chosen
            rows = try database.read { try YearPlans.overview(year: chosen, $0) }
        }
        let viewRows = rows.map { row -> PlanListPage.Row in
            let submitted = Application.day(fromMoment: row.submittedAt)
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
                                       canReview: Authorization.allows(principal, .review, .yearPlan),
                                       canWrite: Authorization.allows(principal, .write, .yearPlan), notice: notice, error: error)
        if isDirector { model.reminders = try planReminderItems(principal, today: today) }
        return page(PlanListPage.render(context: context.page, model: model), status: status)
    }

    /// Approves every ticked submitted plan in one transaction; a plan that changed since the
    /// list was loaded makes the whole batch a 409, so nothing is approved unseen.
    func postApproveMany(_ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        var picks: [(id: Int64, version: Int64)] = []
        for value in request.formValues().all("plans") {
            let parts = value.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[0]), let version = Int64(parts[1]) else { throw AppError.badRequest("Onbekend jaarplan in de keuze.") }
            picks.append((id, version))
        }
        guard !picks.isEmpty else {
            return try getPlans(request, context, principal, error: "Vink minstens één ingediend jaarplan aan om goed te keuren.", status: 422)
        }
        let year = try database.write { c -> Int in
            var year = 0
            for pick in picks {
                guard let plan = try YearPlans.find(id: pick.id, c) else { throw StoreError.notFound(record: "year_plan", id: pick.id) }
                guard plan.status == .ingediend else {
                    throw AppError.conflict(detail: "Het jaarplan \(plan.year) van \(plan.ikcName) is niet (meer) ingediend. Er is niets goedgekeurd.")
                }
                try YearPlans.approve(id: plan.id, expectedVersion: pick.version, reviewerID: principal.userID, c)
                try AuditLog.record(userID: principal.userID, action: "approve", recordType: "year_plan", recordID: plan.id,
                                    summary: "Jaarplan \(plan.year) van \(plan.ikcName) goedgekeurd (vanuit de lijst)",
                                    oldValues: AuditLog.json([("status", plan.status.rawValue)]),
                                    newValues: AuditLog.json([("status", YearPlan.Status.goedgekeurd.rawValue)]), c)
                year = plan.year
            }
            return year
        }
        return Response.redirect(to: Route.plans(.index).path + "?jaar=\(year)&goedgekeurd=\(picks.count)")
    }

    // MARK: - Opening a plan

    func openableIKCs(_ principal: Principal) throws -> [(id: Int64, name: String)] {
        let all = try database.read { try IKCs.names($0) }
        return all.filter { Authorization.allows(principal, .write, .yearPlan, ikcID: $0.id) }
    }

    func getPlanNew(_ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        return page(PlanFormsPage.new(context: context.page, ikcs: try openableIKCs(principal), years: Array(programme.years),
                                      ikc: request.query["ikc"] ?? "", year: request.query["jaar"] ?? "", errors: ValidationErrors()))
    }

    func postPlanNew(_ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        let values = request.formValues()
        let ikcText = values["ikc"] ?? "", yearText = values["year"] ?? ""
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        var errors = ValidationErrors()
        let ikcID = Int64(ikcText)
        let ikc = try ikcID.flatMap { id in try database.read { try IKCs.find(id: id, $0) } }
        if ikc == nil { errors.add("ikc", "Kies een IKC.") }
        // Ownership is checked after loading: a director opens plans for the own IKC only.
        if let ikc, !Authorization.allows(principal, .write, .yearPlan, ikcID: ikc.id) { throw AppError.forbidden }
        let year = Int(yearText).flatMap { programme.years.contains($0) ? $0 : nil }
        if year == nil { errors.add("year", "Kies een jaar van het programma.") }
        var version: YearPlans.VersionInForce? = nil
        if let ikc, let year {
            if let existing = try database.read({ try YearPlans.id(ikcID: ikc.id, year: year, $0) }) {
                return Response.redirect(to: Route.plans(.plan(existing)).path)
            }
            version = try database.read { try YearPlans.versionInForce(ikcID: ikc.id, year: year, $0) }
            if version == nil {
                errors.add("year", "Voor \(ikc.name) is er in \(programme.yearLabel(year)) geen vastgestelde resultaatafspraak; een jaarplan begint vanuit die afspraak.")
            }
        }
        guard errors.isEmpty, let ikc, let year, let version else {
            return page(PlanFormsPage.new(context: context.page, ikcs: try openableIKCs(principal), years: Array(programme.years),
                                          ikc: ikcText, year: yearText, errors: errors), status: 422)
        }
        let id = try database.write { c -> Int64 in
            let id = try YearPlans.open(ikcID: ikc.id, year: year, versionID: version.versionID, c)
            try AuditLog.record(userID: principal.userID, action: "create", recordType: "year_plan", recordID: id,
                                summary: "Jaarplan \(programme.yearLabel(year)) van \(ikc.name) geopend vanuit afspraakversie \(version.number)",
                                newValues: AuditLog.json([("ikc", String(ikc.id)), ("year", String(year)),
                                                          ("agreement_version", String(version.versionID)), ("status", "concept")]), c)
            return id
        }
        return Response.redirect(to: Route.plans(.plan(id)).path)
    }

    // MARK: - The plan page

    /// Everything the plan page shows, read in one snapshot.
    func planModel(_ plan: YearPlan, _ principal: Principal) throws -> PlanPage.Model {
        let today = self.today()
        return try database.read { c in
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
            let late = deadline?.isLate(status: plan.status, submittedOn: Application.day(fromMoment: plan.submittedAt), today: today) ?? false
            var changes: [PlanChange]? = nil
            if plan.status == .ingediend, let snapshot = YearPlans.snapshot(fromJSON: plan.reviewedSnapshot) {
                changes = PlanDiff.changes(from: snapshot, to: plan.content.flattened)
            }
            let editability = YearPlanRules.editability(status: plan.status, role: principal.role)
            return PlanPage.Model(
                plan: plan, agreementNumber: number, results: results, funding: funding, staffing: staffing,
                notes: try YearPlans.notes(planID: plan.id, c), carryOver: carryOver, previousActChanges: carryOver.isEmpty ? nil : previousAct,
                missing: YearPlanRules.missing(content: plan.content, results: results, funding: funding),
                editability: editability, canSubmit: editability.isEditable && YearPlanRules.canSubmit(plan.status),
                canReview: YearPlanRules.canReview(plan.status) && Authorization.allows(principal, .review, .yearPlan),
                changes: changes, deadline: deadline, late: late)
        }
    }

    /// Loads a plan and checks that the principal may `action` it (404, then 403).
    func loadPlan(id: Int64, _ principal: Principal, _ action: Action) throws -> YearPlan {
        guard let plan = try database.read({ try YearPlans.find(id: id, $0) }) else { throw AppError.notFound }
        guard Authorization.allows(principal, action, .yearPlan, ikcID: plan.ikcID) else { throw AppError.forbidden }
        return plan
    }

    func getPlan(id: Int64, _ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        let plan = try loadPlan(id: id, principal, .read)
        var model = try planModel(plan, principal)
        if request.query["saved"] == "1" { model.notice = "Het jaarplan is opgeslagen." }
        if request.query["ingediend"] == "1" { model.notice = "Het jaarplan is ingediend bij de projectleider." }
        if request.query["beoordeeld"] == "goedgekeurd" { model.notice = "Het jaarplan is goedgekeurd." }
        if request.query["beoordeeld"] == "teruggestuurd" { model.notice = "Het jaarplan is teruggestuurd naar de directeur." }
        return page(PlanPage.render(context: context.page, model: model))
    }

    func postPlan(id: Int64, _ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        let plan = try loadPlan(id: id, principal, .write)
        var model = try planModel(plan, principal)
        guard model.editability.isEditable else {
            // Refused, not silently ignored: the page says why the plan cannot be changed.
            model.notice = "Er is niets opgeslagen."
            return page(PlanPage.render(context: context.page, model: model), status: 403)
        }
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        let wantsSubmit = values["action"] == "submit"
        let form = PlanForm(values, results: model.results, funding: model.funding, staffing: model.staffing, today: self.today())
        guard form.errors.isEmpty else {
            model.values = form.raw
            model.errors = form.errors
            return page(PlanPage.render(context: context.page, model: model), status: 422)
        }
        let missing = YearPlanRules.missing(content: form.content, results: model.results, funding: model.funding)
        let yearLabel = context.page.programme?.yearLabel(plan.year) ?? String(plan.year)
        let submitted: Bool
        do {
            submitted = try savePlan(plan, form, expected: expected, submit: wantsSubmit && missing.isEmpty, yearLabel: yearLabel, principal)
        } catch let error as SQLiteError where error.isStorageFailure {
            model.values = form.raw
            return storageFailureResponse(error, context) { [model] errors in
                var shown = model
                shown.errors = errors
                return PlanPage.render(context: context.page, model: shown)
            }
        }
        if submitted { return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?ingediend=1") }
        if wantsSubmit {
            // Saved, but not submitted: say what is missing instead of failing silently.
            let saved = try loadPlan(id: id, principal, .read)
            var refused = try planModel(saved, principal)
            refused.submitRefused = true
            return page(PlanPage.render(context: context.page, model: refused), status: 422)
        }
        return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?saved=1")
    }

    // MARK: - Review

    func postReview(id: Int64, _ request: Request, _ context: Context, _ principal: Principal) throws -> Response {
        let plan = try loadPlan(id: id, principal, .review)
        let values = request.formValues()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        guard plan.status == .ingediend else {
            throw AppError.conflict(detail: "Dit jaarplan is niet (meer) ingediend; alleen een ingediend plan kan worden beoordeeld.")
        }
        let decision = values["decision"] ?? ""
        let reason = (values["reason"] ?? "").trimmingWhitespace()
        let yearLabel = context.page.programme?.yearLabel(plan.year) ?? String(plan.year)
        switch decision {
        case "approve":
            try database.write { c in
                try YearPlans.approve(id: plan.id, expectedVersion: expected, reviewerID: principal.userID, c)
                try AuditLog.record(userID: principal.userID, action: "approve", recordType: "year_plan", recordID: plan.id,
                                    summary: "Jaarplan \(yearLabel) van \(plan.ikcName) goedgekeurd",
                                    oldValues: AuditLog.json([("status", plan.status.rawValue)]),
                                    newValues: AuditLog.json([("status", YearPlan.Status.goedgekeurd.rawValue)]), c)
            }
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?beoordeeld=goedgekeurd")
        case "return":
            var errors = ValidationErrors()
            Check.required(reason, "reason", "de reden van terugsturen", into: &errors)
            Check.maxLength(reason, YearPlanRules.maxTextLength, "reason", "de reden", multiLine: true, into: &errors)
            guard errors.isEmpty else {
                var model = try planModel(plan, principal)
                model.reviewErrors = errors
                model.reviewReason = reason
                return page(PlanPage.render(context: context.page, model: model), status: 422)
            }
            let snapshot = YearPlans.snapshotJSON(plan.content.flattened)
            try database.write { c in
                try YearPlans.giveBack(id: plan.id, expectedVersion: expected, reviewerID: principal.userID, reason: reason, snapshot: snapshot, c)
                try AuditLog.record(userID: principal.userID, action: "return", recordType: "year_plan", recordID: plan.id,
                                    summary: "Jaarplan \(yearLabel) van \(plan.ikcName) teruggestuurd: \(reason)",
                                    oldValues: AuditLog.json([("status", plan.status.rawValue), ("return_reason", plan.returnReason)]),
                                    newValues: AuditLog.json([("status", YearPlan.Status.teruggestuurd.rawValue), ("return_reason", reason)]), c)
            }
            return Response.redirect(to: Route.plans(.plan(plan.id)).path + "?beoordeeld=teruggestuurd")
        default:
            throw AppError.badRequest("Kies goedkeuren of terugsturen.")
        }
    }

    // MARK: - Deadlines

    func deadlineRows(_ programme: Programme, _ deadlines: [PlanDeadline]) -> [PlanFormsPage.DeadlineRow] {
        programme.years.map { year in
            let deadline = deadlines.first { $0.year == year }
            return PlanFormsPage.DeadlineRow(year: year, dueOn: deadline?.dueOn.iso ?? "", graceDays: deadline.map { String($0.graceDays) } ?? "")
        }
    }

    func getDeadlines(_ request: Request, _ context: Context) throws -> Response {
        let (programme, deadlines) = try database.read { c in (try ProgrammeSettings.programme(c), try PlanDeadlines.all(c)) }
        let notice = request.query["saved"] == "1" ? "De inleverdata zijn opgeslagen." : nil
        return page(PlanFormsPage.deadlines(context: context.page, rows: deadlineRows(programme, deadlines), errors: ValidationErrors(), notice: notice))
    }

    func postDeadlines(_ request: Request, _ context: Context) throws -> Response {
        let (programme, deadlines) = try database.read { c in (try ProgrammeSettings.programme(c), try PlanDeadlines.all(c)) }
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
            if let due, let grace { wanted.append((year, PlanDeadline(year: year, dueOn: due, graceDays: grace))) }
        }
        guard errors.isEmpty else {
            return page(PlanFormsPage.deadlines(context: context.page, rows: rows, errors: errors, notice: nil), status: 422)
        }
        let actor = context.principal?.userID
        try database.write { c in
            for (year, deadline) in wanted {
                let old = deadlines.first { $0.year == year }
                guard old != deadline else { continue }
                if let deadline {
                    try PlanDeadlines.set(year: year, dueOn: deadline.dueOn, graceDays: deadline.graceDays, c)
                } else {
                    try PlanDeadlines.remove(year: year, c)
                }
                let diff = AuditLog.diff([("due_on", old?.dueOn.iso, deadline?.dueOn.iso),
                                          ("grace_days", old.map { String($0.graceDays) }, deadline.map { String($0.graceDays) })])
                try AuditLog.record(userID: actor, action: "update", recordType: "plan_deadline", recordID: Int64(year),
                                    summary: "Inleverdatum jaarplannen \(programme.yearLabel(year)) gewijzigd",
                                    oldValues: diff?.old, newValues: diff?.new, c)
            }
        }
        return Response.redirect(to: Route.plans(.deadlines).path + "?saved=1")
    }
}
