import Domain
import HTTP
import Store
import Views

/// Signing in the application: a partner signs for its own organisation, the project leader for
/// the municipality, while the newest version lies ter ondertekening; the last signature fixes it.
extension AgreementsHandler {
    func showSignature(id: Int64) throws -> Response {
        let (data, party) = try loadSignable(id, organisation: request.query["organisation"])
        return page(AgreementSignaturePage.form(context: user.page, data: data, party: party, name: party.signatoryName,
                                                title: party.signatoryTitle, errors: ValidationErrors()))
    }

    func saveSignature(id: Int64) throws -> Response {
        let values = request.formValues()
        let (data, party) = try loadSignable(id, organisation: values["organisation"])
        let expected = try expectedLock(values, data)
        let input = AgreementRules.SignatoryInput(organisationID: party.organisationID,
                                                  name: (values["name"] ?? "").trimmingWhitespace(),
                                                  title: (values["title"] ?? "").trimmingWhitespace())
        var errors = ValidationErrors()
        for (field, message) in AgreementRules.validateSignatories([input], parties: [party]).messages {
            errors.add(field == input.nameField ? "name" : "title", message)
        }
        guard errors.isEmpty else {
            return page(AgreementSignaturePage.form(context: user.page, data: data, party: party, name: input.name, title: input.title,
                                                    errors: errors), status: 422)
        }
        do {
            let fixed = try Agreements.signInApplication(organisationID: party.organisationID, name: input.name, title: input.title,
                                                         on: today(), data.content, of: data.agreement, expected: expected,
                                                         by: principal.userID, in: store)
            return showSaved(id, saved: fixed ? "fixed" : "signed")
        } catch StoreError.duplicate {
            throw AppError.conflict(detail: "\(party.organisationName) heeft deze versie al getekend. Er is niets gewijzigd.")
        }
    }

    /// The newest version ter ondertekening and the party the principal signs for: a partner its
    /// own organisation (another one is 403), a project leader the municipality. A version that
    /// is not ter ondertekening, or a party that has signed, is a 409 that says why.
    func loadSignable(_ id: Int64, organisation: String?) throws -> (AgreementPageData, AgreementParty) {
        let data = try loadAgreement(id)
        guard allows(.sign, .agreement, ikcID: data.agreement.ikcID) else { throw AppError.forbidden }
        let party: AgreementParty?
        switch principal.role {
        case .partner:
            guard let own = principal.organisationID else { throw AppError.forbidden }
            if let organisation, !organisation.isEmpty, organisation != String(own) { throw AppError.forbidden }
            party = data.content.parties.first { $0.organisationID == own }
        case .projectleider:
            party = data.content.parties.first { $0.role == "gemeente" }
        case .directeur, .ontwikkelgroep:
            throw AppError.forbidden
        }
        switch data.version.status {
        case .concept:
            throw AppError.conflict(detail: "Versie \(data.version.number) is nog een concept en ligt niet ter ondertekening. Er is niets getekend.")
        case .vastgesteld:
            throw AppError.conflict(detail: "Versie \(data.version.number) is al vastgesteld. Er is niets getekend.")
        case .terOndertekening:
            break
        }
        guard let party else { throw AppError.forbidden }
        if let signed = party.signedOn {
            throw AppError.conflict(detail: "\(party.organisationName) heeft versie \(data.version.number) al getekend op \(signed.dutch). Er is niets gewijzigd.")
        }
        return (data, party)
    }
}
