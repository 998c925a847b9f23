import Domain
import Markup

/// The second factor: the code step of log-in, enrolment with its QR code, the recovery codes
/// shown once, and the reset on the user page. No page shows a secret after enrolment.
public enum TwoFactorPages {
    /// The second step of log-in.
    public static func code(context: PageContext, errors: ValidationErrors, message: String? = nil) -> HTML {
        Layout.page(title: "Inlogcode", context: context, """
        <div class="narrow">
        <h1>Inlogcode</h1>
        <p>Open de authenticator-app op uw telefoon en vul de code van zes cijfers in die bij \(context.siteName) staat.</p>
        \(message.map { HTML("<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>") })
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.twoFactor(.code).path, csrf: context.csrfToken, """
        \(Components.textField("code", label: "Code uit de app", value: "", errors: errors, hint: "Zes cijfers, zonder spaties.", autocomplete: "one-time-code", inputmode: "numeric"))
        <button type="submit" class="button button--primary">Inloggen</button>
        """))
        <h2>Telefoon kwijt?</h2>
        <p>Gebruik een van de herstelcodes die u kreeg toen u tweestapsverificatie instelde. Elke herstelcode werkt één keer.</p>
        \(Components.form(action: Route.twoFactor(.code).path, csrf: context.csrfToken, """
        \(Components.textField("recovery", label: "Herstelcode", value: "", errors: errors, autocomplete: "off"))
        <button type="submit" class="button button--secondary">Inloggen met herstelcode</button>
        """))
        <p>Geen herstelcode meer? Vraag de projectleider om uw tweestapsverificatie opnieuw in te stellen.</p>
        </div>
        """)
    }

    /// Enrolment: the secret as text and as a QR code, confirmed with a first code.
    /// - Parameters:
    ///   - qrSVG: the QR code from App's encoder: made only of numbers and fixed markup.
    ///   - required: whether the user's role requires a second factor (then nothing else opens).
    public static func enrol(context: PageContext, secret: String, qrSVG: String, required: Bool, errors: ValidationErrors) -> HTML {
        // Safe: QRCode.svg() writes fixed tags and attributes and numbers only; no text of a user.
        let image = HTML(unsafeRaw: qrSVG)
        return Layout.page(title: "Tweestapsverificatie instellen", context: context.with(.account), """
        <div class="narrow">
        <h1>Tweestapsverificatie instellen</h1>
        \(required ? HTML("<p class=\"notice\">Voor uw rol is tweestapsverificatie verplicht. Stel het nu in; daarna kunt u verder.</p>") : HTML.empty)
        <p>Na het wachtwoord vraagt \(context.siteName) voortaan een code uit een authenticator-app op uw telefoon
        (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP).</p>
        <ol>
        <li>Scan deze QR-code met de app.
        <div class="qr-code">\(image)</div></li>
        <li>Of vul in de app deze sleutel in: <code class="secret" id="secret">\(grouped(secret))</code></li>
        <li>Vul hieronder de code in die de app nu toont.</li>
        </ol>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.twoFactor(.enrol).path, csrf: context.csrfToken, """
        <input type="hidden" name="secret" value="\(secret)">
        \(Components.textField("code", label: "Code uit de app", value: "", errors: errors, hint: "Zes cijfers, zonder spaties.", required: true, autocomplete: "one-time-code", inputmode: "numeric"))
        <button type="submit" class="button button--primary">Tweestapsverificatie inschakelen</button>
        """))
        </div>
        """)
    }

    /// After the first code: ten recovery codes, shown this once.
    public static func recoveryCodes(context: PageContext, codes: [String]) -> HTML {
        var items: [HTML] = []
        for code in codes { items.append("<li><code>\(code)</code></li>") }
        return Layout.page(title: "Herstelcodes", context: context.with(.account), """
        <div class="narrow">
        <h1>Tweestapsverificatie is ingeschakeld</h1>
        \(Components.notice("Tweestapsverificatie is ingeschakeld."))
        <p>Bewaar deze herstelcodes op een veilige plek, buiten uw telefoon. Met elke code kunt u één keer
        inloggen als u uw telefoon kwijt bent. Ze worden <strong>niet nog eens getoond</strong>.</p>
        <ul class="recovery-codes">\(items)</ul>
        <p><a class="button button--primary" href="\(Route.home.path)">Verder</a></p>
        </div>
        """)
    }

    /// The enrolment page of a user who has a second factor: its state, never its secret.
    public static func enrolled(context: PageContext, status: TwoFactorStatus) -> HTML {
        let since = status.enrolledAt.map { Day(ordinal: Int($0 / 86_400)).dutch } ?? ""
        return Layout.page(title: "Tweestapsverificatie", context: context.with(.account), """
        <div class="narrow">
        <h1>Tweestapsverificatie</h1>
        <p>Tweestapsverificatie is ingeschakeld sinds \(since). U hebt nog \(status.recoveryCodesLeft) ongebruikte herstelcodes.</p>
        <p>Nieuwe telefoon? Vraag de projectleider om uw tweestapsverificatie opnieuw in te stellen; daarna stelt u het hier opnieuw in.</p>
        <p><a href="\(Route.account.path)">Terug naar mijn account</a></p>
        </div>
        """)
    }

    /// On the user page of the administration: a reset for a lost phone.
    static func resetSection(context: PageContext, user: User) -> HTML {
        """
        <h2>Tweestapsverificatie</h2>
        <p>Telefoon kwijt? Verwijder de tweestapsverificatie van \(user.name). Bij de volgende log-in stelt \(user.name) een nieuwe in
        (verplicht voor rollen waarvoor het verplicht is). De huidige sessies van het account worden beëindigd.</p>
        \(Components.postButton(to: .twoFactor(.reset(user.id)), label: "Tweestapsverificatie opnieuw instellen", csrf: context.csrfToken))
        """
    }

    /// The secret in groups of four, as authenticator apps show it.
    static func grouped(_ secret: String) -> String {
        var out = ""
        for (index, char) in secret.enumerated() {
            if index > 0 && index % 4 == 0 { out += " " }
            out.append(char)
        }
        return out
    }
}
