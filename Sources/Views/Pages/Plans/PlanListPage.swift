import Domain
import Markup

/// The list of year plans: for project leaders and the Ontwikkelgroep all IKCs in one year,
/// for a director the own IKC's plans over the years. Project leaders approve several
/// submitted plans at once from here.
public enum PlanListPage {
    public struct Row: Sendable {
        public var ikcID: Int64
        public var ikcName: String
        public var year: Int
        public var planID: Int64?
        public var status: YearPlan.Status?
        public var submittedOn: Day?
        public var lockVersion: Int64?
        /// A fixed agreement covers the year, so a plan can be opened.
        public var canOpen: Bool
        public var late: Bool

        public init(ikcID: Int64, ikcName: String, year: Int, planID: Int64?, status: YearPlan.Status?, submittedOn: Day?,
                    lockVersion: Int64?, canOpen: Bool, late: Bool) {
            self.ikcID = ikcID
            self.ikcName = ikcName
            self.year = year
            self.planID = planID
            self.status = status
            self.submittedOn = submittedOn
            self.lockVersion = lockVersion
            self.canOpen = canOpen
            self.late = late
        }
    }

    public struct Model: Sendable {
        /// The year shown (nil for a director's list over all years).
        public var year: Int?
        public var years: [Int]
        public var rows: [Row]
        public var deadline: PlanDeadline?
        public var canReview: Bool
        public var canWrite: Bool
        public var notice: String?
        public var error: String?
        /// Deadline reminders (the director's own IKCs).
        public var reminders: [PlanReminderSection.Item] = []

        public init(year: Int?, years: [Int], rows: [Row], deadline: PlanDeadline?, canReview: Bool, canWrite: Bool,
                    notice: String? = nil, error: String? = nil) {
            self.year = year
            self.years = years
            self.rows = rows
            self.deadline = deadline
            self.canReview = canReview
            self.canWrite = canWrite
            self.notice = notice
            self.error = error
        }
    }

    public static func render(context: PageContext, model: Model) -> HTML {
        let programme = context.programme
        func label(_ year: Int) -> String { programme?.yearLabel(year) ?? String(year) }
        var yearLinks: [HTML] = []
        if model.year != nil {
            for year in model.years {
                let current: String? = year == model.year ? "page" : nil
                yearLinks.append("<li><a href=\"\(Route.plans(.index).path)?jaar=\(year)\"\(attr: "aria-current", current)>\(label(year))</a></li>")
            }
        }
        let submittable = model.canReview && model.rows.contains { $0.status == .ingediend }
        let table = rowsTable(model: model, label: label, selectable: submittable)
        let body: HTML
        if submittable {
            body = Components.form(action: Route.plans(.approveMany).path, csrf: context.csrfToken, """
            \(table)
            <p><button type="submit" class="button button--primary">Aangevinkte plannen goedkeuren</button></p>
            """)
        } else {
            body = table
        }
        let title = model.year.map { "Jaarplannen " + label($0) } ?? "Jaarplannen"
        let actions: HTML = model.canReview
            ? "<p><a class=\"button button--secondary\" href=\"\(Route.plans(.deadlines).path)\">Inleverdata instellen</a></p>"
            : .empty
        let newLink: HTML = model.canWrite
            ? "<p><a class=\"button button--primary\" href=\"\(Route.plans(.new).path)\">Jaarplan openen</a></p>"
            : .empty
        return Layout.page(title: title, context: context.with(.plans), """
        <h1>\(title)</h1>
        \(Components.notice(model.notice))
        \(model.error.map { HTML("<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>") })
        \(PlanReminderSection.render(context: context, items: model.reminders))
        <p class="hint">Een jaarplan is de PDCA-cyclus van een IKC voor één jaar: Plan, Do, Check en Act. \(programme?.yearKindExplanation ?? "")</p>
        \(yearLinks.isEmpty ? HTML.empty : HTML("<nav aria-label=\"Jaren\" class=\"plan-years\"><ul>\(yearLinks)</ul></nav>"))
        \(deadlineText(model.deadline, label: label))
        \(newLink)
        \(body)
        \(actions)
        """)
    }

    static func deadlineText(_ deadline: PlanDeadline?, label: (Int) -> String) -> HTML {
        guard let deadline else { return "<p>Voor dit jaar is geen inleverdatum ingesteld.</p>" }
        if deadline.graceDays > 0 {
            return "<p>Inleverdatum jaarplan \(label(deadline.year)): <strong>\(deadline.dueOn.dutch)</strong>, met \(DutchFormat.count(deadline.graceDays, "dag", "dagen")) uitloop tot en met \(deadline.lastDay.dutch).</p>"
        }
        return "<p>Inleverdatum jaarplan \(label(deadline.year)): <strong>\(deadline.dueOn.dutch)</strong>.</p>"
    }

    static func rowsTable(model: Model, label: (Int) -> String, selectable: Bool) -> HTML {
        var rows: [HTML] = []
        for row in model.rows {
            rows.append(line(row, label: label, selectable: selectable, canWrite: model.canWrite))
        }
        let check: HTML = selectable ? "<th scope=\"col\"><span class=\"visually-hidden\">Kiezen</span></th>" : .empty
        let caption = model.year == nil ? "Jaarplannen van uw IKC" : "Jaarplannen per IKC"
        return """
        <div class="table-scroll"><table class="data plan-list">
        <caption>\(caption)</caption>
        <thead><tr>\(check)<th scope="col">IKC</th><th scope="col">Jaar</th><th scope="col">Status</th><th scope="col">Ingediend op</th><th scope="col">Op tijd</th><th scope="col">Actie</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """
    }

    static func line(_ row: Row, label: (Int) -> String, selectable: Bool, canWrite: Bool) -> HTML {
        var check: HTML = .empty
        if selectable {
            if row.status == .ingediend, let id = row.planID, let lock = row.lockVersion {
                let boxID = "plan-\(id)"
                check = "<td><input type=\"checkbox\" id=\"\(boxID)\" name=\"plans\" value=\"\(id):\(lock)\"><label for=\"\(boxID)\" class=\"visually-hidden\">\(row.ikcName) goedkeuren</label></td>"
            } else {
                check = "<td></td>"
            }
        }
        let name: HTML = row.planID.map { HTML("<a href=\"\(Route.plans(.plan($0)).path)\">\(row.ikcName)</a>") } ?? HTML("\(row.ikcName)")
        let action: HTML
        if let id = row.planID {
            action = "<a href=\"\(Route.plans(.plan(id)).path)\">Bekijken</a>"
        } else if row.canOpen && canWrite {
            action = "<a href=\"\(Route.plans(.new).path)?ikc=\(row.ikcID)&amp;jaar=\(row.year)\">Jaarplan openen</a>"
        } else if row.canOpen {
            action = "–"
        } else {
            action = "Geen vastgestelde afspraak"
        }
        let late: HTML
        if row.late {
            late = "<span class=\"flag\">Te laat</span>"
        } else if row.status?.isSubmitted == true {
            late = "Ja"
        } else {
            late = "–"
        }
        return """
        <tr>\(check)<th scope="row">\(name)</th><td>\(label(row.year))</td><td>\(PlanBadge.status(row.status))</td><td>\(row.submittedOn?.dutch ?? "–")</td><td>\(late)</td><td>\(action)</td></tr>
        """
    }
}

/// Status badges and small formatting shared by the plan pages.
public enum PlanBadge {
    public static func status(_ status: YearPlan.Status?) -> HTML {
        guard let status else { return "<span class=\"status status--none\">Nog niet geopend</span>" }
        let css: String
        switch status {
        case .concept: css = "concept"
        case .ingediend: css = "signing"
        case .teruggestuurd: css = "returned"
        case .goedgekeurd: css = "final"
        }
        return "<span class=\"status status--\(css)\">\(status.label)</span>"
    }

    public static func indicator(_ status: IndicatorStatus) -> HTML {
        let css: String
        switch status {
        case .achieved: css = "achieved"
        case .onTrack: css = "on-track"
        case .behind: css = "behind"
        case .noData: css = "no-data"
        }
        return "<span class=\"indicator indicator--\(css)\">\(status.label)</span>"
    }

    /// A number for an input field: Dutch decimal comma, as many decimals as the value has.
    public static func editable(_ value: Double) -> String {
        let text = String(value)
        var decimals = 0
        if let dot = text.firstIndex(of: "."), !text.contains("e") {
            decimals = text[text.index(after: dot)...].count
            if text.hasSuffix(".0") { decimals = 0 }
        }
        return DutchFormat.number(value, decimals: min(decimals, 6))
    }

    /// Cents for an input field: `12.500` or `12.500,50`.
    public static func editable(cents: Int64) -> String {
        let text = DutchFormat.euros(cents: cents)
        return text.hasPrefix("€ ") ? String(text.dropFirst(2)) : text
    }

    /// A value of an indicator with its unit: `65%`, `7,4`, `ja`.
    public static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "–" }
        switch unit {
        case "percent": return DutchFormat.number(value, decimals: value == value.rounded() ? 0 : 1) + "%"
        case "euro": return DutchFormat.euros(cents: Int64((value * 100).rounded()))
        case "yesno": return value >= 0.5 ? "ja" : "nee"
        default:
            let text = editable(value)
            return text
        }
    }
}
