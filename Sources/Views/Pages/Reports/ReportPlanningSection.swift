import Domain
import Markup

/// The annual report's budget statuses and staffing totals (issue 19).
extension ReportPages {
    static func partOfNote(_ source: ReportFigures.SourceFigures) -> HTML {
        guard let parent = source.partOf else { return .empty }
        return "<br><span class=\"hint\">onderdeel van \(parent); telt niet apart mee in het totaal</span>"
    }

    static func planningSection(_ f: ReportFigures) -> HTML {
        guard let planning = f.planning else { return .empty }
        let programme = Programme(name: "", municipality: "", firstYear: f.year, lastYear: f.year,
                                  yearKind: f.yearLabel.contains("-") ? .school : .calendar)
        var undecided: [HTML] = []
        for source in planning.undecided {
            undecided.append("<li>\(FundingPages.undecidedSentence(source.item, name: source.name, programme: programme))</li>")
        }
        let budgetText: HTML = undecided.isEmpty
            ? "<p>Alle budgetten van \(f.yearLabel) zijn vastgesteld.</p>"
            : "<p>Niet alle budgetten van \(f.yearLabel) zijn vastgesteld:</p><ul class=\"report-undecided\">\(undecided)</ul>"
        var rows: [HTML] = []
        for line in planning.staffing {
            let shortfall: HTML = line.shortfall > 0 ? "<td class=\"num funding-over\">\(Capacity.hoursText(line.shortfall)) uur tekort</td>" : "<td class=\"num\">–</td>"
            rows.append("""
            <tr><th scope="row">\(line.role)</th><td class="num">\(Capacity.hoursText(line.available))</td><td class="num">\(Capacity.hoursText(line.promised))</td>\(shortfall)<td class="num">\(line.realised.map(Capacity.hoursText) ?? "–")</td><td class="num">\(line.costCents.map { DutchFormat.euros(cents: $0) } ?? "–")</td></tr>
            """)
        }
        let promised = planning.staffing.reduce(0.0) { $0 + $1.promised }, available = planning.staffing.reduce(0.0) { $0 + $1.available }
        let table: HTML = rows.isEmpty ? "<p>Er is voor \(f.yearLabel) geen personeel toegezegd en geen pool bijgehouden.</p>" : """
        <div class="table-scroll"><table class="data"><caption>Personeel \(f.yearLabel): uren per week per functie</caption>
        <thead><tr><th scope="col">Functie</th><th scope="col" class="num">Beschikbaar</th><th scope="col" class="num">Toegezegd</th><th scope="col" class="num">Tekort</th><th scope="col" class="num">Gerealiseerd</th><th scope="col" class="num">Kosten toegezegde uren</th></tr></thead>
        <tbody>\(rows)</tbody>
        <tfoot><tr><th scope="row">Totaal</th><td class="num">\(Capacity.hoursText(available))</td><td class="num">\(Capacity.hoursText(promised))</td><td></td><td></td><td></td></tr></tfoot>
        </table></div>
        """
        return """
        <section id="geld-en-mensen"><h2>Budgetstatus en personeel</h2>
        \(budgetText)
        \(table)
        </section>
        """
    }
}
