import Domain
import Markup

/// Promises kept (issue 17): agreed contributions against approved spending, with spending
/// beyond the agreement flagged with the amount ("€ 1.000 boven de afspraak"). One table for the
/// verantwoording, the agreement page, the funding pages and the annual report.
public enum PromisesKeptTable {
    /// The flag's words for an over-spend of `cents`.
    public static func flag(_ cents: Int64) -> String { "\(DutchFormat.euros(cents: cents)) boven de afspraak" }

    /// The flag of a line, empty when it is not over.
    public static func flag(_ line: PromisesKept.Line) -> String { line.overCents.map(flag) ?? "" }

    /// A section with the lines; `showIKC` on pages over several IKCs. Lines whose year has no
    /// approved verantwoording yet are left out; without any line the section says so.
    public static func section(_ lines: [PromisesKept.Line], title: String = "Afspraken nagekomen", showIKC: Bool,
                               yearLabel: (Int) -> String, empty: String = "Nog geen goedgekeurde verantwoording om de afspraken mee te vergelijken.") -> HTML {
        let known = lines.filter { $0.spentCents != nil }
        let over = PromisesKept.overspent(known)
        var rows: [HTML] = []
        for line in known {
            let flagged: HTML = line.overCents.map { HTML("<span class=\"flag\">\(flag($0))</span>") } ?? "Binnen de afspraak"
            let ikc: HTML = showIKC ? "<td>\(line.ikcName)</td>" : .empty
            rows.append("""
            <tr>\(ikc)<td>\(yearLabel(line.year))</td><td>\(line.parties)</td><td>\(line.sourceName)</td>\
            <td class="num">\(DutchFormat.euros(cents: line.agreedCents))</td>\
            <td class="num">\(line.spentCents.map { DutchFormat.euros(cents: $0) } ?? "–")</td><td>\(flagged)</td></tr>
            """)
        }
        let summary: HTML = over.isEmpty ? "<p>Geen partij gaf meer uit dan afgesproken.</p>" : """
        <p class="warning">\(over.count == 1 ? "Eén bijdrage is" : "\(over.count) bijdragen zijn") hoger uitgevallen dan afgesproken.</p>
        """
        let ikcHead: HTML = showIKC ? "<th scope=\"col\">IKC</th>" : .empty
        let table: HTML = rows.isEmpty ? HTML("<p>\(empty)</p>") : summary + """
        <div class="table-scroll"><table class="data promises-kept"><caption>Afgesproken bijdrage tegen goedgekeurde besteding</caption>
        <thead><tr>\(ikcHead)<th scope="col">Jaar</th><th scope="col">Partij</th><th scope="col">Bron</th>\
        <th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Besteed</th><th scope="col">Afspraak</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
        return """
        <section class="promises-kept" aria-labelledby="promises-kept-title">
        <h2 id="promises-kept-title">\(title)</h2>
        \(table)
        </section>
        """
    }

    /// The CSV columns of the lines (header first), for exports that carry the comparison.
    public static func csvRows(_ lines: [PromisesKept.Line], yearLabel: (Int) -> String) -> [[String]] {
        var rows = [["IKC", "Jaar", "Partij", "Bron", "Afgesproken", "Besteed", "Boven de afspraak"]]
        for line in lines where line.spentCents != nil {
            rows.append([line.ikcName, yearLabel(line.year), line.parties, line.sourceName, DutchFormat.euros(cents: line.agreedCents),
                         line.spentCents.map { DutchFormat.euros(cents: $0) } ?? "", flag(line)])
        }
        return rows
    }
}

extension ReportPages {
    /// The promises-kept flag after a report's spent amount ("€ 1.000 boven de afspraak"), worked
    /// out from the frozen figures by the same rule (`PromisesKept.overspend`).
    static func promiseFlag(_ line: ReportFigures.MoneyLine) -> HTML {
        guard let over = PromisesKept.overspend(agreed: line.agreedCents, spent: line.spentCents) else { return .empty }
        return " <span class=\"flag\">\(PromisesKeptTable.flag(over))</span>"
    }
}

extension AgreementPages {
    /// Promises kept on the agreement page: every year with an approved verantwoording, with
    /// the comparison as a CSV.
    static func promisesSection(_ data: AgreementPageData, _ lines: [PromisesKept.Line]) -> HTML {
        guard lines.contains(where: { $0.spentCents != nil }) else { return .empty }
        let csv = Route.agreements(.exportContributions(data.agreement.id)).path + "?tabel=afspraken"
        return PromisesKeptTable.section(lines, showIKC: false, yearLabel: data.programme.yearLabel)
            + "<p class=\"csv-link\"><a href=\"\(csv)\">Afspraken nagekomen als CSV</a></p>"
    }
}

extension FundingPages {
    /// Promises kept on a funding page: the contributions spent beyond the agreement (all of
    /// them on a source's page), with the comparison as a CSV at `csv`.
    public static func promises(_ lines: [PromisesKept.Line], programme: Programme, csv: String, onlyOver: Bool) -> HTML {
        let shown = onlyOver ? PromisesKept.overspent(lines) : lines
        let title = onlyOver ? "Meer besteed dan afgesproken" : "Afspraken nagekomen"
        return PromisesKeptTable.section(shown, title: title, showIKC: true, yearLabel: programme.yearLabel,
                                         empty: onlyOver ? "Geen partij gaf meer uit dan afgesproken." : "Nog geen goedgekeurde verantwoording om de afspraken mee te vergelijken.")
            + "<p class=\"csv-link\"><a href=\"\(csv)\">Afspraken nagekomen als CSV</a></p>"
    }
}

extension FundingPages {
    /// The scenario compares every source: offered to those who read them all (not to a partner).
    static func scenarioLink(_ context: PageContext) -> HTML {
        guard let principal = context.principal,
              Authorization.scope(role: principal.role, action: .read, record: .fundingSource) == .any else { return .empty }
        return "<a class=\"button button--secondary\" href=\"\(Route.funding(.scenario).path)\">Scenario doorrekenen</a>"
    }
}
