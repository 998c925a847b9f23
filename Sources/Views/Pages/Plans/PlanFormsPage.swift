import Domain
import Markup

/// The small plan pages: opening a plan for an IKC and year, and the deadlines per year.
public enum PlanFormsPage {
    public static func new(context: PageContext, ikcs: [(id: Int64, name: String)], years: [Int], ikc: String, year: String,
                           errors: ValidationErrors) -> HTML {
        let programme = context.programme
        let ikcOptions = ikcs.map { (String($0.id), $0.name) }
        let yearOptions = years.map { (String($0), programme?.yearLabel($0) ?? String($0)) }
        return Layout.page(title: "Jaarplan openen", context: context.with(.plans), """
        <div class="narrow">
        <h1>Jaarplan openen</h1>
        <p>Het jaarplan begint met de resultaten en de doelen voor dat jaar uit de vastgestelde resultaatafspraak die in dat jaar geldt. \(programme?.yearKindExplanation ?? "")</p>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.plans(.new).path, csrf: context.csrfToken, """
        \(Components.select("ikc", label: "IKC", options: ikcOptions, selected: ikc, errors: errors, includeEmpty: "Kies een IKC"))
        \(Components.select("year", label: "Jaar", options: yearOptions, selected: year, errors: errors, includeEmpty: "Kies een jaar"))
        <button type="submit" class="button button--primary">Jaarplan openen</button>
        <a class="button button--secondary" href="\(Route.plans(.index).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    /// One row of the deadlines form: the year and the typed due date and grace days.
    public struct DeadlineRow: Sendable {
        public var year: Int
        public var dueOn: String
        public var graceDays: String
        /// The verantwoording's deadline and grace period (issue 16).
        public var accountDueOn: String
        public var accountGraceDays: String
        public init(year: Int, dueOn: String, graceDays: String, accountDueOn: String = "", accountGraceDays: String = "") {
            self.year = year
            self.dueOn = dueOn
            self.graceDays = graceDays
            self.accountDueOn = accountDueOn
            self.accountGraceDays = accountGraceDays
        }
    }

    public static func deadlines(context: PageContext, rows: [DeadlineRow], errors: ValidationErrors, notice: String?) -> HTML {
        let programme = context.programme
        var lines: [HTML] = []
        for row in rows {
            let due = "due_\(row.year)", grace = "grace_\(row.year)"
            let accountDue = "account_due_\(row.year)", accountGrace = "account_grace_\(row.year)"
            let label = programme?.yearLabel(row.year) ?? String(row.year)
            lines.append("""
            <tr><th scope="row">\(label)</th>
            <td class="field\(errors[due] == nil ? "" : " field--error")"><label for="\(due)" class="visually-hidden">Inleverdatum \(label)</label>\(errors[due].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="date" id="\(due)" name="\(due)" value="\(row.dueOn)"></td>
            <td class="field\(errors[grace] == nil ? "" : " field--error")"><label for="\(grace)" class="visually-hidden">Uitloop in dagen \(label)</label>\(errors[grace].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="text" inputmode="numeric" id="\(grace)" name="\(grace)" value="\(row.graceDays)" size="4"></td>
            <td class="field\(errors[accountDue] == nil ? "" : " field--error")"><label for="\(accountDue)" class="visually-hidden">Inleverdatum verantwoording \(label)</label>\(errors[accountDue].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="date" id="\(accountDue)" name="\(accountDue)" value="\(row.accountDueOn)"></td>
            <td class="field\(errors[accountGrace] == nil ? "" : " field--error")"><label for="\(accountGrace)" class="visually-hidden">Uitloop verantwoording in dagen \(label)</label>\(errors[accountGrace].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="text" inputmode="numeric" id="\(accountGrace)" name="\(accountGrace)" value="\(row.accountGraceDays)" size="4"></td></tr>
            """)
        }
        return Layout.page(title: "Inleverdata jaarplannen", context: context.with(.plans), """
        <div class="narrow">
        <h1>Inleverdata jaarplannen</h1>
        \(Components.notice(notice))
        <p>Per jaar de datum waarop het jaarplan (Plan en Do, vóór of bij het begin van het jaar) en de verantwoording (Check en Act, na afloop van het jaar) ingediend moeten zijn, en hoeveel dagen uitloop daarna nog op tijd telt. Directeuren zien vanaf 21 dagen voor de inleverdatum een herinnering, dringender vanaf 7 dagen. Een lege datum betekent: geen inleverdatum. \(programme?.yearKindExplanation ?? "")</p>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.plans(.deadlines).path, csrf: context.csrfToken, """
        <table class="data">
        <caption>Inleverdatum en uitloop per jaar</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col">Jaarplan: inleverdatum</th><th scope="col">Jaarplan: uitloop (dagen)</th><th scope="col">Verantwoording: inleverdatum</th><th scope="col">Verantwoording: uitloop (dagen)</th></tr></thead>
        <tbody>\(lines)</tbody>
        </table>
        <button type="submit" class="button button--primary">Inleverdata opslaan</button>
        <a class="button button--secondary" href="\(Route.plans(.index).path)">Terug naar jaarplannen</a>
        """))
        </div>
        """)
    }
}

/// The reminder block the home page can show (see PlanReminders in Store): for a director the
/// own IKC's coming or passed deadlines, for a project leader the late plans.
public enum PlanReminderSection {
    public typealias Item = PlanReminder

    /// What is due within 21 days and what is late, a list per moment (jaarplannen, verantwoordingen).
    public static func render(context: PageContext, items: [Item]) -> HTML {
        guard items.contains(where: { $0.reminder != .none }) else { return .empty }
        var parts: [HTML] = []
        for moment in YearPlan.Moment.allCases {
            let lines = self.lines(context: context, items: items.filter { $0.moment == moment })
            guard !lines.isEmpty else { continue }
            let heading: HTML = moment == .jaarplan ? "Jaarplannen (Plan en Do)" : "Verantwoordingen (Check en Act)"
            parts.append("<h3>\(heading)</h3><ul>\(lines)</ul>")
        }
        return """
        <section aria-labelledby="plan-reminders" class="plan-reminders"><h2 id="plan-reminders">Inleveren: binnen drie weken of te laat</h2>
        \(parts)</section>
        """
    }

    static func lines(context: PageContext, items: [Item]) -> [HTML] {
        var lines: [HTML] = []
        for item in items {
            let label = context.programme?.yearLabel(item.year) ?? String(item.year)
            let link = item.planID.map { Route.plans(.plan($0)).path + (item.moment == .verantwoording ? "#verantwoording" : "") }
                ?? (Route.plans(.new).path + "?ikc=\(item.ikcID)&jaar=\(item.year)")
            let text: String
            switch item.reminder {
            case .none: continue
            case .upcoming(let days): text = "moet over \(DutchFormat.count(days, "dag", "dagen")) zijn ingediend (\(item.deadline.dueOn.dutch))."
            case .soon(let days):
                text = days == 0 ? "moet vandaag zijn ingediend." : "moet \(days == 1 ? "morgen" : "over \(days) dagen") zijn ingediend (\(item.deadline.dueOn.dutch))!"
            case .inGrace(let days):
                let left = days == 0 ? "de uitloop loopt vandaag af" : "de uitloop loopt nog \(days == 1 ? "1 dag" : "\(days) dagen") (tot en met \(item.deadline.lastDay.dutch))"
                text = "had op \(item.deadline.dueOn.dutch) ingediend moeten zijn; \(left)."
            case .late: text = "is te laat: de inleverdatum was \(item.deadline.dueOn.dutch) (uitloop tot en met \(item.deadline.lastDay.dutch))."
            }
            lines.append("<li><a href=\"\(link)\">\(item.moment.label) \(label) van \(item.ikcName)</a> \(text)</li>")
        }
        return lines
    }
}
