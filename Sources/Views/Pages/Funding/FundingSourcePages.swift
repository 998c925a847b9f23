import Domain
import Markup

/// A funding source's page (its balance per year and the IKCs that draw on it) and its form.
extension FundingPages {
    public static func source(context: PageContext, programme: Programme, sources: FundingSourceList, source: FundingSource,
                              ledger: Funding.Ledger, rows: [Funding.DrawingRow], canEdit: Bool, notice: String?,
                              statuses: [Int: BudgetStatus] = [:], settings: FundingSettings? = nil, promises: HTML = .empty) -> HTML {
        let years = ledger.years
        let holder = source.organisationID.flatMap { sources.organisationNames[$0] } ?? "Geen (meerdere organisaties)"
        let edit: HTML = canEdit ? """
            <a class="button button--primary" href="\(Route.funding(.sourceEdit(source.id)).path)">Bron en budget wijzigen</a><a class="button button--secondary" href="\(Route.audit(.index).path + "?soort=financieringsbron&nummer=\(source.id)")">Wijzigingen in het logboek</a>
            """ : .empty
        let notes: HTML = source.notes.isEmpty ? .empty : "<dt>Toelichting</dt><dd>\(source.notes)</dd>"
        return Layout.page(title: source.name, context: context.with(.funding), """
        <p><a href="\(Route.funding(.index).path)">Financiering</a></p>
        <h1>\(source.name)</h1>
        \(Components.notice(notice))
        <dl class="facts"><dt>Soort</dt><dd>\(sources.kindLabel(source))</dd><dt>Houder</dt><dd>\(holder)</dd>\(notes)\(planningFacts(source, sources: sources, programme: programme, settings: settings))</dl>
        <p>\(edit)\(csvLink(Route.funding(.sourceCSV(source.id)).path + "?tabel=jaren", "Jaren als CSV"))\(csvLink(Route.funding(.sourceCSV(source.id)).path + "?tabel=ikcs", "IKC's als CSV"))</p>
        \(yearExplanation(programme))
        \(sourceChart(source: source, ledger: ledger, programme: programme))
        \(sourceYearTable(source: source, ledger: ledger, programme: programme, statuses: statuses))
        \(drawingTable(years: years, rows: rows, ledger: ledger, sourceID: source.id, programme: programme))
        \(promises)
        """)
    }

    static func sourceChart(source: FundingSource, ledger: Funding.Ledger, programme: Programme) -> HTML {
        let bars = ledger.years.map { year -> StackedBarChart.Bar in
            let balance = ledger.balance(source.id, year)
            return StackedBarChart.Bar(label: programme.yearLabel(year), values: [balance.committed, max(0, balance.conceptChange)], limit: balance.budget)
        }
        let chart = StackedBarChart(
            id: "chart-source", title: "\(source.name): toezeggingen per jaar tegen het budget",
            description: "Gestapelde staven: per jaar de vastgestelde toezeggingen en daarboven wat concepten zouden toevoegen; de stippellijn is het budget. De tabel hieronder bevat dezelfde bedragen.",
            series: ["Toegezegd (vastgesteld)", "Concept (toevoeging)"], bars: bars)
        return "<figure class=\"chart\">\(chart.render())<figcaption>Toezeggingen van \(source.name) per jaar tegen het budget. De bedragen staan in de tabel hieronder.</figcaption></figure>"
    }

    static func sourceYearTable(source: FundingSource, ledger: Funding.Ledger, programme: Programme, statuses: [Int: BudgetStatus] = [:]) -> HTML {
        var rows: [HTML] = []
        for year in ledger.years {
            let balance = ledger.balance(source.id, year)
            let status = balance.budget == nil ? BudgetStatus.geenBudget : (statuses[year] ?? .vastgesteld)
            let mark: HTML = status == .vastgesteld ? .empty : "<br><span class=\"hint budget-status\">budget \(status.label)</span>"
            rows.append(balanceRow(label: "<a class=\"funding-year\" href=\"\(Route.funding(.year(year)).path)\">\(programme.yearLabel(year))</a>\(mark)", balance))
        }
        return """
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Budget en toezeggingen van \(source.name) per jaar</caption>
        <thead><tr><th scope="col">Jaar</th>\(balanceHead)</tr></thead>
        <tbody>\(rows)</tbody>
        <tfoot>\(balanceRow(label: "Totaal", ledger.sourceTotal(source.id)))</tfoot>
        </table></div>
        """
    }

    static let balanceHead: HTML = """
    <th scope="col" class="num">Budget</th><th scope="col" class="num">Toegezegd (vastgesteld)</th><th scope="col" class="num">Concept (wijziging)</th><th scope="col" class="num">Resterend</th><th scope="col" class="num">Gerealiseerd</th>
    """

    /// A row of a balance table: label, budget, committed, concept, remaining, spent.
    static func balanceRow(label: HTML, _ balance: Funding.Balance) -> HTML {
        """
        <tr><th scope="row">\(label)</th><td class="num">\(money(balance.budget))</td><td class="num">\(DutchFormat.euros(cents: balance.committed))</td>\(conceptCell(balance))\(remainingCell(balance))<td class="num">\(money(balance.spent))</td></tr>
        """
    }

    static func drawingTable(years: [Int], rows: [Funding.DrawingRow], ledger: Funding.Ledger, sourceID: Int64, programme: Programme) -> HTML {
        var head: [HTML] = []
        for year in years { head.append("<th scope=\"col\" class=\"num\">\(programme.yearLabel(year))</th>") }
        var body: [HTML] = []
        for row in rows {
            var cells: [HTML] = []
            for year in years {
                let change = row.change[year] ?? 0
                let note: HTML = change == 0 ? .empty : "<br><span class=\"hint\">concept: \(FundingPages.change(change))</span>"
                cells.append("<td class=\"num\">\(DutchFormat.euros(cents: row.committed[year] ?? 0))\(note)</td>")
            }
            let total = years.reduce(Int64(0)) { $0 + (row.committed[$1] ?? 0) }
            body.append("""
            <tr><th scope="row"><a href="\(Route.ikcs(.ikc(row.ikcID)).path)">\(row.ikcName)</a></th>\(cells)<td class="num">\(DutchFormat.euros(cents: total))</td></tr>
            """)
        }
        var committed: [HTML] = [], concept: [HTML] = []
        for year in years {
            let balance = ledger.balance(sourceID, year)
            committed.append("<td class=\"num\">\(DutchFormat.euros(cents: balance.committed))</td>")
            concept.append("<td class=\"num\">\(change(balance.conceptChange))</td>")
        }
        let total = ledger.sourceTotal(sourceID)
        let empty: HTML = rows.isEmpty ? "<tr><td colspan=\"\(years.count + 2)\">Geen afspraak doet een beroep op deze bron.</td></tr>" : .empty
        return """
        <h2>Welke IKC's doen een beroep op deze bron</h2>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Toezeggingen per IKC en jaar (vastgestelde versie; wijzigingen door concepten eronder)</caption>
        <thead><tr><th scope="col">IKC</th>\(head)<th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>\(body)\(empty)</tbody>
        <tfoot><tr><th scope="row">Totaal toegezegd</th>\(committed)<td class="num">\(DutchFormat.euros(cents: total.committed))</td></tr>
        <tr><th scope="row">Totaal concept (wijziging)</th>\(concept)<td class="num">\(change(total.conceptChange))</td></tr></tfoot>
        </table></div>
        """
    }

    // MARK: - The form (new and edit)

    public static func form(context: PageContext, programme: Programme, sources: FundingSourceList, sourceID: Int64?, lockVersion: Int64?,
                            form: FundingSourceForm, errors: ValidationErrors) -> HTML {
        let title = sourceID == nil ? "Financieringsbron toevoegen" : "Financieringsbron wijzigen"
        let action = sourceID.map { Route.funding(.sourceEdit($0)).path } ?? Route.funding(.new).path
        let back = sourceID.map { Route.funding(.source($0)).path } ?? Route.funding(.index).path
        let kinds = sources.kinds.map { ($0.code, $0.label) }
        let organisations = sources.organisationNames.sorted { $0.value.lowercased() < $1.value.lowercased() }.map { (String($0.key), $0.value) }
        let version: HTML = lockVersion.map { "<input type=\"hidden\" name=\"lock_version\" value=\"\(String($0))\">" } ?? .empty
        let fields: HTML = """
        \(version)
        \(Components.textField("name", label: "Naam", value: form.name, errors: errors, required: true, autocomplete: "off"))
        \(Components.select("kind", label: "Soort", options: kinds, selected: form.kind, errors: errors, includeEmpty: "Kies een soort"))
        \(Components.select("organisation", label: "Organisatie die het geld beheert", options: organisations, selected: form.organisation, errors: errors, includeEmpty: "Geen (meerdere organisaties)"))
        \(Components.textArea("notes", label: "Toelichting", value: form.notes, errors: errors, rows: 3))
        \(planningFields(programme: programme, sources: sources, sourceID: sourceID, form: form, errors: errors))
        \(budgetInputs(programme: programme, form: form, errors: errors))
        <button type="submit" class="button button--primary">Opslaan</button>
        <a class="button button--secondary" href="\(back)">Annuleren</a>
        """
        return Layout.page(title: title, context: context.with(.funding), """
        <h1>\(title)</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: action, csrf: context.csrfToken, fields))
        """)
    }

    /// The budget of every year as one row of inputs, each with its own label and error.
    static func budgetInputs(programme: Programme, form: FundingSourceForm, errors: ValidationErrors) -> HTML {
        var head: [HTML] = [], cells: [HTML] = [], statusCells: [HTML] = []
        for year in programme.years {
            let field = FundingSourceForm.budgetField(year)
            let error = errors[field]
            head.append("<th scope=\"col\" id=\"\(field)-head\">\(programme.yearLabel(year))</th>")
            statusCells.append(statusCell(programme: programme, year: year, form: form, errors: errors))
            let message: HTML = error.map { "<p class=\"field-error\" id=\"\(field)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" } ?? .empty
            cells.append("""
            <td\(attr: "class", error == nil ? nil : "field--error")><label class="visually-hidden" for="\(field)">Budget \(programme.yearLabel(year))</label>\(message)<input type="text" id="\(field)" name="\(field)" value="\(form.budgetTexts[year] ?? "")" inputmode="decimal" autocomplete="off"\(attr: "aria-describedby", error == nil ? "budget-hint" : "budget-hint \(field)-error")\(attr: "aria-invalid", error == nil ? nil : "true")></td>
            """)
        }
        return """
        <fieldset class="field funding-budgets"><legend>Budget per jaar</legend>
        <p class="hint" id="budget-hint">In euro's, bijvoorbeeld 200.000 of 12.500,50. Leeg: geen budget voor dat jaar. Per jaar de status: vastgesteld (besloten), onder voorbehoud (verwacht, de raad moet nog besluiten) of geen budget. \(programme.yearKindExplanation)</p>
        <div class="table-scroll funding-scroll"><table class="data year-inputs">
        <caption class="visually-hidden">Budget per jaar</caption>
        <thead><tr>\(head)</tr></thead>
        <tbody><tr>\(cells)</tr><tr>\(statusCells)</tr></tbody>
        </table></div>
        </fieldset>
        """
    }
}
