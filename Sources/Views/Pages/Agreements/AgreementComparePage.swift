import Domain
import Markup

/// Two versions side by side: every target, amount and hour with the old value, the new value
/// and the difference; only changed cells are highlighted (class `changed`).
public enum AgreementComparePage {
    public static func render(context: PageContext, from: AgreementPageData, to: AgreementPageData, comparison: AgreementComparison) -> HTML {
        let id = to.agreement.id
        let programme = to.programme
        var versionOptions: [(String, String)] = []
        for version in to.versions { versionOptions.append((String(version.number), "Versie \(version.number) (\(version.status.label))")) }
        let picker: HTML = """
        <form method="get" action="\(Route.agreements(.compare(id)).path)" class="filters">
        \(Components.select("from", label: "Van", options: versionOptions, selected: String(from.version.number), errors: ValidationErrors()))
        \(Components.select("to", label: "Naar", options: versionOptions, selected: String(to.version.number), errors: ValidationErrors()))
        <button type="submit" class="button button--secondary">Vergelijken</button>
        </form>
        """
        var yearHeaders: [HTML] = []
        for year in comparison.years { yearHeaders.append("<th scope=\"col\" class=\"num\">\(programme.yearLabel(year))</th>") }

        var targetRows: [HTML] = []
        for row in comparison.targets {
            var cells: [HTML] = []
            for year in comparison.years {
                let change = row.cells[year] ?? Change(old: nil, new: nil)
                let diff: String? = (change.old != nil && change.new != nil) ? signed(AgreementFormat.plain((change.new ?? 0) - (change.old ?? 0))) : nil
                cells.append(cell(changed: change.changed, old: AgreementFormat.value(change.old, unit: row.unit),
                                  new: AgreementFormat.value(change.new, unit: row.unit), diff: diff))
            }
            let note: HTML = row.presence.new == false ? " <em>(vervallen)</em>" : (row.presence.old == false ? " <em>(nieuw)</em>" : .empty)
            targetRows.append("<tr><th scope=\"row\">\(row.lineage). \(row.indicator)\(note)</th>\(cells)</tr>")
        }
        var amountRows: [HTML] = []
        for row in comparison.amounts {
            var cells: [HTML] = []
            for year in comparison.years {
                let change = row.cells[year] ?? Change(old: nil, new: nil)
                let delta = (change.new ?? 0) - (change.old ?? 0)
                let diff = change.changed ? (delta >= 0 ? "+ " : "") + DutchFormat.euros(cents: delta) : nil
                cells.append(cell(changed: change.changed, old: AgreementFormat.euros(change.old), new: AgreementFormat.euros(change.new), diff: diff))
            }
            amountRows.append("<tr><th scope=\"row\">\(to.organisationName(row.organisationID)) · \(to.sourceName(row.fundingSourceID))</th>\(cells)</tr>")
        }
        var hourRows: [HTML] = []
        for row in comparison.hours {
            var cells: [HTML] = []
            for year in comparison.years {
                let change = row.cells[year] ?? Change(old: nil, new: nil)
                let diff: String? = change.changed ? signed(AgreementFormat.plain((change.new ?? 0) - (change.old ?? 0))) : nil
                cells.append(cell(changed: change.changed, old: AgreementFormat.hours(change.old), new: AgreementFormat.hours(change.new), diff: diff))
            }
            hourRows.append("<tr><th scope=\"row\">\(to.roleLabel(row.roleCode))</th>\(cells)</tr>")
        }
        var textRows: [HTML] = []
        for row in comparison.texts {
            let css: HTML = row.change.changed ? " class=\"changed\"" : .empty
            textRows.append("""
            <tr\(css)><th scope="row">\(row.title)\(row.change.changed ? HTML(" <strong>(gewijzigd)</strong>") : .empty)</th><td>\(PlainText.render(row.change.old ?? ""))</td><td>\(PlainText.render(row.change.new ?? ""))</td></tr>
            """)
        }
        let title = "Versie \(from.version.number) en \(to.version.number) vergelijken"
        let head: HTML = """
        <p><a href="\(Route.agreements(.show(id)).path)">← Terug naar de afspraak</a></p>
        <h1>\(title)</h1>
        <p class="lead">Resultaatafspraak \(to.agreement.ikcName). Elke cel toont versie \(from.version.number) → versie \(to.version.number) en het verschil; alleen gewijzigde cellen zijn gemarkeerd.</p>
        <p class="hint year-kind">\(programme.yearKindExplanation)</p>
        <p>Gewijzigd: \(comparison.changedTargetCells) streefwaarden, \(comparison.changedAmountCells) bedragen, \(comparison.changedHourCells) uren, \(comparison.changedTexts) teksten.\(to.version.reason.isEmpty ? "" : " Reden van versie \(to.version.number): \(to.version.reason)")</p>
        \(picker)
        """
        let tables: HTML = """
        \(table("Streefwaarden", yearHeaders, targetRows))
        \(table("Bijdragen (euro)", yearHeaders, amountRows))
        \(table("Formatie (uren per week)", yearHeaders, hourRows))
        <h2>Teksten</h2>
        <table class="data compare">
        <caption>Teksten naast elkaar</caption>
        <thead><tr><th scope="col">Onderdeel</th><th scope="col">Versie \(from.version.number)</th><th scope="col">Versie \(to.version.number)</th></tr></thead>
        <tbody>\(textRows)</tbody>
        </table>
        """
        return Layout.page(title: title, context: context.with(.agreements), head + tables + unlocks(to))
    }

    static func signed(_ text: String) -> String? {
        if text == "0" { return nil }
        return text.hasPrefix("-") ? text : "+" + text
    }

    static func cell(changed: Bool, old: String, new: String, diff: String?) -> HTML {
        if !changed { return "<td class=\"num\">\(new)</td>" }
        let difference: HTML = diff.map { HTML("<br><span class=\"diff\">\($0)</span>") } ?? .empty
        return "<td class=\"num changed\"><del>\(old)</del> <ins>\(new)</ins>\(difference)</td>"
    }

    static func table(_ caption: String, _ yearHeaders: [HTML], _ rows: [HTML]) -> HTML {
        let body: [HTML] = rows.isEmpty ? ["<tr><td colspan=\"\(yearHeaders.count + 1)\">Geen gegevens.</td></tr>"] : rows
        return """
        <h2>\(caption)</h2>
        <div class="table-scroll"><table class="data compare">
        <caption>\(caption): versie naast versie</caption>
        <thead><tr><th scope="col">Onderdeel</th>\(yearHeaders)</tr></thead>
        <tbody>\(body)</tbody>
        </table></div>
        """
    }
}
