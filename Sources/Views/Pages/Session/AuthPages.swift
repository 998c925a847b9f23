import Domain
import Markup

/// Log-in, set-password and own-account pages.
public enum AuthPages {
    public static func login(context: PageContext, email: String, next: String, errors: ValidationErrors, message: String? = nil,
                             notice: String? = nil) -> HTML {
        Layout.page(title: "Inloggen", context: context, """
        <div class="narrow">
        <h1>Inloggen</h1>
        \(Components.notice(notice))
        <p>Log in met het e-mailadres en wachtwoord van uw account bij \(context.siteName).</p>
        \(message.map { HTML("<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>") })
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.login.path, csrf: context.csrfToken, """
        <input type="hidden" name="next" value="\(next)">
        \(Components.textField("email", label: "E-mailadres", value: email, errors: errors, type: "email", required: true, autocomplete: "email"))
        \(Components.textField("password", label: "Wachtwoord", value: "", errors: errors, type: "password", required: true, autocomplete: "current-password"))
        <button type="submit" class="button button--primary">Inloggen</button>
        """))
        </div>
        """)
    }

    public static func account(context: PageContext, user: User, errors: ValidationErrors, notice: String?) -> HTML {
        Layout.page(title: "Mijn account", context: context.with(.account), """
        <div class="narrow">
        <h1>Mijn account</h1>
        \(Components.notice(notice))
        <dl class="facts">
        <dt>Naam</dt><dd>\(user.name)</dd>
        <dt>E-mailadres</dt><dd>\(user.email)</dd>
        <dt>Rol</dt><dd>\(context.roleLabel(user.role))</dd>
        </dl>
        <p><a href="\(Route.twoFactor(.enrol).path)">Tweestapsverificatie</a>: inloggen met een code uit een app op uw telefoon.</p>
        <p><a href="\(Route.mail(.preferences).path)">Herinneringen per e-mail</a></p>
        <h2>Wachtwoord wijzigen</h2>
        \(user.mustChangePassword ? HTML("<p class=\"notice\">Kies een eigen wachtwoord voordat u verdergaat.</p>") : HTML.empty)
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.account.path, csrf: context.csrfToken, """
        \(Components.textField("current", label: "Huidig wachtwoord", value: "", errors: errors, type: "password", required: true, autocomplete: "current-password"))
        \(Components.textField("password", label: "Nieuw wachtwoord", value: "", errors: errors, type: "password", hint: "Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.", required: true, autocomplete: "new-password"))
        \(Components.textField("confirm", label: "Herhaal het nieuwe wachtwoord", value: "", errors: errors, type: "password", required: true, autocomplete: "new-password"))
        <button type="submit" class="button button--primary">Wachtwoord opslaan</button>
        """))
        </div>
        """)
    }

    public static func setPassword(context: PageContext, token: String, name: String?, errors: ValidationErrors) -> HTML {
        guard let name else {
            return Layout.page(title: "Link verlopen", context: context, """
            <div class="narrow"><h1>Deze link werkt niet meer</h1>
            <p>De link om een wachtwoord in te stellen is al gebruikt of verlopen. Vraag de projectleider om een nieuwe link.</p>
            <p><a href="\(Route.login.path)">Naar inloggen</a></p></div>
            """)
        }
        return Layout.page(title: "Wachtwoord instellen", context: context, """
        <div class="narrow">
        <h1>Wachtwoord instellen</h1>
        <p>Welkom, \(name). Kies een wachtwoord voor uw account.</p>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.session(.setPassword(token: token)).path, csrf: context.csrfToken, """
        \(Components.textField("password", label: "Nieuw wachtwoord", value: "", errors: errors, type: "password", hint: "Minstens 12 tekens.", required: true, autocomplete: "new-password"))
        \(Components.textField("confirm", label: "Herhaal het wachtwoord", value: "", errors: errors, type: "password", required: true, autocomplete: "new-password"))
        <button type="submit" class="button button--primary">Wachtwoord instellen</button>
        """))
        </div>
        """)
    }
}
