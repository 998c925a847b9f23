import Domain
import Markup

/// The users pages for project leaders.
public enum UserPages {
    public static func list(context: PageContext, users: [User], ikcNames: [Int64: String], notice: String?) -> HTML {
        var rows: [HTML] = []
        for user in users {
            let ikcs = user.ikcIDs.compactMap { ikcNames[$0] }.joined(separator: ", ")
            rows.append("""
            <tr><th scope="row"><a href="\(Route.users(.user(user.id)).path)">\(user.name)</a></th><td>\(user.email)</td><td>\(context.roleLabel(user.role))</td><td>\(ikcs.isEmpty ? "–" : ikcs)</td><td>\(user.active ? "Actief" : "Gedeactiveerd")</td></tr>
            """)
        }
        return Layout.page(title: "Gebruikers", context: context.with(.users), """
        <h1>Gebruikers</h1>
        \(Components.notice(notice))
        <p><a class="button button--primary" href="\(Route.users(.new).path)">Gebruiker toevoegen</a></p>
        <div class="table-scroll"><table class="data">
        <caption>Alle accounts</caption>
        <thead><tr><th scope="col">Naam</th><th scope="col">E-mailadres</th><th scope="col">Rol</th><th scope="col">IKC</th><th scope="col">Status</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """)
    }

    static func roleOptions(_ programme: Programme? = nil) -> [(String, String)] { Role.allCases.map { ($0.rawValue, programme.roleLabel($0)) } }

    static func ikcOptions(_ ikcs: [(id: Int64, name: String)]) -> [(String, String)] { ikcs.map { (String($0.id), $0.name) } }

    /// The organisation a partner acts for: a choice on the new and edit forms.
    static func organisationField(_ organisations: [(id: Int64, name: String)], selected: String, errors: ValidationErrors) -> HTML {
        Components.select("organisation", label: "Organisatie (alleen voor een partner)",
                          options: organisations.map { (String($0.id), $0.name) }, selected: selected, errors: errors, includeEmpty: "Geen")
    }

    public static func new(context: PageContext, form: UserForm, ikcs: [(id: Int64, name: String)], errors: ValidationErrors,
                           organisations: [(id: Int64, name: String)] = []) -> HTML {
        Layout.page(title: "Gebruiker toevoegen", context: context.with(.users), """
        <div class="narrow">
        <h1>Gebruiker toevoegen</h1>
        <p>De nieuwe gebruiker krijgt een link om zelf een wachtwoord in te stellen. U ziet die link één keer na het opslaan.</p>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.users(.new).path, csrf: context.csrfToken, """
        \(Components.textField("name", label: "Naam", value: form.name, errors: errors, required: true, autocomplete: "off"))
        \(Components.textField("email", label: "E-mailadres", value: form.email, errors: errors, type: "email", required: true, autocomplete: "off"))
        \(Components.select("role", label: "Rol", options: roleOptions(context.programme), selected: form.role, errors: errors))
        \(Components.checkboxes("ikcs", legend: "IKC (alleen voor een directeur)", options: ikcOptions(ikcs), checked: Set(form.ikcIDs.map { String($0) }), errors: errors))
        \(organisationField(organisations, selected: form.organisationID.map { String($0) } ?? "", errors: errors))
        <button type="submit" class="button button--primary">Gebruiker opslaan</button>
        <a class="button button--secondary" href="\(Route.users(.index).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    public static func created(context: PageContext, user: User, link: String) -> HTML {
        Layout.page(title: "Gebruiker toegevoegd", context: context.with(.users), """
        <div class="narrow">
        <h1>Gebruiker toegevoegd</h1>
        \(Components.notice("De gebruiker is toegevoegd."))
        <p>\(user.name) (\(user.email)) is toegevoegd als \(context.roleLabel(user.role).lowercased()).</p>
        <p>De uitnodiging met een link om één keer een wachtwoord in te stellen wordt per e-mail verstuurd naar \(user.email) (zie <a href="\(Route.mail(.index).path)">E-mail</a>). Komt die niet aan, stuur dan zelf deze link; hij verloopt na 7 dagen en wordt niet opnieuw getoond.</p>
        <p class="secret"><code>\(link)</code></p>
        <p><a href="\(Route.users(.index).path)">Terug naar gebruikers</a></p>
        </div>
        """)
    }

    public static func passwordLink(context: PageContext, user: User, link: String) -> HTML {
        Layout.page(title: "Nieuwe wachtwoordlink", context: context.with(.users), """
        <div class="narrow">
        <h1>Nieuwe wachtwoordlink voor \(user.name)</h1>
        \(Components.notice("Er is een nieuwe wachtwoordlink gemaakt."))
        <p>De link wordt per e-mail verstuurd naar \(user.email) (zie <a href="\(Route.mail(.index).path)">E-mail</a>). Met de link stelt de gebruiker één keer een nieuw wachtwoord in; komt de e-mail niet aan, stuur dan zelf deze link. Hij verloopt na 7 dagen en wordt niet opnieuw getoond. Eerdere, ongebruikte links werken niet meer.</p>
        <p class="secret"><code>\(link)</code></p>
        <p><a href="\(Route.users(.index).path)">Terug naar gebruikers</a></p>
        </div>
        """)
    }

    public static func edit(context: PageContext, user: User, role: String, active: Bool, ikcIDs: [Int64],
                            ikcs: [(id: Int64, name: String)], errors: ValidationErrors,
                            organisations: [(id: Int64, name: String)] = [], organisationID: Int64? = nil) -> HTML {
        Layout.page(title: user.name, context: context.with(.users), """
        <div class="narrow">
        <h1>\(user.name)</h1>
        <p>\(user.email)</p>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.users(.user(user.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(user.lockVersion)">
        \(Components.select("role", label: "Rol", options: roleOptions(context.programme), selected: role, errors: errors))
        \(Components.checkboxes("ikcs", legend: "IKC (alleen voor een directeur)", options: ikcOptions(ikcs), checked: Set(ikcIDs.map { String($0) }), errors: errors))
        \(organisationField(organisations, selected: organisationID.map { String($0) } ?? "", errors: errors))
        <div class="field"><div class="checkbox"><input type="checkbox" id="active" name="active" value="1"\(attr: "checked", if: active)><label for="active">Account is actief (uitvinken om te deactiveren; het account blijft in het logboek staan)</label></div></div>
        <button type="submit" class="button button--primary">Wijzigingen opslaan</button>
        <a class="button button--secondary" href="\(Route.users(.index).path)">Annuleren</a>
        """))
        <h2>Wachtwoord vergeten?</h2>
        <p>Maak een nieuwe eenmalige link waarmee \(user.name) zelf een nieuw wachtwoord instelt.</p>
        \(Components.postButton(to: .users(.passwordLink(user.id)), label: "Nieuwe wachtwoordlink maken", csrf: context.csrfToken))
        \(TwoFactorPages.resetSection(context: context, user: user))
        </div>
        """)
    }
}
