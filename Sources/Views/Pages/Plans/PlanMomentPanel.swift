import Domain
import Markup

/// One moment of the plan page (issue 16): the jaarplan (Plan and Do) or the verantwoording
/// (Check and Act), each with its own status, deadline, missing list, review and reopen.
extension PlanPage {
    public struct Part: Sendable {
        public var moment: YearPlan.Moment
        public var state: YearPlan.MomentState
        public var editability: YearPlanRules.Editability
        public var missing: [String]
        public var canSubmit: Bool
        public var canReview: Bool
        public var canReopen: Bool
        /// What changed since the moment was returned or reopened, when it is submitted again.
        public var changes: [PlanChange]?
        public var dueOn: Day?
        public var lastDay: Day?
        public var late: Bool
        /// A project leader may correct it directly and approve it again (it is with the director).
        public var canCorrect = false

        public init(moment: YearPlan.Moment, state: YearPlan.MomentState, editability: YearPlanRules.Editability, missing: [String],
                    canSubmit: Bool, canReview: Bool, canReopen: Bool, changes: [PlanChange]?, dueOn: Day?, lastDay: Day?, late: Bool) {
            self.moment = moment
            self.state = state
            self.editability = editability
            self.missing = missing
            self.canSubmit = canSubmit
            self.canReview = canReview
            self.canReopen = canReopen
            self.changes = changes
            self.dueOn = dueOn
            self.lastDay = lastDay
            self.late = late
        }
    }

    /// The review's reason field of a moment (`reason`, `account_reason`).
    public static func reviewReasonField(_ moment: YearPlan.Moment) -> String {
        moment == .jaarplan ? "reason" : "account_reason"
    }

    /// The reopen form's reason field of a moment.
    public static func reopenReasonField(_ moment: YearPlan.Moment) -> String {
        moment == .jaarplan ? "reopen_reason" : "account_reopen_reason"
    }

    static func anchor(_ moment: YearPlan.Moment) -> String { moment.rawValue }

    static func momentPanel(_ model: Model, _ part: Part, _ context: PageContext) -> HTML {
        let m = part.moment
        let due: HTML = part.dueOn.map { d in
            HTML("Inleverdatum \(d.dutch)\(part.lastDay.map { $0 != d ? " (uitloop tot en met \($0.dutch))" : "" } ?? "")")
        } ?? "Inleverdatum niet ingesteld"
        let submitted: HTML = part.state.submittedAt.map { HTML(" · ingediend op \(moment($0))") } ?? .empty
        return """
        <section class="plan-moment" id="\(anchor(m))" aria-labelledby="\(anchor(m))-title">
        <h2 id="\(anchor(m))-title">\(m.label) (\(m.parts))</h2>
        <p>\(PlanBadge.status(part.state.status)) · \(due)\(submitted)\(part.late ? HTML(" <span class=\"flag\">Te laat</span>") : HTML.empty)</p>
        \(momentNotes(part))
        \(part.canCorrect ? HTML("<p class=\"hint\">Als projectleider kunt u \(m.noun) ook zelf corrigeren en met ‘\(m.label) corrigeren en opnieuw goedkeuren’ meteen weer goedkeuren; het logboek noteert dat als correctie door de projectleider.</p>") : HTML.empty)
        \(momentMissing(model, part))
        \(momentReview(model, part, context))
        \(momentReopen(model, part, context))
        </section>
        """
    }

    static func momentNotes(_ part: Part) -> HTML {
        let state = part.state
        var out: HTML = .empty
        if !state.returnReason.isEmpty {
            let who = state.reviewerName.map { " door \($0)" } ?? ""
            let when = state.reviewedAt.map { " op \(moment($0))" } ?? ""
            let lead = state.status == .teruggestuurd ? "Teruggestuurd\(who)\(when). Reden:" : "Eerder teruggestuurd\(who). Reden:"
            out += "<div class=\"notice notice--returned\" role=\"status\"><p><strong>\(lead)</strong></p><p class=\"pre\">\(state.returnReason)</p></div>"
        }
        if state.status == .goedgekeurd {
            out += "<div class=\"notice\" role=\"status\">Goedgekeurd\(state.reviewerName.map { " door \($0)" } ?? "")\(state.reviewedAt.map { " op \(moment($0))" } ?? "").</div>"
        }
        if let reason = part.editability.reason {
            out += "<div class=\"notice notice--readonly\" role=\"note\"><p><strong>Waarom u \(part.moment.noun) niet kunt wijzigen:</strong> \(reason)</p></div>"
        }
        return out
    }

    static func momentMissing(_ model: Model, _ part: Part) -> HTML {
        guard part.canSubmit else { return .empty }
        let id = "\(anchor(part.moment))-missing"
        let button = "‘\(part.moment.label) opslaan en indienen’"
        if part.missing.isEmpty {
            return "<div class=\"plan-missing plan-missing--complete\"><h3 id=\"\(id)\">Klaar om in te dienen</h3><p>Alles is ingevuld. Met \(button) gaat \(part.moment.noun) naar de projectleider.</p></div>"
        }
        var items: [HTML] = []
        for item in part.missing { items.append("<li>\(item)</li>") }
        let lead: HTML = model.submitRefused == part.moment
            ? "<p role=\"alert\"><strong>\(part.moment.label) is niet ingediend.</strong> Uw wijzigingen zijn wel opgeslagen. Vul eerst het volgende in:</p>"
            : "<p>Opslaan kan altijd, ook als het nog niet af is. Om in te dienen moet dit nog worden ingevuld:</p>"
        return """
        <div class="plan-missing" id="nog-niet-ingevuld-\(anchor(part.moment))">
        <h3 id="\(id)">Nog niet ingevuld</h3>
        \(lead)
        <ul>\(items)</ul>
        </div>
        """
    }

    static func momentReview(_ model: Model, _ part: Part, _ context: PageContext) -> HTML {
        guard part.canReview else { return .empty }
        let plan = model.plan, m = part.moment
        var changes: HTML = .empty
        if let list = part.changes {
            if list.isEmpty {
                changes = "<p>Sinds het terugsturen is er niets gewijzigd.</p>"
            } else {
                var rows: [HTML] = []
                for change in list {
                    rows.append("<tr><th scope=\"row\">\(fieldLabel(change.key, model))</th><td class=\"pre\">\(displayValue(change.key, change.old, model))</td><td class=\"pre\">\(displayValue(change.key, change.new, model))</td></tr>")
                }
                changes = """
                <div class="table-scroll"><table class="data plan-changes">
                <caption>Gewijzigd sinds het terugsturen</caption>
                <thead><tr><th scope="col">Veld</th><th scope="col">Bij terugsturen</th><th scope="col">Nu</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
            }
        }
        let errors = model.reviewMoment == m ? model.reviewErrors : ValidationErrors()
        let reason = model.reviewMoment == m ? model.reviewReason : ""
        return """
        <div class="plan-review">
        <h3 id="\(anchor(m))-review">Beoordelen</h3>
        \(changes)
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.plans(.review(plan.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(plan.lockVersion)">
        <input type="hidden" name="\(YearPlan.Moment.field)" value="\(m.rawValue)">
        \(Components.textArea(reviewReasonField(m), label: "Reden van terugsturen (verplicht bij terugsturen)", value: reason, errors: errors, hint: "De directeur ziet deze reden bij \(m.noun); hij komt ook in het logboek.", rows: 4))
        <div class="button-row">
        <button type="submit" name="\(YearPlan.ReviewDecision.field)" value="\(YearPlan.ReviewDecision.approve.rawValue)" class="button button--primary">Goedkeuren</button>
        <button type="submit" name="\(YearPlan.ReviewDecision.field)" value="\(YearPlan.ReviewDecision.giveBack.rawValue)" class="button button--secondary">Terugsturen</button>
        </div>
        """))
        </div>
        """
    }

    static func momentReopen(_ model: Model, _ part: Part, _ context: PageContext) -> HTML {
        guard part.canReopen else { return .empty }
        let plan = model.plan, m = part.moment
        let errors = model.reopenMoment == m ? model.reopenErrors : ValidationErrors()
        let reason = model.reopenMoment == m ? model.reopenReason : ""
        return """
        <details class="plan-reopen"\(attr: "open", if: !errors.isEmpty)>
        <summary>\(m.label) heropenen</summary>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.plans(.reopen(plan.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(plan.lockVersion)">
        <input type="hidden" name="\(YearPlan.Moment.field)" value="\(m.rawValue)">
        \(Components.textArea(reopenReasonField(m), label: "Reden van heropenen (verplicht)", value: reason, errors: errors, hint: "\(m.label) gaat terug naar de directeur en telt pas weer mee na een nieuwe goedkeuring. Een gepubliceerde rapportage blijft ongewijzigd.", rows: 3))
        <div class="button-row"><button type="submit" class="button button--secondary">\(m.label) heropenen</button></div>
        """))
        </details>
        """
    }

    /// The submit button of a moment, in the plan form's button row.
    static func submitButton(_ part: Part) -> HTML {
        var out: HTML = .empty
        if part.canCorrect {
            out += "<button type=\"submit\" name=\"\(YearPlan.FormAction.field)\" value=\"\(YearPlan.FormAction.correct(part.moment).rawValue)\" class=\"button button--primary\">\(part.moment.label) corrigeren en opnieuw goedkeuren</button>"
        }
        guard part.canSubmit else { return out }
        return out + "<button type=\"submit\" name=\"\(YearPlan.FormAction.field)\" value=\"\(part.moment == .jaarplan ? YearPlan.FormAction.submit.rawValue : YearPlan.FormAction.submitAccount.rawValue)\" class=\"button button--primary\">\(part.moment.label) opslaan en indienen</button>"
    }
}
