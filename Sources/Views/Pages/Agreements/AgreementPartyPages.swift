import Domain
import Markup

/// The parties of a concept agreement: the list, a form to add a partner, and the confirmation
/// before a partner is removed.
public enum AgreementPartyPages {
    public struct PartnerForm: Sendable {
        public var organisation: String
        public var signatoryName: String
        public var signatoryTitle: String

        public init(organisation: String = "", signatoryName: String = "", signatoryTitle: String = "") {
            self.organisation = organisation
            self.signatoryName = signatoryName
            self.signatoryTitle = signatoryTitle
        }
    }

    public static func parties(context: PageContext, data: AgreementPageData, candidates: [AgreementParty], form: PartnerForm,
                               errors: ValidationErrors) -> HTML {
        let id = data.agreement.id
        var rows: [HTML] = []
        for party in data.content.parties {
            let signer = party.signatoryTitle.isEmpty ? party.signatoryName : "\(party.signatoryName) (\(party.signatoryTitle))"
            let remove: HTML = party.isPartner
                ? "<a href=\"\(Route.agreements(.removeParty(id, party.organisationID)).path)\">Verwijderen<span class=\"visually-hidden\"> (\(party.organisationName))</span></a>"
                : "<span class=\"hint\">kernpartij</span>"
            rows.append("""
            <tr><th scope="row">\(party.organisationName)</th><td>\(data.programme.partyRoleLabel(party.role))</td><td>\(signer.isEmpty ? "–" : signer)</td><td>\(remove)</td></tr>
            """)
        }
        let table: HTML = """
        <table class="data">
        <caption>Partijen van versie \(data.version.number)</caption>
        <thead><tr><th scope="col">Partij</th><th scope="col">Rol</th><th scope="col">Tekent</th><th scope="col">Verwijderen</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
        let options = candidates.map { (String($0.organisationID), $0.organisationName) }
        let add: HTML = candidates.isEmpty ? "<p>Alle organisaties uit het register zijn al partij.</p>" : Components.form(action: Route.agreements(.parties(id)).path, csrf: context.csrfToken, """
        \(AgreementEditPages.lock(data))
        \(Components.select("organisation", label: "Organisatie", options: options, selected: form.organisation, errors: errors, includeEmpty: "Kies een organisatie"))
        \(Components.textField("signatory_name", label: "Wie tekent namens deze partij", value: form.signatoryName, errors: errors, hint: "Leeg laten: de vaste ondertekenaar uit het organisatieregister."))
        \(Components.textField("signatory_title", label: "Functie van wie tekent", value: form.signatoryTitle, errors: errors))
        <p><button type="submit" class="button button--primary">Partner toevoegen</button>
        <a class="button button--secondary" href="\(Route.agreements(.show(id)).path)">Annuleren</a></p>
        """)
        return AgreementEditPages.frame("Partijen bewerken", context: context, data: data, errors: errors, """
        <p>\(data.programme.signingKinds.map(\.label).joined(separator: ", ")) zijn de kernpartijen. Voeg een andere organisatie toe als partner (bijvoorbeeld de GGD) als zij meebetaalt of meewerkt; bij ondertekening moet dan ook zij tekenen voordat de afspraak is vastgesteld.</p>
        \(table)
        <h2>Partner toevoegen</h2>
        \(add)
        """)
    }

    public static func confirmRemoval(context: PageContext, data: AgreementPageData, party: AgreementParty) -> HTML {
        let id = data.agreement.id
        let cents = data.content.totalCents(organisation: party.organisationID)
        let paid = data.content.staffing.filter { $0.paidBy == party.organisationID }.map(\.roleCode)
        var roles: [String] = []
        for code in paid where !roles.contains(code) { roles.append(code) }
        let amounts: HTML = cents > 0
            ? "<li>De bijdragen van \(party.organisationName) in deze versie (samen \(DutchFormat.euros(cents: cents))) worden verwijderd.</li>" : .empty
        let staffing: HTML = roles.isEmpty ? .empty
            : "<li>Bij \(roles.map(data.roleLabel).joined(separator: ", ")) staat daarna geen betaler meer.</li>"
        return AgreementEditPages.frame("Partner verwijderen", context: context, data: data, errors: ValidationErrors(), """
        <div class="warning" role="status">
        <p>Weet u zeker dat u <strong>\(party.organisationName)</strong> als partij uit versie \(data.version.number) wilt verwijderen?</p>
        <ul><li>\(party.organisationName) hoeft dan niet meer te tekenen.</li>\(amounts)\(staffing)</ul>
        <p>Eerdere versies blijven zoals ze zijn.</p>
        </div>
        \(Components.form(action: Route.agreements(.removeParty(id, party.organisationID)).path, csrf: context.csrfToken, """
        \(AgreementEditPages.lock(data))
        <p><button type="submit" class="button button--danger">Ja, \(party.organisationName) verwijderen</button>
        <a class="button button--secondary" href="\(Route.agreements(.parties(id)).path)">Annuleren</a></p>
        """))
        """)
    }
}
