import Domain
import HTTP
import Markup
import Store
import Views

/// Removing a partner from a concept version, after a confirmation step; the core parties stay.
extension AgreementsHandler {
    func showPartnerRemoval(id: Int64, organisationID: Int64) throws -> Response {
        let data = try loadEditable(id)
        let party = try partnerToRemove(data, organisationID)
        return page(AgreementPartyPages.confirmRemoval(context: user.page, data: data, party: party))
    }

    func savePartnerRemoval(id: Int64, organisationID: Int64) throws -> Response {
        let data = try loadEditable(id)
        let party = try partnerToRemove(data, organisationID)
        let expected = try expectedLock(request.formValues(), data)
        let cents = data.content.totalCents(organisation: organisationID)
        let was = "partner; tekent: \(party.signatoryName) \(party.signatoryTitle); bijdragen \(DutchFormat.euros(cents: cents))"
        try Agreements.removePartner(party, was: was, of: data.agreement, version: data.version, expected: expected,
                                     by: principal.userID, in: store)
        return showSaved(id, saved: "partner-removed")
    }

    /// The partner to remove; a core party or an organisation that is no party is refused.
    func partnerToRemove(_ data: AgreementPageData, _ organisationID: Int64) throws -> AgreementParty {
        guard let party = data.content.parties.first(where: { $0.organisationID == organisationID }) else { throw AppError.notFound }
        guard party.isPartner else {
            throw AppError.conflict(detail: "\(party.organisationName) is een van de kernpartijen (gemeente, koepel, kinderopvang) en kan niet worden verwijderd; alleen toegevoegde partners kunnen weer weg.")
        }
        return party
    }
}
