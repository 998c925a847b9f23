import Domain
import Markup

/// The what-if page: another budget for one source and/or other contributions for one agreement,
/// and the effect on every year's balance. A GET form: nothing is ever saved, so it needs no
/// CSRF token (and must not put one in a URL), which is why it does not use `Components.form`.
extension FundingPages {
    public struct ScenarioInput: Sendable {
        public var sourceID: Int64?
        /// Year -> typed budget of the chosen source.
        public var budgetTexts: [Int: String]
        public var agreementID: Int64?
        /// The years the chosen agreement covers (within the programme).
        public var agreementYears: [Int]
        /// (source, year) -> typed contribution of the chosen agreement.
        public var contributionTexts: [Funding.Key: String]
        public var errors: ValidationErrors
        /// The query string of this request, for the CSV link ("" for none).
        public var query: String

        public init(sourceID: Int64? = nil, budgetTexts: [Int: String] = [:], agreementID: Int64? = nil, agreementYears: [Int] = [],
                    contributionTexts: [Funding.Key: String] = [:], errors: ValidationErrors = ValidationErrors(), query: String = "") {
            self.sourceID = sourceID
            self.budgetTexts = budgetTexts
            self.agreementID = agreementID
            self.agreementYears = agreementYears
            self.contributionTexts = contributionTexts
            self.errors = errors
            self.query = query
        }

        public static func budgetField(_ year: Int) -> String { "b_\(year)" }
        public static func contributionField(_ key: Funding.Key) -> String { "c_\(key.sourceID)_\(key.year)" }
    }

    /// An amount as typed in a form field: "200.000", "12.500,50" (no euro sign).
    public static func amountText(_ cents: Int64) -> String {
        let text = DutchFormat.euros(cents: cents)
        return text.hasPrefix("€ ") ? String(text.dropFirst(2)) : text
    }

    public static func scenario(context: PageContext, programme: Programme, sources: FundingSourceList, agreements: [(id: Int64, label: String)],
                                input: ScenarioInput, outcome: Funding.ScenarioOutcome?) -> HTML {
        let sourceOptions = sources.list.map { (String($0.id), $0.name) }
        let agreementOptions = agreements.map { (String($0.id), $0.label) }
        let none = ValidationErrors()
        var parts: [HTML] = []
        parts.append("""
        <fieldset class="field"><legend>Wat wilt u veranderen?</legend>
        \(Components.select("source", label: "Het budget van één financieringsbron", options: sourceOptions, selected: input.sourceID.map { String($0) } ?? "", errors: none, includeEmpty: "Geen"))
        \(Components.select("agreement", label: "De bijdragen in één afspraak", options: agreementOptions, selected: input.agreementID.map { String($0) } ?? "", errors: none, includeEmpty: "Geen"))
        <button type="submit" class="button button--secondary" name="stap" value="kies">Invoer tonen</button>
        </fieldset>
        """)
        if let sourceID = input.sourceID {
            parts.append(scenarioBudgetInputs(programme: programme, name: sources.name(sourceID), sourceID: sourceID, input: input))
        }
        if let agreementID = input.agreementID {
            let label = agreements.first { $0.id == agreementID }?.label ?? "Afspraak \(agreementID)"
            parts.append(scenarioContributionInputs(programme: programme, sources: sources, label: label, agreementID: agreementID, input: input))
        }
        if input.sourceID != nil || input.agreementID != nil {
            parts.append("<button type=\"submit\" class=\"button button--primary\" name=\"stap\" value=\"bereken\">Effect berekenen</button>")
        }
        let csv: HTML = outcome == nil ? .empty
            : "<p>\(csvLink(Route.funding(.scenarioCSV).path + "?" + input.query + (input.query.isEmpty ? "" : "&") + "tabel=jaren", "Effect per jaar als CSV"))\(csvLink(Route.funding(.scenarioCSV).path + "?" + input.query + (input.query.isEmpty ? "" : "&") + "tabel=bronnen", "Bronnen als CSV"))</p>"
        return Layout.page(title: "Scenario", context: context.with(.funding), """
        <p><a href="\(Route.funding(.index).path)">Financiering</a></p>
        <h1>Scenario: wat als?</h1>
        <p class="lead">Verander het budget van één bron of de bijdragen in één afspraak en zie het effect op elk jaar. Er wordt niets opgeslagen.</p>
        \(yearExplanation(programme))
        \(Components.errorSummary(input.errors))
        <form method="get" action="\(Route.funding(.scenario).path)" class="funding-scenario">
        \(parts)
        </form>
        \(outcome.map { scenarioOutcome($0, sources: sources, programme: programme) })
        \(csv)
        """)
    }

    static func yearInputCell(field: String, label: String, value: String, errors: ValidationErrors) -> HTML {
        let error = errors[field]
        let message: HTML = error.map { "<p class=\"field-error\" id=\"\(field)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" } ?? .empty
        return """
        <td\(attr: "class", error == nil ? nil : "field--error")><label class="visually-hidden" for="\(field)">\(label)</label>\(message)<input type="text" id="\(field)" name="\(field)" value="\(value)" inputmode="decimal" autocomplete="off"\(attr: "aria-describedby", error == nil ? nil : "\(field)-error")\(attr: "aria-invalid", error == nil ? nil : "true")></td>
        """
    }

    static func scenarioBudgetInputs(programme: Programme, name: String, sourceID: Int64, input: ScenarioInput) -> HTML {
        var head: [HTML] = [], cells: [HTML] = []
        for year in programme.years {
            head.append("<th scope=\"col\">\(programme.yearLabel(year))</th>")
            let field = ScenarioInput.budgetField(year)
            cells.append(yearInputCell(field: field, label: "Budget \(name) \(programme.yearLabel(year))", value: input.budgetTexts[year] ?? "", errors: input.errors))
        }
        return """
        <fieldset class="field funding-budgets"><legend>Budget van \(name) per jaar</legend>
        <input type="hidden" name="for_source" value="\(String(sourceID))">
        <p class="hint">In euro's. Leeg: geen budget in dat jaar.</p>
        <div class="table-scroll funding-scroll"><table class="data year-inputs">
        <caption class="visually-hidden">Budget van \(name) per jaar</caption>
        <thead><tr>\(head)</tr></thead><tbody><tr>\(cells)</tr></tbody>
        </table></div>
        </fieldset>
        """
    }

    static func scenarioContributionInputs(programme: Programme, sources: FundingSourceList, label: String, agreementID: Int64, input: ScenarioInput) -> HTML {
        var head: [HTML] = []
        for year in input.agreementYears { head.append("<th scope=\"col\">\(programme.yearLabel(year))</th>") }
        var rows: [HTML] = []
        for source in sources.list {
            var cells: [HTML] = []
            for year in input.agreementYears {
                let key = Funding.Key(source.id, year)
                cells.append(yearInputCell(field: ScenarioInput.contributionField(key), label: "\(source.name) \(programme.yearLabel(year))",
                                           value: input.contributionTexts[key] ?? "", errors: input.errors))
            }
            rows.append("<tr><th scope=\"row\">\(source.name)</th>\(cells)</tr>")
        }
        return """
        <fieldset class="field funding-budgets"><legend>Bijdragen in de afspraak van \(label)</legend>
        <input type="hidden" name="for_agreement" value="\(String(agreementID))">
        <p class="hint">Per bron en jaar, in euro's, alle partijen samen; deze bedragen vervangen die van de vastgestelde versie. Leeg: geen bijdrage. Heeft de afspraak nog geen vastgestelde versie, dan staan hier eerst de bedragen van het concept en rekent het scenario alsof het is vastgesteld.</p>
        <div class="table-scroll funding-scroll"><table class="data year-inputs">
        <caption class="visually-hidden">Bijdragen per bron en jaar</caption>
        <thead><tr><th scope="col">Bron</th>\(head)</tr></thead><tbody>\(rows)</tbody>
        </table></div>
        </fieldset>
        """
    }

    static func scenarioOutcome(_ outcome: Funding.ScenarioOutcome, sources: FundingSourceList, programme: Programme) -> HTML {
        var yearRows: [HTML] = []
        for year in outcome.after.years {
            let before = outcome.before.yearTotal(year), after = outcome.after.yearTotal(year)
            yearRows.append("""
            <tr><th scope="row" class="funding-year">\(programme.yearLabel(year))</th><td class="num">\(money(before.budget))</td><td class="num">\(money(after.budget))</td><td class="num">\(DutchFormat.euros(cents: before.committed))</td><td class="num">\(DutchFormat.euros(cents: after.committed))</td><td class="num">\(DutchFormat.euros(cents: before.remaining))</td><td class="num">\(DutchFormat.euros(cents: after.remaining))</td><td class="num">\(change(after.remaining - before.remaining))</td></tr>
            """)
        }
        var head: [HTML] = []
        for year in outcome.after.years { head.append("<th scope=\"col\" class=\"num\">\(programme.yearLabel(year))</th>") }
        var sourceRows: [HTML] = []
        for sourceID in outcome.after.sourceIDs {
            var cells: [HTML] = []
            for year in outcome.after.years {
                let before = outcome.before.balance(sourceID, year), after = outcome.after.balance(sourceID, year)
                let difference = after.remaining - before.remaining
                let note: HTML = difference == 0 ? .empty : "<br><span class=\"hint\">\(change(difference)) t.o.v. nu</span>"
                if after.isOverCommitted {
                    cells.append("<td class=\"num funding-over\"><span class=\"flag\">Overschreden met \(DutchFormat.euros(cents: after.overCommitment))</span>\(note)</td>")
                } else {
                    cells.append("<td class=\"num\">\(DutchFormat.euros(cents: after.remaining))\(note)</td>")
                }
            }
            sourceRows.append("<tr><th scope=\"row\">\(sources.name(sourceID))</th>\(cells)</tr>")
        }
        let newlyOver = outcome.after.overCommitments.filter { item in !outcome.before.balance(item.key.sourceID, item.key.year).isOverCommitted }
        var newItems: [HTML] = []
        for item in newlyOver {
            newItems.append("<li>\(sources.name(item.key.sourceID)), \(programme.yearLabel(item.key.year)): \(DutchFormat.euros(cents: item.amount)) te veel</li>")
        }
        let summary: HTML = newlyOver.isEmpty
            ? "<p>Dit scenario veroorzaakt geen nieuwe overschrijdingen.</p>"
            : "<div class=\"funding-alert\" role=\"status\"><h3>Nieuwe overschrijdingen in dit scenario</h3><ul>\(newItems)</ul></div>"
        return """
        <h2 id="effect">Effect van het scenario</h2>
        \(summary)
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Alle bronnen samen per jaar: nu en in het scenario</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col" class="num">Budget nu</th><th scope="col" class="num">Budget scenario</th><th scope="col" class="num">Toegezegd nu</th><th scope="col" class="num">Toegezegd scenario</th><th scope="col" class="num">Resterend nu</th><th scope="col" class="num">Resterend scenario</th><th scope="col" class="num">Verschil</th></tr></thead>
        <tbody>\(yearRows)</tbody>
        </table></div>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Resterend budget per bron en jaar in het scenario (verschil met nu eronder)</caption>
        <thead><tr><th scope="col">Financieringsbron</th>\(head)</tr></thead>
        <tbody>\(sourceRows)</tbody>
        </table></div>
        """
    }
}
