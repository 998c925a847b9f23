import Domain
import Markup

/// One programme year across all sources: each source's balance, and what each IKC draws on each source.
extension FundingPages {
    public static func year(context: PageContext, programme: Programme, sources: FundingSourceList, year: Int,
                            ledger: Funding.Ledger, rows: [Funding.YearRow], promises: HTML = .empty) -> HTML {
        let label = programme.yearLabel(year)
        var sourceRows: [HTML] = []
        for source in sources.list {
            sourceRows.append(balanceRow(label: "<a href=\"\(Route.funding(.source(source.id)).path)\">\(source.name)</a>", ledger.balance(source.id, year)))
        }
        var navigation: [HTML] = []
        if programme.years.contains(year - 1) {
            navigation.append("<a href=\"\(Route.funding(.year(year - 1)).path)\">← \(programme.yearLabel(year - 1))</a> ")
        }
        if programme.years.contains(year + 1) {
            navigation.append("<a href=\"\(Route.funding(.year(year + 1)).path)\">\(programme.yearLabel(year + 1)) →</a>")
        }
        let csv = Route.funding(.yearCSV(year)).path
        return Layout.page(title: "Financiering \(label)", context: context.with(.funding), """
        <p><a href="\(Route.funding(.index).path)">Financiering</a></p>
        <h1>Financiering \(label)</h1>
        \(yearExplanation(programme))
        <p class="funding-years">\(navigation)</p>
        <p>\(csvLink(csv + "?tabel=bronnen", "Bronnen als CSV"))\(csvLink(csv + "?tabel=ikcs", "IKC's als CSV"))</p>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Budget en toezeggingen per financieringsbron in \(label)</caption>
        <thead><tr><th scope="col">Financieringsbron</th>\(balanceHead)</tr></thead>
        <tbody>\(sourceRows)</tbody>
        <tfoot>\(balanceRow(label: "Alle bronnen", ledger.yearTotal(year)))</tfoot>
        </table></div>
        \(yearIKCTable(sources: sources, year: year, ledger: ledger, rows: rows, label: label))
        \(promises)
        """)
    }

    static func yearIKCTable(sources: FundingSourceList, year: Int, ledger: Funding.Ledger, rows: [Funding.YearRow], label: String) -> HTML {
        var head: [HTML] = []
        for source in sources.list { head.append("<th scope=\"col\" class=\"num\">\(source.name)</th>") }
        var body: [HTML] = []
        for row in rows {
            var cells: [HTML] = []
            for source in sources.list { cells.append("<td class=\"num\">\(DutchFormat.euros(cents: row.committed[source.id] ?? 0))</td>") }
            // A part's amounts are inside its parent's column: the total adds the top-level sources.
            let total = ledger.totalSourceIDs.reduce(Int64(0)) { $0 + (row.committed[$1] ?? 0) }
            body.append("""
            <tr><th scope="row"><a href="\(Route.ikcs(.ikc(row.ikcID)).path)">\(row.ikcName)</a></th>\(cells)<td class="num">\(DutchFormat.euros(cents: total))</td></tr>
            """)
        }
        var totals: [HTML] = []
        for source in sources.list { totals.append("<td class=\"num\">\(DutchFormat.euros(cents: ledger.balance(source.id, year).committed))</td>") }
        return """
        <h2>Toezeggingen per IKC in \(label)</h2>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Wat de vastgestelde afspraak van elk IKC in \(label) toezegt, per financieringsbron</caption>
        <thead><tr><th scope="col">IKC</th>\(head)<th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>\(body)</tbody>
        <tfoot><tr><th scope="row">Totaal</th>\(totals)<td class="num">\(DutchFormat.euros(cents: ledger.yearTotal(year).committed))</td></tr></tfoot>
        </table></div>
        """
    }
}
