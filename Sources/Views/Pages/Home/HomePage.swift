import Domain
import Markup

/// The start page per role: a project leader sees what needs attention, a director the own IKC
/// and this year's plan, the Ontwikkelgroep the reports.
public enum HomePage {
    public struct Summary: Sendable {
        public var ikcCount: Int
        public var plusCount: Int
        public var agreementsInConcept: [(id: Int64, name: String, status: AgreementStatus)]
        public var predicatesDue: [(id: Int64, name: String, due: String)]
        public var submittedPlans: [(planID: Int64, name: String, year: Int)]
        public var areasOverdue: [(id: Int64, name: String)]
        public var overCommitted: [(sourceID: Int64, name: String, year: Int, overCents: Int64)]
        /// A director's IKCs with the status of this year's plan (nil: not started).
        public var ownIKCs: [(id: Int64, name: String, planStatus: YearPlan.Status?)]
        public var currentYear: Int?
        /// Published report editions (id, year label, edition), newest first: the Ontwikkelgroep's home.
        public var reports: [(id: Int64, label: String, edition: Int)] = []
        /// Verantwoordingen submitted and waiting for review (plan id, IKC name, year).
        public var submittedAccounts: [(planID: Int64, name: String, year: Int)] = []
        /// Year plan deadline reminders (issue 9; `PlanReminders`, read by the home handler).
        public var planReminders: [PlanReminderSection.Item] = []
        /// A director's plans of earlier years that are not approved yet (e.g. returned).
        public var earlierPlans: [(ikcID: Int64, planID: Int64, year: Int, status: YearPlan.Status)] = []
        /// Plus IKCs of a reclassified area, waiting for the herijking of their predicate.
        public var plusReassessmentsDue: [PlusReassessmentDue] = []
        /// Sources with budget years not decided (issue 19), with their names.
        public var undecidedBudgets: [(name: String, item: Funding.Undecided)] = []
        /// Roles and years where the agreements promise more hours than the staff pool has (issue 19).
        public var overCapacity: [(line: Capacity.Line, roleLabel: String)] = []
        public init(ikcCount: Int = 0, plusCount: Int = 0, agreementsInConcept: [(id: Int64, name: String, status: AgreementStatus)] = [],
                    predicatesDue: [(id: Int64, name: String, due: String)] = [],
                    submittedPlans: [(planID: Int64, name: String, year: Int)] = [], areasOverdue: [(id: Int64, name: String)] = [],
                    overCommitted: [(sourceID: Int64, name: String, year: Int, overCents: Int64)] = [],
                    ownIKCs: [(id: Int64, name: String, planStatus: YearPlan.Status?)] = [], currentYear: Int? = nil) {
            self.ikcCount = ikcCount
            self.plusCount = plusCount
            self.agreementsInConcept = agreementsInConcept
            self.predicatesDue = predicatesDue
            self.submittedPlans = submittedPlans
            self.areasOverdue = areasOverdue
            self.overCommitted = overCommitted
            self.ownIKCs = ownIKCs
            self.currentYear = currentYear
        }
    }

    static func reportList(_ reports: [(id: Int64, label: String, edition: Int)]) -> HTML {
        var items: [HTML] = []
        for report in reports {
            items.append("<li><a href=\"\(Route.reports(.edition(report.id)).path)\">Jaarrapportage \(report.label), editie \(report.edition)</a></li>")
        }
        return list(items, empty: "Er is nog geen jaarrapportage gepubliceerd.")
    }

    static func list(_ items: [HTML], empty: StaticString) -> HTML {
        items.isEmpty ? "<p>\(HTML(stringLiteral: empty))</p>" : "<ul>\(items)</ul>"
    }

    static func leader(_ s: Summary, programme: Programme?) -> HTML {
        var plans: [HTML] = []
        for p in s.submittedPlans {
            plans.append("<li><a href=\"\(Route.plans(.plan(p.planID)).path)\">\(p.name)</a>: jaarplan \(programme?.yearLabel(p.year) ?? String(p.year)) ingediend</li>")
        }
        for p in s.submittedAccounts {
            plans.append("<li><a href=\"\(Route.plans(.plan(p.planID)).path)#verantwoording\">\(p.name)</a>: verantwoording \(programme?.yearLabel(p.year) ?? String(p.year)) ingediend</li>")
        }
        var due: [HTML] = []
        for item in s.predicatesDue { due.append("<li><a href=\"\(Route.ikcs(.plus(item.id)).path)\">\(item.name)</a>: herijking of einde termijn op \(item.due)</li>") }
        var areas: [HTML] = []
        for a in s.areasOverdue { areas.append("<li><a href=\"\(Route.areas(.area(a.id)).path)\">\(a.name)</a></li>") }
        var concept: [HTML] = []
        for item in s.agreementsInConcept {
            concept.append("<li><a href=\"\(Route.ikcs(.ikc(item.id)).path)\">\(item.name)</a> \(Components.agreementStatusBadge(item.status))</li>")
        }
        var over: [HTML] = []
        for o in s.overCommitted {
            over.append("<li><a href=\"\(Route.funding(.source(o.sourceID)).path)\">\(o.name)</a>, \(programme?.yearLabel(o.year) ?? String(o.year)): \(DutchFormat.euros(cents: o.overCents)) meer toegezegd dan het budget</li>")
        }
        let first: HTML = """
        <p class="lead">\(DutchFormat.count(s.plusCount, programme.programmeIKC, programme.programmeIKCs)) van \(DutchFormat.count(s.ikcCount, "IKC", "IKC's")) in totaal.</p>
        <section aria-labelledby="attention"><h2 id="attention">Vraagt aandacht</h2>
        <h3>Jaarplannen en verantwoordingen ingediend, wachten op beoordeling</h3>
        \(list(plans, empty: "Geen jaarplannen of verantwoordingen om te beoordelen."))
        \(predicatesDue(due, programme: programme))
        """
        let second: HTML = """
        \(reclassified(s.plusReassessmentsDue))
        <h3>Gebieden waarvan de herijking te laat is</h3>
        \(list(areas, empty: "Alle gebieden zijn op tijd herijkt."))
        <h3>Afspraken nog in concept of ter ondertekening</h3>
        \(list(concept, empty: "Geen: alle afspraken zijn vastgesteld."))
        <h3>Financieringsbronnen met meer toegezegd dan het budget</h3>
        \(list(over, empty: "Geen financieringsbron is overschreden."))
        </section>
        <p><a class="button button--primary" href="\(Route.ikcs(.index).path)">Alle IKC's</a></p>
        """
        return first + second + moneyAndPeople(s, programme: programme)
    }

    /// The herijkingen due, under the predicate's name; nothing when the programme has no
    /// predicate (and none is due).
    static func predicatesDue(_ due: [HTML], programme: Programme?) -> HTML {
        guard let name = programme.predicateName ?? (due.isEmpty ? nil : "predicaat") else { return .empty }
        return "<h3>Herijking \(name) binnen drie maanden</h3>\(list(due, empty: "Geen herijkingen binnen drie maanden."))"
    }

    /// The Plus IKCs whose area changed classification: each needs a herijking (shown only when any).
    static func reclassified(_ items: [PlusReassessmentDue]) -> HTML {
        guard !items.isEmpty else { return .empty }
        var rows: [HTML] = []
        for item in items {
            let change = item.nowPriority ? "is nu een aandachtsgebied" : "is geen aandachtsgebied meer"
            rows.append("<li><a href=\"\(Route.ikcs(.plus(item.ikcID)).path)\">\(item.ikcName)</a>: het gebied \(item.areaName) \(change)</li>")
        }
        return "<h3>Plus IKC's die na een herindeling van hun gebied herijkt moeten worden</h3><ul>\(rows)</ul>"
    }

    /// A plan's state in words (nil: not started).
    static func planState(_ status: YearPlan.Status?) -> String {
        switch status {
        case nil: "nog niet begonnen"
        case .concept: "concept (nog niet ingediend)"
        case .ingediend: "ingediend, wacht op beoordeling"
        case .teruggestuurd: "teruggestuurd: pas het aan en dien het opnieuw in"
        case .goedgekeurd: "goedgekeurd"
        }
    }

    static func director(_ s: Summary, programme: Programme?) -> HTML {
        guard !s.ownIKCs.isEmpty else {
            return "<h2>Uw IKC</h2><p>Er is nog geen IKC aan uw account gekoppeld. Neem contact op met de projectleider.</p>"
        }
        let year = s.currentYear.map { programme?.yearLabel($0) ?? String($0) } ?? ""
        var items: [HTML] = []
        for ikc in s.ownIKCs {
            let state = planState(ikc.planStatus)
            var earlier: [HTML] = []
            for plan in s.earlierPlans where plan.ikcID == ikc.id {
                earlier.append("""
                <li><a href="\(Route.plans(.plan(plan.planID)).path)">Jaarplan \(programme?.yearLabel(plan.year) ?? String(plan.year))</a>: \(planState(plan.status))</li>
                """)
            }
            let open: HTML = earlier.isEmpty ? .empty : "<br>Nog niet goedgekeurde jaarplannen van eerdere jaren:<ul>\(earlier)</ul>"
            items.append("""
            <li><a href="\(Route.ikcs(.ikc(ikc.id)).path)">\(ikc.name)</a>: jaarplan \(year) \(state). <a href="\(Route.plans(.index).path)">Naar het jaarplan</a>\(open)</li>
            """)
        }
        return """
        <h2>Uw IKC</h2>
        <ul>\(items)</ul>
        \(programme.map { HTML("<p class=\"hint\">\($0.yearKindExplanation)</p>") })
        """
    }

    public static func render(context: PageContext, summary: Summary) -> HTML {
        guard let principal = context.principal else { return .empty }
        let body: HTML
        switch principal.role {
        case .projectleider:
            body = leader(summary, programme: context.programme)
        case .directeur:
            body = director(summary, programme: context.programme)
        case .partner:
            let waiting = summary.agreementsInConcept.map { HTML("<li>\($0.name)</li>") }
            body = """
            <p class="lead">Als partner leest u de resultaatafspraken waarbij uw organisatie partij is, en tekent u ze hier.</p>
            \(waiting.isEmpty ? HTML("<p>Er ligt geen afspraak voor u ter ondertekening.</p>") : HTML("<h2>Ter ondertekening</h2><ul>\(waiting)</ul>"))
            <p><a class="button button--primary" href="\(Route.agreements(.index).path)">Naar de resultaatafspraken</a></p>
            """
        case .ontwikkelgroep:
            body = """
            <p class="lead">Als lid van de \(context.steeringGroup) leest u de jaarrapportages, de afspraken en de voortgang.</p>
            <h2>Gepubliceerde jaarrapportages</h2>
            \(reportList(summary.reports))
            <p><a class="button button--primary" href="\(Route.reports(.index).path)">Naar de jaarrapportages</a>
            <a class="button button--secondary" href="\(Route.ikcs(.index).path)">Alle IKC's</a></p>
            """
        }
        return Layout.page(title: "Start", context: context.with(.home), """
        <h1>Welkom, \(principal.name)</h1>
        \(PlanReminderSection.render(context: context, items: summary.planReminders))
        \(body)
        """)
    }
}
