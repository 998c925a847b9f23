import Domain
import Markup

/// The pieces issue 19 adds to the funding pages: budget status, earmarks and calendar-year budgets.
extension FundingPages {
    /// The form's earmark and calendar-year fields.
    static func planningFields(programme: Programme, sources: FundingSourceList, sourceID: Int64?, form: FundingSourceForm,
                               errors: ValidationErrors) -> HTML {
        let others = sources.list.filter { $0.id != sourceID }.map { (String($0.id), $0.name) }
        let calendarHint: HTML = programme.yearKind == .school
            ? "De vergelijking met de toezeggingen per schooljaar verdeelt elk schooljaar over twee kalenderjaren (zie Instellingen)."
            : "Het programma telt al in kalenderjaren; deze instelling verandert dan niets."
        return """
        \(Components.select("parent", label: "Onderdeel van (oormerk)", options: others, selected: form.parent, errors: errors, includeEmpty: "Geen: een zelfstandige bron"))
        <div class="field"><div class="checkbox"><input type="checkbox" id="calendar_budget" name="calendar_budget" value="1" aria-describedby="calendar_budget-hint"\(attr: "checked", if: form.calendarBudget)><label for="calendar_budget">Begroting per kalenderjaar</label></div>
        <p class="hint" id="calendar_budget-hint">\(calendarHint)</p></div>
        """
    }

    /// The status select of one year's budget.
    static func statusCell(programme: Programme, year: Int, form: FundingSourceForm, errors: ValidationErrors) -> HTML {
        let field = FundingSourceForm.statusField(year)
        let selected = form.statusTexts[year].flatMap { $0.isEmpty ? nil : $0 } ?? BudgetStatus.vastgesteld.rawValue
        var options: [HTML] = []
        for status in BudgetStatus.allCases {
            options.append("<option value=\"\(status.rawValue)\"\(attr: "selected", if: status.rawValue == selected)>\(status.label)</option>")
        }
        let error = errors[field]
        let message: HTML = error.map { "<p class=\"field-error\" id=\"\(field)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" } ?? .empty
        return """
        <td><label class="visually-hidden" for="\(field)">Status budget \(programme.yearLabel(year))</label>\(message)<select id="\(field)" name="\(field)"\(attr: "aria-invalid", error == nil ? nil : "true")>\(options)</select></td>
        """
    }

    /// "2025-2026 t/m 2028-2029, 2030-2031".
    static func yearRuns(_ years: [Int], programme: Programme) -> String {
        Funding.runs(years).map { run in
            run.count == 1 ? programme.yearLabel(run.lowerBound) : "\(programme.yearLabel(run.lowerBound)) t/m \(programme.yearLabel(run.upperBound))"
        }.joined(separator: ", ")
    }

    /// One sentence per source with undecided years: "Collegeprogramma Steunstructuur 12-: budget
    /// onder voorbehoud in 2023-2024 t/m 2028-2029; € 58.000 toegezegd onder voorbehoud."
    public static func undecidedSentence(_ item: Funding.Undecided, name: String, programme: Programme) -> String {
        var parts: [String] = []
        if !item.provisionalYears.isEmpty {
            parts.append("budget onder voorbehoud in \(yearRuns(item.provisionalYears, programme: programme)); \(DutchFormat.euros(cents: item.committedProvisional)) toegezegd onder voorbehoud")
        }
        if !item.unbudgetedYears.isEmpty {
            parts.append("geen budget in \(yearRuns(item.unbudgetedYears, programme: programme)); \(DutchFormat.euros(cents: item.committedUnbudgeted)) toegezegd zonder budget")
        }
        return "\(name): " + parts.joined(separator: "; ") + "."
    }

    /// The list of sources whose budget is not decided in some years, above the overview's table.
    static func undecidedBlock(_ items: [Funding.Undecided], sources: FundingSourceList, programme: Programme) -> HTML {
        guard !items.isEmpty else {
            return "<p class=\"funding-ok\">Alle budgetten zijn vastgesteld.</p>"
        }
        var list: [HTML] = []
        for item in items {
            list.append("<li><a href=\"\(Route.funding(.source(item.sourceID)).path)\">\(undecidedSentence(item, name: sources.name(item.sourceID), programme: programme))</a></li>")
        }
        return """
        <div class="funding-alert funding-undecided" role="status"><h2>Budget nog niet vastgesteld</h2><ul>\(list)</ul></div>
        """
    }

    /// The title cell's extra line of a source: earmark and calendar year.
    static func planningNote(_ source: FundingSource, sources: FundingSourceList) -> HTML {
        var notes: [String] = []
        if let parent = source.parentID { notes.append("onderdeel van \(sources.name(parent))") }
        if source.calendarBudget { notes.append("begroting per kalenderjaar") }
        guard !notes.isEmpty else { return .empty }
        return "<br><span class=\"hint\">\(notes.joined(separator: "; "))</span>"
    }

    /// The explanation of earmarks and the calendar split, when the programme's sources use them.
    static func planningExplanation(sources: FundingSourceList, settings: FundingSettings, programme: Programme) -> HTML {
        var sentences: [String] = []
        if sources.list.contains(where: { $0.parentID != nil }) {
            sentences.append("Een bron die onderdeel is van een andere bron (een oormerk) telt binnen het budget van die bron: wat aan het onderdeel is toegezegd, telt bij beide mee, en \"Alle bronnen\" telt elke euro één keer.")
        }
        if programme.yearKind == .school, sources.list.contains(where: \.calendarBudget) {
            sentences.append(settings.split.explanation)
        }
        guard !sentences.isEmpty else { return .empty }
        return "<p class=\"hint\">\(sentences.joined(separator: " "))</p>"
    }
}

extension FundingPages {
    /// The links to the staffing page and the settings, beside the overview's buttons.
    /// The staffing page (programme-wide, so not for a partner, who reads its own organisation's
    /// figures only) and the settings (for those who may change them).
    static func planningLinks(_ context: PageContext) -> HTML {
        var links: [HTML] = []
        if let principal = context.principal,
           Authorization.allows(principal, .read, .fundingSource, on: Authorization.Subject(organisationID: nil)) {
            links.append("<a class=\"button button--secondary\" href=\"\(Route.funding(.staffing).path)\">Personeel</a>")
        }
        if context.mayFollow(.funding(.settings)) {
            links.append("<a class=\"button button--secondary\" href=\"\(Route.funding(.settings).path)\">Instellingen</a>")
        }
        return "\(links)"
    }
}

extension FundingPages {
    /// The source page's facts about earmarks and calendar-year budgets.
    static func planningFacts(_ source: FundingSource, sources: FundingSourceList, programme: Programme, settings: FundingSettings?) -> HTML {
        var facts: [HTML] = []
        if let parent = source.parentID {
            facts.append("""
            <dt>Onderdeel van</dt><dd><a href="\(Route.funding(.source(parent)).path)">\(sources.name(parent))</a> (het budget telt binnen dat van die bron; toezeggingen tellen bij beide mee)</dd>
            """)
        }
        let parts = sources.list.filter { $0.parentID == source.id }
        if !parts.isEmpty {
            var links: [HTML] = []
            for part in parts { links.append("<a href=\"\(Route.funding(.source(part.id)).path)\">\(part.name)</a>") }
            facts.append("<dt>Onderdelen</dt><dd>\(HTML.joined(links, separator: ", ")) (hun toezeggingen tellen hier mee)</dd>")
        }
        if source.calendarBudget {
            let text = programme.yearKind == .school ? (settings ?? FundingSettings()).split.explanation : "Het programma telt in kalenderjaren."
            facts.append("<dt>Begroting</dt><dd>Per kalenderjaar. \(text)</dd>")
        }
        return "\(facts)"
    }
}
