import Domain
import Foundation
import Markup

/// The annual report: the list of years and editions, the live draft, published editions, the
/// shared read-only view. `body` renders the report itself; publishing freezes its output.
public enum ReportPages {
    public static func index(context: PageContext, programme: Programme, editions: [ReportEdition], canEdit: Bool, showsDrafts: Bool = true) -> HTML {
        var yearLinks: [HTML] = []
        for year in programme.years.reversed() {
            yearLinks.append("<li><a href=\"\(Route.reports(.year(year)).path)\">Concept jaarrapportage \(programme.yearLabel(year))</a></li>")
        }
        var rows: [HTML] = []
        for edition in editions {
            let status: HTML
            switch edition.status {
            case .draft: continue
            case .published: status = "<span class=\"status status--final\">Gepubliceerd</span>"
            case .withdrawn: status = "<span class=\"status status--none\">Ingetrokken</span>"
            }
            rows.append("""
            <tr><th scope="row"><a href="\(Route.reports(.edition(edition.id)).path)">Jaarrapportage \(programme.yearLabel(edition.year)), editie \(edition.edition)</a></th><td>\(status)</td><td>\(edition.publishedAt.map { String($0.prefix(10)).isoAsDutchDate() } ?? "–")</td></tr>
            """)
        }
        let published: HTML = rows.isEmpty ? "<p>Er is nog geen jaarrapportage gepubliceerd.</p>" : """
        <table class="data"><caption>Gepubliceerde edities</caption>
        <thead><tr><th scope="col">Rapportage</th><th scope="col">Status</th><th scope="col">Gepubliceerd op</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        return Layout.page(title: "Jaarrapportages", context: context.with(.reports), """
        <h1>Jaarrapportages</h1>
        <p class="lead">De jaarlijkse rapportage voor de \(context.steeringGroup): doelen tegen gemeten waarden, geld en formatie, per doel en per IKC.</p>
        <h2>Gepubliceerd</h2>
        \(published)
        \(showsDrafts ? HTML("""
        <h2>\(canEdit ? "Concepten (altijd met de nieuwste cijfers)" : "Concepten met de nieuwste cijfers")</h2>
        <ul>\(yearLinks)</ul>
        """) : .empty)
        """)
    }

    /// The live draft of a year, with the foreword/conclusions form and the publish button.
    public static func draft(context: PageContext, report: AnnualReport, foreword: String, conclusions: String, lockVersion: Int64?,
                             canEdit: Bool, errors: ValidationErrors, notice: String?) -> HTML {
        let figures = report.figures
        let year = figures.year
        var editor: HTML = .empty
        if canEdit {
            editor = """
            <section class="report-editor" aria-labelledby="editor-title">
            <h2 id="editor-title">Voorwoord en conclusies</h2>
            \(Components.errorSummary(errors))
            \(Components.form(action: Route.reports(.year(year)).path, csrf: context.csrfToken, """
            <input type="hidden" name="lock_version" value="\(lockVersion.map { String($0) } ?? "")">
            \(Components.textArea("foreword", label: "Voorwoord", value: foreword, errors: errors, hint: "Gewone tekst; een lege regel begint een nieuwe alinea.", rows: 5))
            \(Components.textArea("conclusions", label: "Conclusies", value: conclusions, errors: errors, rows: 5))
            <button type="submit" class="button button--secondary">Concept opslaan</button>
            """))
            \(Components.form(action: Route.reports(.publish(year)).path, csrf: context.csrfToken, """
            <p>Publiceren legt deze rapportage vast zoals hij nu is: latere wijzigingen in afspraken of jaarplannen veranderen een gepubliceerde editie niet meer.</p>
            <button type="submit" class="button button--primary">Jaarrapportage \(figures.yearLabel) publiceren</button>
            """))
            </section>
            """
        }
        return Layout.page(title: "Concept jaarrapportage \(figures.yearLabel)", context: context.with(.reports), """
        \(Components.notice(notice))
        <p class="warning">Dit is het concept met de cijfers van dit moment. Het verandert zodra afspraken of jaarplannen veranderen.</p>
        \(body(report: report, foreword: foreword, conclusions: conclusions, csv: { Route.reports(.yearCSV(year, table: $0)).path },
               ikcLink: { Route.reports(.ikc(year, $0)).path }, programme: context.programme))
        \(editor)
        """)
    }

    /// A published or withdrawn edition: its frozen content, never recomputed.
    public static func edition(context: PageContext, yearLabel: String, edition report: ReportEdition, newerFiguresExist: Bool,
                               shareLink: String?, canManage: Bool, notice: String? = nil) -> HTML {
        let edition = report.edition, editionID = report.id, shareActive = report.shareActive
        var manage: HTML = .empty
        if canManage && report.status == .published {
            manage = """
            <section aria-labelledby="manage-title" class="report-editor">
            <h2 id="manage-title">Delen en intrekken</h2>
            \(Components.notice(shareLink.map { _ in "De deellink is gemaakt." }))
            \(shareLink.map { HTML("<p>Deellink (alleen lezen, zonder inloggen; wordt één keer getoond):</p><p class=\"secret\"><code>\($0)</code></p>") })
            \(shareActive ? HTML("<p>Deze editie heeft een actieve deellink.</p>") : HTML("<p>Deze editie heeft geen actieve deellink.</p>"))
            \(Components.postButton(to: .reports(.share(editionID)), label: shareActive ? "Nieuwe deellink maken (oude vervalt)" : "Deellink maken", csrf: context.csrfToken))
            \(shareActive ? Components.postButton(to: .reports(.unshare(editionID)), label: "Deellink intrekken", csrf: context.csrfToken, style: "danger") : HTML.empty)
            \(Components.postButton(to: .reports(.withdraw(editionID)), label: "Editie intrekken", csrf: context.csrfToken, style: "danger"))
            </section>
            """
        }
        let statusNote: HTML
        switch report.status {
        case .withdrawn: statusNote = "<p class=\"warning\">Deze editie is ingetrokken. Zij blijft leesbaar, maar is vervangen of niet meer geldig.</p>"
        case .draft, .published: statusNote = .empty
        }
        let newer: HTML = newerFiguresExist
            ? "<p class=\"notice\">Er zijn nieuwere cijfers dan in deze editie (bijvoorbeeld een late meting of een gecorrigeerd jaarplan). Deze editie verandert niet; <a href=\"\(Route.reports(.year(report.year)).path)\">bekijk het concept met de nieuwste cijfers</a>.</p>"
            : .empty
        return Layout.page(title: "Jaarrapportage \(yearLabel), editie \(edition)", context: context.with(.reports), """
        \(Components.notice(notice))
        <p class="edition-meta" role="status">Editie \(edition), gepubliceerd op \(report.publishedAt.map { String($0.prefix(10)).isoAsDutchDate() } ?? "–").</p>
        \(statusNote)
        \(newer)
        \(frozen(report.snapshotHTML ?? ""))
        \(manage)
        """)
    }

    /// The shared read-only view: no menu, no forms.
    /// The edition behind a share link: its CSV links lead to the share link's own CSVs.
    public static func shared(yearLabel: String, edition: ReportEdition, token: String, newerFiguresExist: Bool) -> HTML {
        var stored = edition.snapshotHTML ?? ""
        // Our own path prefix, replaced by our own: the token is checked by `RouteParsing.isToken` (URL-safe characters only).
        stored = stored.replacingOccurrences(of: "/reports/editions/\(edition.id)/csv/", with: "/share/\(token)/csv/")
        return Layout.page(title: "Jaarrapportage \(yearLabel), editie \(edition.edition)", context: PageContext(principal: nil, csrfToken: ""), noindex: true, """
        <p class="edition-meta">Gedeelde editie \(edition.edition) (alleen lezen).</p>
        \(newerFiguresExist ? HTML("<p class=\"notice\" role=\"status\">Er zijn nieuwere cijfers dan in deze editie (bijvoorbeeld een late meting of een gecorrigeerd jaarplan). Deze editie verandert niet.</p>") : HTML.empty)
        \(frozen(stored))
        """)
    }

    /// A published edition's stored content, inserted unchanged. Safe: it is the output of
    /// `body` at publication, stored by us, and every text in it was escaped when it was rendered.
    static func frozen(_ stored: String) -> HTML {
        // Safe: our own rendering of the report, stored at publication; every text in it was
        // escaped by the HTML builder when it was rendered, and no request can change it.
        HTML(unsafeRaw: stored)
    }

    static func paragraphs(_ text: String) -> HTML {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var out: [HTML] = []
        for block in blocks { out.append("<p>\(block)</p>") }
        return HTML.joined(out)
    }

    /// The report itself. `csv` gives the export link of a table.
    /// `ikcLink`: the page of one IKC's detail; with it the per-IKC detail (results per IKC,
    /// trends per IKC, the IKC sections) moves onto those pages, so that the report of a large
    /// programme stays readable. Without it (a published edition) everything is inline.
    public static func body(report: AnnualReport, foreword: String, conclusions: String, csv: (ReportTable) -> String,
                            ikcLink: ((Int64) -> String)? = nil, programme: Programme? = nil) -> HTML {
        let f = report.figures
        let y = f.year
        var toc: [HTML] = []
        var sections: [(String, String)] = [("voorwoord", "Voorwoord"), ("samenvatting", "Samenvatting per doel"), ("indicatoren", "Resultaten per indicator"),
                                            ("doelen", "Resultaten per doel"),
                                            ("geld", "Programmageld per bron"), ("jaarplannen", "Jaarplannen: ontbrekend, te laat of niet goedgekeurd"),
                                            ("trends", "Trends"), ("ikcs", "Per IKC"), ("conclusies", "Conclusies")]
        if ikcLink != nil { sections.removeAll { $0.0 == "doelen" } }
        for (anchor, title) in sections { toc.append("<li><a href=\"#\(anchor)\">\(title)</a></li>") }

        // Summary per goal.
        var summaryRows: [HTML] = []
        for goal in f.goals {
            let t = report.tally(goalID: goal.id)
            summaryRows.append("<tr><th scope=\"row\">\(goal.name)</th><td class=\"num\">\(t.achieved)</td><td class=\"num\">\(t.onTrack)</td><td class=\"num\">\(t.behind)</td><td class=\"num\">\(t.noData)</td><td class=\"num\">\(t.total)</td></tr>")
        }
        let total = report.totalTally

        // Results per goal, per IKC (inline only).
        var goalSections: [HTML] = []
        for goal in f.goals where ikcLink == nil {
            var rows: [HTML] = []
            // A reason for "niet gemeten" is a note under the table, so long texts do not widen it.
            var notes: [HTML] = []
            for ikc in f.ikcs {
                for result in ikc.results where result.goalID == goal.id {
                    let measured: HTML
                    if let value = result.measured[y] {
                        measured = "\(ReportFormat.value(value, unit: result.unit))"
                    } else if let reason = result.notMeasured[y] {
                        let number = notes.count + 1
                        measured = "niet gemeten (<a href=\"#noot-\(goal.id)-\(number)\">noot \(number)</a>)"
                        notes.append("<li id=\"noot-\(goal.id)-\(number)\">Noot \(number), \(ikc.name), \(result.indicator): niet gemeten, \(reason)</li>")
                    } else {
                        measured = "–"
                    }
                    rows.append("<tr><th scope=\"row\">\(ikc.name)</th><td>\(result.indicator)</td><td class=\"num\">\(ReportFormat.value(result.baseline, unit: result.unit))\(result.baselineYear.map { " (\(f.label(of: $0)))" } ?? "")</td><td class=\"num\">\(ReportFormat.value(result.targets[y], unit: result.unit))</td><td class=\"num\">\(measured)</td><td>\(ReportFormat.status(result.status(in: y)))</td></tr>")
                }
            }
            goalSections.append("""
            <h3>\(goal.name)</h3>
            \(rows.isEmpty ? HTML("<p>Geen resultaten onder dit doel.</p>") : HTML("""
            <div class="table-scroll"><table class="data"><caption>\(goal.name): doel en meting \(f.yearLabel) per IKC</caption>
            <thead><tr><th scope="col">IKC</th><th scope="col">Indicator</th><th scope="col" class="num">Nulmeting</th><th scope="col" class="num">Doel \(f.yearLabel)</th><th scope="col" class="num">Gemeten \(f.yearLabel)</th><th scope="col">Status</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(notes.isEmpty ? HTML.empty : HTML("<ul class=\"table-notes\">\(notes)</ul>"))
            """))
            """)
        }

        // Programme money.
        var moneyRows: [HTML] = []
        for source in f.sources {
            moneyRows.append("<tr><th scope=\"row\">\(source.name)\(partOfNote(source))</th><td class=\"num\">\(DutchFormat.euros(cents: source.budgetCents))</td><td class=\"num\">\(DutchFormat.euros(cents: source.committedCents))</td><td class=\"num\">\(source.spentCents.map { DutchFormat.euros(cents: $0) } ?? "–")</td></tr>")
        }

        // Plans that are not (yet) results.
        var gapRows: [HTML] = []
        for gap in report.gaps {
            gapRows.append("<tr><th scope=\"row\">\(gap.ikc)</th><td>\(gap.state.label)</td><td>\(gap.late ? "te laat" : "–")</td></tr>")
        }

        // Trends: small multiples per IKC and result (inline), or per indicator (split).
        var trends: [HTML] = []
        for ikc in f.ikcs where ikcLink == nil {
            var charts: [HTML] = []
            for (index, result) in ikc.results.enumerated() {
                charts.append("<figure class=\"trend\">\(TrendChart.render(id: "trend-\(ikc.id)-\(index)", title: "\(ikc.name): \(result.indicator)", years: f.trendYears, yearLabel: f.label(of:), targets: result.targets, measured: result.measured, unit: result.unit))<figcaption>\(result.indicator)</figcaption></figure>")
            }
            trends.append("<h3>\(ikc.name)</h3><div class=\"trend-grid\">\(charts)</div>")
        }

        // Per IKC one page.
        var ikcPages: [HTML] = []
        for ikc in f.ikcs where ikcLink == nil { ikcPages.append(ikcSummary(ikc, figures: f)) }
        if let ikcLink {
            trends = [ReportIndicatorSections.trends(f)]
            ikcPages = [ReportIndicatorSections.ikcLinks(f, link: ikcLink)]
        }

        let intro: HTML = report.hasApprovedPlans ? .empty
            : "<p class=\"warning\">Voor \(f.yearLabel) is nog geen enkel jaarplan goedgekeurd: deze rapportage bevat nog geen gemeten resultaten.</p>"

        return """
        <article class="report">
        <h1>Jaarrapportage \(f.yearLabel)</h1>
        <p class="lead">Resultaten van de \(programme.programmeIKCs) voor de \(programme.steeringGroup). \(f.yearKindExplanation) Alleen goedgekeurde jaarplannen tellen als resultaat.</p>
        \(intro)
        <nav aria-label="Inhoudsopgave" class="toc"><h2>Inhoud</h2><ol>\(toc)</ol></nav>
        <section id="voorwoord"><h2>Voorwoord</h2>\(foreword.isEmpty ? HTML("<p>(Nog geen voorwoord.)</p>") : paragraphs(foreword))</section>
        <section id="samenvatting"><h2>Samenvatting per doel</h2>
        <div class="table-scroll"><table class="data"><caption>Aantal resultaten per status, \(f.yearLabel)</caption>
        <thead><tr><th scope="col">Doel</th><th scope="col" class="num">Behaald</th><th scope="col" class="num">Op koers</th><th scope="col" class="num">Achter</th><th scope="col" class="num">Geen gegevens</th><th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>\(summaryRows)</tbody>
        <tfoot><tr><th scope="row">Totaal</th><td class="num">\(total.achieved)</td><td class="num">\(total.onTrack)</td><td class="num">\(total.behind)</td><td class="num">\(total.noData)</td><td class="num">\(total.total)</td></tr></tfoot>
        </table></div>
        <p class="csv-link"><a href="\(csv(.goals))">Download als CSV</a></p>
        </section>
        <section id="indicatoren"><h2>Resultaten per indicator</h2>\(ReportIndicatorSections.table(f))</section>
        \(ikcLink == nil ? HTML("<section id=\"doelen\"><h2>Resultaten per doel</h2>\(goalSections)<p class=\"csv-link\"><a href=\"\(csv(.results))\">Download als CSV</a></p></section>") : HTML("<p class=\"csv-link\">De resultaten per doel en per IKC staan op de pagina van elk IKC (zie <a href=\"#ikcs\">Per IKC</a>) en in één bestand: <a href=\"\(csv(.results))\">Download als CSV</a></p>"))
        <section id="geld"><h2>Programmageld per bron</h2>
        <div class="table-scroll"><table class="data"><caption>Budget, toegezegd in vastgestelde afspraken en besteed volgens goedgekeurde jaarplannen, \(f.yearLabel)</caption>
        <thead><tr><th scope="col">Financieringsbron</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Toegezegd</th><th scope="col" class="num">Besteed</th></tr></thead>
        <tbody>\(moneyRows)</tbody>
        <tfoot><tr><th scope="row">Totaal</th><td class="num">\(DutchFormat.euros(cents: report.totalBudgetCents))</td><td class="num">\(DutchFormat.euros(cents: report.totalCommittedCents))</td><td class="num">\(report.totalSpentCents.map { DutchFormat.euros(cents: $0) } ?? "–")</td></tr></tfoot>
        </table></div>
        <p class="csv-link"><a href="\(csv(.sources))">Download als CSV</a> · <a href="\(csv(.money))">Geld per IKC als CSV</a> · <a href="\(csv(.staffing))">Formatie per IKC als CSV</a></p>
        </section>
        \(planningSection(f))
        <section id="jaarplannen"><h2>Jaarplannen: ontbrekend, te laat of niet goedgekeurd</h2>
        \(gapRows.isEmpty ? HTML("<p>Alle jaarplannen van \(f.yearLabel) zijn op tijd goedgekeurd.</p>") : HTML("""
        <table class="data"><caption>Jaarplannen \(f.yearLabel) die (nog) niet als resultaat tellen</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col">Stand</th><th scope="col">Termijn</th></tr></thead><tbody>\(gapRows)</tbody></table>
        """))
        <p class="csv-link"><a href="\(csv(.plans))">Download als CSV</a></p>
        </section>
        <section id="trends"><h2>Trends</h2><p>\(ikcLink == nil ? "Per resultaat de doelen per jaar (stippellijn) en de gemeten waarden (punten)." : "Per indicator het doel van het programma per jaar (stippellijn) en het programmacijfer (punten); de trends per IKC staan op de pagina van elk IKC.")</p>\(trends)</section>
        <section id="ikcs"><h2>Per IKC</h2>\(ikcPages)</section>
        <section id="conclusies"><h2>Conclusies</h2>\(conclusions.isEmpty ? HTML("<p>(Nog geen conclusies.)</p>") : paragraphs(conclusions))</section>
        </article>
        """
    }

    static func ikcSummary(_ ikc: ReportFigures.IKCFigures, figures f: ReportFigures) -> HTML {
        var results: [HTML] = []
        for result in ikc.results {
            results.append("<tr><th scope=\"row\">\(result.indicator)</th><td class=\"num\">\(ReportFormat.value(result.baseline, unit: result.unit))</td><td class=\"num\">\(ReportFormat.value(result.targets[f.year], unit: result.unit))</td><td class=\"num\">\(result.measured[f.year].map { ReportFormat.value($0, unit: result.unit) } ?? (result.notMeasured[f.year] != nil ? "niet gemeten" : "–"))</td><td>\(ReportFormat.status(result.status(in: f.year)))</td></tr>")
        }
        var money: [HTML] = []
        for line in ikc.money {
            money.append("<tr><th scope=\"row\">\(line.source)</th><td class=\"num\">\(DutchFormat.euros(cents: line.agreedCents))</td><td class=\"num\">\(line.spentCents.map { DutchFormat.euros(cents: $0) } ?? "–")\(ReportPages.promiseFlag(line))</td></tr>")
        }
        var staffing: [HTML] = []
        for line in ikc.staffing {
            staffing.append("<tr><th scope=\"row\">\(line.role)</th><td class=\"num\">\(ReportFormat.hours(line.agreedHours))</td><td class=\"num\">\(ReportFormat.hours(line.deployedHours))</td></tr>")
        }
        let act: HTML = ikc.actChanges.isEmpty && ikc.actProposal.isEmpty ? "<p>Geen punten uit de Act-fase (of het jaarplan is nog niet goedgekeurd).</p>" : """
        \(ikc.actChanges.isEmpty ? HTML.empty : HTML("<h4>Wat verandert volgend jaar</h4>\(paragraphs(ikc.actChanges))"))
        \(ikc.actProposal.isEmpty ? HTML.empty : HTML("<h4>Voorstel om de afspraak bij te stellen</h4>\(paragraphs(ikc.actProposal))"))
        """
        let anchor = "ikc-\(ikc.id)"
        return """
        <section class="ikc-summary print-break" aria-labelledby="\(anchor)">
        <h3 id="\(anchor)">\(ikc.name)</h3>
        <p>Afspraak: \(ikc.agreementVersion.map { "versie \($0) (vastgesteld)" } ?? "geen vastgestelde afspraak voor dit jaar"). Jaarplan: \(ikc.planState.label)\(ikc.planLate ? " (te laat)" : "").</p>
        \(results.isEmpty ? HTML.empty : HTML("""
        <table class="data"><caption>Resultaten \(f.yearLabel)</caption><thead><tr><th scope="col">Indicator</th><th scope="col" class="num">Nulmeting</th><th scope="col" class="num">Doel</th><th scope="col" class="num">Gemeten</th><th scope="col">Status</th></tr></thead><tbody>\(results)</tbody></table>
        """))
        \(money.isEmpty ? HTML.empty : HTML("""
        <table class="data"><caption>Geld per bron: afgesproken en besteed</caption><thead><tr><th scope="col">Bron</th><th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Besteed</th></tr></thead><tbody>\(money)</tbody></table>
        """))
        \(staffing.isEmpty ? HTML.empty : HTML("""
        <table class="data"><caption>Formatie in uren per week: afgesproken en ingezet</caption><thead><tr><th scope="col">Functie</th><th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Ingezet</th></tr></thead><tbody>\(staffing)</tbody></table>
        """))
        <h4>Uit de Act-fase</h4>
        \(act)
        </section>
        """
    }
}

/// The report's tables as CSV: semicolon separated, decimal comma, UTF-8 with a BOM so that
/// Excel opens it correctly; the same figures as the page.
public enum ReportCSV {
    static func line(_ fields: [String]) -> String { fields.map { CSV.field($0) }.joined(separator: ";") + "\r\n" }

    static func amount(_ cents: Int64?) -> String { CSV.euros(cents) }

    static func decimal(_ value: Double?) -> String {
        guard let value else { return "" }
        // Up to two decimals without trailing zeros, no thousands separator: "7,6", "1234".
        var text = DutchFormat.number(value, decimals: 2).replacingOccurrences(of: ".", with: "")
        while text.contains(","), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }

    public static func render(_ table: ReportTable, report: AnnualReport) -> String {
        let f = report.figures, y = f.year
        var out = CSV.bom
        switch table {
        case .goals:
            out += line(["Doel", "Behaald", "Op koers", "Achter", "Geen gegevens", "Totaal"])
            for goal in f.goals {
                let t = report.tally(goalID: goal.id)
                out += line([goal.name, String(t.achieved), String(t.onTrack), String(t.behind), String(t.noData), String(t.total)])
            }
        case .results:
            out += line(["Doel", "IKC", "Indicator", "Eenheid", "Nulmeting", "Nulmeting jaar", "Doel \(f.yearLabel)", "Gemeten \(f.yearLabel)", "Niet gemeten (reden)", "Status"])
            let goalNames = Dictionary(uniqueKeysWithValues: f.goals.map { ($0.id, $0.name) })
            for goal in f.goals {
                for ikc in f.ikcs {
                    for r in ikc.results where r.goalID == goal.id {
                        out += line([goalNames[r.goalID] ?? "", ikc.name, r.indicator, ResultUnit(rawValue: r.unit)?.label ?? r.unit, decimal(r.baseline), r.baselineYear.map(String.init) ?? "",
                                     decimal(r.targets[y]), decimal(r.measured[y]), r.notMeasured[y] ?? "", r.status(in: y).label])
                    }
                }
            }
        case .money:
            out += line(["IKC", "Financieringsbron", "Afgesproken (EUR)", "Besteed (EUR)", "Boven de afspraak"])
            for ikc in f.ikcs {
                for m in ikc.money {
                    let over = PromisesKept.overspend(agreed: m.agreedCents, spent: m.spentCents).map(PromisesKeptTable.flag) ?? ""
                    out += line([ikc.name, m.source, amount(m.agreedCents), amount(m.spentCents), over])
                }
            }
        case .staffing:
            out += line(["IKC", "Functie", "Afgesproken uren per week", "Ingezet uren per week"])
            for ikc in f.ikcs { for s in ikc.staffing { out += line([ikc.name, s.role, decimal(s.agreedHours), decimal(s.deployedHours)]) } }
        case .sources:
            out += line(["Financieringsbron", "Budget (EUR)", "Toegezegd (EUR)", "Besteed (EUR)"])
            for s in f.sources { out += line([s.name, amount(s.budgetCents), amount(s.committedCents), amount(s.spentCents)]) }
            out += line(["Totaal", amount(report.totalBudgetCents), amount(report.totalCommittedCents), amount(report.totalSpentCents)])
        case .plans:
            out += line(["IKC", "Jaarplan", "Te laat"])
            for ikc in f.ikcs { out += line([ikc.name, ikc.planState.label, ikc.planLate ? "ja" : "nee"]) }
        }
        return out
    }
}
