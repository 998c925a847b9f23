import Domain
import Markup

/// Areas (gebieden): the list with the herijking warning, the forms, the indicators and the
/// CSV import.
public enum AreaPages {
    public struct Row: Sendable {
        public var area: Area
        public var overdue: Bool
        public var nextReassessment: Day?
        public init(area: Area, overdue: Bool, nextReassessment: Day?) {
            self.area = area
            self.overdue = overdue
            self.nextReassessment = nextReassessment
        }
    }

    static func herijking(_ row: Row) -> HTML {
        let last = row.area.reassessedOn?.dutch ?? "nooit"
        if row.overdue {
            return "\(last) <strong class=\"flag\">herijking te laat\(row.nextReassessment.map { " (was " + $0.dutch + ")" } ?? "")</strong>"
        }
        return "\(last)\(row.nextReassessment.map { "; volgende uiterlijk " + $0.dutch } ?? "")"
    }

    public static func list(context: PageContext, rows: [Row], years: Int, canEdit: Bool, notice: String?) -> HTML {
        var body: [HTML] = []
        for row in rows {
            body.append("""
            <tr><th scope="row"><a href="\(Route.areas(.area(row.area.id)).path)">\(row.area.name)</a></th><td>\(classText(row.area, context.programme))</td><td>\(herijking(row))</td></tr>
            """)
        }
        let overdue = rows.filter(\.overdue).count
        let actions: HTML = canEdit ? """
        <p><a class="button button--primary" href="\(Route.areas(.new).path)">Gebied toevoegen</a>
        <a class="button button--secondary" href="\(Route.areas(.importCSV).path)">Indicatoren importeren (CSV)</a></p>
        """ : .empty
        return Layout.page(title: "Gebieden", context: context.with(.areas), """
        <h1>Gebieden</h1>
        \(Components.notice(notice))
        <p>De gebiedsindeling wordt elke \(AreaPages.inWords(years)) jaar herijkt.\(overdue > 0 ? " Bij \(overdue) gebied(en) is de herijking te laat." : "")</p>
        \(actions)
        <table class="data">
        <caption>Gebieden en de herijking van hun indeling</caption>
        <thead><tr><th scope="col">Gebied</th><th scope="col">\(classHeading(context.programme))</th><th scope="col">Laatste herijking</th></tr></thead>
        <tbody>\(body)</tbody>
        </table>
        """)
    }

    /// The classification of yes/no programmes (KvK2: aandachtsgebied) as "Ja"/"Nee" under the
    /// upper level's name; a scale by the level's own name.
    static func classHeading(_ programme: Programme?) -> String {
        guard let classes = programme?.areaClasses, classes.count > 2 else { return programme?.areaClasses.last?.label ?? "Aandachtsgebied" }
        return "Indeling"
    }

    static func classText(_ area: Area, _ programme: Programme?) -> String {
        guard let classes = programme?.areaClasses, classes.count > 2 else { return area.isPriority ? "Ja" : "Nee" }
        return programme?.areaClassLabel(area.level) ?? String(area.level)
    }

    static func classField(_ form: AreaForm, programme: Programme?, errors: ValidationErrors) -> HTML {
        if let classes = programme?.areaClasses, classes.count > 2 {
            return Components.select("isPriority", label: "Gebiedsindeling", options: classes.map { (String($0.level), $0.label) },
                                     selected: String(form.level), errors: errors)
        }
        let label = programme?.areaClasses.last?.label ?? "Aandachtsgebied"
        let note = programme.predicateName.map { " (IKC's hier kunnen het \($0) krijgen)" } ?? ""
        return "<div class=\"field\"><div class=\"checkbox\"><input type=\"checkbox\" id=\"isPriority\" name=\"isPriority\" value=\"1\"\(attr: "checked", if: form.isPriority)><label for=\"isPriority\">\(label)\(note)</label></div></div>"
    }

    static func fields(_ form: AreaForm, errors: ValidationErrors, programme: Programme? = nil) -> HTML {
        """
        \(Components.textField("name", label: "Naam", value: form.name, errors: errors, required: true, autocomplete: "off"))
        \(classField(form, programme: programme, errors: errors))
        \(Components.textField("reassessedOn", label: "Datum laatste herijking", value: form.reassessedOn, errors: errors, type: "date", hint: "De indeling wordt elke \(inWords(programme?.areaReassessmentYears ?? 2)) jaar herijkt. Bijvoorbeeld 01-03-2025."))
        \(Components.textArea("notes", label: "Toelichting", value: form.notes, errors: errors, rows: 3))
        """
    }

    public static func new(context: PageContext, form: AreaForm, errors: ValidationErrors) -> HTML {
        Layout.page(title: "Gebied toevoegen", context: context.with(.areas), """
        <div class="narrow">
        <h1>Gebied toevoegen</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.areas(.new).path, csrf: context.csrfToken, """
        \(fields(form, errors: errors, programme: context.programme))
        <button type="submit" class="button button--primary">Gebied opslaan</button>
        <a class="button button--secondary" href="\(Route.areas(.index).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    /// Hand entry of one indicator, as typed.
    public struct IndicatorForm: Sendable {
        public var year: String
        public var indicator: String
        public var value: String
        public var source: String
        public init(year: String = "", indicator: String = "", value: String = "", source: String = "") {
            self.year = year
            self.indicator = indicator
            self.value = value
            self.source = source
        }
    }

    public struct Detail: Sendable {
        public var row: Row
        public var lockVersion: Int64
        public var form: AreaForm
        public var indicators: [AreaIndicator]
        public var ikcs: [(id: Int64, name: String)]
        public init(row: Row, lockVersion: Int64, form: AreaForm, indicators: [AreaIndicator], ikcs: [(id: Int64, name: String)]) {
            self.row = row
            self.lockVersion = lockVersion
            self.form = form
            self.indicators = indicators
            self.ikcs = ikcs
        }
    }

    /// The indicators as a table: one row per indicator, one column per year.
    public static func indicatorTable(_ indicators: [AreaIndicator], programme: Programme?, caption: String) -> HTML {
        guard !indicators.isEmpty else { return "<p>Nog geen indicatoren voor dit gebied.</p>" }
        let years = Array(Set(indicators.map(\.year))).sorted()
        var names: [String] = []
        var values: [String: Double] = [:]
        var sources: [String: String] = [:]
        for i in indicators {
            if !names.contains(i.indicator) { names.append(i.indicator) }
            values["\(i.indicator)|\(i.year)"] = i.value
            if !i.source.isEmpty { sources[i.indicator] = i.source }
        }
        var head: [HTML] = []
        for year in years { head.append("<th scope=\"col\" class=\"num\">\(programme?.yearLabel(year) ?? String(year))</th>") }
        var rows: [HTML] = []
        for name in names {
            var cells: [HTML] = []
            for year in years {
                let value = values["\(name)|\(year)"]
                cells.append("<td class=\"num\">\(value.map { DutchFormat.number($0, decimals: $0 == $0.rounded() ? 0 : 1) } ?? "–")</td>")
            }
            rows.append("<tr><th scope=\"row\">\(name)\(sources[name].map { HTML("<br><span class=\"hint\">Bron: \($0)</span>") })</th>\(cells)</tr>")
        }
        return """
        <div class="table-scroll"><table class="data">
        <caption>\(caption)</caption>
        <thead><tr><th scope="col">Indicator</th>\(head)</tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        \(programme.map { HTML("<p class=\"hint\">\($0.yearKindExplanation)</p>") })
        """
    }

    public static func detail(context: PageContext, detail: Detail, canEdit: Bool, errors: ValidationErrors,
                              indicatorForm: IndicatorForm, indicatorErrors: ValidationErrors, notice: String?) -> HTML {
        let area = detail.row.area
        var ikcLinks: [HTML] = []
        for ikc in detail.ikcs { ikcLinks.append("<li><a href=\"\(Route.ikcs(.ikc(ikc.id)).path)\">\(ikc.name)</a></li>") }
        let top: HTML = """
        <h1>\(area.name)</h1>
        \(Components.notice(notice))
        <dl class="facts">
        <dt>\(classHeading(context.programme))</dt><dd>\(classText(area, context.programme))</dd>
        <dt>Laatste herijking</dt><dd>\(herijking(detail.row))</dd>
        <dt>IKC's</dt><dd>\(ikcLinks.isEmpty ? HTML("–") : HTML("<ul class=\"plain\">\(ikcLinks)</ul>"))</dd>
        </dl>
        <h2>Indicatoren per jaar</h2>
        \(indicatorTable(detail.indicators, programme: context.programme, caption: "Indicatoren van \(area.name)"))
        """
        guard canEdit else {
            return Layout.page(title: area.name, context: context.with(.areas), top)
        }
        let indicatorSection: HTML = """
        <h3>Indicator invoeren of corrigeren</h3>
        <p>Een waarde voor hetzelfde jaar en dezelfde indicator vervangt de bestaande. Meer tegelijk? <a href="\(Route.areas(.importCSV).path)">Importeer een CSV-bestand</a>.</p>
        \(Components.errorSummary(indicatorErrors))
        \(Components.form(action: Route.areas(.indicators(area.id)).path, csrf: context.csrfToken, """
        \(Components.textField("year", label: "Jaar", value: indicatorForm.year, errors: indicatorErrors, hint: "Het jaar waarin het (school)jaar begint, bijvoorbeeld 2024.", inputmode: "numeric"))
        \(Components.textField("indicator", label: "Indicator", value: indicatorForm.indicator, errors: indicatorErrors, hint: "Bijvoorbeeld: Kinderen in huishoudens met laag inkomen (%)"))
        \(Components.textField("value", label: "Waarde", value: indicatorForm.value, errors: indicatorErrors, hint: "Decimaal met komma, bijvoorbeeld 18,5.", inputmode: "decimal"))
        \(Components.textField("source", label: "Bron", value: indicatorForm.source, errors: indicatorErrors, hint: "Kinderen in Tel, CBS OAB-dashboard of Jeugdmonitor."))
        <button type="submit" class="button button--primary">Indicator opslaan</button>
        """))
        """
        let editSection: HTML = """
        <h2>Gegevens wijzigen</h2>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.areas(.area(area.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(detail.lockVersion)">
        \(fields(detail.form, errors: errors, programme: context.programme))
        <button type="submit" class="button button--primary">Wijzigingen opslaan</button>
        """))
        """
        return Layout.page(title: area.name, context: context.with(.areas), """
        \(top)
        <div class="narrow">
        \(indicatorSection)
        \(editSection)
        </div>
        """)
    }

    public static func importPage(context: PageContext, problems: [ImportProblem], filename: String?, notice: String?) -> HTML {
        var items: [HTML] = []
        for problem in problems { items.append("<li>Regel \(problem.line): \(problem.message)</li>") }
        let report: HTML = problems.isEmpty ? .empty : """
        <div class="error-summary" role="alert" tabindex="-1">
        <h2>Het bestand\(filename.map { " " + $0 } ?? "") is niet geïmporteerd</h2>
        <p>Er is niets opgeslagen. Verbeter deze regels en importeer het hele bestand opnieuw:</p>
        <ul>\(items)</ul>
        </div>
        """
        let form: HTML = Components.form(action: Route.areas(.importCSV).path, csrf: context.csrfToken, enctype: "multipart/form-data", """
        <div class="field"><label for="file">CSV-bestand</label>
        <p class="hint" id="file-hint">Een kopregel en daarna één regel per gebied, jaar en indicator.</p>
        <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint"></div>
        <button type="submit" class="button button--primary">Importeren</button>
        <a class="button button--secondary" href="\(Route.areas(.index).path)">Annuleren</a>
        """)
        return Layout.page(title: "Indicatoren importeren", context: context.with(.areas), """
        <div class="narrow">
        <h1>Indicatoren importeren</h1>
        \(Components.notice(notice))
        \(report)
        <p>Sla het bestand in Excel op als CSV (puntkomma of komma als scheidingsteken; CSV UTF-8 mag ook). Kolommen in de kopregel: <code>gebied;jaar;indicator;waarde;bron</code> (bron is niet verplicht). Een decimaal mag met een komma: <code>18,5</code>. Het jaar is het jaar waarin het (school)jaar begint, of geschreven als <code>2024-2025</code>.</p>
        <p>Een bestaande waarde voor hetzelfde gebied, jaar en dezelfde indicator wordt vervangen. Bevat het bestand één fout, dan wordt niets geïmporteerd.</p>
        <pre class="example">gebied;jaar;indicator;waarde;bron
        Vrijheidswijk;2024;Kinderen in huishoudens met laag inkomen (%);18,5;Kinderen in Tel</pre>
        \(form)
        </div>
        """)
    }
}

extension AreaPages {
    /// Small counts in words, as the other pages write them ("elke twee jaar").
    static func inWords(_ n: Int) -> String {
        let words = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
        return words.indices.contains(n) ? words[n] : String(n)
    }
}
