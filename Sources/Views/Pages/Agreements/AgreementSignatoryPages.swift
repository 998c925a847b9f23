import Domain
import Markup

/// Who signs for each party (name and function), while a version is concept or ter ondertekening.
public enum AgreementSignatoryPages {
    /// `values` holds the typed fields by name (`p<organisation>_name`, `p<organisation>_title`).
    public static func form(context: PageContext, data: AgreementPageData, values: [String: String], errors: ValidationErrors) -> HTML {
        var blocks: [HTML] = []
        for party in data.content.parties {
            let input = AgreementRules.SignatoryInput(organisationID: party.organisationID, name: "", title: "")
            blocks.append("""
            <fieldset><legend>\(party.organisationName) (\(data.programme.partyRoleLabel(party.role)))</legend>
            \(Components.textField(input.nameField, label: "Naam van wie tekent", value: values[input.nameField] ?? "", errors: errors))
            \(Components.textField(input.titleField, label: "Functie", value: values[input.titleField] ?? "", errors: errors))
            </fieldset>
            """)
        }
        return AgreementEditPages.frame("Ondertekenaars", context: context, data: data, errors: errors, """
        <p>Vul per partij in wie de afspraak tekent en in welke functie. Een lege naam is bij het aanmaken van de afspraak overgenomen uit het organisatieregister waar dat kon.</p>
        \(Components.form(action: Route.agreements(.signatories(data.agreement.id)).path, csrf: context.csrfToken, """
        \(AgreementEditPages.lock(data))
        \(blocks)
        \(AgreementEditPages.buttons(data))
        """))
        """)
    }
}
