import Domain
import Markup

/// The audit log, newest first, filtered by person, record kind, record and period.
public enum AuditPage {
    public struct Model: Sendable {
        public var rows: [AuditRowText]
        public var input: AuditFilterInput
        public var errors: ValidationErrors
        public var people: [String]

        public init(rows: [AuditRowText], input: AuditFilterInput, errors: ValidationErrors, people: [String]) {
            self.rows = rows
            self.input = input
            self.errors = errors
            self.people = people
        }
    }

    /// A record kind's name in the filter; the predicate's in the programme's words (KvK2
    /// "Plus-predicaat", none configured: "Predicaat").
    static func kindLabel(_ kind: AuditVocabulary.Kind, context: PageContext) -> String {
        switch kind.code {
        case "plus_predicate": context.predicateName ?? "Predicaat"
        case "plus_condition": context.predicateName == "Plus-predicaat" ? kind.label : "Voorwaarde voor het predicaat"
        default: kind.label
        }
    }

    /// The record kinds to filter on: a programme without a predicate has no predicate records.
    static func kinds(_ context: PageContext) -> [AuditVocabulary.Kind] {
        context.predicateName != nil ? AuditVocabulary.recordKinds : AuditVocabulary.recordKinds.filter { !$0.code.hasPrefix("plus_") }
    }

    public static func render(context: PageContext, model: Model) -> HTML {
        let errors = model.errors
        let personOptions: [HTML] = model.people.map { "<option value=\"\($0)\"></option>" }
        let personError = errors["wie"]
        let csvPath = Route.audit(.csv).path + (model.input.query.isEmpty ? "" : "?" + model.input.query)
        return Layout.page(title: "Logboek", context: context.with(.audit), """
        <h1>Logboek</h1>
        \(Components.errorSummary(errors))
        <form method="get" action="\(Route.audit(.index).path)" class="filters">
        <div class="field\(personError == nil ? "" : " field--error")">
        <label for="wie">Persoon</label>
        \(personError.map { HTML("<p class=\"field-error\" id=\"wie-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>") })
        <input id="wie" name="wie" list="wie-namen" value="\(model.input.person)"\(attr: "aria-describedby", personError == nil ? nil : "wie-error")\(attr: "aria-invalid", personError == nil ? nil : "true")>
        <datalist id="wie-namen">\(personOptions)</datalist>
        </div>
        \(Components.select("soort", label: "Soort gegeven", options: kinds(context).map { ($0.slug, kindLabel($0, context: context)) },
                            selected: AuditVocabulary.recordKinds.first { $0.code == model.input.kind }?.slug ?? model.input.kind, errors: errors, includeEmpty: "Alle soorten"))
        \(Components.textField("nummer", label: "Nummer van het gegeven", value: model.input.record, errors: errors, inputmode: "numeric"))
        \(Components.textField("van", label: "Van (dd-mm-jjjj)", value: model.input.from, errors: errors))
        \(Components.textField("tot", label: "Tot en met (dd-mm-jjjj)", value: model.input.until, errors: errors))
        <button type="submit" class="button button--secondary">Filteren</button>
        </form>
        \(errors.isEmpty ? HTML("<p><a href=\"\(csvPath)\">Download deze regels als CSV</a></p>") : HTML.empty)
        \(model.rows.isEmpty ? HTML("<p>Geen regels gevonden.</p>") : table(model.rows))
        """)
    }

    static func table(_ rows: [AuditRowText]) -> HTML {
        var out: [HTML] = []
        for row in rows {
            let record: HTML
            if let name = row.recordName {
                record = row.route.map { HTML("\(row.kind): <a href=\"\($0.path)\">\(name)</a>") } ?? HTML("\(row.kind): \(name)")
            } else {
                record = HTML("\(row.kind)")
            }
            out.append("""
            <tr><td>\(row.when)</td><td>\(row.who)</td><td>\(row.action)</td><td>\(record)</td><td>\(row.summary)</td><td>\(changes(row.changes))</td></tr>
            """)
        }
        return """
        <div class="table-scroll" role="region" aria-labelledby="logboek-caption" tabindex="0"><table class="data">
        <caption id="logboek-caption">Wijzigingen, nieuwste eerst</caption>
        <thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Handeling</th><th scope="col">Gegeven</th><th scope="col">Omschrijving</th><th scope="col">Wijzigingen</th></tr></thead>
        <tbody>\(out)</tbody>
        </table></div>
        """
    }

    static func changes(_ changes: [AuditRowText.Change]) -> HTML {
        guard !changes.isEmpty else { return .empty }
        var items: [HTML] = []
        for change in changes {
            switch (change.old, change.new) {
            case (let old?, let new?): items.append("<li>\(change.label): \(old) → \(new)</li>")
            case (nil, let new?): items.append("<li>\(change.label): \(new)</li>")
            case (let old?, nil): items.append("<li>\(change.label): was \(old)</li>")
            case (nil, nil): items.append("<li>\(change.label)</li>")
            }
        }
        return "<ul class=\"audit-changes\">\(items)</ul>"
    }
}
