import Domain
import Markup

/// The annual report's "Resultaten per indicator", its trends per indicator, the list of IKC
/// pages, and the page of one IKC's detail (split off so the report stays small).
public enum ReportIndicatorSections {
    static func value(_ v: Double?, _ line: IndicatorLine) -> String { IndicatorProgrammePage.value(v, line.indicator) }

    /// The programme figure per library indicator in the report's year.
    static func table(_ f: ReportFigures) -> HTML {
        let lines = (f.indicators ?? []).filter { $0.ikcs > 0 }
        guard !lines.isEmpty else { return "<p>Geen indicator uit de bibliotheek heeft in \(f.yearLabel) een vastgestelde afspraak.</p>" }
        var rows: [HTML] = []
        var notes: [String] = []
        for line in lines {
            if line.value != nil, !notes.contains(line.explanation) { notes.append(line.explanation) }
            rows.append("""
            <tr><th scope="row"><a href="\(Route.indicators(.show(line.indicatorID)).path)">\(line.name)</a></th><td class="num">\(line.ikcs)</td>\
            <td class="num">\(line.reported)</td><td class="num">\(line.notMeasured)</td><td class="num">\(value(line.value, line))</td>\
            <td>\(line.value == nil ? "" : line.method)</td><td class="num">\(value(line.minimum, line))</td><td class="num">\(value(line.maximum, line))</td>\
            <td class="num">\(value(line.target, line))</td><td class="num">\(line.achieved)</td><td class="num">\(line.onTrack)</td>\
            <td class="num">\(line.behind)</td><td class="num">\(line.noData)</td></tr>
            """)
        }
        return """
        <div class="table-scroll"><table class="data">
        <caption>Programmacijfer per indicator, \(f.yearLabel)</caption>
        <thead><tr><th scope="col">Indicator</th><th scope="col" class="num">IKC's</th><th scope="col" class="num">Gemeld</th><th scope="col" class="num">Niet gemeten</th>\
        <th scope="col" class="num">Programmacijfer</th><th scope="col">Berekening</th><th scope="col" class="num">Minimum</th><th scope="col" class="num">Maximum</th>\
        <th scope="col" class="num">Doel</th><th scope="col" class="num">Behaald</th><th scope="col" class="num">Op koers</th><th scope="col" class="num">Achter</th><th scope="col" class="num">Geen gegevens</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <ul class="hint">\(notes.map { HTML("<li>\($0)</li>") })</ul>
        """
    }

    /// One trend chart per indicator: the programme's target and figure per year.
    static func trends(_ f: ReportFigures) -> HTML {
        var charts: [HTML] = []
        for line in (f.indicators ?? []) where line.ikcs > 0 {
            charts.append("<figure class=\"trend\">\(TrendChart.render(id: "trend-indicator-\(line.indicatorID)", title: line.name, years: f.trendYears, yearLabel: { String($0) }, targets: line.targets, measured: line.values, unit: line.unit))<figcaption>\(line.name)</figcaption></figure>")
        }
        return "<div class=\"trend-grid\">\(charts)</div>"
    }

    /// The IKCs with their agreement and plan, each linking to its own page.
    static func ikcLinks(_ f: ReportFigures, link: (Int64) -> String) -> HTML {
        var rows: [HTML] = []
        for ikc in f.ikcs {
            let t = tally(ikc, year: f.year)
            rows.append("""
            <tr><th scope="row"><a href="\(link(ikc.id))">\(ikc.name)</a></th><td>\(ikc.agreementVersion.map { "versie \($0)" } ?? "geen")</td>\
            <td>\(ikc.planState.label)\(ikc.planLate ? " (te laat)" : "")</td><td class="num">\(t.achieved)</td><td class="num">\(t.onTrack)</td><td class="num">\(t.behind)</td><td class="num">\(t.noData)</td></tr>
            """)
        }
        return """
        <p>Elk IKC heeft een eigen pagina met zijn resultaten, geld, formatie, trends en de punten uit de Act-fase.</p>
        <div class="table-scroll"><table class="data"><caption>IKC's in \(f.yearLabel)</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col">Afspraak</th><th scope="col">Jaarplan</th><th scope="col" class="num">Behaald</th><th scope="col" class="num">Op koers</th><th scope="col" class="num">Achter</th><th scope="col" class="num">Geen gegevens</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func tally(_ ikc: ReportFigures.IKCFigures, year: Int) -> AnnualReport.Tally {
        var t = AnnualReport.Tally()
        for r in ikc.results {
            switch r.status(in: year) {
            case .achieved: t.achieved += 1
            case .onTrack: t.onTrack += 1
            case .behind: t.behind += 1
            case .noData: t.noData += 1
            }
        }
        return t
    }

    /// One IKC's detail of the report: its results with "niet gemeten" and the reason, money,
    /// staffing, the Act phase, and its trends.
    public static func ikcPage(context: PageContext, figures f: ReportFigures, ikc: ReportFigures.IKCFigures) -> HTML {
        var rows: [HTML] = []
        for result in ikc.results {
            let measured: String
            if let value = result.measured[f.year] {
                measured = ReportFormat.value(value, unit: result.unit)
            } else if let reason = result.notMeasured[f.year] {
                measured = "niet gemeten (\(reason))"
            } else {
                measured = "–"
            }
            rows.append("<tr><th scope=\"row\">\(result.indicator)</th><td>\(result.description)</td><td class=\"num\">\(ReportFormat.value(result.baseline, unit: result.unit))\(result.baselineYear.map { " (\(f.label(of: $0)))" } ?? "")</td><td class=\"num\">\(ReportFormat.value(result.targets[f.year], unit: result.unit))</td><td class=\"num\">\(measured)</td><td>\(ReportFormat.status(result.status(in: f.year)))</td></tr>")
        }
        var charts: [HTML] = []
        for (index, result) in ikc.results.enumerated() {
            charts.append("<figure class=\"trend\">\(TrendChart.render(id: "trend-\(ikc.id)-\(index)", title: "\(ikc.name): \(result.indicator)", years: f.trendYears, yearLabel: { String($0) }, targets: result.targets, measured: result.measured, unit: result.unit))<figcaption>\(result.indicator)</figcaption></figure>")
        }
        return Layout.page(title: "\(ikc.name) · jaarrapportage \(f.yearLabel)", context: context.with(.reports), """
        <p><a href="\(Route.reports(.year(f.year)).path)#ikcs">← Terug naar de jaarrapportage \(f.yearLabel)</a></p>
        <h1>\(ikc.name): jaarrapportage \(f.yearLabel)</h1>
        <p class="warning">Concept met de cijfers van dit moment. Alleen goedgekeurde verantwoordingen tellen als resultaat.</p>
        \(rows.isEmpty ? HTML("<p>Geen resultaten in een vastgestelde afspraak voor dit jaar.</p>") : HTML("""
        <div class="table-scroll"><table class="data"><caption>Resultaten \(f.yearLabel): doel en meting</caption>
        <thead><tr><th scope="col">Indicator</th><th scope="col">Resultaat</th><th scope="col" class="num">Nulmeting</th><th scope="col" class="num">Doel \(f.yearLabel)</th><th scope="col" class="num">Gemeten \(f.yearLabel)</th><th scope="col">Status</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """))
        <h2>Samenvatting: afspraak, geld, formatie en Act</h2>
        \(ReportPages.ikcSummary(ikc, figures: f))
        <h2>Trends</h2><div class="trend-grid">\(charts)</div>
        """)
    }
}
