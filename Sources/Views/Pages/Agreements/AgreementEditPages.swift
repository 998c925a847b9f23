import Domain
import Markup

/// The forms of a concept agreement: results, the three grids, the texts; signing; amending.
/// Every form carries the version's lock_version (a stale save is a 409).
public enum AgreementEditPages {
    static func frame(_ title: String, context: PageContext, data: AgreementPageData, errors: ValidationErrors, _ content: HTML) -> HTML {
        let back = Route.agreements(.show(data.agreement.id)).path
        return Layout.page(title: "\(title) · \(data.agreement.ikcName)", context: context.with(.agreements), """
        <p><a href="\(back)">← Terug naar de afspraak</a></p>
        <h1>\(title)</h1>
        <p class="lead">Resultaatafspraak \(data.agreement.ikcName), versie \(data.version.number), looptijd \(data.periodLabel).</p>
        <p class="hint year-kind">\(data.programme.yearKindExplanation)</p>
        \(Components.errorSummary(errors))
        \(closedYearsNote(context: context, data: data))
        \(content)
        """)
    }

    static func lock(_ data: AgreementPageData) -> HTML {
        "<input type=\"hidden\" name=\"lock_version\" value=\"\(data.version.lockVersion)\">"
    }

    static func buttons(_ data: AgreementPageData, label: StaticString = "Opslaan") -> HTML {
        """
        <p><button type="submit" class="button button--primary">\(HTML(stringLiteral: label))</button>
        <a class="button button--secondary" href="\(Route.agreements(.show(data.agreement.id)).path)">Annuleren</a></p>
        """
    }

    /// A grid cell: a small text input labelled for screen readers.
    static func cell(_ name: String, value: String, label: String, errors: ValidationErrors, mode: String = "decimal",
                     closed: String? = nil) -> HTML {
        if let closed { return closedCell(name, value: value, label: label, reason: closed) }
        let invalid = errors[name] != nil
        // The error as text in the cell, tied to the input (a title alone is not announced).
        let message: HTML = errors[name].map { HTML("<span class=\"field-error cell-error\" id=\"\(name)-error\">\($0)</span>") } ?? .empty
        return """
        <td class="num\(invalid ? " cell--error" : "")"><label class="visually-hidden" for="\(name)">\(label)</label><input class="grid-input" type="text" id="\(name)" name="\(name)" value="\(value)" inputmode="\(mode)"\(attr: "aria-invalid", invalid ? "true" : nil)\(attr: "aria-describedby", invalid ? "\(name)-error" : nil)>\(message)</td>
        """
    }

    static func yearHeaders(_ data: AgreementPageData) -> [HTML] {
        data.years.map { "<th scope=\"col\" class=\"num\">\(data.programme.yearLabel($0))</th>" }
    }

    // MARK: - Results

    /// `library`: the indicators a row may choose (retired ones only where already chosen); the
    /// form ends with a new library indicator (`new_…`) that is added without losing the rows.
    public static func results(context: PageContext, data: AgreementPageData, inputs: [AgreementRules.ResultInput],
                               errors: ValidationErrors, library: [Indicator] = [], newIndicator: IndicatorForm = IndicatorForm(),
                               newErrors: ValidationErrors = ValidationErrors(), areaNames: [String] = [], notice: String? = nil) -> HTML {
        var blocks: [HTML] = []
        let goalOptions = data.goals.map { (String($0.id), "\($0.position). \($0.name)") }
        let units = ResultUnit.allCases.map { ($0.rawValue, $0.label) }
        let directions = IndicatorDirection.allCases.map { ($0.rawValue, $0.label) }
        let accumulations = TargetAccumulation.allCases.map { ($0.rawValue, $0.label) }
        for input in inputs {
            let p = "r\(input.index)_"
            let title: HTML = input.id == nil ? "Nieuw resultaat" : "Resultaat \(input.index + 1)"
            let idField: HTML = input.id.map { HTML("<input type=\"hidden\" name=\"\(p)id\" value=\"\($0)\">") } ?? .empty
            let remove: HTML = input.id == nil ? .empty : """
            <div class="field"><div class="checkbox"><input type="checkbox" id="\(p)remove" name="\(p)remove" value="1"\(attr: "checked", if: input.remove)><label for="\(p)remove">Dit resultaat verwijderen (met zijn streefwaarden)</label></div></div>
            """
            blocks.append("""
            <fieldset class="result-edit">
            <legend>\(title)</legend>
            \(idField)
            \(Components.textField(p + "position", label: "Volgorde", value: input.position, errors: errors, hint: "Een lager nummer komt eerder; gebruik dit om resultaten te verplaatsen.", inputmode: "numeric"))
            \(Components.select(p + "goal", label: "Programmadoel", options: goalOptions, selected: input.goal, errors: errors, includeEmpty: "Kies een doel"))
            \(Components.textField(p + "description", label: "Omschrijving", value: input.description, errors: errors))
            \(library.isEmpty ? HTML.empty : indicatorChoice(p, input: input, library: library, errors: errors))
            \(library.isEmpty ? Components.textField(p + "indicator", label: "Indicator", value: input.indicator, errors: errors) : HTML.empty)
            \(library.isEmpty ? Components.select(p + "unit", label: "Eenheid", options: units, selected: input.unit, errors: errors) : HTML.empty)
            \(Components.textField(p + "baseline", label: "Nulmeting (waarde)", value: input.baseline, errors: errors, inputmode: "decimal"))
            \(Components.textField(p + "baseline_year", label: "Nulmeting (jaar)", value: input.baselineYear, errors: errors, inputmode: "numeric"))
            \(library.isEmpty ? Components.select(p + "direction", label: "Welke richting is beter", options: directions, selected: input.direction, errors: errors) : HTML.empty)
            \(Components.textField(p + "source", label: "Databron", value: input.dataSource, errors: errors))
            \(library.isEmpty ? Components.select(p + "accumulation", label: "Streefwaarden zijn", options: accumulations, selected: input.accumulation, errors: errors) : HTML.empty)
            \(remove)
            </fieldset>
            """)
        }
        return frame("Resultaten bewerken", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.results(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <input type="hidden" name="rows" value="\(inputs.count)">
        <p>Laat het nieuwe resultaat leeg als u er geen wilt toevoegen. Na opslaan kunt u er nog een toevoegen. Streefwaarden vult u in het rooster in.</p>
        \(Components.notice(notice))
        \(HTML.joined(blocks))
        \(buttons(data, label: "Resultaten opslaan"))
        \(library.isEmpty ? HTML.empty : newIndicatorSection(newIndicator, errors: newErrors, areaNames: areaNames))
        """))
    }

    // MARK: - Targets grid

    public static func targets(context: PageContext, data: AgreementPageData, values: [String: String], errors: ValidationErrors) -> HTML {
        var tables: [HTML] = []
        for goal in data.goals {
            var rows: [HTML] = []
            for result in data.content.results(goal: goal.id) {
                var cells: [HTML] = []
                for year in data.years {
                    let name = GridField.target(resultID: result.id, year: year).name
                    cells.append(cell(name, value: values[name] ?? "", label: "\(result.indicator), \(data.programme.yearLabel(year))", errors: errors,
                                      closed: closedReason(data, year)))
                }
                rows.append("<tr><th scope=\"row\">\(result.indicator) <small>(\(result.unit.label), \(result.accumulation.label))</small></th>\(cells)</tr>")
            }
            guard !rows.isEmpty else { continue }
            tables.append("""
            <div class="table-scroll"><table class="data grid-form">
            <caption>\(goal.position). \(goal.name)</caption>
            <thead><tr><th scope="col">Indicator</th>\(yearHeaders(data))</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """)
        }
        let empty: HTML = tables.isEmpty ? "<p>Voeg eerst resultaten toe.</p>" : .empty
        return frame("Streefwaarden bewerken", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.targets(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <p>Vul voor elk resultaat en elk jaar een streefwaarde in, met een decimale komma (12,5). Ja/nee: 1 of 0.</p>
        \(empty)
        \(HTML.joined(tables))
        \(buttons(data, label: "Streefwaarden opslaan"))
        """))
    }

    // MARK: - Contributions grid

    public static func contributions(context: PageContext, data: AgreementPageData, values: [String: String], errors: ValidationErrors) -> HTML {
        var rows: [HTML] = []
        for party in data.content.parties {
            for source in data.sources {
                var cells: [HTML] = []
                for year in data.years {
                    let name = GridField.contribution(organisationID: party.organisationID, sourceID: source.id, year: year).name
                    cells.append(cell(name, value: values[name] ?? "", label: "\(party.organisationName), \(source.name), \(data.programme.yearLabel(year))", errors: errors,
                                      closed: closedReason(data, year)))
                }
                rows.append("<tr><th scope=\"row\">\(party.organisationName) · \(source.name)</th>\(cells)</tr>")
            }
        }
        return frame("Bijdragen bewerken", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.contributions(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <p>Bedragen in euro per jaar, zoals 12.500 of 12.500,00. Een leeg vak is geen bijdrage. Een bijstelling vervangt de bedragen van de vorige versie; ze worden niet opgeteld.</p>
        <div class="table-scroll"><table class="data grid-form">
        <caption>Bijdragen per partij en financieringsbron</caption>
        <thead><tr><th scope="col">Partij · financieringsbron</th>\(yearHeaders(data))</tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(buttons(data, label: "Bijdragen opslaan"))
        """))
    }

    // MARK: - Staffing grid

    public static func staffing(context: PageContext, data: AgreementPageData, values: [String: String], errors: ValidationErrors) -> HTML {
        var rows: [HTML] = []
        let payers = data.content.parties.map { (String($0.organisationID), $0.organisationName) }
        for role in data.roles {
            var cells: [HTML] = []
            for year in data.years {
                let name = GridField.staffing(role: role.code, year: year).name
                cells.append(cell(name, value: values[name] ?? "", label: "\(role.label), \(data.programme.yearLabel(year))", errors: errors,
                                  closed: closedReason(data, year)))
            }
            let paidName = GridField.payer(role: role.code).name
            var options: [HTML] = ["<option value=\"\">–</option>"]
            for (value, label) in payers {
                options.append("<option value=\"\(value)\"\(attr: "selected", if: values[paidName] == value)>\(label)</option>")
            }
            rows.append("""
            <tr><th scope="row">\(role.label)</th><td><label class="visually-hidden" for="\(paidName)">Betaald door (\(role.label))</label><select id="\(paidName)" name="\(paidName)">\(options)</select></td>\(cells)</tr>
            """)
        }
        return frame("Formatie bewerken", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.staffing(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <p>Uren per week per jaar (bijvoorbeeld 22 of 16,5). Een leeg vak is geen inzet.</p>
        <div class="table-scroll"><table class="data grid-form">
        <caption>Formatie in uren per week</caption>
        <thead><tr><th scope="col">Functie</th><th scope="col">Betaald door</th>\(yearHeaders(data))</tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(buttons(data, label: "Formatie opslaan"))
        """))
    }

    // MARK: - Texts

    public static func texts(context: PageContext, data: AgreementPageData, texts: AgreementTexts, errors: ValidationErrors) -> HTML {
        var fields: [HTML] = []
        for section in texts.sections {
            fields.append(Components.textArea(section.field, label: section.title, value: section.text, errors: errors,
                                              hint: "Platte tekst: een lege regel begint een nieuwe alinea, een regel die begint met ‘- ’ is een opsommingsteken.", rows: 8))
        }
        return frame("Teksten bewerken", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.texts(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        \(HTML.joined(fields))
        \(buttons(data, label: "Teksten opslaan"))
        """))
    }

    // MARK: - Signing

    public static func sign(context: PageContext, data: AgreementPageData, values: [String: String], errors: ValidationErrors) -> HTML {
        var blocks: [HTML] = []
        for party in data.content.parties {
            let p = "p\(party.organisationID)_"
            blocks.append("""
            <fieldset><legend>\(party.organisationName) (\(data.programme.partyRoleLabel(party.role)))</legend>
            \(Components.textField(p + "name", label: "Naam van wie tekent", value: values[p + "name"] ?? "", errors: errors))
            \(Components.textField(p + "title", label: "Functie", value: values[p + "title"] ?? "", errors: errors))
            \(Components.textField(p + "signed_on", label: "Getekend op", value: values[p + "signed_on"] ?? "", errors: errors, hint: "Bijvoorbeeld 30-06-2026; leeg laten als deze partij nog niet heeft getekend."))
            </fieldset>
            """)
        }
        return frame("Ondertekening vastleggen", context: context, data: data, errors: errors,
                     Components.form(action: Route.agreements(.sign(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <p>Leg per partij vast wie heeft getekend en wanneer. Zodra alle partijen hebben getekend, is versie \(data.version.number) vastgesteld en alleen nog te lezen.</p>
        \(HTML.joined(blocks))
        \(buttons(data, label: "Ondertekening opslaan"))
        """))
    }

    // MARK: - Amendment

    public static func amend(context: PageContext, data: AgreementPageData, reason: String, errors: ValidationErrors) -> HTML {
        frame("Afspraak bijstellen", context: context, data: data, errors: errors,
              Components.form(action: Route.agreements(.amend(data.agreement.id)).path, csrf: context.csrfToken, """
        \(lock(data))
        <p>Een bijstelling begint als kopie van versie \(data.version.number) in concept. Wat u daarin wijzigt, vervangt de cijfers van versie \(data.version.number) zodra de bijstelling is vastgesteld; versie \(data.version.number) blijft leesbaar.</p>
        \(Components.textArea("reason", label: "Reden van de bijstelling", value: reason, errors: errors, hint: "Bijvoorbeeld: uitkomst van de jaarlijkse evaluatie, voorstel uit het jaarplan.", rows: 4))
        \(buttons(data, label: "Bijstelling starten"))
        """))
    }
}
