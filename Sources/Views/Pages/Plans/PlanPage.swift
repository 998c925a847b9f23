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
        /// The moment whose submit was refused (shown above its missing list).
        public var submitRefused: YearPlan.Moment?
        /// The jaarplan and the verantwoording, in that order.
        public var parts: [Part] = []
        /// Promises kept: this IKC's agreed contributions of the year against the approved spending.
        public var promises: [PromisesKept.Line] = []
        /// The moment whose review form `reviewErrors` and `reviewReason` belong to.
        public var reviewMoment: YearPlan.Moment = .jaarplan
        public var reopenMoment: YearPlan.Moment?
        public var reopenErrors = ValidationErrors()
        public var reopenReason = ""
        /// The programme, for saying years as it does (set by `render` from the page context).
        public var programme: Programme?

        public func part(_ moment: YearPlan.Moment) -> Part? { parts.first { $0.moment == moment } }
        public func isEditable(_ moment: YearPlan.Moment) -> Bool { part(moment)?.editability.isEditable ?? false }

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
            self.submitRefused = nil
        }
    }

    public static func render(context: PageContext, model: Model) -> HTML {
        let plan = model.plan
        let yearLabel = context.programme?.yearLabel(plan.year) ?? String(plan.year)
        let title = "Jaarplan \(yearLabel) · \(plan.ikcName)"
        var model = model
        model.programme = context.programme
        let values = model.values ?? formValues(model)
        let planEditable = model.isEditable(.jaarplan), accountEditable = model.isEditable(.verantwoording)
        let editable = planEditable || accountEditable
        let sections: HTML = planSection(model, values, planEditable) + doSection(model, values, editable)
            + checkSection(model, values, accountEditable) + actSection(model, values, accountEditable)
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
        var panels: HTML = .empty
        for part in model.parts { panels += momentPanel(model, part, context) }
        return Layout.page(title: title, context: context.with(.plans), """
        <div class="plan-page">
        <p class="breadcrumb"><a href="\(Route.plans(.index).path)?jaar=\(plan.year)">Jaarplannen \(yearLabel)</a></p>
        <h1>\(title)</h1>
        \(header(model, context))
        \(Components.notice(model.notice))
        \(Components.errorSummary(model.errors))
        \(panels)
        \(carryOverSection(model, context))
        \(sectionNav())
        \(form)
        \(model.promises.contains { $0.spentCents != nil } ? PromisesKeptTable.section(model.promises, showIKC: false, yearLabel: { _ in yearLabel }) : .empty)
        </div>
        """)
    }

    // MARK: - Header, status and workflow

    static func header(_ model: Model, _ context: PageContext) -> HTML {
        let plan = model.plan
        let agreement: String = model.agreementNumber.map { "Versie \($0) (vastgesteld)" } ?? "Geen vastgestelde afspraak"
        return """
        <dl class="facts">
        <dt>Jaarplan</dt><dd>\(PlanBadge.status(plan.status))</dd>
        <dt>Verantwoording</dt><dd>\(PlanBadge.status(plan.account.status))</dd>
        <dt>Resultaatafspraak</dt><dd>\(agreement)</dd>
        </dl>
        <p class="hint">\(context.programme?.yearKindExplanation ?? "")</p>
        """
    }

    static func moment(_ iso: String) -> String {
        Day(iso: String(iso.prefix(10)))?.dutch ?? iso
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
        "<nav class=\"plan-sections\" aria-label=\"Onderdelen van het jaarplan\"><ul><li><a href=\"#jaarplan\">Jaarplan</a></li><li><a href=\"#verantwoording\">Verantwoording</a></li><li><a href=\"#plan\">Plan</a></li><li><a href=\"#do\">Do</a></li><li><a href=\"#check\">Check</a></li><li><a href=\"#act\">Act</a></li></ul></nav>"
    }

    static func buttons(_ model: Model) -> HTML {
        var submits: HTML = .empty
        for part in model.parts { submits += submitButton(part) }
        return """
        <div class="button-row plan-save">
        <button type="submit" name="\(YearPlan.FormAction.field)" value="\(YearPlan.FormAction.save.rawValue)" class="button button--\(submits.isEmpty ? "primary" : "secondary")">Opslaan</button>
        \(submits)
        </div>
        <p class="hint">Opslaan kan altijd; lege velden blijven leeg (een leeg veld is nooit 0). Indienen lukt pas als alles onder ‘Nog niet ingevuld’ is ingevuld.</p>
        """
    }

    static func readOnlyHint(_ editable: Bool, _ model: Model, _ moment: YearPlan.Moment = .jaarplan) -> HTML {
        guard !editable, let reason = model.part(moment)?.editability.reason ?? model.editability.reason else { return .empty }
        return "<p class=\"readonly-reason\">Alleen lezen: \(reason)</p>"
    }
}
