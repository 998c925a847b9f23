import Domain
import Markup

/// Formatting of agreement figures, the same on every page.
public enum AgreementFormat {
    /// A number with as few decimals as it needs (at most two): `22`, `16,5`, `7,45`.
    public static func plain(_ value: Double) -> String {
        let rounded2 = (value * 100).rounded() / 100
        if rounded2 == rounded2.rounded() { return DutchFormat.number(rounded2, decimals: 0) }
        if (rounded2 * 10) == (rounded2 * 10).rounded() { return DutchFormat.number(rounded2, decimals: 1) }
        return DutchFormat.number(rounded2, decimals: 2)
    }

    /// A number for an input field: no thousands dots, decimal comma.
    public static func input(_ value: Double) -> String {
        plain(value).filter { $0 != "." }
    }

    /// A target or baseline in its unit.
    public static func value(_ value: Double?, unit: ResultUnit) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percent: return plain(value) + "%"
        case .yesno: return value >= 0.5 ? "ja" : "nee"
        case .euro: return DutchFormat.euros(cents: Int64((value * 100).rounded()))
        case .number, .score: return plain(value)
        }
    }

    public static func euros(_ cents: Int64?) -> String {
        guard let cents else { return "–" }
        return DutchFormat.euros(cents: cents)
    }

    /// An amount for an input field: `12.500` or `12.500,50`.
    public static func eurosInput(_ cents: Int64?) -> String {
        guard let cents, cents != 0 else { return "" }
        return String(DutchFormat.euros(cents: cents).dropFirst(2))
    }

    public static func hours(_ hours: Double?) -> String {
        guard let hours else { return "–" }
        return plain(hours)
    }

    public static func moment(_ iso: String?) -> String {
        guard let iso, let day = Day(iso: String(iso.prefix(10))) else { return "–" }
        return day.dutch
    }
}

/// The tables of an agreement version, shared by the agreement page and the print view.
public enum AgreementTables {
    static func yearHeaders(_ data: AgreementPageData) -> [HTML] {
        data.years.map { "<th scope=\"col\" class=\"num\">\(data.programme.yearLabel($0))</th>" }
    }

    public static func parties(_ data: AgreementPageData) -> HTML {
        var rows: [HTML] = []
        for party in data.content.parties {
            let signer = party.signatoryTitle.isEmpty ? party.signatoryName : "\(party.signatoryName) (\(party.signatoryTitle))"
            rows.append("""
            <tr><th scope="row">\(party.organisationName)</th><td>\(data.programme.partyRoleLabel(party.role))</td><td>\(signer.isEmpty ? "–" : signer)</td><td>\(party.signedOn?.dutch ?? "niet getekend")</td></tr>
            """)
        }
        return """
        <table class="data">
        <caption>Partijen en ondertekenaars</caption>
        <thead><tr><th scope="col">Partij</th><th scope="col">Rol</th><th scope="col">Tekent</th><th scope="col">Getekend op</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
    }

    public static func results(_ data: AgreementPageData) -> HTML {
        var out: [HTML] = []
        for goal in data.goals {
            let results = data.content.results(goal: goal.id)
            var rows: [HTML] = []
            for result in results {
                var cells: [HTML] = []
                for year in data.years {
                    cells.append("<td class=\"num\">\(AgreementFormat.value(result.targets[year], unit: result.unit))</td>")
                }
                let baseline = AgreementFormat.value(result.baselineValue, unit: result.unit) + (result.baselineYear.map { " (\(data.programme.yearLabel($0)))" } ?? "")
                rows.append("""
                <tr><th scope="row">\(result.lineage). \(result.description)<br><small>\(result.indicator) · \(result.unit.label) · \(result.direction.label) · \(result.accumulation.label)\(result.dataSource.isEmpty ? "" : " · bron: " + result.dataSource)</small></th><td class="num">\(baseline)</td>\(cells)</tr>
                """)
            }
            if rows.isEmpty {
                rows.append("<tr><td colspan=\"\(data.years.count + 2)\">Nog geen resultaten onder dit doel.</td></tr>")
            }
            out.append("""
            <div class="table-scroll">
            <table class="data agreement-grid">
            <caption>\(goal.position). \(goal.name)</caption>
            <thead><tr><th scope="col">Resultaat en indicator</th><th scope="col" class="num">Nulmeting</th>\(yearHeaders(data))</tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            """)
        }
        return HTML.joined(out)
    }

    public static func contributions(_ data: AgreementPageData) -> HTML {
        let content = data.content
        var pairs: [(Int64, Int64)] = []
        for x in content.contributions where !pairs.contains(where: { $0 == (x.organisationID, x.fundingSourceID) }) {
            pairs.append((x.organisationID, x.fundingSourceID))
        }
        let partyOrder = content.parties.map(\.organisationID)
        pairs.sort { (partyOrder.firstIndex(of: $0.0) ?? 99, $0.1) < (partyOrder.firstIndex(of: $1.0) ?? 99, $1.1) }
        var rows: [HTML] = []
        for (org, source) in pairs {
            var cells: [HTML] = []
            var total: Int64 = 0
            for year in data.years {
                let cents = content.contribution(organisation: org, source: source, year: year)
                total += cents ?? 0
                cells.append("<td class=\"num\">\(AgreementFormat.euros(cents))</td>")
            }
            rows.append("<tr><th scope=\"row\">\(data.organisationName(org)) · \(data.sourceName(source))</th>\(cells)<td class=\"num\"><strong>\(AgreementFormat.euros(total))</strong></td></tr>")
        }
        if rows.isEmpty { rows.append("<tr><td colspan=\"\(data.years.count + 2)\">Nog geen bijdragen.</td></tr>") }
        var totals: [HTML] = []
        for year in data.years { totals.append("<td class=\"num\">\(AgreementFormat.euros(content.totalCents(year: year)))</td>") }
        var partyRows: [HTML] = []
        for party in content.parties {
            partyRows.append("<tr><th scope=\"row\">\(party.organisationName)</th><td class=\"num\">\(AgreementFormat.euros(content.totalCents(organisation: party.organisationID)))</td></tr>")
        }
        return """
        <div class="table-scroll">
        <table class="data agreement-grid" id="contributions-table">
        <caption>Bijdragen per partij en financieringsbron (euro per jaar)</caption>
        <thead><tr><th scope="col">Partij · financieringsbron</th>\(yearHeaders(data))<th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>\(rows)</tbody>
        <tfoot><tr><th scope="row">Totaal per jaar</th>\(totals)<td class="num"><strong>\(AgreementFormat.euros(content.totalCents))</strong></td></tr></tfoot>
        </table>
        </div>
        <table class="data">
        <caption>Totaal per partij over de hele looptijd</caption>
        <thead><tr><th scope="col">Partij</th><th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>\(partyRows)</tbody>
        </table>
        """
    }

    public static func staffing(_ data: AgreementPageData) -> HTML {
        var roles: [String] = []
        for s in data.content.staffing where !roles.contains(s.roleCode) { roles.append(s.roleCode) }
        var rows: [HTML] = []
        for role in roles {
            let entries = data.content.staffing.filter { $0.roleCode == role }
            var cells: [HTML] = []
            for year in data.years {
                cells.append("<td class=\"num\">\(AgreementFormat.hours(entries.first { $0.year == year }?.hours))</td>")
            }
            rows.append("<tr><th scope=\"row\">\(data.roleLabel(role))</th><td>\(data.organisationName(entries.first?.paidBy))</td>\(cells)</tr>")
        }
        if rows.isEmpty { rows.append("<tr><td colspan=\"\(data.years.count + 2)\">Nog geen formatie.</td></tr>") }
        return """
        <div class="table-scroll">
        <table class="data agreement-grid">
        <caption>Formatie in uren per week</caption>
        <thead><tr><th scope="col">Functie</th><th scope="col">Betaald door</th>\(yearHeaders(data))</tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        </div>
        """
    }

    public static func texts(_ data: AgreementPageData, headingLevel: Int = 3) -> HTML {
        var out: [HTML] = []
        for section in data.version.texts.sections {
            let body = section.text.trimmingWhitespace().isEmpty ? HTML("<p class=\"hint\">Nog niet ingevuld.</p>") : PlainText.render(section.text)
            out.append("<section class=\"agreement-text\"><h3>\(section.title)</h3>\(body)</section>")
        }
        return HTML.joined(out)
    }
}

/// User text rendered safely: paragraphs and `- ` lists; every line is escaped text.
public enum PlainText {
    public static func render(_ text: String) -> HTML {
        var out: [HTML] = []
        for block in PlainTextBlocks.blocks(text) {
            switch block {
            case .paragraph(let lines):
                var parts: [HTML] = []
                for (index, line) in lines.enumerated() {
                    parts.append(index == 0 ? "\(line)" : "<br>\(line)")
                }
                out.append("<p>\(parts)</p>")
            case .list(let items):
                out.append("<ul>\(items.map { HTML("<li>\($0)</li>") })</ul>")
            }
        }
        return HTML.joined(out)
    }
}
