import Domain
import Markup

/// The outgoing e-mail (issue 20): the list for project leaders, and one's own reminder setting.
public enum MailPages {
    /// Every message with state, attempts and last error; never the body (it may hold a
    /// set-password link). A failed message has a resend button.
    public static func list(context: PageContext, entries: [OutboxEntry], notice: String?) -> HTML {
        var rows: [HTML] = []
        for entry in entries {
            let action: HTML = entry.state == .failed
                ? Components.postButton(to: .mail(.resend(entry.id)), label: "Opnieuw versturen", csrf: context.csrfToken)
                : .empty
            let recipient = entry.toName.isEmpty ? entry.toAddress : "\(entry.toName) <\(entry.toAddress)>"
            rows.append("""
            <tr><td>\(entry.createdAt)</td><td>\(recipient)</td><td>\(entry.kind?.label ?? "")</td><td>\(entry.subject)</td>\
            <td>\(entry.state.label)</td><td class="number">\(String(entry.attempts))</td><td>\(entry.lastError ?? "")</td><td>\(action)</td></tr>
            """)
        }
        return Layout.page(title: "E-mail", context: context.with(.mail), """
        <h1>E-mail</h1>
        \(Components.notice(notice))
        <p>Berichten die de applicatie verstuurt. Een mislukte poging wordt na 1 minuut, 5 minuten, 30 minuten en 2 uur
        opnieuw geprobeerd; daarna staat het bericht op ‘Mislukt’. De inhoud van een bericht staat hier niet, omdat er een
        wachtwoordlink in kan staan.</p>
        \(entries.isEmpty ? HTML("<p>Er zijn nog geen berichten.</p>") : HTML("""
        <div class="table-scroll"><table class="data">
        <caption>Berichten, nieuwste eerst</caption>
        <thead><tr><th scope="col">Aangemaakt (UTC)</th><th scope="col">Aan</th><th scope="col">Soort</th><th scope="col">Onderwerp</th>\
        <th scope="col">Status</th><th scope="col">Pogingen</th><th scope="col">Laatste fout</th><th scope="col"><span class="visually-hidden">Actie</span></th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """))
        """)
    }

    /// The user's own setting: deadline reminders by e-mail on or off.
    public static func preferences(context: PageContext, remindersOn: Bool, notice: String?) -> HTML {
        Layout.page(title: "E-mail", context: context.with(.account), """
        <h1>Herinneringen per e-mail</h1>
        \(Components.notice(notice))
        <p>De applicatie herinnert directeuren 21 en 7 dagen voor de inleverdatum van een jaarplan, en op de eerste dag
        erna, aan een jaarplan dat nog niet is ingediend. Uitnodigingen en wachtwoordlinks komen altijd.</p>
        \(Components.form(action: Route.mail(.preferences).path, csrf: context.csrfToken, """
        <div class="checkbox"><input type="checkbox" id="reminders" name="reminders" value="1"\(attr: "checked", if: remindersOn)>
        <label for="reminders">Stuur mij herinneringen per e-mail</label></div>
        <button type="submit" class="button">Opslaan</button>
        """))
        <p><a href="\(Route.account.path)">Terug naar mijn account</a></p>
        """)
    }
}
