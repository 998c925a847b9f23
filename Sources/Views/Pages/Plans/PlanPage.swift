import Domain
import Markup

/// The year plan page: Plan, Do, Check and Act in one form (so a half-filled plan saves whole),
/// what is still missing before submitting, the review for project leaders and, when the plan
/// cannot be edited, why not.
public enum PlanPage {
    /// A result that stayed behind its target last year, shown at the top of this year's plan.
    public struct CarryOver: Sendable {
        public var result: PlanResult
        public var measurement: Measurement?
        public init(result: PlanResult, measurement: Measurement?) {
            self.result = result
            self.measurement = measurement
        }
    }

    public struct Model: Sendable {
        public var plan: YearPlan
        public var agreementNumber: Int?
        public var results: [PlanResult]
        public var funding: [PlanFundingLine]
        public var staffing: [PlanStaffingLine]
        public var notes: [ProgressNote]
        public var carryOver: [CarryOver]
        public var previousActChanges: String?
        public var missing: [String]
        public var editability: YearPlanRules.Editability
        public var canSubmit: Bool
        public var canReview: Bool
        /// What changed since the plan was returned, when it is submitted again.
        public var changes: [PlanChange]?
        public var deadline: PlanDeadline?
        public var late: Bool
        /// The user's input when a save failed (field name → typed text); nil shows the stored plan.
        public var values: [String: String]?
        public var errors: ValidationErrors
        public var reviewErrors: ValidationErrors
        public var reviewReason: String
        public var notice: String?
        /// Shown above the missing list when a submit was refused.
        public var submitRefused: Bool

        public init(plan: YearPlan, agreementNumber: Int?, results: [PlanResult], funding: [PlanFundingLine], staffing: [PlanStaffingLine],
                    notes: [ProgressNote], carryOver: [CarryOver], previousActChanges: String?, missing: [String],
                    editability: YearPlanRules.Editability, canSubmit: Bool, canReview: Bool, changes: [PlanChange]?,
                    deadline: PlanDeadline?, late: Bool) {
            self.plan = plan
            self.agreementNumber = agreementNumber
            self.results = results
            self.funding = funding
            self.staffing = staffing
            self.notes = notes
            self.carryOver = carryOver
            self.previousActChanges = previousActChanges
            self.missing = missing
            self.editability = editability
            self.canSubmit = canSubmit
            self.canReview = canReview
            self.changes = changes
            self.deadline = deadline
            self.late = late
            self.values = nil
            self.errors = ValidationErrors()
            self.reviewErrors = ValidationErrors()
            self.reviewReason = ""
            self.notice = nil
            self.submitRefused = false
        }
    }

    public static func render(context: PageContext, model: Model) -> HTML {
        let plan = model.plan
        let yearLabel = context.programme?.yearLabel(plan.year) ?? String(plan.year)
        let title = "Jaarplan \(yearLabel) · \(plan.ikcName)"
        let values = model.values ?? formValues(model)
        let editable = model.editability.isEditable
        let sections: HTML = planSection(model, values, editable) + doSection(model, values, editable)
            + checkSection(model, values, editable) + actSection(model, values, editable)
        let form: HTML
        if editable {
            form = Components.form(action: Route.plans(.plan(plan.id)).path, csrf: context.csrfToken, """
            <input type="hidden" name="lock_version" value="\(plan.lockVersion)">
            \(sections)
            \(buttons(model))
            """)
        } else {
            form = sections
        }
        return Layout.page(title: title, context: context.with(.plans), """
        <div class="plan-page">
        <p class="breadcrumb"><a href="\(Route.plans(.index).path)?jaar=\(plan.year)">Jaarplannen \(yearLabel)</a></p>
        <h1>\(title)</h1>
        \(header(model, context))
        \(Components.notice(model.notice))
        \(Components.errorSummary(model.errors))
        \(statusNotes(model))
        \(missingSection(model))
        \(reviewSection(model, context))
        \(carryOverSection(model, context))
        \(sectionNav())
        \(form)
        </div>
        """)
    }

    // MARK: - Header, status and workflow

    static func header(_ model: Model, _ context: PageContext) -> HTML {
        let plan = model.plan
        let deadline: HTML = model.deadline.map { d in
            HTML("<dt>Inleverdatum</dt><dd>\(d.dueOn.dutch)\(d.graceDays > 0 ? " (uitloop tot en met \(d.lastDay.dutch))" : "")\(model.late ? HTML(" <span class=\"flag\">Te laat</span>") : HTML.empty)</dd>")
        } ?? HTML("<dt>Inleverdatum</dt><dd>Niet ingesteld</dd>")
        let agreement: String = model.agreementNumber.map { "Versie \($0) (vastgesteld)" } ?? "Geen vastgestelde afspraak"
        return """
        <dl class="facts">
        <dt>Status</dt><dd>\(PlanBadge.status(plan.status))</dd>
        <dt>Resultaatafspraak</dt><dd>\(agreement)</dd>
        \(deadline)
        <dt>Ingediend op</dt><dd>\(plan.submittedAt.map { moment($0) } ?? "–")</dd>
        </dl>
        <p class="hint">\(context.programme?.yearKindExplanation ?? "")</p>
        """
    }

    static func moment(_ iso: String) -> String {
        Day(iso: String(iso.prefix(10)))?.dutch ?? iso
    }

    static func statusNotes(_ model: Model) -> HTML {
        let plan = model.plan
        var out: HTML = .empty
        if !plan.returnReason.isEmpty {
            let who = plan.reviewerName.map { " door \($0)" } ?? ""
            let when = plan.reviewedAt.map { " op \(moment($0))" } ?? ""
            let lead = plan.status == .teruggestuurd ? "Teruggestuurd\(who)\(when). Reden:" : "Eerder teruggestuurd\(who). Reden:"
            out += "<div class=\"notice notice--returned\" role=\"status\"><p><strong>\(lead)</strong></p><p class=\"pre\">\(plan.returnReason)</p></div>"
        }
        if plan.status == .goedgekeurd {
            out += "<div class=\"notice\" role=\"status\">Goedgekeurd\(plan.reviewerName.map { " door \($0)" } ?? "")\(plan.reviewedAt.map { " op \(moment($0))" } ?? "").</div>"
        }
        if let reason = model.editability.reason {
            out += "<div class=\"notice notice--readonly\" role=\"note\"><p><strong>Waarom u niets kunt wijzigen:</strong> \(reason)</p></div>"
        }
        return out
    }

    static func missingSection(_ model: Model) -> HTML {
        guard model.canSubmit else { return .empty }
        if model.missing.isEmpty {
            return "<section class=\"plan-missing plan-missing--complete\" aria-labelledby=\"missing-title\"><h2 id=\"missing-title\">Klaar om in te dienen</h2><p>Alles is ingevuld. Met ‘Opslaan en indienen’ onderaan gaat het plan naar de projectleider.</p></section>"
        }
        var items: [HTML] = []
        for item in model.missing { items.append("<li>\(item)</li>") }
        let lead: HTML = model.submitRefused
            ? "<p role=\"alert\"><strong>Het plan is niet ingediend.</strong> Uw wijzigingen zijn wel opgeslagen. Vul eerst het volgende in:</p>"
            : "<p>Opslaan kan altijd, ook als het plan nog niet af is. Om in te dienen moet dit nog worden ingevuld:</p>"
        return """
        <section class="plan-missing" aria-labelledby="missing-title" id="nog-niet-ingevuld">
        <h2 id="missing-title">Nog niet ingevuld</h2>
        \(lead)
        <ul>\(items)</ul>
        </section>
        """
    }

    static func reviewSection(_ model: Model, _ context: PageContext) -> HTML {
        guard model.canReview else { return .empty }
        let plan = model.plan
        var changes: HTML = .empty
        if let list = model.changes {
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
        return """
        <section class="plan-review" aria-labelledby="review-title" id="beoordelen">
        <h2 id="review-title">Beoordelen</h2>
        \(changes)
        \(Components.errorSummary(model.reviewErrors))
        \(Components.form(action: Route.plans(.review(plan.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(plan.lockVersion)">
        \(Components.textArea("reason", label: "Reden van terugsturen (verplicht bij terugsturen)", value: model.reviewReason, errors: model.reviewErrors, hint: "De directeur ziet deze reden bij het plan; hij komt ook in het logboek.", rows: 4))
        <div class="button-row">
        <button type="submit" name="\(YearPlan.ReviewDecision.field)" value="\(YearPlan.ReviewDecision.approve.rawValue)" class="button button--primary">Goedkeuren</button>
        <button type="submit" name="\(YearPlan.ReviewDecision.field)" value="\(YearPlan.ReviewDecision.giveBack.rawValue)" class="button button--secondary">Terugsturen</button>
        </div>
        """))
        </section>
        """
    }

    static func carryOverSection(_ model: Model, _ context: PageContext) -> HTML {
        guard !model.carryOver.isEmpty else { return .empty }
        let last = context.programme?.yearLabel(model.plan.year - 1) ?? String(model.plan.year - 1)
        var rows: [HTML] = []
        for item in model.carryOver {
            let r = item.result
            rows.append("<tr><th scope=\"row\">\(r.description)<br><span class=\"hint\">\(r.indicator)</span></th><td class=\"num\">\(measuredText(item.measurement, unit: r.unit))</td><td class=\"num\">\(PlanBadge.value(r.yearTarget, unit: r.unit))</td><td>\(PlanBadge.indicator(.behind))</td></tr>")
        }
        let act: HTML = model.previousActChanges.map { $0.isEmpty ? HTML("<p>Vorig jaar is bij Act niets ingevuld.</p>") : HTML("<h3>Act van vorig jaar: wat er zou veranderen</h3><p class=\"pre\">\($0)</p>") } ?? .empty
        return """
        <section class="plan-carry-over" aria-labelledby="carry-title">
        <h2 id="carry-title">Achtergebleven in \(last)</h2>
        <div class="plan-carry-over__grid">
        <div class="table-scroll"><table class="data">
        <caption>Resultaten die vorig jaar achterbleven bij hun doel</caption>
        <thead><tr><th scope="col">Resultaat</th><th scope="col" class="num">Gemeten</th><th scope="col" class="num">Doel \(last)</th><th scope="col">Status</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <div>\(act)</div>
        </div>
        </section>
        """
    }

    static func sectionNav() -> HTML {
        "<nav class=\"plan-sections\" aria-label=\"Onderdelen van het jaarplan\"><ul><li><a href=\"#plan\">Plan</a></li><li><a href=\"#do\">Do</a></li><li><a href=\"#check\">Check</a></li><li><a href=\"#act\">Act</a></li></ul></nav>"
    }

    static func buttons(_ model: Model) -> HTML {
        let submit: HTML = model.canSubmit
            ? "<button type=\"submit\" name=\"\(YearPlan.FormAction.field)\" value=\"\(YearPlan.FormAction.submit.rawValue)\" class=\"button button--primary\">Opslaan en indienen</button>"
            : .empty
        return """
        <div class="button-row plan-save">
        <button type="submit" name="\(YearPlan.FormAction.field)" value="\(YearPlan.FormAction.save.rawValue)" class="button button--\(model.canSubmit ? "secondary" : "primary")">Opslaan</button>
        \(submit)
        </div>
        <p class="hint">Opslaan kan altijd; lege velden blijven leeg (een leeg veld is nooit 0).\(model.canSubmit ? " Indienen lukt pas als alles onder ‘Nog niet ingevuld’ is ingevuld." : "")</p>
        """
    }

    static func readOnlyHint(_ editable: Bool, _ model: Model) -> HTML {
        guard !editable, let reason = model.editability.reason else { return .empty }
        return "<p class=\"readonly-reason\">Alleen lezen: \(reason)</p>"
    }
}
