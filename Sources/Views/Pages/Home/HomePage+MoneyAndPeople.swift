import Domain
import Markup

/// The project leader's home: budgets not yet decided and staff promised beyond the pool (issue 19).
extension HomePage {
    static func moneyAndPeople(_ s: Summary, programme: Programme?) -> HTML {
        guard let programme else { return .empty }
        var undecided: [HTML] = []
        for (name, item) in s.undecidedBudgets {
            undecided.append("<li><a href=\"\(Route.funding(.source(item.sourceID)).path)\">\(FundingPages.undecidedSentence(item, name: name, programme: programme))</a></li>")
        }
        var over: [HTML] = []
        for (line, label) in s.overCapacity {
            over.append("<li><a href=\"\(Route.funding(.staffing).path)\">\(Capacity.sentence(line, roleLabel: label, yearLabel: programme.yearLabel(line.year)))</a></li>")
        }
        let overBlock: HTML = over.isEmpty
            ? "<p>Geen: de vastgestelde afspraken beloven niet meer uren dan de pool heeft.</p>"
            : "<div class=\"funding-alert staffing-over\" id=\"over-capacity\"><ul>\(over)</ul></div>"
        return """
        <section aria-labelledby="money-people"><h2 id="money-people">Geld en mensen</h2>
        <h3>Budgetten nog niet vastgesteld</h3>
        \(list(undecided, empty: "Alle budgetten zijn vastgesteld."))
        <h3>Meer uren toegezegd dan beschikbaar</h3>
        \(overBlock)
        <p><a href="\(Route.funding(.staffing).path)">Naar personeel</a></p>
        </section>
        """
    }
}
