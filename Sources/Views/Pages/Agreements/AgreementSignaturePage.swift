import Domain
import Markup

/// Signing in the application for one party: who signs, in what function; the date and moment
/// are recorded on saving.
public enum AgreementSignaturePage {
    public static func form(context: PageContext, data: AgreementPageData, party: AgreementParty, name: String, title: String,
                            errors: ValidationErrors) -> HTML {
        AgreementEditPages.frame("Ondertekenen namens \(party.organisationName)", context: context, data: data, errors: errors, """
        <p>Met ondertekenen stemt \(party.organisationName) in met versie \(data.version.number) van deze resultaatafspraak, zoals in de <a href="\(AgreementRoute.print(data.agreement.id).path(version: data.version.number))">afdrukversie</a>. Naam, functie, datum en tijdstip worden vastgelegd. Hebben alle partijen getekend, dan is de afspraak vastgesteld.</p>
        \(Components.form(action: Route.agreements(.signature(data.agreement.id)).path, csrf: context.csrfToken, """
        \(AgreementEditPages.lock(data))
        <input type="hidden" name="organisation" value="\(String(party.organisationID))">
        \(Components.textField("name", label: "Naam van wie tekent", value: name, errors: errors))
        \(Components.textField("title", label: "Functie", value: title, errors: errors))
        \(AgreementEditPages.buttons(data, label: "Ondertekenen"))
        """))
        """)
    }

    /// The link to sign on the agreement page, when the principal can sign now.
    public static func offer(_ data: AgreementPageData, party: AgreementParty?) -> HTML {
        guard let party, data.isLatest, data.version.status == .terOndertekening, party.signedOn == nil else { return .empty }
        return """
        <p><a class="button button--primary" href="\(Route.agreements(.signature(data.agreement.id)).path)">Ondertekenen namens \(party.organisationName)</a></p>
        """
    }
}
