import Domain
import Markup

/// Organisations: the list, the new and edit forms.
public enum OrganisationPages {
    public static func list(context: PageContext, organisations: [Organisation], kinds: [CodeLabel], canEdit: Bool, notice: String?) -> HTML {
        var labels: [String: String] = [:]
        for kind in kinds { labels[kind.code] = kind.label }
        var rows: [HTML] = []
        for o in organisations {
            let contact = [o.contactName, o.contactEmail].filter { !$0.isEmpty }.joined(separator: ", ")
            let signatory = [o.signatoryName, o.signatoryTitle].filter { !$0.isEmpty }.joined(separator: ", ")
            rows.append("""
            <tr><th scope="row"><a href="\(Route.organisations(.organisation(o.id)).path)">\(o.name)</a></th><td>\(labels[o.kind] ?? o.kind)</td><td>\(contact.isEmpty ? "–" : contact)</td><td>\(signatory.isEmpty ? "–" : signatory)</td></tr>
            """)
        }
        let add: HTML = canEdit ? "<p><a class=\"button button--primary\" href=\"\(Route.organisations(.new).path)\">Organisatie toevoegen</a></p>" : .empty
        return Layout.page(title: "Organisaties", context: context.with(.organisations), """
        <h1>Organisaties</h1>
        \(Components.notice(notice))
        \(add)
        <table class="data">
        <caption>\(kinds.map(\.label).joined(separator: ", "))</caption>
        <thead><tr><th scope="col">Naam</th><th scope="col">Soort</th><th scope="col">Contactpersoon</th><th scope="col">Ondertekent afspraken</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """)
    }

    static func fields(_ o: Organisation, kinds: [CodeLabel], errors: ValidationErrors) -> HTML {
        let kindOptions = kinds.map { ($0.code, $0.label) }
        let first: HTML = """
        \(Components.textField("name", label: "Naam", value: o.name, errors: errors, required: true, autocomplete: "off"))
        \(Components.select("kind", label: "Soort organisatie", options: kindOptions, selected: o.kind, errors: errors))
        <fieldset class="field"><legend>Contactpersoon</legend>
        \(Components.textField("contactName", label: "Naam contactpersoon", value: o.contactName, errors: errors, autocomplete: "off"))
        \(Components.textField("contactEmail", label: "E-mailadres contactpersoon", value: o.contactEmail, errors: errors, type: "email", autocomplete: "off"))
        </fieldset>
        """
        let second: HTML = """
        <fieldset class="field"><legend>Ondertekenaar van afspraken</legend>
        \(Components.textField("signatoryName", label: "Naam ondertekenaar", value: o.signatoryName, errors: errors, autocomplete: "off"))
        \(Components.textField("signatoryTitle", label: "Functie ondertekenaar", value: o.signatoryTitle, errors: errors, hint: "Bijvoorbeeld wethouder, bestuurder of directeur-bestuurder.", autocomplete: "off"))
        </fieldset>
        """
        return "\(first)\(second)"
    }

    public static func new(context: PageContext, form: Organisation, kinds: [CodeLabel], errors: ValidationErrors) -> HTML {
        Layout.page(title: "Organisatie toevoegen", context: context.with(.organisations), """
        <div class="narrow">
        <h1>Organisatie toevoegen</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.organisations(.new).path, csrf: context.csrfToken, """
        \(fields(form, kinds: kinds, errors: errors))
        <button type="submit" class="button button--primary">Organisatie opslaan</button>
        <a class="button button--secondary" href="\(Route.organisations(.index).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    /// The edit form for project leaders; others see the facts.
    public static func edit(context: PageContext, form: Organisation, kinds: [CodeLabel], ikcCount: Int, canEdit: Bool, errors: ValidationErrors) -> HTML {
        // A kind as one word in a sentence: the first word of its label ("Koepel PO" → "koepel").
        let word = { (code: String) in String(context.kindLabel(code).split(separator: " ").first ?? "").lowercased() }
        let body: HTML
        if canEdit {
            body = """
            \(Components.errorSummary(errors))
            \(Components.form(action: Route.organisations(.organisation(form.id)).path, csrf: context.csrfToken, """
            <input type="hidden" name="lock_version" value="\(form.lockVersion)">
            \(fields(form, kinds: kinds, errors: errors))
            <button type="submit" class="button button--primary">Wijzigingen opslaan</button>
            <a class="button button--secondary" href="\(Route.organisations(.index).path)">Annuleren</a>
            """))
            """
        } else {
            let kind = kinds.first { $0.code == form.kind }?.label ?? form.kind
            body = """
            <dl class="facts">
            <dt>Soort</dt><dd>\(kind)</dd>
            <dt>Contactpersoon</dt><dd>\(form.contactName.isEmpty ? "–" : form.contactName) \(form.contactEmail)</dd>
            <dt>Ondertekenaar</dt><dd>\(form.signatoryName.isEmpty ? "–" : form.signatoryName) \(form.signatoryTitle)</dd>
            </dl>
            """
        }
        return Layout.page(title: form.name.isEmpty ? "Organisatie" : form.name, context: context.with(.organisations), """
        <div class="narrow">
        <h1>\(form.name.isEmpty ? "Organisatie" : form.name)</h1>
        <p>\(ikcCount == 0 ? "Nog niet betrokken bij een IKC." : "Betrokken bij \(ikcCount == 1 ? "1 IKC" : "\(ikcCount) IKC's") als \(word("koepel")), \(word("kinderopvang")) of partij bij de resultaatafspraak.")</p>
        \(body)
        </div>
        """)
    }
}
