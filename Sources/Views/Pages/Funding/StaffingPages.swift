import Domain
import Markup

/// The staffing page (issue 19): the staff pool per role and year against the hours the
/// agreements in force promise, realised hours, the hours' cost against the contributions.
public struct StaffingView: Sendable {
    public var roles: [CodeLabel]
    public var lines: [Capacity.Line]
    public var payments: [Capacity.Payment]
    public var organisationNames: [Int64: String]
    public var weeksPerYear: Int

    public init(roles: [CodeLabel], lines: [Capacity.Line], payments: [Capacity.Payment], organisationNames: [Int64: String], weeksPerYear: Int) {
        self.roles = roles
        self.lines = lines
        self.payments = payments
        self.organisationNames = organisationNames
        self.weeksPerYear = weeksPerYear
    }

    public func roleLabel(_ code: String) -> String { roles.first { $0.code == code }?.label ?? code }
}

extension FundingPages {
    public static func staffing(context: PageContext, programme: Programme, view: StaffingView, canEdit: Bool, notice: String?) -> HTML {
        let over = view.lines.filter(\.isOver)
        var alerts: [HTML] = []
        for line in over {
            alerts.append("<li>\(Capacity.sentence(line, roleLabel: view.roleLabel(line.roleCode), yearLabel: programme.yearLabel(line.year)))</li>")
        }
        let alert: HTML = over.isEmpty
            ? "<p class=\"funding-ok\">Geen tekorten: in geen enkel jaar beloven de vastgestelde afspraken meer uren dan de pool heeft.</p>"
            : "<div class=\"funding-alert staffing-over\" role=\"status\"><h2>Meer uren toegezegd dan beschikbaar</h2><ul>\(alerts)</ul></div>"
        var edits: [HTML] = []
        if canEdit {
            for role in view.roles {
                edits.append("<li><a href=\"\(Route.funding(.staffingRole(role.code)).path)\">Pool \(role.label) wijzigen</a></li>")
            }
        }
        let editList: HTML = edits.isEmpty ? .empty : "<h2>Pool bijhouden</h2><ul>\(edits)</ul>"
        return Layout.page(title: "Personeel", context: context.with(.funding), """
        <p><a href="\(Route.funding(.index).path)">Financiering</a></p>
        <h1>Personeel: toegezegde uren en beschikbare capaciteit</h1>
        \(Components.notice(notice))
        <p class="hint">\(programme.yearKindExplanation) Uren per week. Toegezegd: wat de vastgestelde versie van elke afspraak belooft. Beschikbaar: de pool van het programma (aantal mensen × uren per week); een functie zonder pool (personeel dat het programma niet zelf inzet) wordt niet gemarkeerd. Gerealiseerd: volgens goedgekeurde verantwoordingen. Kosten: uren × uurkosten × \(view.weeksPerYear) werkweken per jaar.</p>
        <p>\(csvLink(Route.funding(.staffingCSV).path, "Tabel als CSV"))</p>
        \(alert)
        \(staffingCharts(programme: programme, view: view))
        \(staffingTable(programme: programme, view: view))
        \(paymentTable(programme: programme, view: view))
        \(editList)
        """)
    }

    static func staffingCharts(programme: Programme, view: StaffingView) -> HTML {
        var figures: [HTML] = []
        for role in view.roles {
            let lines = view.lines.filter { $0.roleCode == role.code && ($0.pool != nil || $0.promised > 0) }
            guard lines.contains(where: { $0.pool != nil }) else { continue }
            let chart = CapacityChart(
                id: "chart-staffing-\(role.code)", title: "\(role.label): toegezegde uren per week tegen de beschikbare uren",
                description: "Staven: per jaar de uren per week die de vastgestelde afspraken toezeggen; de stippellijn is wat de pool beschikbaar heeft. De tabel hieronder bevat dezelfde uren.",
                bars: lines.map { CapacityChart.Bar(label: programme.yearLabel($0.year), promised: $0.promised, available: $0.available) })
            figures.append("<figure class=\"chart\">\(chart.render())<figcaption>\(role.label): toegezegd tegen beschikbaar per jaar. De uren staan in de tabel hieronder.</figcaption></figure>")
        }
        return "\(figures)"
    }

    static func staffingTable(programme: Programme, view: StaffingView) -> HTML {
        var rows: [HTML] = []
        for line in view.lines {
            let pool = line.pool
            let shortfall: HTML = line.isOver
                ? "<td class=\"num funding-over\"><span class=\"flag\">\(Capacity.hoursText(line.shortfall)) uur tekort</span></td>"
                : "<td class=\"num\">–</td>"
            let cost = line.promisedCost(weeksPerYear: view.weeksPerYear)
            rows.append("""
            <tr><th scope="row">\(view.roleLabel(line.roleCode))</th><td>\(programme.yearLabel(line.year))</td><td class="num">\(pool.map { String($0.people) } ?? "–")</td><td class="num">\(pool.map { Capacity.hoursText($0.hoursPerWeek) } ?? "–")</td><td class="num">\(pool == nil ? "geen pool" : Capacity.hoursText(line.available))</td><td class="num">\(Capacity.hoursText(line.promised))</td>\(shortfall)<td class="num">\(line.realised.map(Capacity.hoursText) ?? "–")</td><td>\(pool?.employer ?? "")</td><td class="num">\(money(pool?.hourlyCostCents))</td><td class="num">\(money(cost))</td></tr>
            """)
        }
        let empty: HTML = rows.isEmpty ? "<tr><td colspan=\"11\">Er is nog geen pool en geen afspraak belooft uren.</td></tr>" : .empty
        return """
        <h2>Per functie en jaar</h2>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Pool, toegezegde en gerealiseerde uren per week per functie en jaar</caption>
        <thead><tr><th scope="col">Functie</th><th scope="col">Jaar</th><th scope="col" class="num">Mensen</th><th scope="col" class="num">Uren p.p.</th><th scope="col" class="num">Beschikbaar</th><th scope="col" class="num">Toegezegd</th><th scope="col" class="num">Tekort</th><th scope="col" class="num">Gerealiseerd</th><th scope="col">Werkgever</th><th scope="col" class="num">Kosten per uur</th><th scope="col" class="num">Kosten toegezegde uren per jaar</th></tr></thead>
        <tbody>\(rows)\(empty)</tbody>
        </table></div>
        """
    }

    static func paymentTable(programme: Programme, view: StaffingView) -> HTML {
        guard !view.payments.isEmpty else { return .empty }
        var rows: [HTML] = []
        for payment in view.payments {
            let name = view.organisationNames[payment.organisationID] ?? "Organisatie \(payment.organisationID)"
            let difference: HTML = payment.isMismatch
                ? "<td class=\"num funding-warn\">\(payment.difference < 0 ? "\(DutchFormat.euros(cents: -payment.difference)) te weinig" : "\(DutchFormat.euros(cents: payment.difference)) meer")</td>"
                : "<td class=\"num\">sluit</td>"
            rows.append("""
            <tr><th scope="row">\(name)</th><td>\(programme.yearLabel(payment.year))</td><td class="num">\(DutchFormat.euros(cents: payment.staffCost))</td><td class="num">\(DutchFormat.euros(cents: payment.contributed))</td>\(difference)</tr>
            """)
        }
        return """
        <h2>Kosten van de uren tegen de bijdragen</h2>
        <p class="hint">Per partij die uren betaalt: de kosten van de toegezegde uren (uren × uurkosten × \(view.weeksPerYear) weken) naast alles wat die partij in de vastgestelde afspraken bijdraagt. Een verschil betekent dat de bijdragen ook iets anders betalen, of de uren niet dekken.</p>
        <div class="table-scroll funding-scroll"><table class="data">
        <caption>Kosten van de toegezegde uren per betalende partij en jaar, naast de bijdragen</caption>
        <thead><tr><th scope="col">Partij</th><th scope="col">Jaar</th><th scope="col" class="num">Kosten uren</th><th scope="col" class="num">Bijdragen</th><th scope="col" class="num">Verschil</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """
    }

    /// The staffing table as CSV: one line per role and year.
    public static func staffingCSV(programme: Programme, view: StaffingView) -> [UInt8] {
        let header = ["Functie", "Jaar", "Mensen", "Uren per persoon", "Beschikbaar (uur per week)", "Toegezegd (uur per week)",
                      "Tekort (uur per week)", "Gerealiseerd (uur per week)", "Werkgever", "Kosten per uur", "Kosten toegezegde uren per jaar"]
        let rows: [[FundingCSV.Field]] = view.lines.map { line in
            [.text(view.roleLabel(line.roleCode)), .text(programme.yearLabel(line.year)), .text(line.pool.map { String($0.people) } ?? ""),
             .text(line.pool.map { Capacity.hoursText($0.hoursPerWeek) } ?? ""), .text(line.pool == nil ? "" : Capacity.hoursText(line.available)),
             .text(Capacity.hoursText(line.promised)), .text(Capacity.hoursText(line.shortfall)), .text(line.realised.map(Capacity.hoursText) ?? ""),
             .text(line.pool?.employer ?? ""), .amount(line.pool?.hourlyCostCents), .amount(line.promisedCost(weeksPerYear: view.weeksPerYear))]
        }
        return FundingCSV.document(header: header, rows: rows)
    }

    // MARK: - Forms

    /// The pool form of one role: per year people, hours each, employer and hourly cost.
    public static func poolForm(context: PageContext, programme: Programme, role: CodeLabel, form: StaffPoolForm, lockVersion: Int64,
                                errors: ValidationErrors) -> HTML {
        var rows: [HTML] = []
        for year in programme.years {
            let row = form.rows[year] ?? StaffPoolForm.Row()
            var cells: [HTML] = []
            for (name, label, value) in [("people", "Mensen", row.people), ("hours", "Uren per week per persoon", row.hours),
                                         ("employer", "Werkgever", row.employer), ("cost", "Kosten per uur", row.cost)] {
                let field = StaffPoolForm.field(name, year)
                let error = errors[field]
                let message: HTML = error.map { "<p class=\"field-error\" id=\"\(field)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" } ?? .empty
                cells.append("""
                <td\(attr: "class", error == nil ? nil : "field--error")><label class="visually-hidden" for="\(field)">\(label) \(programme.yearLabel(year))</label>\(message)<input type="text" id="\(field)" name="\(field)" value="\(value)" autocomplete="off"\(attr: "aria-describedby", error == nil ? nil : "\(field)-error")\(attr: "aria-invalid", error == nil ? nil : "true")></td>
                """)
            }
            rows.append("<tr><th scope=\"row\">\(programme.yearLabel(year))</th>\(cells)</tr>")
        }
        let fields: HTML = """
        <input type="hidden" name="lock_version" value="\(String(lockVersion))">
        <p class="hint">Laat een jaar leeg als er geen pool is. Uren per week, bijvoorbeeld 22 of 16,5; kosten per uur in euro's, bijvoorbeeld 62,50.</p>
        <div class="table-scroll funding-scroll"><table class="data year-inputs">
        <caption>Pool \(role.label) per jaar</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col">Mensen</th><th scope="col">Uren per week per persoon</th><th scope="col">Werkgever</th><th scope="col">Kosten per uur</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        <button type="submit" class="button button--primary">Opslaan</button>
        <a class="button button--secondary" href="\(Route.funding(.staffing).path)">Annuleren</a>
        """
        return Layout.page(title: "Pool \(role.label)", context: context.with(.funding), """
        <p><a href="\(Route.funding(.staffing).path)">Personeel</a></p>
        <h1>Pool \(role.label)</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.funding(.staffingRole(role.code)).path, csrf: context.csrfToken, fields))
        """)
    }

    /// The settings form: the split of a school year over calendar years, and weeks per year.
    public static func settingsForm(context: PageContext, programme: Programme, first: String, second: String, weeks: String,
                                    lockVersion: Int64, errors: ValidationErrors, notice: String?) -> HTML {
        let fields: HTML = """
        <input type="hidden" name="lock_version" value="\(String(lockVersion))">
        <fieldset class="field"><legend>Verdeling van een schooljaar over kalenderjaren</legend>
        <p class="hint">Voor bronnen met een begroting per kalenderjaar. Een schooljaar loopt van augustus tot en met juli: standaard 5 maanden in het eerste en 7 in het tweede kalenderjaar. Samen 12.</p>
        \(Components.textField("split_first", label: "Maanden in het eerste kalenderjaar", value: first, errors: errors, inputmode: "numeric"))
        \(Components.textField("split_second", label: "Maanden in het tweede kalenderjaar", value: second, errors: errors, inputmode: "numeric"))
        </fieldset>
        \(Components.textField("weeks", label: "Werkweken per jaar", value: weeks, errors: errors, hint: "Voor de kosten van uren per week: uren × uurkosten × werkweken.", inputmode: "numeric"))
        <button type="submit" class="button button--primary">Opslaan</button>
        <a class="button button--secondary" href="\(Route.funding(.index).path)">Annuleren</a>
        """
        return Layout.page(title: "Instellingen financiering", context: context.with(.funding), """
        <p><a href="\(Route.funding(.index).path)">Financiering</a></p>
        <h1>Instellingen financiering</h1>
        \(Components.notice(notice))
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.funding(.settings).path, csrf: context.csrfToken, fields))
        """)
    }
}
