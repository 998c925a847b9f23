import Domain
import Foundation
import HTTP
import Markup
import Store
import Views

/// The what-if page: a GET form over a source's budgets and an agreement's contributions; writes nothing.
extension FundingHandler {
    func showScenario(csv asCSV: Bool) throws -> Response {
        guard readsEverySource else { throw AppError.forbidden }
        let query = request.query
        let programme = try programme()
        let (sources, labels, budgets, figures, spending) = try store.read { c in
            (try FundingSources.list(c), try FundingSources.agreementLabels(c), try FundingSources.budgets(c),
             try FundingSources.agreementFigures(c), try FundingSources.spending(c))
        }
        let (parents, settings) = try store.read { c in (try FundingSources.parents(c), try FundingSources.settings(c)) }
        let calendarSources = Set(sources.list.filter(\.calendarBudget).map(\.id))
        let years = Array(programme.years)
        var input = FundingPages.ScenarioInput()
        var scenario = Funding.Scenario()
        var errors = ValidationErrors()

        if let id = Int64(query["source"] ?? ""), sources.list.contains(where: { $0.id == id }) {
            input.sourceID = id
            if query["for_source"] == String(id) {
                for year in years { input.budgetTexts[year] = query[FundingPages.ScenarioInput.budgetField(year)] ?? "" }
            } else {
                for year in years { input.budgetTexts[year] = budgets[Funding.Key(id, year)].map(FundingPages.amountText) ?? "" }
            }
            let parsed = Funding.parseAmounts(input.budgetTexts, field: FundingPages.ScenarioInput.budgetField,
                                              label: programme.yearLabel, parse: DutchFormat.parseEuros)
            for message in parsed.errors.messages { errors.add(message.field, message.message) }
            scenario.budgetSourceID = id
            scenario.budgets = parsed.amounts
        }

        if let id = Int64(query["agreement"] ?? ""), let label = labels.first(where: { $0.agreementID == id }) {
            input.agreementID = id
            input.agreementYears = years.filter { $0 >= label.firstYear && $0 <= label.lastYear }
            let figure = figures.first { $0.agreementID == id }
            // Without a fixed version the what-if starts from the concept's figures.
            let current = (figure?.committed.isEmpty ?? true) ? (figure?.proposed ?? [:]) : (figure?.committed ?? [:])
            for source in sources.list {
                for year in input.agreementYears {
                    let key = Funding.Key(source.id, year)
                    if query["for_agreement"] == String(id) {
                        input.contributionTexts[key] = query[FundingPages.ScenarioInput.contributionField(key)] ?? ""
                    } else {
                        input.contributionTexts[key] = current[key].map(FundingPages.amountText) ?? ""
                    }
                }
            }
            let names = Dictionary(uniqueKeysWithValues: sources.list.map { ($0.id, $0.name) })
            let parsed = Funding.parseAmounts(input.contributionTexts, field: FundingPages.ScenarioInput.contributionField,
                                              label: { "\(names[$0.sourceID] ?? "") in \(programme.yearLabel($0.year))" },
                                              parse: DutchFormat.parseEuros)
            for message in parsed.errors.messages { errors.add(message.field, message.message) }
            // The agreement's figures outside the years shown stay as they are.
            var contributions = parsed.amounts
            for (key, cents) in current where !input.agreementYears.contains(key.year) { contributions[key] = cents }
            scenario.agreementID = id
            scenario.contributions = contributions
        }

        input.errors = errors
        input.query = FundingHandler.scenarioQuery(query)
        let outcome = errors.isEmpty && !scenario.isEmpty
            ? Funding.ScenarioOutcome(scenario: scenario, sourceIDs: sources.list.map(\.id), years: years, budgets: budgets,
                                      figures: figures, spending: spending, parents: parents, calendarSources: calendarSources,
                                      split: programme.yearKind == .school ? settings.split : nil)
            : nil
        if asCSV {
            guard let outcome else { throw AppError.badRequest("Kies eerst een scenario met geldige bedragen.") }
            if query["tabel"] == "bronnen" {
                return csv(FundingCSV.scenarioSources(programme: programme, sources: sources, outcome: outcome), filename: "scenario-bronnen.csv")
            }
            return csv(FundingCSV.scenarioYears(programme: programme, outcome: outcome), filename: "scenario.csv")
        }
        let agreements = labels.map { (id: $0.agreementID, label: "\($0.ikcName) (\(programme.yearLabel($0.firstYear)) t/m \(programme.yearLabel($0.lastYear)))") }
        return page(FundingPages.scenario(context: user.page, programme: programme, sources: sources, agreements: agreements,
                                          input: input, outcome: outcome), status: errors.isEmpty ? 200 : 422)
    }

    /// The scenario's own fields of a query, encoded again (for the CSV links).
    static func scenarioQuery(_ query: FormValues) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return query.pairs.filter { $0.name != "tabel" && $0.name != "stap" }
            .map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }
}
