import Domain
import Markup

/// The programme view of one indicator: per year the programme figure and status counts, the
/// trend chart beside the linked area indicators, and per IKC baseline, target and measured.
public enum IndicatorProgrammePage {
    /// A value of the indicator with its decimals and unit, as the page, the CSV and the report show it.
    public static func value(_ value: Double?, _ indicator: Indicator) -> String {
        guard let value else { return "–" }
        let text = DutchFormat.number(ProgrammeFigure.rounded(value, decimals: indicator.decimals), decimals: indicator.decimals)
        switch indicator.unit {
        case .percent: return text + "%"
        case .euro: return "€ " + text
        default: return text
        }
    }

    /// The same number as `value` without unit or thousands dots, for the CSV.
    public static func plain(_ value: Double?, _ indicator: Indicator) -> String {
        guard let value else { return "" }
        return String(DutchFormat.number(ProgrammeFigure.rounded(value, decimals: indicator.decimals), decimals: indicator.decimals).filter { $0 != "." })
    }

    public static func methodLabel(_ method: ProgrammeFigure.Method) -> String { method.label }

    static func years(_ p: IndicatorProgramme, _ programme: Programme) -> HTML {
        var rows: [HTML] = []
        var explanations: [String] = []
        for y in p.yearFigures {
            let f = y.figure
            let hidden = p.restricted && !y.showsToRestricted
            if !hidden, f.value != nil, !explanations.contains(f.explanation) { explanations.append(f.explanation) }
            let figure: HTML = hidden ? "<td colspan=\"4\">minder dan \(ProgrammeFigure.minimumGroup) IKC's gemeld: geen programmacijfer</td>"
                : "<td class=\"num\">\(value(f.value, p.indicator))</td><td>\(f.value == nil ? "" : methodLabel(f.method))</td><td class=\"num\">\(value(f.minimum, p.indicator))</td><td class=\"num\">\(value(f.maximum, p.indicator))</td>"
            let tally: HTML = hidden ? "<td colspan=\"4\"></td>"
                : "<td class=\"num\">\(y.tally.achieved)</td><td class=\"num\">\(y.tally.onTrack)</td><td class=\"num\">\(y.tally.behind)</td><td class=\"num\">\(y.tally.noData)</td>"
            rows.append("""
            <tr><th scope="row">\(programme.yearLabel(y.year))</th><td class="num">\(y.ikcs)</td><td class="num">\(f.reported)</td><td class="num">\(f.notMeasured)</td>\
            \(figure)<td class="num">\(hidden ? "–" : value(y.target, p.indicator))</td>\(tally)</tr>
            """)
        }
        let notes = explanations.map { HTML("<li>\($0)</li>") }
        return """
        <div class="table-scroll"><table class="data" id="programmacijfers">
        <caption>Programmacijfer per jaar</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col" class="num">IKC's met afspraak</th><th scope="col" class="num">Gemeld</th><th scope="col" class="num">Niet gemeten</th>\
        <th scope="col" class="num">Programmacijfer</th><th scope="col">Berekening</th><th scope="col" class="num">Minimum</th><th scope="col" class="num">Maximum</th>\
        <th scope="col" class="num">Doel (programma)</th><th scope="col" class="num">Behaald</th><th scope="col" class="num">Op koers</th><th scope="col" class="num">Achter</th><th scope="col" class="num">Geen gegevens</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(notes.isEmpty ? HTML.empty : HTML("<ul class=\"hint\">\(notes)</ul>"))
        <p class="hint">"Niet gemeten" telt nooit als 0: het staat apart geteld en blijft buiten elke som en elk gemiddelde. Alleen goedgekeurde verantwoordingen tellen.</p>
        """
    }

    static func chart(_ p: IndicatorProgramme, _ programme: Programme) -> HTML {
        var targets: [Int: Double] = [:], measured: [Int: Double] = [:]
        for y in p.yearFigures where !(p.restricted && !y.showsToRestricted) {
            if let t = y.target { targets[y.year] = t }
            if let v = y.figure.value { measured[y.year] = v }
        }
        let chart = TrendChart.render(id: "indicator-\(p.indicator.id)", title: "\(p.indicator.name): doel en programmacijfer", years: p.years,
                                      yearLabel: programme.yearLabel, targets: targets, measured: measured, unit: p.indicator.unit.rawValue)
        var areaRows: [HTML] = []
        for a in p.areaFigures {
            areaRows.append("<tr><th scope=\"row\">\(a.indicator)</th><td>\(a.year)</td><td class=\"num\">\(DutchFormat.number(a.mean, decimals: 1))</td><td class=\"num\">\(a.areas)</td></tr>")
        }
        let areas: HTML = areaRows.isEmpty ? "<p>Er zijn geen gebiedsindicatoren aan deze indicator gekoppeld.</p>" : """
        <table class="data"><caption>Gebiedsindicatoren (gemiddelde over de gebieden)</caption>
        <thead><tr><th scope="col">Gebiedsindicator</th><th scope="col">Jaar</th><th scope="col" class="num">Gemiddelde</th><th scope="col" class="num">Gebieden</th></tr></thead>
        <tbody>\(areaRows)</tbody></table>
        """
        return """
        <div class="indicator-trend">
        <figure><figcaption>Doel (stippellijn) en programmacijfer (punten) per jaar</figcaption>\(chart)</figure>
        <aside aria-label="Gebiedsindicatoren">\(areas)</aside>
        </div>
        """
    }

    static func ikcTable(_ p: IndicatorProgramme, year: Int, programme: Programme) -> HTML {
        var rows: [HTML] = []
        let fraction = p.indicator.hasFraction
        for s in p.rows(in: year) {
            let reported = s.reported[year]
            let measured: String
            switch reported {
            case .value(let v, _, _)?: measured = value(v, p.indicator)
            case .notMeasured(let reason)?: measured = "niet gemeten" + (reason.isEmpty ? "" : " (\(reason))")
            case nil: measured = "–"
            }
            let parts: HTML = fraction ? "<td class=\"num\">\(reported?.fraction.map { DutchFormat.number($0.numerator, decimals: 0) } ?? "–")</td><td class=\"num\">\(reported?.fraction.map { DutchFormat.number($0.denominator, decimals: 0) } ?? "–")</td>" : .empty
            let baseline = s.baseline.map { value($0, p.indicator) + (s.baselineYear.map { " (\($0))" } ?? "") } ?? "–"
            rows.append("""
            <tr><th scope="row">\(s.ikcName)</th><td class="num">\(baseline)</td><td class="num">\(value(s.targets[year], p.indicator))</td>\
            <td class="num">\(measured)</td>\(parts)<td>\(ReportFormat.status(s.status(in: year, direction: p.indicator.direction, accumulation: p.indicator.accumulation)))</td></tr>
            """)
        }
        let partHeads: HTML = fraction ? "<th scope=\"col\" class=\"num\">Teller</th><th scope=\"col\" class=\"num\">Noemer</th>" : .empty
        let options = p.years.map { HTML("<option value=\"\($0)\"\(attr: "selected", if: $0 == year)>\(programme.yearLabel($0))</option>") }
        return """
        <h2 id="per-ikc">Per IKC in \(programme.yearLabel(year))</h2>
        <form method="get" action="\(Route.indicators(.show(p.indicator.id)).path)" class="inline-form">
        <label for="jaar">Jaar</label> <select id="jaar" name="jaar">\(options)</select>
        <button type="submit" class="button button--secondary">Tonen</button>
        </form>
        \(rows.isEmpty ? HTML("<p>Geen IKC heeft in dit jaar een vastgestelde afspraak met deze indicator\(p.restricted ? " (u ziet alleen uw eigen IKC)" : "").</p>") : """
        <div class="table-scroll"><table class="data" id="ikc-waarden">
        <caption>Nulmeting, doel en gemeten waarde per IKC</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col" class="num">Nulmeting</th><th scope="col" class="num">Doel</th><th scope="col" class="num">Gemeten</th>\(partHeads)<th scope="col">Status</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """)
        """
    }

    public static func render(context: PageContext, programme: Programme, view p: IndicatorProgramme, year: Int, canEdit: Bool,
                              notice: String? = nil) -> HTML {
        let i = p.indicator
        var facts: [HTML] = ["<dt>Eenheid</dt><dd>\(i.unit.label)</dd>", "<dt>Richting</dt><dd>\(i.direction.label)</dd>",
                             "<dt>Streefwaarden</dt><dd>\(i.accumulation.label)</dd>", "<dt>Decimalen</dt><dd>\(i.decimals)</dd>"]
        if !i.source.isEmpty { facts.append("<dt>Bron</dt><dd>\(i.source)</dd>") }
        if i.hasFraction { facts.append("<dt>Teller / noemer</dt><dd>\(i.numeratorLabel) / \(i.denominatorLabel)</dd>") }
        let restricted: HTML = p.restricted ? """
        <p class="notice">U ziet de cijfers van uw eigen IKC. Andere IKC's ziet u alleen samen, als programmacijfer, en alleen in jaren waarin minstens \(ProgrammeFigure.minimumGroup) IKC's een waarde meldden.</p>
        """ : .empty
        let edit: HTML = canEdit ? " <a class=\"button button--secondary\" href=\"\(Route.indicators(.edit(i.id)).path)\">Indicator bewerken</a>" : .empty
        return Layout.page(title: i.name, context: context.with(.indicators), """
        <p><a href="\(Route.indicators(.index).path)">← Alle indicatoren</a></p>
        <h1>\(i.name)</h1>
        \(Components.notice(notice))
        \(i.definition.isEmpty ? HTML.empty : HTML("<p class=\"lead\">\(i.definition)</p>"))
        \(i.retired ? HTML("<p><strong>Deze indicator is vervallen.</strong></p>") : HTML.empty)
        <dl class="facts">\(facts)</dl>
        \(restricted)
        <p><a class="button button--secondary" href="\(Route.indicators(.csv(i.id)).path)">Cijfers downloaden (CSV)</a>\(edit)</p>
        \(years(p, programme))
        \(chart(p, programme))
        \(ikcTable(p, year: year, programme: programme))
        """)
    }

    /// The CSV: per year the programme figure, then per IKC its values; the same decimals as the page.
    public static func csv(_ p: IndicatorProgramme, programme: Programme) -> String {
        var rows: [[String]] = [["Jaar", "IKC", "Nulmeting", "Jaar nulmeting", "Doel", "Gemeten", "Teller", "Noemer", "Niet gemeten", "Status",
                                 "Berekening", "Minimum", "Maximum", "Aantal gemeld", "Aantal niet gemeten"]]
        let i = p.indicator
        for y in p.yearFigures {
            let label = programme.yearLabel(y.year)
            if !(p.restricted && !y.showsToRestricted) {
                let f = y.figure
                rows.append([label, "Programma", "", "", plain(y.target, i), plain(f.value, i), f.fraction.map { plain($0.numerator) } ?? "",
                             f.fraction.map { plain($0.denominator) } ?? "", "", "", f.value == nil ? "" : methodLabel(f.method),
                             plain(f.minimum, i), plain(f.maximum, i), String(f.reported), String(f.notMeasured)])
            }
            for s in p.rows(in: y.year) {
                let reported = s.reported[y.year]
                var reason = ""
                if case .notMeasured(let r)? = reported { reason = r.isEmpty ? "ja" : r }
                rows.append([label, s.ikcName, plain(s.baseline, i), s.baselineYear.map(String.init) ?? "", plain(s.targets[y.year], i),
                             plain(reported?.number, i), reported?.fraction.map { plain($0.numerator) } ?? "",
                             reported?.fraction.map { plain($0.denominator) } ?? "", reason,
                             s.status(in: y.year, direction: i.direction, accumulation: i.accumulation).label, "", "", "", "", ""])
            }
        }
        return CSV.document(rows)
    }

    static func plain(_ count: Double) -> String {
        String(DutchFormat.number(count, decimals: count == count.rounded() ? 0 : 2).filter { $0 != "." })
    }
}

extension ProgrammeFigure {
    /// Σ numerators and Σ denominators of a weighted figure.
    public var fraction: (numerator: Double, denominator: Double)? {
        if case .weighted(let n, let d) = method { return (n, d) }
        return nil
    }
}
