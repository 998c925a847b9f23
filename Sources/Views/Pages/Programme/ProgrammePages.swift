import Domain
import Markup

/// The programme settings page (issue 22): the general form and one form per list. A failed
/// form comes back with its typed values and messages; the other forms show what is stored.
public enum ProgrammePages {
    /// What the page shows: the general form's values and each list's rows (typed or stored).
    public struct Model: Sendable {
        public var general: ProgrammeGeneralForm
        public var lists: [ProgrammeListForm]
        /// The form that failed (nil: none) and its messages.
        public var failed: ProgrammeRoute?
        public var errors: ValidationErrors
        public var notice: String?

        public init(general: ProgrammeGeneralForm, lists: [ProgrammeListForm], failed: ProgrammeRoute? = nil,
                    errors: ValidationErrors = ValidationErrors(), notice: String? = nil) {
            self.general = general
            self.lists = lists
            self.failed = failed
            self.errors = errors
            self.notice = notice
        }
    }

    public static func settings(context: PageContext, model: Model) -> HTML {
        let none = ValidationErrors()
        let generalErrors = model.failed == .settings ? model.errors : none
        let g = model.general
        var sections: [HTML] = []
        for form in model.lists {
            sections.append(list(context: context, form: form, errors: model.failed == .list(form.list) ? model.errors : none))
        }
        let yearKinds = [(Programme.YearKind.school.rawValue, "Schooljaren (1 augustus t/m 31 juli, 2024-2025)"),
                         (Programme.YearKind.calendar.rawValue, "Kalenderjaren (2024)")]
        return Layout.page(title: "Programma-instellingen", context: context.with(.programme), """
        <h1>Programma-instellingen</h1>
        <p>Wat hier staat, gebruikt de hele toepassing: namen, jaren, doelen en lijsten. Een wijziging die in strijd is met wat al is vastgelegd (een ander soort jaar terwijl er afspraken zijn, een doel laten vervallen waar resultaten onder vallen) wordt geweigerd, met de reden. Elke wijziging staat in het logboek. De inleverdata van de jaarplannen staan op <a href="\(Route.plans(.deadlines).path)">Inleverdata jaarplannen</a>.</p>
        \(Components.notice(model.notice))
        \(Components.errorSummary(model.errors))
        <section aria-labelledby="algemeen">
        <h2 id="algemeen">Algemeen</h2>
        \(Components.form(action: Route.programme(.settings).path, csrf: context.csrfToken, """
        \(Components.textField("name", label: "Naam van het programma", value: g.name, errors: generalErrors, required: true))
        \(Components.textField("shortName", label: "Korte naam", value: g.shortName, errors: generalErrors, required: true))
        \(Components.textField("siteName", label: "Naam van de site", value: g.siteName, errors: generalErrors, hint: "Staat boven elke pagina en in de titel.", required: true))
        \(Components.textField("municipality", label: "Gemeente", value: g.municipality, errors: generalErrors, required: true))
        \(Components.textField("steeringGroup", label: "Naam van de stuurgroep", value: g.steeringGroup, errors: generalErrors, required: true))
        \(Components.select("yearKind", label: "Soort jaar", options: yearKinds, selected: g.yearKind, errors: generalErrors))
        \(Components.textField("firstYear", label: "Eerste jaar", value: g.firstYear, errors: generalErrors, inputmode: "numeric"))
        \(Components.textField("lastYear", label: "Laatste jaar", value: g.lastYear, errors: generalErrors, inputmode: "numeric"))
        \(Components.textField("minAge", label: "Jongste leeftijd (jaren)", value: g.minAge, errors: generalErrors, inputmode: "numeric"))
        \(Components.textField("maxAge", label: "Oudste leeftijd (jaren)", value: g.maxAge, errors: generalErrors, inputmode: "numeric"))
        \(Components.textField("plusTermYears", label: "Termijn van het predicaat (jaren)", value: g.plusTermYears, errors: generalErrors, inputmode: "numeric"))
        \(Components.textField("plusReassessmentYears", label: "Herijking van het predicaat (elke zoveel jaren)", value: g.plusReassessmentYears, errors: generalErrors, inputmode: "numeric"))
        <button type="submit" class="button button--primary">Algemene instellingen opslaan</button>
        """))
        </section>
        \(sections)
        """)
    }

    /// The cell of an entry's number (the staffing roles' default hours), if the list has one.
    static func numberCell(_ list: ProgrammeList, entry: ProgrammeListEntryForm, index: Int, errors: ValidationErrors) -> HTML {
        guard let number = list.number else { return .empty }
        let id = ProgrammeListForm.field(list, number.name, index)
        let error: HTML = errors[id].map { HTML("<p class=\"field-error\" id=\"\(id)-error\">\($0)</p>") } ?? .empty
        return """
        <td class="field\(errors[id] == nil ? "" : " field--error")"><label for="\(id)" class="visually-hidden">\(number.label)</label>\(error)<input type="text" inputmode="decimal" size="4" id="\(id)" name="\(id)" value="\(entry.number)"\(attr: "aria-invalid", errors[id] == nil ? nil : "true")\(attr: "aria-describedby", errors[id] == nil ? nil : "\(id)-error")></td>
        """
    }

    static func list(context: PageContext, form: ProgrammeListForm, errors: ValidationErrors) -> HTML {
        let list = form.list
        let heading = "lijst-\(list.rawValue)"
        var rows: [HTML] = []
        for (index, entry) in form.entries.enumerated() {
            let label = ProgrammeListForm.field(list, "label", index), position = ProgrammeListForm.field(list, "position", index)
            let key = ProgrammeListForm.field(list, "key", index), retire = ProgrammeListForm.field(list, "retire", index)
            let isNew = entry.key.isEmpty
            var flags: [HTML] = []
            for flag in list.flags {
                let name = ProgrammeListForm.field(list, flag.name, index)
                flags.append("<td><input type=\"checkbox\" id=\"\(name)\" name=\"\(name)\" value=\"1\"\(attr: "checked", if: entry.flags.contains(flag.name))><label for=\"\(name)\" class=\"visually-hidden\">\(flag.label)</label></td>")
            }
            rows.append("""
            <tr>
            <td class="field\(errors[label] == nil ? "" : " field--error")"><input type="hidden" name="\(key)" value="\(entry.key)"><label for="\(label)" class="visually-hidden">\(isNew ? "Nieuw: naam" : "Naam")</label>\(errors[label].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="text" id="\(label)" name="\(label)" value="\(entry.label)"\(attr: "placeholder", isNew ? "Nieuwe regel" : nil)></td>
            <td class="field\(errors[position] == nil ? "" : " field--error")"><label for="\(position)" class="visually-hidden">Volgorde</label>\(errors[position].map { HTML("<p class=\"field-error\">\($0)</p>") })<input type="text" inputmode="numeric" size="3" id="\(position)" name="\(position)" value="\(entry.position)"></td>
            \(numberCell(list, entry: entry, index: index, errors: errors))
            \(flags)
            <td>\(isNew ? HTML.empty : HTML("<input type=\"checkbox\" id=\"\(retire)\" name=\"\(retire)\" value=\"1\"\(attr: "checked", if: entry.retire)><label for=\"\(retire)\" class=\"visually-hidden\">Vervalt</label>"))</td>
            </tr>
            """)
        }
        var flagHeads: [HTML] = []
        for flag in list.flags { flagHeads.append("<th scope=\"col\">\(flag.label)</th>") }
        let listError = ProgrammeListForm.listField(list)
        return """
        <section aria-labelledby="\(heading)">
        <h2 id="\(heading)">\(list.title)</h2>
        \(Components.form(action: Route.programme(.list(list)).path, csrf: context.csrfToken, """
        <div id="\(listError)" class="field\(errors[listError] == nil ? "" : " field--error")">\(errors.messages.filter { $0.field == listError }.map { HTML("<p class=\"field-error\">\($0.message)</p>") })</div>
        <input type="hidden" name="\(list.rawValue)-count" value="\(form.entries.count)">
        <table class="table">
        <caption class="visually-hidden">\(list.title)</caption>
        <thead><tr><th scope="col">Naam</th><th scope="col">Volgorde</th>\(list.number.map { HTML("<th scope=\"col\">\($0.label)</th>") })\(flagHeads)<th scope="col">Vervalt</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        <button type="submit" class="button button--primary">\(list.title) opslaan</button>
        """))
        </section>
        """
    }
}
