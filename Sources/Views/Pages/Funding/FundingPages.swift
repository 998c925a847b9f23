import Domain
import Markup

/// The funding pages (issue 8): the overview of sources × years with budgets, commitments,
/// concept changes, remaining budget and realised spending, with the over-commitment flag.
public enum FundingPages {
    // MARK: - Shared pieces

    /// An amount, or "–" when it is not known.
    static func money(_ cents: Int64?) -> String {
        guard let cents else { return "–" }
        return DutchFormat.euros(cents: cents)
    }

    /// A change with its sign ("+ € 5.000", "€ -2.500"), "–" for none: the plus before the euro
    /// sign, as a reader says it.
    static func change(_ cents: Int64) -> String {
        if cents == 0 { return "–" }
        if cents > 0 { return "+ " + DutchFormat.euros(cents: cents) }
        return DutchFormat.euros(cents: cents)
    }

    /// The cell of the remaining budget: red text with the amount when over-committed.
    static func remainingCell(_ balance: Funding.Balance) -> HTML {
        if balance.isOverCommitted {
            return "<td class=\"num funding-over\"><span class=\"flag\">Overschreden met \(DutchFormat.euros(cents: balance.overCommitment))</span></td>"
        }
        return "<td class=\"num\">\(DutchFormat.euros(cents: balance.remaining))</td>"
    }

    /// The cell of the concept change, with a warning when fixing the concepts would go over.
    static func conceptCell(_ balance: Funding.Balance) -> HTML {
        if !balance.isOverCommitted && balance.isOverCommittedWithConcepts {
            return """
            <td class="num">\(change(balance.conceptChange))<br><span class="funding-warn">met concepten \(DutchFormat.euros(cents: balance.overCommitmentWithConcepts)) te veel</span></td>
            """
        }
        return "<td class=\"num\">\(change(balance.conceptChange))</td>"
    }

    static func yearExplanation(_ programme: Programme) -> HTML {
        "<p class=\"hint\">\(programme.yearKindExplanation) Bedragen in euro's. Toegezegd: wat de vastgestelde versie van elke afspraak toezegt (een bijstelling vervangt de bedragen van de vorige versie). Concept: wat een nog niet vastgestelde nieuwere versie daaraan zou veranderen. Gerealiseerd: volgens de Check van goedgekeurde jaarplannen (een jaarplan dat nog niet is goedgekeurd telt niet mee).</p>"
    }

    static func csvLink(_ href: String, _ label: String) -> HTML {
        "<a class=\"button button--secondary\" href=\"\(href)\" download>\(label)</a>"
    }

    /// The list of over-committed sources and years, red, above a table.
    static func overCommitmentAlert(_ ledger: Funding.Ledger, sources: FundingSourceList, programme: Programme) -> HTML {
        let over = ledger.overCommitments
        guard !over.isEmpty else {
            return "<p class=\"funding-ok\">Geen overschrijdingen: in geen enkel jaar zijn de vastgestelde toezeggingen hoger dan het budget.</p>"
        }
        var items: [HTML] = []
        for item in over {
            items.append("""
            <li><a href="\(Route.funding(.source(item.key.sourceID)).path)">\(sources.name(item.key.sourceID))</a>, \(programme.yearLabel(item.key.year)): \(DutchFormat.euros(cents: item.amount)) meer toegezegd dan het budget</li>
            """)
        }
        return """
        <div class="funding-alert" role="status"><h2>Overschrijdingen</h2><ul>\(items)</ul></div>
        """
    }

    /// The overview chart: fixed commitments per source stacked per year, against the total budget.
    static func overviewChart(_ ledger: Funding.Ledger, sources: FundingSourceList, programme: Programme) -> HTML {
        var bars: [StackedBarChart.Bar] = []
        for year in ledger.years {
            let total = ledger.yearTotal(year)
            bars.append(StackedBarChart.Bar(label: programme.yearLabel(year), values: ledger.sourceIDs.map { ledger.balance($0, year).committed },
                                            limit: total.budget))
        }
        let chart = StackedBarChart(
            id: "chart-overview", title: "Vastgestelde toezeggingen per financieringsbron per jaar, tegen het totale budget",
            description: "Gestapelde staven: per jaar de toezeggingen van de vastgestelde afspraken, per financieringsbron; de stippellijn is het totale budget van dat jaar. De tabel hieronder bevat dezelfde bedragen.",
            series: ledger.sourceIDs.map(sources.name), bars: bars)
        return """
        <figure class="chart">\(chart.render())<figcaption>Toezeggingen per bron en jaar tegen het budget. De bedragen staan in de tabel hieronder.</figcaption></figure>
        """
    }

    // MARK: - Overview

    public static func overview(context: PageContext, programme: Programme, sources: FundingSourceList, ledger: Funding.Ledger,
                                canEdit: Bool, notice: String?, undecided: [Funding.Undecided] = [],
                                settings: FundingSettings = FundingSettings(), promises: HTML = .empty) -> HTML {
        var head: [HTML] = []
        for year in ledger.years {
            head.append("<th scope=\"col\" class=\"num\"><a href=\"\(Route.funding(.year(year)).path)\">\(programme.yearLabel(year))</a></th>")
        }
        var bodies: [HTML] = []
        for source in sources.list {
            let balances = ledger.years.map { ledger.balance(source.id, $0) }
            let title: HTML = """
            <a href="\(Route.funding(.source(source.id)).path)">\(source.name)</a><br><span class="hint">\(sources.kindLabel(source))</span>\(planningNote(source, sources: sources))
            """
            bodies.append("<tbody class=\"funding-group\">\(balanceRows(title: title, balances: balances, total: ledger.sourceTotal(source.id)))</tbody>")
        }
        let totals = balanceRows(title: "Alle bronnen", balances: ledger.years.map(ledger.yearTotal), total: ledger.total)
        let actions: HTML = canEdit ? "<a class=\"button button--primary\" href=\"\(Route.funding(.new).path)\">Financieringsbron toevoegen</a>" : .empty
        let table: HTML = """
        <div class="table-scroll funding-scroll">
        <table class="data funding-table">
        <caption>Budget, toezeggingen en gerealiseerde uitgaven per financieringsbron en jaar</caption>
        <thead><tr><th scope="col">Financieringsbron</th><th scope="col">Bedrag</th>\(head)<th scope="col" class="num">Totaal</th></tr></thead>
        \(bodies)
        <tfoot>\(totals)</tfoot>
        </table>
        </div>
        """
        return Layout.page(title: "Financiering", context: context.with(.funding), """
        <h1>Financiering</h1>
        \(Components.notice(notice))
        \(yearExplanation(programme))
        \(planningExplanation(sources: sources, settings: settings, programme: programme))
        <p>\(actions)\(scenarioLink(context))\(csvLink(Route.funding(.indexCSV).path, "Tabel als CSV"))\(planningLinks(context))</p>
        \(overCommitmentAlert(ledger, sources: sources, programme: programme))
        \(undecidedBlock(undecided, sources: sources, programme: programme))
        \(overviewChart(ledger, sources: sources, programme: programme))
        \(table)
        \(promises)
        """)
    }

    /// The five rows of one source (or of all): budget, committed, concept change, remaining, spent.
    static func balanceRows(title: HTML, balances: [Funding.Balance], total: Funding.Balance) -> HTML {
        let all = balances + [total]
        var budget: [HTML] = [], committed: [HTML] = [], concept: [HTML] = [], remaining: [HTML] = [], spent: [HTML] = []
        for balance in all {
            budget.append("<td class=\"num\">\(money(balance.budget))</td>")
            committed.append("<td class=\"num\">\(DutchFormat.euros(cents: balance.committed))</td>")
            concept.append(conceptCell(balance))
            remaining.append(remainingCell(balance))
            spent.append("<td class=\"num\">\(money(balance.spent))</td>")
        }
        return """
        <tr><th scope="rowgroup" rowspan="5">\(title)</th><th scope="row">Budget</th>\(budget)</tr>
        <tr><th scope="row">Toegezegd (vastgesteld)</th>\(committed)</tr>
        <tr><th scope="row">Concept (wijziging)</th>\(concept)</tr>
        <tr><th scope="row">Resterend</th>\(remaining)</tr>
        <tr><th scope="row">Gerealiseerd</th>\(spent)</tr>
        """
    }
}
